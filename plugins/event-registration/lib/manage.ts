/**
 * What the organisers' endpoints (endpoints/decide.ts, export.ts, message.ts, attendance.ts)
 * share: who may manage registrations, which route ids are worth a lookup, how large a body
 * may be, and the event an organiser's POST is about.
 */
import type { PayloadRequest } from 'payload'

import type { RegistrationTranslationKey } from '../translations'
import type { ResolvedRegistrationOptions, StoredEvent } from '../types'

import { grantsOnlyTrue } from '@quartiersnetz/plugin-kit/access'
import { fail, translatorOf } from '@quartiersnetz/plugin-kit/respond'
import { loadEvent } from './events'

export const MAX_BODY_BYTES = 64 * 1024

/** An id from the route that could name a document; anything else is answered 404 unread. */
export const isRouteId = (value: unknown) => /^[A-Za-z0-9_-]{1,64}$/.test(String(value ?? ''))

/**
 * Whether the signed-in user may manage registrations: `canManage` must answer `true` (an access
 * function that answers with a query can't grant event-wide actions).
 */
export const mayManage = async (options: ResolvedRegistrationOptions, req: PayloadRequest) => {
  if (!req.user) {
    return false
  }
  return grantsOnlyTrue(options.canManage)({ req })
}

/** Reads the event for an organisers' POST, or the response that refuses it. */
export const eventForPost = async (
  options: ResolvedRegistrationOptions,
  req: PayloadRequest,
): Promise<Response | StoredEvent> => {
  const t = translatorOf<RegistrationTranslationKey>(req)
  if (!(await mayManage(options, req))) {
    return fail(req.user ? 403 : 401, t('plugin-event-registration:forbidden'))
  }
  const id = req.routeParams?.id
  const event = isRouteId(id) ? await loadEvent({ id: String(id), options, req }) : null
  return event ?? fail(404, t('plugin-event-registration:eventNotFound'))
}
