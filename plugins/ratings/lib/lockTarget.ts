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

/**
 * Serialises rating changes per rated document for the rest of the request's transaction
 * (pg_advisory_xact_lock), so counts and sums stay exact under concurrency. The keys are
 * numbers computed here, never text from the request.
 */
export const lockTarget = async ({ collection, id, req }: { collection: string; id: number | string; req: PayloadRequest }) => {
  const db = req.payload.db as unknown as SqlAdapter
  const transactionID = req.transactionID ? await req.transactionID : undefined
  const session = transactionID !== undefined ? db.sessions?.[String(transactionID)] : undefined
  if (!session || typeof db.execute !== 'function') {
    throw new Error('ratingsPlugin needs a PostgreSQL adapter with transactions (@payloadcms/db-postgres).')
  }
  await db.execute({ db: session.db, raw: `SELECT pg_advisory_xact_lock(${lockKey(`ratings:${collection}`)}, ${lockKey(String(id))})` })
}
