import type { CollectionSlug, Endpoint, PayloadRequest } from 'payload'

import { commitTransaction, initTransaction, killTransaction } from 'payload'
import { z } from 'zod'

import type { RatingsTranslationKey } from '../translations'
import type { ResolvedRatingsOptions } from '../types'

import { clientAddressOf } from '@quartiersnetz/plugin-kit/clientAddress'
import { createConcurrencyLimit } from '@quartiersnetz/plugin-kit/concurrencyLimit'
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
import { lockClient, lockTarget } from '../lib/lockTarget'
import { ratingsOf } from '../lib/records'
import {
  applyRatingChange,
  emptyDimension,
  presentSummary,
  type RatingValues,
  type StoredSummary,
} from '../lib/summary'
import { loadSummary, saveSummary } from '../lib/summaryStore'

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
  const values: RatingValues = {}
  for (const [key, value] of Object.entries(parsed.data.values)) {
    if (!allowed.has(key)) {
      return {
        ok: false,
        response: fail(
          400,
          translate('plugin-ratings:unknownDimension', {
            allowed: [...allowed.keys()].join(', '),
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
    // As a visitor sees it: a signed-in editor's session must not make a draft ratable.
    const target = isPossibleId(req.payload, collection, targetId)
      ? await collectionOf<{ id: number | string; ratingsLocked?: boolean | null }>(
          req,
          collection,
          { asVisitor: true },
        ).findByID({
          draft: false,
          id: targetId,
          overrideAccess: !options.requirePublished,
          select: { ratingsLocked: true },
        })
      : null
    if (!target) {
      return fail(404, translate('plugin-ratings:documentNotFound'))
    }
    if (target.ratingsLocked) {
      return fail(409, translate('plugin-ratings:documentLocked'))
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
    const ratings = ratingsOf(options, req)

    const idForSummary = String(target.id)
    let summary: StoredSummary | undefined
    let isNew = false
    // Waiting for the per-document lock happens here, in memory, not while holding a pooled
    // connection inside a transaction: a burst on one module can't exhaust the pool.
    const refused = await ratingWrites(async (): Promise<Response | undefined> => {
      await initTransaction(req)
      try {
        if (options.maxRatingsPerClientPerHour > 0) {
          // Counted under the client's lock: parallel requests of one client are counted one by one.
          await lockClient({ clientHash, req })
          const { totalDocs } = await ratings.count({
            overrideAccess: true,
            where: {
              and: [
                { clientHash: { equals: clientHash } },
                { updatedAt: { greater_than: new Date(Date.now() - 3_600_000).toISOString() } },
              ],
            },
          })
          if (totalDocs >= options.maxRatingsPerClientPerHour) {
            await killTransaction(req)
            return fail(429, translate('plugin-ratings:tooManyRatings'), { 'Retry-After': '3600' })
          }
        }
        await lockTarget({ collection, id: idForSummary, req })
        const { docs } = await ratings.find({
          limit: 1,
          overrideAccess: true,
          pagination: false,
          where: {
            and: [
              { targetCollection: { equals: collection } },
              { targetId: { equals: idForSummary } },
              { visitorHash: { equals: visitorHash } },
            ],
          },
        })
        const previous = docs[0]
        // A new rating replaces the whole earlier one: dimensions not sent now are cleared.
        const values = Object.fromEntries(
          options.dimensions.map(({ key }) => [key, parsed.values[key] ?? null]),
        )
        if (previous) {
          await ratings.update({
            data: { clientHash, values },
            id: previous.id,
            overrideAccess: true,
          })
        } else {
          isNew = true
          await ratings.create({
            data: {
              clientHash,
              targetCollection: collection,
              targetId: idForSummary,
              values,
              visitorHash,
            },
            overrideAccess: true,
          })
        }
        const stored =
          (await loadSummary({ collection, options, req, targetId: idForSummary })) ??
          ({
            raterCount: 0,
            targetCollection: collection,
            targetId: idForSummary,
            ...Object.fromEntries(
              options.dimensions.map(({ key }) => [key, emptyDimension(options.scale)]),
            ),
          } as StoredSummary)
        summary = applyRatingChange({
          after: values,
          before: previous?.values ?? null,
          options,
          summary: stored,
        })
        await saveSummary({ options, req, summary })
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
          stored: summary ?? null,
          t: translate,
        }),
        visitorToken: token,
      },
      {
        headers: { 'Cache-Control': 'no-store', ...(cookie ? { 'Set-Cookie': cookie } : {}) },
        status: isNew ? 201 : 200,
      },
    )
  },
  method: 'post',
  path: '/:id/ratings',
})
