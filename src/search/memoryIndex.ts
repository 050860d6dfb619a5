/**
 * The visitors' search in memory: the published rows of `search_documents`, read into posting
 * lists, answer the common query (one or more words, every word must occur: no phrase, no
 * excluded word, no typo) without a statement per request. The answer is the one search.ts's
 * SQL gives, hit for hit: the same matches and counts per type, the same rank (PostgreSQL's
 * `ts_rank_cd` over title and summary, computed here the way tsrank.c does for such a
 * query, rounded to `real` as it is), the same order of equal ranks (the rows are numbered in
 * the database's own order of title, collection and id), the same snippets.
 *
 * Ranking visits only the documents with every word in title or summary; the others rank 0
 * and follow in that numbered order, so a word in thousands of documents costs a merge of
 * sorted arrays, not a rank per match. Everything else (phrases, exclusions, the tolerant
 * search when nothing matches) stays with the database.
 *
 * The index is rebuilt whole after a write to `search_documents` (freshValue.ts); until the
 * rebuild is done the database answers.
 */
import type { ConcurrencyLimit } from '@quartiersnetz/plugin-kit/concurrencyLimit'
import type { SqlRunner } from '@quartiersnetz/plugin-kit/drizzleTable'

import { sql } from '@payloadcms/db-postgres'

import { type HitSource, hitOf, hitSourceOf, type SearchResult } from './search'
import { stemsOf } from './snippet'

type IndexedDoc = HitSource & { titleFolded: string }

/** Where a lexeme occurs in titles and summaries: per document its positions and weights. */
type HeadPostings = {
  /** Document numbers, ascending. */
  docs: Int32Array
  /** `positions[starts[i]] … positions[starts[i + 1] - 1]` belong to `docs[i]`. */
  starts: Int32Array
  /** Position × 4 + weight (0 = D … 3 = A), as tsvector stores them. */
  positions: Int32Array
}

export type MemoryIndex = {
  /** Numbered in the database's order of (title, collection, doc_id). */
  docs: IndexedDoc[]
  heads: Map<string, HeadPostings>
  /** Per document the length `ts_rank_cd` normalises by (positions in title and summary). */
  headLengths: Int32Array
  /** Documents per lexeme of the whole text, ascending. */
  postings: Map<string, Int32Array>
  /** Per document the index of its collection in `types`. */
  typeOf: Uint8Array
  types: string[]
}

/** Rows read into the index between two turns of the event loop. */
const ROWS_PER_TURN = 250

const WEIGHT_OF_LETTER: Record<string, number> = { A: 3, B: 2, C: 1, D: 0 }
/** `ts_rank_cd`'s default weights (D, C, B, A) as it uses them: float4, inverted in double. */
const INVERSE_WEIGHTS = [0.1, 0.2, 0.4, 1.0].map((weight) => 1 / Math.fround(weight))

/** A tsvector as PostgreSQL prints it: `'lexeme':1A,4B 'other':2`. */
const lexemesOf = (vector: string): [string, number[]][] => {
  const entries: [string, number[]][] = []
  for (const match of vector.matchAll(/'((?:[^']|'')*)'(?::([0-9A-D,]+))?/g)) {
    const positions = (match[2] ?? '')
      .split(',')
      .filter(Boolean)
      .map((position) => {
        const letter = position.at(-1)!
        const weight = WEIGHT_OF_LETTER[letter]
        return weight === undefined
          ? Number(position) * 4
          : Number(position.slice(0, -1)) * 4 + weight
      })
    entries.push([match[1]!.replace(/''/g, "'"), positions])
  }
  return entries
}

