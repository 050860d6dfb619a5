/**
 * The ratings plugin (plugins/ratings) as visitors, websites and editors use it: real HTTP
 * against the production build, a real PostgreSQL. Validation, one rating per visitor and
 * module, exact summaries under 1,000 parallel ratings, the recount command, the finder, and
 * what nobody can read (other visitors' records, hashes, addresses).
 *
 * The per-client hourly limit has its own file (ratingsLimit.int.spec.ts); here it is off, so
 * the parallel test can send 1,000 ratings from one address.
 */
import type { Payload } from 'payload'

import { spawn } from 'node:child_process'
import crypto from 'node:crypto'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { Module, RatingSummary as StoredSummary } from '../../payload-types'
import type { RatingSummary } from '../../plugins/ratings'
import type { RunningServer } from '../../src/server/startServer'
import type { JsonResponse } from '../helpers/http'

import { ratingsOptionsOf, recountRatings } from '../../plugins/ratings'
import { RATING_DIMENSIONS, type RatingDimensionKey } from '../../src/domain/ratingDimensions'
import { projectRoot } from '../../src/runtime/paths'
import { withClient } from '../helpers/cluster'
import { createMunicipality } from '../helpers/fixtures'
import { requestJson } from '../helpers/http'
import { startTestServer } from '../helpers/server'
import { createSignedInUsers } from '../helpers/users'

// The config reads the limit when it is imported, i.e. before any hook runs.
vi.hoisted(() => {
  process.env.RATINGS_PER_CLIENT_PER_HOUR = '0'
})

const DIMENSIONS = RATING_DIMENSIONS.map(({ key }) => key)
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/
const HEX_HASH = /\b[0-9a-f]{64}\b/

type Values = Partial<Record<RatingDimensionKey, number>>
type ErrorBody = { errors?: { message: string }[] }
type RateBody = ErrorBody & {
  rating?: { values: Values }
  ratingSummary?: RatingSummary
  visitorToken?: string
}
type ModuleBody = ErrorBody & Partial<Module> & { ratingSummary?: RatingSummary }
type ListBody<T> = ErrorBody & { docs?: T[]; totalDocs?: number }
type FinderBody = ListBody<ModuleBody> & { page?: number; totalPages?: number }
type GraphQLBody = { data?: null | Record<string, unknown>; errors?: { message: string }[] }

let server: RunningServer
let payload: Payload
let tokens: Record<'admin' | 'editor' | 'municipalityEditor', string>
let counter = 0

beforeAll(async () => {
  // This file logs in a few times; the auth rate limit has its own test file.
  process.env.AUTH_RATE_LIMIT_MAX = '1000'
  server = await startTestServer()
  payload = server.payload
  const city = await createMunicipality(payload, { name: 'Bewertungsstadt' })
  ;({ tokens } = await createSignedInUsers(payload, {
    serverUrl: server.url,
    users: {
      admin: { email: 'admin@ratings.test', role: 'admin' },
      editor: { email: 'redaktion@ratings.test', role: 'editor' },
      municipalityEditor: {
        email: 'kommune@ratings.test',
        municipality: city.id,
        role: 'municipality-editor',
      },
    },
  }))
})

afterAll(async () => {
  await server?.stop()
})

const createModule = async ({
  isLocked = false,
  status = 'published',
}: { isLocked?: boolean; status?: 'draft' | 'published' } = {}) => {
  const doc = await payload.create({
    collection: 'modules',
    data: { _status: status, ratingsLocked: isLocked, title: `Bewertetes Modul ${++counter}` },
    draft: status === 'draft',
  })
  return doc.id
}

type RateArgs = {
  /** Sent as is (invalid JSON, oversized bodies); otherwise `json` is serialised. */
  body?: string
  headers?: Record<string, string>
  json?: unknown
  language?: string
  /** The visitor's token, as the cookie a browser sends back. */
  cookieToken?: string
  /** The visitor's token in the X-Visitor-Token header (non-browser clients). */
  headerToken?: string
}

const rate = async (
  moduleId: number | string,
  { body, cookieToken, headerToken, headers, json, language = 'de-DE' }: RateArgs,
): Promise<JsonResponse<RateBody>> => {
  const response = await fetch(`${server.url}/api/modules/${moduleId}/ratings`, {
    body: body ?? (json === undefined ? undefined : JSON.stringify(json)),
    headers: {
      'Accept-Language': language,
      'Content-Type': 'application/json',
      ...(cookieToken ? { Cookie: `rating_visitor=${cookieToken}` } : {}),
      ...(headerToken ? { 'X-Visitor-Token': headerToken } : {}),
      ...headers,
    },
    method: 'POST',
  })
  const text = await response.text()
  let parsed: unknown = text
  try {
    parsed = text ? JSON.parse(text) : {}
  } catch {
    // Not JSON: keep the text so a failing assertion shows it.
  }
  return { body: parsed as RateBody, headers: response.headers, status: response.status }
}

/** A new visitor rates a module; returns the token that visitor got. */
const rateAsNewVisitor = async (moduleId: number, values: Values): Promise<string> => {
  const { body, status } = await rate(moduleId, { json: { values } })
  expect(status, JSON.stringify(body)).toBe(201)
  return body.visitorToken!
}

const summaryOf = async (moduleId: number, language = 'de-DE'): Promise<RatingSummary> => {
  const { body, status } = await requestJson<ModuleBody>(
    `${server.url}/api/modules/${moduleId}?depth=0`,
    { headers: { 'Accept-Language': language } },
  )
  expect(status, JSON.stringify(body)).toBe(200)
  return body.ratingSummary!
}

const storedCounts = async () => ({
  ratings: (await payload.count({ collection: 'ratings' })).totalDocs,
  summaries: (await payload.count({ collection: 'rating-summaries' })).totalDocs,
})

const ratingsOf = async (moduleId: number) =>
  (
    await payload.find({
      collection: 'ratings',
      limit: 0,
      pagination: false,
      where: { targetId: { equals: String(moduleId) } },
    })
  ).docs

const options = () => {
  const resolved = ratingsOptionsOf(payload.config)
  if (!resolved) {
    throw new Error('The ratings plugin is not configured.')
  }
  return resolved
}

/** Differences the recount finds for the given modules (other tests' modules are theirs). */
const recountDifferences = async (moduleIds: number[], { shouldFix = false } = {}) => {
  const { differences } = await recountRatings({ options: options(), payload, shouldFix })
  return differences.filter(
    (difference) =>
      difference.targetCollection === 'modules' &&
      moduleIds.map(String).includes(difference.targetId),
  )
}

const sql = async <T extends Record<string, unknown>>(query: string, params: unknown[] = []) =>
  withClient(
    process.env.DATABASE_URL!,
    async (client) => (await client.query<T>(query, params)).rows,
  )

const graphql = (query: string, token?: string) =>
  requestJson<GraphQLBody>(`${server.url}/api/graphql`, { body: { query }, method: 'POST', token })

