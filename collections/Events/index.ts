import type { CollectionConfig, FieldAccess, SelectField } from 'payload'

import { isEditor } from '../../src/access/isEditor'
import { hasRole } from '../../src/access/roles'
import { EVENT_FORMATS, EVENT_KINDS, EVENT_TIME_ZONE } from '../../src/domain/eventKinds'
import { coordinatesField } from '../../src/fields/coordinates'
import { embedSnippetField } from '../../src/fields/embedSnippet'
import { germanDateTime, germanDay } from '../../src/fields/dateInput'
import { urlValidate } from '../../src/fields/links'
import { municipalityField } from '../../src/fields/municipalityField'
import { slugField } from '../../src/fields/slug'
import { groups, publicContent } from '../shared/publicContent'
import { eventsFeed } from './endpoints/feed'
import { markLimitedSeats } from './hooks/markLimitedSeats'

export const eventTimezone = {
  defaultTimezone: EVENT_TIME_ZONE,
  supportedTimezones: [{ label: 'Europa/Berlin', value: EVENT_TIME_ZONE }],
}

/**
 * The time zone Payload stores beside a date (`start_tz`): always Europe/Berlin here, so named in
 * German and kept out of the list's columns and filters, where it only read "Start_tz".
 */
const timezoneOf = (label: { de: string; en: string }) => ({
  ...eventTimezone,
  override: ({ baseField }: { baseField: SelectField }): SelectField => ({
    ...baseField,
    admin: { ...baseField.admin, disableListColumn: true, disableListFilter: true },
    label,
  }),
})

/** The online access link goes to confirmed registrants only; no visitor or website reads it. */
const isCoordinationOffice: FieldAccess = ({ req: { user } }) => hasRole(user, 'admin', 'editor')
const coordinationOfficeOnly = {
  create: isCoordinationOffice,
  read: isCoordinationOffice,
  update: isCoordinationOffice,
}

export const AUDIENCES = [
  { label: { de: 'Mitglieder der AG', en: 'Members of the working group' }, value: 'members' },
  {
    label: { de: 'Kommunen des Netzwerks', en: 'Municipalities of the network' },
    value: 'network-municipalities',
  },
  { label: { de: 'Fachöffentlichkeit', en: 'Professionals' }, value: 'professionals' },
  { label: { de: 'Öffentlichkeit', en: 'General public' }, value: 'public' },
]

const content = publicContent({ access: { create: isEditor, delete: isEditor, update: isEditor } })

