/**
 * The ratings plugin's per-client limit (maxRatingsPerClientPerHour, RATINGS_PER_CLIENT_PER_HOUR):
 * 3 ratings per client and hour here. The server trusts X-Forwarded-For from loopback, as it
 * would behind a reverse proxy, so each test is a client of its own.
 */
import type { Payload } from 'payload'

import type { RunningServer } from '../../src/server/startServer'
import type { JsonResponse } from '../helpers/http'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { startTestServer } from '../helpers/server'

// The config reads the limit when it is imported, i.e. before any hook runs.
vi.hoisted(() => {
  process.env.RATINGS_PER_CLIENT_PER_HOUR = '3'
  process.env.TRUST_PROXY = 'loopback'
})

type RateBody = { errors?: { message: string }[]; visitorToken?: string }

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

const createModule = async () =>
  (
    await payload.create({
      collection: 'modules',
      data: { _status: 'published', title: `Begrenztes Modul ${++counter}` },
    })
  ).id

/** A client address no other test uses (TEST-NET-3). */
const newClient = () => `203.0.113.${++counter}`

const rate = async (
  moduleId: number,
  {
    client,
    headers,
    language = 'de-DE',
    visitorToken,
  }: { client: string; headers?: Record<string, string>; language?: string; visitorToken?: string },
): Promise<JsonResponse<RateBody>> => {
  const response = await fetch(`${server.url}/api/modules/${moduleId}/ratings`, {
    body: JSON.stringify({ values: { participation: 4 } }),
    headers: {
      'Accept-Language': language,
      'Content-Type': 'application/json',
      'X-Forwarded-For': client,
      ...(visitorToken ? { 'X-Visitor-Token': visitorToken } : {}),
      ...headers,
    },
    method: 'POST',
  })
  return {
    body: (await response.json()) as RateBody,
    headers: response.headers,
    status: response.status,
  }
}

const ratingCount = async () => (await payload.count({ collection: 'ratings' })).totalDocs

describe('per-client limit', () => {
  it('should answer 429 with Retry-After once a client has sent its ratings for the hour', async () => {
    const client = newClient()
    for (let i = 0; i < 3; i++) {
      expect((await rate(await createModule(), { client })).status).toBe(201)
    }
    const before = await ratingCount()
    const limited = await rate(await createModule(), { client })
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(limited.body.errors?.[0]?.message).toBe(
      'Zu viele Bewertungen von diesem Anschluss. Bitte später erneut versuchen.',
    )
    expect(await ratingCount()).toBe(before)
  })

  it('should answer in English when the client asks for it', async () => {
    const client = newClient()
    const moduleId = await createModule()
    for (let i = 0; i < 3; i++) {
      await rate(moduleId, { client })
    }
    const limited = await rate(moduleId, { client, language: 'en-US,en;q=0.9' })
    expect(limited.status).toBe(429)
    expect(limited.body.errors?.[0]?.message).toBe(
      'Too many ratings from this connection. Please try again later.',
    )
  })

  it('should count each client on its own', async () => {
    const limitedClient = newClient()
    const moduleId = await createModule()
    for (let i = 0; i < 4; i++) {
      await rate(moduleId, { client: limitedClient })
    }
    expect((await rate(moduleId, { client: limitedClient })).status).toBe(429)
    expect((await rate(moduleId, { client: newClient() })).status).toBe(201)
  })

  it('should not let parallel requests of one client exceed the limit', async () => {
    const client = newClient()
    const modules = [await createModule(), await createModule()]
    const before = await ratingCount()
    const statuses = (
      await Promise.all(Array.from({ length: 12 }, (_, i) => rate(modules[i % 2]!, { client })))
    ).map(({ status }) => status)
    expect(statuses.filter((status) => status === 201)).toHaveLength(3)
    expect(statuses.filter((status) => status === 429)).toHaveLength(9)
    expect(await ratingCount()).toBe(before + 3)
  })

  it('should ignore a client address header the client sets itself', async () => {
    const client = newClient()
    const moduleId = await createModule()
    for (let i = 0; i < 3; i++) {
      await rate(moduleId, { client })
    }
    const spoofed = await rate(moduleId, {
      client,
      headers: { 'X-Client-Address': '198.51.100.77' },
    })
    expect(spoofed.status).toBe(429)
  })
})
