/**
 * Several servers on one PostgreSQL, as a network that outgrew one server runs them: two app
 * servers (as `npm start` runs them: the compiled server, built here, with JOBS_AUTORUN=false)
 * and two job workers (`src/worker.ts`), each a process of its own, with a real SMTP receiver.
 * A registration burst split across both servers confirms exactly the seats, every mail goes
 * out once, the schedules are queued once, a change written through one server is never served
 * stale by the other, and one client gets one rate limit across both.
 */
import type { ChildProcess } from 'node:child_process'
import type { Payload } from 'payload'

import { spawn } from 'node:child_process'
import net from 'node:net'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import {
  buildServer,
  npmScriptEnv,
  npmScriptNodeArgs,
  npmStartArgs,
} from '../../scripts/buildServer'
import { closePool, poolOf } from '../../src/db/closePool'
import { projectRoot } from '../../src/runtime/paths'
import { createModule, createOpenEvent } from '../helpers/fixtures'
import { login, requestJson } from '../helpers/http'
import { linkIn } from '../helpers/mails'
import { parseMail, type ReceivedMail } from '../helpers/smtp'
import { createUser, PASSWORD } from '../helpers/users'

// The processes read SMTP_URL from the environment they inherit.
const smtp = await vi.hoisted(async () => {
  const { startSmtpReceiver } = await import('../helpers/smtp')
  return startSmtpReceiver()
})

const CONFIRM_LINK = /http:\/\/localhost:\d+\/api\/registrations\/confirm\?token=[A-Za-z0-9_-]{43}/
const AUTH_LIMIT = 4

type Child = {
  exited: Promise<null | number>
  name: string
  output: () => string
  process: ChildProcess
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })

/**
 * A process of the project, started as in production: the app servers as `npm start` runs them
 * (the compiled server, Node's options from package.json), the worker as `npm run worker`.
 */
