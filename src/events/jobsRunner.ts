/**
 * Runs job queues in a worker process, safely beside other workers on the same database.
 *
 * Payload claims jobs by reading and then updating them, and schedules by counting and then
 * queuing (payload/dist/queues/operations/runJobs, handleSchedules/defaultBeforeSchedule): two
 * processes doing either at once can both take the same job or both queue the same scheduled
 * run. So a queue is served under a PostgreSQL advisory lock per queue, taken with
 * pg_try_advisory_lock on a connection of the runner's own: while one worker serves the mail
 * queue, another skips it and serves what is free. If a worker dies, PostgreSQL drops its
 * connection and the lock with it, and the next worker takes over at its next look.
 */
import type { Payload } from 'payload'

import pg from 'pg'

import type { QueueRun } from './jobs'

/** Batches per look at a queue, at most: a queue that keeps refilling is served again next time. */
const MAX_BATCHES_PER_TURN = 25

/** The advisory-lock namespace of queue locks (an int4, the first of the two keys). */
const LOCK_NAMESPACE = 0x71_6e_6a_62 // "qnjb"

/** A stable 31-bit number for a queue name (FNV-1a), the second lock key. */
const lockKeyOf = (queue: string): number => {
  let hash = 0x811c9dc5
  for (let i = 0; i < queue.length; i++) {
    hash ^= queue.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash & 0x7fffffff
}

export type QueueStatus = {
  /** The end of the last look at the queue (served, or left to another worker). */
  lastTurnAt: null | string
  /** Whether this worker served the queue on its last look (false: another worker held it). */
  lastTurnServed: boolean | null
  queue: string
}

export type JobsRunner = {
  status: () => QueueStatus[]
  /** Stops looking, waits for the turns under way (up to `timeoutMs`) and closes the lock connection. */
  stop: (args?: { timeoutMs?: number }) => Promise<void>
}

export const startJobsRunner = ({
  connectionString,
  payload,
  queues,
}: {
  connectionString: string | undefined
  payload: Payload
  queues: QueueRun[]
}): JobsRunner => {
  let isStopping = false
  let lockClient: pg.Client | undefined
  const turns = new Set<Promise<void>>()
  const timers = new Map<string, NodeJS.Timeout>()
  const statuses = new Map<string, QueueStatus>(
    queues.map(({ queue }) => [queue, { lastTurnAt: null, lastTurnServed: null, queue }]),
  )

  /** The lock connection, reconnected after it was lost. */
  const lockConnection = async (): Promise<pg.Client> => {
    if (lockClient) {
      return lockClient
    }
    const client = new pg.Client({ connectionString, connectionTimeoutMillis: 5_000 })
    client.on('error', (err) => {
      payload.logger.warn({ err, msg: 'Worker: lock connection lost; reconnecting.' })
      if (lockClient === client) {
        lockClient = undefined
      }
    })
    await client.connect()
    lockClient = client
    return client
  }

  const withQueueLock = async (queue: string, serve: () => Promise<void>): Promise<boolean> => {
    const client = await lockConnection()
    const keys = [LOCK_NAMESPACE, lockKeyOf(queue)]
    const { rows } = await client.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_lock($1, $2) AS locked',
      keys,
    )
    if (!rows[0]?.locked) {
      return false
    }
    try {
      await serve()
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, $2)', keys).catch((err: unknown) => {
        // A lost connection has released the lock with it.
        payload.logger.warn({ err, msg: `Worker: could not release the lock of queue ${queue}.` })
      })
    }
    return true
  }

  const serve = async ({ limit, queue }: QueueRun) => {
    // Queues the runs that are due (once per schedule: we hold the queue's lock), then works.
    await payload.jobs.handleSchedules({ queue })
    for (let batch = 0; batch < MAX_BATCHES_PER_TURN && !isStopping; batch++) {
      const result = await payload.jobs.run({ limit, queue })
      if (result.noJobsRemaining) {
        return
      }
    }
  }

  const turn = async (run: QueueRun) => {
    const status = statuses.get(run.queue)!
    try {
      status.lastTurnServed = await withQueueLock(run.queue, () => serve(run))
    } catch (err) {
      payload.logger.error({ err, msg: `Worker: queue ${run.queue} failed; trying again later.` })
      status.lastTurnServed = false
    }
    status.lastTurnAt = new Date().toISOString()
  }

  /** One look now, the next `intervalMs` after it ended: turns of a queue never overlap. */
  const loop = (run: QueueRun) => {
    if (isStopping) {
      return
    }
    const current = turn(run)
    turns.add(current)
    void current.finally(() => {
      turns.delete(current)
      if (!isStopping) {
        timers.set(
          run.queue,
          setTimeout(() => loop(run), run.intervalMs),
        )
      }
    })
  }

  for (const run of queues) {
    loop(run)
  }

  return {
    status: () => [...statuses.values()].map((status) => ({ ...status })),
    stop: async ({ timeoutMs = 30_000 } = {}) => {
      isStopping = true
      for (const timer of timers.values()) {
        clearTimeout(timer)
      }
      const waited = await Promise.race([
        Promise.all(turns).then(() => true),
        new Promise<false>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref()),
      ])
      if (!waited) {
        payload.logger.warn({
          msg: `Worker: jobs still running after ${timeoutMs} ms; stopping anyway (they are retried).`,
        })
      }
      await lockClient?.end().catch(() => undefined)
      lockClient = undefined
    },
  }
}
