import type { CollectionConfig, TextField } from 'payload'

import type { ResolvedRatingsOptions } from '../types'

import { targetFields, targetInWordsField } from '@quartiersnetz/plugin-kit/targetFields'
import { attachTargets } from '@quartiersnetz/plugin-kit/targets'
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

/** The list cell and the edit view of the rated document in words (components/TargetLink). */
export const targetComponents = (options: ResolvedRatingsOptions) => ({
  Cell: '@quartiersnetz/plugin-ratings/rsc#TargetCell',
  Field: {
    path: '@quartiersnetz/plugin-ratings/rsc#TargetField',
    serverProps: { targets: options.targets },
  },
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
    // The first column links to the rating, "Eintrag" to the rated document.
    defaultColumns: [
      'updatedAt',
      'target',
      ...options.dimensions.map(({ key }) => `values.${key}`),
    ],
    group: { de: 'Beteiligung', en: 'Participation' },
    listSearchableFields: ['targetId'],
  },
  fields: [
    targetInWordsField(targetComponents(options)),
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
    afterOperation: [attachTargets({ targets: options.targets })],
    beforeDelete: [lockTargetBeforeDelete(options)],
    beforeOperation: [skipEditLocksOnDelete],
  },
  indexes: [{ fields: ['targetCollection', 'targetId', 'visitorHash'], unique: true }],
  labels: {
    plural: { de: 'Bewertungen', en: 'Ratings' },
    singular: { de: 'Bewertung', en: 'Rating' },
  },
})
