import type { CollectionBeforeDeleteHook } from 'payload'

import type { ResolvedRatingsOptions } from '../types'

import { rememberDeletion } from '../lib/deletions'
import { lockTarget } from '../lib/lockTarget'
import { ratingsOf } from '../lib/records'

/**
 * A moderator deletes a rating: take its document's lock before the row is touched (as the rating
 * endpoint does, so the two can't deadlock), then read what is deleted. Under the lock no
 * replacement can change it any more, whatever the delete request selects.
 */
export const lockTargetBeforeDelete =
  (options: ResolvedRatingsOptions): CollectionBeforeDeleteHook =>
  async ({ id, req }) => {
    const read = () => ratingsOf(options, req).findByID({ id, overrideAccess: true })
    const rating = await read()
    if (!rating) {
      return
    }
    // The target of a rating never changes; its values may have, until the lock was ours.
    await lockTarget({ collection: rating.targetCollection, id: rating.targetId, req })
    const current = await read()
    if (current) {
      rememberDeletion(req, id, {
        targetCollection: current.targetCollection,
        targetId: current.targetId,
        values: current.values ?? null,
      })
    }
  }
