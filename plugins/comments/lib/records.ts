/**
 * What the plugin stores, as it reads and writes it (plugins/shared/data.ts): access is decided
 * per call, every call runs in `req`'s transaction (or, `asVisitor`, as an anonymous visitor).
 */
import type { PayloadRequest } from 'payload'

import type { ResolvedCommentsOptions, StoredComment } from '../types'

import { collectionOf } from '@quartiersnetz/plugin-kit/data'

/** A comment with what only the plugin's own writes set besides what it reads. */
export type CommentRecord = StoredComment & {
  clientHash?: null | string
  confirmExpiresAt?: null | string
  confirmTokenHash?: null | string
  consent?: null | { givenAt?: null | string; version?: null | string }
  createdAt: string
}

/** One report of a comment by one client (keyed hash of its address). */
export type ReportRecord = {
  clientHash: string
  comment: number | string | { id: number | string }
  id: number | string
}

export const commentsOf = (
  options: ResolvedCommentsOptions,
  req: PayloadRequest,
  view?: { asVisitor?: boolean },
) => collectionOf<CommentRecord>(req, options.slugs.comments, view)

export const reportsOf = (options: ResolvedCommentsOptions, req: PayloadRequest) =>
  collectionOf<ReportRecord>(req, options.slugs.reports)
