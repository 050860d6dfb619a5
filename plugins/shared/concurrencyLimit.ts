/**
 * Runs at most `limit` tasks at once in this process; the rest wait in memory, in order. For
 * database work that a burst of public requests would otherwise pile onto the pool: waiting
 * here instead of for a pooled connection (or inside a transaction, for a lock) keeps a burst
 * from holding every connection, so reads and other writes go on.
 *
 * The wait is bounded: when `maxWaiting` tasks wait already, or a task has waited `maxWaitMs`,
 * it is refused with `OverloadedError` (answered 503 with Retry-After), never left hanging.
 */
export class OverloadedError extends Error {
  constructor(readonly reason: 'queue-full' | 'waited-too-long') {
    super(
      reason === 'queue-full'
        ? 'Too many requests are waiting.'
        : 'Waited too long for a free slot.',
    )
    this.name = 'OverloadedError'
  }
}

export type ConcurrencyLimitOptions = {
  /** Tasks that may wait at once; more are refused at once. @default 1000 */
  maxWaiting?: number
  /** How long a task may wait before it is refused. @default 60000 */
  maxWaitMs?: number
}

export type ConcurrencyLimit = <T>(task: () => Promise<T>) => Promise<T>

export const createConcurrencyLimit = (
  limit: number,
  { maxWaiting = 1_000, maxWaitMs = 60_000 }: ConcurrencyLimitOptions = {},
): ConcurrencyLimit => {
  let running = 0
  const waiting: { resolve: () => void; timer: NodeJS.Timeout }[] = []

  const release = () => {
    const next = waiting.shift()
    if (next) {
      clearTimeout(next.timer)
      next.resolve()
    } else {
      running--
    }
  }

  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= limit) {
      if (waiting.length >= maxWaiting) {
        throw new OverloadedError('queue-full')
      }
      await new Promise<void>((resolve, reject) => {
        const entry = {
          resolve,
          timer: setTimeout(() => {
            waiting.splice(waiting.indexOf(entry), 1)
            reject(new OverloadedError('waited-too-long'))
          }, maxWaitMs),
        }
        waiting.push(entry)
      })
    } else {
      running++
    }
    try {
      return await task()
    } finally {
      release()
    }
  }
}

/**
 * What an endpoint says in its `custom` when all its database work waits in a limit of its own,
 * bounded as long as that work needs (a thousand clicks on a mailed link within a minute, a
 * registration opening): a host that limits concurrent API requests in front of Payload lets it
 * pass (src/server/payloadApi.ts), so the burst waits in its own queue instead of holding the
 * slots the host's reads need, and is not refused by the host's shorter wait. Hosts without
 * such a limit ignore it.
 */
export const OWN_QUEUE = { ownQueue: true } as const

/** Whether an endpoint declared `OWN_QUEUE`. */
export const hasOwnQueue = (endpoint: { custom?: Record<string, unknown> }): boolean =>
  endpoint.custom?.ownQueue === true
