import type { RatingsPluginOptions, ResolvedRatingsOptions } from './types'

import { resolveTargetCollections } from '@quartiersnetz/plugin-kit/targets'

export const DEFAULT_SCALE = { max: 5, min: 1 }

/** The finder's own query parameters: no dimension or filter may take these names. */
export const FINDER_PARAMETERS = ['facets', 'limit', 'minRaters', 'page', 'sort'] as const

export const resolveOptions = (options: RatingsPluginOptions): ResolvedRatingsOptions => {
  const targets = resolveTargetCollections(options.collections, 'ratingsPlugin')
  if (!options.dimensions?.length) {
    throw new Error('ratingsPlugin: `dimensions` must name at least one dimension.')
  }
  for (const dimension of options.dimensions) {
    if (!/^[a-z][a-zA-Z0-9]*$/.test(dimension.key)) {
      throw new Error(
        `ratingsPlugin: dimension key "${dimension.key}" must be camelCase letters and digits.`,
      )
    }
  }
  const taken = new Set<string>([...FINDER_PARAMETERS, ...options.dimensions.map(({ key }) => key)])
  for (const filter of options.finderFilters ?? []) {
    if (!/^[a-z][a-zA-Z0-9]*$/.test(filter.name) || taken.has(filter.name)) {
      throw new Error(
        `ratingsPlugin: finder filter "${filter.name}" needs a camelCase name that no dimension, other filter or finder parameter uses.`,
      )
    }
    if (!filter.field || !filter.collection) {
      throw new Error(
        `ratingsPlugin: finder filter "${filter.name}" needs \`field\` and \`collection\`.`,
      )
    }
    taken.add(filter.name)
  }
  const scale = options.scale ?? DEFAULT_SCALE
  if (
    !Number.isInteger(scale.min) ||
    !Number.isInteger(scale.max) ||
    scale.max <= scale.min ||
    scale.max - scale.min > 20
  ) {
    throw new Error('ratingsPlugin: `scale` needs whole numbers min < max (at most 21 steps).')
  }
  return {
    canModerate: options.canModerate ?? (({ req: { user } }) => Boolean(user)),
    collections: targets.map(({ slug }) => slug),
    dimensions: options.dimensions,
    disabled: options.disabled ?? false,
    editorialAssessmentField: options.editorialAssessmentField,
    finderFilters: (options.finderFilters ?? []).map((filter) => ({
      ...filter,
      slugField: filter.slugField ?? 'slug',
    })),
    hashSecret: options.hashSecret,
    maxRatingsPerClientPerHour: options.maxRatingsPerClientPerHour ?? 120,
    requirePublished: options.requirePublished ?? true,
    scale,
    scheduleQueue: options.scheduleQueue ?? 'default',
    overrides: options.overrides ?? {},
    slugs: {
      ratings: options.slugs?.ratings ?? 'ratings',
      summaries: options.slugs?.summaries ?? 'rating-summaries',
    },
    targets,
    visitorCookieName: options.visitorCookieName ?? 'rating_visitor',
  }
}
