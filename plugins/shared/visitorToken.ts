import crypto from 'node:crypto'

/** 32 random bytes, base64url: opaque, unguessable, and carries nothing about the visitor. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/

export const issueVisitorToken = (): string => crypto.randomBytes(32).toString('base64url')

export const isVisitorToken = (value: unknown): value is string =>
  typeof value === 'string' && TOKEN_PATTERN.test(value)

/** The value of one cookie from a Cookie header, or undefined. */
export const readCookie = (header: null | string, name: string): string | undefined => {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) {
      return decodeURIComponent(rest.join('='))
    }
  }
  return undefined
}

type CookieArgs = {
  isSecure: boolean
  maxAgeSeconds: number
  name: string
  path: string
  value: string
}

/** httpOnly, SameSite=Lax: readable by no script, sent only to our own API. */
export const serializeCookie = ({
  isSecure,
  maxAgeSeconds,
  name,
  path,
  value,
}: CookieArgs): string =>
  [
    `${name}=${encodeURIComponent(value)}`,
    `Path=${path}`,
    `Max-Age=${maxAgeSeconds}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(isSecure ? ['Secure'] : []),
  ].join('; ')
