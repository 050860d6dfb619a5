/**
 * Answers Payload is computing right now, per cache key: a request for the same answer waits
 * for it instead of running Payload once more, so a burst of reads of a just-changed URL costs
 * one Payload run. The waiting request uses the answer only if the cache kept it (nothing it
 * contains changed meanwhile, index.ts); otherwise it runs Payload itself.
 */
import type { Response } from 'express'

import type { Entry } from './store'

/** Requests waiting for another request's answer stop waiting after this and run Payload. */
const FLIGHT_TIMEOUT_MS = 10_000

export type InFlight = {
  /** The answer being computed for `key`, if one is. */
  of: (key: string) => Promise<Entry | undefined> | undefined
  /**
   * Announces that `res` computes the answer for `key` and returns the function that hands it
   * to those waiting (undefined: they run Payload themselves). While one is under way, the
   * function returned does nothing.
   */
  start: (args: { key: string; res: Response }) => (entry: Entry | undefined) => void
}

export const createInFlight = (): InFlight => {
  const flights = new Map<string, Promise<Entry | undefined>>()
  return {
    of: (key) => flights.get(key),
    start: ({ key, res }) => {
      let settle: (entry: Entry | undefined) => void = () => undefined
      if (flights.has(key)) {
        return settle
      }
      const done = new Promise<Entry | undefined>((resolve) => (settle = resolve))
      flights.set(key, done)
      // Ended without an answer (client gone, error, or far too slow): waiting requests run
      // Payload themselves.
      const giveUp = setTimeout(() => settle(undefined), FLIGHT_TIMEOUT_MS)
      giveUp.unref()
      const forget = () => {
        clearTimeout(giveUp)
        if (flights.get(key) === done) {
          flights.delete(key)
        }
        settle(undefined)
      }
      res.once('close', forget)
      void done.then(forget)
      return settle
    },
  }
}
