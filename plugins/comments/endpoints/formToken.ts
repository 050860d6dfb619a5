import type { Endpoint, PayloadRequest } from 'payload'

import type { ResolvedCommentsOptions } from '../types'

import { issueFormToken } from '@quartiersnetz/plugin-kit/formToken'

export const FORM_TOKEN_SCOPE = 'comments'

/** A new signed form token: the time the comment form is rendered (here and in the thread endpoint). */
export const commentFormToken = (options: ResolvedCommentsOptions, req: PayloadRequest): string =>
  issueFormToken({ scope: FORM_TOKEN_SCOPE, secret: options.hashSecret ?? req.payload.secret })

/** GET /api/comments/form-token — the signed time the form was rendered; send it back with the comment. */
export const formTokenEndpoint = (options: ResolvedCommentsOptions): Endpoint => ({
  handler: (req) =>
    Response.json(
      {
        expiresInSeconds: options.formTokenMaxAgeSeconds,
        formToken: commentFormToken(options, req),
        minAgeSeconds: options.minSubmitSeconds,
      },
      { headers: { 'Cache-Control': 'no-store' } },
    ),
  method: 'get',
  path: '/form-token',
})
