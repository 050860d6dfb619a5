import type { Request, RequestHandler } from 'express'

import { ipKeyGenerator, rateLimit } from 'express-rate-limit'

import type { PublicWriteRoute } from '@quartiersnetz/plugin-kit/pluginConfig'

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
 * counts on its own (see docs/operating.md). Over the limit: 429 with Retry-After and a message.
 */
const postRateLimit = ({
  kindOf,
  max,
  message,
  route,
  windowMs,
}: PostRateLimitArgs): RequestHandler => {
  const limiter = rateLimit({
    handler: (req, res) => {
      const resetTime = (req as typeof req & { rateLimit?: { resetTime?: Date } }).rateLimit
        ?.resetTime
      const seconds = Math.max(
        1,
        Math.ceil(((resetTime?.getTime() ?? Date.now() + windowMs) - Date.now()) / 1000),
      )
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
export const AUTH_ROUTE =
  /^\/api\/[^/]+\/(login|forgot-password|reset-password|first-register|unlock)\/?$/

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

/** A plugin's route pattern (`/events/:id/registrations`) under the API route, as a regular expression. */
const routePattern = (apiRoute: string, path: string) =>
  new RegExp(
    `^${`${apiRoute}${path}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z]+/g, '[^/]+')}\\/?$`,
  )

/**
 * The plugins' public writes (comments, reports, registrations), each counted per client and
 * window as the plugin declared it (`config.custom.quartiersnetz.publicWriteRoutes`), on top of
 * the plugins' own defences. Links in mails are not among them.
 */
export const publicWriteRateLimits = ({
  apiRoute,
  routes,
}: {
  apiRoute: string
  routes: PublicWriteRoute[]
}): RequestHandler[] =>
  routes.map((route) =>
    postRateLimit({
      ...route.limit,
      kindOf: () => route.kind,
      message: route.message,
      route: routePattern(apiRoute, route.path),
    }),
  )
