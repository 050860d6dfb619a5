import type { CollectionConfig, TextField } from 'payload'

import type { ResolvedRatingsOptions } from '../types'

import { targetFields } from '@quartiersnetz/plugin-kit/targetFields'
import { adjustSummaryAfterDelete } from '../hooks/adjustSummaryAfterDelete'
import { lockTargetBeforeDelete } from '../hooks/lockTargetBeforeDelete'
import { skipEditLocksOnDelete } from '../hooks/skipEditLocksOnDelete'

/** Hashes are for matching and abuse limits only: no person, not even an admin, reads them. */
const hashField = (name: string): TextField => ({
  name,
  type: 'text',
  access: { create: () => false, read: () => false, update: () => false },
  admin: { disabled: true },
  index: true,
})

export const ratingsCollection = (options: ResolvedRatingsOptions): CollectionConfig => ({
  slug: options.slugs.ratings,
  access: {
    // Visitors rate only through the plugin's endpoint, which validates and aggregates.
    create: () => false,
    delete: options.canModerate,
    read: options.canModerate,
    update: () => false,
  },
  admin: {
    defaultColumns: [
      'targetCollection',
      'targetId',
      ...options.dimensions.map(({ key }) => `values.${key}`),
      'updatedAt',
    ],
    group: { de: 'Beteiligung', en: 'Participation' },
    listSearchableFields: ['targetId'],
    useAsTitle: 'targetId',
  },
  fields: [
    targetFields(options.collections),
    {
      name: 'values',
      type: 'group',
      fields: options.dimensions.map((dimension) => ({
        name: dimension.key,
        type: 'number' as const,
        label: dimension.label,
        max: options.scale.max,
        min: options.scale.min,
      })),
      label: { de: 'Werte', en: 'Values' },
    },
    { ...hashField('visitorHash'), required: true },
    hashField('clientHash'),
  ],
  hooks: {
    afterDelete: [adjustSummaryAfterDelete(options)],
    beforeDelete: [lockTargetBeforeDelete(options)],
    beforeOperation: [skipEditLocksOnDelete],
  },
  indexes: [{ fields: ['targetCollection', 'targetId', 'visitorHash'], unique: true }],
  labels: {
    plural: { de: 'Bewertungen', en: 'Ratings' },
    singular: { de: 'Bewertung', en: 'Rating' },
  },
})
