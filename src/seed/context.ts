import type { Payload, PayloadRequest } from 'payload'

/** What one area of the demo content did: documents created, updated, or found as seeded. */
export type Tally = {
  created: number
  unchanged: number
  updated: number
}

/** Passed to every area: the Local API, the seed's transaction, and the area's tally. */
export type SeedContext = {
  payload: Payload
  req: PayloadRequest
  tally: Tally
}
