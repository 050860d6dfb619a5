import type { Request, RequestHandler } from 'express'

import { ipKeyGenerator, rateLimit } from 'express-rate-limit'

import type { LocalizedText } from '../i18n/localize'

import { sendError } from './sendError'

type RateLimitsArgs = {
  max: number
  windowMs: number
}

type PostRateLimitArgs = RateLimitsArgs & {
  /** Counted separately per kind (e.g. login vs. forgot-password) within one client. */
  kindOf: (req: Request) => string
  /** The message, given the minutes until the client may try again. */
  message: (minutes: number) => LocalizedText
  route: RegExp
}

/**
 * Payload has no rate limiting of its own. POSTs to `route` are counted per client (req.ip, so
 * `trust proxy` must be right behind a proxy) and kind, in memory: with several servers, each
 * counts on its own (see README). Over the limit: 429 with Retry-After and a message.
 */
const postRateLimit = ({ kindOf, max, message, route, windowMs }: PostRateLimitArgs): RequestHandler => {
  const limiter = rateLimit({
    handler: (req, res) => {
      const resetTime = (req as typeof req & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime
      const seconds = Math.max(1, Math.ceil(((resetTime?.getTime() ?? Date.now() + windowMs) - Date.now()) / 1000))
      res.setHeader('Retry-After', String(seconds))
      sendError(req, res, 429, message(Math.ceil(seconds / 60)))
    },
    keyGenerator: (req) => `${ipKeyGenerator(req.ip ?? '')}:${kindOf(req)}`,
    legacyHeaders: false,
    limit: max,
    standardHeaders: 'draft-7',
    windowMs,
  })
  return (req, res, next) => {
    if (req.method === 'POST' && route.test(req.path)) {
      limiter(req, res, next)
      return
    }
    next()
  }
}

/** Payload's auth routes that accept a password or send mail: the targets of guessing and spam. */
export const AUTH_ROUTE = /^\/api\/[^/]+\/(login|forgot-password|reset-password|first-register|unlock)\/?$/

export const authRateLimit = (args: RateLimitsArgs): RequestHandler =>
  postRateLimit({
    ...args,
    kindOf: (req) => AUTH_ROUTE.exec(req.path)?.[1] ?? '',
    message: (minutes) => ({
      de: `Zu viele Versuche. Bitte in ${minutes} Minute(n) erneut versuchen.`,
      en: `Too many attempts. Please try again in ${minutes} minute(s).`,
    }),
    route: AUTH_ROUTE,
  })

/** The comments plugin's public writes: new comments and reports. Confirmation links are not limited. */
export const COMMENT_WRITE_ROUTE = /^\/api\/comments(?:\/[^/]+\/report)?\/?$/

/**
 * Comments and reports per client and window, on top of the plugin's own spam defences
 * (honeypot, form time, link limit) and its one report per client.
 */
export const commentsRateLimit = (args: RateLimitsArgs): RequestHandler =>
  postRateLimit({
    ...args,
    kindOf: (req) => (/\/report\/?$/.test(req.path) ? 'report' : 'comment'),
    message: (minutes) => ({
      de: `Zu viele Kommentare oder Meldungen von diesem Anschluss. Bitte in ${minutes} Minute(n) erneut versuchen.`,
      en: `Too many comments or reports from this connection. Please try again in ${minutes} minute(s).`,
    }),
    route: COMMENT_WRITE_ROUTE,
  })

/** The event registration plugin's public write: registering for an event. Links in mails are not limited. */
export const REGISTRATION_WRITE_ROUTE = /^\/api\/events\/[^/]+\/registrations\/?$/

/** Registrations per client and window: enough for a team signing up, not for filling an event with fakes. */
export const registrationsRateLimit = (args: RateLimitsArgs): RequestHandler =>
  postRateLimit({
    ...args,
    kindOf: () => 'registration',
    message: (minutes) => ({
      de: `Zu viele Anmeldungen von diesem Anschluss. Bitte in ${minutes} Minute(n) erneut versuchen.`,
      en: `Too many registrations from this connection. Please try again in ${minutes} minute(s).`,
    }),
    route: REGISTRATION_WRITE_ROUTE,
  })