/** What a summary should say for these ratings (each a visitor's latest values), computed independently. */
const expectedSummary = (ratings: Values[]) => ({
  dimensions: Object.fromEntries(
    DIMENSIONS.map((key) => {
      const values = ratings
        .map((rating) => rating[key])
        .filter((value): value is number => typeof value === 'number')
      const sum = values.reduce((total, value) => total + value, 0)
      const mean = values.length ? Math.round((sum / values.length) * 1000) / 1000 : null
      const lean =
        mean === null ? null : Math.abs(mean - 3) <= 0.5 ? 'balanced' : mean < 3 ? 'low' : 'high'
      return [
        key,
        {
          count: values.length,
          distribution: [1, 2, 3, 4, 5].map(
            (step) => values.filter((value) => value === step).length,
          ),
          lean,
          mean,
        },
      ]
    }),
  ),
  raterCount: ratings.filter((rating) =>
    Object.values(rating).some((value) => typeof value === 'number'),
  ).length,
})

/** The comparable part of a summary the API returned. */
const comparable = (summary: RatingSummary) => ({
  dimensions: Object.fromEntries(
    DIMENSIONS.map((key) => {
      const { count, distribution, lean, mean } = summary.dimensions[key]!
      return [key, { count, distribution, lean, mean }]
    }),
  ),
  raterCount: summary.raterCount,
})

describe('validation', () => {
  const oversized = JSON.stringify({ padding: 'x'.repeat(3000), values: { participation: 3 } })
  const INVALID: { body: string; de: RegExp; en: RegExp; name: string; status: number }[] = [
    {
      body: '{"values":{"beauty":3}}',
      de: /Unbekannte Dimension „beauty“\. Erlaubt: processPhase \(Prozessphase\), /,
      en: /Unknown dimension "beauty"\. Allowed: /,
      name: 'an unknown dimension',
      status: 400,
    },
    {
      body: '{"values":{"participation":6}}',
      de: /„Partizipation“ \(participation\) braucht eine ganze Zahl von 1 bis 5/,
      en: /"Participation" \(participation\) needs a whole number from 1 to 5/,
      name: 'a value above the scale',
      status: 400,
    },
    {
      body: '{"values":{"participation":0}}',
      de: /ganze Zahl von 1 bis 5/,
      en: /whole number from 1 to 5/,
      name: 'a value below the scale',
      status: 400,
    },
    {
      body: '{"values":{"participation":2.5}}',
      de: /ganze Zahl von 1 bis 5/,
      en: /whole number from 1 to 5/,
      name: 'a fraction',
      status: 400,
    },
    {
      body: '{"values":{"participation":"3"}}',
      de: /ganze Zahl von 1 bis 5/,
      en: /whole number from 1 to 5/,
      name: 'a number in a string',
      status: 400,
    },
    {
      body: '{"values":{"participation":null}}',
      de: /ganze Zahl von 1 bis 5/,
      en: /whole number from 1 to 5/,
      name: 'a null value',
      status: 400,
    },
    {
      body: '{"values":{"participation":4,"complexity":9}}',
      de: /„Komplexität“ \(complexity\) braucht/,
      en: /"Complexity" \(complexity\) needs/,
      name: 'one bad value beside a good one',
      status: 400,
    },
    {
      body: '',
      de: /Bitte mindestens eine Bewertung senden/,
      en: /Please send at least one rating/,
      name: 'an empty body',
      status: 400,
    },
    {
      body: '{}',
      de: /Bitte mindestens eine Bewertung senden/,
      en: /Please send at least one rating/,
      name: 'an empty object',
      status: 400,
    },
    {
      body: '{"values":{}}',
      de: /Bitte mindestens eine Bewertung senden/,
      en: /Please send at least one rating/,
      name: 'empty values',
      status: 400,
    },
    {
      body: '{"values":[4,5]}',
      de: /Bitte mindestens eine Bewertung senden/,
      en: /Please send at least one rating/,
      name: 'values as a list',
      status: 400,
    },
    // Refused at the server's edge (src/server/apiInput.ts) before the plugin sees it.
    {
      body: '[]',
      de: /muss ein JSON-Objekt mit Feldern sein/,
      en: /must be a JSON object of fields/,
      name: 'a list instead of an object',
      status: 400,
    },
    {
      body: '{"values":{"participation":',
      de: /kein gültiges JSON/,
      en: /not valid JSON/,
      name: 'invalid JSON',
      status: 400,
    },
    {
      body: oversized,
      de: /zu groß \(höchstens 2048 Bytes\)/,
      en: /too large \(at most 2048 bytes\)/,
      name: 'a body over 2 KB',
      status: 413,
    },
    {
      body: '{"values":{"participation":3},"visitorHash":"0000"}',
      de: /Unerwartete Angabe\(n\): „visitorHash“/,
      en: /Unexpected field\(s\): "visitorHash"/,
      name: 'extra top-level keys',
      status: 400,
    },
  ]

  it.each(INVALID)(
    'should refuse $name with a message in the visitor’s language, storing nothing',
    async ({ body, de, en, status }) => {
      const moduleId = await createModule()
      const before = await storedCounts()

      const german = await rate(moduleId, { body })
      expect(german.status, JSON.stringify(german.body)).toBe(status)
      expect(german.body.errors?.[0]?.message).toMatch(de)
      const english = await rate(moduleId, { body, language: 'en-US,en;q=0.9' })
      expect(english.status).toBe(status)
      expect(english.body.errors?.[0]?.message).toMatch(en)

      expect(german.headers.get('set-cookie')).toBeNull()
      expect(await storedCounts()).toEqual(before)
    },
  )

  it('should refuse an unknown module with 404', async () => {
    const before = await storedCounts()
    const german = await rate('999999', { json: { values: { participation: 4 } } })
    expect(german.status).toBe(404)
    expect(german.body.errors?.[0]?.message).toBe(
      'Eintrag nicht gefunden oder nicht veröffentlicht.',
    )
    const english = await rate('999999', {
      json: { values: { participation: 4 } },
      language: 'en',
    })
    expect(english.body.errors?.[0]?.message).toBe('Entry not found or not published.')
    // A slug where the id belongs (the widgets take either): the host says how to find it.
    const bySlug = await rate('kein-modul', { json: { values: { participation: 4 } } })
    expect(bySlug.status).toBe(404)
    expect(bySlug.body.errors?.[0]?.message).toBe(
      'Unter „kein-modul“ gibt es keinen Eintrag: Die IDs von „Beteiligungsmodule“ sind Zahlen. Nach dem Kurznamen finden Sie ihn mit /api/modules?where[slug][equals]=kein-modul.',
    )
    expect(await storedCounts()).toEqual(before)
  })

  it('should refuse a module that was never published', async () => {
    const moduleId = await createModule({ status: 'draft' })
    const before = await storedCounts()
    const { body, status } = await rate(moduleId, { json: { values: { participation: 4 } } })
    expect(status).toBe(404)
    expect(body.errors?.[0]?.message).toMatch(/nicht veröffentlicht/)
    expect(await storedCounts()).toEqual(before)
  })

  it('should refuse a module that was unpublished', async () => {
    const moduleId = await createModule()
    await rateAsNewVisitor(moduleId, { participation: 4 })
    await payload.update({ collection: 'modules', data: { _status: 'draft' }, id: moduleId })
    const before = await storedCounts()
    const { status } = await rate(moduleId, { json: { values: { participation: 2 } } })
    expect(status).toBe(404)
    expect(await storedCounts()).toEqual(before)
  })

  it('should accept a published module that has a newer draft', async () => {
    const moduleId = await createModule()
    await payload.update({
      collection: 'modules',
      data: { title: 'Neuer Titel im Entwurf' },
      draft: true,
      id: moduleId,
    })
    const { status } = await rate(moduleId, { json: { values: { participation: 4 } } })
    expect(status).toBe(201)
    expect(await ratingsOf(moduleId)).toHaveLength(1)
  })

  it('should refuse ratings for a locked module with 409', async () => {
    const moduleId = await createModule({ isLocked: true })
    const before = await storedCounts()
    const german = await rate(moduleId, { json: { values: { participation: 4 } } })
    expect(german.status).toBe(409)
    expect(german.body.errors?.[0]?.message).toBe('Bewertungen für diesen Eintrag sind gesperrt.')
    const english = await rate(moduleId, { json: { values: { participation: 4 } }, language: 'en' })
    expect(english.body.errors?.[0]?.message).toBe('Ratings for this entry are locked.')
    expect(await storedCounts()).toEqual(before)
    expect((await summaryOf(moduleId)).isLocked).toBe(true)
  })

  it('should keep earlier ratings but refuse new ones once a module is locked', async () => {
    const moduleId = await createModule()
    const token = await rateAsNewVisitor(moduleId, { participation: 4 })
    await payload.update({ collection: 'modules', data: { ratingsLocked: true }, id: moduleId })
    const { status } = await rate(moduleId, {
      cookieToken: token,
      json: { values: { participation: 1 } },
    })
    expect(status).toBe(409)
    const summary = await summaryOf(moduleId)
    expect(summary.raterCount).toBe(1)
    expect(summary.dimensions.participation!.mean).toBe(4)
  })
})

