/**
 * The method catalogue's data (issue 16): every published module with its facet values, its
 * Handlungsfelder and target groups and its rating profile, and the published Handlungsfelder
 * and target groups to filter by, in one SQL statement (each child table read once, grouped by
 * module) answering one JSON value per part: PostgreSQL's JSON is parsed natively, where
 * hundreds of rows of text arrays cost the server more time than the database spent
 * (bench/optimisations.md). The modules matching a text query and their ranks come from a
 * statement of their own (`textRanks`). The filtering and counting happen in
 * catalogueCounts.ts, over at most a few hundred modules. Published only, for everyone: the
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
  title: string
}

/** Titles in German order (made once: a collator costs more to make than to use). */
const titleOrder = new Intl.Collator('de')

export type FilterValue = { id: number; slug: null | string; title: string }

/** Payload's column names: camelCase fields become snake_case. */
const snakeCase = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()

const arrayOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item) => item !== null).map(String) : []

export type CatalogueData = {
  filterValues: { fieldOfAction: FilterValue[]; targetGroup: FilterValue[] }
  modules: CatalogueModule[]
}

/** The facet names in the order the statement answers them. */
const FACET_NAMES = [...MODULE_FACETS.map((facet) => facet.name), 'fieldOfAction', 'targetGroup']

const parsed = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : typeof value === 'string' ? (JSON.parse(value) as unknown[]) : []

/**
 * The modules matching `query`'s words (title typos tolerated), with their text rank: as
 * many as a few hundred modules, a statement on the search index's module rows.
 */
export const textRanks = async (runner: SqlRunner, query: string): Promise<Map<number, number>> => {
  const folded = foldForSearch(query)
  const rows = await runner.rows(sql`
    SELECT d.doc_id,
      ts_rank_cd(d.head_vector, websearch_to_tsquery('german', ${folded}), 1)
        + word_similarity(${folded}, d.title_folded) AS rank
    FROM search_documents d
    WHERE d.collection = 'modules' AND d.version = 'published'
      AND (d.vector @@ websearch_to_tsquery('german', ${folded}) OR ${folded} <% d.title_folded)`)
  return new Map(rows.map((row) => [Number(row.doc_id), Number(row.rank)]))
}

/**
 * Every published module with its facts, and the values of the Handlungsfeld and
 * target group filters, in the order editors gave them. What it reads changes seldom: the
 * endpoint keeps it in memory while no change concerns it (catalogueEndpoint.ts).
 */
export const catalogueFacts = async (runner: SqlRunner): Promise<CatalogueData> => {
  // Each child table read once and grouped by module (not one look-up per module and table).
  const manyFacets = MODULE_FACETS.filter((facet) => facet.isMany)
  const grouped = manyFacets.map(
    (facet) =>
      sql`${sql.identifier(`f_${facet.name}`)} AS (
        SELECT x.parent_id, array_agg(x.value::text ORDER BY x.order) AS v
        FROM ${sql.identifier(`modules_${snakeCase(facet.field)}`)} x GROUP BY x.parent_id)`,
  )
  const facetValues = MODULE_FACETS.map((facet) =>
    facet.isMany
      ? sql`coalesce(${sql.identifier(`f_${facet.name}`)}.v, '{}'::text[])`
      : sql`CASE WHEN m.${sql.identifier(snakeCase(facet.field))} IS NULL THEN '{}'::text[] ELSE ARRAY[m.${sql.identifier(snakeCase(facet.field))}::text] END`,
  )
  const manyJoins = manyFacets.map(
    (facet) =>
      sql`LEFT JOIN ${sql.identifier(`f_${facet.name}`)} ON ${sql.identifier(`f_${facet.name}`)}.parent_id = m.id`,
  )
  const means = RATING_DIMENSIONS.map(
    (dimension) => sql`s.${sql.identifier(`${snakeCase(dimension.key)}_mean`)}::float8`,
  )
  const [row] = await runner.rows(sql`
    WITH ${sql.join(grouped, sql`, `)},
    relations AS (
      SELECT r.parent_id,
        array_agg(r.fields_of_action_id) FILTER (
          WHERE r.path = 'fieldsOfAction' AND r.fields_of_action_id IS NOT NULL) AS field_of_action,
        array_agg(r.target_groups_id) FILTER (
          WHERE r.path = 'targetGroups' AND r.target_groups_id IS NOT NULL) AS target_group
      FROM modules_rels r GROUP BY r.parent_id
    ),
    found AS (
      SELECT json_build_array(m.id, m.title, coalesce(s.rater_count, 0),
        json_build_array(${sql.join(facetValues, sql`, `)},
          coalesce(rel.field_of_action, '{}'), coalesce(rel.target_group, '{}')),
        json_build_array(${sql.join(means, sql`, `)})) AS module
      FROM modules m
      ${sql.join(manyJoins, sql` `)}
      LEFT JOIN relations rel ON rel.parent_id = m.id
      LEFT JOIN rating_summaries s ON s.target_collection = 'modules' AND s.target_id = m.id::text
      WHERE m._status = 'published'
    )
    SELECT
      (SELECT coalesce(json_agg(found.module), '[]') FROM found) AS modules,
      (SELECT coalesce(json_agg(json_build_array(f.id, f.slug, f.title)
          ORDER BY f."order" NULLS LAST, f.title), '[]')
        FROM fields_of_action f WHERE f._status = 'published') AS field_of_action,
      (SELECT coalesce(json_agg(json_build_array(g.id, g.slug, g.title) ORDER BY g.title), '[]')
        FROM target_groups g WHERE g._status = 'published') AS target_group`)
  const valuesOf = (value: unknown): FilterValue[] =>
    parsed(value).map((entry) => {
      const [id, slug, title] = entry as [number, null | string, string]
      return { id: Number(id), slug: slug === null ? null : String(slug), title: String(title) }
    })
  return {
    filterValues: {
      fieldOfAction: valuesOf(row?.field_of_action),
      targetGroup: valuesOf(row?.target_group),
    },
    modules: parsed(row?.modules)
      .map((entry): CatalogueModule => {
        const [id, title, raterCount, facets, meanValues] = entry as [
          number,
          string,
          number,
          unknown[],
          (null | number)[],
        ]
        return {
          facets: Object.fromEntries(
            FACET_NAMES.map((name, index) => [name, arrayOf(facets[index])]),
          ),
          id: Number(id),
          means: Object.fromEntries(
            RATING_DIMENSIONS.map((dimension, index) => {
              const mean = meanValues[index]
              return [dimension.key, mean === null || mean === undefined ? null : Number(mean)]
            }),
          ),
          raterCount: Number(raterCount ?? 0),
          title: String(title),
        }
      })
      // In the order a page lists them (by title, German order), so that an answer sorts only
      // by text rank, if at all (a stable sort keeps this order among equal ranks).
      .sort((a, b) => titleOrder.compare(a.title, b.title)),
  }
}
