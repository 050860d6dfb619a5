import type { Translate } from '@quartiersnetz/plugin-kit/respond'

import type { RatingsTranslationKey } from '../translations'
import type { DimensionSummary, RatingSummary, ResolvedRatingsOptions } from '../types'

export type RatingValues = Record<string, null | number | undefined>

/** The stored aggregate of one dimension (a group field of a summary document). */
export type StoredDimension = {
  count?: null | number
  distribution?: null | number[]
  mean?: null | number
  sum?: null | number
}

export type StoredSummary = {
  [dimension: string]: unknown
  id?: number | string
  raterCount?: null | number
  targetCollection: string
  targetId: string
}

const stepsOf = ({ max, min }: { max: number; min: number }) => max - min + 1

export const emptyDimension = (scale: {
  max: number
  min: number
}): { count: number; distribution: number[]; mean: null | number; sum: number } => ({
  count: 0,
  distribution: Array.from({ length: stepsOf(scale) }, () => 0),
  mean: null,
  sum: 0,
})

const hasAnyValue = (values: null | RatingValues | undefined) =>
  Boolean(values && Object.values(values).some((value) => typeof value === 'number'))

/**
 * The summary after one rating changed from `before` to `after` (either may be null: a new or a
 * deleted rating). Works on counts and sums only, so it never needs to read other ratings.
 */
export const applyRatingChange = ({
  after,
  before,
  options,
  summary,
}: {
  after: null | RatingValues
  before: null | RatingValues
  options: ResolvedRatingsOptions
  summary: StoredSummary
}): StoredSummary => {
  const next: StoredSummary = { ...summary }
  next.raterCount = Math.max(
    0,
    (summary.raterCount ?? 0) + (hasAnyValue(after) ? 1 : 0) - (hasAnyValue(before) ? 1 : 0),
  )
  for (const { key } of options.dimensions) {
    const stored = (summary[key] ?? {}) as StoredDimension
    const dimension = { ...emptyDimension(options.scale), ...stored }
    const distribution = [...(stored.distribution ?? emptyDimension(options.scale).distribution)]
    let { count, sum } = { count: dimension.count ?? 0, sum: dimension.sum ?? 0 }
    const old = before?.[key]
    const value = after?.[key]
    if (typeof old === 'number') {
      count -= 1
      sum -= old
      distribution[old - options.scale.min] = Math.max(
        0,
        (distribution[old - options.scale.min] ?? 0) - 1,
      )
    }
    if (typeof value === 'number') {
      count += 1
      sum += value
      distribution[value - options.scale.min] = (distribution[value - options.scale.min] ?? 0) + 1
    }
    next[key] = {
      count,
      distribution,
      mean: count > 0 ? Math.round((sum / count) * 1000) / 1000 : null,
      sum,
    }
  }
  return next
}

const textIn = (text: Record<string, string> | string, language: string) =>
  typeof text === 'string' ? text : (text[language] ?? text.de ?? Object.values(text)[0] ?? '')

/** Which pole a mean leans to; within a quarter of the scale's width around the middle it is balanced. */
export const leanOf = (
  mean: null | number,
  scale: { max: number; min: number },
): DimensionSummary['lean'] => {
  if (mean === null) {
    return null
  }
  const middle = (scale.min + scale.max) / 2
  const band = (scale.max - scale.min) / 8
  if (Math.abs(mean - middle) <= band) {
    return 'balanced'
  }
  return mean < middle ? 'low' : 'high'
}

/** The summary as the API shows it with a document, in the request's language. */
export const presentSummary = ({
  isLocked,
  language,
  options,
  stored,
  t,
}: {
  isLocked: boolean
  language: string
  options: ResolvedRatingsOptions
  stored: null | StoredSummary
  t: Translate<RatingsTranslationKey>
}): RatingSummary => {
  const raterCount = stored?.raterCount ?? 0
  const dimensions: Record<string, DimensionSummary> = {}
  for (const dimension of options.dimensions) {
    const value = {
      ...emptyDimension(options.scale),
      ...((stored?.[dimension.key] ?? {}) as StoredDimension),
    }
    const lean = leanOf(value.mean ?? null, options.scale)
    dimensions[dimension.key] = {
      count: value.count ?? 0,
      distribution: value.distribution ?? emptyDimension(options.scale).distribution,
      high: textIn(dimension.high, language),
      label: textIn(dimension.label, language),
      lean,
      leanLabel:
        lean === 'balanced'
          ? t('plugin-ratings:balanced')
          : lean === 'low'
            ? textIn(dimension.low, language)
            : lean === 'high'
              ? textIn(dimension.high, language)
              : null,
      low: textIn(dimension.low, language),
      mean: value.mean ?? null,
    }
  }
  return {
    dimensions,
    isLocked,
    raterCount,
    scale: { max: options.scale.max, min: options.scale.min },
    text: t('plugin-ratings:raterCount', { count: raterCount }),
  }
}
