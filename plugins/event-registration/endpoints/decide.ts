import type { Endpoint } from 'payload'

import { z } from 'zod'

import type { RegistrationTranslationKey } from '../translations'
import type { ResolvedRegistrationOptions } from '../types'

import { readJsonBody } from '@quartiersnetz/plugin-kit/readJsonBody'
import { fail, translatorOf } from '@quartiersnetz/plugin-kit/respond'
import { STATUS_LABELS } from '../collections/registrations'
import { loadEvent } from '../lib/events'
import { underEventLock } from '../lib/eventLock'
import { queueCancelledMail, queueConfirmedMail } from '../lib/mails'
import { isRouteId, MAX_BODY_BYTES, mayManage } from '../lib/manage'
import { countConfirmed, eventIdOf, reloadRegistration } from '../lib/registrationQueries'
import { hasFreeSeat, promoteFromWaitingList, setStatus } from '../lib/seatRules'

const decisionSchema = z
  .object({ overbook: z.boolean().optional(), status: z.enum(['confirmed', 'cancelled']) })
  .strict()

/**
 * POST /api/registrations/:id/status — `{ "status": "confirmed" }` confirms a pending or
 * waitlisted registration (moves it up; 409 when no seat is free unless `"overbook": true`),
 * `{ "status": "cancelled" }` cancels and gives a freed seat to the waiting list. Mails as for
 * visitors.
 */
export const decideEndpoint = (options: ResolvedRegistrationOptions): Endpoint => ({
  handler: async (req) => {
    const t = translatorOf<RegistrationTranslationKey>(req)
    if (!(await mayManage(options, req))) {
      return fail(req.user ? 403 : 401, t('plugin-event-registration:forbidden'))
    }
    const id = req.routeParams?.id
    if (!isRouteId(id)) {
      return fail(404, t('plugin-event-registration:registrationNotFound'))
    }
    const body = await readJsonBody(req, MAX_BODY_BYTES)
    if (!body.ok && 'message' in body) {
      return fail(body.status, body.message)
    }
    const parsed = body.ok ? decisionSchema.safeParse(body.value) : null
    if (!parsed?.success) {
      return fail(400, t('plugin-event-registration:decisionInvalid'))
    }
    const found = await reloadRegistration({ id: String(id), options, req })
    const eventId = found ? eventIdOf(found) : null
    if (!found || eventId === null || eventId === undefined) {
      return fail(404, t('plugin-event-registration:registrationNotFound'))
    }
    const { overbook, status } = parsed.data
    return underEventLock(req, eventId, options, async () => {
      const registration = await reloadRegistration({ id: found.id, options, req })
      const event = await loadEvent({ id: eventId, options, req })
      if (!registration || !event) {
        return fail(404, t('plugin-event-registration:registrationNotFound'))
      }
      const language = req.i18n?.language === 'en' ? 'en' : 'de'
      const refuse = () =>
        fail(
          409,
          t('plugin-event-registration:decisionNotPossible', {
            status: STATUS_LABELS[registration.status][language],
          }),
        )
      if (registration.anonymisedAt || !registration.email) {
        return refuse()
      }
      if (status === 'confirmed') {
        if (registration.status !== 'pending' && registration.status !== 'waitlisted') {
          return refuse()
        }
        if (!overbook && !hasFreeSeat(event, await countConfirmed({ eventId, options, req }))) {
          return fail(409, t('plugin-event-registration:decisionNoSeat'))
        }
        const updated = await setStatus({ id: registration.id, options, req, status: 'confirmed' })
        await queueConfirmedMail({
          event,
          isPromotion: registration.status === 'waitlisted',
          options,
          registration: updated,
          req,
        })
        return Response.json({
          promoted: [],
          registration: { id: updated.id, status: 'confirmed' },
        })
      }
      if (registration.status === 'cancelled') {
        return refuse()
      }
      const updated = await setStatus({ id: registration.id, options, req, status: 'cancelled' })
      await queueCancelledMail({ byOrganiser: true, event, options, registration: updated, req })
      const promoted =
        registration.status === 'confirmed'
          ? await promoteFromWaitingList({ event, options, req })
          : []
      return Response.json({ promoted, registration: { id: updated.id, status: 'cancelled' } })
    })
  },
  method: 'post',
  path: '/:id/status',
})