describe('one rating per visitor', () => {
  it('should issue an opaque token as an httpOnly cookie and in the body', async () => {
    const moduleId = await createModule()
    const { body, headers, status } = await rate(moduleId, {
      json: { values: { participation: 4 } },
    })
    expect(status).toBe(201)
    expect(body.visitorToken).toMatch(TOKEN_PATTERN)
    const cookie = headers.get('set-cookie') ?? ''
    expect(cookie).toContain(`rating_visitor=${body.visitorToken}`)
    expect(cookie).toMatch(/; HttpOnly/)
    expect(cookie).toMatch(/; SameSite=Lax/)
    expect(cookie).toMatch(/; Path=\/api\/modules/)
    expect(headers.get('cache-control')).toBe('no-store')
    expect(body.rating?.values).toEqual({ participation: 4 })
    expect(body.ratingSummary?.raterCount).toBe(1)
  })

  it('should replace the rating of a visitor who sends the cookie again', async () => {
    const moduleId = await createModule()
    const token = await rateAsNewVisitor(moduleId, { participation: 2 })
    const { body, status } = await rate(moduleId, {
      cookieToken: token,
      json: { values: { participation: 5 } },
    })
    expect(status).toBe(200)
    expect(body.visitorToken).toBe(token)
    expect(await ratingsOf(moduleId)).toHaveLength(1)
    const summary = await summaryOf(moduleId)
    expect(summary.raterCount).toBe(1)
    expect(summary.dimensions.participation).toMatchObject({
      count: 1,
      distribution: [0, 0, 0, 0, 1],
      mean: 5,
    })
  })

  it('should replace the rating of a visitor who sends the token in X-Visitor-Token', async () => {
    const moduleId = await createModule()
    const token = await rateAsNewVisitor(moduleId, { financialEffort: 1 })
    await rateAsNewVisitor(moduleId, { financialEffort: 3 })
    const { status } = await rate(moduleId, {
      headerToken: token,
      json: { values: { financialEffort: 5 } },
    })
    expect(status).toBe(200)
    expect(await ratingsOf(moduleId)).toHaveLength(2)
    const summary = await summaryOf(moduleId)
    expect(summary.raterCount).toBe(2)
    expect(summary.dimensions.financialEffort).toMatchObject({
      count: 2,
      distribution: [0, 0, 1, 0, 1],
      mean: 4,
    })
  })

  it('should clear the dimensions a replacement leaves out', async () => {
    const moduleId = await createModule()
    const token = await rateAsNewVisitor(moduleId, {
      complexity: 2,
      participation: 5,
      timeEffort: 1,
    })
    const { body, status } = await rate(moduleId, {
      cookieToken: token,
      json: { values: { participation: 3 } },
    })
    expect(status).toBe(200)
    expect(body.ratingSummary?.dimensions.complexity).toMatchObject({
      count: 0,
      distribution: [0, 0, 0, 0, 0],
      lean: null,
      mean: null,
    })
    const summary = await summaryOf(moduleId)
    expect(comparable(summary)).toEqual(expectedSummary([{ participation: 3 }]))
    const [stored] = await ratingsOf(moduleId)
    expect(stored?.values).toMatchObject({ complexity: null, participation: 3, timeEffort: null })
  })

  it('should treat a malformed token as a new visitor', async () => {
    const moduleId = await createModule()
    await rateAsNewVisitor(moduleId, { participation: 2 })
    const { body, status } = await rate(moduleId, {
      headerToken: 'nicht-mein-token',
      json: { values: { participation: 4 } },
    })
    expect(status).toBe(201)
    expect(body.visitorToken).toMatch(TOKEN_PATTERN)
    expect(await ratingsOf(moduleId)).toHaveLength(2)
  })

  it("should keep one visitor's ratings of different modules apart", async () => {
    const first = await createModule()
    const second = await createModule()
    const token = await rateAsNewVisitor(first, { participation: 1 })
    const { status } = await rate(second, {
      cookieToken: token,
      json: { values: { participation: 5 } },
    })
    expect(status).toBe(201)
    expect((await summaryOf(first)).dimensions.participation!.mean).toBe(1)
    expect((await summaryOf(second)).dimensions.participation!.mean).toBe(5)
  })
})

