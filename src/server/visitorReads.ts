/**
 * A visitor's GET of an endpoint that declared its work as a visitor read (src/api/visitorRead.ts:
 * the search, the method catalogue), answered by express directly: the query parsed as Payload
 * parses it, the language Payload would pick, the answer's JSON and headers as Payload's REST
 * route sends them (its CORS headers included), errors as the gate answers them. Only requests
 * without credentials (no Authorization header, no cookie of Payload's): whoever may be signed in
 * goes to Payload, which knows who it is (an editor's search finds drafts).
 */
import type { Request as ExpressRequest, Response as ExpressResponse } from 'express'
import type { Endpoint, Payload } from 'payload'

import { getRequestLanguage, headersWithCors } from 'payload'
import * as qs from 'qs-esm'

import type { ConcurrencyLimit } from '@quartiersnetz/plugin-kit/concurrencyLimit'

import { hasOwnQueue } from '@quartiersnetz/plugin-kit/concurrencyLimit'

import { type VisitorRead, visitorReadOf } from '../api/visitorRead'
import { hasCredentials } from './httpCache/policy'
import { routePattern } from './routePattern'

/** The options Payload's createPayloadRequest parses a query with. */
const QUERY_OPTIONS = {
  allowEmptyArrays: true,
  arrayLimit: 1000,
  depth: 10,
  ignoreQueryPrefix: true,
} as const

type Route = { ownQueue: boolean; pattern: RegExp; read: VisitorRead }

/** The express request's headers as far as Payload's helpers read them (`get`). */
const headerReader = (req: ExpressRequest) =>
  ({ get: (name: string) => req.get(name) ?? null }) as unknown as Headers

/**
 * Answers a visitor's request to a visitor read (`answer` resolves true), or leaves it
 * (`answer` resolves false: another method, another route, or credentials).
 */
export const visitorReads = ({
  fail,
  payload,
  run,
}: {
  /** Answers an error around the read (the gate's `fail`). */
  fail: (res: ExpressResponse, err: unknown) => void
  payload: Payload
  /** Runs the read in a slot of the gate (endpoints with a queue of their own run at once). */
  run: ConcurrencyLimit
}) => {
  const { config } = payload
  const routes: Route[] = []
  const add = (prefix: string, endpoints: Endpoint[] | false | undefined) => {
    for (const endpoint of endpoints || []) {
      const read = visitorReadOf(endpoint)
      if (read && endpoint.method === 'get') {
        routes.push({
          ownQueue: hasOwnQueue(endpoint),
          pattern: routePattern(config.routes.api, `${prefix}${endpoint.path}`),
          read,
        })
      }
    }
  }
  add('', config.endpoints)
  for (const collection of config.collections) {
    add(`/${collection.slug}`, collection.endpoints)
  }
  const cookiePrefix = `${config.cookiePrefix}-`
  const noCookies = new Map<string, string>()

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
    const url = req.url ?? ''
    const search = url.includes('?') ? url.slice(url.indexOf('?')) : ''
    try {
      const runRead: ConcurrencyLimit = route.ownQueue ? (task) => task() : run
      const plain = await runRead(async () =>
        // Nobody to answer when the client left while waiting.
        res.closed || res.destroyed
          ? undefined
          : route.read({
              language:
                getRequestLanguage({ config, cookies: noCookies, headers }) === 'en' ? 'en' : 'de',
              payload,
              query: search ? (qs.parse(search, QUERY_OPTIONS) as Record<string, unknown>) : {},
            }),
      )
      if (!plain) {
        return true
      }
      const answerHeaders = headersWithCors({
        headers: new Headers({ 'content-type': 'application/json', ...plain.headers }),
        req: { headers, payload } as never,
      })
      res.statusCode = plain.status ?? 200
      answerHeaders.forEach((value, name) => res.setHeader(name, value))
      if (req.method === 'HEAD') {
        res.end()
        return true
      }
      const body = Buffer.from(JSON.stringify(plain.body))
      res.setHeader('content-length', body.length)
      res.end(body)
    } catch (err) {
      fail(res, err)
    }
    return true
  }
  return { answer }
}
