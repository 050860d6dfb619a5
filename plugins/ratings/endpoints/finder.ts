import type { CollectionSlug, Endpoint, PayloadRequest, Where } from 'payload'

import { z } from 'zod'

import type { ResolvedRatingsOptions } from '../types'

import { presentSummary, type StoredSummary } from '../lib/summary'

type Translate = (key: string, vars?: Record<string, unknown>) => string

const number = z.coerce.number().finite()

/**
 * GET /api/<collection>/ratings-finder — documents by their aggregated profile, e.g.
 * `?financialEffort[max]=2&participation[min]=4&minRaters=5&sort=-participation`:
 * "Welche Methode passt zu uns?". Bounds apply to the mean of a dimension.
 */
export const finderEndpoint = (options: ResolvedRatingsOptions, collection: CollectionSlug): Endpoint => {
  const keys = options.dimensions.map(({ key }) => key)
  const bounds = z.object({ max: number.min(options.scale.min).max(options.scale.max).optional(), min: number.min(options.scale.min).max(options.scale.max).optional() }).strict()
  const sortValues = ['raterCount', ...keys].flatMap((key) => [key, `-${key}`])
  const querySchema = z
    .object({
      limit: z.coerce.number().int().min(1).max(100).default(20),
      minRaters: z.coerce.number().int().min(0).default(0),
      page: z.coerce.number().int().min(1).default(1),
      sort: z.enum(sortValues as [string, ...string[]]).default('-raterCount'),
      ...Object.fromEntries(keys.map((key) => [key, bounds.optional()])),
    })
    .strict()

  return {
    handler: async (req: PayloadRequest) => {
      const translate = req.t as unknown as Translate
      // Payload adds its own query keys (depth, locale …) to every request; they don't apply here.
      const { depth: _depth, draft: _draft, 'fallback-locale': _fallback, locale: _locale, ...own } = (req.query ?? {}) as Record<string, unknown>
      const parsed = querySchema.safeParse(own)
      if (!parsed.success) {
        const details = parsed.error.issues.map((issue) => `${issue.path.join('.') || '?'}: ${issue.message}`).join('; ')
        return Response.json({ errors: [{ message: translate('plugin-ratings:finderInvalid', { details }) }] }, { status: 400 })
      }
      const query = parsed.data as Record<string, unknown> & { limit: number; minRaters: number; page: number; sort: string }
      const and: Where[] = [{ targetCollection: { equals: collection } }, { raterCount: { greater_than_equal: Math.max(query.minRaters, 1) } }]
      for (const key of keys) {
        const bound = query[key] as undefined | { max?: number; min?: number }
        if (bound?.min !== undefined) {
          and.push({ [`${key}.mean`]: { greater_than_equal: bound.min } })
        }
        if (bound?.max !== undefined) {
          and.push({ [`${key}.mean`]: { less_than_equal: bound.max } })
        }
      }
      const descending = query.sort.startsWith('-')
      const sortKey = query.sort.replace(/^-/, '')
      const { docs: summaries } = await req.payload.find({
        collection: options.slugs.summaries as CollectionSlug,
        depth: 0,
        limit: 0,
        overrideAccess: true,
        pagination: false,
        sort: `${descending ? '-' : ''}${sortKey === 'raterCount' ? 'raterCount' : `${sortKey}.mean`}`,
        where: { and },
      })
      const ordered = summaries as unknown as StoredSummary[]
      // Only documents the caller may read (visitors: published ones) take part.
      const { docs: targets } = await req.payload.find({
        collection,
        depth: 0,
        limit: 0,
        overrideAccess: false,
        pagination: false,
        req,
        where: { id: { in: ordered.map((summary) => summary.targetId) } },
      })
      const readable = new Map(targets.map((doc) => [String(doc.id), doc as unknown as Record<string, unknown>]))
      const matching = ordered.filter((summary) => readable.has(summary.targetId))
      const start = (query.page - 1) * query.limit
      const language = req.i18n?.language ?? 'de'
      const docs = matching.slice(start, start + query.limit).map((summary) => {
        const doc = readable.get(summary.targetId)!
        return {
          ...doc,
          ratingSummary: presentSummary({ isLocked: Boolean(doc.ratingsLocked), language, options, stored: summary, t: translate }),
        }
      })
      return Response.json(
        { docs, limit: query.limit, page: query.page, totalDocs: matching.length, totalPages: Math.ceil(matching.length / query.limit) },
        { headers: { 'Cache-Control': 'no-store' } },
      )
    },
    method: 'get',
    path: '/ratings-finder',
  }
}
