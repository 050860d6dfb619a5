import type { TaskConfig } from 'payload'

import type { ResolvedCommentsOptions } from '../types'

import { commentsOf } from '../lib/records'

export const PURGE_UNCONFIRMED_TASK = 'purgeUnconfirmedComments'

/**
 * Deletes comments whose confirmation link has expired unconfirmed: no personal data of people
 * who never confirmed stays longer than the link was valid. Hourly.
 */
export const purgeUnconfirmedTask = (
  options: ResolvedCommentsOptions,
): TaskConfig<{ input: object; output: { deleted: number } }> => ({
  slug: PURGE_UNCONFIRMED_TASK,
  handler: async ({ req }) => {
    const { docs, errors } = await commentsOf(options, req).delete({
      overrideAccess: true,
      select: { id: true },
      where: {
        and: [
          { isConfirmed: { equals: false } },
          { confirmExpiresAt: { less_than: new Date().toISOString() } },
        ],
      },
    })
    if (errors.length) {
      throw new Error(
        `commentsPlugin: ${errors.length} unconfirmed comment(s) could not be deleted: ${errors.map((error) => error.message).join('; ')}`,
      )
    }
    req.payload.logger.info({ msg: 'Unconfirmed comments purged.', deleted: docs.length })
    return { output: { deleted: docs.length } }
  },
  label: 'Unbestätigte Kommentare löschen / Purge unconfirmed comments',
  outputSchema: [{ name: 'deleted', type: 'number', required: true }],
  retries: { attempts: 3, backoff: { delay: 60_000, type: 'exponential' } },
  schedule: [{ cron: '17 * * * *', queue: options.purgeQueue }],
})
