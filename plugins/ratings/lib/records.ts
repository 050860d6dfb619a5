/**
 * What the plugin stores, as it reads and writes it (plugins/shared/data.ts): access is decided
 * per call, every call runs in `req`'s transaction.
 */
import type { PayloadRequest } from 'payload'

import type { ResolvedRatingsOptions } from '../types'
import type { RatingValues, StoredSummary } from './summary'

import { collectionOf } from '@quartiersnetz/plugin-kit/data'

/** A rating: hashes only, never who or from where. */
export type RatingRecord = {
  clientHash?: null | string
  id: number | string
  targetCollection: string
  targetId: string
  values?: null | RatingValues
  visitorHash: string
}

export const ratingsOf = (options: ResolvedRatingsOptions, req: PayloadRequest) =>
  collectionOf<RatingRecord>(req, options.slugs.ratings)

export const summariesOf = (options: ResolvedRatingsOptions, req: PayloadRequest) =>
  collectionOf<StoredSummary>(req, options.slugs.summaries)
