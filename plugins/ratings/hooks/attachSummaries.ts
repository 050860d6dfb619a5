import type { CollectionAfterOperationHook } from 'payload'

import type { RatingsTranslationKey } from '../translations'
import type { ResolvedRatingsOptions } from '../types'

import { attachOnRead } from '@quartiersnetz/plugin-kit/attachOnRead'
import { translatorOf } from '@quartiersnetz/plugin-kit/respond'
import { presentSummary } from '../lib/summary'
import { loadSummaries } from '../lib/summaryStore'
import { widenedSelects } from './selectLockedState'

/**
 * Adds `ratingSummary` to the documents a read returns, from one query for the whole page
 * (never from the ratings themselves).
 */
export const attachSummaries = (options: ResolvedRatingsOptions): CollectionAfterOperationHook =>
  attachOnRead({
    attach: async ({ collection, docs, ids, req, select }) => {
      if (options.disabled) {
        return
      }
      const summaries = await loadSummaries({ collection, options, req, targetIds: ids })
      const language = req.i18n?.language ?? 'de'
      const t = translatorOf<RatingsTranslationKey>(req)
      // The lock state was only selected for `isLocked` (hooks/selectLockedState): not shown.
      const isLockAdded = typeof select === 'object' && widenedSelects.has(select)
      for (const doc of docs) {
        if (doc.id === undefined) {
          continue
        }
        doc.ratingSummary = presentSummary({
          isLocked: Boolean(doc.ratingsLocked),
          language,
          options,
          stored: summaries.get(String(doc.id)) ?? null,
          t,
        })
        if (isLockAdded) {
          delete doc.ratingsLocked
        }
      }
    },
    fields: ['ratingSummary'],
  })
