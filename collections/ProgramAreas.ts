import type { CollectionConfig } from 'payload'

import { keepOwnMunicipality, municipalityScoped } from '../src/access/municipalityScoped'
import { coordinatesField } from '../src/fields/coordinates'
import { municipalityField } from '../src/fields/municipalityField'
import { datePrecisionField, dayOnlyDate, periodField } from '../src/fields/period'
import { slugField } from '../src/fields/slug'
import { groups, publicContent } from './shared/publicContent'

const content = publicContent({
  access: municipalityScoped({ canCreateAndDelete: true, field: 'municipality' }),
  hasCityDrafts: true,
})

export const ProgramAreas: CollectionConfig = {
  slug: 'program-areas',
  ...content,
  admin: {
    defaultColumns: ['title', 'municipality', 'programmeStatus', '_status', 'updatedAt'],
    group: groups.network,
    listSearchableFields: ['title'],
    useAsTitle: 'title',
  },
  defaultPopulate: { municipality: true, programmeStatus: true, slug: true, title: true },
  fields: [
    {
      name: 'title',
      type: 'text',
      label: { de: 'Name des Gebiets', en: 'Name' },
      maxLength: 300,
      required: true,
    },
    slugField(),
    {
      type: 'row',
      fields: [
        municipalityField({ index: true, required: true }),
        {
          name: 'programmeStatus',
          type: 'select',
          defaultValue: 'running',
          index: true,
          label: { de: 'Status', en: 'Status' },
          options: [
            { label: { de: 'In Planung', en: 'Planned' }, value: 'planned' },
            { label: { de: 'Laufend', en: 'Running' }, value: 'running' },
            { label: { de: 'Abgeschlossen', en: 'Completed' }, value: 'completed' },
          ],
          required: true,
        },
      ],
    },
    {
      name: 'programmes',
      type: 'relationship',
      hasMany: true,
      label: { de: 'Programme', en: 'Programmes' },
      maxDepth: 1,
      relationTo: 'programmes',
    },
    periodField(),
    coordinatesField(),
    {
      type: 'tabs',
      tabs: [
        {
          fields: [{ name: 'situation', type: 'richText', label: false }],
          label: { de: 'Gebietscharakter und Ausgangslage', en: 'Character and situation' },
        },
        {
          fields: [{ name: 'potentials', type: 'richText', label: false }],
          label: { de: 'Potenziale und Handlungsansätze', en: 'Potentials and approaches' },
        },
        {
          fields: [{ name: 'organisationAndPartners', type: 'richText', label: false }],
          label: { de: 'Organisation und lokale Partner', en: 'Organisation and partners' },
        },
        {
          fields: [
            {
              name: 'milestones',
              type: 'array',
              fields: [
                {
                  type: 'row',
                  fields: [
                    {
                      name: 'date',
                      type: 'date',
                      admin: dayOnlyDate,
                      label: { de: 'Datum', en: 'Date' },
                      required: true,
                    },
                    datePrecisionField(),
                  ],
                },
                {
                  name: 'title',
                  type: 'text',
                  label: { de: 'Meilenstein', en: 'Milestone' },
                  maxLength: 300,
                  required: true,
                },
                {
                  name: 'description',
                  type: 'textarea',
                  label: { de: 'Beschreibung', en: 'Description' },
                  maxLength: 3000,
                },
              ],
              label: false,
              labels: {
                plural: { de: 'Meilensteine', en: 'Milestones' },
                singular: { de: 'Meilenstein', en: 'Milestone' },
              },
            },
          ],
          label: { de: 'Meilensteine', en: 'Milestones' },
        },
        {
          fields: [{ name: 'perspectives', type: 'richText', label: false }],
          label: { de: 'Perspektiven', en: 'Perspectives' },
        },
      ],
    },
    {
      name: 'contacts',
      type: 'relationship',
      hasMany: true,
      label: { de: 'Ansprechpersonen', en: 'Contacts' },
      maxDepth: 1,
      relationTo: 'people',
    },
    {
      name: 'downloads',
      type: 'array',
      fields: [
        {
          name: 'title',
          type: 'text',
          label: { de: 'Titel', en: 'Title' },
          maxLength: 300,
          required: true,
        },
        {
          name: 'file',
          type: 'upload',
          label: { de: 'Datei', en: 'File' },
          relationTo: 'media',
          required: true,
        },
      ],
      label: { de: 'Downloads', en: 'Downloads' },
    },
  ],
  hooks: {
    ...content.hooks,
    beforeValidate: [keepOwnMunicipality],
  },
  labels: {
    plural: { de: 'Programmgebiete', en: 'Program areas' },
    singular: { de: 'Programmgebiet', en: 'Program area' },
  },
}
