import type { CollectionConfig } from 'payload'

import {
  contactVisibleToVisitor,
  selectContactVisibility,
} from '../src/access/contactVisibleToVisitor'
import { municipalityField } from '../src/fields/municipalityField'
import { slugField } from '../src/fields/slug'
import { groups, publicContent } from './shared/publicContent'

const contactAccess = { read: contactVisibleToVisitor }

const content = publicContent()

export const People: CollectionConfig = {
  slug: 'people',
  ...content,
  hooks: {
    ...content.hooks,
    afterOperation: [selectContactVisibility.afterOperation],
    beforeOperation: [
      ...(content.hooks?.beforeOperation ?? []),
      selectContactVisibility.beforeOperation,
    ],
  },
  admin: {
    defaultColumns: ['name', 'position', 'affiliation', 'isContactPublic', 'updatedAt'],
    group: groups.network,
    listSearchableFields: ['name', 'affiliation', 'position'],
    useAsTitle: 'name',
  },
  defaultPopulate: { affiliation: true, name: true, position: true, slug: true },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'honorific',
          type: 'text',
          label: { de: 'Anrede / Titel', en: 'Honorific' },
          maxLength: 50,
        },
        {
          name: 'name',
          type: 'text',
          label: { de: 'Name', en: 'Name' },
          maxLength: 200,
          required: true,
        },
      ],
    },
    slugField('name'),
    {
      name: 'position',
      type: 'text',
      label: { de: 'Funktion / Position', en: 'Position' },
      maxLength: 300,
    },
    {
      name: 'affiliation',
      type: 'text',
      label: { de: 'Institution', en: 'Affiliation' },
      maxLength: 300,
    },
    municipalityField(),
    {
      name: 'organisation',
      type: 'relationship',
      label: { de: 'Organisation', en: 'Organisation' },
      maxDepth: 1,
      relationTo: 'organisations',
    },
    {
      name: 'bio',
      type: 'textarea',
      label: { de: 'Kurzprofil', en: 'Short bio' },
      maxLength: 3000,
    },
    { name: 'photo', type: 'upload', label: { de: 'Foto', en: 'Photo' }, relationTo: 'media' },
    {
      type: 'collapsible',
      fields: [
        {
          name: 'isContactPublic',
          type: 'checkbox',
          admin: {
            description: {
              de: 'Nur wenn angekreuzt, sind E-Mail und Telefon öffentlich sichtbar (Einwilligung der Person liegt vor).',
              en: 'Only when ticked are e-mail and phone publicly visible (the person has consented).',
            },
          },
          defaultValue: false,
          label: { de: 'Kontaktdaten öffentlich', en: 'Contact data public' },
        },
        {
          name: 'email',
          type: 'email',
          access: contactAccess,
          label: { de: 'E-Mail', en: 'E-mail' },
        },
        {
          name: 'phone',
          type: 'text',
          access: contactAccess,
          label: { de: 'Telefon', en: 'Phone' },
          maxLength: 50,
        },
      ],
      label: { de: 'Kontakt', en: 'Contact' },
    },
  ],
  labels: {
    plural: { de: 'Personen', en: 'People' },
    singular: { de: 'Person', en: 'Person' },
  },
}
