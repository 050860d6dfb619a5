/**
 * HTTP caching of public reads: what member-city websites ask for again and again.
 *
 * A GET of a public content collection's REST route (`/api/<slug>`, `/api/<slug>/<id>`, not a
 * custom endpoint) without credentials (no Authorization header, no Payload cookie) and without
 * `draft` gets an ETag (a hash of the body) and `Cache-Control: public, max-age=0,
 * must-revalidate`: clients and proxies keep the answer but ask again every time. The answer is
 * remembered per URL and Accept-Language (ratings are summarised in the caller's language)
 * together with the generation of content it was made in (contentChanges.ts), taken before
 * Payload ran, so a change committed during the request makes the entry stale at once. While
 * that generation is current, a matching `If-None-Match` is answered 304 and any other request
 * from memory, without running Payload; CORS headers are set for each request as Payload would.
 * Each of these requests first catches up with the change notifications (one shared round
 * trip), so a change committed before it arrived is always seen; requests for a URL whose
 * answer is being computed in the same generation wait for it instead of running Payload too.
 * Anything else (signed-in users, drafts, writes, other routes, errors) passes through
 * untouched. Without change notifications (connection lost) nothing is served from memory.
 *
 * `X-Cache` says what happened: `hit` (from memory, 200 or 304), `miss` (Payload answered; the
 * answer is remembered), `bypass` (not cacheable for this caller).
 */
import type { Request, RequestHandler, Response } from 'express'
import type { Payload } from 'payload'

import crypto from 'node:crypto'

import { headersWithCors } from 'payload'

import type { ContentChanges } from './contentChanges'

export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, must-revalidate'

/** Entries without a body (only the ETag, for 304s) are small; this bounds their number. */
const MAX_ENTRIES = 20_000
/** An answer larger than this share of the memory budget is not kept (its ETag still is). */
const MAX_ENTRY_SHARE = 8
/** Requests waiting for another request's answer stop waiting after this and run Payload. */
const FLIGHT_TIMEOUT_MS = 10_000

type Entry = {
  body: Buffer | undefined
  etag: string
  generation: number
  /** Headers Payload and Next set on the answer, without per-request ones (CORS, date, length). */
  headers: [string, number | string | string[]][]
  /** Bytes of memory counted against the budget (the kept body). */
  size: number
}

type HttpCacheArgs = {
  changes: ContentChanges
  /** Memory for kept answers, in bytes; 0 keeps only ETags (304s, no answers from memory). */
  maxBytes: number
  payload: Payload
}

/** Set per request (or by this module), so never replayed from an entry. */
const PER_REQUEST_HEADERS = new Set([
  'access-control-allow-credentials',
  'access-control-allow-headers',
  'access-control-allow-methods',
  'access-control-allow-origin',
  'access-control-expose-headers',
  'cache-control',
  'connection',
  'content-length',
  'date',
  'etag',
  'keep-alive',
  'transfer-encoding',
  'vary',
  'x-cache',
])

const etagOf = (body: Buffer) => `"${crypto.createHash('sha1').update(body).digest('base64url')}"`

const matchesEtag = (header: string | undefined, etag: string) =>
  Boolean(header) &&
  header!.split(',').some((candidate) => {
    const tag = candidate.trim()
    return (tag.startsWith('W/') ? tag.slice(2) : tag) === etag
  })

/**
 * The public REST read routes: per content collection (those with drafts; visitors read their
 * published documents), the first path segments that belong to custom endpoints instead.
 */
const publicReadRoutes = (payload: Payload): Map<string, Set<string>> => {
  const routes = new Map<string, Set<string>>()
  for (const collection of payload.config.collections) {
    if (!collection.versions?.drafts) {
      continue
    }
    const customSegments = new Set<string>()
    for (const endpoint of collection.endpoints || []) {
      const first = endpoint.path.split('/').filter(Boolean)[0]
      if (first && !first.startsWith(':')) {
        customSegments.add(first)
      }
    }
    routes.set(collection.slug, customSegments)
  }
  return routes
}

type Capture = (args: { body: Buffer; status: number }) => void

/**
 * Holds back what Next writes until the answer is complete, so its ETag can go into the
 * headers; then `onComplete` sends it (or a 304). An answer too large to keep is let through
 * as it comes.
 */