describe('exact summaries under concurrency', () => {
  /** Deterministic random numbers (mulberry32), so a failure can be replayed. */
  const random = (seed: number) => () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  it('should keep summaries equal to a recount after 1,000 parallel ratings, new and replaced', async () => {
    const next = random(20261122)
    const modules = [await createModule(), await createModule(), await createModule()]
    const randomValues = (): Values => {
      const values: Values = {}
      for (const key of DIMENSIONS) {
        if (next() < 0.6) {
          values[key] = 1 + Math.floor(next() * 5)
        }
      }
      return Object.keys(values).length ? values : { participation: 1 + Math.floor(next() * 5) }
    }
    /** Each visitor's latest values per module, by `${moduleId} ${token}`. */
    const latest = new Map<string, Values>()
    const visitors: string[] = []
    const statuses: number[] = []
    const failures: string[] = []
    const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)]!
    // One popular module gets most of the traffic, as a module featured on a city's site would.
    const pickModule = () => (next() < 0.6 ? modules[0]! : pick(modules.slice(1)))

    for (let batch = 0; batch < 10; batch++) {
      // Planned before sending: a batch never touches one visitor's rating of one module twice.
      const knownKeys = [...latest.keys()]
      const knownVisitors = [...visitors]
      const planned = new Set<string>()
      const plan = Array.from(
        { length: 100 },
        (): { key: string; values: Values } | { moduleId: number; values: Values } => {
          const values = randomValues()
          const kind = knownKeys.length ? next() : 0
          if (kind >= 0.6 && kind < 0.9) {
            const key = pick(knownKeys)
            if (!planned.has(key)) {
              planned.add(key)
              return { key, values }
            }
          } else if (kind >= 0.9) {
            const key = `${pickModule()} ${pick(knownVisitors)}`
            if (!latest.has(key) && !planned.has(key)) {
              planned.add(key)
              return { key, values }
            }
          }
          return { moduleId: pickModule(), values }
        },
      )
      await Promise.all(
        plan.map(async (request) => {
          if ('moduleId' in request) {
            const { body, status } = await rate(request.moduleId, {
              json: { values: request.values },
            })
            statuses.push(status)
            if (status !== 201 || !body.visitorToken) {
              failures.push(`new visitor: ${status} ${JSON.stringify(body)}`)
              return
            }
            visitors.push(body.visitorToken)
            latest.set(`${request.moduleId} ${body.visitorToken}`, request.values)
            return
          }
          const [moduleId, token] = request.key.split(' ') as [string, string]
          const isReplacement = latest.has(request.key)
          const identity = next() < 0.5 ? { cookieToken: token } : { headerToken: token }
          const { body, status } = await rate(moduleId, {
            ...identity,
            json: { values: request.values },
          })
          statuses.push(status)
          if (status !== (isReplacement ? 200 : 201) || body.visitorToken !== token) {
            failures.push(
              `${isReplacement ? 'replacement' : 'known visitor, other module'}: ${status} ${JSON.stringify(body)}`,
            )
            return
          }
          latest.set(request.key, request.values)
        }),
      )
    }

    expect(failures).toEqual([])
    expect(statuses).toHaveLength(1000)
    // A real mix: many replacements, and known visitors rating a further module.
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThan(150)
    expect(latest.size).toBeGreaterThan(visitors.length)
    for (const moduleId of modules) {
      const ratings = [...latest.entries()]
        .filter(([key]) => key.startsWith(`${moduleId} `))
        .map(([, values]) => values)
      expect(await ratingsOf(moduleId)).toHaveLength(ratings.length)
      expect(comparable(await summaryOf(moduleId))).toEqual(expectedSummary(ratings))
    }
    expect(await recountDifferences(modules)).toEqual([])
  }, 300_000)
})

describe('recount', () => {
  const summaryDocOf = async (moduleId: number) =>
    (
      await payload.find({
        collection: 'rating-summaries',
        limit: 1,
        where: { targetId: { equals: String(moduleId) } },
      })
    ).docs[0] as StoredSummary

  /** Writes wrong numbers into a module's summary, as a bug or a manual edit would. */
  const corrupt = async (moduleId: number) => {
    const summary = await summaryDocOf(moduleId)
    await payload.update({
      collection: 'rating-summaries',
      data: {
        participation: { count: 7, distribution: [7, 0, 0, 0, 0], mean: 1, sum: 7 },
        raterCount: 99,
      },
      id: summary.id,
      overrideAccess: true,
    })
  }

  const runCli = (...args: string[]) =>
    new Promise<{ code: null | number; output: string }>((resolve) => {
      let output = ''
      const child = spawn(
        process.execPath,
        ['node_modules/tsx/dist/cli.mjs', 'scripts/payload.ts', 'ratings:recount', ...args],
        {
          cwd: projectRoot,
          env: {
            ...process.env,
            DATABASE_URL: process.env.DATABASE_URL,
            LOG_LEVEL: 'info',
            PAYLOAD_SECRET: process.env.PAYLOAD_SECRET,
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      )
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
      child.once('exit', (code) => resolve({ code, output }))
    })

  it('should report a corrupted summary and leave it as it is', async () => {
    const moduleId = await createModule()
    await rateAsNewVisitor(moduleId, { participation: 4 })
    await rateAsNewVisitor(moduleId, { participation: 5 })
    await corrupt(moduleId)

    const differences = await recountDifferences([moduleId])
    expect(differences).toEqual(
      expect.arrayContaining([
        {
          actual: 2,
          field: 'raterCount',
          stored: 99,
          targetCollection: 'modules',
          targetId: String(moduleId),
        },
        {
          actual: 2,
          field: 'participation.count',
          stored: 7,
          targetCollection: 'modules',
          targetId: String(moduleId),
        },
        {
          actual: [0, 0, 0, 1, 1],
          field: 'participation.distribution',
          stored: [7, 0, 0, 0, 0],
          targetCollection: 'modules',
          targetId: String(moduleId),
        },
      ]),
    )
    expect((await summaryOf(moduleId)).raterCount).toBe(99)
    // Leave the database consistent for the command-line test.
    await recountDifferences([moduleId], { shouldFix: true })
  })

  it('should fix a corrupted summary so that a second recount is clean', async () => {
    const moduleId = await createModule()
    await rateAsNewVisitor(moduleId, { complexity: 2, participation: 4 })
    await rateAsNewVisitor(moduleId, { participation: 5 })
    await corrupt(moduleId)

    expect((await recountDifferences([moduleId], { shouldFix: true })).length).toBeGreaterThan(0)
    expect(await recountDifferences([moduleId])).toEqual([])
    expect(comparable(await summaryOf(moduleId))).toEqual(
      expectedSummary([{ complexity: 2, participation: 4 }, { participation: 5 }]),
    )
  })

  it('should recreate a missing summary and zero one without ratings', async () => {
    const rated = await createModule()
    await rateAsNewVisitor(rated, { timeEffort: 3 })
    await payload.delete({
      collection: 'rating-summaries',
      id: (await summaryDocOf(rated)).id,
      overrideAccess: true,
    })
    const unrated = await createModule()
    await payload.create({
      collection: 'rating-summaries',
      data: {
        participation: { count: 1, distribution: [0, 0, 0, 0, 1], mean: 5, sum: 5 },
        raterCount: 1,
        targetCollection: 'modules',
        targetId: String(unrated),
      },
      overrideAccess: true,
    })

    const differences = await recountDifferences([rated, unrated], { shouldFix: true })
    expect(differences).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          actual: 1,
          field: 'raterCount',
          stored: 0,
          targetId: String(rated),
        }),
        expect.objectContaining({
          actual: 0,
          field: 'raterCount',
          stored: 1,
          targetId: String(unrated),
        }),
      ]),
    )
    expect(await recountDifferences([rated, unrated])).toEqual([])
    expect(comparable(await summaryOf(rated))).toEqual(expectedSummary([{ timeEffort: 3 }]))
    expect(comparable(await summaryOf(unrated))).toEqual(expectedSummary([]))
  })

  it('should not let a fix overwrite ratings that arrive while it runs', async () => {
    // The race is a matter of timing: three rounds, each ending with a fix amid parallel ratings.
    for (let round = 0; round < 3; round++) {
      const moduleId = await createModule()
      await rateAsNewVisitor(moduleId, { participation: 3 })
      const sent: Values[] = [{ participation: 3 }]
      let isRating = true
      const ratings = (async () => {
        for (let batch = 0; batch < 4; batch++) {
          const values = Array.from({ length: 25 }, (_, i): Values => ({
            complexity: 1 + ((batch + i) % 5),
            participation: 1 + (i % 5),
          }))
          const statuses = await Promise.all(
            values.map(async (value) => (await rate(moduleId, { json: { values: value } })).status),
          )
          expect(statuses.every((status) => status === 201)).toBe(true)
          sent.push(...values)
        }
        isRating = false
      })()
      const fixes = (async () => {
        while (isRating) {
          await corrupt(moduleId)
          await recountDifferences([moduleId], { shouldFix: true })
        }
      })()
      await Promise.all([ratings, fixes])

      expect(await recountDifferences([moduleId])).toEqual([])
      expect(comparable(await summaryOf(moduleId))).toEqual(expectedSummary(sent))
    }
  })

  it('should exit 1 from `ratings:recount` with differences, and 0 after `--fix`', async () => {
    const moduleId = await createModule()
    await rateAsNewVisitor(moduleId, { participation: 2 })
    await corrupt(moduleId)

    const found = await runCli()
    expect(found.code, found.output).toBe(1)
    expect(found.output).toContain(
      `modules ${moduleId} raterCount: gespeichert 99, aus den Bewertungen 1`,
    )

    const fixed = await runCli('--fix')
    expect(fixed.code, fixed.output).toBe(0)
    expect(fixed.output).toMatch(/Abweichungen korrigiert/)

    const clean = await runCli()
    expect(clean.code, clean.output).toBe(0)
    expect(clean.output).toMatch(/ 0 Abweichungen/)
    expect((await summaryOf(moduleId)).raterCount).toBe(1)
  }, 120_000)
})

