import type { CheckboxFieldValidation, CollectionConfig } from 'payload'

import type { ResolvedRegistrationOptions, StoredRegistration } from '../types'

import { languageField } from '@quartiersnetz/plugin-kit/mailLanguage'
import { returnUrlField } from '@quartiersnetz/plugin-kit/returnUrl'
import { REGISTRATION_STATUSES } from '../types'

export const STATUS_LABELS = {
  cancelled: { de: 'Storniert', en: 'Cancelled' },
  confirmed: { de: 'Bestätigt', en: 'Confirmed' },
  pending: { de: 'Unbestätigt', en: 'Pending' },
  waitlisted: { de: 'Warteliste', en: 'Waiting list' },
} as const

/** Bookkeeping nobody reads in the admin: not a column or filter to choose either. */
const hidden = {
  admin: { disableListColumn: true, disableListFilter: true, hidden: true, readOnly: true },
} as const

/** Times as the rest of the German admin shows them: 08.12.2026 23:59. */
const shownAsDateTime = {
  displayFormat: 'dd.MM.yyyy HH:mm',
  pickerAppearance: 'dayAndTime',
} as const
/** Changed only by the plugin's endpoints (which hold the event's lock and send the mails). */
const byEndpointsOnly = { create: () => false, update: () => false }

/** Check-in is for confirmed registrants (status can't change in the same save: only endpoints set it). */
const validateAttended: CheckboxFieldValidation = (value, { data, previousValue, req }) => {
  const status =
    data && typeof data === 'object' && 'status' in data
      ? (data as Partial<StoredRegistration>).status
      : undefined
  // Only checking in is checked: a later cancellation or the erasure keeps what was recorded.
  if (value && !previousValue && status !== 'confirmed') {
    return req.i18n?.language === 'en'
      ? 'Only confirmed registrations can be checked in.'
      : 'Nur bestätigte Anmeldungen können als anwesend markiert werden.'
  }
  return true
}

/** Registrations: never public; visitors write only through the plugin's endpoints. */
export const registrationsCollection = (
  options: ResolvedRegistrationOptions,
): CollectionConfig => ({
  slug: options.slug,
  access: {
    create: () => false,
    delete: options.canManage,
    read: options.canManage,
    update: options.canManage,
  },
  admin: {
    defaultColumns: ['name', 'email', 'event', 'status', 'attended', 'createdAt'],
    listSearchableFields: ['name', 'email'],
    useAsTitle: 'name',
  },
  defaultSort: 'createdAt',
  fields: [
    {
      name: 'event',
      type: 'relationship',
      access: byEndpointsOnly,
      admin: { readOnly: true },
      index: true,
      label: { de: 'Veranstaltung', en: 'Event' },
      maxDepth: 0,
      relationTo: options.eventsCollection,
    },
    // Required by the endpoint; empty once anonymised (retentionDays after the event).
    { name: 'name', type: 'text', label: { de: 'Name', en: 'Name' }, maxLength: 120 },
    { name: 'email', type: 'email', index: true, label: { de: 'E-Mail', en: 'E-mail' } },
    {
      name: 'answers',
      type: 'json',
      access: byEndpointsOnly,
      admin: { readOnly: true },
      label: { de: 'Antworten', en: 'Answers' },
    },
    {
      name: 'status',
      type: 'select',
      access: byEndpointsOnly,
      admin: {
        description: {
          de: 'Ändern über „Anmeldungen“ in der Veranstaltung (dort werden Plätze vergeben und E-Mails verschickt).',
          en: "Change it in the event's registrations panel (which assigns seats and sends the mails).",
        },
        readOnly: true,
      },
      defaultValue: 'pending',
      index: true,
      label: { de: 'Status', en: 'Status' },
      options: REGISTRATION_STATUSES.map((value) => ({ label: STATUS_LABELS[value], value })),
      required: true,
    },
    languageField,
    // Erased with the name and address after the event (tasks/retention.ts).
    returnUrlField({ label: { de: 'Angemeldet auf der Seite', en: 'Registered on the page' } }),
    {
      name: 'attended',
      type: 'checkbox',
      defaultValue: false,
      label: { de: 'Anwesend (Check-in)', en: 'Attended (check-in)' },
      validate: validateAttended,
    },
    {
      name: 'confirmedAt',
      type: 'date',
      access: byEndpointsOnly,
      admin: { date: shownAsDateTime, readOnly: true },
      label: { de: 'Bestätigt am', en: 'Confirmed at' },
    },
    {
      name: 'anonymisedAt',
      type: 'date',
      access: byEndpointsOnly,
      admin: { date: shownAsDateTime, readOnly: true },
      index: true,
      label: { de: 'Anonymisiert am', en: 'Anonymised at' },
    },
    {
      name: 'confirmTokenHash',
      type: 'text',
      index: true,
      label: { de: 'Bestätigungscode (Hash)', en: 'Confirmation token (hash)' },
      ...hidden,
    },
    {
      name: 'confirmExpiresAt',
      type: 'date',
      index: true,
      label: { de: 'Bestätigungslink gültig bis', en: 'Confirmation link valid until' },
      ...hidden,
    },
    {
      name: 'cancelTokenHash',
      type: 'text',
      index: true,
      label: { de: 'Abmeldecode (Hash)', en: 'Cancellation token (hash)' },
      ...hidden,
    },
    {
      name: 'consent',
      type: 'group',
      access: byEndpointsOnly,
      admin: { readOnly: true },
      fields: [
        {
          name: 'version',
          type: 'text',
          label: { de: 'Fassung der Datenschutzerklärung', en: 'Version of the privacy notice' },
        },
        {
          name: 'givenAt',
          type: 'date',
          admin: { date: shownAsDateTime },
          label: { de: 'Erteilt am', en: 'Given at' },
        },
      ],
      label: { de: 'Einwilligung', en: 'Consent' },
    },
  ],
  labels: {
    plural: { de: 'Anmeldungen', en: 'Registrations' },
    singular: { de: 'Anmeldung', en: 'Registration' },
  },
  timestamps: true,
})
