import type { CollectionConfig } from 'payload'

import { EVENT_KINDS } from '../../src/domain/eventKinds'
import { urlValidate } from '../../src/fields/links'
import { municipalityField } from '../../src/fields/municipalityField'
import { datePrecisionField, dayOnlyDate } from '../../src/fields/period'
import { slugField } from '../../src/fields/slug'
import { groups, publicContent } from '../shared/publicContent'
import { validateMembers } from './validateMembers'

export const ORGANISATION_KINDS = [
  { label: { de: 'Netzwerk', en: 'Network' }, value: 'network' },
  { label: { de: 'Arbeitsgemeinschaft (AG)', en: 'Working group' }, value: 'working-group' },
  { label: { de: 'Vorstand', en: 'Board' }, value: 'board' },
  { label: { de: 'Beirat', en: 'Advisory council' }, value: 'advisory-council' },
  { label: { de: 'Beratender Ausschuss', en: 'Advisory committee' }, value: 'advisory-committee' },
  {
    label: { de: 'Koordinierungs- / Geschäftsstelle', en: 'Coordination office' },
    value: 'office',
  },
  { label: { de: 'Kompetenzbereich', en: 'Competence area' }, value: 'competence-area' },
  { label: { de: 'Verband / Institution', en: 'Association / institution' }, value: 'institution' },
]

export const MEMBER_FUNCTIONS = [
  { label: { de: 'Vorsitz', en: 'Chair' }, value: 'chair' },
  { label: { de: 'Stellvertretender Vorsitz', en: 'Deputy chair' }, value: 'deputy-chair' },
  { label: { de: 'Mitglied', en: 'Member' }, value: 'member' },
  { label: { de: 'Leitung', en: 'Head' }, value: 'head' },
  { label: { de: 'Fachberatung', en: 'Specialist adviser' }, value: 'adviser' },
]

