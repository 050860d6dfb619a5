import type { CollectionSlug, UIFieldServerProps } from 'payload'

import type { RatingSummary } from '../../types'
import type { RatingsPanelOptions } from './index.client'

import { RatingsPanelClient } from './index.client'

type Props = RatingsPanelOptions & UIFieldServerProps

/**
 * Reads the document's rating summary through the Local API as the signed-in user (the
 * collection's afterOperation hook attaches it, in the user's language) and hands it to the
 * client part. A document that isn't saved yet has nothing to show.
 */
export const RatingsPanel = async ({ collectionSlug, dimensions, editorialAssessmentField, id, req, scale }: Props) => {
  let summary: null | RatingSummary = null
  if (id !== undefined && id !== null && id !== '') {
    try {
      const doc = (await req.payload.findByID({
        collection: collectionSlug as CollectionSlug,
        depth: 0,
        disableErrors: true,
        id,
        overrideAccess: false,
        req,
        select: { ratingsLocked: true, ratingSummary: true } as never,
      })) as null | { ratingSummary?: null | RatingSummary }
      summary = doc?.ratingSummary ?? null
    } catch (err) {
      // The panel is read-only information: a failure must not break the edit view.
      req.payload.logger.error({ err, msg: `ratings panel: could not read the summary of ${collectionSlug} ${id}` })
    }
  }
  return <RatingsPanelClient dimensions={dimensions} editorialAssessmentField={editorialAssessmentField} scale={scale} summary={summary} />
}