/** Reads the published rows and builds the index (a few hundred ms for thousands of documents). */
export const loadMemoryIndex = async (runner: SqlRunner): Promise<MemoryIndex> => {
  const rows = await runner.rows(sql`
    SELECT collection, doc_id, slug, date, title, title_folded, summary, body,
      vector::text AS vector, head_vector::text AS head_vector
    FROM search_documents WHERE version = 'published'
    ORDER BY title, collection, doc_id`)
  const types: string[] = []
  const typeOf = new Uint8Array(rows.length)
  const headLengths = new Int32Array(rows.length)
  const postingLists = new Map<string, number[]>()
  const headLists = new Map<string, { docs: number[]; positions: number[][] }>()
  const docs: IndexedDoc[] = []
  for (const [doc, row] of rows.entries()) {
    if (doc > 0 && doc % ROWS_PER_TURN === 0) {
      // Requests go on while it builds (thousands of rows take a good part of a second).
      await new Promise((resolve) => setImmediate(resolve))
    }
    const collection = String(row.collection)
    let type = types.indexOf(collection)
    if (type < 0) {
      type = types.push(collection) - 1
    }
    typeOf[doc] = type
    for (const [lexeme] of lexemesOf(String(row.vector ?? ''))) {
      let list = postingLists.get(lexeme)
      if (!list) {
        list = []
        postingLists.set(lexeme, list)
      }
      list.push(doc)
    }
    let length = 0
    for (const [lexeme, positions] of lexemesOf(String(row.head_vector ?? ''))) {
      length += Math.max(1, positions.length)
      let list = headLists.get(lexeme)
      if (!list) {
        list = { docs: [], positions: [] }
        headLists.set(lexeme, list)
      }
      list.docs.push(doc)
      list.positions.push(positions)
    }
    headLengths[doc] = length
    docs.push({ ...hitSourceOf(row), titleFolded: String(row.title_folded) })
  }
  const heads = new Map<string, HeadPostings>()
  for (const [lexeme, list] of headLists) {
    const starts = new Int32Array(list.docs.length + 1)
    list.positions.forEach((positions, index) => {
      starts[index + 1] = starts[index]! + positions.length
    })
    heads.set(lexeme, {
      docs: Int32Array.from(list.docs),
      positions: Int32Array.from(list.positions.flat()),
      starts,
    })
  }
  return {
    docs,
    headLengths,
    heads,
    postings: new Map([...postingLists].map(([lexeme, list]) => [lexeme, Int32Array.from(list)])),
    typeOf,
    types,
  }
}

/** The documents in every list (each ascending), ascending. */
const intersect = (lists: Int32Array[]): Int32Array => {
  const sorted = [...lists].sort((a, b) => a.length - b.length)
  let result = sorted[0] ?? new Int32Array(0)
  for (const list of sorted.slice(1)) {
    const next = new Int32Array(result.length)
    let count = 0
    let at = 0
    for (const doc of result) {
      while (at < list.length && list[at]! < doc) {
        at++
      }
      if (at === list.length) {
        break
      }
      if (list[at] === doc) {
        next[count++] = doc
      }
    }
    result = next.subarray(0, count)
  }
  return result
}

/** The index of `doc` in an ascending list, or -1. */
const indexIn = (list: Int32Array, doc: number): number => {
  let low = 0
  let high = list.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const value = list[middle]!
    if (value === doc) {
      return middle
    }
    if (value < doc) {
      low = middle + 1
    } else {
      high = middle - 1
    }
  }
  return -1
}

/**
 * `ts_rank_cd(head_vector, query, 1)` for a query that is an AND of distinct lexemes, found in
 * the document's title and summary (tsrank.c, calc_rank_cd and Cover): the occurrences in
 * order of position; each cover, the shortest stretch holding every lexeme, found from the
 * one after the previous cover's start, adds (its occurrences ÷ their inverse weights) ÷ (1 +
 * the words in between that are none of them); the sum divided by log(1 + the length).
 */
const coverDensity = (index: MemoryIndex, doc: number, heads: HeadPostings[]): number => {
  const occurrences: { lexeme: number; position: number; weight: number }[] = []
  heads.forEach((head, lexeme) => {
    const at = indexIn(head.docs, doc)
    for (let next = head.starts[at]!; next < head.starts[at + 1]!; next++) {
      const packed = head.positions[next]!
      occurrences.push({ lexeme, position: packed >> 2, weight: packed & 3 })
    }
  })
  occurrences.sort((a, b) => a.position - b.position || a.lexeme - b.lexeme)
  const wanted = heads.length
  const seen = new Uint8Array(wanted)
  /** From `start` towards `stop` (inclusive), where every lexeme has occurred; -1: nowhere. */
  const whereAllOccurred = (start: number, stop: number) => {
    const step = stop >= start ? 1 : -1
    seen.fill(0)
    let found = 0
    for (let next = start; step > 0 ? next <= stop : next >= stop; next += step) {
      const { lexeme } = occurrences[next]!
      if (!seen[lexeme]) {
        seen[lexeme] = 1
        found++
      }
      if (found === wanted) {
        return next
      }
    }
    return -1
  }
  let sum = 0
  let from = 0
  while (from < occurrences.length) {
    // The cover's end: the first place from `from` up to which every lexeme occurred; its
    // start: the last place, walking back from the end, from which every lexeme occurs.
    const end = whereAllOccurred(from, occurrences.length - 1)
    if (end < 0) {
      break
    }
    const begin = whereAllOccurred(end, from)
    let inverseSum = 0
    for (let next = begin; next <= end; next++) {
      inverseSum += INVERSE_WEIGHTS[occurrences[next]!.weight]!
    }
    let noise = occurrences[end]!.position - occurrences[begin]!.position - (end - begin)
    if (noise < 0) {
      noise = Math.trunc((end - begin) / 2)
    }
    sum += (end - begin + 1) / inverseSum / (1 + noise)
    from = begin + 1
  }
  const length = index.headLengths[doc]!
  return Math.fround(length > 0 ? sum / Math.log(length + 1) : sum)
}

