import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import { headersWithCors } from 'payload'

/**
 * Payload sets CORS headers on its own answers only. Answers given here at the edge (413, 415,
 * 429, a refused body) must carry them too, or a member site's browser hides the message from
 * the widget that should show it. So the same headers Payload would set are set first, for
 * every API request from an allowed origin; Payload's own answer sets them again.
 */
export const apiCors = ({ payload }: { payload: Payload }): RequestHandler => {
  const apiPrefix = `${payload.config.routes.api}/`
  return (req, res, next) => {
    const origin = req.headers.origin
    if (origin && req.path.startsWith(apiPrefix)) {
      const headers = headersWithCors({
        headers: new Headers(),
        req: { headers: new Headers({ origin }), payload } as never,
      })
      headers.forEach((value, name) => res.setHeader(name, value))
    }
    next()
  }
}
