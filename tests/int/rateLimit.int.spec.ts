import type { Server } from 'node:http'

import type { RunningServer } from '../../src/server/startServer'

import http from 'node:http'
import net from 'node:net'

import express from 'express'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { RateLimitCounter } from '../../src/server/rateLimitStore'

import { authRateLimit, rateLimitStoreSetting } from '../../src/server/rateLimits'
import { createPostgresRateLimitCounter, RATE_LIMITS_TABLE } from '../../src/server/rateLimitStore'
import { withClient } from '../helpers/cluster'
import { requestJson } from '../helpers/http'
import { startTestServer } from '../helpers/server'

let server: RunningServer

beforeAll(async () => {
  process.env.AUTH_RATE_LIMIT_MAX = '3'
  process.env.AUTH_RATE_LIMIT_WINDOW_MS = '60000'
  server = await startTestServer()
})

afterAll(async () => {
  await server?.stop()
})

const attempt = (route: string, language = 'de-DE') =>
  requestJson<{ errors?: { message: string }[] }>(`${server.url}/api/users/${route}`, {
    body: { email: 'niemand@quartiersnetz.test', password: 'falsch' },
    headers: { 'Accept-Language': language },
    method: 'POST',
  })

describe('rate limits on the auth routes', () => {
  it('should answer 429 with Retry-After once a client exceeds the login limit', async () => {
    for (let i = 0; i < 3; i++) {
      expect((await attempt('login')).status).toBe(401)
    }
    const limited = await attempt('login')
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(limited.body.errors?.[0]?.message).toMatch(
      /^Zu viele Versuche\. Bitte versuchen Sie es in (1 Minute|\d+ Minuten) erneut\.$/,
    )
  })

  it('should answer in English when the client asks for it', async () => {
    const limited = await attempt('login', 'en-US,en;q=0.9')
    expect(limited.status).toBe(429)
    expect(limited.body.errors?.[0]?.message).toMatch(/Too many attempts/)
  })

  it('should count forgot-password separately from login', async () => {
    const results = await Promise.all([0, 1, 2, 3, 4].map(() => attempt('forgot-password')))
    const statuses = results.map((result) => result.status)
    expect(statuses.filter((status) => status === 429)).toHaveLength(2)
    // Shown with their messages when one is a 5xx.
    expect(results.filter((result) => result.status >= 500)).toEqual([])
  })

  it('should limit first-register too', async () => {
    const statuses = (await Promise.all([0, 1, 2, 3].map(() => attempt('first-register')))).map(
      (result) => result.status,
    )
    expect(statuses).toContain(429)
  })

  it('should not limit ordinary reads', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 10 }, () =>
        requestJson(`${server.url}/api/users/me`).then((r) => r.status),
      ),
    )
    expect(statuses.every((status) => status === 200)).toBe(true)
  })
})

let clients = 0

/**
 * An express app with only the auth limit in front of a login that always fails: one "server"
 * behind a proxy. Each call gets a client address of its own (X-Forwarded-For), so tests don't
 * share counts.
 */
const limitedServer = async ({
  clientAddress = `198.51.100.${++clients}`,
  counter,
  windowMs = 60_000,
}: {
  clientAddress?: string
  counter: RateLimitCounter
  windowMs?: number
}) => {
  const app = express()
  app.set('trust proxy', true)
  app.use(authRateLimit({ counter, max: 3, windowMs }))
  app.post('/api/users/login', express.json(), (req, res) => {
    if ((req.body as { password?: string }).password === 'richtig') {
      res.json({ message: 'Angemeldet.' })
      return
    }
    res.status(401).json({ errors: [{ message: 'Falsch.' }] })
  })
  // As Payload's: the same answer whether or not the account exists.
  app.post('/api/users/forgot-password', (_req, res) => {
    res.json({ message: 'Gesendet.' })
  })
  const listening: Server = http.createServer(app)
  await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', () => resolve()))
  const address = listening.address()
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  return {
    clientAddress,
    close: () => new Promise<void>((resolve) => listening.close(() => resolve())),
    forgotPassword: () =>
      requestJson(`${url}/api/users/forgot-password`, {
        body: { email: 'niemand@quartiersnetz.test' },
        headers: { 'X-Forwarded-For': clientAddress },
        method: 'POST',
      }),
    login: (password = 'falsch') =>
      requestJson<{ errors?: { message: string }[] }>(`${url}/api/users/login`, {
        body: { email: 'niemand@quartiersnetz.test', password },
        headers: { 'X-Forwarded-For': clientAddress },
        method: 'POST',
      }),
  }
}

const counterOn = (connectionString: string | undefined) =>
  createPostgresRateLimitCounter({
    connectionString,
    logger: { warn: () => undefined },
    secret: process.env.PAYLOAD_SECRET!,
  })

