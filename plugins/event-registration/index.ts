import type { CollectionConfig, Plugin } from 'payload'

import type { EventRegistrationPluginOptions, ResolvedRegistrationOptions } from './types'

import { assertCollections, extendCollection, withTranslations } from '../shared/pluginConfig'
import { registrationsCollection } from './collections/registrations'
import { resolveOptions } from './defaults'
import { cancelEndpoints } from './endpoints/cancel'
import { confirmEndpoints } from './endpoints/confirm'
import { attendanceEndpoint, decideEndpoint, exportEndpoint, messageEndpoint } from './endpoints/manage'
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

const extendEvents = (collection: CollectionConfig, options: ResolvedRegistrationOptions): CollectionConfig =>
  extendCollection(collection, {
    endpoints: [registerEndpoint(options), exportEndpoint(options), messageEndpoint(options), attendanceEndpoint(options)],
    fields: [
      registrationFields({
        hasHostDeadline: Boolean(options.fields.deadline),
        panelProps: { eventsSlug: options.eventsCollection, registrationsSlug: options.slug },
        timeZone: options.timeZone,
      }),
    ],
    hooks: { afterChange: [promoteOnMoreSeats(options)], afterOperation: [attachSeatCounts(options)] },
  })

/**
 * Registration for events: limited seats, double opt-in, waiting list with promotion on
 * cancellation, confirmation with an .ics and (for online formats) the access link, mails
 * through the jobs queue (the host registers `sendMailTask` from plugins/shared and runs the
 * mail queue). Needs @payloadcms/db-postgres.
 */
export const eventRegistrationPlugin =
  (pluginOptions: EventRegistrationPluginOptions): Plugin =>
  (config) => {
    const options = resolveOptions(pluginOptions)
    assertCollections(config, [options.eventsCollection], 'eventRegistrationPlugin')
    return {
      ...config,
      collections: [
        ...(config.collections ?? []).map((collection) => (collection.slug === options.eventsCollection ? extendEvents(collection, options) : collection)),
        extendCollection(registrationsCollection(options), {
          endpoints: [...confirmEndpoints(options), ...cancelEndpoints(options), decideEndpoint(options)],
          hooks: { beforeDelete: [refuseDeletingHeldSeats(options)] },
        }),
      ],
      i18n: withTranslations(config, translations),
      jobs: {
        ...config.jobs,
        tasks: [...(config.jobs?.tasks ?? []), purgeUnconfirmedTask(options) as never, remindersTask(options) as never, retentionTask(options) as never],
      },
    }
  }
