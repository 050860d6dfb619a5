import type { CollectionAfterDeleteHook } from 'payload'

import type { ResolvedRatingsOptions } from '../types'

import { sql } from '@payloadcms/db-postgres'

import { tableOf, transactionOf } from '@quartiersnetz/plugin-kit/drizzleTable'
import { lockTarget } from '../lib/lockTarget'

/**
 * A rated document that is deleted takes its ratings and its summary with it, in the same
 * transaction and under the document's rating lock (a rating arriving meanwhile waits, then
 * finds no document). One statement each: a module may carry thousands of ratings, and there is
 * no summary left to adjust one by one.
 */
export const deleteRatingsOfTarget =
  (options: ResolvedRatingsOptions): CollectionAfterDeleteHook =>
  async ({ collection, id, req }) => {
    await lockTarget({ collection: collection.slug, id, req })
    const database = await transactionOf(req)
    await database.rows(sql`
      DELETE FROM ${tableOf(req.payload, options.slugs.ratings)}
      WHERE "target_collection" = ${collection.slug} AND "target_id" = ${String(id)}`)
    await database.rows(sql`
      DELETE FROM ${tableOf(req.payload, options.slugs.summaries)}
      WHERE "target_collection" = ${collection.slug} AND "target_id" = ${String(id)}`)
  }
