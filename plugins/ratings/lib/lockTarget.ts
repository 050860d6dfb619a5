import type { PayloadRequest } from 'payload'

/** A stable 31-bit number for a string (FNV-1a), for PostgreSQL advisory lock keys. */
const lockKey = (value: string): number => {
  let hash = 0x811c9dc5
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash & 0x7fffffff
}

type SqlAdapter = {
  execute?: (args: { db: unknown; raw: string }) => Promise<unknown>
  sessions?: Record<string, { db: unknown }>
}

/** The database session of the request's transaction. */
export const sessionOf = async (req: PayloadRequest): Promise<{ db: unknown; execute: NonNullable<SqlAdapter['execute']> }> => {
  const adapter = req.payload.db as unknown as SqlAdapter
  const transactionID = req.transactionID ? await req.transactionID : undefined
  const session = transactionID !== undefined ? adapter.sessions?.[String(transactionID)] : undefined
  if (!session || typeof adapter.execute !== 'function') {
    throw new Error('ratingsPlugin needs a PostgreSQL adapter with transactions (@payloadcms/db-postgres).')
  }
  return { db: session.db, execute: adapter.execute.bind(adapter) }
}

/** pg_advisory_xact_lock on two numbers computed here, never on text from the request. */
const lock = async (req: PayloadRequest, namespace: string, value: string) => {
  const { db, execute } = await sessionOf(req)
  await execute({ db, raw: `SELECT pg_advisory_xact_lock(${lockKey(namespace)}, ${lockKey(value)})` })
}

/**
 * Serialises rating changes per rated document for the rest of the request's transaction,
 * so counts and sums stay exact under concurrency.
 */
export const lockTarget = async ({ collection, id, req }: { collection: string; id: number | string; req: PayloadRequest }) =>
  lock(req, `ratings:${collection}`, String(id))

/**
 * Serialises the ratings of one client (by its hashed address) for the rest of the
 * transaction, so that parallel requests can't all pass the hourly limit. Always taken
 * before `lockTarget`, never after, so the two can't deadlock.
 */
export const lockClient = async ({ clientHash, req }: { clientHash: string; req: PayloadRequest }) => lock(req, 'ratings-client', clientHash)
