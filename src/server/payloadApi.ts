/**
 * Payload's REST API served by express itself: `handleEndpoints` is Payload's framework-free
 * entry to the same handlers Next's route (src/app/(payload)/api/[...slug]) calls, so a request
 * no longer passes through Next's router, its request/response adapters and its web streams;
 * GraphQL POSTs likewise (graphqlApi below, graphqlApi.ts). Next's routes stay for what this
 * doesn't take (GraphQL's OPTIONS, Payload's Next-only /api/og) and for everything when this is
 * off (`PAYLOAD_API_DIRECT=false`). HEAD is answered as GET without the body, either way (Next's
 * route answered it 404).
 */
import type { Request as ExpressRequest, Response as ExpressResponse } from 'express'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Payload, SanitizedConfig } from 'payload'

import type { ReadableStream as WebReadableStream } from 'node:stream/web'

import { Readable } from 'node:stream'

import { handleEndpoints } from 'payload'

import { refusalsAsBadRequest } from '../api/graphqlRefusals'
import { FAILED_READ } from '../api/visitorRead'
import { inClientLanguage } from '../api/inClientLanguage'
import { classifyError } from '../errors/classifyError'
import { ANSWERS, RETRY_AFTER_SECONDS } from '../errors/answerHonestly'
import {
  type ConcurrencyLimit,
  createConcurrencyLimit,
  hasOwnQueue,
  OverloadedError,
} from '@quartiersnetz/plugin-kit/concurrencyLimit'

import { requestForNext } from './apiInput'
import { graphqlHandler } from './graphqlApi'
import { endpointRoutesOf } from './routePattern'
import { sendError } from './sendError'
import { visitorReads } from './visitorReads'

type Handle = (req: ExpressRequest, res: ExpressResponse) => Promise<void>
/** Next's request handler (it also gets requests express never saw: the cache's GraphQL replays). */
type NodeHandle = (req: IncomingMessage, res: ServerResponse) => Promise<void>

/** Methods Payload's REST route answers (Next's route exports these), and HEAD. */
const METHODS = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'])
/** Answers up to this size are read whole and sent at once; larger ones (files) stream. */
const WHOLE_BODY_BYTES = 4 * 1024 * 1024
/** How long an API request may wait for a free slot before it is answered 503. */
const MAX_WAIT_MS = 30_000

/** The request's headers as a Fetch `Headers` (for Payload's handlers and `payload.auth`). */
export const headersOf = (req: ExpressRequest): Headers => {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith(':') || value === undefined) {
      continue
    }
    if (Array.isArray(value)) {
      for (const item of value) {
        headers.append(name, item)
      }
    } else {
      headers.set(name, value)
    }
  }
  return headers
}

/**
 * The request's URL as Next would build it (from the Host header), or under the configured
 * address when the Host header is no address at all.
 */
