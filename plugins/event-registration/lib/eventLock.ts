/**
 * Seat decisions run one at a time per event: under a PostgreSQL advisory lock on the event,
 * taken with a lock timeout, in a transaction of their own, and inside a per-process limit so
 * that a burst waits here rather than for pooled connections.
 */
import type { Endpoint, PayloadRequest } from 'payload'

import type { RegistrationTranslationKey } from '../translations'
import type { ResolvedRegistrationOptions, StoredRegistration } from '../types'

import { commitTransaction, initTransaction, killTransaction } from 'payload'

import { lockForTransaction } from '@quartiersnetz/plugin-kit/advisoryLock'
import { createConcurrencyLimit, OWN_QUEUE } from '@quartiersnetz/plugin-kit/concurrencyLimit'
import { linkEndpoints } from '@quartiersnetz/plugin-kit/linkPage'
import { withinLimit } from '@quartiersnetz/plugin-kit/overloaded'
import { fail, translatorOf } from '@quartiersnetz/plugin-kit/respond'
import { eventIdOf } from './registrationQueries'

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

/**
 * What a mailed link shows before its button (reads only). The clicks after a mail to all
 * registrants come at once, so the pages wait in a limit of their own, as the decisions do.
 */
const linkPreviews = createConcurrencyLimit(3, { maxWaiting: 5_000, maxWaitMs: 180_000 })

/** Thrown when the event's lock wasn't granted within `lockTimeoutMs`; answered with 409. */
export class LockTimeoutError extends Error {
  constructor() {
    super('The event is locked by other seat decisions; try again.')
  }
}

/** PostgreSQL's lock_not_available (55P03), also raised when lock_timeout expires. */
const isLockTimeout = (err: unknown): boolean => {
  for (
    let cause: unknown = err;
    cause && typeof cause === 'object';
    cause = (cause as { cause?: unknown }).cause
  ) {
    if ((cause as { code?: unknown }).code === '55P03') {
      return true
    }
  }
  return false
}

/** Takes the event's lock for the rest of the request's transaction, waiting at most `lockTimeoutMs`. */
export const lockEvent = async (
  req: PayloadRequest,
  eventId: number | string,
  options: ResolvedRegistrationOptions,
) => {
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
  withinLimit(seatDecisions, req, async () => {
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

/** An organiser's decision as a seat decision under the event's lock; a lock timeout is a 409. */
export const underEventLock = (
  req: PayloadRequest,
  eventId: number | string,
  options: ResolvedRegistrationOptions,
  work: () => Promise<Response>,
) =>
  withinLimit(seatDecisions, req, () =>
    inEventTransaction({
      eventId,
      onLockTimeout: () =>
        fail(
          409,
          translatorOf<RegistrationTranslationKey>(req)('plugin-event-registration:lockTimeout'),
        ),
      options,
      req,
      work,
    }),
  )

/**
 * A mailed link's endpoints (linkEndpoints) whose decision runs in `decideByLink` and whose page
 * waits in `linkPreviews`: all their database work is queued here, so they declare `OWN_QUEUE`
 * and a host's limit in front of Payload lets a burst of clicks wait in these queues, which wait
 * as long as a thousand decisions on one event take, rather than in its own shorter one.
 */
export const seatLinkEndpoints = ({
  act,
  path,
  preview,
}: {
  act: Endpoint['handler']
  path: string
  preview: Endpoint['handler']
}): Endpoint[] =>
  linkEndpoints({
    act,
    custom: OWN_QUEUE,
    path,
    preview: (req) => withinLimit(linkPreviews, req, () => Promise.resolve(preview(req))),
  })
