import type { Endpoint, PayloadRequest } from 'payload'

import { commitTransaction, initTransaction, killTransaction } from 'payload'

import type { ResolvedRegistrationOptions, StoredRegistration } from '../types'

import { loadEvent, startText, titleOf } from '../lib/events'
import { queueCancelledMail } from '../lib/mails'
import { answerLink, askToAct, linkEndpoints, translatorOf } from '../lib/respond'
import { eventIdOf, findRegistration, lockEvent, LockTimeoutError, promoteFromWaitingList, reloadRegistration, seatDecisions, setStatus } from '../lib/seats'
import { cancelTokenHashOf, isCancelToken } from '../lib/tokens'

/** The registration the link's token belongs to, or the answer that refuses the link. */
const registrationOf = async (options: ResolvedRegistrationOptions, req: PayloadRequest): Promise<Response | StoredRegistration> => {
  const t = translatorOf(req)
  const token = (req.query as Record<string, unknown> | undefined)?.token
  if (!isCancelToken(token)) {
    return answerLink(req, 400, t('plugin-event-registration:cancelInvalid'))
  }
  const tokenHash = cancelTokenHashOf(options.hashSecret ?? req.payload.secret, token)
  const found = await findRegistration({ options, req, where: { cancelTokenHash: { equals: tokenHash } } })
  const eventId = found ? eventIdOf(found) : null
  return found && eventId !== null && eventId !== undefined ? found : answerLink(req, 404, t('plugin-event-registration:cancelInvalid'))
}

/**
 * Cancels (POST /api/registrations/cancel?token=…): frees the seat and, under the event's lock,
 * gives it to the first person on the waiting list (by registration time).
 */
const cancel =
  (options: ResolvedRegistrationOptions): Endpoint['handler'] =>
  async (req) => {
    const t = translatorOf(req)
    return seatDecisions(async () => {
      const found = await registrationOf(options, req)
      if (found instanceof Response) {
        return found
      }
      const eventId = eventIdOf(found)!
      await initTransaction(req)
      try {
        await lockEvent(req, eventId, options)
        const registration = await reloadRegistration({ id: found.id, options, req })
        if (!registration) {
          await killTransaction(req)
          return answerLink(req, 404, t('plugin-event-registration:cancelInvalid'))
        }
        if (registration.status === 'cancelled') {
          await killTransaction(req)
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
        await commitTransaction(req)
        return answerLink(req, 200, t('plugin-event-registration:cancelled'), {
          promoted: promoted[0] ?? null,
          registration: { id: registration.id, status: 'cancelled' },
        })
      } catch (err) {
        await killTransaction(req)
        if (err instanceof LockTimeoutError) {
          return answerLink(req, 409, t('plugin-event-registration:lockTimeout'))
        }
        throw err
      }
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
