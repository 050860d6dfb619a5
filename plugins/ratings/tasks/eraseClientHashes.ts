import type { TaskConfig } from 'payload'

import type { ResolvedRatingsOptions } from '../types'

import { sql } from '@payloadcms/db-postgres'

import { databaseOf, tableOf } from '@quartiersnetz/plugin-kit/drizzleTable'

export const ERASE_RATING_CLIENT_HASHES_TASK = 'eraseRatingClientHashes' as const

/** The hourly limit looks back one hour; an hour more covers a rating still being written. */
const WINDOW_HOURS = 2

/**
 * Privacy: the keyed hash of the client's address on a rating serves only the hourly limit per
 * client; once the hour has passed it is erased. The rating keeps its values and the visitor's
 * token hash (so the visitor can still change it). Hourly.
 */
export const eraseClientHashesTask = (
  options: ResolvedRatingsOptions,
): TaskConfig<{ input: object; output: { erased: number } }> => ({
  slug: ERASE_RATING_CLIENT_HASHES_TASK,
  handler: async ({ req }) => {
    // SQL, not the Local API: `updatedAt` must stay the time of the rating (the limit counts by it).
    const rows = await databaseOf(req.payload).rows(sql`
      UPDATE ${tableOf(req.payload, options.slugs.ratings)} SET "client_hash" = NULL
      WHERE "client_hash" IS NOT NULL
        AND "updated_at" < now() - make_interval(hours => ${WINDOW_HOURS})
      RETURNING "id"`)
    if (rows.length) {
      req.payload.logger.info({ erased: rows.length, msg: 'Rating client hashes erased.' })
    }
    return { output: { erased: rows.length } }
  },
  label: 'Missbrauchsschutz-Daten nach Frist löschen (Bewertungen) / Erase rating client hashes',
  outputSchema: [{ name: 'erased', type: 'number', required: true }],
  retries: { attempts: 3, backoff: { delay: 60_000, type: 'exponential' } },
  schedule: [{ cron: '29 * * * *', queue: options.scheduleQueue }],
})
