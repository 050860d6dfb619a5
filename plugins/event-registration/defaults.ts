import type { EventRegistrationPluginOptions, ResolvedRegistrationOptions } from './types'

import {
  fixedConsentVersion,
  resolveConsentVersion,
} from '@quartiersnetz/plugin-kit/consentVersion'
import { resolveRateLimit } from '@quartiersnetz/plugin-kit/pluginConfig'
import { resolveReturnOrigins } from '@quartiersnetz/plugin-kit/returnUrl'

export const resolveOptions = (
  options: EventRegistrationPluginOptions,
): ResolvedRegistrationOptions => {
  if (!options.eventsCollection) {
    throw new Error('eventRegistrationPlugin: `eventsCollection` must name the events collection.')
  }
  const consentVersionOf = resolveConsentVersion(options.consentVersion, 'eventRegistrationPlugin')
  const confirmHours = options.confirmHours ?? 72
  if (!Number.isFinite(confirmHours) || confirmHours <= 0) {
    throw new Error('eventRegistrationPlugin: `confirmHours` must be a number > 0.')
  }
  const reminderHoursBefore = options.reminderHoursBefore ?? 24
  if (!Number.isFinite(reminderHoursBefore) || reminderHoursBefore < 0) {
    throw new Error(
      'eventRegistrationPlugin: `reminderHoursBefore` must be a number >= 0 (0: no reminders).',
    )
  }
  const retentionDays = options.retentionDays ?? 30
  if (!Number.isInteger(retentionDays) || retentionDays < 0) {
    throw new Error('eventRegistrationPlugin: `retentionDays` must be a whole number >= 0.')
  }
  const lockTimeoutMs = options.lockTimeoutMs ?? 5_000
  if (!Number.isInteger(lockTimeoutMs) || lockTimeoutMs < 1) {
    throw new Error(
      'eventRegistrationPlugin: `lockTimeoutMs` must be a whole number of milliseconds >= 1.',
    )
  }
  const fields = {
    accessLink: 'accessLink',
    end: 'end',
    format: 'format',
    start: 'start',
    title: 'title',
    ...options.fields,
  }
  const around =
    options.section?.around === undefined
      ? fields.deadline?.includes('.')
        ? fields.deadline.split('.')[0]!
        : null
      : options.section.around || null
  return {
    canManage: options.canManage ?? (({ req: { user } }) => Boolean(user)),
    confirmHours,
    consentVersion: fixedConsentVersion(options.consentVersion),
    consentVersionOf,
    cpdOf: options.cpdOf,
    disabled: options.disabled ?? false,
    eventsCollection: options.eventsCollection,
    fields,
    hashSecret: options.hashSecret,
    lockTimeoutMs,
    mailQueue: options.mailQueue ?? 'mail',
    onlineFormats: options.onlineFormats ?? ['online', 'hybrid'],
    reminderHoursBefore,
    retentionDays,
    returnOrigins: resolveReturnOrigins(options.returnOrigins, 'eventRegistrationPlugin'),
    scheduleQueue: options.scheduleQueue ?? 'default',
    section: {
      around,
      label: options.section?.label ?? { de: 'Anmeldung', en: 'Registration' },
    },
    siteName: options.siteName,
    overrides: options.overrides ?? {},
    rateLimit: resolveRateLimit(
      options.rateLimit,
      { max: 10, windowMs: 10 * 60 * 1000 },
      'eventRegistrationPlugin',
    ),
    slug: options.slug ?? 'registrations',
    timeZone: options.timeZone ?? 'Europe/Berlin',
  }
}
