import type { CollectionConfig } from 'payload'

import { municipalityScoped } from '../src/access/municipalityScoped'
import { FEDERAL_STATES } from '../src/domain/federalStates'
import { coordinatesField } from '../src/fields/coordinates'
import { embedSnippetField } from '../src/fields/embedSnippet'
import { urlValidate } from '../src/fields/links'
import { dayOnlyDate } from '../src/fields/period'
import { slugField } from '../src/fields/slug'
import { municipalityEventsFeed } from './Events/endpoints/municipalityFeed'
import { groups, publicContent } from './shared/publicContent'

export const Municipalities: CollectionConfig = {
  slug: 'municipalities',
  ...publicContent({
    access: municipalityScoped({ canCreateAndDelete: false, field: 'id' }),
    hasCityDrafts: true,
  }),
  admin: {
    defaultColumns: ['name', 'state', 'website', '_status', 'updatedAt'],
    group: groups.network,
    listSearchableFields: ['name', 'officialName'],
    useAsTitle: 'name',
  },
  defaultPopulate: { name: true, slug: true, state: true },
  defaultSort: 'name',
  endpoints: [municipalityEventsFeed],
  fields: [
    {
      name: 'name',
      type: 'text',
      label: { de: 'Name', en: 'Name' },
      maxLength: 200,
      required: true,
    },
    slugField('name'),
    embedSnippetField('municipality'),
    {
      type: 'row',
      fields: [
        {
          name: 'officialName',
          type: 'text',
          label: { de: 'Amtlicher Name', en: 'Official name' },
          maxLength: 300,
        },
        {
          name: 'state',
          type: 'select',
          index: true,
          label: { de: 'Bundesland', en: 'State' },
          options: FEDERAL_STATES,
          required: true,
        },
      ],
    },
    {
      name: 'website',
      type: 'text',
      label: { de: 'Website', en: 'Website' },
      maxLength: 2000,
      validate: urlValidate,
    },
    {
      name: 'logo',
      type: 'upload',
      label: { de: 'Logo / Wappen', en: 'Logo' },
      relationTo: 'media',
    },
    { name: 'description', type: 'richText', label: { de: 'Profil', en: 'Profile' } },
    coordinatesField(),
    {
      name: 'contacts',
      type: 'relationship',
      hasMany: true,
      label: { de: 'Ansprechpersonen', en: 'Contacts' },
      maxDepth: 1,
      relationTo: 'people',
    },
    {
      name: 'memberships',
      type: 'array',
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'organisation',
              type: 'relationship',
              label: { de: 'Netzwerk / Gremium', en: 'Network / body' },
              maxDepth: 1,
              relationTo: 'organisations',
              required: true,
            },
            { name: 'role', type: 'text', label: { de: 'Rolle', en: 'Role' }, maxLength: 200 },
          ],
        },
        {
          type: 'row',
          fields: [
            { name: 'since', type: 'date', admin: dayOnlyDate, label: { de: 'Seit', en: 'Since' } },
            { name: 'until', type: 'date', admin: dayOnlyDate, label: { de: 'Bis', en: 'Until' } },
          ],
        },
      ],
      label: { de: 'Mitgliedschaften', en: 'Memberships' },
      labels: {
        plural: { de: 'Mitgliedschaften', en: 'Memberships' },
        singular: { de: 'Mitgliedschaft', en: 'Membership' },
      },
    },
  ],
  labels: {
    plural: { de: 'Kommunen', en: 'Municipalities' },
    singular: { de: 'Kommune', en: 'Municipality' },
  },
}
