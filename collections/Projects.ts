import type { CollectionConfig } from 'payload'

import { keepOwnMunicipality, municipalityScoped } from '../src/access/municipalityScoped'
import { linksField } from '../src/fields/links'
import { municipalityField } from '../src/fields/municipalityField'
import { periodField } from '../src/fields/period'
import { slugField } from '../src/fields/slug'
import { groups, publicContent } from './shared/publicContent'

const content = publicContent({
  access: municipalityScoped({ canCreateAndDelete: true, field: 'municipality' }),
  hasCityDrafts: true,
})

export const Projects: CollectionConfig = {
  slug: 'projects',
  ...content,
  admin: {
    defaultColumns: ['title', 'municipality', 'district', '_status', 'updatedAt'],
    group: groups.content,
    listSearchableFields: ['title', 'teaser', 'district'],
    useAsTitle: 'title',
  },
  defaultPopulate: { municipality: true, slug: true, teaser: true, title: true },
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
      name: 'teaser',
      type: 'textarea',
      label: { de: 'Kurzbeschreibung', en: 'Teaser' },
      maxLength: 1000,
    },
    { name: 'body', type: 'richText', label: { de: 'Beschreibung', en: 'Description' } },
    {
      type: 'row',
      fields: [
        municipalityField({ index: true }),
        {
          name: 'programArea',
          type: 'relationship',
          label: { de: 'Programmgebiet', en: 'Program area' },
          maxDepth: 1,
          relationTo: 'program-areas',
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'district',
          type: 'text',
          admin: {
            description: {
              de: 'Stadtteil bzw. Quartier, wie auf der Website genannt.',
              en: 'District as named on the website.',
            },
          },
          label: { de: 'Stadtteil', en: 'District' },
          maxLength: 300,
        },
        {
          name: 'isCitywide',
          type: 'checkbox',
          label: { de: 'Alle Stadtteile', en: 'All districts' },
        },
      ],
    },
    {
      name: 'fieldsOfAction',
      type: 'relationship',
      hasMany: true,
      index: true,
      label: { de: 'Handlungsfelder', en: 'Fields of action' },
      maxDepth: 1,
      relationTo: 'fields-of-action',
    },
    {
      name: 'targetGroups',
      type: 'relationship',
      hasMany: true,
      label: { de: 'Zielgruppen', en: 'Target groups' },
      maxDepth: 1,
      relationTo: 'target-groups',
    },
    {
      name: 'awards',
      type: 'array',
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'name',
              type: 'text',
              label: { de: 'Auszeichnung', en: 'Award' },
              maxLength: 300,
              required: true,
            },
            {
              name: 'year',
              type: 'number',
              label: { de: 'Jahr', en: 'Year' },
              max: 2100,
              min: 1900,
              required: true,
            },
          ],
        },
      ],
      label: { de: 'Auszeichnungen', en: 'Awards' },
      labels: {
        plural: { de: 'Auszeichnungen', en: 'Awards' },
        singular: { de: 'Auszeichnung', en: 'Award' },
      },
    },
    {
      name: 'programmes',
      type: 'relationship',
      hasMany: true,
      label: { de: 'Programme', en: 'Programmes' },
      maxDepth: 1,
      relationTo: 'programmes',
    },
    {
      name: 'programmeRole',
      type: 'text',
      admin: {
        description: {
          de: 'z. B. „Pilotprojekt der Nationalen Stadtentwicklungspolitik“',
          en: 'e.g. "pilot project"',
        },
      },
      label: { de: 'Rolle im Programm', en: 'Role in the programme' },
      maxLength: 300,
    },
    periodField(),
    {
      name: 'organisation',
      type: 'relationship',
      label: { de: 'Träger / Organisation', en: 'Lead organisation' },
      maxDepth: 1,
      relationTo: 'organisations',
    },
    {
      name: 'participatingMunicipalities',
      type: 'relationship',
      hasMany: true,
      label: { de: 'Beteiligte Kommunen (z. B. Pilotstädte)', en: 'Participating municipalities' },
      maxDepth: 1,
      relationTo: 'municipalities',
    },
    {
      name: 'predecessor',
      type: 'relationship',
      label: { de: 'Fortführung von', en: 'Continues' },
      maxDepth: 1,
      relationTo: 'projects',
    },
    {
      name: 'contacts',
      type: 'relationship',
      hasMany: true,
      label: { de: 'Ansprechpersonen', en: 'Contacts' },
      maxDepth: 1,
      relationTo: 'people',
    },
    linksField(),
    {
      name: 'images',
      type: 'upload',
      hasMany: true,
      label: { de: 'Bilder', en: 'Images' },
      relationTo: 'media',
    },
    {
      name: 'relatedModules',
      type: 'relationship',
      hasMany: true,
      label: { de: 'Beteiligungsmodule', en: 'Participation modules' },
      maxDepth: 1,
      relationTo: 'modules',
    },
    {
      name: 'publications',
      type: 'relationship',
      hasMany: true,
      label: { de: 'Publikationen', en: 'Publications' },
      maxDepth: 1,
      relationTo: 'publications',
    },
  ],
  hooks: {
    ...content.hooks,
    beforeValidate: [keepOwnMunicipality],
  },
  labels: {
    plural: { de: 'Projekte', en: 'Projects' },
    singular: { de: 'Projekt', en: 'Project' },
  },
}
