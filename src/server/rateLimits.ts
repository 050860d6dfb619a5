import type { RequestHandler } from 'express'

import { ipKeyGenerator, rateLimit } from 'express-rate-limit'

import { sendError } from './sendError'

type RateLimitsArgs = {
  max: number
  windowMs: number
}

/** Payload's auth routes that accept a password or send mail: the targets of guessing and spam. */
export const AUTH_ROUTE = /^\/api\/[^/]+\/(login|forgot-password|reset-password|first-register|unlock)\/?$/

/**
 * Payload has no rate limiting of its own. Counted per client (req.ip, so `trust proxy` must
 * be right behind a proxy) and per route kind, in memory: with several servers, each counts
 * on its own (see README).
 */
export const authRateLimit = ({ max, windowMs }: RateLimitsArgs): RequestHandler => {
  const limiter = rateLimit({
    handler: (req, res) => {
      const resetTime = (req as typeof req & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime
      const seconds = Math.max(1, Math.ceil(((resetTime?.getTime() ?? Date.now() + windowMs) - Date.now()) / 1000))
      res.setHeader('Retry-After', String(seconds))
      sendError(req, res, 429, {
        de: `Zu viele Versuche. Bitte in ${Math.ceil(seconds / 60)} Minute(n) erneut versuchen.`,
        en: `Too many attempts. Please try again in ${Math.ceil(seconds / 60)} minute(s).`,
      })
    },
    keyGenerator: (req) => `${ipKeyGenerator(req.ip ?? '')}:${AUTH_ROUTE.exec(req.path)?.[1] ?? ''}`,
    legacyHeaders: false,
    limit: max,
    standardHeaders: 'draft-7',
    windowMs,
  })
  return (req, res, next) => {
    if (req.method === 'POST' && AUTH_ROUTE.test(req.path)) {
      limiter(req, res, next)
      return
    }
    next()
  }
}

/** The comments plugin's public writes: new comments and reports. Confirmation links are not limited. */
export const COMMENT_WRITE_ROUTE = /^\/api\/comments(?:\/[^/]+\/report)?\/?$/

/**
 * Comments and reports per client (req.ip) and window, on top of the plugin's own spam
 * defences (honeypot, form time, link limit) and its one report per client.
 */
export const commentsRateLimit = ({ max, windowMs }: RateLimitsArgs): RequestHandler => {
  const limiter = rateLimit({
    handler: (req, res) => {
      const resetTime = (req as typeof req & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime
      const seconds = Math.max(1, Math.ceil(((resetTime?.getTime() ?? Date.now() + windowMs) - Date.now()) / 1000))
      res.setHeader('Retry-After', String(seconds))
      sendError(req, res, 429, {
        de: `Zu viele Kommentare oder Meldungen von diesem Anschluss. Bitte in ${Math.ceil(seconds / 60)} Minute(n) erneut versuchen.`,
        en: `Too many comments or reports from this connection. Please try again in ${Math.ceil(seconds / 60)} minute(s).`,
      })
    },
    keyGenerator: (req) => `${ipKeyGenerator(req.ip ?? '')}:${req.path.endsWith('/report') || req.path.endsWith('/report/') ? 'report' : 'comment'}`,
    legacyHeaders: false,
    limit: max,
    standardHeaders: 'draft-7',
    windowMs,
  })
  return (req, res, next) => {
    if (req.method === 'POST' && COMMENT_WRITE_ROUTE.test(req.path)) {
      limiter(req, res, next)
      return
    }
    next()
  }
}
