/**
 * GET /api/modules/catalogue — the method catalogue: published modules filtered by the editorial
 * facets (`phase=planning,implementation&format=digital`: any of a facet's values, every facet
 * given), Handlungsfeld and target group (slugs or ids), the visitors' rating profile (as the
 * finder: `participation[min]=4&financialEffort[max]=2&minRaters=3`) and words (`q`). Answers a
 * page of modules and, for every value of every facet, how many modules the choice would leave
 * (the other facets' choices kept), so a site can grey out empty choices.
 */
import type { AcceptedLanguages } from '@payloadcms/translations'
import type { Endpoint, Payload, PayloadRequest } from 'payload'

import { createLocalReq, getLocalI18n } from 'payload'

import { OWN_QUEUE } from '@quartiersnetz/plugin-kit/concurrencyLimit'
import { databaseOf } from '@quartiersnetz/plugin-kit/drizzleTable'
import {
  describeIssues,
  type FieldError,
  type FieldLabels,
  invalidFieldsAnswer,
  type Language,
  summaryOf,
} from '@quartiersnetz/plugin-kit/publicInput'
import { z } from 'zod'

import type { Module } from '../../payload-types'

import { type PlainAnswer, visitorReadEndpoint } from '../api/visitorRead'
import { MODULE_FACETS } from '../domain/moduleFacets'
import { RATING_DIMENSIONS } from '../domain/ratingDimensions'
import { catchUpOf, freshValue } from '../server/httpCache/freshValue'
import { searchDatabaseLimit } from './databaseLimit'
import { foldForSearch } from './fold'
import { catalogueFacts, textRanks } from './catalogue'
import {
  type CatalogueQuery,
  chosenValues,
  countCatalogue,
  type PreparedCatalogue,
  prepareCatalogue,
  type PreparedModule,
  RELATION_FACETS,
} from './catalogueCounts'
import { MAX_QUERY_LENGTH, ownQuery } from './searchEndpoint'

const SCALE = { max: 5, min: 1 }

const list = z.string().max(2000).optional()
const number = z.coerce.number().finite()
const bounds = z
  .object({
    max: number.min(SCALE.min).max(SCALE.max).optional(),
    min: number.min(SCALE.min).max(SCALE.max).optional(),
  })
  .strict()

const querySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    minRaters: z.coerce.number().int().min(0).max(1_000_000).optional(),
    page: z.coerce.number().int().min(1).max(1000).default(1),
    q: z.string().trim().min(1).max(MAX_QUERY_LENGTH).optional(),
    ...Object.fromEntries(MODULE_FACETS.map((facet) => [facet.name, list])),
    ...Object.fromEntries(RELATION_FACETS.map((facet) => [facet.name, list])),
    ...Object.fromEntries(RATING_DIMENSIONS.map((dimension) => [dimension.key, bounds.optional()])),
  })
  .strict()

type Query = CatalogueQuery & { q?: string }

const labelsOf = (): FieldLabels => ({
  limit: { de: 'Anzahl pro Seite (limit)', en: 'Results per page (limit)' },
  minRaters: { de: 'Mindestzahl der Bewertenden', en: 'Minimum number of raters' },
  page: { de: 'Seite (page)', en: 'Page (page)' },
  q: { de: 'Suchbegriff (q)', en: 'Search term (q)' },
  ...Object.fromEntries(MODULE_FACETS.map((facet) => [facet.name, facet.label])),
  ...Object.fromEntries(RELATION_FACETS.map((facet) => [facet.name, facet.label])),
  ...Object.fromEntries(
    RATING_DIMENSIONS.flatMap((dimension) => [
      [dimension.key, dimension.label],
      [
        `${dimension.key}.min`,
        { de: `${dimension.label.de} (mindestens)`, en: `${dimension.label.en} (at least)` },
      ],
      [
        `${dimension.key}.max`,
        { de: `${dimension.label.de} (höchstens)`, en: `${dimension.label.en} (at most)` },
      ],
    ]),
  ),
})