describe('finder', () => {
  const finder = (query: string, language = 'de-DE') =>
    requestJson<FinderBody>(`${server.url}/api/modules/ratings-finder?${query}`, {
      headers: { 'Accept-Language': language },
    })

  const QUERY = 'financialEffort[max]=2&participation[min]=4&minRaters=5&sort=-participation'

  /** A published module rated by one new visitor per entry of `ratings`. */
  const moduleRatedBy = async (ratings: Values[]) => {
    const moduleId = await createModule()
    for (const values of ratings) {
      await rateAsNewVisitor(moduleId, values)
    }
    return moduleId
  }
  const times = (count: number, values: Values) => Array.from({ length: count }, () => values)

  it('should return exactly the matching published modules in order, with their summary', async () => {
    // financialEffort 1.6, participation 4.6
    const best = await moduleRatedBy([
      ...times(2, { financialEffort: 1, participation: 5 }),
      { financialEffort: 2, participation: 4 },
      { financialEffort: 2, participation: 5 },
      { financialEffort: 2, participation: 4 },
    ])
    // Both bounds exactly: financialEffort 2, participation 4.
    const boundary = await moduleRatedBy(times(5, { financialEffort: 2, participation: 4 }))
    // participation 4.2
    const middle = await moduleRatedBy([
      ...times(4, { financialEffort: 1, participation: 4 }),
      { financialEffort: 1, participation: 5 },
    ])
    // Too expensive (2.2), too little participation (3.8), too few raters (4).
    await moduleRatedBy([
      ...times(4, { financialEffort: 2, participation: 5 }),
      { financialEffort: 3, participation: 5 },
    ])
    await moduleRatedBy([
      ...times(4, { financialEffort: 1, participation: 4 }),
      { financialEffort: 1, participation: 3 },
    ])
    await moduleRatedBy(times(4, { financialEffort: 1, participation: 5 }))
    // Would match, but no longer published.
    const unpublished = await moduleRatedBy(times(5, { financialEffort: 1, participation: 5 }))
    await payload.update({ collection: 'modules', data: { _status: 'draft' }, id: unpublished })

    const { body, status } = await finder(QUERY)
    expect(status, JSON.stringify(body)).toBe(200)
    expect(body.docs?.map((doc) => doc.id)).toEqual([best, middle, boundary])
    expect(body.totalDocs).toBe(3)
    const [first] = body.docs!
    expect(first?.title).toMatch(/^Bewertetes Modul/)
    expect(first?.ratingSummary?.raterCount).toBe(5)
    expect(first?.ratingSummary?.dimensions.participation).toMatchObject({
      count: 5,
      lean: 'high',
      mean: 4.6,
    })
    expect(first?.ratingSummary?.dimensions.financialEffort).toMatchObject({
      count: 5,
      lean: 'low',
      leanLabel: 'ist mit geringen Kosten verbunden',
      mean: 1.6,
    })

    const paged = await finder(`${QUERY}&limit=1&page=2`)
    expect(paged.body.docs?.map((doc) => doc.id)).toEqual([middle])
    expect(paged.body).toMatchObject({ page: 2, totalDocs: 3, totalPages: 3 })
  })

  it('should sort ascending and by rater count', async () => {
    const few = await moduleRatedBy(times(6, { complexity: 5, staffEffort: 1 }))
    const many = await moduleRatedBy(times(7, { complexity: 4, staffEffort: 1 }))
    const query = 'staffEffort[max]=1&complexity[min]=4&minRaters=6'
    expect((await finder(`${query}&sort=complexity`)).body.docs?.map((doc) => doc.id)).toEqual([
      many,
      few,
    ])
    expect((await finder(`${query}&sort=-complexity`)).body.docs?.map((doc) => doc.id)).toEqual([
      few,
      many,
    ])
    expect((await finder(`${query}&sort=-raterCount`)).body.docs?.map((doc) => doc.id)).toEqual([
      many,
      few,
    ])
  })

  it.each([
    ['a bound that is not a number', 'financialEffort[max]=billig'],
    ['a bound outside the scale', 'participation[min]=9'],
    ['an unknown dimension', 'beauty[min]=2'],
    ['an unknown bound', 'participation[between]=2'],
    ['a sort by something else', 'sort=visitorHash'],
    ['negative minRaters', 'minRaters=-1'],
    ['a limit over 100', 'limit=1000'],
    ['page 0', 'page=0'],
    ['an unknown parameter', 'where[_status][equals]=draft'],
  ])('should refuse %s with 400 and a message', async (_name, query) => {
    const german = await finder(query)
    expect(german.status, JSON.stringify(german.body)).toBe(400)
    expect(german.body.errors?.[0]?.message).toMatch(/^Ungültiger Filter: \S/)
    const english = await finder(query, 'en')
    expect(english.status).toBe(400)
    expect(english.body.errors?.[0]?.message).toMatch(/^Invalid filter: \S/)
  })

  it('should not show an unpublished module or a newer draft through the finder', async () => {
    // Rated while published, then unpublished and changed as a draft only.
    const moduleId = await moduleRatedBy(times(5, { processPhase: 5, timeEffort: 5 }))
    await payload.update({
      collection: 'modules',
      data: { _status: 'draft', title: 'Nur Entwurf' },
      id: moduleId,
    })
    // Published, with a newer draft that the finder must not show.
    const withDraft = await moduleRatedBy(times(5, { processPhase: 5, timeEffort: 5 }))
    const { title } = await payload.findByID({ collection: 'modules', id: withDraft })
    await payload.update({
      collection: 'modules',
      data: { title: 'Neuer Titel, nur Entwurf' },
      draft: true,
      id: withDraft,
    })

    const { body, status } = await finder(
      'processPhase[min]=5&timeEffort[min]=5&minRaters=1&limit=100',
    )
    expect(status).toBe(200)
    expect(body.docs?.map((doc) => [doc.id, doc.title])).toEqual([[withDraft, title]])
    expect(JSON.stringify(body)).not.toContain('Nur Entwurf')
    expect(JSON.stringify(body)).not.toContain('nur Entwurf')
  })
})

