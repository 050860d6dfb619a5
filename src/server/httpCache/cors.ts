/**
 * CORS headers for an answer from memory: they depend on the request's Origin, so they are
 * never kept with the answer but set for each request, exactly as Payload would set them.
 */
import type { Request, Response } from 'express'
import type { Payload } from 'payload'

import { headersWithCors } from 'payload'

export const setCorsAsPayload = (payload: Payload, req: Request, res: Response) => {
  if (!payload.config.cors) {
    return
  }
  const origin = req.headers.origin
  const headers = headersWithCors({
    headers: new Headers(),
    req: { headers: new Headers(origin ? { origin } : {}), payload },
  })
  headers.forEach((value, name) => res.setHeader(name, value))
}
