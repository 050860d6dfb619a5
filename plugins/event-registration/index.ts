import type { CollectionConfig, Plugin } from 'payload'

import type { EventRegistrationPluginOptions, ResolvedRegistrationOptions } from './types'

import { registrationsCollection } from './collections/registrations'
import { resolveOptions } from './defaults'
import { cancelEndpoint } from './endpoints/cancel'
import { confirmEndpoint } from './endpoints/confirm'
import { registerEndpoint } from './endpoints/register'
import { registrationFields } from './fields/registrationFields'
import { attachSeatCounts } from './hooks/attachSeatCounts'
import { purgeUnconfirmedTask } from './tasks/purgeUnconfirmed'
import { translations } from './translations'

export type { EventRegistrationPluginOptions, RegistrationStatus } from './types'
export { PURGE_UNCONFIRMED_REGISTRATIONS_TASK } from './tasks/purgeUnconfirmed'

const extendEvents = (collection: CollectionConfig, options: ResolvedRegistrationOptions): CollectionConfig => ({
  ...collection,
  endpoints: [...(collection.endpoints || []), registerEndpoint(options)],
  fields: [...(collection.fields ?? []), registrationFields({ timeZone: options.timeZone })],
  hooks: {
    ...collection.hooks,
    afterOperation: [...(collection.hooks?.afterOperation ?? []), attachSeatCounts(options)],
  },
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
    if (!(config.collections ?? []).some((collection) => collection.slug === options.eventsCollection)) {
      throw new Error(`eventRegistrationPlugin: unknown collection ${options.eventsCollection}.`)
    }
    const existingTranslations = config.i18n?.translations ?? {}
    return {
      ...config,
      collections: [
        ...(config.collections ?? []).map((collection) => (collection.slug === options.eventsCollection ? extendEvents(collection, options) : collection)),
        {
          ...registrationsCollection(options),
          endpoints: [confirmEndpoint(options), cancelEndpoint(options)],
        },
      ],
      i18n: {
        ...config.i18n,
        translations: {
          ...existingTranslations,
          de: { ...existingTranslations.de, ...translations.de },
          en: { ...existingTranslations.en, ...translations.en },
        },
      },
      jobs: {
        ...config.jobs,
        tasks: [...(config.jobs?.tasks ?? []), purgeUnconfirmedTask(options) as never],
      },
    }
  }
