import type { CollectionSlug, Endpoint, PayloadRequest } from 'payload'

import { commitTransaction, initTransaction, killTransaction } from 'payload'
import { z } from 'zod'

import type { RatingsTranslationKey } from '../translations'
import type { ResolvedRatingsOptions } from '../types'

import { clientAddressOf } from '@quartiersnetz/plugin-kit/clientAddress'
import { createConcurrencyLimit, OWN_QUEUE } from '@quartiersnetz/plugin-kit/concurrencyLimit'
import { collectionOf } from '@quartiersnetz/plugin-kit/data'
import { keyedHash } from '@quartiersnetz/plugin-kit/hashing'
import { isPossibleId } from '@quartiersnetz/plugin-kit/ids'
import { languageOf, namedKeys } from '@quartiersnetz/plugin-kit/publicInput'
import { readJsonBody } from '@quartiersnetz/plugin-kit/readJsonBody'
import { fail, translatorOf } from '@quartiersnetz/plugin-kit/respond'
import {
  isVisitorToken,
  issueVisitorToken,
  readCookie,
  serializeCookie,
} from '@quartiersnetz/plugin-kit/visitorToken'
import { isCrossOrigin } from '../lib/isCrossOrigin'
import { presentSummary, type RatingValues } from '../lib/summary'
import { countRecentRatingsOfClient, writeRating } from '../lib/writeRating'

const MAX_BODY_BYTES = 2048

/** Rating transactions running at once in this process (the pool has 10 connections by default). */
const ratingWrites = createConcurrencyLimit(4)
const TOKEN_HEADER = 'x-visitor-token'
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60

const bodySchema = z.object({ values: z.record(z.string(), z.unknown()) }).strict()

type ParsedValues = { ok: false; response: Response } | { ok: true; values: RatingValues }

const parseValues = async (
  req: PayloadRequest,
  options: ResolvedRatingsOptions,
): Promise<ParsedValues> => {
  const translate = translatorOf<RatingsTranslationKey>(req)
  const example = options.dimensions[0]!.key
  const body = await readJsonBody(req, MAX_BODY_BYTES)
  if (!body.ok && 'message' in body) {
    return { ok: false, response: fail(body.status, body.message) }
  }
  if (!body.ok) {
    const message =
      body.error === 'too-large'
        ? translate('plugin-ratings:bodyTooLarge', { max: MAX_BODY_BYTES })
        : body.error === 'invalid-json'
          ? translate('plugin-ratings:invalidJson')
          : translate('plugin-ratings:emptyBody', { example })
    return { ok: false, response: fail(body.error === 'too-large' ? 413 : 400, message) }
  }
  const parsed = bodySchema.safeParse(body.value)
  if (!parsed.success) {
    const unexpected = parsed.error.issues.flatMap((issue) =>
      issue.code === 'unrecognized_keys' ? issue.keys : [],
    )
    const message = unexpected.length
      ? translate('plugin-ratings:unexpectedField', {
          example,
          fields: namedKeys(unexpected, languageOf(req)),
        })
      : translate('plugin-ratings:emptyBody', { example })
    return { ok: false, response: fail(400, message) }
  }
  if (Object.keys(parsed.data.values).length === 0) {
    return { ok: false, response: fail(400, translate('plugin-ratings:emptyBody', { example })) }
  }
  const allowed = new Map(options.dimensions.map((dimension) => [dimension.key, dimension]))
  const language = languageOf(req)
  /** A dimension as people read it, with the key a client sends: „Partizipation“ (participation). */
  const labelOf = (key: string) => {
    const label = allowed.get(key)?.label
    const text =
      typeof label === 'string'
        ? label
        : (label?.[language] ?? label?.de ?? Object.values(label ?? {})[0])
    return text ?? key
  }
  const values: RatingValues = {}
  for (const [key, value] of Object.entries(parsed.data.values)) {
    if (!allowed.has(key)) {
      return {
        ok: false,
        response: fail(
          400,
          translate('plugin-ratings:unknownDimension', {
            allowed: [...allowed.keys()].map((known) => `${known} (${labelOf(known)})`).join(', '),
            key,
          }),
        ),
      }
    }
    if (
      typeof value !== 'number' ||
      !Number.isInteger(value) ||
      value < options.scale.min ||
      value > options.scale.max
    ) {
      return {
        ok: false,
        response: fail(
          400,
          translate('plugin-ratings:valueOutOfRange', {
            key,
            label: labelOf(key),
            max: options.scale.max,
            min: options.scale.min,
          }),
        ),
      }
    }
    values[key] = value
  }
  return { ok: true, values }
}