const rowsOf = () =>
  withClient(
    process.env.DATABASE_URL!,
    async (client) =>
      (await client.query<{ key: string }>(`SELECT key FROM ${RATE_LIMITS_TABLE}`)).rows,
  )

describe('rate limits shared through PostgreSQL', () => {
  it('should give a client one limit across two servers counting in the same database', async () => {
    const counters = [counterOn(process.env.DATABASE_URL), counterOn(process.env.DATABASE_URL)]
    const clientAddress = '203.0.113.7'
    const [first, second] = await Promise.all(
      counters.map((counter) => limitedServer({ clientAddress, counter })),
    )
    try {
      expect((await first!.login()).status).toBe(401)
      expect((await second!.login()).status).toBe(401)
      expect((await first!.login()).status).toBe(401)
      expect((await second!.login()).status).toBe(429)
      expect((await first!.login()).status).toBe(429)
    } finally {
      await Promise.all([first!.close(), second!.close()])
      await Promise.all(counters.map((counter) => counter.stop()))
    }
  })

  it('should count refused logins only, and every forgot-password', async () => {
    const counter = counterOn(process.env.DATABASE_URL)
    const server = await limitedServer({ counter })
    try {
      // Ten colleagues behind one address sign in one after another.
      for (let i = 0; i < 10; i++) {
        expect((await server.login('richtig')).status).toBe(200)
      }
      expect((await server.login()).status).toBe(401)
      expect((await server.login()).status).toBe(401)
      expect((await server.login()).status).toBe(401)
      expect((await server.login()).status).toBe(429)
      // Over the limit even the right password waits: guessing ends at the limit.
      expect((await server.login('richtig')).status).toBe(429)
      const reminders = []
      for (let i = 0; i < 4; i++) {
        reminders.push((await server.forgotPassword()).status)
      }
      expect(reminders).toEqual([200, 200, 200, 429])
    } finally {
      await server.close()
      await counter.stop()
    }
  })

  it('should count a parallel burst exactly', async () => {
    const counter = counterOn(process.env.DATABASE_URL)
    const server = await limitedServer({ counter })
    try {
      const statuses = await Promise.all(Array.from({ length: 20 }, () => server.login()))
      expect(statuses.filter(({ status }) => status === 401)).toHaveLength(3)
      expect(statuses.filter(({ status }) => status === 429)).toHaveLength(17)
    } finally {
      await server.close()
      await counter.stop()
    }
  })

  it('should give a hit back before counting the next one asked after it', async () => {
    // A refused form gives its hit back when its answer has gone; the visitor's next try may
    // follow at once. The give-back must be counted first, however busy the database is.
    const counter = counterOn(process.env.DATABASE_URL)
    try {
      const key = `give-back:${Date.now()}`
      for (let round = 0; round < 20; round++) {
        expect((await counter.increment(key, 60_000)).totalHits).toBe(1)
        const givenBack = counter.decrement(key)
        const next = counter.increment(key, 60_000)
        await givenBack
        expect((await next).totalHits).toBe(1)
        await counter.decrement(key)
      }
    } finally {
      await counter.stop()
    }
  })

  it('should store only keyed hashes of client addresses', async () => {
    const rows = await rowsOf()
    expect(rows.length).toBeGreaterThan(0)
    for (const { key } of rows) {
      expect(key).toMatch(/^[0-9a-f]{64}$/)
    }
  })

  it('should delete a counter once its window has ended', async () => {
    const counter = counterOn(process.env.DATABASE_URL)
    const server = await limitedServer({ counter, windowMs: 1_000 })
    try {
      const before = (await rowsOf()).length
      expect((await server.login()).status).toBe(401)
      expect((await rowsOf()).length).toBe(before + 1)
      await vi.waitFor(
        async () => {
          await counter.purgeExpired()
          expect((await rowsOf()).length).toBe(before)
        },
        { interval: 200, timeout: 10_000 },
      )
    } finally {
      await server.close()
      await counter.stop()
    }
  })

  it('should answer 503 with Retry-After, never 500, while the database cannot be reached', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address()
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
      })
    })
    const url = new URL(process.env.DATABASE_URL!)
    url.port = String(closedPort)
    const counter = counterOn(url.toString())
    const server = await limitedServer({ counter })
    try {
      const answer = await server.login()
      expect(answer.status).toBe(503)
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(answer.body.errors?.[0]?.message).toMatch(/vorübergehend nicht verfügbar/)
    } finally {
      await server.close()
      await counter.stop()
    }
  })

  it('should refuse an unknown RATE_LIMIT_STORE with a message naming it', () => {
    vi.stubEnv('RATE_LIMIT_STORE', 'redis')
    try {
      expect(() => rateLimitStoreSetting()).toThrow(/RATE_LIMIT_STORE/)
    } finally {
      vi.unstubAllEnvs()
    }
  })
})
