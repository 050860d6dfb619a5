/**
 * What event registration holds about an e-mail address, for data-subject requests
 * (`@quartiersnetz/plugin-kit/privacy`): registrations with name, address, answers to the event's
 * questions, the page registered on and the consent. Erasing deletes what no count needs
 * (unconfirmed, waiting, cancelled, and seats of events still ahead, whose seat goes to the
 * waiting list at once); a confirmed seat of an event that has begun stays, anonymised, so that
 * the event's numbers (seats taken, attendance) stay true.
 */
import type { PayloadRequest } from 'payload'

import type { PersonalDataSource, PersonalRecord } from '@quartiersnetz/plugin-kit/privacy'
import type { ResolvedRegistrationOptions, StoredEvent } from '../types'
import type { RegistrationRecord } from './records'

import { sql } from '@payloadcms/db-postgres'

import { tableOf } from '@quartiersnetz/plugin-kit/drizzleTable'
import { dateInWords, readableValues, transactionOrPool } from '@quartiersnetz/plugin-kit/privacy'
import { STATUS_LABELS } from '../collections/registrations'
import { lockEvent } from './eventLock'
import { hasStarted, loadEvent, titleOf } from './events'
import { registrationsOf } from './records'
import { eventIdOf } from './registrationQueries'
import { promoteFromWaitingList } from './seatRules'

type Found = { event: null | StoredEvent; registration: RegistrationRecord }

const registrationsWith = async (
  options: ResolvedRegistrationOptions,
  req: PayloadRequest,
  address: string,
): Promise<Found[]> => {
  const rows = await (
    await transactionOrPool(req)
  ).rows(sql`
    SELECT "id" FROM ${tableOf(req.payload, options.slug)}
    WHERE lower(trim("email")) = ${address} ORDER BY "created_at"`)
  if (!rows.length) {
    return []
  }
  const { docs } = await registrationsOf(options, req).find({
    overrideAccess: true,
    pagination: false,
    sort: 'createdAt',
    where: { id: { in: rows.map((row) => String(row.id)) } },
  })
  const events = new Map<string, null | StoredEvent>()
  const found: Found[] = []
  for (const registration of docs) {
    const eventId = eventIdOf(registration)
    if (eventId !== undefined && eventId !== null && !events.has(String(eventId))) {
      events.set(String(eventId), await loadEvent({ id: eventId, options, req }))
    }
    found.push({
      event: eventId === undefined || eventId === null ? null : events.get(String(eventId))!,
      registration,
    })
  }
  return found
}

/** A confirmed seat of an event that has begun is part of its numbers: it stays, anonymised. */
const keepsCount = (
  { event, registration }: Found,
  options: ResolvedRegistrationOptions,
): boolean => registration.status === 'confirmed' && event !== null && hasStarted(event, options)

export const registrationsPersonalData = (
  options: ResolvedRegistrationOptions,
): PersonalDataSource => ({
  erase: async ({ address, req }) => {
    const found = await registrationsWith(options, req, address)
    const registrations = registrationsOf(options, req)
    let anonymised = 0
    let deleted = 0
    const freed = new Map<string, StoredEvent>()
    for (const entry of found) {
      const { event, registration } = entry
      if (event) {
        // Seats change under the event's lock, as every other seat decision does.
        await lockEvent(req, event.id, options)
      }
      await registrations.update({
        data: {
          anonymisedAt: new Date().toISOString(),
          answers: null,
          cancelTokenHash: null,
          confirmExpiresAt: null,
          confirmTokenHash: null,
          consent: { givenAt: null, version: null },
          email: null,
          name: null,
          returnUrl: null,
        },
        id: registration.id,
        overrideAccess: true,
      })
      if (keepsCount(entry, options)) {
        anonymised += 1
        continue
      }
      // Anonymised first: a held seat may then be deleted (hooks/seatChanges.ts).
      const { errors } = await registrations.delete({
        overrideAccess: true,
        where: { id: { equals: registration.id } },
      })
      if (errors.length) {
        throw new Error(
          `eventRegistrationPlugin: registration ${String(registration.id)} could not be erased: ${errors.map((error) => error.message).join('; ')}`,
        )
      }
      deleted += 1
      if (event && registration.status === 'confirmed') {
        freed.set(String(event.id), event)
      }
    }
    for (const event of freed.values()) {
      await promoteFromWaitingList({ event, options, req })
    }
    return { anonymised, deleted }
  },
  find: async ({ address, req }) => {
    const found = await registrationsWith(options, req, address)
    return found.map((entry): PersonalRecord => {
      const { event, registration } = entry
      const title = event ? titleOf(event, options) : null
      const when = dateInWords(registration.createdAt)
      const status = STATUS_LABELS[registration.status] ?? {
        de: registration.status,
        en: registration.status,
      }
      const answers = Object.entries(registration.answers ?? {})
      return {
        erasure: keepsCount(entry, options) ? 'anonymise' : 'delete',
        id: registration.id,
        summary: {
          de: `Anmeldung vom ${when.de} ${title ? `zu „${title}“` : '(Veranstaltung gelöscht)'} als „${registration.name ?? ''}“, Status: ${status.de}${answers.length ? `, ${answers.length} Antwort(en) auf Fragen der Veranstaltung` : ''}`,
          en: `Registration of ${when.en} ${title ? `for "${title}"` : '(event deleted)'} as "${registration.name ?? ''}", status: ${status.en}${answers.length ? `, ${answers.length} answer(s) to the event's questions` : ''}`,
        },
        values: {
          ...readableValues(registration as unknown as Record<string, unknown>),
          event: event ? { id: event.id, title } : null,
        },
      }
    })
  },
  key: options.slug,
  label: { de: 'Anmeldungen zu Veranstaltungen', en: 'Event registrations' },
})
