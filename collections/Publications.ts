import type { CollectionConfig } from 'payload'

import { urlValidate } from '../src/fields/links'
import { datePrecisionField, dayOnlyDate } from '../src/fields/period'
import { slugField } from '../src/fields/slug'
import { groups, publicContent } from './shared/publicContent'

export const Publications: CollectionConfig = {
  slug: 'publications',
  ...publicContent(),
  admin: {
    defaultColumns: ['title', 'kind', 'publishedOn', 'updatedAt'],
    group: groups.content,
    listSearchableFields: ['title', 'publisher'],
    useAsTitle: 'title',
  },
  defaultPopulate: { kind: true, slug: true, title: true },
  fields: [
    {
      name: 'title',
      type: 'text',
      label: { de: 'Titel', en: 'Title' },
      maxLength: 300,
      required: true,
    },
    slugField(),
    {
      name: 'kind',
      type: 'select',
      label: { de: 'Art', en: 'Kind' },
      options: [
        { label: { de: 'Arbeitshilfe', en: 'Working aid' }, value: 'working-aid' },
        { label: { de: 'Leitfaden', en: 'Guide' }, value: 'guide' },
        { label: { de: 'Dokumentation', en: 'Documentation' }, value: 'documentation' },
        { label: { de: 'Publikation / Bericht', en: 'Publication / report' }, value: 'report' },
      ],
    },
    { name: 'description', type: 'richText', label: { de: 'Beschreibung', en: 'Description' } },
    {
      type: 'row',
      fields: [
        {
          name: 'publishedOn',
          type: 'date',
          admin: dayOnlyDate,
          label: { de: 'Erschienen', en: 'Published' },
        },
        datePrecisionField('publishedOnPrecision'),
      ],
    },
    {
      name: 'publisher',
      type: 'text',
      label: { de: 'Herausgeber', en: 'Publisher' },
      maxLength: 300,
    },
    {
      name: 'organisation',
      type: 'relationship',
      label: { de: 'Herausgebende Organisation', en: 'Publishing organisation' },
      maxDepth: 1,
      relationTo: 'organisations',
    },
    { name: 'file', type: 'upload', label: { de: 'Datei', en: 'File' }, relationTo: 'media' },
    {
      name: 'url',
      type: 'text',
      label: { de: 'Link', en: 'Link' },
      maxLength: 2000,
      validate: urlValidate,
    },
    {
      name: 'fieldsOfAction',
      type: 'relationship',
      hasMany: true,
      label: { de: 'Handlungsfelder', en: 'Fields of action' },
      maxDepth: 1,
      relationTo: 'fields-of-action',
    },
  ],
  labels: {
    plural: { de: 'Publikationen', en: 'Publications' },
    singular: { de: 'Publikation', en: 'Publication' },
  },
}
