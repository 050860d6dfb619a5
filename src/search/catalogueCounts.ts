/**
 * The method catalogue's filtering and counting (catalogueEndpoint.ts), on the catalogue
 * prepared once per language while it is kept: every facet's values numbered, each module's
 * values as those numbers, each value's part of the answer's JSON written. A request then
 * counts with arrays of numbers instead of string sets and maps, and makes no object per
 * facet value: the counting and the facets' JSON were a fifth of a catalogue request's time
 * under load (bench/optimisations.md).
 */
import type { Language } from '@quartiersnetz/plugin-kit/publicInput'

import type { CatalogueData, CatalogueModule } from './catalogue'

import { MODULE_FACETS } from '../domain/moduleFacets'
import { RATING_DIMENSIONS } from '../domain/ratingDimensions'

export const RELATION_FACETS = [
  { label: { de: 'Handlungsfeld', en: 'Field of action' }, name: 'fieldOfAction' },
  { label: { de: 'Zielgruppe', en: 'Target group' }, name: 'targetGroup' },
] as const

/** A facet's choosable value: the query's word for it (slug or id) and what it stands for. */
export type Choosable = { id: string; label: string; value: string }

export type PreparedFacet = {
  /** The answer's JSON of the facet up to its values: `{"label":…,"name":…,"values":[`. */
  head: string
  label: string
  name: string
  /** The answer's JSON of each value after its count and choice: `,"label":…,"value":…}`. */
  tails: string[]
  values: Choosable[]
  /** A query's word (a value, a slug or an id) → the value's number, as the first match. */
  wordIndex: Map<string, number>
}

export type PreparedModule = CatalogueModule & {
  /** Per facet (in `PreparedCatalogue.facets`' order), the numbers of the module's values. */
  valueNumbers: number[][]
}

export type PreparedCatalogue = {
  facets: PreparedFacet[]
  /** In title order (the facts' order). */
  modules: PreparedModule[]
}

/** The catalogue's facts prepared for answers in `language`. */
export const prepareCatalogue = (
  { filterValues, modules }: CatalogueData,
  language: Language,
): PreparedCatalogue => {
  const facets = [
    ...MODULE_FACETS.map((facet) => ({
      label: facet.label[language],
      name: facet.name as string,
      values: facet.options.map((option) => ({
        id: option.value as string,
        label: option.label[language],
        value: option.value as string,
      })),
    })),
    ...RELATION_FACETS.map((facet) => ({
      label: facet.label[language],
      name: facet.name as string,
      values: filterValues[facet.name].map((value) => ({
        id: String(value.id),
        label: value.title,
        value: value.slug ?? String(value.id),
      })),
    })),
  ].map(({ label, name, values }): PreparedFacet => {
    const wordIndex = new Map<string, number>()
    values.forEach((value, index) => {
      for (const word of [value.value, value.id]) {
        if (!wordIndex.has(word)) {
          wordIndex.set(word, index)
        }
      }
    })
    return {
      head: `${JSON.stringify({ label, name }).slice(0, -1)},"values":[`,
      label,
      name,
      tails: values.map(
        (value) => `,${JSON.stringify({ label: value.label, value: value.value }).slice(1)}`,
      ),
      values,
      wordIndex,
    }
  })
  const numbersById = facets.map(
    (facet) => new Map(facet.values.map((value, index) => [value.id, index])),
  )
  return {
    facets,
    modules: modules.map((module) => ({
      ...module,
      // A value no longer choosable (an unpublished Handlungsfeld) counts nowhere; a module
      // counts once per value.
      valueNumbers: facets.map(({ name }, facet) => [
        ...new Set((module.facets[name] ?? []).flatMap((id) => numbersById[facet]!.get(id) ?? [])),
      ]),
    })),
  }
}

type Bounds = { max?: number; min?: number }

export type CatalogueQuery = {
  limit: number
  minRaters?: number
  page: number
} & Record<string, unknown>

