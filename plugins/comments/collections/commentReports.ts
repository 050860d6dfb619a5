import type { CollectionConfig, CollectionSlug } from 'payload'

import type { ResolvedCommentsOptions } from '../types'

import { nobody } from '../lib/access'

/** One row per reported comment and client (by keyed hash of its address): one report each. */
export const commentReportsCollection = (options: ResolvedCommentsOptions): CollectionConfig => ({
  slug: options.slugs.reports,
  access: {
    create: () => false,
    delete: options.canModerate,
    read: options.canModerate,
    update: () => false,
  },
  admin: {
    defaultColumns: ['comment', 'createdAt'],
    group: { de: 'Beteiligung', en: 'Participation' },
    hidden: true,
  },
  fields: [
    {
      name: 'comment',
      type: 'relationship',
      index: true,
      relationTo: options.slugs.comments as CollectionSlug,
      required: true,
    },
    {
      name: 'clientHash',
      type: 'text',
      access: { create: nobody, read: nobody, update: nobody },
      admin: { disabled: true },
      required: true,
    },
  ],
  indexes: [{ fields: ['comment', 'clientHash'], unique: true }],
  labels: {
    plural: { de: 'Kommentar-Meldungen', en: 'Comment reports' },
    singular: { de: 'Kommentar-Meldung', en: 'Comment report' },
  },
})