const unknownValueError = (
  name: string,
  label: string,
  unknown: string[],
  allowed: string[],
  language: Language,
): FieldError => ({
  message:
    language === 'de'
      ? `„${label}“: unbekannter Wert ${unknown.map((value) => `„${value.slice(0, 60)}“`).join(', ')}. Möglich sind: ${allowed.join(', ')}.`
      : `"${label}": unknown value ${unknown.map((value) => `"${value.slice(0, 60)}"`).join(', ')}. Possible are: ${allowed.join(', ')}.`,
  path: name,
})

/** A module as the answer's page shows it: what Payload's read answers for these fields. */
type PageModule = Pick<Module, 'id' | 'ratingSummary' | 'slug' | 'summary' | 'title'>

/** The module fields a page shows (their facet values come from the catalogue's facts). */
const PAGE_SELECT = { ratingSummary: true, slug: true, summary: true, title: true } as const

type KeptCatalogue = {
  /** A page module's JSON as answers show it (with its facets), encoded on first use. */
  pageJson: Map<number, Buffer>
  pageModules: Map<number, PageModule>
  prepared: PreparedCatalogue
}

/** Modules as a page shows them, as a visitor may read them (req: the language, the user). */
const findPageModules = async (req: PayloadRequest, ids: number[]): Promise<PageModule[]> =>
  ids.length
    ? ((
        await req.payload.find({
          collection: 'modules',
          depth: 0,
          limit: ids.length,
          overrideAccess: false,
          pagination: false,
          req,
          select: PAGE_SELECT as never,
          where: { id: { in: ids } },
        })
      ).docs as PageModule[])
    : []

/** A request of a visitor (nobody signed in) in `language`, for the Local API. */
const visitorReqOf = async (payload: Payload, language: string) =>
  createLocalReq(
    {
      req: {
        i18n: await getLocalI18n({
          config: payload.config,
          language: language as AcceptedLanguages,
        }),
      },
    },
    payload,
  )

/**
 * The facts every answer filters and the page modules, per language (a module's rating
 * summary speaks it), kept in memory while no module, Handlungsfeld, target group or rating of
 * a module changes (freshValue.ts: a change committed before a request is always seen); read
 * per request when the server can't know (no change notifications).
 */
const keptCatalogue = freshValue<KeptCatalogue>({
  load: async (payload, language) => {
    const facts = await catalogueFacts(databaseOf(payload))
    const docs = await findPageModules(
      await visitorReqOf(payload, language),
      facts.modules.map((module) => module.id),
    )
    return {
      pageJson: new Map(),
      pageModules: new Map(docs.map((doc) => [Number(doc.id), doc])),
      prepared: prepareCatalogue(facts, language as Language),
    }
  },
  madeOf: { collections: ['modules', 'fields-of-action', 'target-groups'] },
  name: 'Method catalogue',
})

/** Queries whose text ranks are kept; the least recently asked go first. */
const MAX_KEPT_RANKS = 256

/**
 * The text ranks of the queries asked since the search index last changed: a statement on the
 * index per new query, not per request. A write to `search_documents` (a module published,
 * edited, unpublished; it is written in the module's own transaction) drops them all.
 */
const keptTextRanks = freshValue<Map<string, Map<number, number>>>({
  load: () => Promise.resolve(new Map()),
  madeOf: { tables: ['search_documents'] },
  name: 'Method catalogue, text ranks',
})

const textRanksOf = async (
  payload: Payload,
  q: string,
  caughtUp: Promise<boolean> | undefined,
): Promise<Map<number, number>> => {
  // Taken before the statement: ranks read after a change go into the map it makes stale.
  const kept = await keptTextRanks.of(payload).get({ caughtUp })
  // The ranks depend on the folded words only: "Bürger" and "buerger" are kept once.
  const key = foldForSearch(q)
  const known = kept?.get(key)
  if (kept && known) {
    kept.delete(key)
    kept.set(key, known)
    return known
  }
  const ranks = await searchDatabaseLimit(() => textRanks(databaseOf(payload), q))
  if (kept) {
    if (kept.size >= MAX_KEPT_RANKS) {
      kept.delete(kept.keys().next().value!)
    }
    kept.set(key, ranks)
  }
  return ranks
}

