import type { CollectionConfig } from 'payload'

import { slugField } from '../src/fields/slug'
import { groups, publicContent } from './shared/publicContent'

export const TargetGroups: CollectionConfig = {
  slug: 'target-groups',
  ...publicContent(),
  admin: {
    defaultColumns: ['title', 'slug', 'updatedAt'],
    group: groups.taxonomies,
    useAsTitle: 'title',
  },
  defaultPopulate: { slug: true, title: true },
  fields: [
    {
      name: 'title',
      type: 'text',
      label: { de: 'Bezeichnung', en: 'Title' },
      maxLength: 200,
      required: true,
    },
    slugField(),
    {
      name: 'description',
      type: 'textarea',
      label: { de: 'Beschreibung', en: 'Description' },
      maxLength: 2000,
    },
  ],
  labels: {
    plural: { de: 'Zielgruppen', en: 'Target groups' },
    singular: { de: 'Zielgruppe', en: 'Target group' },
  },
}