describe('privacy', () => {
  it('should not let a visitor list ratings or summaries over REST', async () => {
    const moduleId = await createModule()
    await rateAsNewVisitor(moduleId, { participation: 3 })
    const ratings = await requestJson<ListBody<unknown>>(`${server.url}/api/ratings`)
    expect(ratings.status).toBe(403)
    expect(ratings.body.docs).toBeUndefined()
    const rating = await requestJson(
      `${server.url}/api/ratings/${(await ratingsOf(moduleId))[0]!.id}`,
    )
    expect(rating.status).toBe(403)
    const summaries = await requestJson<ListBody<unknown>>(`${server.url}/api/rating-summaries`)
    expect(summaries.status).toBe(403)
    expect(summaries.body.docs).toBeUndefined()
  })

  it('should not let a visitor read ratings or summaries over GraphQL', async () => {
    const moduleId = await createModule()
    await rateAsNewVisitor(moduleId, { participation: 3 })
    const ratings = await graphql(
      '{ Ratings { docs { id targetId visitorHash clientHash values { participation } } } }',
    )
    expect(ratings.body.errors?.length).toBeGreaterThan(0)
    expect(ratings.body.data?.Ratings ?? null).toBeNull()
    const summaries = await graphql('{ RatingSummaries { docs { id raterCount } } }')
    expect(summaries.body.errors?.length).toBeGreaterThan(0)
    expect(summaries.body.data?.RatingSummaries ?? null).toBeNull()
    expect(JSON.stringify(ratings.body)).not.toMatch(HEX_HASH)
  })

  it('should never show an admin the hashes, over REST or GraphQL', async () => {
    const moduleId = await createModule()
    await rateAsNewVisitor(moduleId, { participation: 3 })
    const list = await requestJson<ListBody<Record<string, unknown>>>(
      `${server.url}/api/ratings?where[targetId][equals]=${moduleId}&depth=0`,
      { token: tokens.admin },
    )
    expect(list.status).toBe(200)
    expect(list.body.docs).toHaveLength(1)
    const [rating] = list.body.docs!
    expect(rating).toMatchObject({
      targetCollection: 'modules',
      targetId: String(moduleId),
      values: { participation: 3 },
    })
    expect(rating).not.toHaveProperty('visitorHash')
    expect(rating).not.toHaveProperty('clientHash')
    const selected = await requestJson(
      `${server.url}/api/ratings/${String(rating!.id)}?select[visitorHash]=true&select[clientHash]=true`,
      { token: tokens.admin },
    )
    expect(selected.status).toBe(200)
    expect(JSON.stringify(selected.body)).not.toMatch(HEX_HASH)
    const viaGraphQL = await graphql(
      `{ Ratings(where: { targetId: { equals: "${moduleId}" } }) { docs { id visitorHash clientHash } } }`,
      tokens.admin,
    )
    expect(viaGraphQL.body).toEqual({
      data: { Ratings: { docs: [{ clientHash: null, id: rating!.id, visitorHash: null }] } },
    })
    expect(JSON.stringify(viaGraphQL.body)).not.toMatch(HEX_HASH)
  })

  it('should not let the hashes be probed through where or sort', async () => {
    const moduleId = await createModule()
    for (let i = 0; i < 4; i++) {
      await rateAsNewVisitor(moduleId, { participation: 1 + i })
    }
    const [{ visitor_hash: realHash } = { visitor_hash: '' }] = await sql<{ visitor_hash: string }>(
      'SELECT visitor_hash FROM ratings WHERE target_id = $1 LIMIT 1',
      [String(moduleId)],
    )
    expect(realHash).toMatch(/^[0-9a-f]{64}$/)
    const base = `${server.url}/api/ratings?where[targetId][equals]=${moduleId}&depth=0`
    const outcome = async (query: string) => {
      const { body, status } = await requestJson<ListBody<{ id: number }>>(`${base}&${query}`, {
        token: tokens.admin,
      })
      expect(status).toBeLessThan(500)
      return status >= 400 ? { rejected: status } : { ids: body.docs?.map((doc) => doc.id) }
    }
    // The admin does read these ratings: a probe that is refused is refused for the hash alone.
    expect(await outcome('sort=id')).toEqual({
      ids: (await ratingsOf(moduleId)).map((rating) => rating.id).sort((a, b) => a - b),
    })
    const probes = [
      ['where[visitorHash][equals]', realHash],
      ['where[visitorHash][like]', realHash.slice(0, 4)],
      ['where[visitorHash][greater_than]', realHash],
      ['where[or][0][visitorHash][equals]', realHash],
      ['where[clientHash][exists]', 'true'],
    ] as const
    for (const [path, value] of probes) {
      const hit = await outcome(`${path}=${value}`)
      const miss = await outcome(
        `${path}=${path.endsWith('[exists]') ? 'false' : 'f'.repeat(value.length)}`,
      )
      expect(hit, path).toEqual(miss)
    }
    expect(await outcome('sort=visitorHash')).toEqual(await outcome('sort=-visitorHash'))
    expect(await outcome('sort=clientHash')).toEqual(await outcome('sort=-clientHash'))
    const graphqlOutcome = async (hash: string) => {
      const { body } = await graphql(
        `{ Ratings(where: { visitorHash: { equals: "${hash}" } }) { docs { id } } }`,
        tokens.admin,
      )
      return body.errors?.length ? { rejected: true } : body.data
    }
    expect(await graphqlOutcome(realHash)).toEqual(await graphqlOutcome('f'.repeat(64)))
  })

  it('should store no address or user agent, only 64-hex hashes', async () => {
    const moduleId = await createModule()
    const userAgent = 'Quartiersnetz-Testbrowser/7.3 (UA-MARKER-4711)'
    await rate(moduleId, {
      headers: {
        'User-Agent': userAgent,
        'X-Client-Address': '198.51.100.23',
        'X-Forwarded-For': '203.0.113.9',
      },
      json: { values: { participation: 3 } },
    })
    await rate(moduleId, {
      headers: { 'User-Agent': userAgent, 'X-Client-Address': '198.51.100.24' },
      json: { values: { participation: 4 } },
    })

    const rows = await sql<Record<string, unknown>>('SELECT * FROM ratings WHERE target_id = $1', [
      String(moduleId),
    ])
    expect(rows).toHaveLength(2)
    for (const row of rows) {
      expect(row.visitor_hash).toMatch(/^[0-9a-f]{64}$/)
      expect(row.client_hash).toMatch(/^[0-9a-f]{64}$/)
    }
    // The address comes from the connection, not from a header a client can set.
    expect(rows[0]!.client_hash).toBe(rows[1]!.client_hash)
    const unsalted = ['127.0.0.1', '::1', '::ffff:127.0.0.1'].map((address) =>
      crypto.createHash('sha256').update(address).digest('hex'),
    )
    expect(unsalted).not.toContain(rows[0]!.client_hash)

    // Anywhere in the database: every row of every table, as text.
    const tables = await sql<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
    )
    expect(tables.map((table) => table.table_name)).toContain('ratings')
    for (const needle of [
      'UA-MARKER-4711',
      'Testbrowser',
      '127.0.0.1',
      '198.51.100.2',
      '203.0.113.9',
    ]) {
      const hits: string[] = []
      for (const { table_name: table } of tables) {
        const [{ count } = { count: 0 }] = await sql<{ count: number }>(
          `SELECT count(*)::int AS count FROM "${table}" AS row WHERE row::text LIKE $1`,
          [`%${needle}%`],
        )
        if (count > 0) {
          hits.push(table)
        }
      }
      expect(hits, needle).toEqual([])
    }
  })
})

