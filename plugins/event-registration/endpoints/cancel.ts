import type { CollectionSlug, Endpoint } from 'payload'

import { commitTransaction, initTransaction, killTransaction } from 'payload'

import type { ResolvedRegistrationOptions, StoredRegistration } from '../types'

import { loadEvent } from '../lib/events'
import { queueCancelledMail, queueConfirmedMail } from '../lib/mails'
import { findRegistration, lockEvent, seatDecisions } from '../lib/seats'
import { answerLink, translatorOf } from '../lib/respond'
import { cancelTokenHashOf, isCancelToken } from '../lib/tokens'

/**
 * GET /api/registrations/cancel?token=… — the link in every mail. Frees the seat and, under the
 * event's lock, gives it to the first person on the waiting list (by registration time).
 */
export const cancelEndpoint = (options: ResolvedRegistrationOptions): Endpoint => ({
  handler: async (req) => {
    const t = translatorOf(req)
    return seatDecisions(async () => {
      const token = (req.query as Record<string, unknown> | undefined)?.token
      if (!isCancelToken(token)) {
        return answerLink(req, 400, t('plugin-event-registration:cancelInvalid'))
      }
      const registrations = options.slug as CollectionSlug
      const tokenHash = cancelTokenHashOf(options.hashSecret ?? req.payload.secret, token)
      const found = await findRegistration({ options, req, where: { cancelTokenHash: { equals: tokenHash } } })
      if (!found) {
        return answerLink(req, 404, t('plugin-event-registration:cancelInvalid'))
      }
      const eventId = typeof found.event === 'object' ? found.event.id : found.event
      await initTransaction(req)
      try {
        await lockEvent(req, eventId)
        const registration = (await req.payload.findByID({
          collection: registrations,
          depth: 0,
          id: found.id,
          overrideAccess: true,
          req,
        })) as unknown as StoredRegistration
        if (registration.status === 'cancelled') {
          await killTransaction(req)
          return answerLink(req, 200, t('plugin-event-registration:cancelledAlready'), { registration: { id: registration.id, status: 'cancelled' } })
        }
        const event = await loadEvent({ id: eventId, options, req })
        const cancelled = (await req.payload.update({
          collection: registrations,
          data: {
            confirmExpiresAt: null,
            confirmTokenHash: null,
            status: 'cancelled',
          } as never,
          depth: 0,
          id: registration.id,
          overrideAccess: true,
          req,
        })) as unknown as StoredRegistration
        let promotedId: null | number | string = null
        if (event) {
          await queueCancelledMail({
            event,
            options,
            registration: cancelled,
            req,
          })
          if (registration.status === 'confirmed') {
            const { docs: waiting } = await req.payload.find({
              collection: registrations,
              depth: 0,
              limit: 1,
              overrideAccess: true,
              pagination: false,
              req,
              sort: 'createdAt',
              where: {
                and: [{ event: { equals: eventId } }, { status: { equals: 'waitlisted' } }],
              },
            })
            const next = waiting[0] as unknown as StoredRegistration | undefined
            if (next) {
              const promoted = (await req.payload.update({
                collection: registrations,
                data: { status: 'confirmed' } as never,
                depth: 0,
                id: next.id,
                overrideAccess: true,
                req,
              })) as unknown as StoredRegistration
              await queueConfirmedMail({
                event,
                isPromotion: true,
                options,
                registration: promoted,
                req,
              })
              promotedId = promoted.id
            }
          }
        }
        await commitTransaction(req)
        return answerLink(req, 200, t('plugin-event-registration:cancelled'), {
          promoted: promotedId,
          registration: { id: registration.id, status: 'cancelled' },
        })
      } catch (err) {
        await killTransaction(req)
        throw err
      }
    })
  },
  method: 'get',
  path: '/cancel',
})
