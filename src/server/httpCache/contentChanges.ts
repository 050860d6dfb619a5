/**
 * Knows when public content may have changed: one dedicated PostgreSQL connection LISTENs on
 * the channel that the triggers of migration 20261130_022119_http_cache_targets notify at every
 * commit that wrote a content table (saying which rows), counts a generation up for each
 * notification and hands it to its subscribers (the HTTP cache, index.ts, which drops the
 * answers it concerns: changeTargets.ts).
 *
 * Each time it connects it first has every table watched except the bookkeeping its owners
 * declared (watchTables.ts); a table left unwatched would make cached answers wrong, so then
 * it doesn't listen at all.
 *
 * While the connection is down nothing can be known: `isListening()` is false (the cache then
 * serves nothing from memory), the generation moves on, and the connection is retried with a
 * growing pause. It is moved on again once listening resumes, since notifications sent in
 * between were lost.
 */
import type { Payload } from 'payload'

import pg from 'pg'

import { startOfNextBerlinDay } from '../../events/berlinTime'
import { watchTables } from './watchTables'

export const CONTENT_CHANGED_CHANNEL = 'qn_content_changed'

const RETRY_MIN_MS = 500
const RETRY_MAX_MS = 15_000

/** A notification's payload, or undefined: anything may have changed (see the module comment). */
export type ChangeListener = (message: string | undefined, generation: number) => void

export type ContentChanges = {
  /**
   * Resolves once every change committed before the call has been counted: a round trip on the
   * listening connection, which PostgreSQL answers only after delivering the notifications
   * already queued for it. Concurrent callers share round trips. False when not listening.
   */
  catchUp: () => Promise<boolean>
  generation: () => number
  isListening: () => boolean
  stop: () => Promise<void>
  /**
   * Calls `listener` for every generation, in order, as it begins: with the notification's
   * payload, or undefined when anything may have changed (connected, lost, a new Berlin day).
   */
  subscribe: (listener: ChangeListener) => () => void
}

type WatchArgs = {
  /** Tables whose writes are no content change (bookkeeping.ts): never watched. */
  bookkeepingTables: string[]
  connectionString: string | undefined
  logger: Payload['logger']
  /** The clock (tests move it). */
  now?: () => Date
}

export const watchContentChanges = async ({
  bookkeepingTables,
  connectionString,
  logger,
  now = () => new Date(),
}: WatchArgs): Promise<ContentChanges> => {
  let generation = 0
  const listeners = new Set<ChangeListener>()
  /** Moves on to the next generation and says why. */
  const advance = (message: string | undefined) => {
    generation++
    for (const listener of listeners) {
      listener(message, generation)
    }
  }
  // Answers can change when a Berlin day begins without any write (an event's registration
  // closes after its deadline day): a new day is a new generation.
  let nextDayStartsAt = startOfNextBerlinDay(now()).getTime()
  const currentGeneration = () => {
    const instant = now()
    if (instant.getTime() >= nextDayStartsAt) {
      nextDayStartsAt = startOfNextBerlinDay(instant).getTime()
      advance(undefined)
    }
    return generation
  }
  let client: pg.Client | undefined
  let isListening = false
  let isStopped = false
  let retryMs = RETRY_MIN_MS
  let retryTimer: NodeJS.Timeout | undefined

  const lose = (current: pg.Client, reason: string) => {
    if (client !== current) {
      return
    }
    client = undefined
    isListening = false
    advance(undefined)
    current.removeAllListeners('notification')
    void current.end().catch(() => undefined)
    if (!isStopped) {
      logger.warn({
        msg: `HTTP cache: change notifications lost (${reason}); no cached answers until they are back, retry in ${retryMs} ms.`,
      })
      retryTimer = setTimeout(() => void connect(), retryMs)
      retryTimer.unref()
      retryMs = Math.min(retryMs * 2, RETRY_MAX_MS)
    }
  }

  const connect = async (): Promise<boolean> => {
    const current = new pg.Client({
      application_name: 'quartiersnetz-http-cache',
      connectionString,
    })
    client = current
    current.on('notification', (notification) => {
      if (client === current) {
        advance(notification.payload)
      }
    })
    current.on('error', (err) => lose(current, err.message))
    current.on('end', () => lose(current, 'connection closed'))
    try {
      await current.connect()
      const unwatched = await watchTables({ bookkeepingTables, client: current, logger })
      if (unwatched.length) {
        // A write to such a table would go unnoticed: serve nothing from the cache (and retry).
        logger.error({
          msg: `HTTP cache off: tables without change notification: ${unwatched.join(', ')}`,
        })
        lose(current, 'tables without change notification')
        return false
      }
      await current.query(`LISTEN ${CONTENT_CHANGED_CHANNEL}`)
      if (client !== current) {
        return false
      }
      advance(undefined)
      isListening = true
      retryMs = RETRY_MIN_MS
      return true
    } catch (err) {
      lose(current, err instanceof Error ? err.message : String(err))
      return false
    }
  }

  const ping = async (): Promise<boolean> => {
    const current = client
    if (!current || !isListening) {
      return false
    }
    try {
      await current.query('SELECT 1')
      return isListening && client === current
    } catch {
      return false
    }
  }

  // A round trip proves only what was committed before it started: callers arriving while
  // one is under way wait for the next, which all of them share.
  let inFlight: Promise<boolean> | undefined
  let queued: Promise<boolean> | undefined
  const start = (): Promise<boolean> => {
    const trip: Promise<boolean> = ping().finally(() => {
      if (inFlight === trip) {
        inFlight = undefined
      }
    })
    inFlight = trip
    return trip
  }
  const catchUp = (): Promise<boolean> => {
    if (!inFlight) {
      return start()
    }
    queued ??= inFlight.then(() => {
      queued = undefined
      return start()
    })
    return queued
  }

  await connect()

  return {
    catchUp,
    generation: currentGeneration,
    isListening: () => isListening,
    stop: async () => {
      isStopped = true
      clearTimeout(retryTimer)
      const current = client
      client = undefined
      isListening = false
      await current?.end().catch(() => undefined)
    },
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
