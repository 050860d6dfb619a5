import type { CollectionAfterChangeHook, CollectionBeforeDeleteHook, CollectionSlug } from 'payload'

import { APIError } from 'payload'

import type { ResolvedRegistrationOptions, StoredRegistration } from '../types'

import { loadEvent } from '../lib/events'
import { translatorOf } from '../lib/respond'
import { lockEvent, promoteFromWaitingList } from '../lib/seats'

const isMore = (after: unknown, before: unknown) =>
  after === null || after === undefined ? before !== null && before !== undefined : typeof before === 'number' && typeof after === 'number' && after > before

/**
 * When an organiser raises an event's capacity (or removes the limit), the waiting list moves
 * up at once, under the event's lock and in the same transaction, each with a mail.
 */
export const promoteOnMoreSeats =
  (options: ResolvedRegistrationOptions): CollectionAfterChangeHook =>
  async ({ doc, operation, previousDoc, req }) => {
    if (operation !== 'update' || (doc as { _status?: string })._status === 'draft' || !isMore(doc.capacity, previousDoc?.capacity)) {
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
    const registration = (await req.payload.findByID({
      collection: options.slug as CollectionSlug,
      depth: 0,
      disableErrors: true,
      id,
      overrideAccess: true,
      req,
    })) as null | StoredRegistration
    if (registration && !registration.anonymisedAt && (registration.status === 'confirmed' || registration.status === 'waitlisted')) {
      throw new APIError(translatorOf(req)('plugin-event-registration:deleteRefused'), 409, null, true)
    }
  }
