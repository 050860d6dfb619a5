import type { PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import { transactionOf } from './drizzleTable'

/** A stable 31-bit number for a string (FNV-1a), for PostgreSQL advisory lock keys. */
const lockKey = (value: string): number => {
  let hash = 0x811c9dc5
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash & 0x7fffffff
}

/** The two numbers `lockForTransaction` locks for (namespace, value), e.g. to hold the same lock elsewhere. */
export const advisoryLockKeys = (namespace: string, value: string): [number, number] => [
  lockKey(namespace),
  lockKey(value),
]

/**
 * pg_advisory_xact_lock on two numbers computed here, never on text from the request: serialises
 * whatever runs under the same (namespace, value) for the rest of the request's transaction.
 */
export const lockForTransaction = async ({
  namespace,
  req,
  timeoutMs,
  value,
}: {
  namespace: string
  req: PayloadRequest
  /** Give up (PostgreSQL error 55P03) after waiting this long; for the rest of the transaction. */
  timeoutMs?: number
  value: string
}) => {
  const transaction = await transactionOf(req)
  if (timeoutMs !== undefined) {
    await transaction.rows(
      sql.raw(`SET LOCAL lock_timeout = ${Math.max(1, Math.round(timeoutMs))}`),
    )
  }
  await transaction.rows(
    sql.raw(`SELECT pg_advisory_xact_lock(${lockKey(namespace)}, ${lockKey(value)})`),
  )
}