const DOCS_OPENING = Buffer.from('{"docs":[')
const COMMA = Buffer.from(',')

const respondInvalid = (errors: FieldError[], language: Language): PlainAnswer =>
  invalidFieldsAnswer(
    language === 'de'
      ? `Der Methodenkatalog kann so nicht gefiltert werden. ${summaryOf(errors)}`
      : `The method catalogue cannot be filtered like this. ${summaryOf(errors)}`,
    errors,
  )

export const catalogueEndpoint: Endpoint = visitorReadEndpoint({
  answer: async ({ language, payload, query: given, req }) => {
    const parsed = querySchema.safeParse(ownQuery(given), { reportInput: true })
    if (!parsed.success) {
      return respondInvalid(describeIssues(parsed.error.issues, labelsOf(), language), language)
    }
    const query = parsed.data as Query
    const runner = databaseOf(payload)
    // One round trip catches up with the change notifications for both kept values.
    const caughtUp = catchUpOf(payload)
    const [kept, ranks] = await Promise.all([
      keptCatalogue.of(payload, language).get({ caughtUp }),
      query.q === undefined ? undefined : textRanksOf(payload, query.q, caughtUp),
    ])
    const catalogue =
      kept?.prepared ??
      prepareCatalogue(await searchDatabaseLimit(() => catalogueFacts(runner)), language)

    const { chosen, unknown } = chosenValues(catalogue, query)
    if (unknown.length) {
      return respondInvalid(
        unknown.map(({ facet, words }) =>
          unknownValueError(
            facet.name,
            facet.label,
            words,
            facet.values.map((value) => value.value),
            language,
          ),
        ),
        language,
      )
    }
    const { facetsJson, matching } = countCatalogue({ catalogue, chosen, query, ranks })
    const start = (query.page - 1) * query.limit
    const pageModules = matching.slice(start, start + query.limit)
    const docs = kept
      ? undefined
      : await searchDatabaseLimit(async () =>
          findPageModules(
            req ?? (await visitorReqOf(payload, language)),
            pageModules.map((module) => module.id),
          ),
        )
    const byId = kept?.pageModules ?? new Map(docs!.map((doc) => [Number(doc.id), doc]))
    const jsonOf = (module: PreparedModule): Buffer[] => {
      const doc = byId.get(module.id)
      if (!doc) {
        return []
      }
      let json = kept?.pageJson.get(module.id)
      if (json === undefined) {
        json = Buffer.from(
          JSON.stringify({
            ...doc,
            ...Object.fromEntries(
              MODULE_FACETS.map((facet) => [
                facet.field,
                facet.isMany ? module.facets[facet.name] : (module.facets[facet.name]![0] ?? null),
              ]),
            ),
          }),
        )
        kept?.pageJson.set(module.id, json)
      }
      return [json]
    }
    const pageJson = pageModules.flatMap(jsonOf)
    return {
      // The page's modules as kept JSON, encoded: a page is 20 modules with their rating
      // summaries, 45 KB, and serialising and encoding them took a tenth of a request.
      headers: { 'Cache-Control': 'no-store' },
      json: Buffer.concat([
        DOCS_OPENING,
        ...pageJson.flatMap((json, index) => (index ? [COMMA, json] : [json])),
        Buffer.from(
          `],"facets":${facetsJson},"limit":${query.limit},"page":${query.page},"totalDocs":${matching.length},"totalPages":${Math.ceil(matching.length / query.limit)}}`,
        ),
      ]),
    }
  },
  // Its database work waits in a queue of its own (databaseLimit.ts).
  custom: OWN_QUEUE,
  path: '/catalogue',
})
