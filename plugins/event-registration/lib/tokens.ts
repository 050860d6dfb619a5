import { keyedHash } from '@quartiersnetz/plugin-kit/hashing'

export const confirmTokenHashOf = (secret: string, token: string) =>
  keyedHash(secret, 'registration-confirm', token)

/**
 * The cancel token is derived from the registration's id with the secret, so every later mail
 * can carry the link again; only its hash is stored.
 */
export const cancelTokenOf = (secret: string, id: number | string) =>
  keyedHash(secret, 'registration-cancel-token', String(id))
export const cancelTokenHashOf = (secret: string, token: string) =>
  keyedHash(secret, 'registration-cancel', token)
export const isCancelToken = (value: unknown): value is string =>
  typeof value === 'string' && /^[0-9a-f]{64}$/.test(value)
