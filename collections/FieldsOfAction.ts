import type { CollectionConfig } from 'payload'

import { linksField } from '../src/fields/links'
import { slugField } from '../src/fields/slug'
import { groups, publicContent } from './shared/publicContent'

export const FieldsOfAction: CollectionConfig = {
  slug: 'fields-of-action',
  ...publicContent(),
  admin: {
    defaultColumns: ['title', 'order', '_status', 'updatedAt'],
    group: groups.content,
    useAsTitle: 'title',
  },
  defaultPopulate: { order: true, slug: true, title: true },
  defaultSort: 'order',
  fields: [
    {
      name: 'title',
      type: 'text',
      label: { de: 'Titel', en: 'Title' },
      maxLength: 200,
      required: true,
    },
    slugField(),
    {
      name: 'order',
      type: 'number',
      admin: { position: 'sidebar' },
      index: true,
      label: { de: 'Reihenfolge', en: 'Order' },
      min: 0,
    },
    { name: 'introduction', type: 'richText', label: { de: 'Einführung', en: 'Introduction' } },
    {
      name: 'typicalMeasures',
      type: 'array',
      fields: [
        {
          name: 'measure',
          type: 'textarea',
          label: { de: 'Maßnahme', en: 'Measure' },
          maxLength: 1000,
          required: true,
        },
      ],
      label: { de: 'Typische Maßnahmen', en: 'Typical measures' },
      labels: {
        plural: { de: 'Maßnahmen', en: 'Measures' },
        singular: { de: 'Maßnahme', en: 'Measure' },
      },
    },
    {
      name: 'roleOfQuartiersmanagement',
      type: 'richText',
      label: { de: 'Rolle des Quartiersmanagements', en: 'Role of neighbourhood management' },
    },
    linksField(),
  ],
  labels: {
    plural: { de: 'Handlungsfelder', en: 'Fields of action' },
    singular: { de: 'Handlungsfeld', en: 'Field of action' },
  },
}
