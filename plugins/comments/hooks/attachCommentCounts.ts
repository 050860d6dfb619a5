import type { CollectionAfterOperationHook } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import type { ResolvedCommentsOptions } from '../types'

import { attachOnRead } from '@quartiersnetz/plugin-kit/attachOnRead'
import { databaseOf, tableOf } from '@quartiersnetz/plugin-kit/drizzleTable'

/**
 * Adds `commentCount` (what the public sees: approved, confirmed, not hidden, and replies only
 * to public comments) to the documents a read returns, from one grouped query for the whole
 * page: always current, nothing stored to drift.
 */
export const attachCommentCounts = (
  options: ResolvedCommentsOptions,
): CollectionAfterOperationHook =>
  attachOnRead({
    attach: async ({ collection, docs, ids, req }) => {
      const comments = tableOf(req.payload, options.slugs.comments)
      // As publicCommentsWhere (lib/visibility.ts): a reply counts while its parent is public.
      const rows = await databaseOf(req.payload).rows(sql`
        SELECT c.target_id, count(*)::int AS comment_count
        FROM ${comments} c LEFT JOIN ${comments} p ON p.id = c.parent_id
        WHERE c.target_collection = ${collection} AND c.target_id IN (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})
          AND c.status = 'approved' AND c.is_confirmed AND NOT coalesce(c.is_hidden_by_reports, false)
          AND (c.parent_id IS NULL OR (p.status = 'approved' AND p.is_confirmed
            AND NOT coalesce(p.is_hidden_by_reports, false)))
        GROUP BY c.target_id`)
      const counts = new Map(rows.map((row) => [String(row.target_id), Number(row.comment_count)]))
      for (const doc of docs) {
        doc.commentCount = counts.get(String(doc.id)) ?? 0
      }
    },
    fields: ['commentCount'],
  })
