import type { AdminViewServerProps } from 'payload'

import { Gutter } from '@payloadcms/ui'

import { hasRole } from '../../access/roles'
import { ViewTemplate } from '../ViewTemplate'
import { PRIVACY_REQUESTS_SLUG } from './path'
import { PrivacyRequestsClient } from './index.client'
import { textsFor } from './texts'

/**
 * The view "Datenschutzanfragen" (/admin/datenschutzanfragen): look up, export and erase what is
 * stored for an e-mail address across every plugin. The coordination office only; others see a
 * short refusal (the endpoints refuse them too).
 */
export const PrivacyRequestsView = ({
  initPageResult,
  params,
  searchParams,
}: AdminViewServerProps) => {
  const { req } = initPageResult
  const language = req.i18n?.language === 'en' ? 'en' : 'de'
  const text = textsFor(language)
  const isAllowed = hasRole(req.user, 'admin', 'editor')
  return (
    <ViewTemplate initPageResult={initPageResult} params={params} searchParams={searchParams}>
      <Gutter className="privacy-requests">
        {isAllowed ? (
          <PrivacyRequestsClient language={language} logSlug={PRIVACY_REQUESTS_SLUG} />
        ) : (
          <div>
            <h1>{text.denied}</h1>
            <p>{text.deniedText}</p>
          </div>
        )}
      </Gutter>
    </ViewTemplate>
  )
}
