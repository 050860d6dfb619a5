import type { RunningServer } from '../../src/server/startServer'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

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
    expect(limited.body.errors?.[0]?.message).toMatch(/Zu viele Versuche/)
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
    expect(statuses.filter((status) => status !== 429).every((status) => status < 500)).toBe(true)
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
