import type { CollectionAfterOperationHook } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import type { ResolvedRegistrationOptions } from '../types'

import { attachOnRead } from '@quartiersnetz/plugin-kit/attachOnRead'
import { databaseOf, tableOf } from '@quartiersnetz/plugin-kit/drizzleTable'

/**
 * seatsTaken and waitingCount for every event of a read, from one grouped query: always exact.
 * Attached whatever the read selects (widgets select them by name, others rely on getting them).
 */
export const attachSeatCounts = (
  options: ResolvedRegistrationOptions,
): CollectionAfterOperationHook =>
  attachOnRead({
    attach: async ({ docs, ids, req }) => {
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
      const rows = await databaseOf(req.payload).rows(sql`
        SELECT event_id::text AS event_id, status::text AS status, count(*)::int AS n FROM ${tableOf(req.payload, options.slug)}
        WHERE ${eventIn} AND status IN ('confirmed', 'waitlisted')
        GROUP BY event_id, status`)
      const counts = new Map(
        rows.map((row) => [`${String(row.event_id)}:${String(row.status)}`, Number(row.n)]),
      )
      for (const doc of docs) {
        doc.seatsTaken = counts.get(`${String(doc.id)}:confirmed`) ?? 0
        doc.waitingCount = counts.get(`${String(doc.id)}:waitlisted`) ?? 0
      }
    },
  })
