/** Accounts for tests: users with a role, made with the Local API, and signed in over HTTP. */
import type { Payload } from 'payload'

import type { User } from '../../payload-types'

import { login } from './http'

export const PASSWORD = 'Richtiges-Passwort-2026'

export type NewUser = {
  email: string
  /** The city a municipality editor keeps. */
  municipality?: number
  name?: string
  /** @default PASSWORD */
  password?: string
  role: User['role']
}

/** A user made with full access. The first user of a database is an admin whatever its role. */
export const createUser = async (
  payload: Payload,
  { password = PASSWORD, ...data }: NewUser,
): Promise<User> =>
  payload.create({ collection: 'users', data: { ...data, password }, overrideAccess: true })

/**
 * Creates the users in the order given and signs each in through the REST API; returns the
 * users and their tokens under the same keys.
 */
export const createSignedInUsers = async <Key extends string>(
  payload: Payload,
  { serverUrl, users }: { serverUrl: string; users: Record<Key, NewUser> },
): Promise<{ tokens: Record<Key, string>; users: Record<Key, User> }> => {
  const tokens = {} as Record<Key, string>
  const created = {} as Record<Key, User>
  for (const [key, user] of Object.entries(users) as [Key, NewUser][]) {
    created[key] = await createUser(payload, user)
    tokens[key] = await login(serverUrl, user.email, user.password ?? PASSWORD)
  }
  return { tokens, users: created }
}
