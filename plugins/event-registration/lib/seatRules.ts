/**
 * The seat rules: a seat is free while fewer are confirmed than the capacity (none: no limit),
 * a status change keeps what the mailed links need, and a freed seat goes to the first on the
 * waiting list. Called under the event's lock (eventLock.ts), in the request's transaction.
 */
import type { PayloadRequest } from 'payload'

import type { ResolvedRegistrationOptions, StoredEvent } from '../types'

import { queueConfirmedMail } from './mails'
import { countConfirmed, findRegistration } from './registrationQueries'
import { updateStatus } from './registrationRows'

export const hasFreeSeat = (event: StoredEvent, confirmed: number) =>
  event.capacity === null || event.capacity === undefined || confirmed < event.capacity

/**
 * Sets a registration's status (under the event's lock, in the request's transaction). The
 * confirmation token's hash stays, so that the link, opened again, says what became of it.
 */
export const setStatus = updateStatus

/**
 * After a confirmed seat was freed: while seats are free, the first on the waiting list (by
 * registration time) moves up and is told by mail. Returns the ids promoted.
 */
export const promoteFromWaitingList = async ({
  event,
  options,
  req,
}: {
  event: StoredEvent
  options: ResolvedRegistrationOptions
  req: PayloadRequest
}): Promise<(number | string)[]> => {
  const promoted: (number | string)[] = []
  let confirmed = await countConfirmed({ eventId: event.id, options, req })
  while (hasFreeSeat(event, confirmed)) {
    const next = await findRegistration({
      options,
      req,
      sort: 'createdAt',
      where: { and: [{ event: { equals: event.id } }, { status: { equals: 'waitlisted' } }] },
    })
    if (!next) {
      break
    }
    const registration = await setStatus({ id: next.id, options, req, status: 'confirmed' })
    await queueConfirmedMail({ event, isPromotion: true, options, registration, req })
    promoted.push(registration.id)
    confirmed++
  }
  return promoted
}
