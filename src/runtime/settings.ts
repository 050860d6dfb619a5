/**
 * Settings read from the environment, with their defaults. `.env.example` documents each one.
 * Invalid values stop the start with a message naming the variable.
 */
import path from 'node:path'

import { dataDir } from './paths'

export type Settings = {
  /** Requests per window and client on login, forgot-password and first-register. */
  authRateLimitMax: number
  authRateLimitWindowMs: number
  /** Approve comments of addresses that already have an approved comment once they are confirmed. */
  commentsAutoApproveKnownEmails: boolean
  /** Version of the netiquette and privacy notice commenters agree to (stored with each consent). */
  commentsConsentVersion: string
  /** Seconds between opening the comment form and sending it, at least. */
  commentsMinSubmitSeconds: number
  /** Addresses that get a mail for each new confirmed comment. */
  commentsModeratorEmails: string[]
  /** New comments (and, counted separately, reports) one client may send per window (0: no limit). */
  commentsRateLimitMax: number
  commentsRateLimitWindowMs: number
  /** Reports (one per client) after which a comment is hidden until a moderator decides. */
  commentsReportsToHide: number
  /** Origins (scheme://host[:port]) allowed to read the API from a browser. */
  corsOrigins: string[]
  dataDir: string
  databasePoolSize: number
  /**
   * Serve the demo page of a member city (/demo/) that embeds the widgets from this server's
   * other name (127.0.0.1 vs localhost), so it is a real cross-origin embed. Default: on unless
   * NODE_ENV=production.
   */
  demoPage: boolean
  /** Version of the privacy notice event registrants agree to (stored with each consent). */
  eventRegistrationConsentVersion: string
  /** Hours the registration confirmation link stays valid; unconfirmed registrations are purged after this. */
  eventRegistrationConfirmHours: number
  /** Hours before an event's start when confirmed registrants get a reminder (0: none). */
  eventRegistrationReminderHours: number
  /** Days after an event when its registrations' personal data is erased. */
  eventRegistrationRetentionDays: number
  /** Public registrations (POST) one client may send per window (0: no limit). */
  eventRegistrationRateLimitMax: number
  eventRegistrationRateLimitWindowMs: number
  host: string
  /** Cache public GETs in memory and answer 304 for unchanged content (src/server/httpCache/). */
  httpCache: boolean
  /** Memory for cached answers in bytes (0: only ETags, i.e. 304s, no answers from memory). */
  httpCacheMaxBytes: number
  /** Largest accepted JSON/form body in bytes (uploads have their own limit). */
  jsonBodyMaxBytes: number
  mailFromAddress: string
  mailFromName: string
  mediaDir: string
  /** API requests (REST and GraphQL) running in Payload at once; more wait (0: no limit). */
  apiConcurrency: number
  /** Payload's REST API answered by express directly, not through Next's route (PAYLOAD_API_DIRECT). */
  payloadApiDirect: boolean
  port: number
  /** Where questions about personal data go; named in the privacy notice (/datenschutz). */
  privacyContactEmail: string | undefined
  /** The network's own privacy notice; /datenschutz redirects there when set. */
  privacyUrl: string | undefined
  /** Ratings one client may send per hour (0: no limit). */
  ratingsPerClientPerHour: number
  serverUrl: string
  /** The network's name, shown at the top of the pages that mail links open. */
  siteName: string
  smtpUrl: string | undefined
  /** express `trust proxy`: false, true, a hop count or a list of addresses/subnets. */
  trustProxy: boolean | number | string[]
  uploadMaxBytes: number
}

const integer = (name: string, fallback: number, { min = 0 }: { min?: number } = {}): number => {
  const raw = process.env[name]
  if (raw === undefined || raw === '') {
    return fallback
  }
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} muss eine ganze Zahl ≥ ${min} sein, ist aber "${raw}".`)
  }
  return value
}

const list = (name: string): string[] =>
  (process.env[name] ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)

const boolean = (name: string, fallback: boolean): boolean => {
  const raw = process.env[name]
  if (raw === undefined || raw === '') {
    return fallback
  }
  if (raw !== 'true' && raw !== 'false') {
    throw new Error(`${name} muss "true" oder "false" sein, ist aber "${raw}".`)
  }
  return raw === 'true'
}

const emails = (name: string): string[] =>
  list(name).map((address) => {
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) {
      throw new Error(`${name}: "${address}" ist keine E-Mail-Adresse.`)
    }
    return address
  })

const httpUrl = (name: string): string | undefined => {
  const raw = process.env[name]?.trim()
  if (!raw) {
    return undefined
  }
  if (!/^https?:\/\/[^\s]+$/.test(raw)) {
    throw new Error(`${name} muss eine http- oder https-Adresse sein, ist aber "${raw}".`)
  }
  return raw
}

const parseTrustProxy = (raw: string | undefined): Settings['trustProxy'] => {
  if (raw === undefined || raw === '' || raw === 'false') {
    return false
  }
  if (raw === 'true') {
    return true
  }
  if (/^\d+$/.test(raw)) {
    return Number(raw)
  }
  return raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
}

const origins = (name: string): string[] =>
  list(name).map((origin) => {
    try {
      const url = new URL(origin)
      if (url.origin !== origin.replace(/\/$/, '')) {
        throw new Error('not an origin')
      }
      return url.origin
    } catch {
      throw new Error(`${name}: "${origin}" ist kein Origin (erwartet z. B. https://www.essen.de).`)
    }
  })

