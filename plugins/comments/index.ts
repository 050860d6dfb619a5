import type { Plugin } from 'payload'

import type { PublicWriteRoute } from '@quartiersnetz/plugin-kit/pluginConfig'

import type { CommentsPluginOptions, ResolvedCommentsOptions } from './types'

import {
  applyOverride,
  assertCollections,
  assertFields,
  extendCollection,
  retryIn,
  withPublicWriteRoutes,
  withTranslations,
} from '@quartiersnetz/plugin-kit/pluginConfig'
import { mailOutboxPersonalData, withPersonalDataSources } from '@quartiersnetz/plugin-kit/privacy'
import { withMailOutbox } from '@quartiersnetz/plugin-kit/sendMailTask'
import { stampConsentVersion } from '@quartiersnetz/plugin-kit/consentVersion'
import { titleFieldOptions } from '@quartiersnetz/plugin-kit/targets'
import { commentReportsCollection } from './collections/commentReports'
import { commentsCollection } from './collections/comments'
import { resolveOptions } from './defaults'
import { confirmEndpoints } from './endpoints/confirm'
import { formTokenEndpoint } from './endpoints/formToken'
import { reportEndpoint } from './endpoints/report'
import { submitEndpoint } from './endpoints/submit'
import { threadEndpoint } from './endpoints/thread'
import { commentCountField } from './fields/commentCountField'
import { attachCommentCounts } from './hooks/attachCommentCounts'
import { deleteCommentsOfTarget } from './hooks/deleteCommentsOfTarget'
import { commentsPersonalData } from './lib/personalData'
import { MODERATION_VIEW_PATH } from './lib/moderationQueue'
import { eraseAbuseRecordsTask } from './tasks/eraseAbuseRecords'
import { purgeUnconfirmedTask } from './tasks/purgeUnconfirmed'
import { translations } from './translations'

export type { CommentsPluginOptions, CommentStatus } from './types'
export type { TargetCollection, TargetInWords } from '@quartiersnetz/plugin-kit/targets'
export { PURGE_UNCONFIRMED_TASK } from './tasks/purgeUnconfirmed'
export { ERASE_ABUSE_RECORDS_TASK } from './tasks/eraseAbuseRecords'
export { ERASED_COMMENT } from './lib/personalData'

/**
 * What the host's edge should count per client: new comments and reports, each on its own. A
 * refusal of the input (an empty or too long text, a body that is no JSON) stores and sends
 * nothing, so it doesn't count: a visitor who corrects their text needn't wait. Accepted ones,
 * 404 and 409 count, so a script can't send confirmation mails or probe comments unbounded.
 */
const publicWriteRoutes = (options: ResolvedCommentsOptions): PublicWriteRoute[] => [
  {
    countsInputRefusals: false,
    kind: 'comment',
    limit: options.rateLimit,
    message: (minutes) => ({
      de: `Zu viele Kommentare von diesem Anschluss. Bitte versuchen Sie es ${retryIn(minutes).de} erneut.`,
      en: `Too many comments from this connection. Please try again ${retryIn(minutes).en}.`,
    }),
    path: `/${options.slugs.comments}`,
  },
  {
    countsInputRefusals: false,
    kind: 'report',
    limit: options.rateLimit,
    message: (minutes) => ({
      de: `Zu viele Meldungen von diesem Anschluss. Bitte versuchen Sie es ${retryIn(minutes).de} erneut.`,
      en: `Too many reports from this connection. Please try again ${retryIn(minutes).en}.`,
    }),
    path: `/${options.slugs.comments}/:id/report`,
  },
]

/**
 * Moderated visitor comments on documents of the given collections: double opt-in by e-mail,
 * spam defences (honeypot, signed form time, link limit), reports, moderation with mails to
 * moderators and commenters through the jobs queue (the mail outbox is added to the config if
 * missing; the host runs the queue). Needs @payloadcms/db-postgres.
 */
export const commentsPlugin =
  (pluginOptions: CommentsPluginOptions): Plugin =>
  (config) => {
    const options = resolveOptions(pluginOptions)
    const targets = new Set<string>(options.collections)
    assertCollections(config, [...targets], 'commentsPlugin')
    for (const { option, path, slug } of titleFieldOptions(options.targets)) {
      assertFields(config, slug, [{ option, path }], 'commentsPlugin')
    }
    const comments = applyOverride(commentsCollection(options), options.overrides.comments)
    const outbox = withMailOutbox(config)
    // Server-only props: the access rule decides who sees the queue and its link.
    const moderationProps = {
      canModerate: options.canModerate,
      commentsSlug: options.slugs.comments,
      isDisabled: options.disabled,
      reportsToHide: options.reportsToHide,
    }
    return {
      ...config,
      admin: {
        ...config.admin,
        components: {
          ...config.admin?.components,
          afterNavLinks: [
            ...(config.admin?.components?.afterNavLinks ?? []),
            {
              path: '@quartiersnetz/plugin-comments/rsc#ModerationNavLink',
              serverProps: moderationProps,
            },
          ],
          views: {
            ...config.admin?.components?.views,
            commentsModeration: {
              Component: {
                path: '@quartiersnetz/plugin-comments/rsc#ModerationQueue',
                serverProps: moderationProps,
              },
              exact: true,
              path: MODERATION_VIEW_PATH,
            },
          },
        },
      },
      collections: [
        ...(outbox.collections ?? []).map((collection) =>
          targets.has(collection.slug)
            ? extendCollection(collection, {
                fields: [commentCountField],
                hooks: {
                  // A deleted document takes its comments with it (same transaction).
                  afterDelete: [deleteCommentsOfTarget(options)],
                  afterOperation: [attachCommentCounts(options)],
                },
              })
            : collection,
        ),
        extendCollection(comments, {
          endpoints: [
            submitEndpoint(options),
            formTokenEndpoint(options),
            threadEndpoint(options),
            ...confirmEndpoints(options),
            reportEndpoint(options),
          ],
          hooks: { beforeChange: [stampConsentVersion(options.consentVersionOf)] },
        }),
        applyOverride(commentReportsCollection(options), options.overrides.reports),
      ],
      custom: withPersonalDataSources(
        { custom: withPublicWriteRoutes(config, publicWriteRoutes(options)) },
        [commentsPersonalData(options), mailOutboxPersonalData()],
      ),
      i18n: withTranslations(config, translations),
      jobs: {
        ...outbox.jobs,
        tasks: [
          ...(outbox.jobs?.tasks ?? []),
          purgeUnconfirmedTask(options),
          eraseAbuseRecordsTask(options),
        ],
      },
    }
  }
