import type { Endpoint, PayloadRequest } from 'payload'

import type { RegistrationRecord } from '../lib/records'
import type { ResolvedRegistrationOptions, StoredEvent } from '../types'

import { isVisitorToken } from '@quartiersnetz/plugin-kit/visitorToken'
import { hasStarted, loadEvent } from '../lib/events'
import { queueConfirmedMail, queueWaitlistedMail } from '../lib/mails'
import { linkPageFor } from '../lib/respond'
import { hasFreeSeat } from '../lib/seatRules'
import { decideByLink, seatLinkEndpoints } from '../lib/eventLock'
import { eventIdOf } from '../lib/registrationQueries'
import {
  registrationByTokenHash,
  registrationWithSeatsTaken,
  updateStatus,
  waitlistPosition,
} from '../lib/registrationRows'
import { confirmTokenHashOf } from '../lib/tokens'

const isExpired = (registration: RegistrationRecord) =>
  !registration.confirmExpiresAt || new Date(registration.confirmExpiresAt).getTime() < Date.now()

const invalidLink = (options: ResolvedRegistrationOptions, req: PayloadRequest, status: number) => {
  const { answer, t } = linkPageFor({ options, req })
  return answer(status, {
    headline: t('pageInvalidTitle'),
    message: t('confirmInvalid'),
    tone: 'problem',
  })
}

/**
 * The registration the link's token belongs to, whatever became of it since (the hash stays
 * after confirming), or the page that refuses the link.
 */
const registrationOf = async (
  options: ResolvedRegistrationOptions,
  req: PayloadRequest,
): Promise<RegistrationRecord | Response> => {
  const token = (req.query as Record<string, unknown> | undefined)?.token
  if (!isVisitorToken(token)) {
    return invalidLink(options, req, 400)
  }
  const found = await registrationByTokenHash({
    column: 'confirm_token_hash',
    hash: confirmTokenHashOf(options.hashSecret ?? req.payload.secret, token),
    options,
    req,
  })
  const eventId = found ? eventIdOf(found) : null
  return found && eventId !== null && eventId !== undefined ? found : invalidLink(options, req, 404)
}

/**
 * What the link says when there is nothing to confirm: already confirmed (with the seat or the
 * place on the waiting list), cancelled, expired, the event gone or begun. `undefined` while
 * the registration can be confirmed. The same for the page (GET) and the button (POST).
 */
const settledAnswer = async ({
  event,
  options,
  registration,
  req,
}: {
  event: null | StoredEvent
  options: ResolvedRegistrationOptions
  registration: RegistrationRecord
  req: PayloadRequest
}): Promise<Response | undefined> => {
  const { answer, t } = linkPageFor({ event, options, registration, req })
  const done = { registration: { id: registration.id, status: registration.status } }
  switch (registration.status) {
    case 'confirmed':
      return answer(
        200,
        { headline: t('alreadyConfirmedTitle'), message: t('alreadyConfirmed'), tone: 'success' },
        done,
      )
    case 'waitlisted': {
      const position = await waitlistPosition({ options, registration, req })
      return answer(
        200,
        {
          headline: t('alreadyConfirmedTitle'),
          message: t('alreadyWaitlisted', { position }),
          tone: 'waiting',
        },
        { ...done, position },
      )
    }
    case 'cancelled':
      return answer(409, {
        headline: t('confirmCancelledTitle'),
        message: t('confirmCancelled'),
        tone: 'problem',
      })
  }
  if (!event) {
    return answer(404, {
      headline: t('pageEventGoneTitle'),
      message: t('eventGone'),
      tone: 'problem',
    })
  }
  if (isExpired(registration)) {
    return answer(410, {
      headline: t('pageExpiredTitle'),
      message: t('confirmExpired', { hours: options.confirmHours }),
      tone: 'problem',
    })
  }
  if (hasStarted(event, options)) {
    return answer(409, { headline: t('pagePastTitle'), message: t('confirmPast'), tone: 'problem' })
  }
  return undefined
}

/**
 * Confirms (POST /api/registrations/confirm?token=…): under the event's lock, in one
 * transaction, confirmed while confirmed < capacity, else waitlisted, or refused without a
 * waiting list. Overbooking can't happen because every seat decision holds the same lock.
 */
const confirm =
  (options: ResolvedRegistrationOptions): Endpoint['handler'] =>
  async (req) =>
    decideByLink({
      lookup: () => registrationOf(options, req),
      onLockTimeout: (found) => {
        const { answer, t } = linkPageFor({ options, registration: found, req })
        return answer(409, {
          button: t('confirmButton'),
          headline: t('pageBusyTitle'),
          message: t('lockTimeout'),
          tone: 'problem',
        })
      },
      options,
      req,
      work: async (found, eventId) => {
        // Read again under the lock: a second click may have confirmed it meanwhile.
        const current = await registrationWithSeatsTaken({ id: found.id, options, req })
        if (!current) {
          return invalidLink(options, req, 404)
        }
        const { confirmed, registration } = current
        const event = await loadEvent({ id: eventId, options, req })
        const settled = await settledAnswer({ event, options, registration, req })
        if (settled || !event) {
          return settled ?? invalidLink(options, req, 404)
        }
        const { answer, t } = linkPageFor({ event, options, registration, req })
        const hasSeat = hasFreeSeat(event, confirmed)
        if (!hasSeat && !event.hasWaitingList) {
          return answer(409, {
            headline: t('pageFullTitle'),
            message: t('eventFull'),
            tone: 'problem',
          })
        }
        const status = hasSeat ? 'confirmed' : 'waitlisted'
        const updated = await updateStatus({ id: registration.id, options, req, status })
        await (hasSeat ? queueConfirmedMail : queueWaitlistedMail)({
          event,
          options,
          registration: updated,
          req,
        })
        const done = { registration: { id: registration.id, status } }
        if (hasSeat) {
          return answer(
            200,
            { headline: t('confirmedTitle'), message: t('confirmedPage'), tone: 'success' },
            done,
          )
        }
        const position = await waitlistPosition({ options, registration: updated, req })
        return answer(
          200,
          {
            headline: t('waitlistedTitle', { position }),
            message: t('waitlistedPage'),
            tone: 'waiting',
          },
          { ...done, position },
        )
      },
    })

/** What the link opens in a browser: the event and a button (or what became of the registration). */
const preview =
  (options: ResolvedRegistrationOptions): Endpoint['handler'] =>
  async (req) => {
    const registration = await registrationOf(options, req)
    if (registration instanceof Response) {
      return registration
    }
    const event = await loadEvent({ id: eventIdOf(registration)!, options, req })
    const settled = await settledAnswer({ event, options, registration, req })
    if (settled) {
      return settled
    }
    const { answer, t } = linkPageFor({ event, options, registration, req })
    return answer(200, {
      button: t('confirmButton'),
      headline: t('confirmTitle'),
      message: t('confirmQuestion'),
    })
  }

/** The double opt-in link in the first mail. */
export const confirmEndpoints = (options: ResolvedRegistrationOptions): Endpoint[] =>
  seatLinkEndpoints({ act: confirm(options), path: '/confirm', preview: preview(options) })
