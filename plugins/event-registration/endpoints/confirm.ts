import type { CollectionSlug, Endpoint } from 'payload'

import { commitTransaction, initTransaction, killTransaction } from 'payload'

import type { ResolvedRegistrationOptions, StoredRegistration } from '../types'

import { isVisitorToken } from '../../shared/visitorToken'
import { loadEvent } from '../lib/events'
import { queueConfirmedMail, queueWaitlistedMail } from '../lib/mails'
import { findRegistration, lockEvent, seatDecisions } from '../lib/seats'
import { answerLink, translatorOf } from '../lib/respond'
import { confirmTokenHashOf } from '../lib/tokens'

const eventIdOf = (registration: StoredRegistration) => (typeof registration.event === 'object' ? registration.event.id : registration.event)

/**
 * GET /api/registrations/confirm?token=… — the double opt-in link. Under the event's lock (one
 * transaction): confirmed while confirmed < capacity, else waitlisted, or refused without a
 * waiting list. Overbooking can't happen because every seat decision holds the same lock.
 */
export const confirmEndpoint = (options: ResolvedRegistrationOptions): Endpoint => ({
  handler: async (req) => {
    const t = translatorOf(req)
    return seatDecisions(async () => {
      const token = (req.query as Record<string, unknown> | undefined)?.token
      if (!isVisitorToken(token)) {
        return answerLink(req, 400, t('plugin-event-registration:confirmInvalid'))
      }
      const registrations = options.slug as CollectionSlug
      const tokenHash = confirmTokenHashOf(options.hashSecret ?? req.payload.secret, token)
      const found = await findRegistration({
        options,
        req,
        where: { and: [{ confirmTokenHash: { equals: tokenHash } }, { status: { equals: 'pending' } }] },
      })
      if (!found) {
        return answerLink(req, 404, t('plugin-event-registration:confirmInvalid'))
      }
      await initTransaction(req)
      try {
        await lockEvent(req, eventIdOf(found))
        // Read again under the lock: a second click may have confirmed it meanwhile.
        const registration = (await req.payload
          .findByID({
            collection: registrations,
            depth: 0,
            disableErrors: true,
            id: found.id,
            overrideAccess: true,
            req,
          })
          .catch(() => null)) as (StoredRegistration & { confirmExpiresAt?: null | string }) | null
        if (!registration || registration.status !== 'pending') {
          await killTransaction(req)
          return answerLink(req, 404, t('plugin-event-registration:confirmInvalid'))
        }
        if (!registration.confirmExpiresAt || new Date(registration.confirmExpiresAt).getTime() < Date.now()) {
          await killTransaction(req)
          return answerLink(req, 410, t('plugin-event-registration:confirmExpired'))
        }
        const event = await loadEvent({
          id: eventIdOf(registration),
          options,
          req,
        })
        if (!event) {
          await killTransaction(req)
          return answerLink(req, 404, t('plugin-event-registration:eventNotFound'))
        }
        const { totalDocs: confirmed } = await req.payload.count({
          collection: registrations,
          overrideAccess: true,
          req,
          where: {
            and: [{ event: { equals: event.id } }, { status: { equals: 'confirmed' } }],
          },
        })
        const hasSeat = event.capacity === null || event.capacity === undefined || confirmed < event.capacity
        if (!hasSeat && !event.hasWaitingList) {
          await killTransaction(req)
          return answerLink(req, 409, t('plugin-event-registration:eventFull'))
        }
        const status = hasSeat ? 'confirmed' : 'waitlisted'
        const updated = (await req.payload.update({
          collection: registrations,
          data: {
            confirmExpiresAt: null,
            confirmTokenHash: null,
            status,
          } as never,
          depth: 0,
          id: registration.id,
          overrideAccess: true,
          req,
        })) as unknown as StoredRegistration
        if (hasSeat) {
          await queueConfirmedMail({
            event,
            options,
            registration: updated,
            req,
          })
        } else {
          await queueWaitlistedMail({
            event,
            options,
            registration: updated,
            req,
          })
        }
        await commitTransaction(req)
        return answerLink(req, 200, t(hasSeat ? 'plugin-event-registration:confirmedPage' : 'plugin-event-registration:waitlistedPage'), {
          registration: { id: registration.id, status },
        })
      } catch (err) {
        await killTransaction(req)
        throw err
      }
    })
  },
  method: 'get',
  path: '/confirm',
})
