/**
 * The registration writes and reads of the public paths (registering, the mailed links, the
 * seat decisions) as single SQL statements in the request's transaction
 * (plugins/shared/drizzleTable.ts). Registrations are the plugin's own bookkeeping, written
 * only by its endpoints, which validate every value before (zod, the event's questions) and
 * hold the locks that keep the seat rules: the Local API's per-operation work (hooks, access,
 * field traversal, reading the document back) cost more than everything else of a
 * registration (bench/optimisations.md).
 */
import type { PayloadRequest } from 'payload'

import type { SQL } from '@payloadcms/db-postgres/drizzle'

import { sql } from '@payloadcms/db-postgres'

import type { ResolvedRegistrationOptions, StoredRegistration } from '../types'
import type { RegistrationRecord } from './records'

import {
  databaseOf,
  type SqlRunner,
  tableNameOf,
  tableOf,
  transactionOf,
} from '@quartiersnetz/plugin-kit/drizzleTable'

type Row = Record<string, unknown>

const isoOrNull = (value: unknown) =>
  value === null || value === undefined ? null : new Date(String(value)).toISOString()

/** A registration row (as `row_to_json` gives it: snake_case keys) as the Local API reads it. */
export const registrationFromRow = (row: Row): RegistrationRecord => ({
  anonymisedAt: isoOrNull(row.anonymised_at),
  answers: (row.answers as null | Record<string, string>) ?? null,
  attended: (row.attended as boolean | null) ?? null,
  cancelTokenHash: (row.cancel_token_hash as null | string) ?? null,
  confirmedAt: isoOrNull(row.confirmed_at),
  confirmExpiresAt: isoOrNull(row.confirm_expires_at),
  confirmTokenHash: (row.confirm_token_hash as null | string) ?? null,
  consent: {
    givenAt: isoOrNull(row.consent_given_at),
    version: (row.consent_version as null | string) ?? null,
  },
  createdAt: isoOrNull(row.created_at)!,
  email: (row.email as null | string) ?? null,
  event: (row.event_id as null | number | string) ?? null,
  id: row.id as number | string,
  language: (row.language as 'de' | 'en' | null) ?? null,
  name: (row.name as null | string) ?? null,
  returnUrl: (row.return_url as null | string) ?? null,
  status: row.status as StoredRegistration['status'],
})

/** The event's id, whether the registration was read with its event or without. */
const eventOf = ({ event }: StoredRegistration) =>
  event && typeof event === 'object' ? event.id : event

const table = (req: PayloadRequest, options: ResolvedRegistrationOptions) =>
  tableOf(req.payload, options.slug)

const first = async (runner: SqlRunner, query: SQL) => (await runner.rows(query))[0]

/** The registration a mailed link's token hash names (read outside a transaction), if any. */
export const registrationByTokenHash = async ({
  column,
  hash,
  options,
  req,
}: {
  column: 'cancel_token_hash' | 'confirm_token_hash'
  hash: string
  options: ResolvedRegistrationOptions
  req: PayloadRequest
}): Promise<RegistrationRecord | undefined> => {
  const row = await first(
    databaseOf(req.payload),
    sql`SELECT row_to_json(r) AS "registration" FROM ${table(req, options)} r WHERE ${sql.identifier(column)} = ${hash} LIMIT 1`,
  )
  return row ? registrationFromRow(row.registration as Row) : undefined
}

/**
 * Takes the (event, address) lock that `lockForTransaction` would take for these keys and
 * reserves the next registration id, in one statement: the cancel link's hash derives from the
 * id, so the insert can then write it too (a second statement, and the change triggers it
 * fires, saved per registration; bench/optimisations.md). Null when the ids come from no
 * sequence (a host with UUID ids): then the hash is set after the insert.
 */
export const lockAndReserveId = async ({
  lockKeys: [namespaceKey, valueKey],
  options,
  req,
}: {
  lockKeys: [number, number]
  options: ResolvedRegistrationOptions
  req: PayloadRequest
}): Promise<null | string> => {
  // The table's name as pg_get_serial_sequence parses it (quoted, in the adapter's schema).
  const name = tableNameOf(req.payload, options.slug)
  const { schemaName } = req.payload.db
  const qualifiedName = schemaName
    ? sql`quote_ident(${schemaName}) || '.' || quote_ident(${name})`
    : sql`quote_ident(${name})`
  const row = await first(
    await transactionOf(req),
    sql`SELECT pg_advisory_xact_lock(${namespaceKey}::int, ${valueKey}::int),
      nextval(pg_get_serial_sequence(${qualifiedName}, 'id'))::text AS id`,
  )
  return typeof row?.id === 'string' ? row.id : null
}

/**
 * A new pending registration, unless the address has one for the event that is not cancelled
 * (then `null`): the check and the insert in one statement, under the caller's lock on
 * (event, address).
 */
