/**
 * What the plugin reads and writes, as it does (plugins/shared/data.ts): access is decided per
 * call, every call runs in `req`'s transaction (or, `asVisitor`, as an anonymous visitor).
 */
import type { PayloadRequest } from 'payload'

import type { ResolvedRegistrationOptions, StoredEvent, StoredRegistration } from '../types'

import { collectionOf } from '@quartiersnetz/plugin-kit/data'

/** A registration with what only the plugin's own writes set besides what it reads. */
export type RegistrationRecord = StoredRegistration & {
  answers?: null | Record<string, string>
  cancelTokenHash?: null | string
  confirmExpiresAt?: null | string
  confirmTokenHash?: null | string
  consent?: null | { givenAt?: null | string; version?: null | string }
}

export const registrationsOf = (options: ResolvedRegistrationOptions, req: PayloadRequest) =>
  collectionOf<RegistrationRecord>(req, options.slug)

/** The host's events, every field (access link included) when read with access overridden. */
export const eventsOf = (
  options: ResolvedRegistrationOptions,
  req: PayloadRequest,
  view?: { asVisitor?: boolean },
) => collectionOf<StoredEvent>(req, options.eventsCollection, view)