const urlOf = (req: ExpressRequest, fallbackOrigin: string): URL => {
  try {
    return new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`)
  } catch {
    return new URL(req.url ?? '/', fallbackOrigin)
  }
}

/** The express request as the Fetch request Payload's handlers take; the body streams. */
export const fetchRequestOf = (req: ExpressRequest, fallbackOrigin: string): Request => {
  const method = req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET')
  const hasBody = method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS'
  const source = requestForNext(req)
  return new Request(urlOf(req, fallbackOrigin), {
    body: hasBody ? (Readable.toWeb(source) as ReadableStream<Uint8Array>) : undefined,
    // Node's fetch needs this for a streamed body.
    ...(hasBody ? { duplex: 'half' } : {}),
    headers: headersOf(req),
    method,
  } as RequestInit)
}

/** Whether an answer is read whole (JSON, text, anything small) rather than streamed (files). */
const isReadWhole = (response: Response) => {
  const length = Number(response.headers.get('content-length') ?? NaN)
  const type = response.headers.get('content-type') ?? ''
  return (
    (Number.isFinite(length) && length <= WHOLE_BODY_BYTES) ||
    type.includes('json') ||
    type.startsWith('text/')
  )
}

/** Payload's answer, with its body read when it is read whole (`isReadWhole`). */
type Answer = { body: Buffer | undefined; response: Response }

const answerOf = async (response: Response, { isHead }: { isHead: boolean }): Promise<Answer> => {
  if (!response.body || isHead) {
    await response.body?.cancel()
    return { body: Buffer.alloc(0), response }
  }
  return {
    body: isReadWhole(response) ? Buffer.from(await response.arrayBuffer()) : undefined,
    response,
  }
}

/** Writes Payload's answer to the Node response: a read body at once, a file streamed. */
export const sendAnswer = async ({ body, response }: Answer, res: ExpressResponse) => {
  res.statusCode = response.status
  const cookies = response.headers.getSetCookie()
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') {
      res.setHeader(name, value)
    }
  })
  if (cookies.length) {
    res.setHeader('set-cookie', cookies)
  }
  if (body) {
    if (body.length && !res.hasHeader('content-length')) {
      res.setHeader('content-length', body.length)
    }
    res.end(body)
    return
  }
  await new Promise<void>((resolve, reject) => {
    const stream = Readable.fromWeb(response.body as WebReadableStream)
    stream.once('error', reject)
    res.once('close', () => {
      stream.destroy()
      resolve()
    })
    stream.pipe(res)
  })
}

/**
 * At most `concurrency` API requests (REST and GraphQL) run in Payload at once; the others wait
 * in order (up to 30 s, then 503 with Retry-After). Each uncached answer holds megabytes while
 * Payload builds it: 32 at once took the server past its heap limit, 8 at once answer as many
 * per second (bench/optimisations.md). The gate never rejects: what goes wrong around Payload
 * is answered here.
 */
export type ApiGate = {
  /** Runs a task in a slot (throws OverloadedError when none comes free in time). */
  run: ConcurrencyLimit
  /** Next's handler, each request in a slot until its answer is sent. */
  throughNext: (handle: NodeHandle) => NodeHandle
  /** Answers an error that happened around Payload (a full queue: 503). */
  fail: (res: ExpressResponse, err: unknown) => void
}

export const apiGate = ({
  concurrency,
  maxWaitMs = MAX_WAIT_MS,
  payload,
}: {
  /** 0: no limit. */
  concurrency: number
  maxWaitMs?: number
  payload: Pick<Payload, 'logger'>
}): ApiGate => {
  const run: ConcurrencyLimit =
    concurrency > 0 ? createConcurrencyLimit(concurrency, { maxWaitMs }) : (task) => task()
  const fail = (res: ExpressResponse, err: unknown) => {
    // express's own request (the one handed on may be a replay express never saw).
    const { req } = res
    // Payload answers its own errors; this is what happens around it (a full queue, a body
    // stream that broke, a client that left). Said as Payload's afterError hook would say it.
    if (err instanceof OverloadedError) {
      payload.logger.warn({ msg: `API: ${err.message} (${req.method} ${req.path})` })
    } else {
      payload.logger.error({ err, msg: `API ${req.method} ${req.path}: ${String(err)}` })
    }
    if (res.headersSent) {
      res.destroy()
      return
    }
    const kind = classifyError(err)
    if (kind) {
      if (ANSWERS[kind].status === 503) {
        res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS))
      }
      sendError(req, res, ANSWERS[kind].status, ANSWERS[kind].text)
      return
    }
    sendError(req, res, 500, {
      de: 'Bei der Bearbeitung ist ein unerwarteter Fehler aufgetreten.',
      en: 'An unexpected error occurred while processing the request.',
    })
  }
  return {
    fail,
    run,
    throughNext: (handle) => async (req, res) => {
      try {
        await run(
          () =>
            new Promise<void>((resolve) => {
              // A client that left while waiting has had its 'close' already: nothing to do.
              if (res.closed || res.destroyed) {
                resolve()
                return
              }
              res.once('close', resolve)
              void handle(req, res)
            }),
        )
      } catch (err) {
        fail(res as ExpressResponse, err)
      }
    },
  }
}

/**
 * Whether a request (method, path) goes to an endpoint that declared `OWN_QUEUE` (the plugins'
 * seat decisions, registrations, ratings): all its database work waits in a limit of its own,
 * bounded as long as its work needs, so it passes the gate. Otherwise a thousand clicks on a
 * mailed link would hold the gate's slots for minutes (every other API request waiting behind
 * them) and be answered 503 after the gate's 30 s although their own queue may wait longer.
 */
export const ownQueueRoutesOf = (
  config: Pick<SanitizedConfig, 'collections' | 'endpoints' | 'globals' | 'routes'>,
) => {
  const routes = endpointRoutesOf(config)
    .filter(({ endpoint }) => hasOwnQueue(endpoint))
    .map(({ endpoint, pattern }) => ({ method: endpoint.method.toUpperCase(), pattern }))
  return (method: string, path: string) => {
    // HEAD is answered as GET.
    const asMethod = method === 'HEAD' ? 'GET' : method
    return routes.some((route) => route.method === asMethod && route.pattern.test(path))
  }
}

/**
 * GraphQL POSTs (the HTTP cache's replays of misses included): Payload's GraphQL handler without
 * Next (graphqlApi.ts), in a slot of the gate, unless `isDirect` is off; its other methods
 * (OPTIONS, a GET the cache did not take) go to Next's route as before.
 */
export const graphqlApi = ({
  gate,
  handleNext,
  isDirect,
  payload,
}: {
  gate: ApiGate
  handleNext: NodeHandle
  isDirect: boolean
  payload: Payload
}): NodeHandle => {
  const throughNext = gate.throughNext(handleNext)
  if (!isDirect) {
    return throughNext
  }
  const { config } = payload
  // A request that can't run at all (no `data`) answers 400, not graphql-http's legacy 200.
  const graphql = inClientLanguage(
    Promise.resolve(config),
    refusalsAsBadRequest(graphqlHandler(config)),
  )
  const origin = new URL(config.serverURL || 'http://localhost').origin
  return async (req, res) => {
    if (req.method !== 'POST') {
      await throughNext(req, res)
      return
    }
    await answerThrough({
      gate,
      handler: graphql,
      origin,
      req: req as ExpressRequest,
      res: res as ExpressResponse,
      run: gate.run,
    })
  }
}

/** Runs a task at once: the way through for requests that queue themselves. */
const atOnce: ConcurrencyLimit = (task) => task()

/**
 * Answers a request with a Fetch handler of Payload's (REST or GraphQL), run by `run` (a slot of
 * the gate, or at once); what goes wrong around it is answered by the gate.
 */
const answerThrough = async ({
  gate,
  handler,
  origin,
  req,
  res,
  run,
}: {
  gate: ApiGate
  handler: (request: Request, context: undefined) => Promise<Response>
  origin: string
  req: ExpressRequest
  res: ExpressResponse
  run: ConcurrencyLimit
}) => {
  try {
    const answer = await run(async () =>
      // Nobody to answer when the client left while waiting.
      res.closed || res.destroyed
        ? undefined
        : answerOf(await handler(fetchRequestOf(req, origin), undefined), {
            isHead: req.method === 'HEAD',
          }),
    )
    if (answer) {
      await sendAnswer(answer, res)
    }
  } catch (err) {
    gate.fail(res, err)
  }
}

/**
 * The final handler of the express app: Payload's REST requests (under `routes.api`, not Next's
 * OG images) go to Payload directly (unless `isDirect` is off), GraphQL to `graphql`, the rest
 * of the API to Next, each through the gate unless its endpoint queues itself
 * (`ownQueueRoutesOf`); everything else (the admin) to Next. A file's
 * slot is freed once Payload has answered, not when a slow client has received it all.
 */
export const payloadApi = ({
  gate,
  graphql: givenGraphql,
  handleNext,
  isDirect,
  payload,
}: {
  gate: ApiGate
  /** GraphQL's handler (graphqlApi), shared with the HTTP cache's replays. */
  graphql?: NodeHandle
  handleNext: NodeHandle
  isDirect: boolean
  payload: Payload
}): Handle => {
  const { config } = payload
  const graphql = givenGraphql ?? graphqlApi({ gate, handleNext, isDirect, payload })
  const apiPrefix = `${config.routes.api}/`
  const graphqlPath = `${config.routes.api}${config.routes.graphQL ?? '/graphql'}`
  const skipped = [graphqlPath, `${config.routes.api}/og`, `${graphqlPath}-playground`]
  const rest = inClientLanguage(Promise.resolve(config), (request: Request) =>
    handleEndpoints({ config: Promise.resolve(config), request }),
  )
  const origin = new URL(config.serverURL || 'http://localhost').origin
  const apiThroughNext = gate.throughNext(handleNext)
  const isOwnQueueRoute = ownQueueRoutesOf(config)
  // A visitor's search or catalogue query without Payload's request around it (visitorReads.ts);
  // should it fail, Payload's route answers the error as its own.
  const reads = visitorReads({
    answerFailure: (req, res, err) =>
      answerThrough({
        gate,
        handler: (request) => rest(Object.assign(request, { [FAILED_READ]: err }), undefined),
        origin,
        req,
        res,
        run: atOnce,
      }),
    payload,
    runOf: (queuesItself) => (queuesItself ? atOnce : gate.run),
  })
  return async (req, res) => {
    const path = (req.url ?? '/').split('?')[0]!
    if (!path.startsWith(apiPrefix)) {
      await handleNext(req, res)
      return
    }
    if (path === graphqlPath) {
      await graphql(req, res)
      return
    }
    if (!isDirect && req.method === 'HEAD') {
      // Next's route answers HEAD 404; as a GET its body is dropped by Node (the response was
      // made for a HEAD).
      req.method = 'GET'
    }
    const queuesItself = isOwnQueueRoute(req.method ?? '', path)
    if (
      !isDirect ||
      !METHODS.has(req.method ?? '') ||
      skipped.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))
    ) {
      await (queuesItself ? handleNext : apiThroughNext)(req, res)
      return
    }
    if (await reads.answer(req, res, path)) {
      return
    }
    await answerThrough({
      gate,
      handler: rest,
      origin,
      req,
      res,
      run: queuesItself ? atOnce : gate.run,
    })
  }
}
