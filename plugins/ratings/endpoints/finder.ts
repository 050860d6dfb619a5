import type { CollectionSlug, Endpoint, PayloadRequest, SelectIncludeType, Where } from 'payload'

import { z } from 'zod'

import type { RatingsTranslationKey } from '../translations'
import type { LocalizedText, ResolvedFinderFilter, ResolvedRatingsOptions } from '../types'

import { collectionOf } from '@quartiersnetz/plugin-kit/data'
import {
  describeIssues,
  type FieldLabels,
  invalidFields,
  type Language,
  languageOf,
  summaryOf,
} from '@quartiersnetz/plugin-kit/publicInput'
import {
  type FilterDocument,
  findFilterDocuments,
  pickReferenced,
  relatedIds,
  selectOf,
} from '../lib/finderFilters'
import { fail, translatorOf } from '@quartiersnetz/plugin-kit/respond'
import { titleFieldOf } from '@quartiersnetz/plugin-kit/targets'
import { summariesOf } from '../lib/records'
import { presentSummary, type StoredSummary } from '../lib/summary'

/** The most ids the finder names in one filter; beyond, it reads all and keeps the rated. */
const MAX_LISTED_IDS = 1_000

const number = z.coerce.number().finite()
/** A slug or an id. */
const reference = z.string().regex(/^[A-Za-z0-9_-]{1,120}$/)

const textIn = (text: LocalizedText, language: Language) =>
  typeof text === 'string' ? text : (text[language] ?? text.de ?? Object.values(text)[0] ?? '')
const both = (text: LocalizedText) => ({ de: textIn(text, 'de'), en: textIn(text, 'en') })

/** A document of the rated collection, as the finder reads it (its fields are the host's). */
type RatedDocument = Record<string, unknown> & { id: number | string }

/** A rated document that may take part: readable for the caller, with its filter values. */
type Candidate = { id: string; related: Record<string, Set<string>> }

/** The finder's parameters in words, for messages about them. */
const labelsOf = (options: ResolvedRatingsOptions, req: PayloadRequest): FieldLabels => {
  const labels: FieldLabels = {
    facets: { de: 'Facetten', en: 'Facets' },
    limit: { de: 'Anzahl pro Seite', en: 'Results per page' },
    minRaters: { de: 'Mindestzahl der Bewertenden', en: 'Minimum number of raters' },
    page: { de: 'Seite', en: 'Page' },
    sort: { de: 'Sortierung', en: 'Sort order' },
  }
  for (const dimension of options.dimensions) {
    const label = both(dimension.label)
    labels[dimension.key] = label
    labels[`${dimension.key}.min`] = {
      de: `${label.de} (mindestens)`,
      en: `${label.en} (at least)`,
    }
    labels[`${dimension.key}.max`] = { de: `${label.de} (höchstens)`, en: `${label.en} (at most)` }
  }
  for (const filter of options.finderFilters) {
    const singular = req.payload.collections[filter.collection]?.config.labels?.singular
    const fallback =
      typeof singular === 'string' || (singular && typeof singular === 'object')
        ? (singular as LocalizedText)
        : filter.name
    labels[filter.name] = both(filter.label ?? fallback)
  }
  return labels
}

/**
 * GET /api/<collection>/ratings-finder — documents by their aggregated profile, e.g.
 * `?financialEffort[max]=2&participation[min]=4&minRaters=5&sort=-participation`:
 * "Welche Methode passt zu uns?". Bounds apply to the mean of a dimension. With the
 * `finderFilters` option also by relationship (`?fieldOfAction=<slug-or-id>`), and
 * `?facets=true` counts the matches per filter value, so a finder loads with one request.
 * Without bounds and minRaters, documents nobody rated take part too (after the rated ones).
 */