const captureResponse = (res: Response, { maxBytes, onComplete }: { maxBytes: number; onComplete: Capture }) => {
  const original = {
    end: res.end as (this: Response, callback?: () => void) => Response,
    flushHeaders: res.flushHeaders,
    write: res.write as (this: Response, chunk: Buffer) => boolean,
    writeHead: res.writeHead,
  }
  const chunks: Buffer[] = []
  let size = 0
  let writeHeadArgs: Parameters<Response['writeHead']> | undefined

  const restore = () => {
    res.end = original.end as Response['end']
    res.flushHeaders = original.flushHeaders
    res.write = original.write as Response['write']
    res.writeHead = original.writeHead
  }
  const toBuffer = (chunk: unknown, encoding?: unknown): Buffer =>
    Buffer.isBuffer(chunk)
      ? chunk
      : typeof chunk === 'string'
        ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
        : Buffer.from(chunk as Uint8Array)
  /** Gives up holding back: sends what came so far and lets the rest stream. */
  const letThrough = () => {
    restore()
    if (writeHeadArgs) {
      original.writeHead.apply(res, writeHeadArgs)
    }
    for (const chunk of chunks) {
      original.write.call(res, chunk)
    }
  }

  res.writeHead = function writeHead(this: Response, ...args: Parameters<Response['writeHead']>) {
    writeHeadArgs = args
    return this
  } as Response['writeHead']
  res.flushHeaders = () => undefined
  res.write = function write(this: Response, chunk: unknown, encoding?: unknown, callback?: unknown) {
    const done = typeof encoding === 'function' ? encoding : callback
    if (chunk !== undefined && chunk !== null) {
      const buffer = toBuffer(chunk, encoding)
      chunks.push(buffer)
      size += buffer.length
    }
    if (size > maxBytes) {
      letThrough()
    }
    if (typeof done === 'function') {
      process.nextTick(done as () => void)
    }
    return true
  } as Response['write']
  res.end = function end(this: Response, chunk?: unknown, encoding?: unknown, callback?: unknown) {
    const done = typeof chunk === 'function' ? chunk : typeof encoding === 'function' ? encoding : callback
    if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') {
      const buffer = toBuffer(chunk, encoding)
      chunks.push(buffer)
      size += buffer.length
    }
    // Headers passed to writeHead are not readable back: such an answer is not kept.
    const hasHeadersInWriteHead = writeHeadArgs?.some((arg) => typeof arg === 'object' && arg !== null)
    if (hasHeadersInWriteHead || size > maxBytes) {
      letThrough()
      return original.end.call(this, typeof done === 'function' ? (done as () => void) : undefined)
    }
    restore()
    const status = typeof writeHeadArgs?.[0] === 'number' ? writeHeadArgs[0] : res.statusCode
    onComplete({ body: Buffer.concat(chunks, size), status })
    if (typeof done === 'function') {
      res.once('finish', done as () => void)
    }
    return this
  } as Response['end']
}

