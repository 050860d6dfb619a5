/**
 * The rating write path with few statements (plugins/ratings/lib/writeRating.ts) keeps the
 * summaries exact: real parallel HTTP requests against the production build on a real
 * PostgreSQL, new visitors and one visitor's replacements at once, compared with a recount; a
 * refused rating stores nothing; the stored rows read through the Local API as before.
 */
import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { RatingSummary } from '../../plugins/ratings'
import type { RunningServer } from '../../src/server/startServer'

import { ratingsOptionsOf, recountRatings } from '../../plugins/ratings'
import { RATING_DIMENSIONS } from '../../src/domain/ratingDimensions'
import { withClient } from '../helpers/cluster'
import { requestJson } from '../helpers/http'
import { startTestServer } from '../helpers/server'

vi.hoisted(() => {
  // Hundreds of ratings from one address; the hourly limit has its own test file.
  process.env.RATINGS_PER_CLIENT_PER_HOUR = '0'
})

type RateBody = {
  errors?: { message: string }[]
  ratingSummary?: RatingSummary
  visitorToken?: string
}

let server: RunningServer
let payload: Payload
let counter = 0

beforeAll(async () => {
  server = await startTestServer()
  payload = server.payload
})

afterAll(async () => {
  await server?.stop()
})

const query = <T extends Record<string, unknown>>(text: string, values: unknown[] = []) =>
  withClient(
    String(process.env.DATABASE_URL),
    async (client) => (await client.query<T>(text, values)).rows,
  )

const createModule = async () =>
  (
    await payload.create({
      collection: 'modules',
      data: { _status: 'published', title: `Schreibmodul ${++counter}` },
    })
  ).id

const rate = (moduleId: number, values: Record<string, unknown>, token?: string) =>
  requestJson<RateBody>(`${server.url}/api/modules/${moduleId}/ratings`, {
    body: { values },
    headers: token ? { 'X-Visitor-Token': token } : {},
    method: 'POST',
  })

const randomValues = () =>
  Object.fromEntries(RATING_DIMENSIONS.map(({ key }) => [key, 1 + Math.floor(Math.random() * 5)]))

const differencesOf = async (moduleIds: number[]) =>
  (
    await recountRatings({
      options: ratingsOptionsOf(payload.config)!,
      payload,
      shouldFix: false,
    })
  ).differences.filter(
    (difference) =>
      difference.targetCollection === 'modules' &&
      moduleIds.map(String).includes(difference.targetId),
  )

