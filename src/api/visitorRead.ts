/**
 * A GET endpoint whose answer to a visitor depends only on its query, the language and what is
 * published (the search, the method catalogue): its work is written once, as `answer`, and
 * reaches clients two ways. The endpoint's handler calls it for every request Payload answers
 * (signed-in editors, `PAYLOAD_API_DIRECT=false`); express calls it directly for a visitor's
 * request, one without credentials (src/server/visitorReads.ts), without Payload's request
 * (a Fetch Request, the auth strategies, a DataLoader) and without a Fetch Response around the
 * JSON. Under load those objects outlived the young generation: the old one was collected about
 * once a second, and its pauses made the slowest answers (bench/optimisations.md).
 */
import type { Endpoint, Payload, PayloadRequest } from 'payload'

import { type Language, languageOf } from '@quartiersnetz/plugin-kit/publicInput'

/** What an endpoint answers, before it becomes a Fetch Response or an express answer. */
export type PlainAnswer = {
  headers?: Record<string, string>
  /** @default 200 */
  status?: number
} & (
  | {
      /** Sent as JSON. */
      body: unknown
    }
  | {
      /** JSON already serialised (parts of it kept), or encoded as UTF-8; sent as it is. */
      json: Buffer | string
    }
)

/** The answer's JSON, encoded as UTF-8. */
export const jsonBytesOf = (plain: PlainAnswer): Buffer =>
  'json' in plain && Buffer.isBuffer(plain.json)
    ? plain.json
    : Buffer.from('json' in plain ? plain.json : JSON.stringify(plain.body))

type ReadInput = {
  language: Language
  payload: Payload
  /** The query as Payload parses it (qs, `a[b]=1` as `{ a: { b: '1' } }`). */
  query: Record<string, unknown>
  /** Payload's request; none when express answers a visitor (nobody is signed in). */
  req?: PayloadRequest
}

export type VisitorRead = (input: ReadInput) => Promise<PlainAnswer>

/** A plain answer as the Fetch Response a Payload endpoint returns. */
const responseOf = (plain: PlainAnswer): Response => {
  const headers = new Headers(plain.headers)
  if (!headers.has('content-type')) {
    headers.set('content-type', 'application/json')
  }
  // A copy (editors' requests only): a Buffer's type allows a SharedArrayBuffer beneath it,
  // which the Response type refuses.
  return new Response(new Uint8Array(jsonBytesOf(plain)), { headers, status: plain.status ?? 200 })
}

/**
 * Set on the request handed to Payload's route after a visitor read failed in express: the
 * handler throws that error instead of reading again, and Payload answers it as its own
 * (routeError, the afterError hooks: 503 with Retry-After for a database that can't serve).
 */
export const FAILED_READ = Symbol('visitor read failed')

/** The visitor read an endpoint declared (`visitorReadEndpoint`), if any. */
export const visitorReadOf = (endpoint: Pick<Endpoint, 'custom'>): undefined | VisitorRead => {
  const read = (endpoint.custom as undefined | { visitorRead?: unknown })?.visitorRead
  return typeof read === 'function' ? (read as VisitorRead) : undefined
}

/** A GET endpoint made of `answer` (its handler calls it with Payload's request). */
export const visitorReadEndpoint = ({
  answer,
  custom,
  path,
}: {
  answer: VisitorRead
  custom?: Record<string, unknown>
  path: string
}): Endpoint => ({
  custom: { ...custom, visitorRead: answer },
  handler: async (req) => {
    if (FAILED_READ in req) {
      throw (req as unknown as Record<symbol, unknown>)[FAILED_READ]
    }
    return responseOf(
      await answer({
        language: languageOf(req),
        payload: req.payload,
        query: (req.query ?? {}) as Record<string, unknown>,
        req,
      }),
    )
  },
  method: 'get',
  path,
})