export const finderEndpoint = (
  options: ResolvedRatingsOptions,
  collection: CollectionSlug,
): Endpoint => {
  const keys = options.dimensions.map(({ key }) => key)
  const bounds = z
    .object({
      max: number.min(options.scale.min).max(options.scale.max).optional(),
      min: number.min(options.scale.min).max(options.scale.max).optional(),
    })
    .strict()
  const sortValues = ['raterCount', ...keys].flatMap((key) => [key, `-${key}`])
  const querySchema = z
    .object({
      facets: z.enum(['true', 'false']).optional(),
      limit: z.coerce.number().int().min(1).max(100).default(20),
      minRaters: z.coerce.number().int().min(0).optional(),
      page: z.coerce.number().int().min(1).default(1),
      sort: z.enum(sortValues as [string, ...string[]]).default('-raterCount'),
      ...Object.fromEntries(keys.map((key) => [key, bounds.optional()])),
      ...Object.fromEntries(options.finderFilters.map(({ name }) => [name, reference.optional()])),
    })
    .strict()

  return {
    handler: async (req: PayloadRequest) => {
      const translate = translatorOf<RatingsTranslationKey>(req)
      const language = languageOf(req)
      // Payload adds its own query keys (depth, locale …) to every request; they don't apply here.
      const {
        depth: _depth,
        draft: _draft,
        'fallback-locale': _fallback,
        locale: _locale,
        ...own
      } = (req.query ?? {}) as Record<string, unknown>
      // With the input in each issue, describeIssues tells a wrong value from a missing one.
      const parsed = querySchema.safeParse(own, { reportInput: true })
      if (!parsed.success) {
        const labels = labelsOf(options, req)
        const errors = describeIssues(parsed.error.issues, labels, language).map((error) => {
          // `participation=4` instead of `participation[min]=4`: say how bounds are written.
          const issue = parsed.error.issues.find(
            (candidate) => candidate.path.join('.') === error.path,
          )
          return keys.includes(error.path) && issue?.code === 'invalid_type'
            ? {
                ...error,
                message: translate('plugin-ratings:finderBoundsExpected', {
                  key: error.path,
                  label: labels[error.path]![language],
                  max: options.scale.max,
                  min: options.scale.min,
                }),
              }
            : error
        })
        return invalidFields(
          translate('plugin-ratings:finderInvalid', { details: summaryOf(errors) }),
          errors,
        )
      }
      const query = parsed.data as Record<string, unknown> & {
        facets?: 'false' | 'true'
        limit: number
        minRaters?: number
        page: number
        sort: string
      }
      const isProfile =
        query.minRaters !== undefined || keys.some((key) => query[key] !== undefined)
      const wantsFacets = query.facets === 'true'

      // The filter values: every published one for the facets, else only those asked for.
      const values = new Map<string, FilterDocument[]>()
      const chosen = new Map<string, string>()
      for (const filter of options.finderFilters) {
        const asked = query[filter.name] as string | undefined
        if (!wantsFacets && asked === undefined) {
          continue
        }
        const documents = await findFilterDocuments({
          filter,
          reference: wantsFacets ? undefined : asked,
          req,
        })
        values.set(filter.name, documents)
        if (asked !== undefined) {
          const picked = pickReferenced(documents, asked)
          if (!picked) {
            return fail(
              404,
              translate('plugin-ratings:finderFilterNotFound', {
                label: labelsOf(options, req)[filter.name]![language],
                value: asked,
              }),
            )
          }
          chosen.set(filter.name, String(picked.id))
        }
      }

      // Summaries in the asked order; with a profile only those within its bounds.
      const and: Where[] = [
        { targetCollection: { equals: collection } },
        { raterCount: { greater_than_equal: Math.max(query.minRaters ?? 0, 1) } },
      ]
      for (const key of keys) {
        const bound = query[key] as undefined | { max?: number; min?: number }
        if (bound?.min !== undefined) {
          and.push({ [`${key}.mean`]: { greater_than_equal: bound.min } })
        }
        if (bound?.max !== undefined) {
          and.push({ [`${key}.mean`]: { less_than_equal: bound.max } })
        }
      }
      const descending = query.sort.startsWith('-')
      const sortKey = query.sort.replace(/^-/, '')
      const { docs: summaries } = await summariesOf(options, req).find({
        limit: 0,
        overrideAccess: true,
        pagination: false,
        sort: [
          `${descending ? '-' : ''}${sortKey === 'raterCount' ? 'raterCount' : `${sortKey}.mean`}`,
          'id',
        ],
        where: { and },
      })
      // Rated, but not on the dimension sorted by: after those that are, in either direction.
      const meanOf = (summary: StoredSummary) =>
        (summary[sortKey] as undefined | { mean?: null | number })?.mean
      const sorted =
        sortKey === 'raterCount'
          ? summaries
          : [
              ...summaries.filter((summary) => typeof meanOf(summary) === 'number'),
              ...summaries.filter((summary) => typeof meanOf(summary) !== 'number'),
            ]

      // Only documents the caller may read (visitors: published ones) take part.
      const titleField = titleFieldOf(req.payload, options.targets, collection) ?? 'id'
      const candidates: Candidate[] = []
      // As the caller: the collection's read access decides.
      const rated = collectionOf<RatedDocument>(req, collection)
      if (!isProfile || sorted.length) {
        const { docs } = await rated.find({
          limit: 0,
          overrideAccess: false,
          pagination: false,
          select: options.finderFilters.reduce<SelectIncludeType>(
            (select, filter) => ({ ...select, ...selectOf(filter.field) }),
            { [titleField]: true },
          ),
          sort: titleField,
          // Only the profile's documents (the others are left out below in any case); past a
          // thousand ids all are read: a host may cap the lists of a filter (Quartiersnetz:
          // 10,000 values), and PostgreSQL takes at most 65,535 parameters.
          where:
            isProfile && sorted.length <= MAX_LISTED_IDS
              ? { id: { in: sorted.map((summary) => summary.targetId) } }
              : undefined,
        })
        for (const doc of docs) {
          candidates.push({
            id: String(doc.id),
            related: Object.fromEntries(
              options.finderFilters.map((filter) => [
                filter.name,
                new Set(relatedIds(doc, filter)),
              ]),
            ),
          })
        }
      }
      const byId = new Map(candidates.map((candidate) => [candidate.id, candidate]))
      const ratedCandidates = sorted
        .filter((summary) => byId.has(summary.targetId))
        .map((summary) => byId.get(summary.targetId)!)
      const ratedIds = new Set(ratedCandidates.map(({ id }) => id))
      const ordered = isProfile
        ? ratedCandidates
        : [...ratedCandidates, ...candidates.filter(({ id }) => !ratedIds.has(id))]

      const matchesFilters = (candidate: Candidate, except?: ResolvedFinderFilter) =>
        options.finderFilters.every(
          (filter) =>
            filter === except ||
            !chosen.has(filter.name) ||
            candidate.related[filter.name]!.has(chosen.get(filter.name)!),
        )
      const matching = ordered.filter((candidate) => matchesFilters(candidate))

      // Per value: how many documents would match with it chosen instead (the other filters stay).
      const facets = wantsFacets
        ? Object.fromEntries(
            options.finderFilters.map((filter) => {
              const counts = new Map<string, number>()
              for (const candidate of ordered) {
                if (matchesFilters(candidate, filter)) {
                  for (const id of candidate.related[filter.name]!) {
                    counts.set(id, (counts.get(id) ?? 0) + 1)
                  }
                }
              }
              return [
                filter.name,
                (values.get(filter.name) ?? []).map((value) => ({
                  ...value,
                  count: counts.get(String(value.id)) ?? 0,
                })),
              ]
            }),
          )
        : undefined

      const start = (query.page - 1) * query.limit
      const pageIds = matching.slice(start, start + query.limit).map(({ id }) => id)
      const { docs: pageDocs } = pageIds.length
        ? await rated.find({
            limit: 0,
            overrideAccess: false,
            pagination: false,
            where: { id: { in: pageIds } },
          })
        : { docs: [] }
      const loaded = new Map(pageDocs.map((doc) => [String(doc.id), doc]))
      const storedById = new Map(summaries.map((summary) => [summary.targetId, summary]))
      const docs = pageIds
        .filter((id) => loaded.has(id))
        .map((id) => {
          const doc = loaded.get(id)!
          return {
            ...doc,
            ratingSummary: presentSummary({
              isLocked: Boolean(doc.ratingsLocked),
              language: req.i18n?.language ?? 'de',
              options,
              stored: storedById.get(id) ?? null,
              t: translate,
            }),
          }
        })
      return Response.json(
        {
          docs,
          ...(facets ? { facets } : {}),
          limit: query.limit,
          page: query.page,
          totalDocs: matching.length,
          totalPages: Math.ceil(matching.length / query.limit),
        },
        { headers: { 'Cache-Control': 'no-store' } },
      )
    },
    method: 'get',
    path: '/ratings-finder',
  }
}
