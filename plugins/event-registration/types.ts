import type { Access, CollectionSlug } from 'payload'

export type EventRegistrationPluginOptions = {
  /**
   * Who manages registrations in the admin (reads names and addresses, changes the status).
   * @default any signed-in user of the admin
   */
  canManage?: Access
  /**
   * How long the confirmation link is valid; unconfirmed registrations are deleted after this.
   * @default 72
   */
  confirmHours?: number
  /** The version of the privacy notice the visitor agrees to, stored with the consent. */
  consentVersion: string
  /**
   * Keep the collection and fields (schema stays stable) but refuse new registrations.
   * @default false
   */
  disabled?: boolean
  /** The events collection, e.g. 'events'. */
  eventsCollection: CollectionSlug
  /**
   * Names of the host's event fields the plugin reads.
   * @default { accessLink: 'accessLink', end: 'end', format: 'format', start: 'start', title: 'title' }
   */
  fields?: Partial<EventFieldNames>
  /**
   * Secret for hashing tokens.
   * @default the Payload secret
   */
  hashSecret?: string
  /**
   * Queue of the mail jobs (the `sendMail` task from plugins/shared, which the host registers).
   * @default 'mail'
   */
  mailQueue?: string
  /**
   * Values of the format field for which confirmed registrants get the access link.
   * @default ['online', 'hybrid']
   */
  onlineFormats?: string[]
  /**
   * Queue of the hourly purge of unconfirmed registrations (the host must run it with schedules).
   * @default 'default'
   */
  purgeQueue?: string
  /**
   * Slug of the collection the plugin adds.
   * @default 'registrations'
   */
  slug?: string
  /**
   * Time zone whose day end closes registration on the deadline day.
   * @default 'Europe/Berlin'
   */
  timeZone?: string
}

export type EventFieldNames = {
  accessLink: string
  end: string
  format: string
  start: string
  title: string
}

export type ResolvedRegistrationOptions = Required<Omit<EventRegistrationPluginOptions, 'fields' | 'hashSecret'>> & {
  fields: EventFieldNames
  hashSecret?: string
}

export const REGISTRATION_STATUSES = ['pending', 'confirmed', 'waitlisted', 'cancelled'] as const
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number]

export type CustomQuestion = {
  key: string
  label: string
  options?: null | { value: string }[]
  required?: boolean | null
  type: 'select' | 'text'
}

/** An event as the plugin reads it with overrideAccess. */
export type StoredEvent = Record<string, unknown> & {
  capacity?: null | number
  customQuestions?: CustomQuestion[] | null
  hasWaitingList?: boolean | null
  id: number | string
  onlineRegistrationDeadline?: null | string
  registrationOpen?: boolean | null
}

export type StoredRegistration = {
  createdAt: string
  email: string
  event: number | string | { id: number | string }
  id: number | string
  name: string
  status: RegistrationStatus
}
