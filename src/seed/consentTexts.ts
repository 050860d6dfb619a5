import type { SeedContext } from './context'

import {
  DEFAULT_CONSENT_TEXTS,
  NETIQUETTE_SLUG,
  PRIVACY_NOTICE_SLUG,
  publishedConsentText,
} from '../../globals/consentTexts'

/**
 * The netiquette and the privacy notice, published once with the texts the network starts with
 * (globals/consentTextDefaults.ts). A text the editors published is theirs: never overwritten.
 */
export const seedConsentTexts = async ({ payload, req }: Pick<SeedContext, 'payload' | 'req'>) => {
  for (const slug of [NETIQUETTE_SLUG, PRIVACY_NOTICE_SLUG] as const) {
    const { version } = await publishedConsentText({ payload, req, slug })
    if (version !== null) {
      continue
    }
    await payload.updateGlobal({
      data: { ...DEFAULT_CONSENT_TEXTS[slug], _status: 'published' },
      overrideAccess: true,
      req,
      slug,
    })
  }
}
