/**
 * The visitors' search in memory: the published rows of `search_documents`, read into posting
 * lists, answer the common query (one or more words, every word must occur: no phrase, no
 * excluded word) without a statement per request, and the tolerant search that follows when
 * it finds nothing (`searchSimilarInMemory`: titles like the query by their trigrams). The answer is the one search.ts's
 * SQL gives, hit for hit: the same matches and counts per type, the same rank (PostgreSQL's
 * `ts_rank_cd` over title and summary, computed here the way tsrank.c does for such a
 * query, rounded to `real` as it is), the same order of equal ranks (the rows are numbered in
 * the database's own order of title, collection and id), the same snippets.
 *
 * Ranking visits only the documents with every word in title or summary; the others rank 0
 * and follow in that numbered order, so a word in thousands of documents costs a merge of
 * sorted arrays, not a rank per match. Everything else (phrases, exclusions, a tolerant
 * search with hundreds of documents to rank or letters beyond ASCII) stays with the database.
 *
 * After a write to `search_documents` (freshValue.ts) the index is brought up to date: the
 * rows written since it was read (by their row versions) are read again and merged into a new
 * index, the rest kept; a draft saved over a published document changes nothing for visitors.
 * Searches wait for that a little while (searchEndpoint.ts), then the database answers them.
 */
import type { ConcurrencyLimit } from '@quartiersnetz/plugin-kit/concurrencyLimit'
import type { SqlRunner } from '@quartiersnetz/plugin-kit/drizzleTable'

import { sql } from '@payloadcms/db-postgres'

import { type HitSource, hitOf, hitSourceOf, type SearchResult } from './search'
import { stemsOf } from './snippet'
import {
  hasOtherLetters,
  similarity,
  trigramsOf,
  uniqueTrigrams,
  WORD_SIMILARITY_THRESHOLD,
  wordSimilarity,
} from './trigrams'

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
  /** Numbered in the database's order of (title, date, collection, doc_id). */
  docs: IndexedDoc[]
  /** Whether a title has letters beyond ASCII: then the tolerant search is the database's. */
  hasOtherLetters: boolean
  heads: Map<string, HeadPostings>
  /** Per document the length `ts_rank_cd` normalises by (positions in title and summary). */
  headLengths: Int32Array
  /** Per document `collection:doc_id`, and the other way round. */
  keys: string[]
  /** The documents per folded title (a title that is the query ranks first). */
  numbersOfTitle: Map<string, number[]>
  numberOf: Map<string, number>
  /** Documents per lexeme of the whole text, ascending. */
  postings: Map<string, Int32Array>
  /**
   * Per document the row version it was read in (PostgreSQL's `xmin`: every write of a row
   * gives it a new one), so that an update reads again only the rows written since.
   */
  rowVersions: Uint32Array
  /** Documents per trigram of their folded titles (trigrams.ts), ascending. */
  titleTrigrams: Map<number, Int32Array>
  /** Per document the index of its collection in `types`. */
  typeOf: Uint8Array
  types: string[]
}

/**
 * A build works this long at most between two turns of the event loop: requests go on during a
 * long one, and a short one (an edit's update, which searches wait for) is not drawn out by
 * turns it needs not take. Counted in rows and lexemes, an update under load waited behind
 * every request a few dozen times.
 */
const MS_PER_TURN = 10

/**
 * An update reads the changed rows only while they are fewer than this share of the index
 * (and this many): beyond, reading everything again costs about the same.
 */
const MAX_SHARE_UPDATED = 0.25
const MAX_ROWS_UPDATED = 2_000

/** Lets requests go on during a long build. */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve))

/** A build's turns: a call yields to the event loop once `MS_PER_TURN` passed since the last. */
const turnsOf = () => {
  let since = performance.now()
  return async () => {
    if (performance.now() - since >= MS_PER_TURN) {
      await nextTurn()
      since = performance.now()
    }
  }
}

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

/** What the index keeps of one row of `search_documents`. */
type ReadDoc = {
  collection: string
  doc: IndexedDoc
  head: [string, number[]][]
  key: string
  lexemes: string[]
  rowVersion: number
  /** The title's trigrams, each once. */
  trigrams: Int32Array
}

const keyOf = (row: Record<string, unknown>) => `${String(row.collection)}:${String(row.doc_id)}`

const COLUMNS = sql`collection, doc_id, xmin::text AS row_version, slug, date, title, title_folded,
  summary, body, vector::text AS vector, head_vector::text AS head_vector`

