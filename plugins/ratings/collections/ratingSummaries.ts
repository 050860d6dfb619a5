import type { CollectionConfig } from 'payload'

import type { ResolvedRatingsOptions } from '../types'

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
  admin: {
    defaultColumns: ['targetCollection', 'targetId', 'raterCount', 'updatedAt'],
    group: { de: 'Beteiligung', en: 'Participation' },
    hidden: true,
    useAsTitle: 'targetId',
  },
  fields: [
    { name: 'targetCollection', type: 'text', index: true, required: true },
    { name: 'targetId', type: 'text', index: true, required: true },
    { name: 'raterCount', type: 'number', defaultValue: 0, index: true },
    ...options.dimensions.map((dimension) => ({
      name: dimension.key,
      type: 'group' as const,
      fields: [
        { name: 'count', type: 'number' as const, defaultValue: 0 },
        { name: 'sum', type: 'number' as const, defaultValue: 0 },
        { name: 'mean', type: 'number' as const, index: true },
        { name: 'distribution', type: 'json' as const },
      ],
      label: dimension.label,
    })),
  ],
  indexes: [{ fields: ['targetCollection', 'targetId'], unique: true }],
  labels: {
    plural: { de: 'Bewertungsübersichten', en: 'Rating summaries' },
    singular: { de: 'Bewertungsübersicht', en: 'Rating summary' },
  },
})
