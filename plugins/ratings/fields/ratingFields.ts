import type { Field } from 'payload'

import type { ResolvedRatingsOptions } from '../types'

/** What the plugin adds to each rated collection. */
export const ratingFields = (options: ResolvedRatingsOptions): Field[] => [
  {
    name: 'ratingsLocked',
    type: 'checkbox',
    access: { create: options.canModerate as never, update: options.canModerate as never },
    admin: {
      description: ({ t }) => (t as (key: string) => string)('plugin-ratings:lockedFieldDescription'),
      position: 'sidebar',
    },
    defaultValue: false,
    label: ({ t }) => (t as (key: string) => string)('plugin-ratings:lockedField'),
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
            scale: options.scale,
          },
          path: '/plugins/ratings/components/RatingsPanel#RatingsPanel',
        },
      },
      disableListColumn: true,
    },
  },
]