export const Events: CollectionConfig = {
  slug: 'events',
  ...content,
  admin: {
    components: {
      // Upcoming first: the list opens on the events from today on, with tabs for the past and all.
      beforeListTable: ['/collections/Events/components/EventsListTabs#EventsListTabs'],
    },
    defaultColumns: ['title', 'kind', 'start', 'format', '_status'],
    group: groups.events,
    listSearchableFields: ['title', 'theme'],
    useAsTitle: 'title',
  },
  defaultPopulate: { end: true, format: true, kind: true, slug: true, start: true, title: true },
  defaultSort: 'start',
  endpoints: [eventsFeed],
  hooks: { ...content.hooks, beforeChange: [markLimitedSeats] },
  fields: [
    {
      name: 'title',
      type: 'text',
      label: { de: 'Titel', en: 'Title' },
      maxLength: 300,
      required: true,
    },
    slugField(),
    embedSnippetField('event'),
    {
      type: 'row',
      fields: [
        {
          name: 'kind',
          type: 'select',
          index: true,
          label: { de: 'Art', en: 'Kind' },
          options: EVENT_KINDS,
          required: true,
        },
        {
          name: 'format',
          type: 'select',
          defaultValue: 'on-site',
          label: { de: 'Format', en: 'Format' },
          options: EVENT_FORMATS,
          required: true,
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'series',
          type: 'relationship',
          index: true,
          label: { de: 'Reihe', en: 'Series' },
          maxDepth: 1,
          relationTo: 'event-series',
        },
        {
          name: 'episodeNumber',
          type: 'number',
          label: { de: 'Folge Nr.', en: 'Episode no.' },
          min: 1,
        },
      ],
    },
    { name: 'theme', type: 'text', label: { de: 'Thema', en: 'Theme' }, maxLength: 300 },
    {
      name: 'teaser',
      type: 'textarea',
      label: { de: 'Kurzbeschreibung', en: 'Teaser' },
      maxLength: 1000,
    },
    { name: 'description', type: 'richText', label: { de: 'Beschreibung', en: 'Description' } },
    {
      type: 'row',
      fields: [
        {
          name: 'start',
          type: 'date',
          admin: germanDateTime,
          index: true,
          label: { de: 'Beginn', en: 'Start' },
          required: true,
          timezone: timezoneOf({ de: 'Zeitzone (Beginn)', en: 'Time zone (start)' }),
        },
        {
          name: 'end',
          type: 'date',
          admin: germanDateTime,
          label: { de: 'Ende', en: 'End' },
          timezone: timezoneOf({ de: 'Zeitzone (Ende)', en: 'Time zone (end)' }),
          validate: (
            value: Date | null | string | undefined,
            { siblingData }: { siblingData: Partial<{ start: Date | string }> },
          ) =>
            !value ||
            !siblingData.start ||
            new Date(value) >= new Date(siblingData.start) ||
            'Das Ende liegt vor dem Beginn.',
        },
      ],
    },
    {
      name: 'isCancelled',
      type: 'checkbox',
      admin: { position: 'sidebar' },
      label: { de: 'Abgesagt', en: 'Cancelled' },
    },
    {
      name: 'venue',
      type: 'group',
      admin: { condition: (data) => data?.format !== 'online' },
      fields: [
        { name: 'name', type: 'text', label: { de: 'Ort', en: 'Venue' }, maxLength: 300 },
        {
          name: 'address',
          type: 'textarea',
          label: { de: 'Adresse', en: 'Address' },
          maxLength: 1000,
        },
        municipalityField(),
        coordinatesField(),
      ],
      label: { de: 'Veranstaltungsort', en: 'Venue' },
    },
    {
      name: 'accessLink',
      type: 'text',
      access: coordinationOfficeOnly,
      admin: {
        condition: (data) => data?.format !== 'on-site',
        description: {
          de: 'Wird nie öffentlich angezeigt; nur bestätigte Angemeldete erhalten ihn per E-Mail.',
          en: 'Never shown publicly; only confirmed registrants receive it by e-mail.',
        },
      },
      label: { de: 'Zugangslink (online)', en: 'Access link (online)' },
      maxLength: 2000,
      validate: urlValidate,
    },
    {
      name: 'destinations',
      type: 'array',
      admin: { condition: (data) => data?.kind === 'excursion' || data?.kind === 'study-trip' },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'place',
              type: 'text',
              label: { de: 'Ort', en: 'Place' },
              maxLength: 200,
              required: true,
            },
            { name: 'country', type: 'text', label: { de: 'Land', en: 'Country' }, maxLength: 100 },
          ],
        },
        { name: 'note', type: 'text', label: { de: 'Programm', en: 'Programme' }, maxLength: 500 },
      ],
      label: { de: 'Reiseziele', en: 'Destinations' },
    },
    {
      name: 'speakers',
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
            },
            {
              name: 'name',
              type: 'text',
              label: { de: 'Name (ohne Personeneintrag)', en: 'Name (without person entry)' },
              maxLength: 200,
            },
          ],
        },
        {
          type: 'row',
          fields: [
            {
              name: 'role',
              type: 'select',
              label: { de: 'Rolle', en: 'Role' },
              options: [
                { label: { de: 'Impulsgeber/in', en: 'Keynote' }, value: 'impulse' },
                { label: { de: 'Moderation', en: 'Moderation' }, value: 'moderation' },
                { label: { de: 'Koordination', en: 'Coordination' }, value: 'coordination' },
                { label: { de: 'Referent/in', en: 'Speaker' }, value: 'speaker' },
              ],
              required: true,
            },
            {
              name: 'affiliation',
              type: 'text',
              label: { de: 'Institution', en: 'Affiliation' },
              maxLength: 300,
            },
          ],
        },
      ],
      label: { de: 'Mitwirkende', en: 'Speakers' },
      labels: {
        plural: { de: 'Mitwirkende', en: 'Speakers' },
        singular: { de: 'Mitwirkende/r', en: 'Speaker' },
      },
      validate: (value: unknown) => {
        const rows = (Array.isArray(value) ? value : []) as { name?: string; person?: unknown }[]
        return (
          rows.every((row) => row.person || row.name) ||
          'Jede/r Mitwirkende braucht eine Person oder einen Namen.'
        )
      },
    },
    {
      name: 'organiser',
      type: 'relationship',
      label: { de: 'Veranstalter', en: 'Organiser' },
      maxDepth: 1,
      relationTo: 'organisations',
    },
    {
      name: 'partners',
      type: 'array',
      fields: [
        {
          type: 'row',
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
        },
      ],
      label: { de: 'Partner', en: 'Partners' },
    },
    {
      name: 'fee',
      type: 'group',
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'isFree',
              type: 'checkbox',
              defaultValue: true,
              label: { de: 'Kostenfrei', en: 'Free of charge' },
            },
            {
              name: 'amount',
              type: 'number',
              admin: { condition: (_, sibling) => !sibling?.isFree },
              label: { de: 'Betrag (EUR)', en: 'Amount (EUR)' },
              min: 0,
            },
          ],
        },
        { name: 'note', type: 'text', label: { de: 'Hinweis', en: 'Note' }, maxLength: 500 },
      ],
      label: { de: 'Teilnahmegebühr', en: 'Fee' },
    },
    {
      name: 'cpd',
      type: 'group',
      fields: [
        {
          name: 'isRecognised',
          type: 'checkbox',
          label: { de: 'Als Fortbildung anerkannt', en: 'Recognised as CPD' },
        },
        {
          type: 'row',
          admin: { condition: (_, sibling) => Boolean(sibling?.isRecognised) },
          fields: [
            {
              name: 'chamber',
              type: 'text',
              label: { de: 'Kammer', en: 'Chamber' },
              maxLength: 200,
            },
            {
              name: 'subject',
              type: 'text',
              label: { de: 'Fachrichtung', en: 'Subject' },
              maxLength: 200,
            },
            {
              name: 'points',
              type: 'number',
              label: { de: 'Punkte / Unterrichtsstunden', en: 'Points' },
              min: 0,
            },
          ],
        },
      ],
      label: { de: 'Fortbildungsanerkennung', en: 'CPD recognition' },
    },
    {
      name: 'audience',
      type: 'select',
      hasMany: true,
      label: { de: 'Zielgruppe', en: 'Audience' },
      options: AUDIENCES,
    },
    {
      // What an event says about registering for it, for every way of registering. Event
      // registration (plugins/event-registration) shows it first in its section "Anmeldung",
      // followed by its seats, online registration and the organisers' desk: hence no heading here.
      name: 'registration',
      type: 'group',
      admin: { hideGutter: true },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'deadline',
              type: 'date',
              admin: {
                ...germanDay,
                description: {
                  de: 'Bis zum Ende dieses Tages; danach ist die Online-Anmeldung geschlossen.',
                  en: 'Until the end of this day; online registration closes then.',
                },
                width: '50%',
              },
              label: { de: 'Anmeldeschluss', en: 'Registration deadline' },
            },
            {
              name: 'contactEmail',
              type: 'email',
              admin: {
                description: {
                  de: 'Wird öffentlich genannt, für Anmeldungen per E-Mail.',
                  en: 'Shown publicly, for registrations by e-mail.',
                },
                width: '50%',
              },
              label: { de: 'Anmeldung per E-Mail an', en: 'Register by e-mail to' },
            },
          ],
        },
        {
          name: 'note',
          type: 'textarea',
          admin: {
            description: {
              de: 'Wird öffentlich bei der Veranstaltung angezeigt, z. B. wie man sich anmeldet, wenn es keine Online-Anmeldung gibt.',
              en: 'Shown publicly with the event, e.g. how to register when there is no online registration.',
            },
          },
          label: { de: 'Hinweise zur Anmeldung', en: 'Registration notes' },
          maxLength: 2000,
        },
        {
          name: 'hasLimitedSeats',
          type: 'checkbox',
          admin: {
            description: {
              de: 'Auch wenn die Anzahl (noch) nicht feststeht. Mit einer Anzahl der Plätze wird es beim Speichern angekreuzt.',
              en: 'Also when the number is not (yet) known. With a number of seats it is ticked on saving.',
            },
          },
          label: { de: 'Plätze begrenzt', en: 'Limited seats' },
        },
      ],
      label: false,
    },
    {
      name: 'municipalities',
      type: 'relationship',
      hasMany: true,
      index: true,
      label: { de: 'Beteiligte Kommunen', en: 'Municipalities involved' },
      maxDepth: 1,
      relationTo: 'municipalities',
    },
    {
      name: 'fieldsOfAction',
      type: 'relationship',
      hasMany: true,
      label: { de: 'Handlungsfelder', en: 'Fields of action' },
      maxDepth: 1,
      relationTo: 'fields-of-action',
    },
    {
      name: 'relatedProjects',
      type: 'relationship',
      hasMany: true,
      label: { de: 'Projekte', en: 'Projects' },
      maxDepth: 1,
      relationTo: 'projects',
    },
    {
      name: 'publications',
      type: 'relationship',
      hasMany: true,
      label: { de: 'Publikationen', en: 'Publications' },
      maxDepth: 1,
      relationTo: 'publications',
    },
    {
      name: 'images',
      type: 'upload',
      hasMany: true,
      label: { de: 'Bilder', en: 'Images' },
      relationTo: 'media',
    },
    {
      name: 'occurrenceKey',
      type: 'text',
      admin: {
        // Only a date a series generated has one: an empty grey field told editors nothing.
        condition: (data) => Boolean(data?.occurrenceKey),
        description: {
          de: 'Von der Reihe erzeugter Termin (nicht ändern).',
          en: 'Occurrence generated by the series (do not edit).',
        },
        position: 'sidebar',
        readOnly: true,
      },
      index: true,
      label: { de: 'Terminschlüssel', en: 'Occurrence key' },
      unique: true,
    },
  ],
  labels: {
    plural: { de: 'Veranstaltungen', en: 'Events' },
    singular: { de: 'Veranstaltung', en: 'Event' },
  },
}
