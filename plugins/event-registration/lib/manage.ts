import type { CollectionSlug, PayloadRequest } from 'payload'

import type { ResolvedRegistrationOptions, StoredRegistration } from '../types'

/**
 * Whether the signed-in user may manage registrations: `canManage` must answer `true` (an access
 * function that answers with a query can't grant event-wide actions).
 */
export const mayManage = async (options: ResolvedRegistrationOptions, req: PayloadRequest) => {
  if (!req.user) {
    return false
  }
  return (await options.canManage({ req } as never)) === true
}

/** Every registration of an event (oldest first), for the organisers' actions. */
export const registrationsOf = async ({
  eventId,
  options,
  req,
  statuses,
}: {
  eventId: number | string
  options: ResolvedRegistrationOptions
  req: PayloadRequest
  statuses?: StoredRegistration['status'][]
}) =>
  (
    await req.payload.find({
      collection: options.slug as CollectionSlug,
      depth: 0,
      overrideAccess: true,
      pagination: false,
      req,
      sort: 'createdAt',
      where: {
        and: [{ event: { equals: eventId } }, ...(statuses ? [{ status: { in: statuses } }] : [])],
      },
    })
  ).docs as unknown as (StoredRegistration & { answers?: null | Record<string, string> })[]