/** The origins the demo page may be opened at: this server under either local name. */
export const demoOrigins = (port: number) => [
  `http://127.0.0.1:${port}`,
  `http://localhost:${port}`,
]

export const readSettings = (): Settings => {
  const port = integer('PORT', 3000, { min: 0 })
  const demoPage = boolean('DEMO_PAGE', process.env.NODE_ENV !== 'production')
  const base = dataDir()
  return {
    authRateLimitMax: integer('AUTH_RATE_LIMIT_MAX', 10, { min: 1 }),
    authRateLimitWindowMs: integer('AUTH_RATE_LIMIT_WINDOW_MS', 15 * 60 * 1000, { min: 1000 }),
    commentsAutoApproveKnownEmails: boolean('COMMENTS_AUTO_APPROVE_KNOWN_EMAILS', false),
    commentsConsentVersion: process.env.COMMENTS_CONSENT_VERSION || '2026-01',
    commentsMinSubmitSeconds: integer('COMMENTS_MIN_SUBMIT_SECONDS', 3, { min: 0 }),
    commentsModeratorEmails: emails('COMMENTS_MODERATOR_EMAILS'),
    commentsRateLimitMax: integer('COMMENTS_RATE_LIMIT_MAX', 10, { min: 0 }),
    commentsRateLimitWindowMs: integer('COMMENTS_RATE_LIMIT_WINDOW_MS', 10 * 60 * 1000, {
      min: 1000,
    }),
    commentsReportsToHide: integer('COMMENTS_REPORTS_TO_HIDE', 3, { min: 1 }),
    corsOrigins: [...new Set([...origins('CORS_ORIGINS'), ...(demoPage ? demoOrigins(port) : [])])],
    dataDir: base,
    databasePoolSize: integer('DATABASE_POOL_SIZE', 10, { min: 1 }),
    demoPage,
    eventRegistrationConfirmHours: integer('EVENT_REGISTRATION_CONFIRM_HOURS', 72, { min: 1 }),
    eventRegistrationConsentVersion: process.env.EVENT_REGISTRATION_CONSENT_VERSION || '2026-01',
    eventRegistrationRateLimitMax: integer('EVENT_REGISTRATION_RATE_LIMIT_MAX', 10, { min: 0 }),
    eventRegistrationRateLimitWindowMs: integer(
      'EVENT_REGISTRATION_RATE_LIMIT_WINDOW_MS',
      10 * 60 * 1000,
      { min: 1000 },
    ),
    eventRegistrationReminderHours: integer('EVENT_REGISTRATION_REMINDER_HOURS', 24, { min: 0 }),
    eventRegistrationRetentionDays: integer('EVENT_REGISTRATION_RETENTION_DAYS', 30, { min: 0 }),
    host: process.env.HOST || '0.0.0.0',
    httpCache: boolean('HTTP_CACHE', true),
    httpCacheMaxBytes: integer('HTTP_CACHE_MAX_BYTES', 32 * 1024 * 1024, { min: 0 }),
    jsonBodyMaxBytes: integer('BODY_LIMIT_BYTES', 1024 * 1024, { min: 1024 }),
    mailFromAddress: process.env.MAIL_FROM_ADDRESS || 'noreply@quartiersnetz.localhost',
    mailFromName: process.env.MAIL_FROM_NAME || 'Quartiersnetz',
    mediaDir: process.env.MEDIA_DIR
      ? path.resolve(process.env.MEDIA_DIR)
      : path.join(base, 'media'),
    payloadApiDirect: boolean('PAYLOAD_API_DIRECT', true),
    apiConcurrency: integer('API_CONCURRENCY', 8, { min: 0 }),
    port,
    privacyContactEmail: emails('PRIVACY_CONTACT_EMAIL')[0],
    privacyUrl: httpUrl('PRIVACY_URL'),
    ratingsPerClientPerHour: integer('RATINGS_PER_CLIENT_PER_HOUR', 120, { min: 0 }),
    serverUrl: (process.env.SERVER_URL || `http://localhost:${port}`).replace(/\/$/, ''),
    siteName: process.env.SITE_NAME?.trim() || 'Quartiersnetz',
    smtpUrl: process.env.SMTP_URL || undefined,
    trustProxy: parseTrustProxy(process.env.TRUST_PROXY),
    uploadMaxBytes: integer('UPLOAD_MAX_BYTES', 10 * 1024 * 1024, { min: 1024 }),
  }
}
