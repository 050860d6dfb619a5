import type { CollectionSlug, PayloadRequest } from 'payload'

import type { ResolvedRegistrationOptions, StoredEvent } from '../types'

/** The event with every field (access link included), for the plugin's own use only. */
export const loadEvent = async ({ id, options, req }: { id: number | string; options: ResolvedRegistrationOptions; req: PayloadRequest }) =>
  (await req.payload
    .findByID({
      collection: options.eventsCollection,
      depth: 0,
      disableErrors: true,
      id,
      overrideAccess: true,
      req,
    })
    .catch(() => null)) as null | StoredEvent

export const fieldOf = (event: StoredEvent, name: string): unknown => event[name]

export const titleOf = (event: StoredEvent, options: ResolvedRegistrationOptions) => String(fieldOf(event, options.fields.title) ?? '')

export const startOf = (event: StoredEvent, options: ResolvedRegistrationOptions) => new Date(String(fieldOf(event, options.fields.start)))

export const endOf = (event: StoredEvent, options: ResolvedRegistrationOptions) => {
  const end = fieldOf(event, options.fields.end)
  return end ? new Date(String(end)) : new Date(startOf(event, options).getTime() + 2 * 3_600_000)
}

export const isOnline = (event: StoredEvent, options: ResolvedRegistrationOptions) => options.onlineFormats.includes(String(fieldOf(event, options.fields.format)))

/** The calendar day (YYYY-MM-DD) of an instant in the plugin's time zone. */
const dayIn = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', {
    day: '2-digit',
    month: '2-digit',
    timeZone,
    year: 'numeric',
  }).format(date)

/** Registration closes at the end of the deadline day in the plugin's time zone. */
export const isAfterDeadline = (event: StoredEvent, options: ResolvedRegistrationOptions, now = new Date()) =>
  Boolean(event.onlineRegistrationDeadline) && dayIn(now, options.timeZone) > dayIn(new Date(event.onlineRegistrationDeadline!), options.timeZone)

export const startText = (event: StoredEvent, options: ResolvedRegistrationOptions, language: string) =>
  new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'de-DE', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: options.timeZone,
  }).format(startOf(event, options))

export const eventsSlug = (options: ResolvedRegistrationOptions) => options.eventsCollection as CollectionSlug
