/**
 * A visitor's rating written with the fewest statements that keep the summary exact: under the
 * rated document's lock, one statement stores the rating (new, or replacing the visitor's
 * earlier one) and answers what it replaced together with the stored summary; one more writes
 * the summary. Both in the request's transaction, so the rating and its summary commit together
 * or not at all.
 */
import type { CollectionSlug, PayloadRequest } from 'payload'

import { sql } from '@payloadcms/db-postgres'

import type { ResolvedRatingsOptions } from '../types'

import { tableOf, transactionOf } from '@quartiersnetz/plugin-kit/drizzleTable'
import { snakeCase } from './columns'
import { lockClient, lockTarget } from './lockTarget'
import { applyRatingChange, emptyDimension, type RatingValues, type StoredSummary } from './summary'
import { ratingsOf } from './records'
import { loadSummary, saveSummary, summaryFromRow, summaryRowQuery } from './summaryStore'

const valueColumn = (key: string) => `values_${snakeCase(key)}`

type WriteArgs = {
  clientHash: string
  collection: string
  options: ResolvedRatingsOptions
  req: PayloadRequest
  targetId: string
  values: RatingValues
  visitorHash: string
}

const WRITE_HOOKS = ['beforeValidate', 'beforeChange', 'afterChange'] as const

/**
 * Whether the host gave the ratings collection hooks of its own on writes (`overrides`): the
 * plugin adds none, so one statement would skip them; then the rating goes through the Local
 * API, which runs them, in the same transaction.
 */
const hasWriteHooks = (req: PayloadRequest, options: ResolvedRatingsOptions) => {
  const hooks = req.payload.collections[options.slugs.ratings as CollectionSlug]?.config.hooks
  return WRITE_HOOKS.some((name) => (hooks?.[name]?.length ?? 0) > 0)
}

const emptySummary = (
  collection: string,
  targetId: string,
  options: ResolvedRatingsOptions,
): StoredSummary => ({
  raterCount: 0,
  targetCollection: collection,
  targetId,
  ...Object.fromEntries(options.dimensions.map(({ key }) => [key, emptyDimension(options.scale)])),
})

/** The rating through the Local API (the host's hooks run), the summary as below; under the lock. */
const writeThroughLocalApi = async ({
  clientHash,
  collection,
  options,
  req,
  targetId,
  values,
  visitorHash,
}: WriteArgs): Promise<{ isNew: boolean; summary: StoredSummary }> => {
  const ratings = ratingsOf(options, req)
  const { docs } = await ratings.find({
    limit: 1,
    overrideAccess: true,
    pagination: false,
    where: {
      and: [
        { targetCollection: { equals: collection } },
        { targetId: { equals: targetId } },
        { visitorHash: { equals: visitorHash } },
      ],
    },
  })
  const previous = docs[0]
  const after = Object.fromEntries(options.dimensions.map(({ key }) => [key, values[key] ?? null]))
  if (previous) {
    await ratings.update({
      data: { clientHash, values: after },
      id: previous.id,
      overrideAccess: true,
    })
  } else {
    await ratings.create({
      data: { clientHash, targetCollection: collection, targetId, values: after, visitorHash },
      overrideAccess: true,
    })
  }
  const stored =
    (await loadSummary({ collection, options, req, targetId })) ??
    emptySummary(collection, targetId, options)
  const summary = applyRatingChange({
    after,
    before: previous?.values ?? null,
    options,
    summary: stored,
  })
  await saveSummary({ options, req, summary })
  return { isNew: !previous, summary }
}

/**
 * How many ratings the client (by its hashed address) wrote in the last hour, counted under
 * the client's lock so that parallel requests of one client are counted one by one. Taken
 * before the target's lock, never after (lockTarget.ts).
 */
export const countRecentRatingsOfClient = async ({
  clientHash,
  options,
  req,
}: {
  clientHash: string
  options: ResolvedRatingsOptions
  req: PayloadRequest
}): Promise<number> => {
  await lockClient({ clientHash, req })
  const [row] = await (
    await transactionOf(req)
  ).rows(
    sql`SELECT count(*)::int AS "n" FROM ${tableOf(req.payload, options.slugs.ratings)} WHERE "client_hash" = ${clientHash} AND "updated_at" > now() - interval '1 hour'`,
  )
  return Number(row?.n ?? 0)
}

/**
 * Stores the visitor's rating of a document (replacing the whole earlier one: dimensions not
 * sent now are cleared) and brings the document's summary up to date. Returns whether the
 * rating is new and the summary as stored.
 */
export const writeRating = async ({
  clientHash,
  collection,
  options,
  req,
  targetId,
  values,
  visitorHash,
}: WriteArgs): Promise<{ isNew: boolean; summary: StoredSummary }> => {
  await lockTarget({ collection, id: targetId, req })
  if (hasWriteHooks(req, options)) {
    return writeThroughLocalApi({
      clientHash,
      collection,
      options,
      req,
      targetId,
      values,
      visitorHash,
    })
  }
  const database = await transactionOf(req)
  const ratings = tableOf(req.payload, options.slugs.ratings)
  const columns = options.dimensions.map(({ key }) => sql.identifier(valueColumn(key)))
  const after = Object.fromEntries(options.dimensions.map(({ key }) => [key, values[key] ?? null]))
  const written = options.dimensions.map(({ key }) => sql`${after[key]}`)
  const replaced = columns.map((column) => sql`${column} = excluded.${column}`)
  // The statement's snapshot is taken after the lock: `previous` is the visitor's rating as
  // the summary counts it. A data-modifying WITH runs whether or not it is referenced.
  const [row] = await database.rows(sql`
    WITH "previous" AS (
      SELECT ${sql.join(columns, sql`, `)} FROM ${ratings}
      WHERE "target_collection" = ${collection} AND "target_id" = ${targetId} AND "visitor_hash" = ${visitorHash}
    ), "written" AS (
      INSERT INTO ${ratings} ("target_collection", "target_id", "visitor_hash", "client_hash", ${sql.join(columns, sql`, `)}, "updated_at", "created_at")
      VALUES (${collection}, ${targetId}, ${visitorHash}, ${clientHash}, ${sql.join(written, sql`, `)}, now(), now())
      ON CONFLICT ("target_collection", "target_id", "visitor_hash")
      DO UPDATE SET "client_hash" = excluded."client_hash", ${sql.join(replaced, sql`, `)}, "updated_at" = now()
      RETURNING "id"
    )
    SELECT (SELECT row_to_json(p) FROM "previous" p) AS "previous",
      (SELECT count(*) FROM "written")::int AS "written",
      ${summaryRowQuery({ collection, options, req, targetId })} AS "summary"`)
  const previousRow = row?.previous as null | Record<string, unknown> | undefined
  const before: null | RatingValues = previousRow
    ? Object.fromEntries(
        options.dimensions.map(({ key }) => {
          const value = previousRow[valueColumn(key)]
          return [key, value === null || value === undefined ? null : Number(value)]
        }),
      )
    : null
  const storedRow = row?.summary as null | Record<string, unknown> | undefined
  const stored = storedRow
    ? summaryFromRow(storedRow, options)
    : emptySummary(collection, targetId, options)
  const summary = applyRatingChange({ after, before, options, summary: stored })
  await saveSummary({ database, options, req, summary })
  return { isNew: !previousRow, summary }
}
