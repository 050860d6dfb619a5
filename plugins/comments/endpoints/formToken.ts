import type { Endpoint } from 'payload'

import type { ResolvedCommentsOptions } from '../types'

import { issueFormToken } from '../../shared/formToken'

export const FORM_TOKEN_SCOPE = 'comments'

/** GET /api/comments/form-token — the signed time the form was rendered; send it back with the comment. */
export const formTokenEndpoint = (options: ResolvedCommentsOptions): Endpoint => ({
  handler: (req) =>
    Response.json(
      {
        expiresInSeconds: options.formTokenMaxAgeSeconds,
        formToken: issueFormToken({ scope: FORM_TOKEN_SCOPE, secret: options.hashSecret ?? req.payload.secret }),
        minAgeSeconds: options.minSubmitSeconds,
      },
      { headers: { 'Cache-Control': 'no-store' } },
    ),
  method: 'get',
  path: '/form-token',
})