const startChild = (name: string, args: string[], env: Record<string, string>): Child => {
  let output = ''
  const child = spawn(process.execPath, args, {
    cwd: projectRoot,
    env: {
      ...process.env,
      DEMO_PAGE: 'false',
      JOBS_AUTORUN: 'false',
      NODE_ENV: 'production',
      NODE_OPTIONS: '--no-deprecation',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<null | number>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  )
  return { exited, name, output: () => output, process: child }
}

/**
 * Waits until `url` answers 200 and `isReady` agrees; fails at once, with the process's output,
 * if the process ends meanwhile.
 */
const waitUntilUp = async (child: Child, url: string, isReady: (body: unknown) => boolean) => {
  const deadline = Date.now() + 180_000
  for (;;) {
    if (child.process.exitCode !== null || child.process.signalCode !== null) {
      throw new Error(`${child.name} ended before it was ready:\n${child.output()}`)
    }
    const response = await fetch(url).catch(() => undefined)
    const body: unknown = response?.ok ? await response.json() : undefined
    if (response?.ok && isReady(body)) {
      return
    }
    if (Date.now() > deadline) {
      throw new Error(`${child.name} was not ready at ${url}:\n${child.output().slice(-4000)}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

const stopChild = async (child: Child | undefined, { timeoutMs = 40_000 } = {}) => {
  if (!child || child.process.exitCode !== null) {
    return child?.process.exitCode ?? null
  }
  child.process.kill('SIGTERM')
  const timer = setTimeout(() => child.process.kill('SIGKILL'), timeoutMs)
  const code = await child.exited
  clearTimeout(timer)
  return code
}

type QueueStatus = { lastTurnAt: null | string; queue: string }

let payload: Payload
const servers: { child: Child; url: string }[] = []
const workers: { child: Child; healthUrl: string }[] = []

beforeAll(async () => {
  await buildServer({ log: () => undefined })
  const { default: config } = await import('@payload-config')
  const { getPayload } = await import('payload')
  payload = await getPayload({ config })
  // The file's database is dropped after the file, ending idle connections with an error.
  const pool = poolOf(payload)
  pool?.on('error', () => undefined)
  pool?.on('connect', (client) => client.on('error', () => undefined))

  const [portA, portB, healthA, healthB] = await Promise.all([
    freePort(),
    freePort(),
    freePort(),
    freePort(),
  ])
  // The mails' links name one public address, as behind a load balancer.
  const shared = {
    AUTH_RATE_LIMIT_MAX: String(AUTH_LIMIT),
    EVENT_REGISTRATION_RATE_LIMIT_MAX: '1000',
    HOST: '127.0.0.1',
    SERVER_URL: `http://localhost:${portA}`,
  }
  for (const [name, port] of [
    ['server A', portA],
    ['server B', portB],
  ] as const) {
    servers.push({
      child: startChild(name, npmStartArgs(), {
        ...npmScriptEnv('start'),
        ...shared,
        PORT: String(port),
      }),
      url: `http://127.0.0.1:${port}`,
    })
  }
  await Promise.all(
    servers.map(({ child, url }) => waitUntilUp(child, `${url}/readyz`, () => true)),
  )
  for (const [name, port] of [
    ['worker 1', healthA],
    ['worker 2', healthB],
  ] as const) {
    workers.push({
      child: startChild(name, npmScriptNodeArgs('worker'), {
        ...npmScriptEnv('worker'),
        ...shared,
        WORKER_HEALTH_PORT: String(port),
      }),
      healthUrl: `http://127.0.0.1:${port}/healthz`,
    })
  }
  // Ready once each worker has looked at every queue once (schedules handled, or left to the other).
  await Promise.all(
    workers.map(({ child, healthUrl }) =>
      waitUntilUp(child, healthUrl, (body) =>
        ((body as { queues?: QueueStatus[] }).queues ?? []).every((queue) => queue.lastTurnAt),
      ),
    ),
  )
}, 400_000)

afterAll(async () => {
  await Promise.all([...servers, ...workers].map(({ child }) => stopChild(child)))
  await smtp.stop()
  const pool = payload ? poolOf(payload) : undefined
  await payload?.destroy()
  await closePool(pool)
})

const serverUrl = (index: number) => servers[index % servers.length]!.url

/** The mails received so far. */
const received = (): ReceivedMail[] => smtp.received.map(parseMail)

/** Jobs of a queue that are not done yet (waiting, running or to be retried). */
const openJobsOf = async (queue: string) =>
  (
    await payload.find({
      collection: 'payload-jobs',
      depth: 0,
      limit: 0,
      overrideAccess: true,
      pagination: false,
      where: { and: [{ queue: { equals: queue } }, { completedAt: { exists: false } }] },
    })
  ).docs

describe('several servers on one PostgreSQL', () => {
  it('should queue each scheduled task once although two workers started together', async () => {
    const scheduled = (await openJobsOf('nightly')).filter(
      (job) => (job.meta as { scheduled?: boolean } | null)?.scheduled,
    )
    const perTask = new Map<string, number>()
    for (const job of scheduled) {
      perTask.set(String(job.taskSlug), (perTask.get(String(job.taskSlug)) ?? 0) + 1)
    }
    expect(perTask.size).toBeGreaterThanOrEqual(4)
    expect([...perTask.values()].every((count) => count === 1)).toBe(true)
  })

  it('should confirm exactly the seats in a burst split across both servers and send every mail once', async () => {
    smtp.received.length = 0
    const event = await createOpenEvent(payload, { capacity: 5, title: 'Netzwerktreffen Mehrere' })
    const eventUrl = (index: number) => `${serverUrl(index)}/api/events/${event.id}?depth=0`
    // Both servers have the event's counts cached before the burst.
    for (const index of [0, 1, 0, 1]) {
      expect((await requestJson(eventUrl(index))).body).toMatchObject({ seatsTaken: 0 })
    }

    const visitors = Array.from({ length: 16 }, (_, i) => `besuch-${i}@mehrere.test`)
    const registered = await Promise.all(
      visitors.map((email, i) =>
        requestJson(`${serverUrl(i)}/api/events/${event.id}/registrations`, {
          body: { answers: {}, consent: true, email, name: `Besuch ${i}` },
          method: 'POST',
        }),
      ),
    )
    expect(registered.map((response) => response.status)).toEqual(visitors.map(() => 202))

    // The workers send the confirmation requests.
    const requests = await vi.waitFor(
      () => {
        const mails = received()
        if (mails.length < visitors.length) {
          throw new Error(`${mails.length} of ${visitors.length} confirmation requests arrived`)
        }
        return mails
      },
      { interval: 500, timeout: 90_000 },
    )
    // Each confirmed through the server it did not register with, all at once.
    const confirmed = await Promise.all(
      visitors.map((email, i) => {
        const mail = requests.find((candidate) => candidate.to.includes(email))
        const link = linkIn({ mail, pattern: CONFIRM_LINK })
        return requestJson(link.replace(/^http:\/\/localhost:\d+/, serverUrl(i + 1)), {
          headers: { Accept: 'application/json' },
        })
      }),
    )
    expect(confirmed.map((response) => response.status)).toEqual(visitors.map(() => 200))

    const registrations = (
      await payload.find({
        collection: 'registrations',
        depth: 0,
        limit: 0,
        pagination: false,
        where: { event: { equals: event.id } },
      })
    ).docs
    expect(registrations.filter((r) => r.status === 'confirmed')).toHaveLength(5)
    expect(registrations.filter((r) => r.status === 'waitlisted')).toHaveLength(11)
    for (const index of [0, 1]) {
      expect((await requestJson(eventUrl(index))).body).toMatchObject({
        seatsTaken: 5,
        waitingCount: 11,
      })
    }

    // Every mail once: a request and a result per visitor, and nothing left to send.
    await vi.waitFor(
      async () => {
        const open = await openJobsOf('mail')
        if (received().length < 2 * visitors.length || open.length) {
          throw new Error(`${received().length} mails, ${open.length} still queued`)
        }
      },
      { interval: 500, timeout: 90_000 },
    )
    const mails = received()
    for (const email of visitors) {
      expect(mails.filter((mail) => mail.to.includes(email))).toHaveLength(2)
    }
    expect(mails).toHaveLength(2 * visitors.length)
    const messageIds = mails.map((mail) => /^Message-ID: (.*)$/im.exec(mail.head)?.[1])
    expect(new Set(messageIds).size).toBe(mails.length)
  }, 240_000)

  it('should never serve a change written through one server stale from the other', async () => {
    const editor = await createUser(payload, { email: 'redaktion@mehrere.test', role: 'editor' })
    const token = await login(serverUrl(0), editor.email, PASSWORD)
    const module = await createModule(payload, { title: 'Quartiersspaziergang 0' })
    for (let round = 1; round <= 4; round++) {
      const [writer, reader] = [serverUrl(round), serverUrl(round + 1)]
      const url = `${reader}/api/modules/${module.id}?depth=0`
      await requestJson(url)
      const cached = await requestJson<{ title: string }>(url)
      expect(cached.headers.get('x-cache')).toBe('hit')
      const changed = await requestJson(`${writer}/api/modules/${module.id}`, {
        body: { title: `Quartiersspaziergang ${round}` },
        method: 'PATCH',
        token,
      })
      expect(changed.status).toBe(200)
      const read = await requestJson<{ title: string }>(url)
      expect(read.body.title).toBe(`Quartiersspaziergang ${round}`)
    }
  })

  it('should answer 429 from either server once a client used up its limit on both', async () => {
    const attempt = (index: number) =>
      requestJson(`${serverUrl(index)}/api/users/forgot-password`, {
        body: { email: 'niemand@mehrere.test' },
        method: 'POST',
      })
    // Half the limit on each server: each alone would let the client go on.
    for (let i = 0; i < AUTH_LIMIT; i++) {
      expect((await attempt(i)).status).not.toBe(429)
    }
    for (const index of [0, 1]) {
      const limited = await attempt(index)
      expect(limited.status).toBe(429)
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    }
  })

  it('should let a worker finish and exit cleanly on SIGTERM while the other keeps serving', async () => {
    const [stopping, remaining] = workers
    expect(await stopChild(stopping!.child)).toBe(0)
    const health = await requestJson<{ status: string }>(remaining!.healthUrl)
    expect(health.body.status).toBe('ok')
  })
})
