/**
 * The event registration plugin on a host that is not this project: visitors sign up for
 * workshop sessions ('sessions', whose fields have the host's own names, mapped by the `fields`
 * option) into a collection the host names ('signups') and dresses up (`overrides`).
 */
import type { CollectionConfig, CollectionSlug } from 'payload'

import {
  type EventRegistrationPluginOptions,
  eventRegistrationPlugin,
} from '@quartiersnetz/plugin-event-registration'
import { buildConfig } from 'payload'

import { type HostArgs, hostConfig, staff } from '../host'

export const SESSIONS = 'sessions'

export const sessions: CollectionConfig = {
  slug: SESSIONS,
  access: { read: () => true },
  admin: { useAsTitle: 'heading' },
  fields: [
    { name: 'heading', type: 'text', required: true },
    {
      name: 'beginsAt',
      type: 'date',
      admin: { date: { pickerAppearance: 'dayAndTime' } },
      required: true,
    },
    { name: 'endsAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'mode', type: 'select', defaultValue: 'on-site', options: ['on-site', 'remote'] },
    // The host hides the access link from the public itself; the plugin reads it with overrideAccess.
    { name: 'joinUrl', type: 'text', access: { read: () => false } },
    { name: 'signup', type: 'group', fields: [{ name: 'closesOn', type: 'date' }] },
  ],
  labels: { plural: { de: 'Termine', en: 'Sessions' }, singular: { de: 'Termin', en: 'Session' } },
}

export const REGISTRATIONS_SLUG = 'signups'

export const REGISTRATION_RATE_LIMIT = { max: 3, windowMs: 300_000 }

export const registrationOptions: EventRegistrationPluginOptions = {
  consentVersion: 'privacy-2027',
  eventsCollection: SESSIONS as CollectionSlug,
  fields: {
    accessLink: 'joinUrl',
    deadline: 'signup.closesOn',
    end: 'endsAt',
    format: 'mode',
    start: 'beginsAt',
    title: 'heading',
  },
  onlineFormats: ['remote'],
  overrides: {
    registrations: {
      admin: { group: { de: 'Teilnahme', en: 'Attendance' } },
      fields: ({ defaultFields }) => [
        ...defaultFields,
        { name: 'channel', type: 'text', defaultValue: 'portability' },
      ],
      labels: {
        plural: { de: 'Teilnahmen', en: 'Sign-ups' },
        singular: { de: 'Teilnahme', en: 'Sign-up' },
      },
    },
  },
  rateLimit: REGISTRATION_RATE_LIMIT,
  scheduleQueue: 'housekeeping',
  slug: REGISTRATIONS_SLUG,
  timeZone: 'Europe/Vienna',
}

export const registrationTestConfig = ({
  disabled = false,
  ...host
}: HostArgs & { disabled?: boolean } = {}) =>
  buildConfig({
    ...hostConfig(host),
    collections: [staff, sessions],
    plugins: [eventRegistrationPlugin({ ...registrationOptions, disabled })],
  })