describe('rating writes: exact under concurrency', () => {
  it('should keep two summaries equal to a recount after 300 parallel ratings, new and replaced', async () => {
    const moduleIds = [await createModule(), await createModule()]
    // A first rating per returning visitor, so that the burst replaces them.
    const returning = await Promise.all(
      Array.from({ length: 20 }, async (_, index) => {
        const response = await rate(moduleIds[index % 2]!, randomValues())
        expect(response.status).toBe(201)
        return { moduleId: moduleIds[index % 2]!, token: response.body.visitorToken! }
      }),
    )
    const responses = await Promise.all(
      Array.from({ length: 300 }, (_, index) => {
        const visitor = index % 3 === 0 ? returning[index % returning.length] : undefined
        // Some leave dimensions out: the replacement clears them.
        const values = index % 5 === 0 ? { processPhase: 1 + (index % 5) } : randomValues()
        return rate(visitor?.moduleId ?? moduleIds[index % 2]!, values, visitor?.token)
      }),
    )
    expect(responses.filter((response) => response.status >= 300)).toHaveLength(0)
    expect(await differencesOf(moduleIds)).toEqual([])

    const raters = await query<{ n: number; target_id: string }>(
      `SELECT target_id, count(*)::int AS n FROM ratings WHERE target_collection = 'modules' AND target_id = ANY($1) GROUP BY target_id`,
      [moduleIds.map(String)],
    )
    const read = await Promise.all(
      moduleIds.map((id) =>
        requestJson<{ ratingSummary?: RatingSummary }>(`${server.url}/api/modules/${id}`),
      ),
    )
    for (const [index, id] of moduleIds.entries()) {
      expect(read[index]!.body.ratingSummary?.raterCount).toBe(
        raters.find((row) => row.target_id === String(id))?.n,
      )
    }
  }, 120_000)

  it('should keep one rating when one visitor sends several at once', async () => {
    const moduleId = await createModule()
    const first = await rate(moduleId, { complexity: 1 })
    const token = first.body.visitorToken!
    const responses = await Promise.all(
      [1, 2, 3, 4, 5, 1, 2, 3, 4, 5].map((value) => rate(moduleId, { complexity: value }, token)),
    )
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(200))
    const rows = await query<{ values_complexity: string }>(
      `SELECT values_complexity FROM ratings WHERE target_id = $1`,
      [String(moduleId)],
    )
    expect(rows).toHaveLength(1)
    const [summary] = await query<{ complexity_count: string; rater_count: string }>(
      `SELECT rater_count, complexity_count FROM rating_summaries WHERE target_id = $1`,
      [String(moduleId)],
    )
    expect(Number(summary!.rater_count)).toBe(1)
    expect(Number(summary!.complexity_count)).toBe(1)
    expect(await differencesOf([moduleId])).toEqual([])
  })

  it('should answer the summary as stored, with the rating just written', async () => {
    const moduleId = await createModule()
    await rate(moduleId, { participation: 5, processPhase: 1 })
    const second = await rate(moduleId, { participation: 1 })
    expect(second.status).toBe(201)
    expect(second.body.ratingSummary).toMatchObject({
      dimensions: {
        participation: { count: 2, distribution: [1, 0, 0, 0, 1], mean: 3 },
        processPhase: { count: 1, distribution: [1, 0, 0, 0, 0], mean: 1 },
      },
      raterCount: 2,
    })
    const read = await requestJson<{ ratingSummary?: RatingSummary }>(
      `${server.url}/api/modules/${moduleId}`,
    )
    expect(read.body.ratingSummary).toEqual(second.body.ratingSummary)
  })

  it('should store nothing for a refused rating and answer in German', async () => {
    const moduleId = await createModule()
    for (const values of [{ complexity: 6 }, { complexity: 2.5 }, { unbekannt: 3 }, {}]) {
      const response = await rate(moduleId, values)
      expect(response.status).toBe(400)
      expect(response.body.errors?.[0]?.message).toMatch(
        /braucht eine ganze Zahl|Unbekannte Dimension|mindestens eine Bewertung/,
      )
    }
    const rows = await query(`SELECT id FROM ratings WHERE target_id = $1`, [String(moduleId)])
    expect(rows).toHaveLength(0)
    const summaries = await query(`SELECT id FROM rating_summaries WHERE target_id = $1`, [
      String(moduleId),
    ])
    expect(summaries).toHaveLength(0)
  })

  it('should store rows that the Local API reads like its own, hashes only', async () => {
    const moduleId = await createModule()
    const response = await rate(moduleId, { staffEffort: 4 })
    expect(response.status).toBe(201)
    const { docs } = await payload.find({
      collection: 'ratings',
      depth: 0,
      where: { targetId: { equals: String(moduleId) } },
    })
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({
      targetCollection: 'modules',
      targetId: String(moduleId),
      values: { complexity: null, staffEffort: 4 },
    })
    expect(new Date(docs[0]!.createdAt).getTime()).toBeGreaterThan(Date.now() - 60_000)
    const [row] = await query<{ client_hash: string; visitor_hash: string }>(
      `SELECT visitor_hash, client_hash FROM ratings WHERE target_id = $1`,
      [String(moduleId)],
    )
    expect(row!.visitor_hash).toMatch(/^[0-9a-f]{64}$/)
    expect(row!.client_hash).toMatch(/^[0-9a-f]{64}$/)
  })
})
