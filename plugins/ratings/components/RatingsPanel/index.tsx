import type { UIFieldServerProps } from 'payload'

import type { RatingSummary } from '../../types'
import type { RatingsPanelOptions } from './index.client'

import { collectionOf } from '@quartiersnetz/plugin-kit/data'
import { RatingsPanelClient } from './index.client'

type Props = RatingsPanelOptions & UIFieldServerProps

/**
 * Reads the document's rating summary through the Local API as the signed-in user (the
 * collection's afterOperation hook attaches it, in the user's language) and hands it to the
 * client part. A document that isn't saved yet has nothing to show.
 */
export const RatingsPanel = async ({
  collectionSlug,
  dimensions,
  editorialAssessmentField,
  id,
  isDisabled,
  req,
  scale,
}: Props) => {
  let summary: null | RatingSummary = null
  let hasFailed = false
  if (id !== undefined && id !== null && id !== '') {
    try {
      const doc = await collectionOf<{ ratingSummary?: null | RatingSummary }>(
        req,
        collectionSlug,
      ).findByID({
        id,
        overrideAccess: false,
        select: { ratingsLocked: true, ratingSummary: true },
      })
      summary = doc?.ratingSummary ?? null
    } catch (err) {
      // The panel is read-only information: a failure must not break the edit view, and it must
      // not pass for "no ratings yet" either.
      hasFailed = true
      req.payload.logger.error({
        err,
        msg: `ratings panel: could not read the summary of ${collectionSlug} ${id}`,
      })
    }
  }
  return (
    <RatingsPanelClient
      dimensions={dimensions}
      editorialAssessmentField={editorialAssessmentField}
      hasFailed={hasFailed}
      isDisabled={isDisabled}
      scale={scale}
      summary={summary}
    />
  )
}