/** A facet's query value as its words (`planning,analysis`), each once. */
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

/** The values a query chose, per facet (by number), or the words no facet value knows. */
export const chosenValues = (
  catalogue: PreparedCatalogue,
  query: CatalogueQuery,
): {
  chosen: (Set<number> | undefined)[]
  unknown: { facet: PreparedFacet; words: string[] }[]
} => {
  const unknown: { facet: PreparedFacet; words: string[] }[] = []
  const chosen = catalogue.facets.map((facet) => {
    const asked = splitList(query[facet.name])
    if (!asked.length) {
      return undefined
    }
    const words = asked.filter((word) => !facet.wordIndex.has(word))
    if (words.length) {
      unknown.push({ facet, words })
      return undefined
    }
    return new Set(asked.map((word) => facet.wordIndex.get(word)!))
  })
  return { chosen, unknown }
}

/** What a request answers before its page's modules: the matches in order, the facets' JSON. */
export const countCatalogue = ({
  catalogue,
  chosen,
  query,
  ranks,
}: {
  catalogue: PreparedCatalogue
  chosen: (Set<number> | undefined)[]
  query: CatalogueQuery
  /** The text ranks of the modules a text query matched; undefined without one. */
  ranks?: Map<number, number>
}): { facetsJson: string; matching: PreparedModule[] } => {
  const minRaters = query.minRaters ?? 0
  const bounds = RATING_DIMENSIONS.flatMap((dimension) => {
    const bound = query[dimension.key] as Bounds | undefined
    return bound?.min === undefined && bound?.max === undefined
      ? []
      : [{ key: dimension.key, max: bound.max, min: bound.min }]
  })
  const inProfile = (module: PreparedModule) => {
    if (module.raterCount < minRaters) {
      return false
    }
    for (const { key, max, min } of bounds) {
      const mean = module.means[key]
      if (
        mean === null ||
        mean === undefined ||
        (min !== undefined && mean < min) ||
        (max !== undefined && mean > max)
      ) {
        return false
      }
    }
    return true
  }
  // A bit per facet with a choice: a facet's counts take the modules that meet every other
  // choice (its own left open), the matches those that meet all.
  const bits = chosen.map((values, facet) =>
    values ? 1 << chosen.slice(0, facet).filter(Boolean).length : 0,
  )
  const meetsAll = bits.reduce((all, bit) => all | bit, 0)
  const counts = catalogue.facets.map((facet) => new Uint32Array(facet.values.length))
  const matching: PreparedModule[] = []
  for (const module of catalogue.modules) {
    if ((ranks && !ranks.has(module.id)) || !inProfile(module)) {
      continue
    }
    let met = 0
    for (let facet = 0; facet < chosen.length; facet++) {
      const values = chosen[facet]
      if (values && module.valueNumbers[facet]!.some((value) => values.has(value))) {
        met |= bits[facet]!
      }
    }
    if (met === meetsAll) {
      matching.push(module)
    }
    for (let facet = 0; facet < counts.length; facet++) {
      if ((met | bits[facet]!) === meetsAll) {
        const facetCounts = counts[facet]!
        for (const value of module.valueNumbers[facet]!) {
          facetCounts[value]!++
        }
      }
    }
  }
  // The facts come in title order; a text query orders by its rank first (a stable sort).
  if (ranks) {
    matching.sort((a, b) => ranks.get(b.id)! - ranks.get(a.id)!)
  }
  const facetsJson = catalogue.facets
    .map((facet, index) => {
      const facetCounts = counts[index]!
      const values = chosen[index]
      return `${facet.head}${facet.tails
        .map(
          (tail, value) =>
            `{"count":${facetCounts[value]},"isSelected":${values?.has(value) ?? false}${tail}`,
        )
        .join(',')}]}`
    })
    .join(',')
  return { facetsJson: `[${facetsJson}]`, matching }
}
