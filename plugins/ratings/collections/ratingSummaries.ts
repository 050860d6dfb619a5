import type { CollectionConfig } from 'payload'

import type { ResolvedRatingsOptions } from '../types'

import { targetInWordsField } from '@quartiersnetz/plugin-kit/targetFields'
import { attachTargets } from '@quartiersnetz/plugin-kit/targets'
import { targetComponents } from './ratings'

/**
 * One document per rated document: counts, sums, means and distributions, kept current in the
 * same transaction as every rating change. Reading a rated document reads this row, never its
 * ratings. Written by the plugin only.
 */
export const ratingSummariesCollection = (options: ResolvedRatingsOptions): CollectionConfig => ({
  slug: options.slugs.summaries,
  access: {
    create: () => false,
    delete: () => false,
    read: options.canModerate,
    update: () => false,
  },
  // Listed: how many rated each entry, by title (read-only; the entry's panel shows the detail).
  admin: {
    defaultColumns: ['target', 'raterCount', 'updatedAt'],
    group: { de: 'Beteiligung', en: 'Participation' },
  },
  fields: [
    targetInWordsField(targetComponents(options)),
    {
      type: 'row',
      // Written by the plugin only; the edit view names the target in words instead.
      admin: { condition: (data) => !data?.id },
      fields: [
        {
          name: 'targetCollection',
          type: 'text',
          index: true,
          label: { de: 'Sammlung', en: 'Collection' },
          required: true,
        },
        {
          name: 'targetId',
          type: 'text',
          index: true,
          label: { de: 'Eintrag (ID)', en: 'Entry (ID)' },
          required: true,
        },
      ],
    },
    {
      name: 'raterCount',
      type: 'number',
      defaultValue: 0,
      index: true,
      label: { de: 'Bewertet von', en: 'Rated by' },
    },
    ...options.dimensions.map((dimension) => ({
      name: dimension.key,
      type: 'group' as const,
      fields: [
        {
          name: 'count',
          type: 'number' as const,
          defaultValue: 0,
          label: { de: 'Anzahl', en: 'Count' },
        },
        {
          name: 'sum',
          type: 'number' as const,
          defaultValue: 0,
          label: { de: 'Summe', en: 'Sum' },
        },
        {
          name: 'mean',
          type: 'number' as const,
          index: true,
          label: { de: 'Mittelwert', en: 'Mean' },
        },
        {
          name: 'distribution',
          type: 'json' as const,
          label: { de: 'Verteilung', en: 'Distribution' },
        },
      ],
      label: dimension.label,
    })),
  ],
  hooks: {
    afterOperation: [attachTargets({ targets: options.targets })],
  },
  indexes: [{ fields: ['targetCollection', 'targetId'], unique: true }],
  labels: {
    plural: { de: 'Bewertungsübersichten', en: 'Rating summaries' },
    singular: { de: 'Bewertungsübersicht', en: 'Rating summary' },
  },
})
