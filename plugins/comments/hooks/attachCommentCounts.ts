import type { CollectionAfterOperationHook } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import type { ResolvedCommentsOptions } from '../types'

type Doc = { commentCount?: number; id?: number | string }

type DrizzleLike = { execute: (query: unknown) => Promise<{ rows: Record<string, unknown>[] }> }

const wantsCount = (select: unknown) => {
  if (!select || typeof select !== 'object') {
    return true
  }
  const entries = Object.entries(select as Record<string, unknown>)
  const isInclusive = entries.some(([, value]) => value === true)
  const mention = (select as Record<string, unknown>).commentCount
  return isInclusive ? mention === true : mention !== false
}

/**
 * Adds `commentCount` (approved, confirmed, not hidden) to the documents a read returns, from
 * one grouped query for the whole page: always current, nothing stored to drift.
 */
export const attachCommentCounts =
  (options: ResolvedCommentsOptions): CollectionAfterOperationHook =>
  async ({ args, collection, operation, req, result }) => {
    if (operation !== 'find' && operation !== 'findByID') {
      return result
    }
    if (!wantsCount((args as { select?: unknown }).select)) {
      return result
    }
    const docs: Doc[] = operation === 'find' ? ((result as { docs?: Doc[] }).docs ?? []) : result ? [result as Doc] : []
    const ids = [...new Set(docs.map((doc) => doc.id).filter((id): id is number | string => id !== undefined).map(String))]
    if (!ids.length) {
      return result
    }
    const table = sql.raw(`"${options.slugs.comments.replace(/-/g, '_').replace(/"/g, '')}"`)
    const drizzle = (req.payload.db as unknown as { drizzle: DrizzleLike }).drizzle
    const { rows } = await drizzle.execute(sql`
      SELECT target_id, count(*)::int AS comment_count FROM ${table}
      WHERE target_collection = ${collection.slug} AND target_id IN (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})
        AND status = 'approved' AND is_confirmed AND NOT coalesce(is_hidden_by_reports, false)
      GROUP BY target_id`)
    const counts = new Map(rows.map((row) => [String(row.target_id), Number(row.comment_count)]))
    for (const doc of docs) {
      doc.commentCount = counts.get(String(doc.id)) ?? 0
    }
    return result
  }
