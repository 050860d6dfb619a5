import type { CollectionSlug, PayloadRequest } from 'payload'

import type { ResolvedRatingsOptions } from '../types'
import type { StoredSummary } from './summary'

type TargetArgs = { collection: string; options: ResolvedRatingsOptions; req: PayloadRequest; targetId: string }

/** The summary of one rated document, read inside the request's transaction. */
export const loadSummary = async ({ collection, options, req, targetId }: TargetArgs): Promise<null | StoredSummary> => {
  const { docs } = await req.payload.find({
    collection: options.slugs.summaries as CollectionSlug,
    depth: 0,
    limit: 1,
    overrideAccess: true,
    pagination: false,
    req,
    where: { and: [{ targetCollection: { equals: collection } }, { targetId: { equals: targetId } }] },
  })
  return (docs[0] as unknown as StoredSummary | undefined) ?? null
}

/** Summaries of many documents of one collection at once (for lists). */
export const loadSummaries = async ({
  collection,
  options,
  req,
  targetIds,
}: Omit<TargetArgs, 'targetId'> & { targetIds: string[] }): Promise<Map<string, StoredSummary>> => {
  if (!targetIds.length) {
    return new Map()
  }
  const { docs } = await req.payload.find({
    collection: options.slugs.summaries as CollectionSlug,
    depth: 0,
    limit: targetIds.length,
    overrideAccess: true,
    pagination: false,
    req,
    where: { and: [{ targetCollection: { equals: collection } }, { targetId: { in: targetIds } }] },
  })
  return new Map((docs as unknown as StoredSummary[]).map((doc) => [doc.targetId, doc]))
}

export const saveSummary = async ({ options, req, summary }: { options: ResolvedRatingsOptions; req: PayloadRequest; summary: StoredSummary }) => {
  const { id, ...data } = summary
  const collection = options.slugs.summaries as CollectionSlug
  if (id !== undefined) {
    await req.payload.update({ collection, data: data as never, depth: 0, id, overrideAccess: true, req })
  } else {
    await req.payload.create({ collection, data: data as never, depth: 0, overrideAccess: true, req })
  }
}
