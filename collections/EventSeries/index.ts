import type { CollectionConfig } from 'payload'

import { EVENT_FORMATS, EVENT_KINDS } from '../../src/domain/eventKinds'
import { embedSnippetField } from '../../src/fields/embedSnippet'
import { germanDateTime } from '../../src/fields/dateInput'
import { dayOnlyDate } from '../../src/fields/period'
import { slugField } from '../../src/fields/slug'
import { AUDIENCES } from '../Events'
import { groups, publicContent } from '../shared/publicContent'
import { seriesFeed } from './endpoints/feed'
import { generateOccurrencesEndpoint } from './endpoints/generateOccurrences'
import { validateRecurrenceRule } from './rule/validateRule'

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/

export const EventSeries: CollectionConfig = {
  slug: 'event-series',
  ...publicContent(),
  admin: {
    defaultColumns: ['title', 'kind', 'recurrence.rule', '_status', 'updatedAt'],
    group: groups.events,
    useAsTitle: 'title',
  },
  defaultPopulate: { kind: true, slug: true, title: true },
  endpoints: [generateOccurrencesEndpoint, seriesFeed],
  fields: [
    {
      name: 'title',
      type: 'text',
      label: { de: 'Titel', en: 'Title' },
      maxLength: 300,
      required: true,
    },
    slugField(),
    embedSnippetField('event-series'),
    {
      type: 'row',
      fields: [
        {
          name: 'kind',
          type: 'select',
          label: { de: 'Art der Termine', en: 'Kind of events' },
          options: EVENT_KINDS,
          required: true,
        },
        {
          name: 'defaultFormat',
          type: 'select',
          defaultValue: 'hybrid',
          label: { de: 'Format', en: 'Format' },
          options: EVENT_FORMATS,
        },
      ],
    },
    { name: 'description', type: 'richText', label: { de: 'Beschreibung', en: 'Description' } },
    {
      name: 'organiser',
      type: 'relationship',
      label: { de: 'Veranstalter', en: 'Organiser' },
      maxDepth: 1,
      relationTo: 'organisations',
    },
    {
      type: 'row',
      fields: [
        {
          name: 'plannedEpisodes',
          type: 'number',
          label: { de: 'Geplante Folgen', en: 'Planned episodes' },
          min: 1,
        },
        {
          name: 'announcementLeadDays',
          type: 'number',
          admin: {
            description: {
              de: 'Termine werden etwa so viele Tage vorher angekündigt.',
              en: 'Dates are announced about this many days ahead.',
            },
          },
          label: { de: 'Ankündigung (Tage vorher)', en: 'Announced (days ahead)' },
          min: 0,
        },
      ],
    },
    {
      name: 'recurrence',
      type: 'group',
      admin: {
        description: {
          de: 'Für regelmäßige Reihen: Termine werden bis zum Horizont als Veranstaltungen erzeugt (täglich und per Schaltfläche). Zeiten gelten in Europa/Berlin.',
          en: 'For regular series: occurrences are generated as events up to the horizon (daily and on demand). Times are Europe/Berlin.',
        },
      },
      fields: [
        {
          name: 'rule',
          type: 'text',
          admin: {
            components: {
              Cell: '/collections/EventSeries/components/RecurrenceRuleCell/index.client#RecurrenceRuleCell',
              Field:
                '/collections/EventSeries/components/RecurrenceRule/index.client#RecurrenceRuleField',
            },
            description: {
              de: 'RRULE, z. B. FREQ=MONTHLY;BYDAY=+1TH (jeden 1. Donnerstag) oder FREQ=WEEKLY;BYDAY=TU',
              en: 'RRULE, e.g. FREQ=MONTHLY;BYDAY=+1TH',
            },
          },
          label: { de: 'Wiederholungsregel', en: 'Recurrence rule' },
          maxLength: 500,
          validate: validateRecurrenceRule,
        },
        // Set through the rule picker's "von … bis …" (a start and an end are what editors know).
        {
          name: 'startTime',
          type: 'text',
          admin: { hidden: true },
          defaultValue: '10:00',
          label: { de: 'Beginn (HH:MM)', en: 'Start time (HH:MM)' },
          validate: (value: null | string | undefined) =>
            !value || TIME_OF_DAY.test(value) || 'Uhrzeit als HH:MM, z. B. 12:00.',
        },
        {
          name: 'durationMinutes',
          type: 'number',
          admin: { hidden: true },
          defaultValue: 120,
          label: { de: 'Dauer (Minuten)', en: 'Duration (minutes)' },
          min: 1,
        },
        {
          type: 'row',
          fields: [
            {
              name: 'startsOn',
              type: 'date',
              admin: dayOnlyDate,
              label: { de: 'Ab', en: 'Starts on' },
            },
            {
              name: 'endsOn',
              type: 'date',
              admin: dayOnlyDate,
              label: { de: 'Bis (optional)', en: 'Ends on (optional)' },
            },
            {
              name: 'horizonDays',
              type: 'number',
              admin: {
                description: {
                  de: 'So viele Tage im Voraus werden Termine angelegt.',
                  en: 'Occurrences are created this many days ahead.',
                },
              },
              defaultValue: 180,
              label: { de: 'Horizont (Tage)', en: 'Horizon (days)' },
              max: 1000,
              min: 1,
            },
          ],
        },
        {
          name: 'exceptions',
          type: 'array',
          fields: [
            {
              type: 'row',
              fields: [
                {
                  name: 'date',
                  type: 'date',
                  admin: dayOnlyDate,
                  label: { de: 'Termin am', en: 'Occurrence on' },
                  required: true,
                },
                {
                  name: 'action',
                  type: 'select',
                  defaultValue: 'skip',
                  label: { de: 'Ausnahme', en: 'Exception' },
                  options: [
                    { label: { de: 'Entfällt', en: 'Skipped' }, value: 'skip' },
                    { label: { de: 'Verschoben', en: 'Moved' }, value: 'move' },
                  ],
                  required: true,
                },
                {
                  name: 'movedTo',
                  type: 'date',
                  admin: {
                    ...germanDateTime,
                    condition: (_, sibling) => sibling?.action === 'move',
                  },
                  label: { de: 'Neuer Beginn', en: 'New start' },
                },
              ],
            },
            { name: 'note', type: 'text', label: { de: 'Hinweis', en: 'Note' }, maxLength: 300 },
          ],
          label: { de: 'Ausnahmen', en: 'Exceptions' },
          labels: {
            plural: { de: 'Ausnahmen', en: 'Exceptions' },
            singular: { de: 'Ausnahme', en: 'Exception' },
          },
        },
        {
          name: 'lastGeneratedAt',
          type: 'date',
          admin: {
            ...germanDateTime,
            readOnly: true,
          },
          label: { de: 'Zuletzt erzeugt', en: 'Last generated' },
        },
        {
          name: 'generateOccurrences',
          type: 'ui',
          admin: {
            components: {
              Field: '/collections/EventSeries/components/Occurrences/index.client#Occurrences',
            },
          },
        },
      ],
      label: { de: 'Wiederholung', en: 'Recurrence' },
    },
    {
      name: 'venue',
      type: 'text',
      label: { de: 'Üblicher Ort', en: 'Usual venue' },
      maxLength: 500,
    },
    {
      name: 'audience',
      type: 'select',
      hasMany: true,
      label: { de: 'Zielgruppe', en: 'Audience' },
      options: AUDIENCES,
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
      name: 'municipalities',
      type: 'relationship',
      admin: {
        description: {
          de: 'Gehen in jeden Termin ein, der noch keine beteiligte Kommune hat: Die Termine erscheinen dann in deren Veranstaltungslisten und Kalendern.',
          en: 'Go into every date that has no municipality involved yet: the dates then appear in their event lists and calendars.',
        },
      },
      hasMany: true,
      label: { de: 'Beteiligte Kommunen', en: 'Municipalities involved' },
      maxDepth: 1,
      relationTo: 'municipalities',
    },
  ],
  labels: {
    plural: { de: 'Veranstaltungsreihen', en: 'Event series' },
    singular: { de: 'Veranstaltungsreihe', en: 'Event series' },
  },
}
