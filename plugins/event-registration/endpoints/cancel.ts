import type { Endpoint, PayloadRequest } from 'payload'

import type { ResolvedRegistrationOptions } from '../types'

import { loadEvent, startText, titleOf } from '../lib/events'
import { queueCancelledMail } from '../lib/mails'
import { answerLink, askToAct, linkEndpoints, translatorOf } from '../lib/respond'
import { decideByLink, eventIdOf, promoteFromWaitingList, registrationOfLink, reloadRegistration, setStatus } from '../lib/seats'
import { cancelTokenHashOf, isCancelToken } from '../lib/tokens'

/** The registration the link's token belongs to, or the answer that refuses the link. */
const registrationOf = (options: ResolvedRegistrationOptions, req: PayloadRequest) =>
  registrationOfLink({
    invalid: translatorOf(req)('plugin-event-registration:cancelInvalid'),
    isToken: isCancelToken,
    options,
    req,
    where: (token) => ({ cancelTokenHash: { equals: cancelTokenHashOf(options.hashSecret ?? req.payload.secret, token) } }),
  })

/**
 * Cancels (POST /api/registrations/cancel?token=…): frees the seat and, under the event's lock,
 * gives it to the first person on the waiting list (by registration time).
 */
const cancel =
  (options: ResolvedRegistrationOptions): Endpoint['handler'] =>
  async (req) => {
    const t = translatorOf(req)
    return decideByLink({
      lookup: () => registrationOf(options, req),
      options,
      req,
      work: async (found, eventId) => {
        const registration = await reloadRegistration({ id: found.id, options, req })
        if (!registration) {
          return answerLink(req, 404, t('plugin-event-registration:cancelInvalid'))
        }
        if (registration.status === 'cancelled') {
          return answerLink(req, 200, t('plugin-event-registration:cancelledAlready'), { registration: { id: registration.id, status: 'cancelled' } })
        }
        const cancelled = await setStatus({ id: registration.id, options, req, status: 'cancelled' })
        const event = await loadEvent({ id: eventId, options, req })
        let promoted: (number | string)[] = []
        if (event) {
          await queueCancelledMail({ event, options, registration: cancelled, req })
          if (registration.status === 'confirmed') {
            promoted = await promoteFromWaitingList({ event, options, req })
          }
        }
        return answerLink(req, 200, t('plugin-event-registration:cancelled'), {
          promoted: promoted[0] ?? null,
          registration: { id: registration.id, status: 'cancelled' },
        })
      },
    })
  }

/** What the link opens in a browser: the event and a button. */
const preview =
  (options: ResolvedRegistrationOptions): Endpoint['handler'] =>
  async (req) => {
    const t = translatorOf(req)
    const registration = await registrationOf(options, req)
    if (registration instanceof Response) {
      return registration
    }
    const event = await loadEvent({ id: eventIdOf(registration)!, options, req })
    if (!event) {
      return answerLink(req, 404, t('plugin-event-registration:cancelInvalid'))
    }
    if (registration.status === 'cancelled') {
      return answerLink(req, 200, t('plugin-event-registration:cancelledAlready'))
    }
    return askToAct(req, {
      button: t('plugin-event-registration:cancelButton'),
      message: t('plugin-event-registration:cancelQuestion', { start: startText(event, options, req.i18n?.language ?? 'de'), title: titleOf(event, options) }),
    })
  }

/** The cancel link in every mail. */
export const cancelEndpoints = (options: ResolvedRegistrationOptions): Endpoint[] =>
  linkEndpoints({ act: cancel(options), path: '/cancel', preview: preview(options) })
