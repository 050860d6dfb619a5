import type { Payload, PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'
import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

import type { ResolvedRatingsOptions } from '../types'

import {
  databaseOf,
  type SqlRunner,
  tableNameOf,
  transactionOf,
} from '@quartiersnetz/plugin-kit/drizzleTable'
import { snakeCase } from './columns'
import { lockTarget } from './lockTarget'
import { summariesOf } from './records'
import { emptyDimension, type StoredDimension, type StoredSummary } from './summary'
import { saveSummary } from './summaryStore'

export type RecountDifference = {
  field: string
  /** What the summary said. */
  stored: unknown
  targetCollection: string
  targetId: string
  /** What the ratings say. */
  actual: unknown
}

type Target = { targetCollection: string; targetId: string }

/** A string as an SQL literal (standard_conforming_strings, PostgreSQL's default since 9.1). */
const literal = (value: string) => `'${value.replace(/'/g, "''")}'`

const emptySummary = (
  { targetCollection, targetId }: Target,
  options: ResolvedRatingsOptions,
): StoredSummary => ({
  raterCount: 0,
  targetCollection,
  targetId,
  ...Object.fromEntries(options.dimensions.map(({ key }) => [key, emptyDimension(options.scale)])),
})

/** The summaries the ratings add up to (one aggregate query), of every target or of one. */
const aggregate = async ({
  database,
  options,
  payload,
  target,
}: {
  database: SqlRunner
  options: ResolvedRatingsOptions
  payload: Payload
  target?: Target
}) => {
  const steps = Array.from(
    { length: options.scale.max - options.scale.min + 1 },
    (_, i) => options.scale.min + i,
  )
  const columns = options.dimensions.flatMap(({ key }) => {
    const column = `values_${snakeCase(key)}`
    return [
      `count("${column}")::int AS "${key}_count"`,
      `coalesce(sum("${column}"), 0)::float AS "${key}_sum"`,
      ...steps.map(
        (step) => `count(*) FILTER (WHERE "${column}" = ${step})::int AS "${key}_d${step}"`,
      ),
    ]
  })
  const nonEmpty = options.dimensions
    .map(({ key }) => `"values_${snakeCase(key)}" IS NOT NULL`)
    .join(' OR ')
  const where = target
    ? `WHERE target_collection = ${literal(target.targetCollection)} AND target_id = ${literal(target.targetId)}`
    : ''
  const raw = `SELECT target_collection, target_id, count(*) FILTER (WHERE ${nonEmpty})::int AS rater_count, ${columns.join(', ')} FROM "${tableNameOf(payload, options.slugs.ratings)}" ${where} GROUP BY target_collection, target_id`
  const rows = await database.rows(sql.raw(raw))

  const byTarget = new Map<string, StoredSummary>()
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
    byTarget.set(`${summary.targetCollection}:${summary.targetId}`, summary)
  }
  return byTarget
}

/** Where a stored summary differs from what the ratings say. */
const compare = ({
  actual,
  options,
  stored,
  target,
}: {
  actual: StoredSummary
  options: ResolvedRatingsOptions
  stored: null | StoredSummary | undefined
  target: Target
}) => {
  const differences: RecountDifference[] = []
  const check = (field: string, storedValue: unknown, actualValue: unknown) => {
    if (JSON.stringify(storedValue ?? null) !== JSON.stringify(actualValue ?? null)) {
      differences.push({ actual: actualValue, field, stored: storedValue, ...target })
    }
  }
  check('raterCount', stored?.raterCount ?? 0, actual.raterCount)
  for (const { key } of options.dimensions) {
    const s = { ...emptyDimension(options.scale), ...((stored?.[key] ?? {}) as StoredDimension) }
    const a = actual[key] as Required<StoredDimension>
    check(`${key}.count`, s.count, a.count)
    check(`${key}.sum`, s.sum, a.sum)
    check(`${key}.mean`, s.mean, a.mean)
    check(`${key}.distribution`, s.distribution, a.distribution)
  }
  return differences
}

/**
 * Writes one target's summary as its ratings say, counted again under the target's lock: ratings
 * that arrive while the recount runs are either in that count or wait for it, so a fix never
 * overwrites them with an older count.
 */
const fixTarget = async ({
  options,
  payload,
  target,
}: {
  options: ResolvedRatingsOptions
  payload: Payload
  target: Target
}) => {
  const req: PayloadRequest = await createLocalReq({}, payload)
  await initTransaction(req)
  try {
    await lockTarget({ collection: target.targetCollection, id: target.targetId, req })
    const database = await transactionOf(req)
    const actual =
      (await aggregate({ database, options, payload, target })).get(
        `${target.targetCollection}:${target.targetId}`,
      ) ?? emptySummary(target, options)
    await saveSummary({ database, options, req, summary: actual })
    await commitTransaction(req)
  } catch (err) {
    await killTransaction(req)
    throw err
  }
}

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
  const actualByTarget = await aggregate({ database: databaseOf(payload), options, payload })

  const { docs } = await summariesOf(options, await createLocalReq({}, payload)).find({
    limit: 0,
    overrideAccess: true,
    pagination: false,
  })
  const storedByTarget = new Map(
    docs.map((doc) => [`${doc.targetCollection}:${doc.targetId}`, doc]),
  )
  const differences: RecountDifference[] = []
  const keys = new Set([...actualByTarget.keys(), ...storedByTarget.keys()])
  for (const key of keys) {
    const [targetCollection, ...rest] = key.split(':')
    const target = { targetCollection: targetCollection!, targetId: rest.join(':') }
    const found = compare({
      actual: actualByTarget.get(key) ?? emptySummary(target, options),
      options,
      stored: storedByTarget.get(key),
      target,
    })
    differences.push(...found)
    if (shouldFix && found.length) {
      await fixTarget({ options, payload, target })
    }
  }
  return { checked: keys.size, differences }
}
