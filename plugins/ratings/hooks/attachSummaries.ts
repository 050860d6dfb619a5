import type { CollectionAfterOperationHook } from 'payload'

import type { ResolvedRatingsOptions } from '../types'

import { presentSummary } from '../lib/summary'
import { loadSummaries } from '../lib/summaryStore'
import { widenedSelects } from './selectLockedState'

type Doc = { id?: number | string; ratingsLocked?: boolean | null; ratingSummary?: unknown }

const wantsSummary = (select: unknown) => {
  if (!select || typeof select !== 'object') {
    return true
  }
  const entries = Object.entries(select as Record<string, unknown>)
  const isInclusive = entries.some(([, value]) => value === true)
  const mention = (select as Record<string, unknown>).ratingSummary
  return isInclusive ? mention === true : mention !== false
}

/**
 * Adds `ratingSummary` to the documents a read returns, from one query for the whole page
 * (never from the ratings themselves).
 */
export const attachSummaries =
  (options: ResolvedRatingsOptions): CollectionAfterOperationHook =>
  async ({ args, collection, operation, req, result }) => {
    if (options.disabled || (operation !== 'find' && operation !== 'findByID')) {
      return result
    }
    if (!wantsSummary((args as { select?: unknown }).select)) {
      return result
    }
    const docs: Doc[] = operation === 'find' ? ((result as { docs?: Doc[] }).docs ?? []) : result ? [result as Doc] : []
    const ids = docs.map((doc) => doc.id).filter((id): id is number | string => id !== undefined)
    const summaries = await loadSummaries({ collection: collection.slug, options, req, targetIds: ids.map(String) })
    const language = req.i18n?.language ?? 'de'
    const select = (args as { select?: unknown }).select
    // The lock state was only selected for `isLocked` (hooks/selectLockedState): not shown.
    const isLockAdded = typeof select === 'object' && select !== null && widenedSelects.has(select)
    for (const doc of docs) {
      if (doc.id === undefined) {
        continue
      }
      doc.ratingSummary = presentSummary({
        isLocked: Boolean(doc.ratingsLocked),
        language,
        options,
        stored: summaries.get(String(doc.id)) ?? null,
        t: req.t as never,
      })
      if (isLockAdded) {
        delete doc.ratingsLocked
      }
    }
    return result
  }
