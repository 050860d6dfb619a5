import type { TaskConfig } from 'payload'

import type { ResolvedCommentsOptions } from '../types'

import { sql } from '@payloadcms/db-postgres'

import { databaseOf, tableOf } from '@quartiersnetz/plugin-kit/drizzleTable'

export const ERASE_ABUSE_RECORDS_TASK = 'eraseCommentAbuseRecords' as const

/**
 * Privacy: what defends against abuse is kept only as long as it defends. The keyed hash of the
 * client's address on a comment is erased once the rate-limit window has passed (the day's key
 * already keeps it from being linked to other days); report records (which client reported
 * which comment, one each) are deleted after `reportRetentionDays`, while the comment keeps its
 * count. Hourly, with the purge of unconfirmed comments.
 */
export const eraseAbuseRecordsTask = (
  options: ResolvedCommentsOptions,
): TaskConfig<{ input: object; output: { hashesErased: number; reportsDeleted: number } }> => ({
  slug: ERASE_ABUSE_RECORDS_TASK,
  handler: async ({ req }) => {
    const database = databaseOf(req.payload)
    const hashes = await database.rows(sql`
      UPDATE ${tableOf(req.payload, options.slugs.comments)} SET "client_hash" = NULL
      WHERE "client_hash" IS NOT NULL
        AND "created_at" < now() - make_interval(secs => ${options.rateLimit.windowMs / 1000})
      RETURNING "id"`)
    const reports = await database.rows(sql`
      DELETE FROM ${tableOf(req.payload, options.slugs.reports)}
      WHERE "created_at" < now() - make_interval(days => ${options.reportRetentionDays})
      RETURNING "id"`)
    if (hashes.length || reports.length) {
      req.payload.logger.info({
        hashesErased: hashes.length,
        msg: 'Comment abuse records past their window erased.',
        reportsDeleted: reports.length,
      })
    }
    return { output: { hashesErased: hashes.length, reportsDeleted: reports.length } }
  },
  label: 'Missbrauchsschutz-Daten nach Frist löschen (Kommentare) / Erase comment abuse records',
  outputSchema: [
    { name: 'hashesErased', type: 'number', required: true },
    { name: 'reportsDeleted', type: 'number', required: true },
  ],
  retries: { attempts: 3, backoff: { delay: 60_000, type: 'exponential' } },
  schedule: [{ cron: '23 * * * *', queue: options.purgeQueue }],
})
