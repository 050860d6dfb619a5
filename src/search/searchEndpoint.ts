/**
 * GET /api/search?q=…&type=projects,modules&page=1&limit=10 — published documents of every
 * searchable collection by their words (search.ts), with a marked snippet per hit and the
 * number of hits per type. The coordination office (admins and editors, signed in) searches
 * the newest versions, drafts included, and sees which hits are drafts; everybody else,
 * municipality editors included, the published documents (the index doesn't know a draft's
 * city).
 */
import type { Endpoint, Payload } from 'payload'

import {
  describeIssues,
  type FieldLabels,
  invalidFieldsAnswer,
  summaryOf,
} from '@quartiersnetz/plugin-kit/publicInput'
import { z } from 'zod'

import { OWN_QUEUE } from '@quartiersnetz/plugin-kit/concurrencyLimit'
import { databaseOf, runnerOf } from '@quartiersnetz/plugin-kit/drizzleTable'

import type { SearchSource } from './sources'

import { hasRole } from '../access/roles'
import { visitorReadEndpoint } from '../api/visitorRead'
import { freshValue } from '../server/httpCache/freshValue'
import { searchDatabaseLimit } from './databaseLimit'
import { foldForSearch } from './fold'
import {
  loadMemoryIndex,
  plainLexemesOf,
  plainTsqueryOf,
  searchInMemory,
  searchSimilarInMemory,
  tsqueryOf,
  updateMemoryIndex,
} from './memoryIndex'
import { anyWordsOf, isTolerated, runSearch, type SearchResult, withIndexScans } from './search'

export const MAX_QUERY_LENGTH = 200
export const MAX_LIMIT = 50
/** Deep pages of a search are never read; a limit keeps OFFSET cheap. */
export const MAX_PAGE = 100

const labels: FieldLabels = {
  limit: { de: 'Anzahl pro Seite (limit)', en: 'Results per page (limit)' },
  page: { de: 'Seite (page)', en: 'Page (page)' },
  q: { de: 'Suchbegriff (q)', en: 'Search term (q)' },
  type: { de: 'Art (type)', en: 'Type (type)' },
}

const querySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(10),
    page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
    q: z.string().trim().min(1).max(MAX_QUERY_LENGTH),
    type: z.string().max(500).optional(),
  })
  .strict()

/**
 * The visitors' index in memory while `search_documents` is unchanged (memoryIndex.ts). While
 * it first loads the database answers; after a write, searches wait while it is brought up to
 * date (the rows written since are read: milliseconds), up to 250 ms after the update began
 * (after a bulk change all rows are read again: the database answers meanwhile).
 */
const keptIndex = freshValue({
  load: (payload) => loadMemoryIndex(databaseOf(payload)),
  madeOf: { tables: ['search_documents'] },
  name: 'Search index',
  update: (payload, _key, previous) =>
    updateMemoryIndex(
      (read) =>
        payload.db.drizzle.transaction((tx) => read(runnerOf(tx)), {
          accessMode: 'read only',
          isolationLevel: 'repeatable read',
        }),
      previous,
    ),
  // Queued for the database, searches took longer than the update they went around, and
  // slowed it down (bench/optimisations.md).
  updateWaitMs: 250,
  waitsForLoad: false,
})

type SearchArgs = {
  allTypes: string[]
  limit: number
  page: number
  query: string
  types: string[]
}

/**
 * A visitor's query from memory, or undefined: the database answers it (phrases, excluded
 * words, the index not built yet, a tolerant search memory leaves to it).
 */
const searchInMemoryFor = async (
  payload: Payload,
  args: SearchArgs,
): Promise<SearchResult | undefined> => {
  const index = await keptIndex.of(payload).get()
  if (!index) {
    return undefined
  }
  const runner = databaseOf(payload)
  const folded = foldForSearch(args.query)
  const tsquery = await tsqueryOf(runner, folded, searchDatabaseLimit)
  const lexemes = plainLexemesOf(tsquery)
  if (!lexemes) {
    return undefined
  }
  const result = searchInMemory(index, { ...args, folded, lexemes, tsquery })
  if (Object.values(result.counts).some((count) => count > 0) || !isTolerated(folded)) {
    return result
  }
  // Nothing found: titles like the query, documents with any of its words (search.ts).
  const anyTsquery = await plainTsqueryOf(runner, anyWordsOf(folded), searchDatabaseLimit)
  const anyLexemes = plainLexemesOf(anyTsquery)
  return anyLexemes
    ? searchSimilarInMemory(index, { ...args, anyLexemes, anyTsquery, folded })
    : undefined
}

/** Payload's own query keys (depth, locale …) come with every request; they don't apply here. */
export const ownQuery = (query: Record<string, unknown>): Record<string, unknown> => {
  const {
    depth: _depth,
    draft: _draft,
    'fallback-locale': _fallback,
    locale: _locale,
    ...own
  } = query
  return own
}

export const searchEndpoint = (sources: SearchSource[]): Endpoint =>
  visitorReadEndpoint({
    answer: async ({ language, payload, query, req }) => {
      const parsed = querySchema.safeParse(ownQuery(query), { reportInput: true })
      if (!parsed.success) {
        const errors = describeIssues(parsed.error.issues, labels, language)
        return invalidFieldsAnswer(
          language === 'de'
            ? `Die Suche ist so nicht möglich. ${summaryOf(errors)}`
            : `The search is not possible like this. ${summaryOf(errors)}`,
          errors,
        )
      }
      const { limit, page, q, type } = parsed.data
      const allTypes = sources.map((source) => source.collection as string)
      const types = type
        ? [...new Set(type.split(',').map((value) => value.trim()))].filter(Boolean)
        : allTypes
      const unknown = types.filter((value) => !allTypes.includes(value))
      if (unknown.length || !types.length) {
        const message =
          language === 'de'
            ? `Unbekannte Art: ${unknown.join(', ') || '(leer)'}. Möglich sind: ${allTypes.join(', ')}.`
            : `Unknown type: ${unknown.join(', ') || '(empty)'}. Possible are: ${allTypes.join(', ')}.`
        return invalidFieldsAnswer(message, [{ message, path: 'type' }])
      }
      const args = { allTypes, limit, page, query: q, types }
      const readsDrafts = hasRole(req?.user, 'admin', 'editor')
      const fromMemory = readsDrafts ? undefined : await searchInMemoryFor(payload, args)
      const result =
        fromMemory ??
        (await searchDatabaseLimit(() =>
          withIndexScans(payload, (runner) =>
            runSearch(runner, { ...args, version: readsDrafts ? 'latest' : 'published' }),
          ),
        ))
      const typeLabels = Object.fromEntries(
        sources.map((source) => [
          source.collection,
          { plural: source.label.plural[language], singular: source.label.singular[language] },
        ]),
      )
      return {
        body: {
          counts: result.counts,
          docs: result.docs,
          isSimilar: result.isSimilar,
          limit,
          page,
          query: q,
          totalDocs: result.totalDocs,
          totalPages: Math.ceil(result.totalDocs / limit),
          types: typeLabels,
        },
        // Drafts in editors' answers must not be kept anywhere; visitors' change with every edit.
        headers: {
          'Cache-Control': 'no-store',
          Vary: 'Accept-Language, Authorization, Cookie',
          // Which answered (for operators, and the tests that compare both).
          'X-Search': fromMemory ? 'memory' : 'database',
        },
      }
    },
    // Its database work waits in a queue of its own (databaseLimit.ts).
    custom: OWN_QUEUE,
    path: '/search',
  })
