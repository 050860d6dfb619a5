import type { PayloadRequest } from 'payload'

import { addDataAndFileToRequest, headersWithCors } from 'payload'

import type { ResolvedCommentsOptions } from '../types'

import { collectionOf } from '@quartiersnetz/plugin-kit/data'

/**
 * The plugin's POST /api/comments takes the place of Payload's create route, which the admin
 * uses for the editors' official replies: a moderator's request is handled as Payload would,
 * with the moderator's access.
 */
export const createAsModerator = async (
  req: PayloadRequest,
  options: ResolvedCommentsOptions,
): Promise<Response> => {
  await addDataAndFileToRequest(req)
  const depth = Number((req.query as Record<string, unknown> | undefined)?.depth)
  // Payload validates the data against the collection itself, as for its own create route.
  const doc = await collectionOf<Record<string, unknown>>(req, options.slugs.comments).create({
    data: req.data ?? {},
    depth: Number.isInteger(depth) ? depth : req.payload.config.defaultDepth,
    overrideAccess: false,
  })
  return Response.json(
    { doc, message: req.t('general:successfullyCreated', { label: req.t('general:document') }) },
    { headers: headersWithCors({ headers: new Headers(), req }), status: 201 },
  )
}