describe('summary with the module', () => {
  /** Three visitors: participation high, financial effort balanced, complexity low, process phase unrated. */
  const ratedModule = async () => {
    const moduleId = await createModule()
    await rateAsNewVisitor(moduleId, { complexity: 1, financialEffort: 3, participation: 5 })
    await rateAsNewVisitor(moduleId, { financialEffort: 3, participation: 4 })
    await rateAsNewVisitor(moduleId, { participation: 5 })
    return moduleId
  }

  it('should return the summary with a module in German', async () => {
    const moduleId = await ratedModule()
    const summary = await summaryOf(moduleId)
    expect(summary.raterCount).toBe(3)
    expect(summary.text).toBe('Dieser Eintrag wurde bisher von 3 Nutzerinnen und Nutzern bewertet.')
    expect(summary.isLocked).toBe(false)
    expect(summary.dimensions.participation).toEqual({
      count: 3,
      distribution: [0, 0, 0, 1, 2],
      high: 'hat einen hohen Beteiligungsgrad',
      label: 'Partizipation',
      lean: 'high',
      leanLabel: 'hat einen hohen Beteiligungsgrad',
      low: 'hat einen geringen Beteiligungsgrad',
      mean: 4.667,
    })
    expect(summary.dimensions.financialEffort).toMatchObject({
      count: 2,
      lean: 'balanced',
      leanLabel: 'ausgeglichen',
      mean: 3,
    })
    expect(summary.dimensions.complexity).toMatchObject({
      count: 1,
      lean: 'low',
      leanLabel: 'keine Vorkenntnisse erforderlich',
      mean: 1,
    })
    expect(summary.dimensions.processPhase).toEqual({
      count: 0,
      distribution: [0, 0, 0, 0, 0],
      high: 'eignet sich zur konkreten Umsetzung',
      label: 'Prozessphase',
      lean: null,
      leanLabel: null,
      low: 'eignet sich zur Analyse / Planung',
      mean: null,
    })
    expect(Object.keys(summary.dimensions)).toEqual(DIMENSIONS)
  })

  it('should return the summary in English when the client asks for it', async () => {
    const moduleId = await ratedModule()
    const summary = await summaryOf(moduleId, 'en-US,en;q=0.9')
    expect(summary.text).toBe('This entry has been rated by 3 users so far.')
    expect(summary.dimensions.participation).toMatchObject({
      label: 'Participation',
      leanLabel: 'high degree of participation',
    })
    expect(summary.dimensions.financialEffort?.leanLabel).toBe('balanced')
  })

  it('should return an empty summary for a module nobody rated', async () => {
    const moduleId = await createModule()
    const summary = await summaryOf(moduleId)
    expect(summary.raterCount).toBe(0)
    expect(summary.text).toBe('Dieser Eintrag wurde bisher noch nicht bewertet.')
    expect(comparable(summary)).toEqual(expectedSummary([]))
  })

  it('should return the summary with every module of a list', async () => {
    const rated = await ratedModule()
    const unrated = await createModule()
    const { body, status } = await requestJson<ListBody<ModuleBody>>(
      `${server.url}/api/modules?where[id][in]=${rated},${unrated}&sort=id&depth=0`,
    )
    expect(status).toBe(200)
    expect(body.docs?.map((doc) => [doc.id, doc.ratingSummary?.raterCount])).toEqual([
      [rated, 3],
      [unrated, 0],
    ])
  })

  it('should return the summary over GraphQL', async () => {
    const moduleId = await ratedModule()
    const { body } = await graphql(
      `{ Module(id: ${moduleId}) { title ratingSummary } Modules(where: { id: { equals: ${moduleId} } }) { docs { id ratingSummary } } }`,
    )
    expect(body.errors).toBeUndefined()
    const one = body.data?.Module as { ratingSummary: RatingSummary }
    const list = body.data?.Modules as { docs: { ratingSummary: RatingSummary }[] }
    expect(one.ratingSummary.raterCount).toBe(3)
    expect(one.ratingSummary.dimensions.participation?.mean).toBe(4.667)
    expect(list.docs[0]?.ratingSummary.raterCount).toBe(3)
  })

  it('should leave the summary out when select does not ask for it', async () => {
    const moduleId = await ratedModule()
    const without = await requestJson<ModuleBody>(
      `${server.url}/api/modules/${moduleId}?select[title]=true`,
    )
    expect(without.status).toBe(200)
    expect(without.body.title).toMatch(/^Bewertetes Modul/)
    expect(without.body).not.toHaveProperty('ratingSummary')
    const excluded = await requestJson<ListBody<ModuleBody>>(
      `${server.url}/api/modules?where[id][equals]=${moduleId}&select[ratingSummary]=false`,
    )
    expect(excluded.body.docs?.[0]).not.toHaveProperty('ratingSummary')
    const withIt = await requestJson<ModuleBody>(
      `${server.url}/api/modules/${moduleId}?select[title]=true&select[ratingSummary]=true`,
    )
    expect(withIt.body.ratingSummary?.raterCount).toBe(3)
  })
})