/**
 * POST /api/<collection>/:id/ratings — a visitor rates a document on one or more dimensions.
 * One rating per visitor and document: the visitor is known by an opaque token (cookie, or the
 * X-Visitor-Token header for other clients); rating again replaces the earlier rating.
 */
export const rateEndpoint = (
  options: ResolvedRatingsOptions,
  collection: CollectionSlug,
): Endpoint => ({
  // Every database step waits in `ratingWrites` (below).
  custom: OWN_QUEUE,
  handler: async (req) => {
    const translate = translatorOf<RatingsTranslationKey>(req)
    if (options.disabled) {
      return fail(503, translate('plugin-ratings:ratingsDisabled'))
    }
    const parsed = await parseValues(req, options)
    if (!parsed.ok) {
      return parsed.response
    }
    const targetId = String(req.routeParams?.id ?? '')
    if (!isPossibleId(req.payload, collection, targetId)) {
      return fail(404, translate('plugin-ratings:documentNotFound'))
    }
    const secret = options.hashSecret ?? req.payload.secret
    const presented =
      readCookie(req.headers.get('cookie'), options.visitorCookieName) ??
      req.headers.get(TOKEN_HEADER) ??
      undefined
    const token = isVisitorToken(presented) ? presented : issueVisitorToken()
    const visitorHash = keyedHash(secret, 'rating-visitor', token)
    // The day is part of the hash: yesterday's entries can't be linked to today's address.
    const clientHash = keyedHash(
      secret,
      `rating-client:${new Date().toISOString().slice(0, 10)}`,
      clientAddressOf(req),
    )
    let written: Awaited<ReturnType<typeof writeRating>> | undefined
    // Every database step waits its turn here, in memory, not for a pooled connection or
    // inside a transaction for the document's lock: a burst can't exhaust the pool.
    const refused = await ratingWrites(async (): Promise<Response | undefined> => {
      // As a visitor sees it: a signed-in editor's session must not make a draft ratable.
      const target = await collectionOf<{ id: number | string; ratingsLocked?: boolean | null }>(
        req,
        collection,
        { asVisitor: true },
      ).findByID({
        draft: false,
        id: targetId,
        overrideAccess: !options.requirePublished,
        select: { ratingsLocked: true },
      })
      if (!target) {
        return fail(404, translate('plugin-ratings:documentNotFound'))
      }
      if (target.ratingsLocked) {
        return fail(409, translate('plugin-ratings:documentLocked'))
      }
      await initTransaction(req)
      try {
        if (
          options.maxRatingsPerClientPerHour > 0 &&
          (await countRecentRatingsOfClient({ clientHash, options, req })) >=
            options.maxRatingsPerClientPerHour
        ) {
          await killTransaction(req)
          return fail(429, translate('plugin-ratings:tooManyRatings'), { 'Retry-After': '3600' })
        }
        written = await writeRating({
          clientHash,
          collection,
          options,
          req,
          targetId: String(target.id),
          values: parsed.values,
          visitorHash,
        })
        await commitTransaction(req)
        return undefined
      } catch (err) {
        await killTransaction(req)
        throw err
      }
    })
    if (refused) {
      return refused
    }

    const isSecure = (req.payload.config.serverURL ?? '').startsWith('https://')
    // Widgets on other sites keep the token themselves (X-Visitor-Token) and get no cookie.
    const cookie = isCrossOrigin(req)
      ? undefined
      : serializeCookie({
          isSecure,
          maxAgeSeconds: ONE_YEAR_SECONDS,
          name: options.visitorCookieName,
          path: `${req.payload.config.routes.api}/${collection}`,
          value: token,
        })
    return Response.json(
      {
        rating: { values: parsed.values },
        ratingSummary: presentSummary({
          isLocked: false,
          language: req.i18n?.language ?? 'de',
          options,
          stored: written?.summary ?? null,
          t: translate,
        }),
        visitorToken: token,
      },
      {
        headers: { 'Cache-Control': 'no-store', ...(cookie ? { 'Set-Cookie': cookie } : {}) },
        status: written?.isNew ? 201 : 200,
      },
    )
  },
  method: 'post',
  path: '/:id/ratings',
})