export const insertPendingRegistration = async ({
  data,
  options,
  req,
  reserved,
}: {
  data: {
    answers: Record<string, string>
    confirmExpiresAt: string
    confirmTokenHash: string
    consent: { givenAt: string; version: string }
    email: string
    event: number | string
    language: 'de' | 'en'
    name: string
    returnUrl: null | string
  }
  options: ResolvedRegistrationOptions
  /** The id `lockAndReserveId` reserved, with the hash of the cancel link derived from it. */
  reserved?: { cancelTokenHash: string; id: string }
  req: PayloadRequest
}): Promise<null | RegistrationRecord> => {
  const registrations = table(req, options)
  const row = await first(
    await transactionOf(req),
    sql`
    WITH "inserted" AS (
      INSERT INTO ${registrations} (${reserved ? sql`"id", "cancel_token_hash", ` : sql``}"event_id", "name", "email", "answers", "status", "language", "return_url",
        "confirm_token_hash", "confirm_expires_at", "consent_version", "consent_given_at", "updated_at", "created_at")
      SELECT ${reserved ? sql`${reserved.id}::bigint, ${reserved.cancelTokenHash}, ` : sql``}${data.event}, ${data.name}, ${data.email}, ${JSON.stringify(data.answers)}::jsonb, 'pending', ${data.language},
        ${data.returnUrl}, ${data.confirmTokenHash}, ${data.confirmExpiresAt}, ${data.consent.version}, ${data.consent.givenAt}, now(), now()
      WHERE NOT EXISTS (
        SELECT 1 FROM ${registrations}
        WHERE "event_id" = ${data.event} AND "email" = ${data.email} AND "status" <> 'cancelled'
      )
      RETURNING *
    )
    SELECT row_to_json(i) AS "registration" FROM "inserted" i`,
  )
  return row ? registrationFromRow(row.registration as Row) : null
}

/** Sets the hash of the cancel link, which is derived from the id the insert gave. */
export const setCancelTokenHash = async ({
  hash,
  id,
  options,
  req,
}: {
  hash: string
  id: number | string
  options: ResolvedRegistrationOptions
  req: PayloadRequest
}) => {
  await (
    await transactionOf(req)
  ).rows(sql`UPDATE ${table(req, options)} SET "cancel_token_hash" = ${hash} WHERE "id" = ${id}`)
}

/**
 * A registration read again under its event's lock, with the number of confirmed registrations
 * of its event, in one statement.
 */
export const registrationWithSeatsTaken = async ({
  id,
  options,
  req,
}: {
  id: number | string
  options: ResolvedRegistrationOptions
  req: PayloadRequest
}): Promise<null | { confirmed: number; registration: RegistrationRecord }> => {
  const registrations = table(req, options)
  const row = await first(
    await transactionOf(req),
    sql`SELECT row_to_json(r) AS "registration",
      (SELECT count(*) FROM ${registrations} c WHERE c."event_id" = r."event_id" AND c."status" = 'confirmed')::int AS "confirmed"
      FROM ${registrations} r WHERE r."id" = ${id}`,
  )
  return row
    ? {
        confirmed: Number(row.confirmed),
        registration: registrationFromRow(row.registration as Row),
      }
    : null
}

/** Registrations of the event with `status` (in the transaction). */
export const countWithStatus = async ({
  eventId,
  options,
  req,
  status,
}: {
  eventId: number | string
  options: ResolvedRegistrationOptions
  req: PayloadRequest
  status: StoredRegistration['status']
}): Promise<number> => {
  const row = await first(
    await transactionOf(req),
    sql`SELECT count(*)::int AS "n" FROM ${table(req, options)} WHERE "event_id" = ${eventId} AND "status" = ${status}`,
  )
  return Number(row?.n ?? 0)
}

/**
 * The place on the waiting list: those waiting since before the registration (the order in
 * which promotion takes them: registration time, then id), plus one. As SQL, for use in a
 * statement that reads or changes the registration `r`.
 */
const positionOf = (registrations: SQL) =>
  sql`((SELECT count(*) FROM ${registrations} w WHERE w."event_id" = r."event_id" AND w."status" = 'waitlisted'
    AND (w."created_at" < r."created_at" OR (w."created_at" = r."created_at" AND w."id" < r."id"))) + 1)::int`

/** A waitlisted registration's place on its event's waiting list. */
export const waitlistPosition = async ({
  options,
  registration,
  req,
}: {
  options: ResolvedRegistrationOptions
  registration: StoredRegistration
  req: PayloadRequest
}): Promise<number> => {
  const registrations = table(req, options)
  const runner = req.transactionID ? await transactionOf(req) : databaseOf(req.payload)
  const row = await first(
    runner,
    sql`SELECT ${positionOf(registrations)} AS "position" FROM ${registrations} r WHERE r."id" = ${registration.id} AND r."event_id" = ${eventOf(registration)}`,
  )
  return Number(row?.position ?? 1)
}

/**
 * Sets a registration's status (under the event's lock, in the request's transaction) and
 * answers it as stored. The confirmation token's hash stays, so that the link, opened again,
 * says what became of it.
 */
export const updateStatus = async ({
  id,
  options,
  req,
  status,
}: {
  id: number | string
  options: ResolvedRegistrationOptions
  req: PayloadRequest
  status: StoredRegistration['status']
}): Promise<RegistrationRecord> => {
  const row = await first(
    await transactionOf(req),
    sql`UPDATE ${table(req, options)} AS r SET "status" = ${status}, "confirm_expires_at" = NULL,
      "confirmed_at" = ${status === 'confirmed' ? sql`now()` : sql`"confirmed_at"`}, "updated_at" = now()
      WHERE r."id" = ${id} RETURNING row_to_json(r) AS "registration"`,
  )
  if (!row) {
    throw new Error(`Registration ${String(id)} is gone.`)
  }
  return registrationFromRow(row.registration as Row)
}
