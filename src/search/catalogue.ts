/**
 * The method catalogue's data (issue 16): every published module with its facet values, its
 * Handlungsfelder and target groups, its rating profile and (with a text query) its text rank,
 * in one SQL statement (each child table read once, grouped by module); the filtering and
 * counting happen here, over at most a few hundred modules. Published only, for everyone: the
 * catalogue is the visitors' view.
 */
import type { SqlRunner } from '@quartiersnetz/plugin-kit/drizzleTable'

import { sql } from '@payloadcms/db-postgres'

import { MODULE_FACETS } from '../domain/moduleFacets'
import { RATING_DIMENSIONS } from '../domain/ratingDimensions'
import { foldForSearch } from './fold'

export type CatalogueModule = {
  /** Values per facet name (`phase`, `format` …, `fieldOfAction`, `targetGroup`: ids). */
  facets: Record<string, string[]>
  id: number
  means: Record<string, null | number>
  raterCount: number
  /** The text rank; null without a text query. */
  rank: null | number
  title: string
}

export type FilterValue = { id: number; slug: null | string; title: string }

/** Payload's column names: camelCase fields become snake_case. */
const snakeCase = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()

const arrayOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item) => item !== null).map(String) : []

/** The published modules (with `query`: only those its words find, title typos tolerated). */
export const catalogueModules = async (
  runner: SqlRunner,
  query: string | undefined,
): Promise<CatalogueModule[]> => {
  const folded = query ? foldForSearch(query) : undefined
  // Each child table read once and grouped by module (not one look-up per module and table).
  const manyFacets = MODULE_FACETS.filter((facet) => facet.isMany)
  const grouped = manyFacets.map(
    (facet) =>
      sql`${sql.identifier(`f_${facet.name}`)} AS (
        SELECT x.parent_id, array_agg(x.value::text ORDER BY x.order) AS v
        FROM ${sql.identifier(`modules_${snakeCase(facet.field)}`)} x GROUP BY x.parent_id)`,
  )
  const many = manyFacets.map(
    (facet) =>
      sql`coalesce(${sql.identifier(`f_${facet.name}`)}.v, '{}'::text[]) AS ${sql.identifier(facet.name)}`,
  )
  const manyJoins = manyFacets.map(
    (facet) =>
      sql`LEFT JOIN ${sql.identifier(`f_${facet.name}`)} ON ${sql.identifier(`f_${facet.name}`)}.parent_id = m.id`,
  )
  const single = MODULE_FACETS.filter((facet) => !facet.isMany).map(
    (facet) =>
      sql`CASE WHEN m.${sql.identifier(snakeCase(facet.field))} IS NULL THEN '{}'::text[] ELSE ARRAY[m.${sql.identifier(snakeCase(facet.field))}::text] END AS ${sql.identifier(facet.name)}`,
  )
  const means = RATING_DIMENSIONS.map(
    (dimension) =>
      sql`s.${sql.identifier(`${snakeCase(dimension.key)}_mean`)}::float8 AS ${sql.identifier(`mean_${dimension.key}`)}`,
  )
  const rows = await runner.rows(sql`
    WITH text_match AS (
      SELECT d.doc_id,
        ts_rank_cd(d.head_vector, websearch_to_tsquery('german', ${folded ?? ''}), 1)
          + word_similarity(${folded ?? ''}, d.title_folded) AS rank
      FROM search_documents d
      WHERE ${folded !== undefined} AND d.collection = 'modules' AND d.version = 'published'
        AND (d.vector @@ websearch_to_tsquery('german', ${folded ?? ''})
          OR ${folded ?? ''} <% d.title_folded)
    ),
    ${sql.join(grouped, sql`, `)},
    relations AS (
      SELECT r.parent_id,
        array_agg(r.fields_of_action_id) FILTER (
          WHERE r.path = 'fieldsOfAction' AND r.fields_of_action_id IS NOT NULL) AS field_of_action,
        array_agg(r.target_groups_id) FILTER (
          WHERE r.path = 'targetGroups' AND r.target_groups_id IS NOT NULL) AS target_group
      FROM modules_rels r GROUP BY r.parent_id
    )
    SELECT m.id, m.title,
      ${sql.join([...many, ...single, ...means], sql`, `)},
      coalesce(rel.field_of_action, '{}') AS "fieldOfAction",
      coalesce(rel.target_group, '{}') AS "targetGroup",
      coalesce(s.rater_count, 0)::int AS rater_count,
      t.rank
    FROM modules m
    ${sql.join(manyJoins, sql` `)}
    LEFT JOIN relations rel ON rel.parent_id = m.id
    LEFT JOIN rating_summaries s ON s.target_collection = 'modules' AND s.target_id = m.id::text
    ${folded !== undefined ? sql`JOIN text_match t ON t.doc_id = m.id::text` : sql`LEFT JOIN text_match t ON false`}
    WHERE m._status = 'published'`)
  return rows.map((row) => ({
    facets: Object.fromEntries(
      [...MODULE_FACETS.map((facet) => facet.name), 'fieldOfAction', 'targetGroup'].map((name) => [
        name,
        arrayOf(row[name]),
      ]),
    ),
    id: Number(row.id),
    means: Object.fromEntries(
      RATING_DIMENSIONS.map((dimension) => {
        const mean = row[`mean_${dimension.key}`]
        return [dimension.key, mean === null || mean === undefined ? null : Number(mean)]
      }),
    ),
    raterCount: Number(row.rater_count ?? 0),
    rank: row.rank === null || row.rank === undefined ? null : Number(row.rank),
    title: String(row.title),
  }))
}

/** The published Handlungsfelder and target groups, in the order editors gave them. */
export const filterValues = async (
  runner: SqlRunner,
): Promise<{ fieldOfAction: FilterValue[]; targetGroup: FilterValue[] }> => {
  const valuesOf = (rows: Record<string, unknown>[]) =>
    rows.map((row) => ({
      id: Number(row.id),
      slug: row.slug === null ? null : String(row.slug),
      title: String(row.title),
    }))
  const [fields, groups] = await Promise.all([
    runner.rows(
      sql`SELECT id, slug, title FROM fields_of_action WHERE _status = 'published' ORDER BY "order" NULLS LAST, title`,
    ),
    runner.rows(
      sql`SELECT id, slug, title FROM target_groups WHERE _status = 'published' ORDER BY title`,
    ),
  ])
  return { fieldOfAction: valuesOf(fields), targetGroup: valuesOf(groups) }
}
