/**
 * Answers Payload is computing right now, per cache key and generation: a request for the same
 * answer in the same generation waits for it instead of running Payload once more, so a burst
 * of reads of a just-changed URL costs one Payload run.
 */
import type { Response } from 'express'

import type { Entry } from './store'

/** Requests waiting for another request's answer stop waiting after this and run Payload. */
const FLIGHT_TIMEOUT_MS = 10_000

type Flight = { done: Promise<Entry | undefined>; generation: number }

export type InFlight = {
  /** The answer being computed for `key` in `generation`, if one is. */
  of: (key: string, generation: number) => Promise<Entry | undefined> | undefined
  /**
   * Announces that `res` computes the answer for `key` in `generation` and returns the function
   * that hands it to those waiting (undefined: they run Payload themselves). An older
   * generation's flight is superseded; while one of the same generation is under way, the
   * function returned does nothing.
   */
  start: (args: {
    generation: number
    key: string
    res: Response
  }) => (entry: Entry | undefined) => void
}

export const createInFlight = (): InFlight => {
  const flights = new Map<string, Flight>()
  return {
    of: (key, generation) => {
      const flight = flights.get(key)
      return flight && flight.generation === generation ? flight.done : undefined
    },
    start: ({ generation, key, res }) => {
      let settle: (entry: Entry | undefined) => void = () => undefined
      if (flights.get(key)?.generation === generation) {
        return settle
      }
      const done = new Promise<Entry | undefined>((resolve) => (settle = resolve))
      flights.set(key, { done, generation })
      // Ended without an answer (client gone, error, or far too slow): waiting requests run
      // Payload themselves.
      const giveUp = setTimeout(() => settle(undefined), FLIGHT_TIMEOUT_MS)
      giveUp.unref()
      const forget = () => {
        clearTimeout(giveUp)
        if (flights.get(key)?.done === done) {
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
