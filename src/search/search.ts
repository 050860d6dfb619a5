/**
 * The search itself, one SQL statement on `search_documents` for the counts per type and one
 * page of hits (a second when the tolerant search follows). Words are matched with PostgreSQL's German text search (stemming: "Senioren" finds
 * "Senior"), every word of the query must occur (quoted phrases in order, `-word` excludes).
 * When that finds nothing and the query is short, the search is tolerant instead (and says so,
 * `isSimilar`): titles that resemble the query (pg_trgm, e.g. "Stadteilkonferens") and documents
 * with any of its words.
 */
import type { SQL } from '@payloadcms/db-postgres/drizzle'
import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres'
import { runnerOf, type SqlRunner } from '@quartiersnetz/plugin-kit/drizzleTable'

import type { IndexVersion } from './searchTable'

import { foldForSearch } from './fold'
import { snippetOf, stemsOf } from './snippet'

/** Up to this many words a query counts as short: a typo in it may be what kept it from matching. */
const SHORT_QUERY_WORDS = 3

/**
 * Whether the tolerant search follows when nothing matches: a short query without phrases or
 * excluded words (precise wishes that no tolerance may overrule).
 */
export const isTolerated = (folded: string): boolean =>
  folded.split(/\s+/).filter(Boolean).length <= SHORT_QUERY_WORDS && !/(^|\s)-|"/.test(folded)

/** The words the tolerant search looks for, any of them (excluded words left out). */
export const anyWordsOf = (folded: string): string =>
  folded
    .split(/\s+/)
    .filter((word) => word && !word.startsWith('-'))
    .join(' ')

