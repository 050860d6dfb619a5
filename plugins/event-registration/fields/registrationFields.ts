import type { Field } from 'payload'

const computed = (name: string, de: string, en: string): Field => ({
  name,
  type: 'number',
  access: { create: () => false, update: () => false },
  admin: { readOnly: true },
  label: { de, en },
  virtual: true,
})

type Args = {
  /** The host has its own deadline field (options.fields.deadline): don't add one. */
  hasHostDeadline: boolean
  /** Passed to the organisers' panel. */
  panelProps: Record<string, unknown>
  timeZone: string
}

/** Fields the plugin adds to each event; seatsTaken and waitingCount are filled on read. */
export const registrationFields = ({ hasHostDeadline, panelProps, timeZone }: Args): Field => ({
  type: 'collapsible',
  admin: { initCollapsed: true },
  fields: [
    {
      name: 'registrationOpen',
      type: 'checkbox',
      defaultValue: false,
      label: { de: 'Online-Anmeldung offen', en: 'Online registration open' },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'capacity',
          type: 'number',
          label: { de: 'Plätze', en: 'Seats' },
          min: 0,
        },
        ...(hasHostDeadline
          ? []
          : [
              {
                name: 'onlineRegistrationDeadline',
                type: 'date',
                admin: {
                  date: { displayFormat: 'dd.MM.yyyy', pickerAppearance: 'dayOnly' },
                  description: {
                    de: `Bis Tagesende (${timeZone})`,
                    en: `Until the end of the day (${timeZone})`,
                  },
                },
                label: {
                  de: 'Anmeldeschluss (online)',
                  en: 'Registration deadline (online)',
                },
              } satisfies Field,
            ]),
        {
          name: 'hasWaitingList',
          type: 'checkbox',
          defaultValue: true,
          label: { de: 'Warteliste', en: 'Waiting list' },
        },
      ],
    },
    {
      name: 'customQuestions',
      type: 'array',
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
              label: { de: 'Schlüssel', en: 'Key' },
              maxLength: 60,
              required: true,
              validate: (value: unknown) =>
                (typeof value === 'string' && /^[a-zA-Z][a-zA-Z0-9_]*$/.test(value)) ||
                'a-z, 0-9, _',
            },
            {
              name: 'type',
              type: 'select',
              defaultValue: 'text',
              label: { de: 'Art', en: 'Type' },
              options: ['text', 'select'],
              required: true,
            },
            {
              name: 'required',
              type: 'checkbox',
              label: { de: 'Pflicht', en: 'Required' },
            },
          ],
        },
        {
          name: 'options',
          type: 'array',
          admin: { condition: (_, sibling) => sibling?.type === 'select' },
          fields: [{ name: 'value', type: 'text', maxLength: 200, required: true }],
          label: { de: 'Auswahl', en: 'Options' },
        },
      ],
      label: { de: 'Zusatzfragen', en: 'Custom questions' },
    },
    {
      type: 'row',
      fields: [
        computed('seatsTaken', 'Belegte Plätze', 'Seats taken'),
        computed('waitingCount', 'Warteliste', 'Waiting'),
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
          },
        },
        disableListColumn: true,
      },
    },
  ],
  label: { de: 'Online-Anmeldung', en: 'Online registration' },
})
