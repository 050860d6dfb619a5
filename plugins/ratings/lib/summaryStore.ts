/**
 * The summary rows, read and written with one SQL statement each in the request's transaction
 * (plugins/shared/drizzleTable.ts), always under the rated document's lock (lockTarget). A
 * summary is bookkeeping of the plugin's own, with no hooks or access to run on a write: going
 * through the Local API cost several statements and most of a rating's time (bench/optimisations.md).
 */
import type { PayloadRequest } from 'payload'

import type { SQL } from '@payloadcms/db-postgres/drizzle'

import { sql } from '@payloadcms/db-postgres'

import type { ResolvedRatingsOptions } from '../types'
import type { StoredDimension, StoredSummary } from './summary'

import {
  requestRunnerOf,
  type SqlRunner,
  tableOf,
  transactionOf,
} from '@quartiersnetz/plugin-kit/drizzleTable'
import { snakeCase } from './columns'

type TargetArgs = {
  collection: string
  options: ResolvedRatingsOptions
  req: PayloadRequest
  targetId: string
}

const numberOrNull = (value: unknown) =>
  value === null || value === undefined ? null : Number(value)

/** Column names of a dimension's group in the summaries table (Payload's naming). */
const dimensionColumns = (key: string) => {
  const prefix = snakeCase(key)
  return {
    count: `${prefix}_count`,
    distribution: `${prefix}_distribution`,
    mean: `${prefix}_mean`,
    sum: `${prefix}_sum`,
  }
}

/** A summary row (as `row_to_json` gives it: snake_case keys) as the plugin describes summaries. */
export const summaryFromRow = (
  row: Record<string, unknown>,
  options: ResolvedRatingsOptions,
): StoredSummary => {
  const summary: StoredSummary = {
    id: row.id as number | string,
    raterCount: Number(row.rater_count ?? 0),
    targetCollection: String(row.target_collection),
    targetId: String(row.target_id),
  }
  for (const { key } of options.dimensions) {
    const columns = dimensionColumns(key)
    summary[key] = {
      count: Number(row[columns.count] ?? 0),
      distribution: (row[columns.distribution] as null | number[]) ?? null,
      mean: numberOrNull(row[columns.mean]),
      sum: Number(row[columns.sum] ?? 0),
    } satisfies StoredDimension
  }
  return summary
}

/** One target's summary row as JSON, for use inside a larger statement (null when none). */
export const summaryRowQuery = ({
  collection,
  options,
  req,
  targetId,
}: Omit<TargetArgs, 'req'> & { req: Pick<PayloadRequest, 'payload'> }): SQL =>
  sql`(SELECT row_to_json(s) FROM ${tableOf(req.payload, options.slugs.summaries)} s WHERE s."target_collection" = ${collection} AND s."target_id" = ${targetId})`

/** The summary of one rated document, read inside the request's transaction. */
export const loadSummary = async ({
  collection,
  options,
  req,
  targetId,
}: TargetArgs): Promise<null | StoredSummary> => {
  const [row] = await (
    await transactionOf(req)
  ).rows(sql`SELECT ${summaryRowQuery({ collection, options, req, targetId })} AS "summary"`)
  const summary = row?.summary as null | Record<string, unknown> | undefined
  return summary ? summaryFromRow(summary, options) : null
}

/**
 * Summaries of many documents of one collection at once (for lists): one statement, in the
 * request's transaction when it has one (a write reading what it wrote), else on the pool.
 */
export const loadSummaries = async ({
  collection,
  options,
  req,
  targetIds,
}: Omit<TargetArgs, 'targetId'> & { targetIds: string[] }): Promise<Map<string, StoredSummary>> => {
  if (!targetIds.length) {
    return new Map()
  }
  const rows = await (
    await requestRunnerOf(req)
  ).rows(sql`
    SELECT row_to_json(s) AS "summary" FROM ${tableOf(req.payload, options.slugs.summaries)} s
    WHERE s."target_collection" = ${collection}
      AND s."target_id" IN (${sql.join(
        targetIds.map((id) => sql`${id}`),
        sql`, `,
      )})`)
  return new Map(
    rows.map((row) => {
      const summary = summaryFromRow(row.summary as Record<string, unknown>, options)
      return [summary.targetId, summary]
    }),
  )
}

/**
 * Writes a summary (a new one or over the stored one) with one `INSERT … ON CONFLICT` on the
 * unique (targetCollection, targetId) index, in the request's transaction.
 */
export const saveSummary = async ({
  database,
  options,
  req,
  summary,
}: {
  /** The transaction to write in; the request's, when not given. */
  database?: SqlRunner
  options: ResolvedRatingsOptions
  req: PayloadRequest
  summary: StoredSummary
}) => {
  const values: [string, unknown][] = [
    ['target_collection', summary.targetCollection],
    ['target_id', summary.targetId],
    ['rater_count', summary.raterCount ?? 0],
  ]
  for (const { key } of options.dimensions) {
    const columns = dimensionColumns(key)
    const dimension = (summary[key] ?? {}) as StoredDimension
    values.push(
      [columns.count, dimension.count ?? 0],
      [columns.sum, dimension.sum ?? 0],
      [columns.mean, dimension.mean ?? null],
      [
        columns.distribution,
        dimension.distribution ? JSON.stringify(dimension.distribution) : null,
      ],
    )
  }
  const names = values.map(([name]) => sql.identifier(name))
  const params = values.map(([name, value]) =>
    name.endsWith('_distribution') ? sql`${value}::jsonb` : sql`${value}`,
  )
  const updates = values
    .slice(2)
    .map(([name]) => sql`${sql.identifier(name)} = excluded.${sql.identifier(name)}`)
  await (database ?? (await transactionOf(req))).rows(sql`
    INSERT INTO ${tableOf(req.payload, options.slugs.summaries)} (${sql.join(names, sql`, `)}, "updated_at", "created_at")
    VALUES (${sql.join(params, sql`, `)}, now(), now())
    ON CONFLICT ("target_collection", "target_id")
    DO UPDATE SET ${sql.join(updates, sql`, `)}, "updated_at" = now()`)
}
