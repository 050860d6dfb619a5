import type { CollectionSlug, PayloadRequest, Where } from 'payload'

import type { ResolvedRegistrationOptions, StoredEvent, StoredRegistration } from '../types'

import { commitTransaction, initTransaction, killTransaction } from 'payload'

import { lockForTransaction } from '../../shared/advisoryLock'
import { createConcurrencyLimit } from '../../shared/concurrencyLimit'
import { isPossibleId } from '../../shared/ids'
import { queueConfirmedMail } from './mails'

/**
 * Seat decisions (confirm, cancel) for one event run one after the other under its lock anyway;
 * at most a few wait for it in the database, the rest here, so a burst never exhausts the pool.
 */
export const seatDecisions = createConcurrencyLimit(3, {
  // The minutes after a mail to all registrants can bring a thousand clicks at once; each
  // decision takes milliseconds, so they may wait longer than other requests before a 503.
  maxWaiting: 5_000,
  maxWaitMs: 180_000,
})

/** Thrown when the event's lock wasn't granted within `lockTimeoutMs`; answered with 409. */
export class LockTimeoutError extends Error {
  constructor() {
    super('The event is locked by other seat decisions; try again.')
  }
}

/** PostgreSQL's lock_not_available (55P03), also raised when lock_timeout expires. */
const isLockTimeout = (err: unknown): boolean => {
  for (let cause: unknown = err; cause && typeof cause === 'object'; cause = (cause as { cause?: unknown }).cause) {
    if ((cause as { code?: unknown }).code === '55P03') {
      return true
    }
  }
  return false
}

/** Takes the event's lock for the rest of the request's transaction, waiting at most `lockTimeoutMs`. */
export const lockEvent = async (req: PayloadRequest, eventId: number | string, options: ResolvedRegistrationOptions) => {
  try {
    await lockForTransaction({
      namespace: 'event-registration',
      req,
      timeoutMs: options.lockTimeoutMs,
      value: String(eventId),
    })
  } catch (err) {
    throw isLockTimeout(err) ? new LockTimeoutError() : err
  }
}

/**
 * Runs `work` in its own transaction under the event's lock. An answer that is not ok rolls the
 * transaction back; a lock timeout rolls back and answers `onLockTimeout()`. Callers run it
 * inside `seatDecisions` (not nested: the limit is not reentrant).
 */
export const inEventTransaction = async ({
  eventId,
  onLockTimeout,
  options,
  req,
  work,
}: {
  eventId: number | string
  onLockTimeout: () => Response
  options: ResolvedRegistrationOptions
  req: PayloadRequest
  work: () => Promise<Response>
}) => {
  await initTransaction(req)
  try {
    await lockEvent(req, eventId, options)
    const response = await work()
    if (response.ok) {
      await commitTransaction(req)
    } else {
      await killTransaction(req)
    }
    return response
  } catch (err) {
    await killTransaction(req)
    if (err instanceof LockTimeoutError) {
      return onLockTimeout()
    }
    throw err
  }
}

/**
 * A visitor's link acting on a registration: the lookup and the decision both run inside the
 * per-process limit (a burst of clicks never queues for the pool), the decision in one
 * transaction under the event's lock; a lock timeout answers `onLockTimeout` (409 "try again").
 */
export const decideByLink = <T extends StoredRegistration>({
  lookup,
  onLockTimeout,
  options,
  req,
  work,
}: {
  lookup: () => Promise<Response | T>
  onLockTimeout: (found: T) => Response
  options: ResolvedRegistrationOptions
  req: PayloadRequest
  work: (found: T, eventId: number | string) => Promise<Response>
}) =>
  seatDecisions(async () => {
    const found = await lookup()
    if (found instanceof Response) {
      return found
    }
    const eventId = eventIdOf(found)!
    return inEventTransaction({
      eventId,
      onLockTimeout: () => onLockTimeout(found),
      options,
      req,
      work: () => work(found, eventId),
    })
  })

/**
 * The registration a mailed link's token belongs to (one with an event), or `refuse`'s answer
 * to the link (400 malformed, 404 unknown).
 */
