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
import { type CatalogueData, catalogueFacts, type CatalogueModule, textRanks } from './catalogue'
import { MAX_QUERY_LENGTH, ownQuery } from './searchEndpoint'

const SCALE = { max: 5, min: 1 }
const RELATION_FACETS = [
  { label: { de: 'Handlungsfeld', en: 'Field of action' }, name: 'fieldOfAction' },
  { label: { de: 'Zielgruppe', en: 'Target group' }, name: 'targetGroup' },
] as const

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

type Query = {
  limit: number
  minRaters?: number
  page: number
  q?: string
} & Record<string, unknown>

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

/** A facet as the answer shows it: its values in order, each with its count. */
type FacetValue = { count: number; isSelected: boolean; label: string; value: string }
type FacetAnswer = { label: string; name: string; values: FacetValue[] }

/** A facet's choosable values: the query's word for each (slug or id) and what it stands for. */
type Choosable = { id: string; label: string; value: string }

const splitList = (value: unknown) =>
  typeof value === 'string'
    ? [
        ...new Set(
          value
            .split(',')
            .map((item) => item.trim())
            .filter(Boolean),
        ),
      ]
    : []

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

type KeptCatalogue = CatalogueData & {
  /** A page module's JSON as answers show it (with its facets), made on first use. */
  pageJson: Map<number, string>
  pageModules: Map<number, PageModule>
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
      ...facts,
      pageJson: new Map(),
      pageModules: new Map(docs.map((doc) => [Number(doc.id), doc])),
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
    const { filterValues: relations, modules: allModules } =
      kept ?? (await searchDatabaseLimit(() => catalogueFacts(runner)))
    const modules = ranks
      ? allModules.flatMap((module) =>
          ranks.has(module.id) ? [{ ...module, rank: ranks.get(module.id)! }] : [],
        )
      : allModules

    // Every facet's values, and the ids the query chose (a slug or an id names a relation).
    const choosable = new Map<string, { label: string; values: Choosable[] }>()
    for (const facet of MODULE_FACETS) {
      choosable.set(facet.name, {
        label: facet.label[language],
        values: facet.options.map((option) => ({
          id: option.value,
          label: option.label[language],
          value: option.value,
        })),
      })
    }
    for (const facet of RELATION_FACETS) {
      choosable.set(facet.name, {
        label: facet.label[language],
        values: relations[facet.name].map((value) => ({
          id: String(value.id),
          label: value.title,
          value: value.slug ?? String(value.id),
        })),
      })
    }
    const chosen = new Map<string, Set<string>>()
    const errors: FieldError[] = []
    for (const [name, facet] of choosable) {
      const asked = splitList(query[name])
      if (!asked.length) {
        continue
      }
      const ids = asked.map(
        (word) => facet.values.find((value) => value.value === word || value.id === word)?.id,
      )
      const unknown = asked.filter((_, index) => ids[index] === undefined)
      if (unknown.length) {
        errors.push(
          unknownValueError(
            name,
            facet.label,
            unknown,
            facet.values.map((value) => value.value),
            language,
          ),
        )
        continue
      }
      chosen.set(name, new Set(ids as string[]))
    }
    if (errors.length) {
      return respondInvalid(errors, language)
    }

    const inProfile = (module: CatalogueModule) =>
      module.raterCount >= (query.minRaters ?? 0) &&
      RATING_DIMENSIONS.every((dimension) => {
        const bound = query[dimension.key] as undefined | { max?: number; min?: number }
        const mean = module.means[dimension.key]
        if (bound?.min === undefined && bound?.max === undefined) {
          return true
        }
        return (
          mean !== null &&
          mean !== undefined &&
          (bound.min === undefined || mean >= bound.min) &&
          (bound.max === undefined || mean <= bound.max)
        )
      })
    const base = modules.filter(inProfile)
    // Per module the chosen facets it meets, a bit each: a facet's counts take the modules
    // that meet every other choice (its own left open), the hits those that meet all.
    const chosenFacets = [...chosen]
    const meetsAll = (1 << chosenFacets.length) - 1
    const bitOf = new Map(chosenFacets.map(([name], bit) => [name, 1 << bit]))
    const met = base.map((module) =>
      chosenFacets.reduce(
        (mask, [name, ids], bit) =>
          module.facets[name]!.some((id) => ids.has(id)) ? mask | (1 << bit) : mask,
        0,
      ),
    )

    const facets: FacetAnswer[] = [...choosable].map(([name, facet]) => {
      const counts = new Map<string, number>()
      const openBit = bitOf.get(name) ?? 0
      for (const [index, module] of base.entries()) {
        if ((met[index]! | openBit) === meetsAll) {
          for (const id of module.facets[name]!) {
            counts.set(id, (counts.get(id) ?? 0) + 1)
          }
        }
      }
      return {
        label: facet.label,
        name,
        values: facet.values.map((value) => ({
          count: counts.get(value.id) ?? 0,
          isSelected: chosen.get(name)?.has(value.id) ?? false,
          label: value.label,
          value: value.value,
        })),
      }
    })

    const matching = base.filter((_, index) => met[index] === meetsAll)
    // The facts come in title order; a text query orders by its rank first (a stable sort).
    if (ranks) {
      matching.sort((a, b) => (b.rank ?? 0) - (a.rank ?? 0))
    }
    const start = (query.page - 1) * query.limit
    const pageIds = matching.slice(start, start + query.limit).map((module) => module.id)
    const docs = kept
      ? pageIds.flatMap((id) => kept.pageModules.get(id) ?? [])
      : await searchDatabaseLimit(async () =>
          findPageModules(req ?? (await visitorReqOf(payload, language)), pageIds),
        )
    const byId = new Map(docs.map((doc) => [Number(doc.id), doc]))
    const pageModules = matching.slice(start, start + query.limit)
    const jsonOf = (module: CatalogueModule) => {
      const doc = byId.get(module.id)
      if (!doc) {
        return []
      }
      let json = kept?.pageJson.get(module.id)
      if (json === undefined) {
        json = JSON.stringify({
          ...doc,
          ...Object.fromEntries(
            MODULE_FACETS.map((facet) => [
              facet.field,
              facet.isMany ? module.facets[facet.name] : (module.facets[facet.name]![0] ?? null),
            ]),
          ),
        })
        kept?.pageJson.set(module.id, json)
      }
      return [json]
    }
    const rest = JSON.stringify({
      facets,
      limit: query.limit,
      page: query.page,
      totalDocs: matching.length,
      totalPages: Math.ceil(matching.length / query.limit),
    })
    return {
      // The page's modules as kept JSON: a page is 20 modules with their rating summaries,
      // 45 KB, and serialising them took a tenth of a catalogue request.
      headers: { 'Cache-Control': 'no-store' },
      json: `{"docs":[${pageModules.flatMap(jsonOf).join(',')}],${rest.slice(1)}`,
    }
  },
  // Its database work waits in a queue of its own (databaseLimit.ts).
  custom: OWN_QUEUE,
  path: '/catalogue',
})
