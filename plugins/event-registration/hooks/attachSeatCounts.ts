import type { CollectionAfterOperationHook, PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import type { ResolvedRegistrationOptions, StoredEvent } from '../types'

import { attachOnRead, type ReadDocument } from '@quartiersnetz/plugin-kit/attachOnRead'
import { collectionOf } from '@quartiersnetz/plugin-kit/data'
import { databaseOf, tableOf } from '@quartiersnetz/plugin-kit/drizzleTable'
import { fieldOf, readsWithoutSeatCounts, registrationStateOf } from '../lib/events'

/**
 * seatsTaken and waitingCount for every event of a read, from one grouped query: always exact.
 * Attached whatever the read selects (widgets select them by name, others rely on getting them),
 * except to the plugin's own reads that need none (`readsWithoutSeatCounts`).
 */
export const attachSeatCounts = (
  options: ResolvedRegistrationOptions,
): CollectionAfterOperationHook =>
  attachOnRead({
    attach: async ({ docs, ids, overrideAccess, req, select }) => {
      if (select && readsWithoutSeatCounts.has(select)) {
        return
      }
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
      if (!overrideAccess) {
        await closeWhatHasClosed({ docs, options, req })
      }
    },
  })

/**
 * `registrationOpen` as the API tells it: true only while visitors can register (the same rule
 * the registration endpoint follows), so it turns false by itself once the deadline day is
 * over or the event has begun. The admin's own views (Local API) keep the stored switch, which
 * is what editors set; when a read's `select` left out the start or the deadline, they are read
 * for the whole page at once.
 */
const closeWhatHasClosed = async ({
  docs,
  options,
  req,
}: {
  docs: ReadDocument[]
  options: ResolvedRegistrationOptions
  req: PayloadRequest
}) => {
  if (req.payloadAPI === 'local') {
    return
  }
  const switchedOn = docs.filter((doc) => doc.registrationOpen === true)
  const paths = [options.fields.start, options.fields.deadline ?? 'onlineRegistrationDeadline']
  const incomplete = switchedOn.filter((doc) =>
    paths.some((path) => fieldOf(doc as StoredEvent, path) === undefined),
  )
  const complete = new Map<string, ReadDocument>()
  if (incomplete.length) {
    // Only the start and the deadline: no seat counts for this read of its own.
    const select = Object.fromEntries(paths.map((path) => [path.split('.')[0]!, true as const]))
    readsWithoutSeatCounts.add(select)
    const { docs: found } = await collectionOf<StoredEvent>(req, options.eventsCollection).find({
      depth: 0,
      overrideAccess: true,
      pagination: false,
      select,
      where: { id: { in: incomplete.map((doc) => doc.id) } },
    })
    for (const event of found) {
      complete.set(String(event.id), event)
    }
  }
  const now = new Date()
  for (const doc of switchedOn) {
    const event = { ...(complete.get(String(doc.id)) ?? {}), ...doc } as StoredEvent
    for (const path of paths) {
      const top = path.split('.')[0]!
      if (fieldOf(event, path) === undefined && complete.has(String(doc.id))) {
        event[top] = complete.get(String(doc.id))![top]
      }
    }
    doc.registrationOpen = registrationStateOf(event, options, now) === 'open'
  }
}