export const registrationOfLink = async ({
  isToken,
  options,
  refuse,
  req,
  where,
}: {
  isToken: (value: unknown) => value is string
  options: ResolvedRegistrationOptions
  refuse: (status: 400 | 404) => Response
  req: PayloadRequest
  where: (token: string) => Where
}): Promise<Response | StoredRegistration> => {
  const token = (req.query as Record<string, unknown> | undefined)?.token
  if (!isToken(token)) {
    return refuse(400)
  }
  const found = await findRegistration({ options, req, where: where(token) })
  const eventId = found ? eventIdOf(found) : null
  return found && eventId !== null && eventId !== undefined ? found : refuse(404)
}

export const eventIdOf = (registration: StoredRegistration) =>
  registration.event && typeof registration.event === 'object' ? registration.event.id : registration.event

/** The first registration matching `where` (e.g. the hash of a mailed link's token), if any. */
export const findRegistration = async ({
  options,
  req,
  sort,
  where,
}: {
  options: ResolvedRegistrationOptions
  req: PayloadRequest
  sort?: string
  where: Where
}): Promise<StoredRegistration | undefined> => {
  const { docs } = await req.payload.find({
    collection: options.slug as CollectionSlug,
    depth: 0,
    limit: 1,
    overrideAccess: true,
    pagination: false,
    req,
    sort,
    where,
  })
  return docs[0] as unknown as StoredRegistration | undefined
}

/** Reads a registration again inside the transaction (after taking the lock). */
export const reloadRegistration = async ({ id, options, req }: { id: number | string; options: ResolvedRegistrationOptions; req: PayloadRequest }) =>
  (isPossibleId(req.payload, options.slug, id)
    ? await req.payload.findByID({
        collection: options.slug as CollectionSlug,
        depth: 0,
        disableErrors: true,
        id,
        overrideAccess: true,
        req,
      })
    : null) as (StoredRegistration & { confirmExpiresAt?: null | string }) | null

export const countConfirmed = async ({ eventId, options, req }: { eventId: number | string; options: ResolvedRegistrationOptions; req: PayloadRequest }) =>
  (
    await req.payload.count({
      collection: options.slug as CollectionSlug,
      overrideAccess: true,
      req,
      where: { and: [{ event: { equals: eventId } }, { status: { equals: 'confirmed' } }] },
    })
  ).totalDocs

/**
 * A waitlisted registration's place on its event's waiting list: those waiting since before it
 * (the order in which promotion takes them), plus one.
 */
export const waitlistPosition = async ({ options, registration, req }: { options: ResolvedRegistrationOptions; registration: StoredRegistration; req: PayloadRequest }) =>
  (
    await req.payload.count({
      collection: options.slug as CollectionSlug,
      overrideAccess: true,
      req,
      where: {
        and: [
          { event: { equals: eventIdOf(registration) } },
          { status: { equals: 'waitlisted' } },
          {
            or: [
              { createdAt: { less_than: registration.createdAt } },
              { and: [{ createdAt: { equals: registration.createdAt } }, { id: { less_than: registration.id } }] },
            ],
          },
        ],
      },
    })
  ).totalDocs + 1

export const hasFreeSeat = (event: StoredEvent, confirmed: number) => event.capacity === null || event.capacity === undefined || confirmed < event.capacity

/**
 * Sets a registration's status (under the event's lock, in the request's transaction). The
 * confirmation token's hash stays, so that the link, opened again, says what became of it.
 */
export const setStatus = async ({
  id,
  options,
  req,
  status,
}: {
  id: number | string
  options: ResolvedRegistrationOptions
  req: PayloadRequest
  status: StoredRegistration['status']
}) =>
  (await req.payload.update({
    collection: options.slug as CollectionSlug,
    data: {
      confirmExpiresAt: null,
      status,
      ...(status === 'confirmed' ? { confirmedAt: new Date().toISOString() } : {}),
    } as never,
    depth: 0,
    id,
    overrideAccess: true,
    req,
  })) as unknown as StoredRegistration

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
