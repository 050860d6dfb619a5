import crypto from 'node:crypto'

/**
 * A keyed hash (HMAC-SHA-256, hex). Used for everything that identifies a visitor or a client
 * (tokens, addresses): only the hash is stored, and without the secret it can't be reversed by
 * trying all addresses.
 */
export const keyedHash = (secret: string, purpose: string, value: string): string =>
  crypto.createHmac('sha256', secret).update(`${purpose}\u0000${value}`).digest('hex')
