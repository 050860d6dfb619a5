/**
 * Rate-limit counters in PostgreSQL, so that a client gets one limit however many servers
 * answer it: an express-rate-limit `Store` over the table `qn_rate_limits` (migration
 * `rate_limits`). Each client's key is stored as a keyed hash (HMAC with PAYLOAD_SECRET, as the
 * plugins store addresses), and only while its window lasts: rows whose window has ended are
 * deleted every minute.
 *
 * Increments that arrive while a statement is running wait and go together in the next one
 * (one `INSERT … ON CONFLICT DO UPDATE … RETURNING` per batch), so a burst costs one round trip
 * per batch on one dedicated connection, never a connection per request from the request pool.
 * Decrements (a refused form gives its hit back) join the same queue and run before the
 * increments that came after them: a visitor who sends the corrected form at once is not
 * counted for the refused one (on a second connection the give-back could land too late).
 * The window comes from the database's clock, the same for every server.
 */
import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit'

import { keyedHash } from '@quartiersnetz/plugin-kit/hashing'
import pg from 'pg'

export const RATE_LIMITS_TABLE = 'qn_rate_limits'

/** Rows whose window has ended are deleted this often (and the hashes with them). */
const PURGE_INTERVAL_MS = 60_000

type Logger = { warn: (entry: { err?: unknown; msg: string }) => void }

export type RateLimitCounter = {
  /** Counts one hit of `key` in a window of `windowMs`: the hits so far and when the window ends. */
  increment: (key: string, windowMs: number) => Promise<ClientRateLimitInfo>
  decrement: (key: string) => Promise<void>
  resetKey: (key: string) => Promise<void>
  /** Deletes the rows whose window has ended; returns how many. */
  purgeExpired: () => Promise<number>
  /** Closes the connections; increments after this fail. */
  stop: () => Promise<void>
}

type Pending = {
  key: string
  reject: (err: unknown) => void
  resolve: (info: ClientRateLimitInfo) => void
  windowMs: number
}

type PendingDecrement = {
  key: string
  reject: (err: unknown) => void
  resolve: () => void
}

type CounterArgs = {
  connectionString: string | undefined
  logger: Logger
  /** Keys the hashes; the same on every server (PAYLOAD_SECRET). */
  secret: string
  /** Give up on a statement (and answer 503) after this long. */
  statementTimeoutMs?: number
}

