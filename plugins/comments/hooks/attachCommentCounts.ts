import type { CollectionAfterOperationHook } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import type { ResolvedCommentsOptions } from '../types'

import { attachOnRead } from '@quartiersnetz/plugin-kit/attachOnRead'
import { databaseOf, tableOf } from '@quartiersnetz/plugin-kit/drizzleTable'

/**
 * Adds `commentCount` (approved, confirmed, not hidden) to the documents a read returns, from
 * one grouped query for the whole page: always current, nothing stored to drift.
 */
export const attachCommentCounts = (
  options: ResolvedCommentsOptions,
): CollectionAfterOperationHook =>
  attachOnRead({
    attach: async ({ collection, docs, ids, req }) => {
      const rows = await databaseOf(req.payload).rows(sql`
        SELECT target_id, count(*)::int AS comment_count FROM ${tableOf(req.payload, options.slugs.comments)}
        WHERE target_collection = ${collection} AND target_id IN (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})
          AND status = 'approved' AND is_confirmed AND NOT coalesce(is_hidden_by_reports, false)
        GROUP BY target_id`)
      const counts = new Map(rows.map((row) => [String(row.target_id), Number(row.comment_count)]))
      for (const doc of docs) {
        doc.commentCount = counts.get(String(doc.id)) ?? 0
      }
    },
    fields: ['commentCount'],
  })