export type SearchHit = {
  /** An event's start, a publication's date (ISO), else null. */
  date: null | string
  id: number | string
  slug: null | string
  snippet: string
  /**
   * Only in editors' results, the newest version's state as Payload's lists name it: a draft
   * never published, a published document with a newer draft ("changed"), or published.
   */
  status?: 'changed' | 'draft' | 'published'
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

/** What a hit shows of a `search_documents` row, and the text its snippet comes from. */
export type HitSource = Omit<SearchHit, 'snippet' | 'status'> & { text: string }

export const hitSourceOf = (row: Record<string, unknown>): HitSource => ({
  date: row.date ? new Date(String(row.date)).toISOString() : null,
  id: idOf(row.doc_id),
  slug: row.slug === null || row.slug === undefined ? null : String(row.slug),
  text: [row.summary, row.body].filter(Boolean).join('\n'),
  title: String(row.title),
  type: String(row.collection),
})

/** The hit, with the passage of its text that shows the query's `stems`. */
export const hitOf = (
  { date, id, slug, text, title, type }: HitSource,
  stems: string[],
  status?: SearchHit['status'],
): SearchHit => ({
  date,
  id,
  slug,
  snippet: snippetOf({ stems, text }),
  ...(status ? { status } : {}),
  title,
  type,
})

const statusOf = (row: Record<string, unknown>): SearchHit['status'] =>
  row.status !== 'draft' ? 'published' : row.has_published ? 'changed' : 'draft'

const countsOf = (counts: unknown, allTypes: string[]) => {
  const byType = (counts && typeof counts === 'object' ? counts : {}) as Record<string, unknown>
  return Object.fromEntries(allTypes.map((type) => [type, Number(byType[type] ?? 0)]))
}

/**
 * Runs `search` in a read-only transaction that keeps PostgreSQL on the GIN index: for a word
 * in thousands of documents the planner would otherwise read the whole table, unpacking every
 * document's vector (4× the time on the bench data set, bench/optimisations.md).
 */
export const withIndexScans = async <T>(
  payload: Payload,
  search: (runner: SqlRunner) => Promise<T>,
): Promise<T> =>
  payload.db.drizzle.transaction(
    async (tx) => {
      await tx.execute(sql`SET LOCAL enable_seqscan = off`)
      return search(runnerOf(tx))
    },
    { accessMode: 'read only' },
  )

export const runSearch = async (
  runner: SqlRunner,
  { allTypes, limit, page, query, types, version }: SearchArgs,
): Promise<SearchResult> => {
  const folded = foldForSearch(query)
  const exact = sql`websearch_to_tsquery('german', ${folded})`
  // Editors' hits only: whether a draft has a published version beside it (statusOf).
  const hasPublished =
    version === 'latest'
      ? sql`EXISTS (
          SELECT 1 FROM search_documents pd
          WHERE pd.collection = d.collection AND pd.doc_id = d.doc_id AND pd.version = 'published'
        )`
      : sql`false`
  /**
   * One statement: the matches with their rank (index only, no texts), their counts per type,
   * and the texts of one page's hits.
   */
  const run = async (match: SQL, [rank, tieBreak]: [SQL, SQL], tsquery: SQL) => {
    const rows = await runner.rows(sql`
      WITH m AS MATERIALIZED (
        SELECT d.collection, d.doc_id, d.title, d.date, ${rank} AS rank, ${tieBreak} AS tie_break
        FROM search_documents d
        WHERE d.version = ${version} AND ${match}
      ),
      counts AS (
        SELECT json_object_agg(c.collection, c.n) AS counts
        FROM (SELECT m.collection, count(*) AS n FROM m GROUP BY m.collection) c
      ),
      page AS (
        SELECT m.* FROM m
        WHERE m.collection IN (${sql.join(
          types.map((type) => sql`${type}`),
          sql`, `,
        )})
        ORDER BY m.rank DESC, m.tie_break DESC, m.title, m.date, m.collection, m.doc_id
        LIMIT ${limit} OFFSET ${(page - 1) * limit}
      )
      SELECT counts.counts, d.collection, d.doc_id, d.slug, d.status, d.date, d.title, d.summary,
        d.body, ${tsquery}::text AS tsquery, ${hasPublished} AS has_published
      FROM counts
      LEFT JOIN page p ON true
      LEFT JOIN search_documents d
        ON d.collection = p.collection AND d.doc_id = p.doc_id AND d.version = ${version}
      ORDER BY p.rank DESC, p.tie_break DESC, p.title, p.date, p.collection, p.doc_id`)
    const counts = countsOf(rows[0]?.counts, allTypes)
    const totalDocs = types.reduce((sum, type) => sum + (counts[type] ?? 0), 0)
    return { counts, rows: rows.filter((row) => row.doc_id !== null), totalDocs }
  }

  let isSimilar = false
  let result = await run(
    sql`d.vector @@ ${exact}`,
    // A title that is the query (a method's name) before one that merely contains it.
    // (Ranked by title and summary only: cheap for thousands of hits, and where relevance is.)
    [sql`ts_rank_cd(d.head_vector, ${exact}, 1) + (d.title_folded = ${folded})::int`, sql`0`],
    exact,
  )
  if (Object.values(result.counts).every((count) => count === 0) && isTolerated(folded)) {
    // Any of the words instead of all (the lexemes as they are, without a second stemming).
    const any = sql`replace(plainto_tsquery('german', ${anyWordsOf(folded)})::text, ' & ', ' | ')::tsquery`
    isSimilar = true
    result = await run(
      sql`(${folded} <% d.title_folded OR d.vector @@ ${any})`,
      // The title most like the query: its best-matching part, then the whole title.
      [
        sql`word_similarity(${folded}, d.title_folded) + similarity(${folded}, d.title_folded)`,
        sql`ts_rank_cd(d.head_vector, ${any}, 1)`,
      ],
      any,
    )
  }

  const docs = result.rows.map((row) =>
    hitOf(
      hitSourceOf(row),
      stemsOf(String(row.tsquery ?? '')),
      version === 'latest' ? statusOf(row) : undefined,
    ),
  )
  return { counts: result.counts, docs, isSimilar, totalDocs: result.totalDocs }
}
