/**
 * Reading registrations for the plugin's own decisions (every field, access overridden, in the
 * request's transaction): by a mailed link's token, by id again after taking the event's lock,
 * all of an event, the confirmed count and a place on the waiting list.
 */
import type { PayloadRequest, Where } from 'payload'

import type { ResolvedRegistrationOptions, StoredRegistration } from '../types'
import type { RegistrationRecord } from './records'

import { isPossibleId } from '@quartiersnetz/plugin-kit/ids'
import { registrationsOf } from './records'
import { countWithStatus, waitlistPosition } from './registrationRows'

/** The event's id, whether the registration was read with its event (depth > 0) or without. */
export const eventIdOf = (registration: StoredRegistration) =>
  registration.event && typeof registration.event === 'object'
    ? registration.event.id
    : registration.event

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
}): Promise<RegistrationRecord | undefined> => {
  const { docs } = await registrationsOf(options, req).find({
    limit: 1,
    overrideAccess: true,
    pagination: false,
    sort,
    where,
  })
  return docs[0]
}

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
}): Promise<RegistrationRecord | Response> => {
  const token = (req.query as Record<string, unknown> | undefined)?.token
  if (!isToken(token)) {
    return refuse(400)
  }
  const found = await findRegistration({ options, req, where: where(token) })
  const eventId = found ? eventIdOf(found) : null
  return found && eventId !== null && eventId !== undefined ? found : refuse(404)
}

/** Reads a registration again inside the transaction (after taking the lock). */
export const reloadRegistration = async ({
  id,
  options,
  req,
}: {
  id: number | string
  options: ResolvedRegistrationOptions
  req: PayloadRequest
}) =>
  isPossibleId(req.payload, options.slug, id)
    ? await registrationsOf(options, req).findByID({ id, overrideAccess: true })
    : null

/** Every registration of an event (oldest first), for the organisers' actions. */
export const registrationsOfEvent = async ({
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
    await registrationsOf(options, req).find({
      overrideAccess: true,
      pagination: false,
      sort: 'createdAt',
      where: {
        and: [{ event: { equals: eventId } }, ...(statuses ? [{ status: { in: statuses } }] : [])],
      },
    })
  ).docs

/** Confirmed registrations of the event, in the request's transaction (one SQL statement). */
export const countConfirmed = ({
  eventId,
  options,
  req,
}: {
  eventId: number | string
  options: ResolvedRegistrationOptions
  req: PayloadRequest
}) => countWithStatus({ eventId, options, req, status: 'confirmed' })

/**
 * A waitlisted registration's place on its event's waiting list: those waiting since before it
 * (the order in which promotion takes them), plus one.
 */
export { waitlistPosition }
