'use client'

import { useDocumentInfo } from '@payloadcms/ui'

import './index.css'

/** Shown only where the form itself is read-only for the signed-in user. */
export const ReadOnlyNoticeClient = ({ text }: { text: string }) => {
  const { hasSavePermission } = useDocumentInfo()
  if (hasSavePermission !== false) {
    return null
  }
  return (
    <p className="read-only-notice" role="note">
      {text}
    </p>
  )
}
