import type { PayloadRequest } from 'payload'

import type { ResolvedRatingsOptions } from '../types'
import type { StoredSummary } from './summary'

import { summariesOf } from './records'

type TargetArgs = {
  collection: string
  options: ResolvedRatingsOptions
  req: PayloadRequest
  targetId: string
}

/** The summary of one rated document, read inside the request's transaction. */
export const loadSummary = async ({
  collection,
  options,
  req,
  targetId,
}: TargetArgs): Promise<null | StoredSummary> => {
  const { docs } = await summariesOf(options, req).find({
    limit: 1,
    overrideAccess: true,
    pagination: false,
    where: {
      and: [{ targetCollection: { equals: collection } }, { targetId: { equals: targetId } }],
    },
  })
  return docs[0] ?? null
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
  const { docs } = await summariesOf(options, req).find({
    limit: targetIds.length,
    overrideAccess: true,
    pagination: false,
    where: { and: [{ targetCollection: { equals: collection } }, { targetId: { in: targetIds } }] },
  })
  return new Map(docs.map((doc) => [doc.targetId, doc]))
}

export const saveSummary = async ({
  options,
  req,
  summary,
}: {
  options: ResolvedRatingsOptions
  req: PayloadRequest
  summary: StoredSummary
}) => {
  const { id, ...data } = summary
  const summaries = summariesOf(options, req)
  if (id !== undefined) {
    await summaries.update({ data, id, overrideAccess: true })
  } else {
    await summaries.create({ data, overrideAccess: true })
  }
}
