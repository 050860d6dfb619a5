import type { Plugin } from 'payload'

import type { CommentsPluginOptions } from './types'

import { assertCollections, extendCollection, withTranslations } from '../shared/pluginConfig'
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
import { MODERATION_VIEW_PATH } from './lib/moderationQueue'
import { purgeUnconfirmedTask } from './tasks/purgeUnconfirmed'
import { translations } from './translations'

export type { CommentsPluginOptions, CommentStatus } from './types'
export { PURGE_UNCONFIRMED_TASK } from './tasks/purgeUnconfirmed'

/**
 * Moderated visitor comments on documents of the given collections: double opt-in by e-mail,
 * spam defences (honeypot, signed form time, link limit), reports, moderation with mails to
 * moderators and commenters through the jobs queue (the host registers `sendMailTask` from
 * plugins/shared and runs the mail queue). Needs @payloadcms/db-postgres.
 */
export const commentsPlugin =
  (pluginOptions: CommentsPluginOptions): Plugin =>
  (config) => {
    const options = resolveOptions(pluginOptions)
    const targets = new Set<string>(options.collections)
    assertCollections(config, [...targets], 'commentsPlugin')
    const comments = commentsCollection(options)
    // Server-only props: the access rule decides who sees the queue and its link.
    const moderationProps = { canModerate: options.canModerate, commentsSlug: options.slugs.comments }
    return {
      ...config,
      admin: {
        ...config.admin,
        components: {
          ...config.admin?.components,
          afterNavLinks: [
            ...(config.admin?.components?.afterNavLinks ?? []),
            { path: '/plugins/comments/components/ModerationNavLink#ModerationNavLink', serverProps: moderationProps },
          ],
          views: {
            ...config.admin?.components?.views,
            commentsModeration: {
              Component: { path: '/plugins/comments/components/ModerationQueue#ModerationQueue', serverProps: moderationProps },
              exact: true,
              path: MODERATION_VIEW_PATH,
            },
          },
        },
      },
      collections: [
        ...(config.collections ?? []).map((collection) => (targets.has(collection.slug)
            ? extendCollection(collection, { fields: [commentCountField], hooks: { afterOperation: [attachCommentCounts(options)] } })
            : collection)),
        {
          ...comments,
          endpoints: [submitEndpoint(options), formTokenEndpoint(options), threadEndpoint(options), ...confirmEndpoints(options), reportEndpoint(options)],
        },
        commentReportsCollection(options),
      ],
      i18n: withTranslations(config, translations),
      jobs: {
        ...config.jobs,
        tasks: [...(config.jobs?.tasks ?? []), purgeUnconfirmedTask(options) as never],
      },
    }
  }
