import type { Endpoint, PayloadRequest } from 'payload'

import type { ResolvedRegistrationOptions, StoredEvent, StoredRegistration } from '../types'

import { hasStarted, loadEvent } from '../lib/events'
import { queueCancelledMail } from '../lib/mails'
import { linkPageFor } from '../lib/respond'
import { promoteFromWaitingList, setStatus } from '../lib/seatRules'
import { decideByLink, seatLinkEndpoints } from '../lib/eventLock'
import {
  eventIdOf,
  registrationOfLink,
  reloadRegistration,
  waitlistPosition,
} from '../lib/registrationQueries'
import { cancelTokenHashOf, isCancelToken } from '../lib/tokens'

const invalidLink = (options: ResolvedRegistrationOptions, req: PayloadRequest, status: number) => {
  const { answer, t } = linkPageFor({ options, req })
  return answer(status, {
    headline: t('pageInvalidTitle'),
    message: t('cancelInvalid'),
    tone: 'problem',
  })
}

/** The registration the link's token belongs to, or the page that refuses the link. */
const registrationOf = (options: ResolvedRegistrationOptions, req: PayloadRequest) =>
  registrationOfLink({
    isToken: isCancelToken,
    options,
    refuse: (status) => invalidLink(options, req, status),
    req,
    where: (token) => ({
      cancelTokenHash: {
        equals: cancelTokenHashOf(options.hashSecret ?? req.payload.secret, token),
      },
    }),
  })

/**
 * What the link says when there is nothing to cancel: already cancelled, or the event has
 * begun (a seat freed then helps nobody). `undefined` while it can be cancelled.
 */
const settledAnswer = ({
  event,
  options,
  registration,
  req,
}: {
  event: null | StoredEvent
  options: ResolvedRegistrationOptions
  registration: StoredRegistration
  req: PayloadRequest
}): Response | undefined => {
  const { answer, t } = linkPageFor({ event, options, registration, req })
  if (registration.status === 'cancelled') {
    return answer(
      200,
      { headline: t('cancelledAlreadyTitle'), message: t('cancelledAlready'), tone: 'success' },
      { registration: { id: registration.id, status: 'cancelled' } },
    )
  }
  if (event && hasStarted(event, options)) {
    return answer(409, { headline: t('pagePastTitle'), message: t('cancelPast'), tone: 'problem' })
  }
  return undefined
}

/**
 * Cancels (POST /api/registrations/cancel?token=…): frees the seat and, under the event's lock,
 * gives it to the first person on the waiting list (by registration time).
 */
const cancel =
  (options: ResolvedRegistrationOptions): Endpoint['handler'] =>
  async (req) =>
    decideByLink({
      lookup: () => registrationOf(options, req),
      onLockTimeout: (found) => {
        const { answer, t } = linkPageFor({ options, registration: found, req })
        return answer(409, {
          button: t('cancelButton'),
          headline: t('pageBusyTitle'),
          message: t('lockTimeout'),
          tone: 'problem',
        })
      },
      options,
      req,
      work: async (found, eventId) => {
        const registration = await reloadRegistration({ id: found.id, options, req })
        if (!registration) {
          return invalidLink(options, req, 404)
        }
        const event = await loadEvent({ id: eventId, options, req })
        const settled = settledAnswer({ event, options, registration, req })
        if (settled) {
          return settled
        }
        const cancelled = await setStatus({
          id: registration.id,
          options,
          req,
          status: 'cancelled',
        })
        let promoted: (number | string)[] = []
        if (event) {
          await queueCancelledMail({ event, options, registration: cancelled, req })
          if (registration.status === 'confirmed') {
            promoted = await promoteFromWaitingList({ event, options, req })
          }
        }
        const { answer, t } = linkPageFor({ event, options, registration, req })
        const message =
          registration.status === 'confirmed'
            ? t('cancelled')
            : registration.status === 'waitlisted'
              ? t('cancelledWaitlisted')
              : t('cancelledPending')
        return answer(
          200,
          { headline: t('cancelledTitle'), message, tone: 'success' },
          {
            promoted: promoted[0] ?? null,
            registration: { id: registration.id, status: 'cancelled' },
          },
        )
      },
    })

/** What the link opens in a browser: the event and a button. */
const preview =
  (options: ResolvedRegistrationOptions): Endpoint['handler'] =>
  async (req) => {
    const registration = await registrationOf(options, req)
    if (registration instanceof Response) {
      return registration
    }
    const event = await loadEvent({ id: eventIdOf(registration)!, options, req })
    const settled = settledAnswer({ event, options, registration, req })
    if (settled) {
      return settled
    }
    const { answer, t } = linkPageFor({ event, options, registration, req })
    const message =
      registration.status === 'waitlisted'
        ? t('cancelQuestionWaitlisted', {
            position: await waitlistPosition({ options, registration, req }),
          })
        : registration.status === 'pending'
          ? t('cancelQuestionPending')
          : t('cancelQuestion')
    return answer(200, { button: t('cancelButton'), headline: t('cancelTitle'), message })
  }

/** The cancel link in every mail. */
export const cancelEndpoints = (options: ResolvedRegistrationOptions): Endpoint[] =>
  seatLinkEndpoints({ act: cancel(options), path: '/cancel', preview: preview(options) })