export const httpCache = ({ changes, maxBytes, payload }: HttpCacheArgs): RequestHandler => {
  const apiPrefix = `${payload.config.routes.api}/`
  const cookiePrefix = `${payload.config.cookiePrefix}-`
  const routes = publicReadRoutes(payload)
  const maxEntryBytes = maxBytes > 0 ? Math.max(64 * 1024, Math.floor(maxBytes / MAX_ENTRY_SHARE)) : 0
  // Least recently used first (a Map keeps insertion order; a hit re-inserts).
  const entries = new Map<string, Entry>()
  let keptBytes = 0
  /** Answers being computed by Payload now, per key, with the generation they are made in. */
  const inFlight = new Map<string, { done: Promise<Entry | undefined>; generation: number }>()

  const forget = (key: string) => {
    const entry = entries.get(key)
    if (entry) {
      keptBytes -= entry.size
      entries.delete(key)
    }
  }
  const remember = (key: string, entry: Entry) => {
    forget(key)
    entries.set(key, entry)
    keptBytes += entry.size
    for (const [oldest] of entries) {
      if (keptBytes <= maxBytes && entries.size <= MAX_ENTRIES) {
        break
      }
      forget(oldest)
    }
  }

  const isPublicRead = (req: Request): boolean => {
    if (!req.path.startsWith(apiPrefix)) {
      return false
    }
    const segments = req.path.slice(apiPrefix.length).split('/')
    const custom = routes.get(segments[0]!)
    if (!custom || segments.length > 2 || (segments.length === 2 && (!segments[1] || custom.has(segments[1])))) {
      return false
    }
    return true
  }

  const isAnonymous = (req: Request): boolean => {
    if (req.headers.authorization !== undefined) {
      return false
    }
    const cookies = req.headers.cookie
    if (cookies && cookies.split(';').some((cookie) => cookie.trim().startsWith(cookiePrefix))) {
      return false
    }
    // `draft` is ignored for visitors anyway (src/hooks/publishedOnlyForVisitors.ts); don't rely on it.
    const query = req.originalUrl.indexOf('?')
    return query < 0 || !new URLSearchParams(req.originalUrl.slice(query + 1)).has('draft')
  }

  /** The CORS headers Payload would set for this request's Origin. */
  const setCors = (req: Request, res: Response) => {
    if (!payload.config.cors) {
      return
    }
    const origin = req.headers.origin ?? null
    const headers = headersWithCors({
      headers: new Headers(),
      req: { headers: { get: (name: string) => (name.toLowerCase() === 'origin' ? origin : null) }, payload } as never,
    })
    headers.forEach((value, name) => res.setHeader(name, value))
  }

  const setValidators = (res: Response, etag: string, state: 'hit' | 'miss') => {
    res.setHeader('ETag', etag)
    res.setHeader('Cache-Control', PUBLIC_CACHE_CONTROL)
    res.vary('Origin')
    res.vary('Accept-Language')
    res.setHeader('X-Cache', state)
  }

  const notModified = (res: Response) => {
    res.removeHeader('Content-Type')
    res.removeHeader('Content-Length')
    res.statusCode = 304
    res.end()
  }

  /** Answers from memory: 304 for a matching If-None-Match, else the kept answer. */
  const sendEntry = (req: Request, res: Response, { entry, ifNoneMatch, key }: { entry: Entry; ifNoneMatch: string | undefined; key: string }) => {
    // Most recently used now.
    if (entries.get(key) === entry) {
      entries.delete(key)
      entries.set(key, entry)
    }
    setCors(req, res)
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
    if (req.method !== 'GET' || !isPublicRead(req)) {
      next()
      return
    }
    if (!isAnonymous(req)) {
      res.setHeader('X-Cache', 'bypass')
      next()
      return
    }
    const key = `${req.originalUrl}\n${req.headers['accept-language'] ?? ''}`
    const ifNoneMatch = req.headers['if-none-match']
    const isUsable = (entry: Entry | undefined): entry is Entry => Boolean(entry && (entry.body || matchesEtag(ifNoneMatch, entry.etag)))
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
        const entry = entries.get(key)
        if (isUsable(entry) && entry.generation === generation && !res.headersSent) {
          sendEntry(req, res, { entry, ifNoneMatch, key })
          return
        }
        // The same answer is being computed for another request in this generation: wait for
        // it rather than running Payload once per waiting request.
        const computing = inFlight.get(key)
        if (computing && computing.generation === generation) {
          const computed = await computing.done
          if (isUsable(computed) && computed.generation === changes.generation() && !res.headersSent) {
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
    let settle: (entry: Entry | undefined) => void = () => undefined
    // Requests of this generation arriving from now on wait for this one (an older flight is superseded).
    if (wasListening && inFlight.get(key)?.generation !== generation) {
      const done = new Promise<Entry | undefined>((resolve) => (settle = resolve))
      inFlight.set(key, { done, generation })
      // Ended without an answer (client gone, error, or far too slow): waiting requests run
      // Payload themselves.
      const giveUp = setTimeout(() => settle(undefined), FLIGHT_TIMEOUT_MS)
      giveUp.unref()
      const forgetFlight = () => {
        clearTimeout(giveUp)
        if (inFlight.get(key)?.done === done) {
          inFlight.delete(key)
        }
        settle(undefined)
      }
      res.once('close', forgetFlight)
      void done.then(forgetFlight)
    }
    captureResponse(res, {
      maxBytes: Math.max(maxEntryBytes, 1024 * 1024),
      onComplete: ({ body, status }) => {
        const headerNames = res.getHeaderNames()
        const isKeepable = status === 200 && !headerNames.includes('set-cookie') && !headerNames.includes('content-encoding')
        if (!isKeepable) {
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
          const isBodyKept = body.length <= maxEntryBytes
          const entry: Entry = { body: isBodyKept ? body : undefined, etag, generation, headers, size: isBodyKept ? body.length : 0 }
          const kept = entries.get(key)
          // An equal answer of the same generation is kept as it is (no churn under load).
          if (!kept || kept.generation !== generation || kept.etag !== etag || (!kept.body && entry.body)) {
            remember(key, entry)
          }
          settle(entry)
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
