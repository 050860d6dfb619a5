/**
 * A visitor's GET of an endpoint that declared its work as a visitor read (src/api/visitorRead.ts:
 * the search, the method catalogue), answered by express directly: the query parsed as Payload
 * parses it, the language Payload would pick, the answer's JSON and headers as Payload's REST
 * route sends them (its CORS headers included). Only requests without credentials (no
 * Authorization header, no cookie of Payload's): whoever may be signed in goes to Payload, which
 * knows who it is (an editor's search finds drafts). Should the read fail, Payload's route
 * answers the error (`answerFailure`), exactly as it answers its own.
 */
import type { Request as ExpressRequest, Response as ExpressResponse } from 'express'
import type { Payload } from 'payload'

import { getRequestLanguage, headersWithCors } from 'payload'
import { parse } from 'qs-esm'

import type { ConcurrencyLimit } from '@quartiersnetz/plugin-kit/concurrencyLimit'

import { hasOwnQueue } from '@quartiersnetz/plugin-kit/concurrencyLimit'

import { jsonBytesOf, type PlainAnswer, visitorReadOf } from '../api/visitorRead'
import { hasCredentials } from './httpCache/policy'
import { endpointRoutesOf } from './routePattern'

/** The options Payload's createPayloadRequest parses a query with. */
const QUERY_OPTIONS = {
  allowEmptyArrays: true,
  arrayLimit: 1000,
  depth: 10,
  ignoreQueryPrefix: true,
} as const

/**
 * The cookies Payload reads the language from (`payload-lng`): none, since a request with a
 * cookie of Payload's goes to Payload.
 */
const NO_COOKIES = new Map<string, string>()

/** The express request's headers as far as Payload's helpers read them (`get`). */
const headerReader = (req: ExpressRequest) =>
  ({ get: (name: string) => req.get(name) ?? null }) as unknown as Headers

/** The answer's body and headers as Payload's route sends them (Response.json, headersWithCors). */
const sentForm = (plain: PlainAnswer, headers: Headers, payload: Payload) => {
  const body = jsonBytesOf(plain)
  const answerHeaders = new Headers(plain.headers)
  if (!answerHeaders.has('content-type')) {
    answerHeaders.set('content-type', 'application/json')
  }
  return {
    body,
    headers: headersWithCors({ headers: answerHeaders, req: { headers, payload } as never }),
  }
}

/**
 * Answers a visitor's request to a visitor read (`answer` resolves true), or leaves it
 * (`answer` resolves false: another method, another route, or credentials).
 */
export const visitorReads = ({
  answerFailure,
  payload,
  runOf,
}: {
  /** Answers the error a read threw (through Payload's route, which says it as its own). */
  answerFailure: (req: ExpressRequest, res: ExpressResponse, err: unknown) => Promise<void>
  payload: Payload
  /** How a read runs: at once when its endpoint queues itself, else in a slot of the gate. */
  runOf: (queuesItself: boolean) => ConcurrencyLimit
}) => {
  const { config } = payload
  const routes = endpointRoutesOf(config).flatMap(({ endpoint, pattern }) => {
    const read = visitorReadOf(endpoint)
    return read && endpoint.method === 'get'
      ? [{ pattern, read, run: runOf(hasOwnQueue(endpoint)) }]
      : []
  })
  const cookiePrefix = `${config.cookiePrefix}-`

  const answer = async (req: ExpressRequest, res: ExpressResponse, path: string) => {
    if (
      (req.method !== 'GET' && req.method !== 'HEAD') ||
      !routes.length ||
      hasCredentials(req, cookiePrefix)
    ) {
      return false
    }
    const route = routes.find((candidate) => candidate.pattern.test(path))
    if (!route) {
      return false
    }
    const headers = headerReader(req)
    try {
      const sent = await route.run(async () => {
        // Nobody to answer when the client left while waiting.
        if (res.closed || res.destroyed) {
          return undefined
        }
        // As Payload reads it: a fragment dropped, characters such as " percent-encoded.
        const { search } = new URL(req.url ?? '/', 'http://localhost')
        const plain: PlainAnswer = await route.read({
          language:
            getRequestLanguage({ config, cookies: NO_COOKIES, headers }) === 'en' ? 'en' : 'de',
          payload,
          query: search ? (parse(search, QUERY_OPTIONS) as Record<string, unknown>) : {},
        })
        return { ...sentForm(plain, headers, payload), status: plain.status ?? 200 }
      })
      if (!sent) {
        return true
      }
      res.statusCode = sent.status
      sent.headers.forEach((value, name) => res.setHeader(name, value))
      if (req.method === 'HEAD') {
        res.end()
        return true
      }
      res.setHeader('content-length', sent.body.length)
      res.end(sent.body)
    } catch (err) {
      if (res.headersSent) {
        res.destroy()
      } else {
        await answerFailure(req, res, err)
      }
    }
    return true
  }
  return { answer }
}
