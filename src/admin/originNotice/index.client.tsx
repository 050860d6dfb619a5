'use client'

import type { ReactNode } from 'react'

import { useSyncExternalStore } from 'react'

import { originMismatchText } from '../../i18n/originMismatch'

import './index.css'

type Props = {
  /** Payload's `csrf` list: the origins whose pages may send the sign-in cookie. */
  accepted: string[]
  children?: ReactNode
  language: 'de' | 'en'
  serverUrl: string
}

const subscribe = () => () => undefined
const pageOrigin = () => window.location.origin
/** On the server there is no page yet: no banner, so the first render matches. */
const noOrigin = () => null

export const OriginNoticeClient = ({ accepted, children, language, serverUrl }: Props) => {
  const origin = useSyncExternalStore(subscribe, pageOrigin, noOrigin)
  const isForeign = origin !== null && accepted.length > 0 && !accepted.includes(origin)
  return (
    <>
      {isForeign ? (
        <div className="qn-origin-notice" role="alert">
          <p>{originMismatchText({ origin, serverUrl })[language]}</p>
          <a href={`${serverUrl}/admin`}>
            {language === 'en' ? 'Open the admin panel at ' : 'Admin-Panel öffnen unter '}
            {serverUrl}/admin
          </a>
        </div>
      ) : null}
      {children}
    </>
  )
}