export const Organisations: CollectionConfig = {
  slug: 'organisations',
  ...publicContent(),
  admin: {
    defaultColumns: ['title', 'kind', 'parent', '_status', 'updatedAt'],
    group: groups.network,
    listSearchableFields: ['title', 'shortName'],
    useAsTitle: 'title',
  },
  defaultPopulate: { kind: true, shortName: true, slug: true, title: true },
  fields: [
    {
      name: 'title',
      type: 'text',
      label: { de: 'Name', en: 'Name' },
      maxLength: 300,
      required: true,
    },
    slugField(),
    {
      type: 'row',
      fields: [
        {
          name: 'shortName',
          type: 'text',
          label: { de: 'Kurzname', en: 'Short name' },
          maxLength: 100,
        },
        {
          name: 'kind',
          type: 'select',
          label: { de: 'Art', en: 'Kind' },
          options: ORGANISATION_KINDS,
          required: true,
        },
      ],
    },
    {
      name: 'parent',
      type: 'relationship',
      admin: {
        description: {
          de: 'Übergeordnetes Gremium, z. B. die AG im Netzwerk.',
          en: 'The body this one belongs to.',
        },
      },
      filterOptions: ({ id }) => (id ? { id: { not_equals: id } } : true),
      index: true,
      label: { de: 'Gehört zu', en: 'Parent' },
      maxDepth: 1,
      relationTo: 'organisations',
    },
    { name: 'description', type: 'richText', label: { de: 'Beschreibung', en: 'Description' } },
    { name: 'tasks', type: 'textarea', label: { de: 'Aufgaben', en: 'Tasks' }, maxLength: 3000 },
    {
      type: 'row',
      fields: [
        {
          name: 'foundedOn',
          type: 'date',
          admin: dayOnlyDate,
          label: { de: 'Gegründet', en: 'Founded' },
        },
        {
          name: 'dissolvedOn',
          type: 'date',
          admin: dayOnlyDate,
          label: { de: 'Aufgelöst / übergegangen', en: 'Dissolved' },
        },
      ],
    },
    {
      name: 'predecessors',
      type: 'relationship',
      hasMany: true,
      label: { de: 'Vorgänger', en: 'Predecessors' },
      maxDepth: 1,
      relationTo: 'organisations',
    },
    {
      name: 'seat',
      type: 'group',
      fields: [
        municipalityField(),
        {
          name: 'department',
          type: 'text',
          label: { de: 'Amt / Fachbereich', en: 'Department' },
          maxLength: 300,
        },
      ],
      label: { de: 'Sitz', en: 'Seat' },
    },
    {
      type: 'collapsible',
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'memberCap',
              type: 'number',
              admin: { description: { de: 'Leer: unbegrenzt.', en: 'Empty: no limit.' } },
              label: { de: 'Höchstzahl Mitglieder', en: 'Member cap' },
              min: 1,
            },
            {
              name: 'membersRepresentMunicipalities',
              type: 'checkbox',
              label: {
                de: 'Mitglieder vertreten Mitgliedskommunen',
                en: 'Members represent member municipalities',
              },
            },
          ],
        },
        {
          name: 'members',
          type: 'array',
          fields: [
            {
              type: 'row',
              fields: [
                {
                  name: 'person',
                  type: 'relationship',
                  label: { de: 'Person', en: 'Person' },
                  maxDepth: 1,
                  relationTo: 'people',
                  required: true,
                },
                {
                  name: 'function',
                  type: 'select',
                  defaultValue: 'member',
                  label: { de: 'Funktion', en: 'Function' },
                  options: MEMBER_FUNCTIONS,
                  required: true,
                },
              ],
            },
            {
              type: 'row',
              fields: [
                {
                  name: 'representedMunicipality',
                  type: 'relationship',
                  label: { de: 'Vertritt Kommune', en: 'Represents' },
                  maxDepth: 1,
                  relationTo: 'municipalities',
                },
                {
                  name: 'from',
                  type: 'date',
                  admin: dayOnlyDate,
                  label: { de: 'Seit', en: 'From' },
                },
                {
                  name: 'until',
                  type: 'date',
                  admin: dayOnlyDate,
                  label: { de: 'Bis', en: 'Until' },
                },
              ],
            },
          ],
          label: { de: 'Mitglieder', en: 'Members' },
          labels: {
            plural: { de: 'Mitglieder', en: 'Members' },
            singular: { de: 'Mitglied', en: 'Member' },
          },
          validate: validateMembers,
        },
      ],
      label: { de: 'Mitglieder', en: 'Members' },
    },
    {
      name: 'history',
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
          label: { de: 'Ereignis', en: 'Milestone' },
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
      label: { de: 'Geschichte (Meilensteine)', en: 'History (milestones)' },
      labels: {
        plural: { de: 'Meilensteine', en: 'Milestones' },
        singular: { de: 'Meilenstein', en: 'Milestone' },
      },
    },
    {
      name: 'offerFormats',
      type: 'array',
      fields: [
        {
          name: 'title',
          type: 'text',
          label: { de: 'Angebot', en: 'Offer' },
          maxLength: 300,
          required: true,
        },
        {
          name: 'eventKinds',
          type: 'select',
          hasMany: true,
          label: { de: 'Veranstaltungsarten', en: 'Event kinds' },
          options: EVENT_KINDS,
        },
        {
          name: 'description',
          type: 'textarea',
          label: { de: 'Beschreibung', en: 'Description' },
          maxLength: 5000,
        },
      ],
      label: { de: 'Angebote', en: 'Offer formats' },
      labels: {
        plural: { de: 'Angebote', en: 'Offers' },
        singular: { de: 'Angebot', en: 'Offer' },
      },
    },
    {
      name: 'audience',
      type: 'textarea',
      label: { de: 'Zielgruppe der Angebote', en: 'Audience of the offers' },
      maxLength: 1000,
    },
    {
      type: 'collapsible',
      fields: [
        {
          name: 'fundedBy',
          type: 'text',
          label: { de: 'Gefördert durch', en: 'Funded by' },
          maxLength: 300,
        },
        {
          name: 'programmes',
          type: 'relationship',
          hasMany: true,
          label: { de: 'Programme / Strategien', en: 'Programmes' },
          maxDepth: 1,
          relationTo: 'programmes',
        },
        {
          name: 'partners',
          type: 'array',
          fields: [
            {
              name: 'name',
              type: 'text',
              label: { de: 'Name', en: 'Name' },
              maxLength: 300,
              required: true,
            },
            { name: 'role', type: 'text', label: { de: 'Rolle', en: 'Role' }, maxLength: 300 },
          ],
          label: { de: 'Partner', en: 'Partners' },
        },
      ],
      label: { de: 'Förderung und Partner', en: 'Funding and partners' },
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
      name: 'website',
      type: 'text',
      label: { de: 'Website', en: 'Website' },
      maxLength: 2000,
      validate: urlValidate,
    },
  ],
  labels: {
    plural: { de: 'Organisationen & Gremien', en: 'Organisations & bodies' },
    singular: { de: 'Organisation / Gremium', en: 'Organisation / body' },
  },
}