describe('moderation', () => {
  it('should let an editor list ratings without personal data', async () => {
    const moduleId = await createModule()
    await rateAsNewVisitor(moduleId, { participation: 2 })
    await rateAsNewVisitor(moduleId, { participation: 4 })
    const { body, status } = await requestJson<ListBody<Record<string, unknown>>>(
      `${server.url}/api/ratings?where[targetId][equals]=${moduleId}&sort=id`,
      { token: tokens.editor },
    )
    expect(status).toBe(200)
    expect(body.docs?.map((doc) => (doc.values as Values).participation)).toEqual([2, 4])
    expect(JSON.stringify(body)).not.toMatch(HEX_HASH)
  })

  it('should update the summary when an editor deletes a rating', async () => {
    const moduleId = await createModule()
    await rateAsNewVisitor(moduleId, { complexity: 3, participation: 1 })
    await rateAsNewVisitor(moduleId, { participation: 4 })
    await rateAsNewVisitor(moduleId, { participation: 5 })
    const abusive = (await ratingsOf(moduleId)).find(
      (rating) => rating.values?.participation === 1,
    )!

    const { status } = await requestJson(`${server.url}/api/ratings/${abusive.id}`, {
      method: 'DELETE',
      token: tokens.editor,
    })
    expect(status).toBe(200)
    expect(await ratingsOf(moduleId)).toHaveLength(2)
    expect(comparable(await summaryOf(moduleId))).toEqual(
      expectedSummary([{ participation: 4 }, { participation: 5 }]),
    )
    expect(await recountDifferences([moduleId])).toEqual([])
  })

  it('should update the summary when an editor deletes several ratings at once', async () => {
    const moduleId = await createModule()
    const other = await createModule()
    for (const participation of [1, 1, 1, 1, 1, 1, 1, 1, 3, 5]) {
      await rateAsNewVisitor(moduleId, { participation })
    }
    await rateAsNewVisitor(other, { participation: 1 })

    const { status } = await requestJson(
      `${server.url}/api/ratings?where[and][0][targetId][equals]=${moduleId}&where[and][1][values.participation][equals]=1`,
      {
        method: 'DELETE',
        token: tokens.editor,
      },
    )
    expect(status).toBe(200)
    expect(comparable(await summaryOf(moduleId))).toEqual(
      expectedSummary([{ participation: 3 }, { participation: 5 }]),
    )
    expect(comparable(await summaryOf(other))).toEqual(expectedSummary([{ participation: 1 }]))
    expect(await recountDifferences([moduleId, other])).toEqual([])
  })

  it('should update the summary whatever the delete request selects', async () => {
    const moduleId = await createModule()
    await rateAsNewVisitor(moduleId, { complexity: 4, participation: 1 })
    await rateAsNewVisitor(moduleId, { participation: 5 })
    const [first, second] = await ratingsOf(moduleId)

    const one = await requestJson(`${server.url}/api/ratings/${first!.id}?select[targetId]=true`, {
      method: 'DELETE',
      token: tokens.editor,
    })
    expect(one.status).toBe(200)
    const bulk = await requestJson(
      `${server.url}/api/ratings?where[id][equals]=${second!.id}&select[targetId]=true`,
      { method: 'DELETE', token: tokens.editor },
    )
    expect(bulk.status).toBe(200)

    expect(await ratingsOf(moduleId)).toHaveLength(0)
    expect(comparable(await summaryOf(moduleId))).toEqual(expectedSummary([]))
  })

  it('should keep the summary exact when visitors replace ratings that an editor is deleting', async () => {
    const moduleId = await createModule()
    const visitors: string[] = []
    for (let i = 0; i < 30; i++) {
      visitors.push(await rateAsNewVisitor(moduleId, { participation: 1 + (i % 5) }))
    }
    const ratings = await ratingsOf(moduleId)
    const results = await Promise.all(
      ratings.flatMap((rating, i) => [
        requestJson(`${server.url}/api/ratings/${rating.id}`, {
          method: 'DELETE',
          token: tokens.editor,
        }).then(({ status }) => status),
        rate(moduleId, { cookieToken: visitors[i]!, json: { values: { complexity: 5 } } }).then(
          ({ status }) => status,
        ),
      ]),
    )
    expect(results.filter((status) => status >= 500)).toEqual([])
    expect(await recountDifferences([moduleId])).toEqual([])
  })

  it('should let the visitor of a deleted rating rate again', async () => {
    const moduleId = await createModule()
    const token = await rateAsNewVisitor(moduleId, { participation: 1 })
    await requestJson(`${server.url}/api/ratings/${(await ratingsOf(moduleId))[0]!.id}`, {
      method: 'DELETE',
      token: tokens.editor,
    })
    const { status } = await rate(moduleId, {
      cookieToken: token,
      json: { values: { participation: 4 } },
    })
    expect(status).toBe(201)
    expect(comparable(await summaryOf(moduleId))).toEqual(expectedSummary([{ participation: 4 }]))
  })

  it('should not let a municipality editor list or delete ratings', async () => {
    const moduleId = await createModule()
    await rateAsNewVisitor(moduleId, { participation: 2 })
    const [rating] = await ratingsOf(moduleId)

    const list = await requestJson<ListBody<unknown>>(
      `${server.url}/api/ratings?where[targetId][equals]=${moduleId}`,
      { token: tokens.municipalityEditor },
    )
    expect(list.status).toBe(403)
    const one = await requestJson(`${server.url}/api/ratings/${rating!.id}`, {
      token: tokens.municipalityEditor,
    })
    expect(one.status).toBe(403)
    const deleted = await requestJson(`${server.url}/api/ratings/${rating!.id}`, {
      method: 'DELETE',
      token: tokens.municipalityEditor,
    })
    expect(deleted.status).toBe(403)
    const bulk = await requestJson<{ docs?: unknown[] }>(
      `${server.url}/api/ratings?where[targetId][equals]=${moduleId}`,
      { method: 'DELETE', token: tokens.municipalityEditor },
    )
    expect(bulk.status).toBeGreaterThanOrEqual(400)

    expect(await ratingsOf(moduleId)).toHaveLength(1)
    expect((await summaryOf(moduleId)).raterCount).toBe(1)
  })

  it('should not let a municipality editor lock ratings of a module', async () => {
    const moduleId = await createModule()
    await requestJson(`${server.url}/api/modules/${moduleId}`, {
      body: { ratingsLocked: true },
      method: 'PATCH',
      token: tokens.municipalityEditor,
    })
    const after = await payload.findByID({ collection: 'modules', id: moduleId })
    expect(after.ratingsLocked).toBe(false)
  })

  it('should let an editor lock ratings of a module', async () => {
    const moduleId = await createModule()
    const { status } = await requestJson(`${server.url}/api/modules/${moduleId}`, {
      body: { ratingsLocked: true },
      method: 'PATCH',
      token: tokens.editor,
    })
    expect(status).toBe(200)
    expect((await rate(moduleId, { json: { values: { participation: 3 } } })).status).toBe(409)
  })
})
