import type { Pool } from 'pg'

/**
 * pool.end() waits for every checked-out client, and Payload's Postgres adapter keeps one
 * checked out for its reconnect logic; so end the idle ones and stop waiting after a moment
 * (the last socket closes with the process or the database).
 */
export const closePool = async (
  pool: Pool | undefined,
  { timeoutMs = 2_000 }: { timeoutMs?: number } = {},
) => {
  if (!pool) {
    return
  }
  await Promise.race([
    pool.end().catch(() => undefined),
    new Promise((resolve) => setTimeout(resolve, timeoutMs).unref()),
  ])
}

/** The pg pool behind a Payload instance using @payloadcms/db-postgres. */
export const poolOf = (payload: { db: unknown }): Pool | undefined =>
  (payload.db as { pool?: Pool }).pool
