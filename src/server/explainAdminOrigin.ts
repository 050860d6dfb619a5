import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import { originMismatchText } from '../i18n/originMismatch'
import { sendError } from './sendError'

/** Requests a browser sends without an Origin worth checking (reads, preflights). */
const READS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Addresses said in the log, at most (each once). */
const LOGGED_ORIGINS_MAX = 100

const hostOf = (origin: string): string | undefined => {
  try {
    return new URL(origin).host.toLowerCase()
  } catch {
    return undefined
  }
}

const hasCookie = (header: string | undefined, name: string) =>
  (header ?? '').split(';').some((part) => part.trim().startsWith(`${name}=`))

/**
 * Payload ignores the sign-in cookie of a page whose origin is not on its `csrf` list, so an
 * admin opened under another name than SERVER_URL is signed in, yet every save ends in a bare
 * 403. Such a write (the page's own host, or the admin's own route) is answered here with a
 * 403 that says what to set, and the server says it once per address in its log. Writes from
 * other sites (a foreign origin posting to the API) are left to Payload.
 */
export const explainAdminOrigin = ({
  payload,
  serverUrl,
}: {
  payload: Payload
  serverUrl: string
}): RequestHandler => {
  const allowed = new Set(payload.config.csrf)
  const cookieName = `${payload.config.cookiePrefix}-token`
  const adminRoute = payload.config.routes.admin
  const logged = new Set<string>()
  return (req, res, next) => {
    const origin = req.headers.origin
    if (
      !origin ||
      READS.has(req.method) ||
      allowed.has(origin) ||
      !hasCookie(req.headers.cookie, cookieName)
    ) {
      next()
      return
    }
    const isAdminRoute = req.path === adminRoute || req.path.startsWith(`${adminRoute}/`)
    // req.host follows X-Forwarded-Host when TRUST_PROXY says the proxy may set it.
    const isOwnPage = hostOf(origin) !== undefined && hostOf(origin) === req.host?.toLowerCase()
    if (!isAdminRoute && !isOwnPage) {
      next()
      return
    }
    const text = originMismatchText({ origin, serverUrl })
    // Bounded: the Origin header is the client's to choose.
    if (!logged.has(origin) && logged.size < LOGGED_ORIGINS_MAX) {
      logged.add(origin)
      payload.logger.warn({
        msg: `Änderung aus dem Admin-Panel unter ${origin} abgelehnt: Angenommen werden nur ${[...allowed].join(', ')}. Soll das Admin-Panel unter ${origin} laufen, setzen Sie SERVER_URL oder ADMIN_ORIGINS.`,
      })
    }
    sendError(req, res, 403, text)
  }
}