const readDoc = (row: Record<string, unknown>): ReadDoc => ({
  collection: String(row.collection),
  doc: { ...hitSourceOf(row), titleFolded: String(row.title_folded) },
  head: lexemesOf(String(row.head_vector ?? '')),
  key: keyOf(row),
  lexemes: lexemesOf(String(row.vector ?? '')).map(([lexeme]) => lexeme),
  rowVersion: Number(row.row_version),
  trigrams: uniqueTrigrams(trigramsOf(String(row.title_folded))),
})

/** The list under `key`, made empty when there is none yet. */
const listOf = <K>(lists: Map<K, number[]>, key: K): number[] => {
  let list = lists.get(key)
  if (!list) {
    list = []
    lists.set(key, list)
  }
  return list
}

/** The keys of `old`, then those only `read` has (without copying either). */
function* keysOfBoth<K>(old: Map<K, unknown> | undefined, read: Map<K, unknown>): Generator<K> {
  if (old) {
    yield* old.keys()
  }
  for (const key of read.keys()) {
    if (!old?.has(key)) {
      yield key
    }
  }
}

/**
 * Whether a list of the old numbering is the same under the new one (every document kept, with
 * its number): then it is shared, not copied. An edit that leaves the order of titles as it was
 * renumbers nothing, so only the lists of the words it touched are made anew (each edit made
 * every list anew, megabytes each time). Lists are never changed once made.
 */
const isKeptAsIs = (list: Int32Array, renumbered: Int32Array | undefined): boolean => {
  if (!renumbered || !list.length) {
    return false
  }
  for (const doc of list) {
    if (renumbered[doc] !== doc) {
      return false
    }
  }
  return true
}

/**
 * Posting lists of the documents kept (`old`, under their new numbers: `renumbered[old]`,
 * ascending for the kept ones) merged with those of the documents read (`read`, ascending).
 */
const mergedLists = async <K>(
  old: Map<K, Int32Array> | undefined,
  read: Map<K, number[]>,
  renumbered: Int32Array | undefined,
  turn: () => Promise<void>,
): Promise<Map<K, Int32Array>> => {
  const lists = new Map<K, Int32Array>()
  for (const key of keysOfBoth(old, read)) {
    await turn()
    const kept = old?.get(key) ?? new Int32Array(0)
    const added = read.get(key) ?? []
    if (!added.length && isKeptAsIs(kept, renumbered)) {
      lists.set(key, kept)
      continue
    }
    const list = new Int32Array(kept.length + added.length)
    let size = 0
    let next = 0
    for (const doc of kept) {
      const number = renumbered![doc]!
      if (number < 0) {
        continue
      }
      while (next < added.length && added[next]! < number) {
        list[size++] = added[next++]!
      }
      list[size++] = number
    }
    while (next < added.length) {
      list[size++] = added[next++]!
    }
    if (size) {
      lists.set(key, list.slice(0, size))
    }
  }
  return lists
}

/**
 * Numbers `count` documents: those of `previous` that are kept (`renumbered[old]`, the new
 * number or -1; ascending for the kept ones, as the order of unchanged rows doesn't change) and
 * the ones read (`read`, by new number, ascending); their postings merged.
 */
