import type { CollectionSlug, PayloadRequest } from 'payload'

import { addDataAndFileToRequest, headersWithCors } from 'payload'

import type { ResolvedCommentsOptions } from '../types'

/**
 * The plugin's POST /api/comments takes the place of Payload's create route, which the admin
 * uses for the editors' official replies: a moderator's request is handled as Payload would,
 * with the moderator's access.
 */
export const createAsModerator = async (req: PayloadRequest, options: ResolvedCommentsOptions): Promise<Response> => {
  await addDataAndFileToRequest(req)
  const depth = Number((req.query as Record<string, unknown> | undefined)?.depth)
  const doc = await req.payload.create({
    collection: options.slugs.comments as CollectionSlug,
    data: (req.data ?? {}) as never,
    depth: Number.isInteger(depth) ? depth : undefined,
    overrideAccess: false,
    req,
  })
  return Response.json(
    { doc, message: req.t('general:successfullyCreated', { label: req.t('general:document') }) },
    { headers: headersWithCors({ headers: new Headers(), req }), status: 201 },
  )
}
