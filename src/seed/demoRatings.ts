/**
 * Demo: visitors' ratings of the participation modules, so that the ratings panel, the
 * `ratingSummary` of a module and the module finder answer with something. They are not facts of
 * the seed texts (seed 003 says "von 0 Nutzern bewertet").
 *
 * Written the way the ratings plugin's endpoint writes (plugins/ratings/endpoints/rate.ts): under
 * the module's lock, one rating per visitor, and the summary changed by the same function in the
 * same transaction, so the summaries stay equal to a recount (`npm run ratings:recount`). A demo
 * rating is marked by its visitor: instead of the keyed hash of a browser's token it carries
 * `demo:<module>:<n>`, which no visitor can produce and which finds them all again
 * (`visitorHash like 'demo:'`). A second run finds each rating as it was and writes nothing.
 */
import type { CollectionSlug } from 'payload'

import type { RatingDimensionKey } from '../domain/ratingDimensions'
import type { SeedContext } from './context'
import type { ModuleIds } from './modules'

import { ratingsOptionsOf } from '@quartiersnetz/plugin-ratings'
import { lockTarget } from '@quartiersnetz/plugin-ratings/lib/lockTarget'
import {
  applyRatingChange,
  emptyDimension,
  type RatingValues,
  type StoredSummary,
} from '@quartiersnetz/plugin-ratings/lib/summary'
import { loadSummary, saveSummary } from '@quartiersnetz/plugin-ratings/lib/summaryStore'
import { isUnchanged } from './isUnchanged'

type DemoValues = Partial<Record<RatingDimensionKey, number>>

const MODULES = 'modules'

/** The marker that stands in for a visitor's hashed token. */
export const DEMO_RATER_PREFIX = 'demo:'

/**
 * Per module, one entry per demo visitor. The Stadtteilkonferenz leans to the high pole on every
 * dimension, as its page shows; one visitor rated only two dimensions, as the API allows. The
 * Zukunftswerkstatt is cheap and highly participatory, so the finder example in docs/api.md ("low
 * cost, high participation, at least 5 raters") finds it; the Charrette-Verfahren is an
 * intensive planning procedure with professional support.
 */
const DEMO_RATINGS: { module: keyof ModuleIds; slug: string; values: DemoValues[] }[] = [
  {
    module: 'stadtteilkonferenz',
    slug: 'stadtteilkonferenz',
    values: [
      {
        complexity: 4,
        financialEffort: 4,
        participation: 5,
        processPhase: 5,
        staffEffort: 5,
        timeEffort: 4,
      },
      {
        complexity: 4,
        financialEffort: 4,
        participation: 5,
        processPhase: 4,
        staffEffort: 4,
        timeEffort: 5,
      },
      {
        complexity: 5,
        financialEffort: 3,
        participation: 5,
        processPhase: 4,
        staffEffort: 4,
        timeEffort: 4,
      },
      {
        complexity: 4,
        financialEffort: 4,
        participation: 4,
        processPhase: 5,
        staffEffort: 4,
        timeEffort: 5,
      },
      {
        complexity: 3,
        financialEffort: 4,
        participation: 5,
        processPhase: 3,
        staffEffort: 5,
        timeEffort: 4,
      },
      {
        complexity: 4,
        financialEffort: 5,
        participation: 4,
        processPhase: 4,
        staffEffort: 4,
        timeEffort: 3,
      },
      {
        complexity: 4,
        financialEffort: 4,
        participation: 5,
        processPhase: 4,
        staffEffort: 3,
        timeEffort: 4,
      },
      {
        complexity: 5,
        financialEffort: 3,
        participation: 4,
        processPhase: 5,
        staffEffort: 4,
        timeEffort: 4,
      },
      { financialEffort: 4, participation: 5 },
    ],
  },
  {
    module: 'zukunftswerkstatt',
    slug: 'zukunftswerkstatt',
    values: [
      {
        complexity: 2,
        financialEffort: 1,
        participation: 5,
        processPhase: 2,
        staffEffort: 2,
        timeEffort: 3,
      },
      {
        complexity: 3,
        financialEffort: 2,
        participation: 4,
        processPhase: 2,
        staffEffort: 3,
        timeEffort: 2,
      },
      {
        complexity: 2,
        financialEffort: 1,
        participation: 5,
        processPhase: 1,
        staffEffort: 2,
        timeEffort: 3,
      },
      {
        complexity: 3,
        financialEffort: 2,
        participation: 5,
        processPhase: 2,
        staffEffort: 2,
        timeEffort: 3,
      },
      {
        complexity: 2,
        financialEffort: 1,
        participation: 4,
        processPhase: 3,
        staffEffort: 2,
        timeEffort: 2,
      },
      {
        complexity: 2,
        financialEffort: 2,
        participation: 5,
        processPhase: 2,
        staffEffort: 3,
        timeEffort: 3,
      },
    ],
  },
  {
    module: 'charrette',
    slug: 'charrette-verfahren',
    values: [
      {
        complexity: 5,
        financialEffort: 4,
        participation: 4,
        processPhase: 2,
        staffEffort: 5,
        timeEffort: 4,
      },
      {
        complexity: 4,
        financialEffort: 5,
        participation: 5,
        processPhase: 3,
        staffEffort: 4,
        timeEffort: 5,
      },
      {
        complexity: 5,
        financialEffort: 4,
        participation: 4,
        processPhase: 2,
        staffEffort: 5,
        timeEffort: 4,
      },
    ],
  },
]

