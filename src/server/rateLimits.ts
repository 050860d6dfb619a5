import type { Request, RequestHandler, Response } from 'express'

import { ipKeyGenerator, rateLimit } from 'express-rate-limit'
import { getPayload } from 'payload'

import { type PublicWriteRoute, retryIn } from '@quartiersnetz/plugin-kit/pluginConfig'

import type { LocalizedText } from '../i18n/localize'

import config from '../../payload.config'
import { RETRY_AFTER_SECONDS } from '../errors/answerHonestly'
import {
  createPostgresRateLimitCounter,
  postgresStore,
  type RateLimitCounter,
} from './rateLimitStore'
import { routePattern } from './routePattern'
import { sendError } from './sendError'

type RateLimitsArgs = {
  /**
   * Where the hits are counted: PostgreSQL (shared by every server) unless RATE_LIMIT_STORE is
   * `memory`. Given, e.g. by a test, this counter is used.
   */
  counter?: RateLimitCounter | 'memory'
  max: number
  windowMs: number
}

/** RATE_LIMIT_STORE: `postgres` (the default: one limit per client across all servers) or `memory`. */
export const rateLimitStoreSetting = (): 'memory' | 'postgres' => {
  const raw = process.env.RATE_LIMIT_STORE
  if (raw === undefined || raw === '' || raw === 'postgres') {
    return 'postgres'
  }
  if (raw !== 'memory') {
    throw new Error(`RATE_LIMIT_STORE muss "postgres" oder "memory" sein, ist aber "${raw}".`)
  }
  return 'memory'
}

/** Payload's logger, once Payload runs (startServer started it before the first request). */
const logger = {
  warn: (entry: { err?: unknown; msg: string }) =>
    void getPayload({ config }).then((payload) => payload.logger.warn(entry)),
}

let shared: { counter: RateLimitCounter; key: string } | undefined

/**
 * The process's counter in PostgreSQL, on the database and with the secret the server uses
 * (read when the first limiter is made, after the environment is prepared).
 */
const sharedCounter = (): RateLimitCounter => {
  const connectionString = process.env.DATABASE_URL
  const secret = process.env.PAYLOAD_SECRET ?? ''
  const key = `${connectionString}\u0000${secret}`
  if (shared?.key !== key) {
    void shared?.counter.stop()
    shared = { counter: createPostgresRateLimitCounter({ connectionString, logger, secret }), key }
  }
  return shared.counter
}

/** Closes the shared counter's connections (on shutdown, after the HTTP server has drained). */
export const stopSharedRateLimitCounter = async () => {
  const stopping = shared?.counter.stop()
  shared = undefined
  await stopping
}

const counterOf = (given: RateLimitsArgs['counter']): RateLimitCounter | undefined => {
  if (given === 'memory') {
    return undefined
  }
  return given ?? (rateLimitStoreSetting() === 'memory' ? undefined : sharedCounter())
}

/**
 * Without its counter the server cannot tell whether a client is over the limit. The limited
 * routes all need the database anyway, so the answer is the one the server gives when the
 * database is unreachable: 503 with Retry-After, never a 500, and never an unlimited pass
 * (guessing passwords must not get easier while the database struggles).
 */
const UNAVAILABLE: LocalizedText = {
  de: 'Der Dienst ist vorübergehend nicht verfügbar (die Datenbank ist nicht erreichbar oder ausgelastet). Bitte versuchen Sie es in einigen Sekunden erneut.',
  en: 'The service is temporarily unavailable (the database is unreachable or busy). Please try again in a few seconds.',
}

type PostRateLimitArgs = Omit<RateLimitsArgs, 'counter'> & {
  counter: RateLimitCounter | undefined
  /** Counted separately per kind (e.g. login vs. forgot-password) within one client. */
  kindOf: (req: Request) => string
  /** The message, given the minutes until the client may try again. */
  message: (minutes: number) => LocalizedText
  route: RegExp
  /**
   * Answers given back once sent, so they don't count: a login that succeeds is no guess, a
   * registration refused for its input sent no mail.
   */
  givesBack?: (req: Request, res: Response) => boolean
}

/** Statuses that refuse a request's input: the request did nothing. */
const INPUT_REFUSALS = new Set([400, 413, 415, 422])

/**
 * Payload has no rate limiting of its own. POSTs to `route` are counted per client (req.ip, so
 * `trust proxy` must be right behind a proxy) and kind, in PostgreSQL (every server counts the
 * same hits) or, with RATE_LIMIT_STORE=memory, in this process. Over the limit: 429 with
 * Retry-After and a message; counter unreachable: 503 with Retry-After.
 */
const postRateLimit = ({
  counter,
  givesBack,
  kindOf,
  max,
  message,
  prefix,
  route,
  windowMs,
}: PostRateLimitArgs & { prefix: string }): RequestHandler => {
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
    // express-rate-limit gives back the hits of "failed" requests: here those `givesBack` names.
    requestWasSuccessful: (req, res) => !givesBack?.(req, res),
    skipFailedRequests: givesBack !== undefined,
    standardHeaders: 'draft-7',
    store: counter ? postgresStore({ counter, prefix }) : undefined,
    windowMs,
  })
  return (req, res, next) => {
    if (req.method === 'POST' && route.test(req.path)) {
      void limiter(req, res, (err?: unknown) => {
        if (err === undefined) {
          next()
          return
        }
        logger.warn({ err, msg: 'Rate limits: the counter could not be reached; answered 503.' })
        res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS))
        sendError(req, res, 503, UNAVAILABLE)
      })
      return
    }
    next()
  }
}

/** Payload's auth routes that accept a password or send mail: the targets of guessing and spam. */
export const AUTH_ROUTE =
  /^\/api\/[^/]+\/(login|forgot-password|reset-password|first-register|unlock)\/?$/

export const authRateLimit = ({ counter, ...args }: RateLimitsArgs): RequestHandler =>
  postRateLimit({
    ...args,
    counter: counterOf(counter),
    prefix: 'auth',
    // Colleagues signing in one after another behind a city hall's one address are no attack;
    // forgot-password answers 200 whether or not the account exists, so it counts every time.
    givesBack: (req, res) => AUTH_ROUTE.exec(req.path)?.[1] === 'login' && res.statusCode < 400,
    kindOf: (req) => AUTH_ROUTE.exec(req.path)?.[1] ?? '',
    message: (minutes) => ({
      de: `Zu viele Versuche. Bitte versuchen Sie es ${retryIn(minutes).de} erneut.`,
      en: `Too many attempts. Please try again ${retryIn(minutes).en}.`,
    }),
    route: AUTH_ROUTE,
  })

/**
 * The plugins' public writes (comments, reports, registrations), each counted per client and
 * window as the plugin declared it (`config.custom.quartiersnetz.publicWriteRoutes`), on top of
 * the plugins' own defences. Links in mails are not among them.
 */
export const publicWriteRateLimits = ({
  apiRoute,
  counter,
  routes,
}: {
  apiRoute: string
  counter?: RateLimitsArgs['counter']
  routes: PublicWriteRoute[]
}): RequestHandler[] =>
  routes.map((route) =>
    postRateLimit({
      ...route.limit,
      counter: counterOf(counter),
      kindOf: () => route.kind,
      prefix: `write:${route.path}`,
      ...(route.countsInputRefusals === false && {
        givesBack: (_req: Request, res: Response) => INPUT_REFUSALS.has(res.statusCode),
      }),
      message: route.message,
      route: routePattern(apiRoute, route.path),
    }),
  )
