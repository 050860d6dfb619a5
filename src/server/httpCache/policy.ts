/**
 * Which requests the HTTP cache may answer and which answers it may keep.
 *
 * Only a GET of a public content collection's REST route (`/api/<slug>`, `/api/<slug>/<id>`,
 * not a custom endpoint) or a GraphQL query (graphql.ts) is cacheable, and only for a visitor: no Authorization header, no
 * Payload cookie, no `draft`. Anything else passes through untouched (signed-in users are told
 * `X-Cache: bypass`). Of the answers, only a plain 200 is kept: one that sets a cookie or is
 * compressed is someone's own.
 */
import type { Request } from 'express'
import type { Payload } from 'payload'

/** What the cache does with a request: answer it, tell it `bypass`, or leave it alone. */
export type RequestKind = 'bypass' | 'cacheable' | 'other'

/** Set per request (or by the cache), so never replayed from a kept answer. */
export const PER_REQUEST_HEADERS = new Set([
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
  'server-timing',
  'transfer-encoding',
  'vary',
  'x-cache',
])

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

/**
 * Whether a request carries what may sign someone in: an Authorization header or a cookie of
 * Payload's (`cookiePrefix`: the config's prefix and a dash). Whether it does is Payload's word.
 */
export const hasCredentials = (req: Request, cookiePrefix: string): boolean =>
  req.headers.authorization !== undefined ||
  (req.headers.cookie ?? '').split(';').some((cookie) => cookie.trim().startsWith(cookiePrefix))

/** Classifies requests by the routes and cookie name of this Payload's config (read once). */
export const requestPolicy = (
  payload: Payload,
): { isAnonymous: (req: Request) => boolean; kindOf: (req: Request) => RequestKind } => {
  const apiPrefix = `${payload.config.routes.api}/`
  const cookiePrefix = `${payload.config.cookiePrefix}-`
  const routes = publicReadRoutes(payload)

  const isPublicRead = (req: Request): boolean => {
    if (!req.path.startsWith(apiPrefix)) {
      return false
    }
    const segments = req.path.slice(apiPrefix.length).split('/')
    const custom = routes.get(segments[0]!)
    if (
      !custom ||
      segments.length > 2 ||
      (segments.length === 2 && (!segments[1] || custom.has(segments[1])))
    ) {
      return false
    }
    return true
  }

  const isAnonymous = (req: Request): boolean => {
    if (hasCredentials(req, cookiePrefix)) {
      return false
    }
    // `draft` is ignored for visitors anyway (src/hooks/draftsForThoseWhoReadThem.ts); don't rely on it.
    const query = req.originalUrl.indexOf('?')
    return query < 0 || !new URLSearchParams(req.originalUrl.slice(query + 1)).has('draft')
  }

  return {
    isAnonymous,
    kindOf: (req) => {
      if (req.method !== 'GET' || !isPublicRead(req)) {
        return 'other'
      }
      return isAnonymous(req) ? 'cacheable' : 'bypass'
    },
  }
}

/** Answers differ by URL and by language (ratings are summarised in the caller's language). */
export const cacheKeyOf = (req: Request, what = req.originalUrl) =>
  `${what}\n${req.headers['accept-language'] ?? ''}`

/** Whether Payload's answer is everybody's: a 200 that sets no cookie and isn't compressed. */
export const isKeepableAnswer = ({
  headerNames,
  status,
}: {
  headerNames: string[]
  status: number
}) =>
  status === 200 && !headerNames.includes('set-cookie') && !headerNames.includes('content-encoding')
