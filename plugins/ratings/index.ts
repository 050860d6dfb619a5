import type { CollectionConfig, CollectionSlug, Config, Plugin } from 'payload'

import type { RatingsPluginOptions, ResolvedRatingsOptions } from './types'

import {
  applyOverride,
  assertCollections,
  assertFields,
  extendCollection,
  withTranslations,
} from '@quartiersnetz/plugin-kit/pluginConfig'
import { withPersonalDataSources } from '@quartiersnetz/plugin-kit/privacy'
import { titleFieldOptions } from '@quartiersnetz/plugin-kit/targets'
import { ratingSummariesCollection } from './collections/ratingSummaries'
import { ratingsCollection } from './collections/ratings'
import { resolveOptions } from './defaults'
import { finderEndpoint } from './endpoints/finder'
import { rateEndpoint } from './endpoints/rate'
import { ratingFields } from './fields/ratingFields'
import { attachSummaries } from './hooks/attachSummaries'
import { deleteRatingsOfTarget } from './hooks/deleteRatingsOfTarget'
import { selectLockedState } from './hooks/selectLockedState'
import { ratingsPersonalData } from './lib/personalData'
import { eraseClientHashesTask } from './tasks/eraseClientHashes'
import { translations } from './translations'

export type { RatingDimension, RatingsPluginOptions, RatingSummary } from './types'
export { recountRatings } from './lib/recount'
export { bipolarScaleComponent } from './fields/bipolarScale'
export { ERASE_RATING_CLIENT_HASHES_TASK } from './tasks/eraseClientHashes'

/** Where the resolved options are kept in the config, for the recount command. */
export const RATINGS_CONFIG_KEY = 'plugin-ratings'

export const ratingsOptionsOf = (
  config: Pick<Config, 'custom'>,
): ResolvedRatingsOptions | undefined =>
  (config.custom?.[RATINGS_CONFIG_KEY] as ResolvedRatingsOptions | undefined) ?? undefined

/**
 * Visitors rate documents of the given collections on bipolar dimensions (one rating per
 * visitor and document, no personal data), with aggregates kept exact in the same transaction
 * and a finder by aggregated profile. Needs @payloadcms/db-postgres.
 */
export const ratingsPlugin =
  (pluginOptions: RatingsPluginOptions): Plugin =>
  (config) => {
    const options = resolveOptions(pluginOptions)
    const targets = new Set<string>(options.collections)
    assertCollections(
      config,
      [...targets, ...options.finderFilters.map((filter) => filter.collection)],
      'ratingsPlugin',
    )
    for (const { option, path, slug } of titleFieldOptions(options.targets)) {
      assertFields(config, slug, [{ option, path }], 'ratingsPlugin')
    }
    if (options.editorialAssessmentField) {
      for (const target of targets) {
        assertFields(
          config,
          target,
          [
            {
              option: 'editorialAssessmentField',
              path: options.editorialAssessmentField,
              types: ['group'],
            },
          ],
          'ratingsPlugin',
        )
      }
    }
    const extendTarget = (collection: CollectionConfig) =>
      extendCollection(collection, {
        endpoints: [
          rateEndpoint(options, collection.slug as CollectionSlug),
          finderEndpoint(options, collection.slug as CollectionSlug),
        ],
        fields: ratingFields(options),
        hooks: {
          // A deleted document takes its ratings and summary with it (same transaction).
          afterDelete: [deleteRatingsOfTarget(options)],
          afterOperation: [attachSummaries(options)],
          beforeOperation: [selectLockedState(options)],
        },
      })
    return {
      ...config,
      collections: [
        ...(config.collections ?? []).map((collection) =>
          targets.has(collection.slug) ? extendTarget(collection) : collection,
        ),
        applyOverride(ratingsCollection(options), options.overrides.ratings),
        applyOverride(ratingSummariesCollection(options), options.overrides.summaries),
      ],
      custom: {
        ...withPersonalDataSources(config, [ratingsPersonalData(options.slugs.ratings)]),
        [RATINGS_CONFIG_KEY]: options,
      },
      i18n: withTranslations(config, translations),
      jobs: {
        ...config.jobs,
        tasks: [...(config.jobs?.tasks ?? []), eraseClientHashesTask(options)],
      },
    }
  }