/**
 * The lexemes of a tsquery that is an AND of distinct plain lexemes (`'famili' & 'kind'`), or
 * undefined for anything else (phrases, OR, NOT, prefixes, weights, nothing at all).
 */
export const plainLexemesOf = (tsquery: string): string[] | undefined => {
  const parts = tsquery.split(' & ')
  const lexemes: string[] = []
  for (const part of parts) {
    const match = /^'([^']+)'$/.exec(part)
    if (!match) {
      return undefined
    }
    lexemes.push(match[1]!)
  }
  return lexemes.length && new Set(lexemes).size === lexemes.length ? lexemes : undefined
}

type MemorySearchArgs = {
  allTypes: string[]
  /** The query folded (fold.ts), as search.ts compares it with the folded titles. */
  folded: string
  lexemes: string[]
  limit: number
  page: number
  /** The query as PostgreSQL parsed it, for the snippets' stems. */
  tsquery: string
  types: string[]
}

/** What search.ts's `runSearch` answers visitors for such a query, when it matches anything. */
export const searchInMemory = (
  index: MemoryIndex,
  { allTypes, folded, lexemes, limit, page, tsquery, types }: MemorySearchArgs,
): SearchResult => {
  const lists = lexemes.map((lexeme) => index.postings.get(lexeme))
  const matches = lists.every(Boolean) ? intersect(lists as Int32Array[]) : new Int32Array(0)
  const perType = new Uint32Array(index.types.length)
  for (const doc of matches) {
    perType[index.typeOf[doc]!]!++
  }
  const counts = Object.fromEntries(
    allTypes.map((type) => {
      const at = index.types.indexOf(type)
      return [type, at < 0 ? 0 : perType[at]!]
    }),
  )
  const shown = new Uint8Array(index.types.length)
  for (const type of types) {
    const at = index.types.indexOf(type)
    if (at >= 0) {
      shown[at] = 1
    }
  }
  const totalDocs = types.reduce((sum, type) => sum + (counts[type] ?? 0), 0)

  // Only a document with every word in title or summary ranks above 0.
  const heads = lexemes.map((lexeme) => index.heads.get(lexeme))
  const ranked: { doc: number; rank: number }[] = []
  if (heads.every(Boolean)) {
    const found = heads as HeadPostings[]
    for (const doc of intersect(found.map((head) => head.docs))) {
      if (shown[index.typeOf[doc]!]) {
        const rank =
          coverDensity(index, doc, found) + (index.docs[doc]!.titleFolded === folded ? 1 : 0)
        ranked.push({ doc, rank })
      }
    }
  }
  ranked.sort((a, b) => b.rank - a.rank || a.doc - b.doc)

  const start = (page - 1) * limit
  const pageDocs: number[] = []
  for (const { doc } of ranked.slice(start, start + limit)) {
    pageDocs.push(doc)
  }
  if (pageDocs.length < limit && start + pageDocs.length < totalDocs) {
    // Then the matches that rank 0, in the numbered order.
    const isRanked = new Set(ranked.map(({ doc }) => doc))
    let skip = Math.max(0, start - ranked.length)
    for (const doc of matches) {
      if (pageDocs.length === limit) {
        break
      }
      if (!shown[index.typeOf[doc]!] || isRanked.has(doc)) {
        continue
      }
      if (skip > 0) {
        skip--
        continue
      }
      pageDocs.push(doc)
    }
  }

  const stems = stemsOf(tsquery)
  const docs = pageDocs.map((doc) => hitOf(index.docs[doc]!, stems))
  return { counts, docs, isSimilar: false, totalDocs }
}

/** Queries as PostgreSQL parses them (its German stemmer): the same text, the same tsquery. */
const parsedQueries = new Map<string, string>()
const MAX_PARSED_QUERIES = 5_000

/**
 * `websearch_to_tsquery('german', folded)::text`, asked once per distinct query (within
 * `limit`, when given: the endpoints' queue for the database).
 */
export const tsqueryOf = async (
  runner: SqlRunner,
  folded: string,
  limit: ConcurrencyLimit = (task) => task(),
): Promise<string> => {
  const known = parsedQueries.get(folded)
  if (known !== undefined) {
    return known
  }
  const [row] = await limit(() =>
    runner.rows(sql`SELECT websearch_to_tsquery('german', ${folded})::text AS tsquery`),
  )
  const tsquery = String(row?.tsquery ?? '')
  if (parsedQueries.size >= MAX_PARSED_QUERIES) {
    // The oldest first (a Map keeps the order of insertion).
    parsedQueries.delete(parsedQueries.keys().next().value!)
  }
  parsedQueries.set(folded, tsquery)
  return tsquery
}
