import type { CollectionBeforeDeleteHook, CollectionSlug } from 'payload'

import type { ResolvedRatingsOptions } from '../types'

import { rememberDeletion, type DeletedRating } from '../lib/deletions'
import { lockTarget } from '../lib/lockTarget'

/**
 * A moderator deletes a rating: take its document's lock before the row is touched (as the rating
 * endpoint does, so the two can't deadlock), then read what is deleted. Under the lock no
 * replacement can change it any more, whatever the delete request selects.
 */
export const lockTargetBeforeDelete =
  (options: ResolvedRatingsOptions): CollectionBeforeDeleteHook =>
  async ({ id, req }) => {
    const read = async () =>
      (await req.payload.findByID({
        collection: options.slugs.ratings as CollectionSlug,
        depth: 0,
        disableErrors: true,
        id,
        overrideAccess: true,
        req,
      })) as DeletedRating | null
    const rating = await read()
    if (!rating) {
      return
    }
    // The target of a rating never changes; its values may have, until the lock was ours.
    await lockTarget({ collection: rating.targetCollection, id: rating.targetId, req })
    const current = await read()
    if (current) {
      rememberDeletion(req, id, { targetCollection: current.targetCollection, targetId: current.targetId, values: current.values ?? null })
    }
  }