export const createPostgresRateLimitCounter = ({
  connectionString,
  logger,
  secret,
  statementTimeoutMs = 5_000,
}: CounterArgs): RateLimitCounter => {
  if (!secret) {
    throw new Error('Rate limits in PostgreSQL need PAYLOAD_SECRET to hash client addresses.')
  }
  // One connection for the batches, one for the purge; more would only queue in PostgreSQL.
  const pool = new pg.Pool({
    allowExitOnIdle: true,
    connectionString,
    connectionTimeoutMillis: statementTimeoutMs,
    idleTimeoutMillis: 30_000,
    max: 2,
    statement_timeout: statementTimeoutMs,
  })
  // A connection the database drops while idle must not crash the process; the next batch
  // reconnects (or fails and is answered 503).
  pool.on('error', (err) =>
    logger.warn({ err, msg: 'Rate limits: PostgreSQL connection lost; reconnecting on demand.' }),
  )
  const hashOf = (key: string) => keyedHash(secret, 'rate-limit', key)

  let waiting: Pending[] = []
  let waitingDecrements: PendingDecrement[] = []
  let isRunning = false
  let isStopped = false

  const runBatch = async (batch: Pending[]) => {
    // One row per key: PostgreSQL refuses to update a row twice in one statement.
    const byKey = new Map<string, Pending[]>()
    for (const pending of batch) {
      const hash = hashOf(pending.key)
      byKey.set(hash, [...(byKey.get(hash) ?? []), pending])
    }
    const keys = [...byKey.keys()]
    const { rows } = await pool.query<{ hits: number; key: string; reset_at: Date }>(
      `INSERT INTO ${RATE_LIMITS_TABLE} AS r (key, hits, reset_at)
       SELECT t.key, t.hits, now() + make_interval(secs => t.window_ms / 1000.0)
       FROM unnest($1::text[], $2::int[], $3::int[]) AS t(key, hits, window_ms)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN r.reset_at <= now() THEN excluded.hits ELSE r.hits + excluded.hits END,
         reset_at = CASE WHEN r.reset_at <= now() THEN excluded.reset_at ELSE r.reset_at END
       RETURNING r.key, r.hits, r.reset_at`,
      [
        keys,
        keys.map((key) => byKey.get(key)!.length),
        keys.map((key) =>
          Math.min(2 ** 31 - 1, Math.max(1, Math.round(byKey.get(key)![0]!.windowMs))),
        ),
      ],
    )
    for (const row of rows) {
      const group = byKey.get(row.key) ?? []
      // The requests of one batch count in the order they arrived.
      group.forEach((pending, index) =>
        pending.resolve({
          resetTime: row.reset_at,
          totalHits: row.hits - group.length + index + 1,
        }),
      )
      byKey.delete(row.key)
    }
    for (const group of byKey.values()) {
      group.forEach((pending) => pending.reject(new Error('Rate limits: no row returned.')))
    }
  }

  /** Gives back hits (one per pending decrement) within the windows that still last. */
  const runDecrements = async (batch: PendingDecrement[]) => {
    const counts = new Map<string, number>()
    for (const pending of batch) {
      const hash = hashOf(pending.key)
      counts.set(hash, (counts.get(hash) ?? 0) + 1)
    }
    await pool.query(
      `UPDATE ${RATE_LIMITS_TABLE} AS r SET hits = greatest(r.hits - d.n, 0)
       FROM unnest($1::text[], $2::int[]) AS d(key, n)
       WHERE r.key = d.key AND r.reset_at > now()`,
      [[...counts.keys()], [...counts.values()]],
    )
  }

  const settle = async <T extends { reject: (err: unknown) => void }>(
    batch: T[],
    run: (batch: T[]) => Promise<void>,
    resolve?: (pending: T) => void,
  ) => {
    if (!batch.length) {
      return
    }
    try {
      await run(batch)
      batch.forEach((pending) => resolve?.(pending))
    } catch (err) {
      for (const pending of batch) {
        pending.reject(err)
      }
    }
  }

  const flush = async () => {
    if (isRunning || (!waiting.length && !waitingDecrements.length)) {
      return
    }
    isRunning = true
    // The give-backs first: each was asked for before any increment now waiting.
    const decrements = waitingDecrements
    const batch = waiting
    waitingDecrements = []
    waiting = []
    try {
      await settle(decrements, runDecrements, (pending) => pending.resolve())
      await settle(batch, runBatch)
    } finally {
      isRunning = false
      // What arrived meanwhile goes in the next statement.
      void flush()
    }
  }

  const purgeExpired = async () => {
    const { rowCount } = await pool.query(
      `DELETE FROM ${RATE_LIMITS_TABLE} WHERE reset_at <= now()`,
    )
    return rowCount ?? 0
  }
  const purgeTimer = setInterval(() => {
    purgeExpired().catch((err: unknown) =>
      logger.warn({ err, msg: 'Rate limits: could not delete expired counters.' }),
    )
  }, PURGE_INTERVAL_MS)
  purgeTimer.unref()

  return {
    decrement: (key) =>
      new Promise<void>((resolve, reject) => {
        if (isStopped) {
          reject(new Error('Rate limits: the counter is stopped.'))
          return
        }
        waitingDecrements.push({ key, reject, resolve })
        queueMicrotask(() => void flush())
      }),
    increment: (key, windowMs) =>
      new Promise<ClientRateLimitInfo>((resolve, reject) => {
        if (isStopped) {
          reject(new Error('Rate limits: the counter is stopped.'))
          return
        }
        waiting.push({ key, reject, resolve, windowMs })
        // Requests of the same tick share the statement.
        queueMicrotask(() => void flush())
      }),
    purgeExpired,
    resetKey: async (key) => {
      await pool.query(`DELETE FROM ${RATE_LIMITS_TABLE} WHERE key = $1`, [hashOf(key)])
    },
    stop: async () => {
      isStopped = true
      clearInterval(purgeTimer)
      await pool.end().catch(() => undefined)
    },
  }
}

/**
 * express-rate-limit's view of the counter for one limiter: its window from the limiter's
 * options, its keys under `prefix` (each limiter counts on its own).
 */
export const postgresStore = ({
  counter,
  prefix,
}: {
  counter: RateLimitCounter
  prefix: string
}): Store => {
  let windowMs = 60_000
  return {
    decrement: (key) => counter.decrement(`${prefix}:${key}`),
    increment: (key) => counter.increment(`${prefix}:${key}`, windowMs),
    init: (options: Options) => {
      windowMs = options.windowMs
    },
    localKeys: false,
    prefix,
    resetKey: (key) => counter.resetKey(`${prefix}:${key}`),
  }
}
