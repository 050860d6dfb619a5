import type { CollectionConfig, Plugin } from 'payload'

import type { EventRegistrationPluginOptions, ResolvedRegistrationOptions } from './types'

import {
  applyOverride,
  assertCollections,
  assertFields,
  extendCollection,
  type PublicWriteRoute,
  withPublicWriteRoutes,
  withTranslations,
} from '@quartiersnetz/plugin-kit/pluginConfig'
import { withMailOutbox } from '@quartiersnetz/plugin-kit/sendMailTask'
import { registrationsCollection } from './collections/registrations'
import { resolveOptions } from './defaults'
import { attendanceEndpoint } from './endpoints/attendance'
import { cancelEndpoints } from './endpoints/cancel'
import { confirmEndpoints } from './endpoints/confirm'
import { decideEndpoint } from './endpoints/decide'
import { exportEndpoint } from './endpoints/export'
import { messageEndpoint } from './endpoints/message'
import { registerEndpoint } from './endpoints/register'
import { registrationFields } from './fields/registrationFields'
import { attachSeatCounts } from './hooks/attachSeatCounts'
import { promoteOnMoreSeats, refuseDeletingHeldSeats } from './hooks/seatChanges'
import { purgeUnconfirmedTask } from './tasks/purgeUnconfirmed'
import { remindersTask } from './tasks/reminders'
import { retentionTask } from './tasks/retention'
import { translations } from './translations'

export type { CpdRecognition, EventRegistrationPluginOptions, RegistrationStatus } from './types'
export { PURGE_UNCONFIRMED_REGISTRATIONS_TASK } from './tasks/purgeUnconfirmed'
export { SEND_REGISTRATION_REMINDERS_TASK } from './tasks/reminders'
export { ANONYMISE_REGISTRATIONS_TASK } from './tasks/retention'

const extendEvents = (
  collection: CollectionConfig,
  options: ResolvedRegistrationOptions,
): CollectionConfig =>
  extendCollection(collection, {
    endpoints: [
      registerEndpoint(options),
      exportEndpoint(options),
      messageEndpoint(options),
      attendanceEndpoint(options),
    ],
    fields: [
      registrationFields({
        hasHostDeadline: Boolean(options.fields.deadline),
        panelProps: {
          eventsSlug: options.eventsCollection,
          isDisabled: options.disabled,
          registrationsSlug: options.slug,
          timeZone: options.timeZone,
        },
        timeZone: options.timeZone,
      }),
    ],
    hooks: {
      afterChange: [promoteOnMoreSeats(options)],
      afterOperation: [attachSeatCounts(options)],
    },
  })

/** What the host's edge should count per client: registrations (links in mails are not limited). */
const registrationRoute = (options: ResolvedRegistrationOptions): PublicWriteRoute => ({
  kind: 'registration',
  limit: options.rateLimit,
  message: (minutes) => ({
    de: `Zu viele Anmeldungen von diesem Anschluss. Bitte in ${minutes} Minute(n) erneut versuchen.`,
    en: `Too many registrations from this connection. Please try again in ${minutes} minute(s).`,
  }),
  path: `/${options.eventsCollection}/:id/registrations`,
})

/**
 * Registration for events: limited seats, double opt-in, waiting list with promotion on
 * cancellation, confirmation with an .ics and (for online formats) the access link, mails
 * through the jobs queue (the mail outbox is added to the config if missing; the host runs the
 * mail queue). Needs @payloadcms/db-postgres.
 */
export const eventRegistrationPlugin =
  (pluginOptions: EventRegistrationPluginOptions): Plugin =>
  (config) => {
    const options = resolveOptions(pluginOptions)
    assertCollections(config, [options.eventsCollection], 'eventRegistrationPlugin')
    // The event's fields the plugin reads: a wrong name would let a check pass silently.
    assertFields(
      config,
      options.eventsCollection,
      Object.entries(options.fields)
        .filter(
          (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '',
        )
        .map(([key, path]) => ({ option: `fields.${key}`, path })),
      'eventRegistrationPlugin',
    )
    const outbox = withMailOutbox(config)
    return {
      ...config,
      collections: [
        ...(outbox.collections ?? []).map((collection) =>
          collection.slug === options.eventsCollection
            ? extendEvents(collection, options)
            : collection,
        ),
        extendCollection(
          applyOverride(registrationsCollection(options), options.overrides.registrations),
          {
            endpoints: [
              ...confirmEndpoints(options),
              ...cancelEndpoints(options),
              decideEndpoint(options),
            ],
            hooks: { beforeDelete: [refuseDeletingHeldSeats(options)] },
          },
        ),
      ],
      custom: withPublicWriteRoutes(config, [registrationRoute(options)]),
      i18n: withTranslations(config, translations),
      jobs: {
        ...outbox.jobs,
        tasks: [
          ...(outbox.jobs?.tasks ?? []),
          purgeUnconfirmedTask(options),
          remindersTask(options),
          retentionTask(options),
        ],
      },
    }
  }
