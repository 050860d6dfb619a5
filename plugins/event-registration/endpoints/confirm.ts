import type { Endpoint, PayloadRequest, Where } from 'payload'

import type { ResolvedRegistrationOptions, StoredRegistration } from '../types'

import { isVisitorToken } from '../../shared/visitorToken'
import { loadEvent, startText, titleOf } from '../lib/events'
import { queueConfirmedMail, queueWaitlistedMail } from '../lib/mails'
import { answerLink, askToAct, linkEndpoints, translatorOf } from '../lib/respond'
import { countConfirmed, decideByLink, eventIdOf, hasFreeSeat, registrationOfLink, reloadRegistration, setStatus } from '../lib/seats'
import { confirmTokenHashOf } from '../lib/tokens'

type PendingRegistration = StoredRegistration & { confirmExpiresAt?: null | string }

const isExpired = (registration: PendingRegistration) => !registration.confirmExpiresAt || new Date(registration.confirmExpiresAt).getTime() < Date.now()

/** The pending registration the link's token belongs to, or the answer that refuses the link. */
const pendingOf = (options: ResolvedRegistrationOptions, req: PayloadRequest) =>
  registrationOfLink({
    invalid: translatorOf(req)('plugin-event-registration:confirmInvalid'),
    isToken: isVisitorToken,
    options,
    req,
    where: (token): Where => ({
      and: [{ confirmTokenHash: { equals: confirmTokenHashOf(options.hashSecret ?? req.payload.secret, token) } }, { status: { equals: 'pending' } }],
    }),
  }) as Promise<PendingRegistration | Response>

/**
 * Confirms (POST /api/registrations/confirm?token=…): under the event's lock, in one
 * transaction, confirmed while confirmed < capacity, else waitlisted, or refused without a
 * waiting list. Overbooking can't happen because every seat decision holds the same lock.
 */
const confirm =
  (options: ResolvedRegistrationOptions): Endpoint['handler'] =>
  async (req) => {
    const t = translatorOf(req)
    return decideByLink({
      lookup: () => pendingOf(options, req),
      options,
      req,
      work: async (found, eventId) => {
        // Read again under the lock: a second click may have confirmed it meanwhile.
        const registration = await reloadRegistration({ id: found.id, options, req })
        if (!registration || registration.status !== 'pending') {
          return answerLink(req, 404, t('plugin-event-registration:confirmInvalid'))
        }
        if (isExpired(registration)) {
          return answerLink(req, 410, t('plugin-event-registration:confirmExpired'))
        }
        const event = await loadEvent({ id: eventId, options, req })
        if (!event) {
          return answerLink(req, 404, t('plugin-event-registration:eventNotFound'))
        }
        const hasSeat = hasFreeSeat(event, await countConfirmed({ eventId: event.id, options, req }))
        if (!hasSeat && !event.hasWaitingList) {
          return answerLink(req, 409, t('plugin-event-registration:eventFull'))
        }
        const status = hasSeat ? 'confirmed' : 'waitlisted'
        const updated = await setStatus({ id: registration.id, options, req, status })
        await (hasSeat ? queueConfirmedMail : queueWaitlistedMail)({ event, options, registration: updated, req })
        return answerLink(req, 200, t(hasSeat ? 'plugin-event-registration:confirmedPage' : 'plugin-event-registration:waitlistedPage'), {
          registration: { id: registration.id, status },
        })
      },
    })
  }

/** What the link opens in a browser: the event and a button. */
const preview =
  (options: ResolvedRegistrationOptions): Endpoint['handler'] =>
  async (req) => {
    const t = translatorOf(req)
    const registration = await pendingOf(options, req)
    if (registration instanceof Response) {
      return registration
    }
    const event = await loadEvent({ id: eventIdOf(registration)!, options, req })
    if (!event) {
      return answerLink(req, 404, t('plugin-event-registration:confirmInvalid'))
    }
    if (isExpired(registration)) {
      return answerLink(req, 410, t('plugin-event-registration:confirmExpired'))
    }
    return askToAct(req, {
      button: t('plugin-event-registration:confirmButton'),
      message: t('plugin-event-registration:confirmQuestion', { start: startText(event, options, req.i18n?.language ?? 'de'), title: titleOf(event, options) }),
    })
  }

/** The double opt-in link in the first mail. */
export const confirmEndpoints = (options: ResolvedRegistrationOptions): Endpoint[] =>
  linkEndpoints({ act: confirm(options), path: '/confirm', preview: preview(options) })
