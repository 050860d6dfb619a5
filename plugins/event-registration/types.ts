import type {
  ConsentVersionOf,
  ConsentVersionOption,
} from '@quartiersnetz/plugin-kit/consentVersion'
import type { CollectionOverride, RateLimit } from '@quartiersnetz/plugin-kit/pluginConfig'
import type { Access, CollectionSlug } from 'payload'

/** What an attendance confirmation (CPD) names besides the event and its date. */
export type CpdRecognition = { chamber: string; points?: null | number; subject?: null | string }

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
  /**
   * The version of the privacy notice the visitor agrees to, stored with the consent: a string,
   * or a function answering the version in force at the moment of the consent (e.g. the
   * published version of an editable text).
   */
  consentVersion: ConsentVersionOption
  /**
   * Keep the collection and fields (schema stays stable) but refuse new registrations.
   * @default false
   */
  disabled?: boolean
  /**
   * Whether an event is recognised as continuing professional development (CPD), and by whom:
   * attended registrants of such events can be sent an attendance confirmation. Without it,
   * no event is recognised.
   */
  cpdOf?: (event: Record<string, unknown>) => CpdRecognition | null
  /** The events collection, e.g. 'events'. */
  eventsCollection: CollectionSlug
  /**
   * Names of the host's event fields the plugin reads (`deadline` may be a dotted path into a
   * group, e.g. 'registration.deadline'; without it the plugin adds its own deadline field).
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
   * How long before an event's start confirmed registrants get a reminder (with the access link
   * for online events); 0 turns reminders off.
   * @default 24
   */
  reminderHoursBefore?: number
  /**
   * Days after an event's end when its registrations' personal data (name, e-mail, answers)
   * is erased; status and attendance stay for the counts.
   * @default 30
   */
  retentionDays?: number
  /**
   * How long a seat decision waits for the event's lock before it gives up with a 409.
   * @default 5000
   */
  lockTimeoutMs?: number
  /**
   * Queue of the plugin's scheduled tasks (purge, reminders, retention); the host must run it
   * with schedules.
   * @default 'default'
   */
  scheduleQueue?: string
  /**
   * Origins of the member sites whose pages may be sent as a registration's `returnUrl` (the
   * page the visitor registered on; the pages the mailed links open link back to it), besides
   * the server's own.
   * @default [] (only the server's own origin)
   */
  returnOrigins?: string[]
  /**
   * The network's name, at the top of the pages the mailed links open.
   * @default the e-mail adapter's sender name (`defaultFromName`)
   */
  siteName?: string
  /**
   * Changes to the registrations collection the plugin adds (admin group, labels, access, hooks;
   * fields as a function of the plugin's), as Payload's plugin-search takes them.
   * @default {}
   */
  overrides?: { registrations?: CollectionOverride }
  /**
   * Registrations one client may send per window. The host's edge counts them before Payload
   * runs: the plugin declares the route and this limit in `config.custom.quartiersnetz` (0: no limit).
   * @default { max: 10, windowMs: 600000 }
   */
  rateLimit?: RateLimit
  /**
   * Where the registration settings appear in an event's form: one section with a heading that
   * holds everything about registering for it. `around` names a top-level field of the event
   * (usually the host's group of registration facts: deadline, contact, notes) that the section
   * takes the place of and shows first, so the event has one section for registration (the
   * host's group is best given `label: false`); `false` adds the section at the end instead.
   * @default { around: the top-level field holding `fields.deadline` (none: at the end), label: { de: 'Anmeldung', en: 'Registration' } }
   */
  section?: RegistrationSection
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

export type RegistrationSection = {
  around?: false | string
  label?: Record<string, string>
}

export type EventFieldNames = {
  accessLink: string
  deadline?: string
  end: string
  format: string
  start: string
  title: string
}

export type ResolvedRegistrationOptions = Required<
  Omit<
    EventRegistrationPluginOptions,
    'consentVersion' | 'cpdOf' | 'fields' | 'hashSecret' | 'section' | 'siteName'
  >
> & {
  /** Written by the endpoints; empty when `consentVersionOf` fills it in on create. */
  consentVersion: string
  consentVersionOf: ConsentVersionOf
  cpdOf?: EventRegistrationPluginOptions['cpdOf']
  fields: EventFieldNames
  hashSecret?: string
  section: { around: null | string; label: Record<string, string> }
  siteName?: string
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
  anonymisedAt?: null | string
  attended?: boolean | null
  confirmedAt?: null | string
  createdAt: string
  email: null | string
  event: null | number | string | { id: number | string }
  id: number | string
  /** The language the registrant used; every mail to them is written in it. */
  language?: 'de' | 'en' | null
  name: null | string
  /** The page the visitor registered on (the widget's host page), if the widget sent it. */
  returnUrl?: null | string
  status: RegistrationStatus
}
