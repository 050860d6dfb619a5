import type { CollectionAfterChangeHook, CollectionBeforeDeleteHook } from 'payload'

import { APIError } from 'payload'

import type { RegistrationTranslationKey } from '../translations'
import type { ResolvedRegistrationOptions } from '../types'

import { translatorOf } from '@quartiersnetz/plugin-kit/respond'
import { loadEvent } from '../lib/events'
import { lockEvent } from '../lib/eventLock'
import { registrationsOf } from '../lib/records'
import { promoteFromWaitingList } from '../lib/seatRules'

const isMore = (after: unknown, before: unknown) =>
  after === null || after === undefined
    ? before !== null && before !== undefined
    : typeof before === 'number' && typeof after === 'number' && after > before

/**
 * When an organiser raises an event's capacity (or removes the limit), the waiting list moves
 * up at once, under the event's lock and in the same transaction, each with a mail.
 */
export const promoteOnMoreSeats =
  (options: ResolvedRegistrationOptions): CollectionAfterChangeHook =>
  async ({ doc, operation, previousDoc, req }) => {
    if (
      operation !== 'update' ||
      (doc as { _status?: string })._status === 'draft' ||
      !isMore(doc.capacity, previousDoc?.capacity)
    ) {
      return doc
    }
    await lockEvent(req, doc.id, options)
    const event = await loadEvent({ id: doc.id, options, req })
    if (event) {
      await promoteFromWaitingList({ event, options, req })
    }
    return doc
  }

/**
 * Confirmed and waitlisted registrations are cancelled, not deleted: cancelling frees the seat
 * for the waiting list and tells the person. Pending and cancelled ones may be deleted.
 */
export const refuseDeletingHeldSeats =
  (options: ResolvedRegistrationOptions): CollectionBeforeDeleteHook =>
  async ({ id, req }) => {
    const registration = await registrationsOf(options, req).findByID({ id, overrideAccess: true })
    if (
      registration &&
      !registration.anonymisedAt &&
      (registration.status === 'confirmed' || registration.status === 'waitlisted')
    ) {
      throw new APIError(
        translatorOf<RegistrationTranslationKey>(req)('plugin-event-registration:deleteRefused'),
        409,
        null,
        true,
      )
    }
  }
