import type { ServerProps } from 'payload'
import type { ReactNode } from 'react'

import { OriginNoticeClient } from './index.client'

/**
 * Wraps the whole admin (a provider, so the sign-in page too): when the page is open under an
 * address Payload takes no sign-in cookie from, a banner says so and what to set, before the
 * first save fails. Only the browser knows the page's own address; the server passes the
 * addresses it accepts.
 */
export const OriginNotice = ({
  children,
  i18n,
  payload,
}: Pick<ServerProps, 'i18n' | 'payload'> & { children?: ReactNode }) => (
  <OriginNoticeClient
    accepted={payload.config.csrf}
    language={i18n.language === 'en' ? 'en' : 'de'}
    serverUrl={payload.config.serverURL}
  >
    {children}
  </OriginNoticeClient>
)
