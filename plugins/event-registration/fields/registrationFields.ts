import type { Condition, DateField, Field, GroupField } from 'payload'

import type { CpdRecognition } from '../types'

const computed = (name: string, de: string, en: string): Field => ({
  name,
  type: 'number',
  access: { create: () => false, update: () => false },
  admin: { readOnly: true },
  label: { de, en },
  virtual: true,
})

/**
 * A day typed the German way: react-datepicker, given one format, reads what doesn't fit it
 * ("8.12.2026", or a time typed after the day) with `new Date(text)`, the American way (12 August).
 * Given a list it tries each and never falls back; the first is the one it displays.
 */
const dayInput: NonNullable<DateField['admin']>['date'] = {
  displayFormat: 'dd.MM.yyyy',
  overrides: {
    dateFormat: ['dd.MM.yyyy', 'd.M.yyyy', 'dd.M.yyyy', 'd.M.yy', 'dd.M.yy'].flatMap((day) => [
      day,
      `${day} H:mm`,
    ]),
  },
  pickerAppearance: 'dayOnly',
}

const hasNumber: Condition = (data) => typeof data?.capacity === 'number'
const isOpen: Condition = (data) => data?.registrationOpen === true

type Args = {
  /** The host's top-level field the section takes the place of and shows first. */
  around?: Field
  /** Whether an event is recognised as CPD (the organisers' panel says so before sending). */
  cpdOf?: (event: Record<string, unknown>) => CpdRecognition | null
  /** The host has its own deadline field (options.fields.deadline): don't add one. */
  hasHostDeadline: boolean
  label: Record<string, string>
  /** Passed to the organisers' panel. */
  panelProps: Record<string, unknown>
  timeZone: string
}

/**
 * The section "Anmeldung" the plugin adds to each event: the host's own registration facts
 * (when the host names them: `section.around`), the number of seats and the waiting list, the
 * switch for online registration with its questions, and the organisers' desk. Only layout:
 * every field keeps its name and place in the data. seatsTaken and waitingCount are filled on read.
 */
export const registrationSection = ({
  around,
  cpdOf,
  hasHostDeadline,
  label,
  panelProps,
  timeZone,
}: Args): GroupField => ({
  // A group without a name: a heading over the fields, nothing in the data. Not a collapsible:
  // the section is where editors work, and a collapsible reopened from its remembered state
  // showed the organisers' desk cut off after its first line.
  type: 'group',
  fields: [
    ...(around ? [around] : []),
    ...(hasHostDeadline
      ? []
      : [
          {
            name: 'onlineRegistrationDeadline',
            type: 'date',
            admin: {
              date: dayInput,
              description: {
                de: `Bis zum Ende dieses Tages (${timeZone}); danach ist die Online-Anmeldung geschlossen.`,
                en: `Until the end of this day (${timeZone}); online registration closes then.`,
              },
            },
            label: { de: 'Anmeldeschluss', en: 'Registration deadline' },
          } satisfies Field,
        ]),
    {
      type: 'row',
      fields: [
        {
          name: 'capacity',
          type: 'number',
          admin: {
            description: {
              de: 'Leer: keine feste Anzahl, die Online-Anmeldung nimmt alle an.',
              en: 'Empty: no fixed number, online registration accepts everyone.',
            },
          },
          label: { de: 'Anzahl der Plätze', en: 'Number of seats' },
          min: 0,
        },
        {
          name: 'hasWaitingList',
          type: 'checkbox',
          admin: { condition: hasNumber },
          defaultValue: true,
          label: {
            de: 'Warteliste, wenn alle Plätze belegt sind',
            en: 'Waiting list once every seat is taken',
          },
        },
      ],
    },
    {
      name: 'registrationOpen',
      type: 'checkbox',
      admin: {
        description: {
          de: 'Besucherinnen und Besucher melden sich über das Formular auf der Website an und bestätigen per E-Mail. Nach dem Anmeldeschluss und ab Beginn der Veranstaltung ist die Anmeldung von selbst geschlossen.',
          en: 'Visitors register through the form on the website and confirm by e-mail. After the deadline and once the event has begun, registration closes by itself.',
        },
      },
      defaultValue: false,
      label: { de: 'Online-Anmeldung geöffnet', en: 'Online registration open' },
    },
    {
      name: 'customQuestions',
      type: 'array',
      admin: {
        condition: isOpen,
        description: {
          de: 'Fragen, die das Anmeldeformular zusätzlich zu Name und E-Mail-Adresse stellt.',
          en: 'Questions the registration form asks besides name and e-mail address.',
        },
      },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'label',
              type: 'text',
              label: { de: 'Frage', en: 'Question' },
              maxLength: 200,
              required: true,
            },
            {
              name: 'key',
              type: 'text',
              admin: {
                description: {
                  de: 'Kurzer Name der Antwort, z. B. „organisation“: Spalte im CSV-Export.',
                  en: 'Short name of the answer, e.g. "organisation": column in the CSV export.',
                },
              },
              label: { de: 'Schlüssel', en: 'Key' },
              maxLength: 60,
              required: true,
              validate: (value: unknown, { req }: { req: { i18n?: { language?: string } } }) =>
                (typeof value === 'string' && /^[a-zA-Z][a-zA-Z0-9_]*$/.test(value)) ||
                (req.i18n?.language === 'en'
                  ? 'Letters a–z, digits and _, starting with a letter.'
                  : 'Buchstaben a–z, Ziffern und _, am Anfang ein Buchstabe.'),
            },
            {
              name: 'type',
              type: 'select',
              defaultValue: 'text',
              label: { de: 'Art der Antwort', en: 'Kind of answer' },
              options: [
                { label: { de: 'Freitext', en: 'Free text' }, value: 'text' },
                { label: { de: 'Auswahl', en: 'Choice' }, value: 'select' },
              ],
              required: true,
            },
            {
              name: 'required',
              type: 'checkbox',
              label: { de: 'Pflichtfrage', en: 'Required' },
            },
          ],
        },
        {
          name: 'options',
          type: 'array',
          admin: { condition: (_, sibling) => sibling?.type === 'select' },
          fields: [
            {
              name: 'value',
              type: 'text',
              label: { de: 'Antwort', en: 'Answer' },
              maxLength: 200,
              required: true,
            },
          ],
          label: { de: 'Antworten zur Auswahl', en: 'Answers to choose from' },
          labels: {
            plural: { de: 'Antworten', en: 'Answers' },
            singular: { de: 'Antwort', en: 'Answer' },
          },
        },
      ],
      label: { de: 'Zusatzfragen', en: 'Additional questions' },
      labels: {
        plural: { de: 'Zusatzfragen', en: 'Additional questions' },
        singular: { de: 'Zusatzfrage', en: 'Additional question' },
      },
    },
    {
      type: 'row',
      fields: [
        computed('seatsTaken', 'Belegte Plätze', 'Seats taken'),
        computed('waitingCount', 'Auf der Warteliste', 'On the waiting list'),
      ],
    },
    {
      // The organisers' desk: seats gauge, the registrations with their status, check-in,
      // manual decisions, CSV export, a message to all confirmed, attendance confirmations.
      name: 'registrationsPanel',
      type: 'ui',
      admin: {
        components: {
          Field: {
            clientProps: panelProps,
            path: '@quartiersnetz/plugin-event-registration/rsc#RegistrationsPanel',
            // Server only: whether the saved event is recognised as CPD.
            serverProps: { cpdOf },
          },
        },
        disableListColumn: true,
      },
    },
  ],
  label,
})
