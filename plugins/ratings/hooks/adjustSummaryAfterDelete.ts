import type { CollectionAfterDeleteHook } from 'payload'

import type { ResolvedRatingsOptions } from '../types'

import { lockTarget } from '../lib/lockTarget'
import { applyRatingChange, type RatingValues } from '../lib/summary'
import { loadSummary, saveSummary } from '../lib/summaryStore'

/** A moderator deleted a rating: take it out of the summary, in the same transaction. */
export const adjustSummaryAfterDelete =
  (options: ResolvedRatingsOptions): CollectionAfterDeleteHook =>
  async ({ doc, req }) => {
    const { targetCollection, targetId, values } = doc as { targetCollection: string; targetId: string; values?: RatingValues }
    await lockTarget({ collection: targetCollection, id: targetId, req })
    const summary = await loadSummary({ collection: targetCollection, options, req, targetId })
    if (!summary) {
      return doc
    }
    await saveSummary({ options, req, summary: applyRatingChange({ after: null, before: values ?? null, options, summary }) })
    return doc
  }
