import type { CollectionAfterOperationHook } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import type { ResolvedRegistrationOptions } from '../types'

type Doc = { id?: number | string; seatsTaken?: number; waitingCount?: number }
type DrizzleLike = {
  execute: (query: unknown) => Promise<{ rows: Record<string, unknown>[] }>
}

/** seatsTaken and waitingCount for every event of a read, from one grouped query: always exact. */
export const attachSeatCounts =
  (options: ResolvedRegistrationOptions): CollectionAfterOperationHook =>
  async ({ operation, req, result }) => {
    if (operation !== 'find' && operation !== 'findByID') {
      return result
    }
    const docs: Doc[] = operation === 'find' ? ((result as { docs?: Doc[] }).docs ?? []) : result ? [result as Doc] : []
    const ids = [
      ...new Set(
        docs
          .map((doc) => doc.id)
          .filter((id): id is number | string => id !== undefined)
          .map(String),
      ),
    ]
    if (!ids.length) {
      return result
    }
    const table = sql.raw(`"${options.slug.replace(/-/g, '_').replace(/"/g, '')}"`)
    const drizzle = (req.payload.db as unknown as { drizzle: DrizzleLike }).drizzle
    // Numeric ids are compared as numbers, so the index on event_id is used (a cast of the
    // column to text would scan every registration on every read of events).
    const isNumeric = ids.every((id) => /^\d{1,15}$/.test(id))
    const eventIn = isNumeric
      ? sql`event_id IN (${sql.join(
          ids.map((id) => sql`${Number(id)}`),
          sql`, `,
        )})`
      : sql`event_id::text IN (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})`
    const { rows } = await drizzle.execute(sql`
      SELECT event_id::text AS event_id, status::text AS status, count(*)::int AS n FROM ${table}
      WHERE ${eventIn} AND status IN ('confirmed', 'waitlisted')
      GROUP BY event_id, status`)
    const counts = new Map(rows.map((row) => [`${String(row.event_id)}:${String(row.status)}`, Number(row.n)]))
    for (const doc of docs) {
      doc.seatsTaken = counts.get(`${String(doc.id)}:confirmed`) ?? 0
      doc.waitingCount = counts.get(`${String(doc.id)}:waitlisted`) ?? 0
    }
    return result
  }
