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