const assemble = async (
  count: number,
  read: Map<number, ReadDoc>,
  kept?: { previous: MemoryIndex; renumbered: Int32Array },
): Promise<MemoryIndex> => {
  const types = [...(kept?.previous.types ?? [])]
  const typeOf = new Uint8Array(count)
  const headLengths = new Int32Array(count)
  const rowVersions = new Uint32Array(count)
  const docs = new Array<IndexedDoc>(count)
  const keys = new Array<string>(count)
  if (kept) {
    const { previous, renumbered } = kept
    renumbered.forEach((number, old) => {
      if (number >= 0) {
        docs[number] = previous.docs[old]!
        keys[number] = previous.keys[old]!
        typeOf[number] = previous.typeOf[old]!
        headLengths[number] = previous.headLengths[old]!
        rowVersions[number] = previous.rowVersions[old]!
      }
    })
  }
  /** The postings of the documents read, by new number ascending. */
  const readPostings = new Map<string, number[]>()
  const readTrigrams = new Map<number, number[]>()
  const readHeads = new Map<string, { docs: number[]; positions: number[][] }>()
  const turn = turnsOf()
  for (const [number, { collection, doc, head, key, lexemes, rowVersion, trigrams }] of read) {
    await turn()
    let type = types.indexOf(collection)
    if (type < 0) {
      type = types.push(collection) - 1
    }
    typeOf[number] = type
    docs[number] = doc
    keys[number] = key
    rowVersions[number] = rowVersion
    for (const lexeme of lexemes) {
      listOf(readPostings, lexeme).push(number)
    }
    for (const trigram of trigrams) {
      listOf(readTrigrams, trigram).push(number)
    }
    let length = 0
    for (const [lexeme, positions] of head) {
      length += Math.max(1, positions.length)
      let list = readHeads.get(lexeme)
      if (!list) {
        list = { docs: [], positions: [] }
        readHeads.set(lexeme, list)
      }
      list.docs.push(number)
      list.positions.push(positions)
    }
    headLengths[number] = length
  }

  const heads = new Map<string, HeadPostings>()
  const renumbered = kept?.renumbered
  const postings = await mergedLists(kept?.previous.postings, readPostings, renumbered, turn)
  const titleTrigrams = await mergedLists(
    kept?.previous.titleTrigrams,
    readTrigrams,
    renumbered,
    turn,
  )
  for (const lexeme of keysOfBoth(kept?.previous.heads, readHeads)) {
    await turn()
    const old = kept?.previous.heads.get(lexeme)
    if (old && !readHeads.has(lexeme) && isKeptAsIs(old.docs, renumbered)) {
      heads.set(lexeme, old)
      continue
    }
    const added = readHeads.get(lexeme) ?? { docs: [], positions: [] }
    const headDocs: number[] = []
    const positions: number[] = []
    const starts: number[] = [0]
    const push = (number: number, from: ArrayLike<number>, start = 0, end = from.length) => {
      headDocs.push(number)
      for (let at = start; at < end; at++) {
        positions.push(from[at]!)
      }
      starts.push(positions.length)
    }
    let next = 0
    for (let at = 0; at < (old?.docs.length ?? 0); at++) {
      const number = renumbered![old!.docs[at]!]!
      if (number < 0) {
        continue
      }
      while (next < added.docs.length && added.docs[next]! < number) {
        push(added.docs[next]!, added.positions[next]!)
        next++
      }
      push(number, old!.positions, old!.starts[at]!, old!.starts[at + 1]!)
    }
    for (; next < added.docs.length; next++) {
      push(added.docs[next]!, added.positions[next]!)
    }
    if (headDocs.length) {
      heads.set(lexeme, {
        docs: Int32Array.from(headDocs),
        positions: Int32Array.from(positions),
        starts: Int32Array.from(starts),
      })
    }
  }
  return {
    docs,
    hasOtherLetters: docs.some((doc) => hasOtherLetters(doc.titleFolded)),
    headLengths,
    heads,
    keys,
    numberOf: new Map(keys.map((key, number) => [key, number])),
    numbersOfTitle: docs.reduce((byTitle, { titleFolded }, number) => {
      const numbers = byTitle.get(titleFolded)
      if (numbers) {
        numbers.push(number)
      } else {
        byTitle.set(titleFolded, [number])
      }
      return byTitle
    }, new Map<string, number[]>()),
    postings,
    rowVersions,
    titleTrigrams,
    typeOf,
    types,
  }
}

const ALL_ROWS = sql`
  SELECT ${COLUMNS} FROM search_documents WHERE version = 'published'
  ORDER BY title, date, collection, doc_id`

/**
 * The index of all published rows, read in the database's order: by title, and documents of
 * one title (a series' dates) by their date, as search.ts breaks ties.
 */
const indexOfRows = async (rows: Record<string, unknown>[]): Promise<MemoryIndex> => {
  const read = new Map<number, ReadDoc>()
  // Requests go on while it builds (thousands of rows take a good part of a second).
  const turn = turnsOf()
  for (const [number, row] of rows.entries()) {
    await turn()
    read.set(number, readDoc(row))
  }
  return assemble(rows.length, read)
}

/** Reads the published rows and builds the index (a second of CPU for thousands of documents). */
export const loadMemoryIndex = async (runner: SqlRunner): Promise<MemoryIndex> =>
  indexOfRows(await runner.rows(ALL_ROWS))

