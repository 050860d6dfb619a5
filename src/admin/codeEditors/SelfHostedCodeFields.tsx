'use client'

import type { CodeFieldClientProps, JSONFieldClientProps } from 'payload'
import type { ReactNode } from 'react'

import { CodeField, JSONField, ShimmerEffect, useTranslation } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import { loadMonaco } from './loadMonaco'

type State = 'failed' | 'loading' | 'ready'

const isMonacoOnPage = () =>
  typeof window !== 'undefined' && Boolean((window as unknown as { monaco?: unknown }).monaco)

/** Renders `children` (Payload's field) once Monaco is on the page, loaded from our server. */
const WhenMonacoIsLoaded = ({ children }: { children: ReactNode }) => {
  const { i18n } = useTranslation()
  const [state, setState] = useState<State>(isMonacoOnPage() ? 'ready' : 'loading')
  useEffect(() => {
    if (state !== 'loading') {
      return
    }
    let isMounted = true
    loadMonaco(i18n.language).then(
      () => isMounted && setState('ready'),
      () => isMounted && setState('failed'),
    )
    return () => {
      isMounted = false
    }
  }, [i18n.language, state])
  if (state === 'ready') {
    return children
  }
  if (state === 'failed') {
    return (
      <p className="field-type" role="alert">
        {i18n.language === 'en'
          ? 'The code editor could not be loaded. Please reload the page.'
          : 'Der Code-Editor konnte nicht geladen werden. Bitte laden Sie die Seite neu.'}
      </p>
    )
  }
  return <ShimmerEffect height="56px" />
}

/** Payload's JSON field, with Monaco from our own server (every `json` field in the admin). */
export const SelfHostedJSONField = (props: JSONFieldClientProps) => (
  <WhenMonacoIsLoaded>
    <JSONField {...props} />
  </WhenMonacoIsLoaded>
)

/** Payload's code field, with Monaco from our own server (every `code` field in the admin). */
export const SelfHostedCodeField = (props: CodeFieldClientProps) => (
  <WhenMonacoIsLoaded>
    <CodeField {...props} />
  </WhenMonacoIsLoaded>
)
