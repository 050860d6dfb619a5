import type { Payload, PayloadRequest } from 'payload'

/** What one area of the demo content did: documents created, updated, or found as seeded. */
export type Tally = {
  created: number
  unchanged: number
  updated: number
}

/** Passed to every area: the Local API, the seed's transaction, its clock, and the area's tally. */
export type SeedContext = {
  /**
   * The moment the seed runs: the demo's upcoming dates are relative to its day in Berlin.
   * One value for the whole run, so every area agrees on "today".
   */
  now: Date
  payload: Payload
  req: PayloadRequest
  tally: Tally
}