/**
 * The index as `loadMemoryIndex` would build it now, from `previous` and the rows written
 * since (by their row versions): the order of all published rows and the changed ones read in
 * one snapshot (`inSnapshot`: a repeatable-read transaction), the rest kept. A draft saved
 * over a published document leaves `previous` as it is; an edit reads one row, not thousands.
 */
export const updateMemoryIndex = async (
  inSnapshot: <T>(read: (runner: SqlRunner) => Promise<T>) => Promise<T>,
  previous: MemoryIndex,
): Promise<MemoryIndex> => {
  const found = await inSnapshot(async (runner) => {
    const order = await runner.rows(sql`
      SELECT collection, doc_id, xmin::text AS row_version
      FROM search_documents WHERE version = 'published'
      ORDER BY title, date, collection, doc_id`)
    const renumbered = new Int32Array(previous.docs.length).fill(-1)
    const changed: { key: string; number: number; row: Record<string, unknown> }[] = []
    for (const [number, row] of order.entries()) {
      const key = keyOf(row)
      const old = previous.numberOf.get(key)
      if (old !== undefined && previous.rowVersions[old] === Number(row.row_version)) {
        renumbered[old] = number
      } else {
        changed.push({ key, number, row })
      }
    }
    if (!changed.length && order.length === previous.docs.length) {
      return { kind: 'unchanged' as const }
    }
    if (changed.length > Math.min(MAX_ROWS_UPDATED, order.length * MAX_SHARE_UPDATED)) {
      return { kind: 'all' as const, rows: await runner.rows(ALL_ROWS) }
    }
    const rows = changed.length
      ? await runner.rows(sql`
          SELECT ${COLUMNS} FROM search_documents
          WHERE version = 'published' AND (collection, doc_id) IN (${sql.join(
            changed.map(({ row }) => sql`(${String(row.collection)}, ${String(row.doc_id)})`),
            sql`, `,
          )})`)
      : []
    return { changed, count: order.length, kind: 'changed' as const, renumbered, rows }
  })
  if (found.kind === 'unchanged') {
    return previous
  }
  if (found.kind === 'all') {
    return indexOfRows(found.rows)
  }
  const read = new Map<number, ReadDoc>()
  const byKey = new Map(found.rows.map((row) => [keyOf(row), row]))
  for (const { key, number } of found.changed) {
    read.set(number, readDoc(byKey.get(key)!))
  }
  return assemble(found.count, read, { previous, renumbered: found.renumbered })
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

/**
 * `ts_rank_cd(head_vector, query, 1)` for a query that is an AND of distinct lexemes, found in
 * the document's title and summary (tsrank.c, calc_rank_cd and Cover): the occurrences in
 * order of position; each cover, the shortest stretch holding every lexeme, found from the
 * one after the previous cover's start, adds (its occurrences ÷ their inverse weights) ÷ (1 +
 * the words in between that are none of them); the sum divided by log(1 + the length).
 * `heads` and `ats`: the query's lexemes in the document (their lists, and the document's
 * place in each). For an OR of lexemes (`wanted` 1) each occurrence is a cover of its own.
 */
const coverDensity = (
  index: MemoryIndex,
  doc: number,
  heads: HeadPostings[],
  ats: Int32Array,
  wanted = heads.length,
): number => {
  let sum = 0
  if (heads.length === 1) {
    // One lexeme: each occurrence is a cover of its own (no noise), in the order of positions.
    const head = heads[0]!
    const at = ats[0]!
    for (let next = head.starts[at]!; next < head.starts[at + 1]!; next++) {
      sum += 1 / INVERSE_WEIGHTS[head.positions[next]! & 3]!
    }
  } else {
    sum = coverSum(heads, ats, wanted)
  }
  const length = index.headLengths[doc]!
  return Math.fround(length > 0 ? sum / Math.log(length + 1) : sum)
}

/** The most lexemes a query answered from memory has (one occurrence packs it in 6 bits). */
const MAX_LEXEMES = 63

/** Scratch space of `coverSum` (a search runs to its end without yielding). */
let occurrences = new Int32Array(256)
const seen = new Uint8Array(MAX_LEXEMES + 1)

/**
 * From `start` towards `stop` (inclusive), the first place where `wanted` distinct lexemes
 * have occurred; -1: nowhere.
 */
const whereOccurred = (start: number, stop: number, wanted: number): number => {
  const step = stop >= start ? 1 : -1
  seen.fill(0)
  let found = 0
  for (let next = start; step > 0 ? next <= stop : next >= stop; next += step) {
    const lexeme = (occurrences[next]! >> 2) & MAX_LEXEMES
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

/**
 * A search's arrays of one value per document, zeroed for each search and otherwise kept (a
 * search runs to its end without yielding): each one made anew was tens of kilobytes of
 * garbage per request, outside V8's heap.
 */
const scratchOf = <T extends Float64Array | Uint16Array | Uint8Array>(
  make: (length: number) => T,
) => {
  let array: T | undefined
  return (length: number): T => {
    if (array?.length === length) {
      array.fill(0)
    } else {
      array = make(length)
    }
    return array
  }
}

const rankedScratch = scratchOf((length) => new Uint8Array(length))
const sharedScratch = scratchOf((length) => new Uint16Array(length))
const matchScratch = scratchOf((length) => new Uint8Array(length))
const rankScratch = scratchOf((length) => new Float64Array(length))
const tieBreakScratch = scratchOf((length) => new Float64Array(length))

/** Up to this many, an insertion sort (no view to allocate: a search sorts per candidate). */
const INSERTION_SORTED = 32

/** Sorts the first `size` numbers of `array` ascending, in place. */
const sortFirst = (array: Int32Array, size: number) => {
  if (size > INSERTION_SORTED) {
    array.subarray(0, size).sort()
    return
  }
  for (let next = 1; next < size; next++) {
    const value = array[next]!
    let place = next
    while (place > 0 && array[place - 1]! > value) {
      array[place] = array[place - 1]!
      place--
    }
    array[place] = value
  }
}

/** The covers' sum for several lexemes (see coverDensity). */
const coverSum = (heads: HeadPostings[], ats: Int32Array, wanted: number): number => {
  // Each occurrence packed as position << 8 | lexeme << 2 | weight: sorted as numbers, they are
  // in the order of position, then lexeme.
  let total = 0
  for (let lexeme = 0; lexeme < heads.length; lexeme++) {
    const { starts } = heads[lexeme]!
    total += starts[ats[lexeme]! + 1]! - starts[ats[lexeme]!]!
  }
  if (occurrences.length < total) {
    occurrences = new Int32Array(total * 2)
  }
  let size = 0
  for (let lexeme = 0; lexeme < heads.length; lexeme++) {
    const { positions, starts } = heads[lexeme]!
    const at = ats[lexeme]!
    for (let next = starts[at]!; next < starts[at + 1]!; next++) {
      const packed = positions[next]!
      occurrences[size++] = ((packed >> 2) << 8) | (lexeme << 2) | (packed & 3)
    }
  }
  sortFirst(occurrences, size)
  let sum = 0
  let from = 0
  while (from < size) {
    // The cover's end: the first place from `from` up to which every lexeme occurred; its
    // start: the last place, walking back from the end, from which every lexeme occurs.
    const end = whereOccurred(from, size - 1, wanted)
    if (end < 0) {
      break
    }
    const begin = whereOccurred(end, from, wanted)
    let inverseSum = 0
    for (let next = begin; next <= end; next++) {
      inverseSum += INVERSE_WEIGHTS[occurrences[next]! & 3]!
    }
    let noise = (occurrences[end]! >> 8) - (occurrences[begin]! >> 8) - (end - begin)
    if (noise < 0) {
      noise = Math.trunc((end - begin) / 2)
    }
    sum += (end - begin + 1) / inverseSum / (1 + noise)
    from = begin + 1
  }
  return sum
}

/**
 * The lexemes of a tsquery that is an AND of distinct plain lexemes (`'famili' & 'kind'`), or
 * undefined for anything else (phrases, OR, NOT, prefixes, weights, nothing at all, more than
 * 63 words).
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
  return lexemes.length && lexemes.length <= MAX_LEXEMES && new Set(lexemes).size === lexemes.length
    ? lexemes
    : undefined
}

/**
 * The places (in `docs` and `ranks`, the first `count`) of the `wanted` best: the highest rank
 * first, of equal ranks the lower document number. `docs` ascend, so a later document never
 * beats an equal rank: a page needs no sort of thousands of hits.
 */
const MAX_INSERTED = 200

const bestRanked = (
  docs: Int32Array,
  ranks: Float64Array,
  count: number,
  wanted: number,
): Int32Array => {
  const size = Math.min(wanted, count)
  if (size > MAX_INSERTED) {
    // Deep pages: sorting all is cheaper than inserting into a long list.
    return Int32Array.from({ length: count }, (_, at) => at)
      .sort((a, b) => ranks[b]! - ranks[a]! || a - b)
      .subarray(0, size)
  }
  const best = new Int32Array(size)
  let filled = 0
  for (let at = 0; at < count; at++) {
    const rank = ranks[at]!
    if (filled === size && !(rank > ranks[best[size - 1]!]!)) {
      continue
    }
    // Insert after every place with a rank at least as high (they come earlier).
    let place = filled === size ? size - 1 : filled++
    while (place > 0 && ranks[best[place - 1]!]! < rank) {
      best[place] = best[place - 1]!
      place--
    }
    best[place] = at
  }
  return best
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
  const candidates = heads.every(Boolean)
    ? intersect((heads as HeadPostings[]).map((head) => head.docs))
    : new Int32Array(0)
  const rankedDocs = new Int32Array(candidates.length)
  const ranks = new Float64Array(candidates.length)
  let rankedCount = 0
  const isRanked = rankedScratch(index.docs.length)
  // Per word where the candidate is in its list (the candidates ascend, so do the places).
  const ats = new Int32Array(lexemes.length)
  const found = heads as HeadPostings[]
  const titled = index.numbersOfTitle.get(folded)
  for (const doc of candidates) {
    if (!shown[index.typeOf[doc]!]) {
      continue
    }
    for (let lexeme = 0; lexeme < found.length; lexeme++) {
      const list = found[lexeme]!.docs
      let at = ats[lexeme]!
      while (list[at]! < doc) {
        at++
      }
      ats[lexeme] = at
    }
    rankedDocs[rankedCount] = doc
    ranks[rankedCount++] = coverDensity(index, doc, found, ats) + (titled?.includes(doc) ? 1 : 0)
    isRanked[doc] = 1
  }

  const start = (page - 1) * limit
  const pageDocs = [...bestRanked(rankedDocs, ranks, rankedCount, start + limit)]
    .slice(start)
    .map((at) => rankedDocs[at]!)
  if (pageDocs.length < limit && start + pageDocs.length < totalDocs) {
    // Then the matches that rank 0, in the numbered order.
    let skip = Math.max(0, start - rankedCount)
    for (const doc of matches) {
      if (pageDocs.length === limit) {
        break
      }
      if (!shown[index.typeOf[doc]!] || isRanked[doc]) {
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

/** The most documents the tolerant search ranks from memory; beyond, the database ranks them. */
const MAX_SIMILAR_RANKED = 500

type SimilarSearchArgs = Omit<MemorySearchArgs, 'lexemes' | 'tsquery'> & {
  /** The lexemes of `plainto_tsquery` of the query's words (search.ts's `anyWordsOf`). */
  anyLexemes: string[]
  anyTsquery: string
}

/**
 * What search.ts's tolerant search answers when the query matched nothing (titles like the
 * query, documents with any of its words), from memory: the same matches and counts, the same
 * rank (pg_trgm's `word_similarity` + `similarity` of query and folded title, as float4:
 * trigrams.ts), the same order of equal ranks (`ts_rank_cd` of the words, then the numbered
 * order), the same snippets. Undefined where the database answers: a title or the query with
 * letters beyond ASCII, or more than a few hundred documents to rank by their titles.
 */
export const searchSimilarInMemory = (
  index: MemoryIndex,
  { allTypes, anyLexemes, anyTsquery, folded, limit, page, types }: SimilarSearchArgs,
): SearchResult | undefined => {
  if (index.hasOtherLetters || hasOtherLetters(folded)) {
    return undefined
  }
  const count = index.docs.length
  const queryTrigrams = trigramsOf(folded)
  const queryUnique = uniqueTrigrams(queryTrigrams)
  // How many of the query's trigrams each title has: a title with none is like it in nothing
  // (both similarities 0); one similar enough (`<%`) has at least the threshold's share.
  const shared = sharedScratch(count)
  for (const trigram of queryUnique) {
    for (const doc of index.titleTrigrams.get(trigram) ?? []) {
      shared[doc]!++
    }
  }
  const isMatch = matchScratch(count)
  for (const lexeme of anyLexemes) {
    for (const doc of index.postings.get(lexeme) ?? []) {
      isMatch[doc] = 1
    }
  }
  const ranks = rankScratch(count)
  let ranked = 0
  for (let doc = 0; doc < count; doc++) {
    // (word_similarity ≤ the share of the query's trigrams in the title, both float4.)
    if (
      !shared[doc] ||
      (!isMatch[doc] && Math.fround(shared[doc]! / queryUnique.length) < WORD_SIMILARITY_THRESHOLD)
    ) {
      continue
    }
    if (++ranked > MAX_SIMILAR_RANKED) {
      return undefined
    }
    const title = index.docs[doc]!.titleFolded
    const titleTrigrams = trigramsOf(title)
    const wordSimilar = wordSimilarity(queryUnique, titleTrigrams)
    if (wordSimilar >= WORD_SIMILARITY_THRESHOLD) {
      isMatch[doc] = 1
    }
    ranks[doc] = Math.fround(wordSimilar + similarity(queryUnique, uniqueTrigrams(titleTrigrams)))
  }

  const perType = new Uint32Array(index.types.length)
  const shown = new Uint8Array(index.types.length)
  for (const type of types) {
    const at = index.types.indexOf(type)
    if (at >= 0) {
      shown[at] = 1
    }
  }
  const heads = anyLexemes.map((lexeme) => index.heads.get(lexeme))
  const cursors = new Int32Array(heads.length)
  const matches: number[] = []
  const tieBreaks = tieBreakScratch(count)
  for (let doc = 0; doc < count; doc++) {
    if (!isMatch[doc]) {
      continue
    }
    perType[index.typeOf[doc]!]!++
    if (!shown[index.typeOf[doc]!]) {
      continue
    }
    matches.push(doc)
    // `ts_rank_cd` of the words in title and summary: the lexemes the document has.
    const present: HeadPostings[] = []
    const ats: number[] = []
    heads.forEach((head, lexeme) => {
      if (!head) {
        return
      }
      let at = cursors[lexeme]!
      while (at < head.docs.length && head.docs[at]! < doc) {
        at++
      }
      cursors[lexeme] = at
      if (head.docs[at] === doc) {
        present.push(head)
        ats.push(at)
      }
    })
    tieBreaks[doc] = present.length ? coverDensity(index, doc, present, Int32Array.from(ats), 1) : 0
  }
  matches.sort((a, b) => ranks[b]! - ranks[a]! || tieBreaks[b]! - tieBreaks[a]! || a - b)

  const counts = Object.fromEntries(
    allTypes.map((type) => {
      const at = index.types.indexOf(type)
      return [type, at < 0 ? 0 : perType[at]!]
    }),
  )
  const start = (page - 1) * limit
  const stems = stemsOf(anyTsquery)
  return {
    counts,
    docs: matches.slice(start, start + limit).map((doc) => hitOf(index.docs[doc]!, stems)),
    isSimilar: true,
    totalDocs: matches.length,
  }
}

/** Queries as PostgreSQL parses them (its German stemmer): the same text, the same tsquery. */
const parsedQueries = new Map<string, string>()
const MAX_PARSED_QUERIES = 5_000

/**
 * `websearch_to_tsquery('german', folded)::text`, asked once per distinct query (within
 * `limit`, when given: the endpoints' queue for the database).
 */
export const tsqueryOf = (
  runner: SqlRunner,
  folded: string,
  limit: ConcurrencyLimit = (task) => task(),
): Promise<string> => parsed(runner, 'websearch', folded, limit)

/** `plainto_tsquery('german', words)::text` (the tolerant search's words), asked once each. */
export const plainTsqueryOf = (
  runner: SqlRunner,
  words: string,
  limit: ConcurrencyLimit = (task) => task(),
): Promise<string> => parsed(runner, 'plain', words, limit)

const parsed = async (
  runner: SqlRunner,
  how: 'plain' | 'websearch',
  text: string,
  limit: ConcurrencyLimit,
): Promise<string> => {
  const key = `${how}:${text}`
  const known = parsedQueries.get(key)
  if (known !== undefined) {
    return known
  }
  const [row] = await limit(() =>
    runner.rows(
      how === 'plain'
        ? sql`SELECT plainto_tsquery('german', ${text})::text AS tsquery`
        : sql`SELECT websearch_to_tsquery('german', ${text})::text AS tsquery`,
    ),
  )
  const tsquery = String(row?.tsquery ?? '')
  if (parsedQueries.size >= MAX_PARSED_QUERIES) {
    // The oldest first (a Map keeps the order of insertion).
    parsedQueries.delete(parsedQueries.keys().next().value!)
  }
  parsedQueries.set(key, tsquery)
  return tsquery
}
