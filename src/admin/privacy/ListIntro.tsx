'use client'

import { Link, useConfig, useTranslation } from '@payloadcms/ui'

import { PRIVACY_VIEW_PATH } from './path'
import { textsFor } from './texts'

/** Above the log's table: the way to the view where requests are answered. */
export const PrivacyRequestsListIntro = () => {
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const text = textsFor(i18n.language)
  const adminRoute = config.routes.admin === '/' ? '' : config.routes.admin
  return (
    <div className="privacy-requests-intro" style={{ marginBottom: 'var(--base)' }}>
      <Link
        className="btn btn--style-primary btn--size-medium"
        href={`${adminRoute}${PRIVACY_VIEW_PATH}`}
      >
        {text.newRequest}
      </Link>
    </div>
  )
}
