import type { CollectionConfig, Field, Plugin } from 'payload'

import type { EventRegistrationPluginOptions, ResolvedRegistrationOptions } from './types'

import {
  applyOverride,
  assertCollections,
  assertFields,
  extendCollection,
  type PublicWriteRoute,
  retryIn,
  withPublicWriteRoutes,
  withTranslations,
} from '@quartiersnetz/plugin-kit/pluginConfig'
import { stampConsentVersion } from '@quartiersnetz/plugin-kit/consentVersion'
import { mailOutboxPersonalData, withPersonalDataSources } from '@quartiersnetz/plugin-kit/privacy'
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
import { mapFieldAt } from './fields/mapFieldAt'
import { registrationSection } from './fields/registrationFields'
import { attachSeatCounts } from './hooks/attachSeatCounts'
import { checkDeadline, validateDeadline } from './hooks/checkDeadline'
import {
  deleteRegistrationsOfEvent,
  dropMailsOfRegistration,
} from './hooks/deleteRegistrationsOfEvent'
import { promoteOnMoreSeats, refuseDeletingHeldSeats } from './hooks/seatChanges'
import { registrationsPersonalData } from './lib/personalData'
import { purgeUnconfirmedTask } from './tasks/purgeUnconfirmed'
import { remindersTask } from './tasks/reminders'
import { retentionTask } from './tasks/retention'
import { translations } from './translations'

export type { CpdRecognition, EventRegistrationPluginOptions, RegistrationStatus } from './types'
export { PURGE_UNCONFIRMED_REGISTRATIONS_TASK } from './tasks/purgeUnconfirmed'
export { SEND_REGISTRATION_REMINDERS_TASK } from './tasks/reminders'
export { ANONYMISE_REGISTRATIONS_TASK } from './tasks/retention'

const isNamed = (field: Field, name: string) => 'name' in field && field.name === name

/**
 * The events with the registration section: in place of the host's field `section.around`
 * (which it then contains), else at the end; with the plugin's endpoints and hooks.
 */
const extendEvents = (
  collection: CollectionConfig,
  options: ResolvedRegistrationOptions,
): CollectionConfig => {
  const { around } = options.section
  const section = registrationSection({
    around: around ? collection.fields.find((field) => isNamed(field, around)) : undefined,
    cpdOf: options.cpdOf,
    hasHostDeadline: Boolean(options.fields.deadline),
    label: options.section.label,
    panelProps: {
      eventsSlug: options.eventsCollection,
      isDisabled: options.disabled,
      registrationsSlug: options.slug,
      timeZone: options.timeZone,
    },
    timeZone: options.timeZone,
  })
  const placed = around
    ? collection.fields.map((field) => (isNamed(field, around) ? section : field))
    : [...collection.fields, section]
  // The deadline (the host's or the plugin's own) refuses days that would close registration.
  const fields = mapFieldAt(
    placed,
    options.fields.deadline ?? 'onlineRegistrationDeadline',
    (field) =>
      field.type === 'date'
        ? { ...field, validate: validateDeadline(options, field.validate) }
        : field,
  )
  return extendCollection(
    { ...collection, fields },
    {
      endpoints: [
        registerEndpoint(options),
        exportEndpoint(options),
        messageEndpoint(options),
        attendanceEndpoint(options),
      ],
      hooks: {
        afterChange: [promoteOnMoreSeats(options)],
        afterOperation: [attachSeatCounts(options)],
        beforeChange: [checkDeadline(options)],
        // A deleted event takes its registrations with it (same transaction).
        beforeDelete: [deleteRegistrationsOfEvent(options)],
      },
    },
  )
}

/** What the host's edge should count per client: registrations (links in mails are not limited). */
const registrationRoute = (options: ResolvedRegistrationOptions): PublicWriteRoute => ({
  // A refused form sends no mail; accepted ones (new or already registered) and 404/409 count.
  countsInputRefusals: false,
  kind: 'registration',
  limit: options.rateLimit,
  message: (minutes) => ({
    de: `Zu viele Anmeldungen von diesem Anschluss. Bitte versuchen Sie es ${retryIn(minutes).de} erneut.`,
    en: `Too many registrations from this connection. Please try again ${retryIn(minutes).en}.`,
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
    const { around } = options.section
    if (
      around &&
      !config.collections
        ?.find((collection) => collection.slug === options.eventsCollection)
        ?.fields.some((field) => isNamed(field, around))
    ) {
      throw new Error(
        `eventRegistrationPlugin: \`section.around\` names "${around}", which is no top-level field of ${options.eventsCollection}.`,
      )
    }
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
            hooks: {
              afterDelete: [dropMailsOfRegistration],
              beforeChange: [stampConsentVersion(options.consentVersionOf)],
              beforeDelete: [refuseDeletingHeldSeats(options)],
            },
          },
        ),
      ],
      custom: withPersonalDataSources(
        { custom: withPublicWriteRoutes(config, [registrationRoute(options)]) },
        [registrationsPersonalData(options), mailOutboxPersonalData()],
      ),
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
