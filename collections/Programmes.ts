import type { CollectionConfig } from 'payload'

import { urlValidate } from '../src/fields/links'
import { periodField } from '../src/fields/period'
import { slugField } from '../src/fields/slug'
import { groups, publicContent } from './shared/publicContent'

export const Programmes: CollectionConfig = {
  slug: 'programmes',
  ...publicContent(),
  admin: {
    defaultColumns: ['title', 'level', 'funder', 'updatedAt'],
    group: groups.taxonomies,
    listSearchableFields: ['title', 'shortName', 'funder'],
    useAsTitle: 'title',
  },
  defaultPopulate: { level: true, slug: true, title: true },
  fields: [
    {
      name: 'title',
      type: 'text',
      label: { de: 'Bezeichnung', en: 'Title' },
      maxLength: 300,
      required: true,
    },
    slugField(),
    {
      name: 'shortName',
      type: 'text',
      label: { de: 'Kurzbezeichnung', en: 'Short name' },
      maxLength: 100,
    },
    {
      name: 'level',
      type: 'select',
      label: { de: 'Ebene', en: 'Level' },
      options: [
        { label: { de: 'EU', en: 'EU' }, value: 'eu' },
        { label: { de: 'Bund', en: 'Federal' }, value: 'federal' },
        {
          label: { de: 'Bund-Länder-Programm', en: 'Federal–state programme' },
          value: 'federal-state',
        },
        { label: { de: 'Land', en: 'State' }, value: 'state' },
        { label: { de: 'Kommune', en: 'Municipal' }, value: 'municipal' },
      ],
    },
    {
      name: 'kind',
      type: 'select',
      defaultValue: 'funding-programme',
      label: { de: 'Art', en: 'Kind' },
      options: [
        { label: { de: 'Förderprogramm', en: 'Funding programme' }, value: 'funding-programme' },
        { label: { de: 'Landesstrategie', en: 'State strategy' }, value: 'strategy' },
        { label: { de: 'Initiative / Politik', en: 'Initiative / policy' }, value: 'initiative' },
      ],
    },
    { name: 'state', type: 'text', label: { de: 'Bundesland', en: 'State' }, maxLength: 100 },
    {
      name: 'funder',
      type: 'text',
      label: { de: 'Fördergeber / Träger', en: 'Funder' },
      maxLength: 300,
    },
    { name: 'description', type: 'richText', label: { de: 'Beschreibung', en: 'Description' } },
    periodField(),
    {
      name: 'predecessor',
      type: 'relationship',
      label: { de: 'Vorgängerprogramm', en: 'Predecessor' },
      maxDepth: 1,
      relationTo: 'programmes',
    },
    {
      name: 'website',
      type: 'text',
      label: { de: 'Website', en: 'Website' },
      maxLength: 2000,
      validate: urlValidate,
    },
  ],
  labels: {
    plural: { de: 'Programme & Strategien', en: 'Programmes & strategies' },
    singular: { de: 'Programm / Strategie', en: 'Programme / strategy' },
  },
}
