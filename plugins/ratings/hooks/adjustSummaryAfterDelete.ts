import type { CollectionAfterDeleteHook } from 'payload'

import type { ResolvedRatingsOptions } from '../types'

import { inTurn, takeDeletion, type DeletedRating } from '../lib/deletions'
import { lockTarget } from '../lib/lockTarget'
import { applyRatingChange } from '../lib/summary'
import { loadSummary, saveSummary } from '../lib/summaryStore'

/** A moderator deleted a rating: take it out of the summary, in the same transaction. */
export const adjustSummaryAfterDelete =
  (options: ResolvedRatingsOptions): CollectionAfterDeleteHook =>
  async ({ doc, id, req }) => {
    // What beforeDelete read under the lock; `doc` lacks what the request did not select.
    const deleted = takeDeletion(req, id) ?? (doc as Partial<DeletedRating>)
    const { targetCollection, targetId, values } = deleted
    if (!targetCollection || !targetId) {
      req.payload.logger.warn({
        msg: `ratingsPlugin: rating ${id} was deleted without its target; run the recount.`,
      })
      return doc
    }
    await inTurn(req, `${targetCollection}:${targetId}`, async () => {
      await lockTarget({ collection: targetCollection, id: targetId, req })
      const summary = await loadSummary({ collection: targetCollection, options, req, targetId })
      if (summary) {
        await saveSummary({
          options,
          req,
          summary: applyRatingChange({ after: null, before: values ?? null, options, summary }),
        })
      }
    })
    return doc
  }
