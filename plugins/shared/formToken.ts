import { timingSafeEqual } from 'node:crypto'

import { keyedHash } from './hashing'

const PURPOSE = 'form-token'

/**
 * A form token carries the time the form was rendered, signed: a submit can prove that the
 * form was open for at least a few seconds (bots submit at once) and not for days.
 */
export const issueFormToken = ({
  issuedAt = Date.now(),
  scope,
  secret,
}: {
  issuedAt?: number
  scope: string
  secret: string
}): string => `${issuedAt}.${keyedHash(secret, `${PURPOSE}:${scope}`, String(issuedAt))}`

export type FormTokenCheck = 'expired' | 'invalid' | 'ok' | 'too-fast'

export const checkFormToken = ({
  maxAgeMs,
  minAgeMs,
  now = Date.now(),
  scope,
  secret,
  token,
}: {
  maxAgeMs: number
  minAgeMs: number
  now?: number
  scope: string
  secret: string
  token: unknown
}): FormTokenCheck => {
  if (typeof token !== 'string' || !/^\d{1,15}\.[0-9a-f]{64}$/.test(token)) {
    return 'invalid'
  }
  const [issued, signature] = token.split('.') as [string, string]
  const expected = keyedHash(secret, `${PURPOSE}:${scope}`, issued)
  if (!timingSafeEqual(Buffer.from(signature), Buffer.from(expected))) {
    return 'invalid'
  }
  const age = now - Number(issued)
  if (age < minAgeMs) {
    return 'too-fast'
  }
  return age > maxAgeMs ? 'expired' : 'ok'
}
