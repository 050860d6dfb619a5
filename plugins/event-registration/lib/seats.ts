import type { CollectionSlug, PayloadRequest, Where } from 'payload'

import type { ResolvedRegistrationOptions, StoredRegistration } from '../types'

import { lockForTransaction } from '../../shared/advisoryLock'
import { createConcurrencyLimit } from '../../shared/concurrencyLimit'

/**
 * Seat decisions (confirm, cancel) for one event run one after the other under its lock anyway;
 * at most a few wait for it in the database, the rest here, so a burst never exhausts the pool.
 */
export const seatDecisions = createConcurrencyLimit(3)

export const lockEvent = (req: PayloadRequest, eventId: number | string) =>
  lockForTransaction({
    namespace: 'event-registration',
    req,
    value: String(eventId),
  })

/** The registration a mailed link points to (by the hash of its token), if any. */
export const findRegistration = async ({
  options,
  req,
  where,
}: {
  options: ResolvedRegistrationOptions
  req: PayloadRequest
  where: Where
}): Promise<StoredRegistration | undefined> => {
  const { docs } = await req.payload.find({
    collection: options.slug as CollectionSlug,
    depth: 0,
    limit: 1,
    overrideAccess: true,
    pagination: false,
    where,
  })
  return docs[0] as unknown as StoredRegistration | undefined
}
