/**
 * SQL the Local API can't express (grouped counts for a whole page, aggregates, `ON CONFLICT`),
 * run through @payloadcms/db-postgres, on the table of a collection slug.
 *
 * Importing the adapter brings its typing of `payload.db` (`drizzle`, `tableNameMap`), so the
 * pool needs no cast. Only a transaction's session is typed `unknown` by Payload: that cast is
 * made once, in `transactionOf`.
 */
import type { Payload, PayloadRequest } from 'payload'

import type { SQL } from '@payloadcms/db-postgres/drizzle'

import { sql } from '@payloadcms/db-postgres'

/** One row of a result, by column name as the query spells it. */
export type Row = Record<string, unknown>

/** Runs a query and answers its rows (read each column with Number(), String(): the driver's types vary). */
export type SqlRunner = { rows: (query: SQL) => Promise<Row[]> }

type Executor = Pick<Payload['db']['drizzle'], 'execute'>

/** A runner on the pool or on a drizzle transaction (`payload.db.drizzle.transaction`'s `tx`). */
export const runnerOf = (executor: Executor): SqlRunner => ({
  rows: async (query) => (await executor.execute(query)).rows,
})

/** The adapter's pool: each query on a connection of its own, outside any transaction. */
export const databaseOf = (payload: Payload): SqlRunner => runnerOf(payload.db.drizzle)

/**
 * The request's transaction (e.g. to insert in the same transaction as the change that causes
 * it). Throws without one: a query meant to be atomic with a change must not run beside it.
 */
export const transactionOf = async (req: PayloadRequest): Promise<SqlRunner> => {
  const transactionID = req.transactionID ? await req.transactionID : undefined
  const session =
    transactionID !== undefined ? req.payload.db.sessions?.[String(transactionID)] : undefined
  if (!session) {
    throw new Error(
      'This plugin needs a transaction on the request here (@payloadcms/db-postgres, initTransaction).',
    )
  }
  // Payload types sessions for every adapter as `unknown`; with db-postgres each is a drizzle transaction.
  return runnerOf(session.db as Executor)
}

/** Payload's table name for a slug (`rating-summaries` → `rating_summaries`), as to-snake-case does it. */
const defaultTableName = (slug: string) =>
  slug
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .replace(/[-\s.]+/g, '_')
    .toLowerCase()

/** The name of a collection's table, honouring a `dbName` the collection sets. */
export const tableNameOf = (payload: Payload, slug: string): string => {
  const name = defaultTableName(slug)
  return payload.db.tableNameMap.get(name) ?? name
}

/** A collection's table as an SQL identifier (quoted, in the adapter's schema if it has one). */
export const tableOf = (payload: Payload, slug: string): SQL => {
  const table = sql.identifier(tableNameOf(payload, slug))
  return payload.db.schemaName
    ? sql`${sql.identifier(payload.db.schemaName)}.${table}`
    : sql`${table}`
}

/**
 * The request's transaction when it has one (a write reading or writing with its change), else
 * the pool (a read; a Local API call made without a transaction).
 */
export const requestRunnerOf = async (req: PayloadRequest): Promise<SqlRunner> =>
  req.transactionID ? transactionOf(req) : databaseOf(req.payload)
