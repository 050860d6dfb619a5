/**
 * HTTP caching of public reads: what member-city websites ask for again and again.
 *
 * A cacheable request (policy.ts: a visitor's GET of a public content collection's REST route;
 * graphql.ts: a visitor's GraphQL query) gets an ETag and, for a GET,
 * `Cache-Control: public, max-age=0, must-revalidate` (validators.ts). The answer is remembered
 * (store.ts) per URL (or GraphQL request) and Accept-Language together with what it contains:
 * the documents embedded in it and the collections it lists (answerContents.ts, graphql.ts).
 * Every committed change is announced by PostgreSQL with the rows it touched
 * (contentChanges.ts), read as changes to documents (changeTargets.ts), and drops exactly the
 * remembered answers it concerns (dependencies.ts): a rating on one module drops the answers
 * that show that module, not the project lists. An answer is kept only if no change since just
 * before Payload began computing it concerns it. While an answer is remembered, a matching
 * `If-None-Match` is answered 304 and any other request from memory, without running Payload
 * (an answer a full budget compressed, store.ts, goes out so to clients that accept gzip and
 * unpacked to others);
 * CORS headers are set for each request as Payload would (cors.ts). Each of these requests
 * first catches up with the change notifications (one shared round trip), so a change
 * committed before it arrived is always seen; requests for an answer that is being computed
 * wait for it instead of running Payload too (inFlight.ts). Anything else (signed-in users,
 * drafts, writes, mutations, other routes, errors) passes through untouched. Without change
 * notifications (connection lost) nothing is served from memory, and everything remembered is
 * forgotten.
 *
 * `X-Cache` says what happened: `hit` (from memory, 200 or 304), `miss` (Payload answered; the
 * answer is remembered), `bypass` (not cacheable for this caller).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Request, RequestHandler, Response } from 'express'
import type { Payload } from 'payload'

import type { ApiGate } from '../payloadApi'
import type { ContentChanges } from './contentChanges'
import type { Entry } from './store'

import { gunzipSync } from 'node:zlib'

import { requestForNext } from '../apiInput'
import { sendError } from '../sendError'
import { restContents } from './answerContents'
import { captureResponse } from './captureResponse'
import { changeTargets } from './changeTargets'
import { setCorsAsPayload } from './cors'
import { type Change, concerns, type Contents, EVERYTHING } from './dependencies'
import {
  type GraphqlRequest,
  graphqlGetRequest,
  graphqlReads,
  graphqlReplay,
  readAll,
} from './graphql'
import { createInFlight } from './inFlight'
import { type KeptDocuments, keptDocuments } from './keptDocuments'
import { type KeptGraphql, keptGraphql } from './keptGraphql'
import { cacheKeyOf, isKeepableAnswer, PER_REQUEST_HEADERS, requestPolicy } from './policy'
import { createAnswerStore } from './store'
import { etagOf, matchesEtag, notModified, setValidators } from './validators'

export { PUBLIC_CACHE_CONTROL } from './validators'

type HttpCacheArgs = {
  /** The change notifications; without them nothing is cached (GraphQL by GET still works). */
  changes: ContentChanges | undefined
  /**
   * The gate of Payload's API (payloadApi.ts): with it, a list not kept is made from kept
   * documents (keptDocuments.ts) unless `isDocumentsKept` is off.
   */
  gate?: ApiGate
  /** Next's request handler: GraphQL requests are handed to it as POSTs of their own. */
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>
  /**
   * Drop only the answers a change concerns (the default); false: every change drops every
   * answer, as before migration 20261130_022119 (HTTP_CACHE_TARGETED=false: a switch for
   * comparing in the benchmark, and a way out should targeting ever be in doubt).
   */
  isTargeted?: boolean
  /**
   * Keep the documents of lists for other lists (HTTP_CACHE_DOCUMENTS=false: Payload reads
   * every list whole, as before; the benchmark's comparison).
   */
  isDocumentsKept?: boolean
  /**
   * Whether `handle` answers GraphQL with our handler (graphqlApi.ts: its select default and
   * relationship order), which GraphQL lists from kept documents answer as; false
   * (PAYLOAD_API_DIRECT=false: Next's route, Payload's own schema): they are left to it.
   */
  isGraphqlDirect?: boolean
  /** Memory for kept answers, in bytes; 0 keeps only ETags (304s, no answers from memory). */
  maxBytes: number
  payload: Payload
}