export const seedDemoRatings = async (
  { payload, req, tally }: SeedContext,
  modules: ModuleIds,
): Promise<void> => {
  const options = ratingsOptionsOf(payload.config)
  if (!options) {
    throw new Error(
      'Demo-Bewertungen: das Bewertungs-Plugin (plugins/ratings) ist nicht konfiguriert.',
    )
  }
  const ratings = options.slugs.ratings as CollectionSlug
  for (const { module, slug, values: demoValues } of DEMO_RATINGS) {
    const targetId = String(modules[module])
    // As the endpoint does: rating changes of one module one after the other.
    await lockTarget({ collection: MODULES, id: targetId, req })
    for (const [index, given] of demoValues.entries()) {
      const visitorHash = `${DEMO_RATER_PREFIX}${slug}:${index + 1}`
      const { docs } = await payload.find({
        collection: ratings,
        depth: 0,
        limit: 1,
        overrideAccess: true,
        pagination: false,
        req,
        where: {
          and: [
            { targetCollection: { equals: MODULES } },
            { targetId: { equals: targetId } },
            { visitorHash: { equals: visitorHash } },
          ],
        },
      })
      const previous = docs[0] as undefined | { id: number | string; values?: RatingValues }
      // A rating holds every dimension; those not given are empty (as the endpoint stores them).
      const values: RatingValues = Object.fromEntries(
        options.dimensions.map(({ key }) => [key, given[key as RatingDimensionKey] ?? null]),
      )
      if (previous && isUnchanged(values, previous.values)) {
        tally.unchanged++
        continue
      }
      if (previous) {
        await payload.update({
          id: previous.id,
          collection: ratings,
          data: { values } as never,
          depth: 0,
          overrideAccess: true,
          req,
        })
        tally.updated++
      } else {
        await payload.create({
          collection: ratings,
          data: { targetCollection: MODULES, targetId, values, visitorHash } as never,
          depth: 0,
          overrideAccess: true,
          req,
        })
        tally.created++
      }
      const stored: StoredSummary = (await loadSummary({
        collection: MODULES,
        options,
        req,
        targetId,
      })) ?? {
        raterCount: 0,
        targetCollection: MODULES,
        targetId,
        ...Object.fromEntries(
          options.dimensions.map(({ key }) => [key, emptyDimension(options.scale)]),
        ),
      }
      await saveSummary({
        options,
        req,
        summary: applyRatingChange({
          after: values,
          before: previous?.values ?? null,
          options,
          summary: stored,
        }),
      })
    }
  }
}
