import type { CollectionConfig, Field } from 'payload'

import { bipolarScaleComponent } from '@quartiersnetz/plugin-ratings'

import { MODULE_FACETS } from '../src/domain/moduleFacets'
import { RATING_DIMENSIONS } from '../src/domain/ratingDimensions'
import { catalogueEndpoint } from '../src/search/catalogueEndpoint'
import { embedSnippetField } from '../src/fields/embedSnippet'
import { linksField } from '../src/fields/links'
import { slugField } from '../src/fields/slug'
import { groups, publicContent } from './shared/publicContent'

const section = (name: string, de: string, en: string): Field => ({
  name,
  type: 'richText',
  label: { de, en },
})

export const Modules: CollectionConfig = {
  slug: 'modules',
  ...publicContent(),
  admin: {
    defaultColumns: ['title', '_status', 'updatedAt'],
    group: groups.content,
    listSearchableFields: ['title', 'summary'],
    useAsTitle: 'title',
  },
  defaultPopulate: { slug: true, summary: true, title: true },
  // The method catalogue: facets, rating profile and words combined (src/search/catalogue.ts).
  endpoints: [catalogueEndpoint],
  fields: [
    {
      name: 'title',
      type: 'text',
      label: { de: 'Titel', en: 'Title' },
      maxLength: 300,
      required: true,
    },
    slugField(),
    embedSnippetField('module'),
    {
      name: 'summary',
      type: 'textarea',
      label: { de: 'Kurzbeschreibung', en: 'Summary' },
      maxLength: 1000,
    },
    {
      type: 'tabs',
      tabs: [
        {
          fields: [
            section('objective', 'Zielsetzung', 'Objective'),
            section('users', 'Anwenderinnen und Anwender', 'Users'),
            {
              name: 'targetGroups',
              type: 'relationship',
              hasMany: true,
              label: { de: 'Zielgruppe', en: 'Target groups' },
              maxDepth: 1,
              relationTo: 'target-groups',
            },
            {
              name: 'targetGroupNote',
              type: 'textarea',
              label: { de: 'Zielgruppe (Erläuterung)', en: 'Target groups (note)' },
              maxLength: 2000,
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
          ],
          label: { de: 'Ziel und Zielgruppe', en: 'Objective and audience' },
        },
        {
          fields: [
            section('implementation', 'Umsetzung und Durchführung', 'Implementation'),
            section(
              'steps',
              'Wichtige Umsetzungsschritte / Aufwandsabschätzung',
              'Key steps / effort',
            ),
            section('pitfalls', 'Stolpersteine', 'Pitfalls'),
            section('assessment', 'Bewertung', 'Assessment'),
          ],
          label: { de: 'Umsetzung', en: 'Implementation' },
        },
        {
          fields: [
            section('contactsNote', 'Kontakte / Ansprechpartner', 'Contacts'),
            {
              name: 'contacts',
              type: 'relationship',
              hasMany: true,
              label: { de: 'Ansprechpersonen', en: 'Contact persons' },
              maxDepth: 1,
              relationTo: 'people',
            },
            section('financing', 'Finanzierungsansätze', 'Financing'),
            section('advice', 'Beratung', 'Advice'),
          ],
          label: { de: 'Unterstützung', en: 'Support' },
        },
        {
          fields: [
            {
              name: 'relatedProjects',
              type: 'relationship',
              hasMany: true,
              label: { de: 'Projekte', en: 'Projects' },
              maxDepth: 1,
              relationTo: 'projects',
            },
            {
              name: 'relatedModules',
              type: 'relationship',
              filterOptions: ({ id }) => (id ? { id: { not_equals: id } } : true),
              hasMany: true,
              label: { de: 'Weitere Module', en: 'Further modules' },
              maxDepth: 1,
              relationTo: 'modules',
            },
            linksField(),
          ],
          label: { de: 'Verweise', en: 'References' },
        },
        {
          description: {
            de: 'Wonach Fachleute Methoden im Methodenkatalog filtern (neben Handlungsfeldern und Zielgruppen). Wählen Sie alles, was auf die Methode zutrifft.',
            en: 'What practitioners filter methods by in the method catalogue (besides fields of action and target groups). Choose everything that applies to the method.',
          },
          fields: MODULE_FACETS.map((facet): Field => ({
            name: facet.field,
            type: 'select',
            hasMany: facet.isMany,
            label: facet.label,
            options: facet.options.map((option) => ({ ...option, label: { ...option.label } })),
          })),
          label: { de: 'Methodenkatalog', en: 'Method catalogue' },
        },
        {
          fields: [
            {
              name: 'editorialAssessment',
              type: 'group',
              admin: {
                description: {
                  de: 'Die Einschätzung der Redaktion auf denselben Skalen, auf denen Nutzerinnen und Nutzer bewerten. Wählen Sie je Dimension einen Wert zwischen den beiden Polen, oder „Keine Einschätzung“.',
                  en: 'The editors’ assessment on the same scales that users rate on. Choose a value between the two poles for each dimension, or “No assessment”.',
                },
              },
              fields: RATING_DIMENSIONS.map((dimension) => ({
                name: dimension.key,
                type: 'number' as const,
                admin: {
                  // The widgets' scale with the poles' words, as radio buttons (the number is stored).
                  components: {
                    Field: bipolarScaleComponent({
                      high: dimension.high,
                      low: dimension.low,
                      scale: { max: 5, min: 1 },
                    }),
                  },
                },
                label: dimension.label,
                max: 5,
                min: 1,
                validate: (value: null | number | undefined) =>
                  value === null ||
                  value === undefined ||
                  Number.isInteger(value) ||
                  'Bitte eine ganze Zahl von 1 bis 5.',
              })),
              label: { de: 'Redaktionelle Einschätzung', en: 'Editorial assessment' },
            },
          ],
          label: { de: 'Einschätzung', en: 'Assessment' },
        },
      ],
    },
  ],
  labels: {
    plural: { de: 'Beteiligungsmodule', en: 'Participation modules' },
    singular: { de: 'Beteiligungsmodul', en: 'Participation module' },
  },
}
