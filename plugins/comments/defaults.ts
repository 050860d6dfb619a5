import type { CommentsPluginOptions, ResolvedCommentsOptions } from './types'

import {
  fixedConsentVersion,
  resolveConsentVersion,
} from '@quartiersnetz/plugin-kit/consentVersion'
import { resolveRateLimit } from '@quartiersnetz/plugin-kit/pluginConfig'
import { resolveReturnOrigins } from '@quartiersnetz/plugin-kit/returnUrl'
import { resolveTargetCollections } from '@quartiersnetz/plugin-kit/targets'

export const resolveOptions = (options: CommentsPluginOptions): ResolvedCommentsOptions => {
  const targets = resolveTargetCollections(options.collections, 'commentsPlugin')
  const consentVersionOf = resolveConsentVersion(options.consentVersion, 'commentsPlugin')
  const positive = (name: string, value: number | undefined, fallback: number) => {
    const resolved = value ?? fallback
    if (!Number.isFinite(resolved) || resolved < 0) {
      throw new Error(`commentsPlugin: \`${name}\` must be a number ≥ 0.`)
    }
    return resolved
  }
  return {
    autoApproveKnownEmails: options.autoApproveKnownEmails ?? false,
    canModerate: options.canModerate ?? (({ req: { user } }) => Boolean(user)),
    collections: targets.map(({ slug }) => slug),
    confirmHours: positive('confirmHours', options.confirmHours, 72),
    consentVersion: fixedConsentVersion(options.consentVersion),
    consentVersionOf,
    disabled: options.disabled ?? false,
    formTokenMaxAgeSeconds: positive(
      'formTokenMaxAgeSeconds',
      options.formTokenMaxAgeSeconds,
      7200,
    ),
    hashSecret: options.hashSecret,
    honeypotField: options.honeypotField ?? 'website',
    mailQueue: options.mailQueue ?? 'mail',
    maxLinks: positive('maxLinks', options.maxLinks, 2),
    maxTextLength: Math.max(1, positive('maxTextLength', options.maxTextLength, 2000)),
    minSubmitSeconds: positive('minSubmitSeconds', options.minSubmitSeconds, 3),
    moderatorEmails: options.moderatorEmails ?? [],
    overrides: options.overrides ?? {},
    purgeQueue: options.purgeQueue ?? 'default',
    rateLimit: resolveRateLimit(
      options.rateLimit,
      { max: 10, windowMs: 10 * 60 * 1000 },
      'commentsPlugin',
    ),
    reportRetentionDays: positive('reportRetentionDays', options.reportRetentionDays, 30),
    reportsToHide: Math.max(1, positive('reportsToHide', options.reportsToHide, 3)),
    requirePublished: options.requirePublished ?? true,
    returnOrigins: resolveReturnOrigins(options.returnOrigins, 'commentsPlugin'),
    siteName: options.siteName,
    slugField: options.slugField ?? 'slug',
    slugs: {
      comments: options.slugs?.comments ?? 'comments',
      reports: options.slugs?.reports ?? 'comment-reports',
    },
    targets,
  }
}
