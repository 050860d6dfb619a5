/**
 * The mail outbox as the server runs it: with JOBS_AUTORUN the server process sends the queued
 * confirmation mail on its own (every 10 seconds), after the comment's transaction committed.
 * Nothing here calls the jobs runner.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { RunningServer } from '../../src/server/startServer'

import { createModule, postComment } from '../helpers/fixtures'
import { startTestServer } from '../helpers/server'

const smtp = await vi.hoisted(async () => {
  const { startSmtpReceiver } = await import('../helpers/smtp')
  // The tests' servers don't run jobs by default; this one does, as in production.
  process.env.JOBS_AUTORUN = 'true'
  return startSmtpReceiver()
})

let server: RunningServer

beforeAll(async () => {
  server = await startTestServer()
})

afterAll(async () => {
  await server?.stop()
  await smtp.stop()
})

describe('mail outbox run by the server', () => {
  it('should send the confirmation mail without anyone running the queue', async () => {
    const payload = server.payload
    const module = await createModule(payload, { title: 'Modul mit Postausgang' })
    const email = `autorun-${Date.now()}@comments.test`
    const response = await postComment({
      body: {
        authorName: 'Erika Mustermann',
        email,
        targetId: module.id,
        text: 'Kommt die Mail von allein?',
      },
      payload,
      serverUrl: server.url,
    })
    expect(response.status, JSON.stringify(response.body)).toBe(202)
    const deadline = Date.now() + 30_000
    while (!smtp.received.some((mail) => mail.to.includes(email)) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    const mail = smtp.received.find((entry) => entry.to.includes(email))
    expect(mail, 'confirmation mail sent by the server within 30 s').toBeDefined()
    expect(mail!.raw.replace(/=\r?\n/g, '')).toMatch(
      /\/api\/comments\/confirm\?token=3D[A-Za-z0-9_-]{43}|\/api\/comments\/confirm\?token=[A-Za-z0-9_-]{43}/,
    )
  }, 45_000)
})
