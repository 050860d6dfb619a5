/**
 * Honest answers when the database can't keep up or is gone: a burst of public writes many
 * times the pool size on a small pool, and PostgreSQL stopped and started while reads and
 * registrations run. Every answer is either a success or 503 with Retry-After (never 500,
 * never "not found" for something that exists), the server recovers by itself, and nothing
 * that was answered as stored is lost.
 *
 * The file stops its database on purpose, so it runs on a cluster of its own.
 */
import crypto from 'node:crypto'
import fs from 'node:fs/promises'
import net from 'node:net'
import path from 'node:path'

import type { EmbeddedCluster } from '../../src/db/embeddedPostgres'
import type { RunningServer } from '../../src/server/startServer'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { startEmbeddedPostgres } from '../../src/db/embeddedPostgres'
import { projectRoot } from '../../src/runtime/paths'
import { startTestServer } from '../helpers/server'

const POOL_SIZE = 3

vi.hoisted(() => {
  // A small pool, so that a burst of 300 is a hundred times its size; every visitor here
  // comes from 127.0.0.1, so the per-client limit is off (it has its own tests).
  process.env.DATABASE_POOL_SIZE = '3'
  process.env.EVENT_REGISTRATION_RATE_LIMIT_MAX = '0'
})

const dataDir = path.join(
  projectRoot,
  process.env.QN_TEST_DATA_DIR || '.test-data',
  `overload-${crypto.randomBytes(4).toString('hex')}`,
)
let cluster: EmbeddedCluster
let clusterPort: number
let server: RunningServer
let eventId: number

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })

/** `email`: the address a registration was sent with (the answer names no registration). */
type Answer = { body: string; email?: string; retryAfter: null | string; status: number }

const send = async (url: string, init?: RequestInit): Promise<Answer> => {
  const response = await fetch(url, init)
  return {
    body: await response.text(),
    retryAfter: response.headers.get('retry-after'),
    status: response.status,
  }
}

let registrationCounter = 0
const register = async (): Promise<Answer> => {
  const email = `burst-${++registrationCounter}-${crypto.randomBytes(3).toString('hex')}@example.org`
  const answer = await send(`${server.url}/api/events/${eventId}/registrations`, {
    body: JSON.stringify({ consent: true, email, name: 'Burst' }),
    headers: { 'Accept-Language': 'de', 'Content-Type': 'application/json' },
    method: 'POST',
  })
  return { ...answer, email }
}

const readEvents = () =>
  send(`${server.url}/api/events?limit=5&depth=0`, { headers: { 'Accept-Language': 'de' } })

/** Only successes and honest 503s; a 503 always says when to retry. */
const expectHonest = (answers: Answer[], successes: number[]) => {
  const dishonest = answers.filter(
    (answer) => !successes.includes(answer.status) && answer.status !== 503,
  )
  expect(dishonest.map(({ body, status }) => `${status} ${body.slice(0, 200)}`)).toEqual([])
  for (const answer of answers.filter(({ status }) => status === 503)) {
    expect(Number(answer.retryAfter)).toBeGreaterThan(0)
    expect(JSON.parse(answer.body).errors[0].message).toMatch(/versuchen Sie es/)
  }
}

const storedRegistrationEmails = async (): Promise<Set<string>> => {
  const { docs } = await server.payload.find({
    collection: 'registrations',
    depth: 0,
    limit: 0,
    pagination: false,
    where: { event: { equals: eventId } },
  })
  return new Set(docs.map((doc) => doc.email ?? ''))
}

/** The addresses of the registrations answered 202. */
const acceptedOf = (answers: Answer[]) =>
  answers.filter(({ email, status }) => email && status === 202).map(({ email }) => email!)

const readyStatus = async () => (await fetch(`${server.url}/readyz`)).status

const waitFor = async (condition: () => Promise<boolean>, timeoutMs = 30_000) => {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    if (await condition()) {
      return true
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  return false
}

beforeAll(async () => {
  clusterPort = await freePort()
  cluster = await startEmbeddedPostgres({ dataDir, isDurable: false, port: clusterPort })
  // A database of its own on this cluster; the server applies the migrations at start.
  const adminUrl = cluster.urlFor('postgres')
  const { withClient } = await import('../helpers/cluster')
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE qn_overload`))
  process.env.DATABASE_URL = cluster.urlFor('qn_overload')
  server = await startTestServer()
  const event = await server.payload.create({
    collection: 'events',
    data: {
      _status: 'published',
      capacity: 50,
      format: 'online',
      hasWaitingList: true,
      kind: 'webinar',
      registrationOpen: true,
      start: new Date(Date.now() + 14 * 86_400_000).toISOString(),
      title: 'Lastprobe',
    } as never,
  })
  eventId = event.id
}, 180_000)

afterAll(async () => {
  await server?.stop()
  await cluster?.stop()
  await fs.rm(dataDir, { force: true, recursive: true })
})

describe('a burst many times the pool size', () => {
  it('should accept or answer 503 with Retry-After, never 500 or a wrong 404, and store exactly what it accepted', async () => {
    const before = await storedRegistrationEmails()
    // 300 registrations and 100 reads at once, on a pool of 3 connections.
    const answers = await Promise.all([
      ...Array.from({ length: 300 }, register),
      ...Array.from({ length: 100 }, readEvents),
    ])
    expectHonest(answers, [200, 202])
    const accepted = acceptedOf(answers)
    expect(accepted.length).toBeGreaterThan(0)
    const stored = await storedRegistrationEmails()
    expect(stored.size - before.size).toBe(accepted.length)
    for (const email of accepted) {
      expect(stored.has(email)).toBe(true)
    }
    expect(POOL_SIZE).toBe(3)
  }, 180_000)
})

describe('PostgreSQL restarted under load', () => {
  it('should answer 503 while the database is down, say so on /readyz, recover by itself and lose no accepted write', async () => {
    const answers: Answer[] = []
    let isRunning = true
    // Two visitors registering and two member sites reading, without pause, all the time.
    const loop = async (request: () => Promise<Answer>) => {
      while (isRunning) {
        answers.push(
          await request().catch((err: unknown) => ({
            body: String(err),
            retryAfter: null,
            status: 0,
          })),
        )
      }
    }
    const loops = [loop(register), loop(register), loop(readEvents), loop(readEvents)]
    await new Promise((resolve) => setTimeout(resolve, 1_500))

    await cluster.stop()
    const answeredBeforeDown = answers.length
    expect(await waitFor(async () => (await readyStatus()) === 503)).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 2_000))
    const duringDowntime = answers.slice(answeredBeforeDown)

    cluster = await startEmbeddedPostgres({ dataDir, isDurable: false, port: clusterPort })
    expect(await waitFor(async () => (await readyStatus()) === 200)).toBe(true)
    const answeredAfterUp = answers.length
    expect(
      await waitFor(
        async () => answers.slice(answeredAfterUp).some(({ status }) => status === 202),
        30_000,
      ),
    ).toBe(true)
    isRunning = false
    await Promise.all(loops)

    expect(duringDowntime.some(({ status }) => status === 503)).toBe(true)
    expectHonest(answers, [200, 202])
    const stored = await storedRegistrationEmails()
    const lost = acceptedOf(answers).filter((email) => !stored.has(email))
    expect(lost).toEqual([])
  }, 180_000)
})
