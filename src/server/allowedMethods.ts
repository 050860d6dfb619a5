/**
 * An address the API has, asked with a method it doesn't take (PUT on a document, DELETE on the
 * search, PUT on an event's registrations): 405 with `Allow`, in the client's language, before
 * the body is read. Payload would answer 404 "Diese Adresse gibt es in der API nicht", which
 * sends a webmaster looking for a typo in a correct address (RFC 9110, 15.5.6).
 *
 * Endpoints are looked up as Payload's `handleEndpoints` does: a collection's or a global's
 * own endpoints when the first segment names one, else the root endpoints. An address no
 * endpoint has, with any method, stays Payload's 404. GraphQL takes GET and POST.
 */
import type { RequestHandler } from 'express'
import type { Endpoint, SanitizedConfig } from 'payload'

import { routePattern } from './routePattern'
import { sendError } from './sendError'

/**
 * An endpoint as a request's path is matched against it; `idSegment`: where its `:id` is;
 * `isStatic`: a path without parameters (`/confirm`, `/feed.ics`, `/count`).
 */
export type EndpointRoute = {
  idSegment: number | undefined
  isStatic: boolean
  method: string
  pattern: RegExp
}

type ApiConfig = Pick<SanitizedConfig, 'collections' | 'endpoints' | 'globals' | 'routes'>

/** The order `Allow` lists methods in. */
const METHOD_ORDER = ['GET', 'HEAD', 'POST', 'PATCH', 'PUT', 'DELETE', 'OPTIONS']

/** The headers that make a POST a GET (Payload's admin sends long queries so). */
export const METHOD_OVERRIDE_HEADERS = ['x-payload-http-method-override', 'x-http-method-override']

/** The method Payload answers the request as: HEAD as GET, a POST that says so as GET. */
export const effectiveMethod = (method: string, header: (name: string) => string | undefined) => {
  if (method === 'HEAD') {
    return 'GET'
  }
  if (method === 'POST' && METHOD_OVERRIDE_HEADERS.some((name) => header(name) === 'GET')) {
    return 'GET'
  }
  return method
}

const allowOf = (methods: Set<string>) => {
  const allowed = new Set([...methods, 'OPTIONS'])
  if (allowed.has('GET')) {
    allowed.add('HEAD')
  }
  return [...allowed].sort(
    (a, b) =>
      (METHOD_ORDER.indexOf(a) + 1 || METHOD_ORDER.length + 1) -
      (METHOD_ORDER.indexOf(b) + 1 || METHOD_ORDER.length + 1),
  )
}

/**
 * The endpoints Payload looks a request's path up in (`handleEndpoints`), in their order: the
 * collection's or the global's when the first segment names one, else the root's; false where
 * they are switched off, undefined for an unknown global.
 */
export const endpointRoutesOf = (config: ApiConfig) => {
  const apiRoute = config.routes.api
  const routesOf = (
    prefix: string,
    endpoints: Endpoint[] | false | undefined,
  ): EndpointRoute[] | false =>
    endpoints === false
      ? false
      : (endpoints ?? []).map((endpoint) => {
          // Segments after the prefix: `/:id/ratings` has its id in the first.
          const index = endpoint.path.split('/').filter(Boolean).indexOf(':id')
          return {
            idSegment: index < 0 ? undefined : index,
            isStatic: !/[:*]/.test(endpoint.path),
            method: endpoint.method.toUpperCase(),
            pattern: routePattern(apiRoute, `${prefix}${endpoint.path}`),
          }
        })
  const root = routesOf('', config.endpoints)
  const collections = new Map<string, EndpointRoute[] | false>(
    config.collections.map((collection) => [
      collection.slug,
      routesOf(`/${collection.slug}`, collection.endpoints),
    ]),
  )
  const globals = new Map<string, EndpointRoute[] | false>(
    config.globals.map((global) => [
      global.slug,
      routesOf(`/globals/${global.slug}`, global.endpoints),
    ]),
  )
  return (path: string): EndpointRoute[] | false | undefined => {
    const [first = '', second = ''] = path.slice(apiRoute.length + 1).split('/')
    return first === 'globals' ? globals.get(second) : (collections.get(first) ?? root)
  }
}

export const allowedMethodsOf = (config: ApiConfig) => {
  const routesFor = endpointRoutesOf(config)
  // GraphQL is no endpoint of Payload's: queries by GET or POST (graphqlApi.ts, the HTTP cache).
  const graphqlPattern = routePattern(config.routes.api, config.routes.graphQL ?? '/graphql')
  /** The methods `path` is answered to, or undefined where the API has no such address. */
  return (path: string): Set<string> | undefined => {
    if (graphqlPattern.test(path)) {
      return new Set(['GET', 'POST'])
    }
    const routes = routesFor(path)
    if (!routes) {
      return undefined
    }
    const matching = routes.filter((route) => route.pattern.test(path))
    // A path an endpoint names as it is (`/confirm`) is that endpoint's, not a document's
    // (`/:id`): DELETE /api/registrations/confirm is a wrong method, not a missing document.
    const named = matching.filter((route) => route.isStatic)
    const methods = new Set((named.length ? named : matching).map((route) => route.method))
    return methods.size ? methods : undefined
  }
}

export const refuseWrongMethods = ({ config }: { config: ApiConfig }): RequestHandler => {
  const apiPrefix = `${config.routes.api}/`
  const methodsOf = allowedMethodsOf(config)
  return (req, res, next) => {
    // OPTIONS is the browsers' preflight, answered for every address (apiCors.ts, Payload).
    if (!req.path.startsWith(apiPrefix) || req.method === 'OPTIONS') {
      next()
      return
    }
    const methods = methodsOf(req.path)
    if (!methods || methods.has(effectiveMethod(req.method, (name) => req.get(name)))) {
      next()
      return
    }
    const allow = allowOf(methods).join(', ')
    res.setHeader('Allow', allow)
    res.setHeader('Cache-Control', 'no-store')
    sendError(req, res, 405, {
      de: `Diese Adresse nimmt keine ${req.method}-Anfragen an. Möglich sind: ${allow}.`,
      en: `This address does not take ${req.method} requests. Possible: ${allow}.`,
    })
  }
}
