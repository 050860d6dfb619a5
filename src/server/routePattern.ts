import type { Endpoint, SanitizedConfig } from 'payload'

/**
 * A route below the API route as Payload's endpoints write it (`/events/:id/registrations`),
 * as a regular expression for a request's path (a `:param` is one segment, `/:param?` may be
 * left out; a trailing slash is allowed, and `/` is the route itself).
 */
export const routePattern = (apiRoute: string, path: string) =>
  new RegExp(
    `^${`${apiRoute}${path}`
      .replace(/\/$/, '')
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\/:[A-Za-z]+\\\?/g, '(?:/[^/]+)?')
      .replace(/:[A-Za-z]+/g, '[^/]+')}\\/?$`,
  )

/** A path segment decoded, or as it is where its percent-encoding is malformed. */
export const decodeSegment = (segment: string) => {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

/** Every endpoint of a config (its own, its collections', its globals') with its route's pattern. */
export const endpointRoutesOf = (
  config: Pick<SanitizedConfig, 'collections' | 'endpoints' | 'globals' | 'routes'>,
): { endpoint: Endpoint; pattern: RegExp }[] => {
  const routes: { endpoint: Endpoint; pattern: RegExp }[] = []
  const add = (prefix: string, endpoints: Endpoint[] | false | undefined) => {
    for (const endpoint of endpoints || []) {
      routes.push({
        endpoint,
        pattern: routePattern(config.routes.api, `${prefix}${endpoint.path}`),
      })
    }
  }
  add('', config.endpoints)
  for (const collection of config.collections) {
    add(`/${collection.slug}`, collection.endpoints)
  }
  for (const global of config.globals) {
    add(`/globals/${global.slug}`, global.endpoints)
  }
  return routes
}
