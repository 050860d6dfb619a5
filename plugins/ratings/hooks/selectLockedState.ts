import type { CollectionBeforeOperationHook } from 'payload'

import type { ResolvedRatingsOptions } from '../types'

import { isInclusiveSelect, isSelected } from '@quartiersnetz/plugin-kit/attachOnRead'

type Select = Record<string, unknown>

/** Selects widened here: the lock state is read for the summary's `isLocked`, not shown. */
export const widenedSelects = new WeakSet<object>()

const isSelect = (value: unknown): value is Select =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * A read that selects fields (`?select[title]=true&select[ratingSummary]=true`) and wants the
 * summary also needs `ratingsLocked`, or the summary would call a locked document open. The
 * field is added to the select here and taken out of the answer again (hooks/attachSummaries).
 */
export const selectLockedState =
  (options: ResolvedRatingsOptions): CollectionBeforeOperationHook =>
  ({ args, operation }) => {
    const select = (args as { select?: unknown }).select
    if (options.disabled || operation !== 'read' || !isSelect(select)) {
      return args
    }
    if (!isSelected(select, 'ratingSummary')) {
      return args
    }
    const isInclusive = isInclusiveSelect(select)
    let widened: Select | undefined
    if (isInclusive && select.ratingsLocked !== true) {
      widened = { ...select, ratingsLocked: true }
    } else if (!isInclusive && select.ratingsLocked === false) {
      const { ratingsLocked: _excluded, ...rest } = select
      widened = rest
    }
    if (!widened) {
      return args
    }
    widenedSelects.add(widened)
    return { ...args, select: widened }
  }
