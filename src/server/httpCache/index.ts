/**
 * HTTP caching of public reads: what member-city websites ask for again and again.
 *
 * A cacheable request (policy.ts: a visitor's GET of a public content collection's REST route)
 * gets an ETag and `Cache-Control: public, max-age=0, must-revalidate` (validators.ts). The
 * answer is remembered (store.ts) per URL and Accept-Language together with the generation of
 * content it was made in (contentChanges.ts), taken before Payload ran, so a change committed
 * during the request makes the entry stale at once. While that generation is current, a
 * matching `If-None-Match` is answered 304 and any other request from memory, without running
 * Payload; CORS headers are set for each request as Payload would (cors.ts). Each of these
 * requests first catches up with the change notifications (one shared round trip), so a change
 * committed before it arrived is always seen; requests for a URL whose answer is being computed
 * in the same generation wait for it instead of running Payload too (inFlight.ts). Anything
 * else (signed-in users, drafts, writes, other routes, errors) passes through untouched.
 * Without change notifications (connection lost) nothing is served from memory.
 *
 * `X-Cache` says what happened: `hit` (from memory, 200 or 304), `miss` (Payload answered; the
 * answer is remembered), `bypass` (not cacheable for this caller).
 */
import type { Request, RequestHandler, Response } from 'express'
import type { Payload } from 'payload'

import type { ContentChanges } from './contentChanges'
import type { Entry } from './store'

import { captureResponse } from './captureResponse'
import { setCorsAsPayload } from './cors'
import { createInFlight } from './inFlight'
import { cacheKeyOf, isKeepableAnswer, PER_REQUEST_HEADERS, requestPolicy } from './policy'
import { createAnswerStore } from './store'
import { etagOf, matchesEtag, notModified, setValidators } from './validators'

export { PUBLIC_CACHE_CONTROL } from './validators'

type HttpCacheArgs = {
  changes: ContentChanges
  /** Memory for kept answers, in bytes; 0 keeps only ETags (304s, no answers from memory). */
  maxBytes: number
  payload: Payload
}

/** Answers held back to compute their ETag up to this size even when they are too large to keep. */
const MIN_CAPTURE_BYTES = 1024 * 1024

export const httpCache = ({ changes, maxBytes, payload }: HttpCacheArgs): RequestHandler => {
  const kindOf = requestPolicy(payload)
  const store = createAnswerStore({ maxBytes })
  const inFlight = createInFlight()

  /** Answers from memory: 304 for a matching If-None-Match, else the kept answer. */
  const sendEntry = (
    req: Request,
    res: Response,
    { entry, ifNoneMatch, key }: { entry: Entry; ifNoneMatch: string | undefined; key: string },
  ) => {
    store.touch(key, entry)
    setCorsAsPayload(payload, req, res)
    setValidators(res, entry.etag, 'hit')
    if (matchesEtag(ifNoneMatch, entry.etag)) {
      notModified(res)
      return
    }
    for (const [name, value] of entry.headers) {
      res.setHeader(name, value)
    }
    res.setHeader('Content-Length', entry.body!.length)
    res.statusCode = 200
    res.end(entry.body)
  }

  return async (req, res, next) => {
    const kind = kindOf(req)
    if (kind === 'other') {
      next()
      return
    }
    if (kind === 'bypass') {
      res.setHeader('X-Cache', 'bypass')
      next()
      return
    }
    const key = cacheKeyOf(req)
    const ifNoneMatch = req.headers['if-none-match']
    const isUsable = (entry: Entry | undefined): entry is Entry =>
      Boolean(entry && (entry.body || matchesEtag(ifNoneMatch, entry.etag)))
    // One round trip on the listening connection (shared with every request waiting for one):
    // afterwards the generation counts every change committed before this request came.
    const isListening = changes.isListening() && (await changes.catchUp().catch(() => false))
    const generation = changes.generation()
    if (req.socket.destroyed) {
      // The client left while we waited: nobody to answer (and no 'close' event to come).
      return
    }
    if (isListening) {
      try {
        const entry = store.get(key)
        if (isUsable(entry) && entry.generation === generation && !res.headersSent) {
          sendEntry(req, res, { entry, ifNoneMatch, key })
          return
        }
        // The same answer is being computed for another request in this generation: wait for
        // it rather than running Payload once per waiting request.
        const computing = inFlight.of(key, generation)
        if (computing) {
          const computed = await computing
          if (
            isUsable(computed) &&
            computed.generation === changes.generation() &&
            !res.headersSent
          ) {
            sendEntry(req, res, { entry: computed, ifNoneMatch, key })
            return
          }
        }
      } catch (err) {
        payload.logger.warn({ err, msg: 'HTTP cache: lookup failed; answering without it.' })
      }
    }

    if (req.socket.destroyed) {
      return
    }
    // Payload runs. The generation was taken before it reads anything, so a change committed
    // from now on makes the answer stale at once.
    const wasListening = isListening && changes.generation() === generation
    res.setHeader('X-Cache', 'miss')
    const headersBefore = new Set(res.getHeaderNames())
    // Requests of this generation arriving from now on wait for this one.
    const settle = wasListening ? inFlight.start({ generation, key, res }) : () => undefined
    captureResponse(res, {
      maxBytes: Math.max(store.maxEntryBytes, MIN_CAPTURE_BYTES),
      onComplete: ({ body, status }) => {
        const headerNames = res.getHeaderNames()
        if (!isKeepableAnswer({ headerNames, status })) {
          settle(undefined)
          res.statusCode = status
          res.end(body)
          return
        }
        const etag = etagOf(body)
        if (wasListening && changes.isListening()) {
          const headers = headerNames
            .filter((name) => !headersBefore.has(name) && !PER_REQUEST_HEADERS.has(name))
            .map((name): [string, number | string | string[]] => [name, res.getHeader(name)!])
          settle(store.keep(key, { body, etag, generation, headers }))
        } else {
          settle(undefined)
        }
        setValidators(res, etag, 'miss')
        if (matchesEtag(ifNoneMatch, etag)) {
          notModified(res)
          return
        }
        res.statusCode = 200
        res.setHeader('Content-Length', body.length)
        res.end(body)
      },
    })
    next()
  }
}