/** What the cache does with a request. */
type Route =
  | { kind: 'answered' }
  | { forward: () => void; kind: 'bypass' | 'pass' }
  | {
      contentsOf: (body: Buffer) => Contents | undefined
      forward: () => void
      /** A GET: validators for HTTP caches, 304 for a matching If-None-Match. */
      isGet: boolean
      key: string
      kind: 'cacheable'
      /** A visitor's GraphQL query: a list made from kept documents where it can (keptGraphql.ts). */
      graphqlRequest?: GraphqlRequest
      /** A REST list: made from kept documents where it can (keptDocuments.ts). */
      list?: { collection: string; query: URLSearchParams }
    }
  | { kind: 'other' }

/** Answers held back to compute their ETag up to this size even when they are too large to keep. */
const MIN_CAPTURE_BYTES = 1024 * 1024
/** Changes remembered to decide whether an answer computed meanwhile may be kept. */
const MAX_LOGGED_CHANGES = 4096

export const httpCache = ({
  changes,
  gate,
  handle,
  isDocumentsKept = process.env.HTTP_CACHE_DOCUMENTS !== 'false',
  isGraphqlDirect = true,
  isTargeted = process.env.HTTP_CACHE_TARGETED !== 'false',
  maxBytes,
  payload,
}: HttpCacheArgs): RequestHandler => {
  const { isAnonymous, kindOf } = requestPolicy(payload)
  const store = createAnswerStore({ maxBytes })
  const inFlight = createInFlight()
  const restAnswers = restContents(payload)
  const contentsOfRest = restAnswers.contentsOf
  const graphql = graphqlReads(payload)
  const apiPrefix = `${payload.config.routes.api}/`
  const graphqlPath = `${payload.config.routes.api}${payload.config.routes.graphQL ?? '/graphql'}`

  // The changes of the last generations, in order: an answer computed across some of them is
  // kept only if none concerns it.
  const log: { change: Change; generation: number }[] = []
  if (changes) {
    const targets = changeTargets(payload)
    changes.subscribe((message, generation) => {
      let change: Change = EVERYTHING
      try {
        change = message === undefined || !isTargeted ? EVERYTHING : targets(message)
        store.drop(change)
      } catch (err) {
        change = EVERYTHING
        store.clear()
        payload.logger.warn({ err, msg: 'HTTP cache: a change could not be read; all forgotten.' })
      }
      log.push({ change, generation })
      // Trimmed in batches: one splice per MAX_LOGGED_CHANGES notifications.
      if (log.length >= 2 * MAX_LOGGED_CHANGES) {
        log.splice(0, log.length - MAX_LOGGED_CHANGES)
      }
    })
  }
  /** The changes after `generation`; undefined when they are no longer known. */
  const changesSince = (generation: number): Change[] | undefined => {
    const current = changes!.generation()
    if (generation === current) {
      return []
    }
    const first = log[0]
    if (!first || first.generation > generation + 1) {
      return undefined
    }
    return log.slice(generation + 1 - first.generation).map((logged) => logged.change)
  }
  const kept: KeptDocuments | undefined =
    gate && isDocumentsKept
      ? keptDocuments({ changesSince, contents: restAnswers, gate, payload, store })
      : undefined
  const fromKeptDocuments = kept?.answerList
  const graphqlFromKeptDocuments: KeptGraphql | undefined =
    gate && kept && isGraphqlDirect
      ? keptGraphql({ gate, keptDocuments: kept, payload })
      : undefined

  /** A kept body as the client takes it: compressed to one that accepts gzip, else unpacked. */
  const sendBody = (req: Request, res: Response, entry: Entry, unpacked?: Buffer) => {
    let body = entry.body!
    if (entry.isGzip) {
      if (req.acceptsEncodings('gzip') === 'gzip') {
        res.setHeader('Content-Encoding', 'gzip')
      } else {
        body = unpacked ?? gunzipSync(body)
      }
    }
    res.setHeader('Content-Length', body.length)
    res.statusCode = 200
    res.end(body)
  }

  /** Answers from memory: 304 for a matching If-None-Match, else the kept answer. */
  const sendEntry = (
    req: Request,
    res: Response,
    {
      entry,
      ifNoneMatch,
      isGet,
      key,
    }: { entry: Entry; ifNoneMatch: string | undefined; isGet: boolean; key: string },
  ) => {
    store.touch(key, entry)
    setCorsAsPayload(payload, req, res)
    setValidators(res, entry.etag, 'hit', { isGet })
    if (matchesEtag(ifNoneMatch, entry.etag)) {
      notModified(res)
      return
    }
    for (const [name, value] of entry.headers) {
      res.setHeader(name, value)
    }
    sendBody(req, res, entry)
  }

  const graphqlRoute = async (req: Request, res: Response, next: () => void): Promise<Route> => {
    let request: GraphqlRequest
    let body: Buffer
    if (req.method === 'GET') {
      const read = graphqlGetRequest(req)
      if ('problem' in read) {
        res.setHeader('Cache-Control', 'no-store')
        sendError(req, res, 400, read.problem)
        return { kind: 'answered' }
      }
      request = read.request
      body = Buffer.from(JSON.stringify(request))
    } else if (req.method === 'POST' && changes) {
      if (!isAnonymous(req)) {
        return { forward: next, kind: 'bypass' }
      }
      // The body apiInput.ts read and checked; read here, handed on as a replay of our own.
      const replay = requestForNext(req)
      if (replay === req) {
        return { kind: 'other' }
      }
      body = await readAll(replay)
      try {
        request = JSON.parse(body.toString('utf8')) as GraphqlRequest
      } catch {
        return { forward: () => void handle(graphqlReplay(req, body, req.url), res), kind: 'pass' }
      }
    } else {
      return { kind: 'other' }
    }
    const operation = graphql.describe(request)
    if (req.method === 'GET' && operation.type && operation.type !== 'query') {
      res.setHeader('Allow', 'POST')
      res.setHeader('Cache-Control', 'no-store')
      sendError(req, res, 405, {
        de: 'Per GET sind nur Abfragen (query) möglich; senden Sie Änderungen (mutation) per POST.',
        en: 'GET allows queries only; send mutations by POST.',
      })
      return { kind: 'answered' }
    }
    const forward = () =>
      void handle(graphqlReplay(req, body, req.method === 'GET' ? graphqlPath : req.url), res)
    if (!changes || operation.type !== 'query') {
      return { forward, kind: 'pass' }
    }
    if (!isAnonymous(req)) {
      return { forward, kind: 'bypass' }
    }
    return {
      contentsOf: (answer) => graphql.contentsOf(operation, answer),
      forward,
      graphqlRequest: request,
      isGet: req.method === 'GET',
      key: cacheKeyOf(req, `graphql:${operation.key}`),
      kind: 'cacheable',
    }
  }

  const routeOf = async (req: Request, res: Response, next: () => void): Promise<Route> => {
    if (req.path === graphqlPath || req.path === `${graphqlPath}/`) {
      return graphqlRoute(req, res, next)
    }
    if (!changes) {
      return { kind: 'other' }
    }
    const kind = kindOf(req)
    if (kind !== 'cacheable') {
      return kind === 'bypass' ? { forward: next, kind } : { kind }
    }
    const segments = req.path.slice(apiPrefix.length).split('/')
    const index = req.originalUrl.indexOf('?')
    const query = new URLSearchParams(index < 0 ? '' : req.originalUrl.slice(index + 1))
    const isList = segments.length === 1
    return {
      contentsOf: (body) => contentsOfRest({ body, collection: segments[0]!, isList, query }),
      forward: next,
      isGet: true,
      key: cacheKeyOf(req),
      kind: 'cacheable',
      ...(isList ? { list: { collection: segments[0]!, query } } : {}),
    }
  }

  return async (req, res, next) => {
    const route = await routeOf(req, res, next)
    if (route.kind === 'other') {
      next()
      return
    }
    if (route.kind === 'answered') {
      return
    }
    if (route.kind !== 'cacheable' || !changes) {
      if (route.kind === 'bypass') {
        res.setHeader('X-Cache', 'bypass')
      }
      route.forward()
      return
    }
    const { contentsOf, forward, graphqlRequest, isGet, key, list } = route
    const ifNoneMatch = isGet ? req.headers['if-none-match'] : undefined
    const isUsable = (entry: Entry | undefined): entry is Entry =>
      Boolean(entry && (entry.body || matchesEtag(ifNoneMatch, entry.etag)))
    // One round trip on the listening connection (shared with every request waiting for one):
    // afterwards every change committed before this request came has dropped what it concerns.
    const isListening = changes.isListening() && (await changes.catchUp().catch(() => false))
    // (A new Berlin day drops everything here.)
    changes.generation()
    if (req.socket.destroyed) {
      // The client left while we waited: nobody to answer (and no 'close' event to come).
      return
    }
    if (isListening) {
      try {
        const entry = store.get(key)
        if (isUsable(entry) && !res.headersSent) {
          sendEntry(req, res, { entry, ifNoneMatch, isGet, key })
          return
        }
        // The same answer is being computed for another request: wait for it rather than
        // running Payload once per waiting request. It counts only if it was kept and is still
        // (nothing it contains changed since).
        const computing = inFlight.of(key)
        if (computing) {
          const computed = await computing
          if (
            isUsable(computed) &&
            store.get(key) === computed &&
            changes.isListening() &&
            !res.headersSent
          ) {
            sendEntry(req, res, { entry: computed, ifNoneMatch, isGet, key })
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
    // Payload runs. The generation is taken before it reads anything, so a change committed
    // from now on that concerns the answer keeps it from being kept.
    const generation = changes.generation()
    const canKeep = isListening && changes.isListening()
    res.setHeader('X-Cache', 'miss')
    const headersBefore = new Set(res.getHeaderNames())
    // Requests for this answer arriving from now on wait for this one.
    const settle = canKeep ? inFlight.start({ key, res }) : () => undefined
    let contentsOfList: Contents | undefined
    captureResponse(res, {
      maxBytes: Math.max(store.maxEntryBytes, MIN_CAPTURE_BYTES),
      onComplete: ({ body, status }) => {
        const headerNames = res.getHeaderNames()
        const contents = isKeepableAnswer({ headerNames, status })
          ? (contentsOfList ?? contentsOf(body))
          : undefined
        if (!contents) {
          settle(undefined)
          res.statusCode = status
          res.end(body)
          return
        }
        const etag = etagOf(body)
        const since = canKeep && changes.isListening() ? changesSince(generation) : undefined
        let entry: Entry | undefined
        if (since && !since.some((change) => concerns(change, contents))) {
          const headers = headerNames
            .filter((name) => !headersBefore.has(name) && !PER_REQUEST_HEADERS.has(name))
            .map((name): [string, number | string | string[]] => [name, res.getHeader(name)!])
          entry = store.keep(key, { body, contents, etag, headers })
        }
        settle(entry)
        setValidators(res, etag, 'miss', { isGet })
        if (matchesEtag(ifNoneMatch, etag)) {
          notModified(res)
          return
        }
        if (entry?.body) {
          // As it will be answered from memory (compressed where the client takes it).
          sendBody(req, res, entry, body)
          return
        }
        res.statusCode = 200
        res.setHeader('Content-Length', body.length)
        res.end(body)
      },
    })
    if (graphqlRequest && graphqlFromKeptDocuments) {
      const isListening = () => canKeep && changes.isListening()
      void graphqlFromKeptDocuments({
        generation,
        isListening,
        req,
        request: graphqlRequest,
        res,
      }).then(
        (isAnswered) => {
          if (!isAnswered) {
            forward()
          }
        },
        (err: unknown) => gate!.fail(res, err),
      )
      return
    }
    if (list && fromKeptDocuments) {
      const isListening = () => canKeep && changes.isListening()
      // Its contents come from its documents' (keptDocuments.ts), not from reading it again.
      const onContents = (contents: Contents) => {
        contentsOfList = contents
      }
      void fromKeptDocuments({ ...list, generation, isListening, onContents, req, res }).then(
        (isAnswered) => {
          if (!isAnswered) {
            forward()
          }
        },
        (err: unknown) => gate!.fail(res, err),
      )
      return
    }
    forward()
  }
}
