/**
 * The search itself, two SQL statements on `search_documents`: the counts per type and one page
 * of hits. Words are matched with PostgreSQL's German text search (stemming: "Senioren" finds
 * "Senior"), every word of the query must occur (quoted phrases in order, `-word` excludes).
 * When that finds nothing and the query is short, the search is tolerant instead (and says so,
 * `isSimilar`): titles that resemble the query (pg_trgm, e.g. "Stadteilkonferens") and documents
 * with any of its words.
 */
import type { SQL } from '@payloadcms/db-postgres/drizzle'

import { sql } from '@payloadcms/db-postgres'
import { type Row, type SqlRunner } from '@quartiersnetz/plugin-kit/drizzleTable'

import type { IndexVersion } from './searchTable'

import { foldForSearch } from './fold'
import { snippetOf, stemsOf } from './snippet'

/** Up to this many words a query counts as short: a typo in it may be what kept it from matching. */
const SHORT_QUERY_WORDS = 3

export type SearchHit = {
  /** An event's start, a publication's date (ISO), else null. */
  date: null | string
  id: number | string
  slug: null | string
  snippet: string
  /** Only in editors' results: whether the newest version is a draft. */
  status?: 'draft' | 'published'
  title: string
  type: string
}

export type SearchResult = {
  counts: Record<string, number>
  docs: SearchHit[]
  isSimilar: boolean
  totalDocs: number
}

type SearchArgs = {
  limit: number
  page: number
  query: string
  /** The types the page shows (the counts cover every type of `allTypes`). */
  types: string[]
  allTypes: string[]
  version: IndexVersion
}

const idOf = (value: unknown) => {
  const text = String(value)
  return /^\d+$/.test(text) ? Number(text) : text
}

const countsOf = (rows: Row[], allTypes: string[]) =>
  Object.fromEntries(
    allTypes.map((type) => [type, Number(rows.find((row) => row.collection === type)?.count ?? 0)]),
  )

export const runSearch = async (
  runner: SqlRunner,
  { allTypes, limit, page, query, types, version }: SearchArgs,
): Promise<SearchResult> => {
  const folded = foldForSearch(query)
  const exact = sql`websearch_to_tsquery('german', ${folded})`
  const run = async (match: SQL, rank: SQL, tsquery: SQL) => {
    const counts = countsOf(
      await runner.rows(sql`
        SELECT d.collection, count(*) AS count FROM search_documents d
        WHERE d.version = ${version} AND ${match}
        GROUP BY d.collection`),
      allTypes,
    )
    const totalDocs = types.reduce((sum, type) => sum + (counts[type] ?? 0), 0)
    const rows =
      totalDocs > (page - 1) * limit
        ? await runner.rows(sql`
            SELECT d.collection, d.doc_id, d.slug, d.status, d.date, d.title, d.summary, d.body,
              ${tsquery}::text AS tsquery
            FROM search_documents d
            WHERE d.version = ${version} AND ${match}
              AND d.collection IN (${sql.join(
                types.map((type) => sql`${type}`),
                sql`, `,
              )})
            ORDER BY ${rank}, d.title, d.collection, d.doc_id
            LIMIT ${limit} OFFSET ${(page - 1) * limit}`)
        : []
    return { counts, rows, totalDocs }
  }

  let isSimilar = false
  let result = await run(
    sql`d.vector @@ ${exact}`,
    // A title that is the query (a method's name) before one that merely contains it.
    // (Ranked by title and summary only: cheap for thousands of hits, and where relevance is.)
    sql`ts_rank_cd(d.head_vector, ${exact}, 1) + (d.title_folded = ${folded})::int DESC`,
    exact,
  )
  // Phrases and excluded words are precise wishes: no tolerance that would overrule them.
  const isShort =
    folded.split(/\s+/).filter(Boolean).length <= SHORT_QUERY_WORDS && !/(^|\s)-|"/.test(folded)
  if (Object.values(result.counts).every((count) => count === 0) && isShort) {
    // Any of the words instead of all, leaving out excluded words (the lexemes as they are,
    // without a second stemming).
    const words = folded
      .split(/\s+/)
      .filter((word) => word && !word.startsWith('-'))
      .join(' ')
    const any = sql`replace(plainto_tsquery('german', ${words})::text, ' & ', ' | ')::tsquery`
    isSimilar = true
    result = await run(
      sql`(${folded} <% d.title_folded OR d.vector @@ ${any})`,
      // The title most like the query: its best-matching part, then the whole title.
      sql`word_similarity(${folded}, d.title_folded) + similarity(${folded}, d.title_folded) DESC,
        ts_rank_cd(d.head_vector, ${any}, 1) DESC`,
      any,
    )
  }

  const docs = result.rows.map((row): SearchHit => {
    const stems = stemsOf(String(row.tsquery ?? ''))
    const text = [row.summary, row.body].filter(Boolean).join('\n')
    return {
      date: row.date ? new Date(String(row.date)).toISOString() : null,
      id: idOf(row.doc_id),
      slug: row.slug === null ? null : String(row.slug),
      snippet: snippetOf({ stems, text: String(text) }),
      ...(version === 'latest' ? { status: row.status === 'draft' ? 'draft' : 'published' } : {}),
      title: String(row.title),
      type: String(row.collection),
    }
  })
  return { counts: result.counts, docs, isSimilar, totalDocs: result.totalDocs }
}
