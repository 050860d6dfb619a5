import type { Field } from 'payload'

import type { RatingsTranslationKey } from '../translations'
import type { ResolvedRatingsOptions } from '../types'

import { grantsOnlyTrue } from '@quartiersnetz/plugin-kit/access'
import { translatorOf } from '@quartiersnetz/plugin-kit/respond'

/** What the plugin adds to each rated collection. */
export const ratingFields = (options: ResolvedRatingsOptions): Field[] => {
  // Field access counts any truthy answer as "allowed": a `canModerate` that answers with a
  // query (meant for the ratings list) must not let everyone it names lock or unlock ratings.
  const moderatorsOnly = grantsOnlyTrue(options.canModerate)
  return [
    {
      name: 'ratingsLocked',
      type: 'checkbox',
      access: { create: moderatorsOnly, update: moderatorsOnly },
      admin: {
        description: ({ t }) =>
          translatorOf<RatingsTranslationKey>({ t })('plugin-ratings:lockedFieldDescription'),
        position: 'sidebar',
      },
      defaultValue: false,
      label: ({ t }) => translatorOf<RatingsTranslationKey>({ t })('plugin-ratings:lockedField'),
    },
    {
      // Filled on read from the summary (hooks/attachSummaries): never stored, never written.
      name: 'ratingSummary',
      type: 'json',
      access: { create: () => false, update: () => false },
      admin: { hidden: true },
      virtual: true,
    },
    {
      // Read-only: the summary per dimension beside the editorial assessment
      // (components/RatingsPanel, a server part that reads the summary and a client part that draws it).
      name: 'ratingsPanel',
      type: 'ui',
      admin: {
        components: {
          Field: {
            clientProps: {
              dimensions: options.dimensions,
              editorialAssessmentField: options.editorialAssessmentField,
              isDisabled: options.disabled,
              scale: options.scale,
            },
            path: '@quartiersnetz/plugin-ratings/rsc#RatingsPanel',
          },
        },
        disableListColumn: true,
      },
    },
  ]
}
