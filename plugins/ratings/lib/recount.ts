import type { CollectionSlug, Payload } from 'payload'

import type { ResolvedRatingsOptions } from '../types'

import { snakeCase, tableName } from './columns'
import { emptyDimension, type StoredDimension, type StoredSummary } from './summary'

export type RecountDifference = {
  field: string
  /** What the summary said. */
  stored: unknown
  targetCollection: string
  targetId: string
  /** What the ratings say. */
  actual: unknown
}

type Row = Record<string, number | string | null>

/**
 * Recomputes every summary from the ratings (one aggregate query in the database), reports
 * each difference and, with `shouldFix`, writes the recomputed values.
 */
export const recountRatings = async ({
  options,
  payload,
  shouldFix,
}: {
  options: ResolvedRatingsOptions
  payload: Payload
  shouldFix: boolean
}): Promise<{ checked: number; differences: RecountDifference[] }> => {
  const ratingsTable = tableName(options.slugs.ratings)
  const steps = Array.from({ length: options.scale.max - options.scale.min + 1 }, (_, i) => options.scale.min + i)
  const columns = options.dimensions.flatMap(({ key }) => {
    const column = `values_${snakeCase(key)}`
    return [
      `count("${column}")::int AS "${key}_count"`,
      `coalesce(sum("${column}"), 0)::float AS "${key}_sum"`,
      ...steps.map((step) => `count(*) FILTER (WHERE "${column}" = ${step})::int AS "${key}_d${step}"`),
    ]
  })
  const nonEmpty = options.dimensions.map(({ key }) => `"values_${snakeCase(key)}" IS NOT NULL`).join(' OR ')
  const raw = `SELECT target_collection, target_id, count(*) FILTER (WHERE ${nonEmpty})::int AS rater_count, ${columns.join(', ')} FROM "${ratingsTable}" GROUP BY target_collection, target_id`
  const db = payload.db as unknown as { drizzle: unknown; execute: (args: { db: unknown; raw: string }) => Promise<{ rows: Row[] }> }
  const { rows } = await db.execute({ db: db.drizzle, raw })

  const actualByTarget = new Map<string, StoredSummary>()
  for (const row of rows) {
    const summary: StoredSummary = {
      raterCount: Number(row.rater_count),
      targetCollection: String(row.target_collection),
      targetId: String(row.target_id),
    }
    for (const { key } of options.dimensions) {
      const count = Number(row[`${key}_count`])
      const sum = Number(row[`${key}_sum`])
      summary[key] = {
        count,
        distribution: steps.map((step) => Number(row[`${key}_d${step}`])),
        mean: count > 0 ? Math.round((sum / count) * 1000) / 1000 : null,
        sum,
      } satisfies StoredDimension
    }
    actualByTarget.set(`${summary.targetCollection}:${summary.targetId}`, summary)
  }

  const { docs } = await payload.find({ collection: options.slugs.summaries as CollectionSlug, depth: 0, limit: 0, overrideAccess: true, pagination: false })
  const storedByTarget = new Map((docs as unknown as StoredSummary[]).map((doc) => [`${doc.targetCollection}:${doc.targetId}`, doc]))
  const differences: RecountDifference[] = []
  const targets = new Set([...actualByTarget.keys(), ...storedByTarget.keys()])
  for (const target of targets) {
    const stored = storedByTarget.get(target)
    const [targetCollection, ...rest] = target.split(':')
    const targetId = rest.join(':')
    const actual = actualByTarget.get(target) ?? ({
      raterCount: 0,
      targetCollection: targetCollection!,
      targetId,
      ...Object.fromEntries(options.dimensions.map(({ key }) => [key, emptyDimension(options.scale)])),
    } as StoredSummary)
    const compare = (field: string, storedValue: unknown, actualValue: unknown) => {
      if (JSON.stringify(storedValue ?? null) !== JSON.stringify(actualValue ?? null)) {
        differences.push({ actual: actualValue, field, stored: storedValue, targetCollection: targetCollection!, targetId })
      }
    }
    compare('raterCount', stored?.raterCount ?? 0, actual.raterCount)
    for (const { key } of options.dimensions) {
      const s = { ...emptyDimension(options.scale), ...((stored?.[key] ?? {}) as StoredDimension) }
      const a = actual[key] as Required<StoredDimension>
      compare(`${key}.count`, s.count, a.count)
      compare(`${key}.sum`, s.sum, a.sum)
      compare(`${key}.mean`, s.mean, a.mean)
      compare(`${key}.distribution`, s.distribution, a.distribution)
    }
    const hasDifference = differences.some((difference) => difference.targetCollection === targetCollection && difference.targetId === targetId)
    if (shouldFix && hasDifference) {
      const { id: _ignored, ...data } = actual
      if (stored?.id !== undefined) {
        await payload.update({ collection: options.slugs.summaries as CollectionSlug, data: data as never, id: stored.id, overrideAccess: true })
      } else {
        await payload.create({ collection: options.slugs.summaries as CollectionSlug, data: data as never, overrideAccess: true })
      }
    }
  }
  return { checked: targets.size, differences }
}
