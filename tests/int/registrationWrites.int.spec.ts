/**
 * The registration write paths with few statements (plugins/event-registration/lib/
 * registrationRows.ts) keep what the Local API kept: real parallel HTTP requests against the
 * production build on a real PostgreSQL. A burst of registrations for a few seats, confirmed in
 * parallel, ends with exactly the seats confirmed, the waiting list in registration order and
 * one mail per registration and purpose; the same address sent at once registers once; the
 * stored row has what the mails and the links need.
 */
import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { RunningServer } from '../../src/server/startServer'

import { withClient } from '../helpers/cluster'
import { createOpenEvent, registerForEvent } from '../helpers/fixtures'
import { requestJson } from '../helpers/http'
import { startTestServer } from '../helpers/server'

vi.hoisted(() => {
  // Every registration here comes from one address; the limit has its own test.
  process.env.EVENT_REGISTRATION_RATE_LIMIT_MAX = '0'
  // The queued mails are counted, not sent.
  process.env.JOBS_AUTORUN = 'false'
})

type RegisterBody = { errors?: { message: string }[]; registration?: { id: number } }
type LinkBody = {
  errors?: { message: string }[]
  position?: number
  registration?: { id: number; status: string }
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

const createEvent = async (data: Record<string, unknown>) =>
  (
    await createOpenEvent(payload, {
      _status: 'published',
      format: 'on-site',
      title: `Schreibpfad ${++counter}`,
      ...data,
    })
  ).id

/** The confirmation token of each registration of the event, from its queued mail. */
const confirmTokensOf = async (eventId: number) => {
  const rows = await query<{ id: number; input: string }>(
    `SELECT r.id, j.input::text AS input FROM registrations r
     JOIN mail_keys k ON k.key = 'registration:' || r.id || ':confirm-request'
     JOIN payload_jobs j ON j.input->>'idempotencyKey' = k.key
     WHERE r.event_id = $1`,
    [eventId],
  )
  return new Map(
    rows.map(({ id, input }) => [
      id,
      /\/registrations\/confirm\?token=([A-Za-z0-9_-]{43})/.exec(input)![1]!,
    ]),
  )
}

const confirm = (token: string) =>
  requestJson<LinkBody>(`${server.url}/api/registrations/confirm?token=${token}`, {
    headers: { Accept: 'application/json' },
    method: 'POST',
  })

describe('registration writes: exact under concurrency', () => {
  it('should confirm exactly the seats of a parallel burst and keep the waiting list in registration order', async () => {
    const seats = 5
    const people = 40
    const eventId = await createEvent({ capacity: seats, hasWaitingList: true })
    const registered = await Promise.all(
      Array.from({ length: people }, (_, index) =>
        registerForEvent<RegisterBody>({
          body: { email: `burst-${index}@writes.test`, name: `Gast ${index}` },
          eventId,
          serverUrl: server.url,
        }),
      ),
    )
    expect(registered.map((response) => response.status)).toEqual(Array(people).fill(202))

    const tokens = await confirmTokensOf(eventId)
    expect(tokens.size).toBe(people)
    const confirmed = await Promise.all([...tokens.values()].map(confirm))
    expect(confirmed.map((response) => response.status)).toEqual(Array(people).fill(200))

    const rows = await query<{ confirmed_at: Date | null; id: number; status: string }>(
      `SELECT id, status::text AS status, confirmed_at FROM registrations WHERE event_id = $1 ORDER BY created_at, id`,
      [eventId],
    )
    expect(rows.filter((row) => row.status === 'confirmed')).toHaveLength(seats)
    expect(rows.filter((row) => row.status === 'confirmed' && !row.confirmed_at)).toHaveLength(0)
    expect(rows.filter((row) => row.status === 'waitlisted')).toHaveLength(people - seats)

    // Each waitlisted person was told a place; the places are 1…n in registration order.
    const positions = new Map(
      confirmed
        .filter((response) => response.body.registration?.status === 'waitlisted')
        .map((response) => [response.body.registration!.id, response.body.position]),
    )
    const waiting = rows.filter((row) => row.status === 'waitlisted')
    // A place told at confirmation counts those waiting then; later confirmations of earlier
    // registrants move it back, never forward past a later registrant.
    for (const [index, row] of waiting.entries()) {
      expect(positions.get(row.id)).toBeLessThanOrEqual(index + 1)
    }
    const places = await Promise.all(
      [...tokens.entries()]
        .filter(([id]) => waiting.some((row) => row.id === id))
        .map(async ([id, token]) => [id, (await confirm(token)).body.position] as const),
    )
    const placeOf = new Map(places)
    expect(waiting.map((row) => placeOf.get(row.id))).toEqual(
      Array.from({ length: waiting.length }, (_, index) => index + 1),
    )

    const counts = await requestJson<{ seatsTaken?: number; waitingCount?: number }>(
      `${server.url}/api/events/${eventId}`,
    )
    expect(counts.body).toMatchObject({ seatsTaken: seats, waitingCount: people - seats })
  }, 120_000)

  it('should queue exactly one mail per registration and purpose, also when links are clicked twice at once', async () => {
    const eventId = await createEvent({ capacity: 2, hasWaitingList: true })
    for (let index = 0; index < 4; index++) {
      const response = await registerForEvent({
        body: { email: `mail-${index}@writes.test`, name: `Mail ${index}` },
        eventId,
        serverUrl: server.url,
      })
      expect(response.status).toBe(202)
    }
    const tokens = [...(await confirmTokensOf(eventId)).values()]
    const clicks = await Promise.all([...tokens, ...tokens].map(confirm))
    expect(clicks.every((response) => response.status === 200)).toBe(true)

    const keys = await query<{ key: string; n: number }>(
      `SELECT k.key, count(j.id)::int AS n FROM mail_keys k
       JOIN registrations r ON k.key LIKE 'registration:' || r.id || ':%'
       LEFT JOIN payload_jobs j ON j.input->>'idempotencyKey' = k.key
       WHERE r.event_id = $1 GROUP BY k.key ORDER BY k.key`,
      [eventId],
    )
    const purposes = keys.map(({ key }) => key.split(':')[2]).sort()
    expect(purposes).toEqual([
      'confirm-request',
      'confirm-request',
      'confirm-request',
      'confirm-request',
      'confirmed',
      'confirmed',
      'waitlisted',
      'waitlisted',
    ])
    expect(keys.every(({ n }) => n === 1)).toBe(true)
  })

  it('should register an address sent several times at once only once', async () => {
    const eventId = await createEvent({ capacity: 10 })
    const responses = await Promise.all(
      Array.from({ length: 8 }, () =>
        registerForEvent<RegisterBody>({
          body: { email: 'Doppelt@Writes.test', name: 'Doppelt' },
          eventId,
          serverUrl: server.url,
          headers: { 'Accept-Language': 'de-DE' },
        }),
      ),
    )
    // Each answered as a registration (no one learns whether an address is registered).
    expect(responses.map((response) => response.status)).toEqual(Array(8).fill(202))
    const rows = await query(`SELECT id FROM registrations WHERE event_id = $1`, [eventId])
    expect(rows).toHaveLength(1)
  })

  it('should store what the mails and links need, and nothing for a refused registration', async () => {
    const eventId = await createEvent({
      capacity: 3,
      customQuestions: [
        { key: 'organisation', label: 'Organisation', required: true, type: 'text' },
      ],
    })
    const refused = await registerForEvent<RegisterBody>({
      body: { email: 'ohne-antwort@writes.test', name: 'Ohne Antwort' },
      eventId,
      serverUrl: server.url,
    })
    expect(refused.status).toBe(400)
    const response = await registerForEvent<RegisterBody>({
      body: {
        answers: { organisation: '  Stadt Hamm ', unknown: 'nicht gefragt' },
        email: 'Gross@Writes.test',
        name: '  Greta Groß ',
      },
      eventId,
      headers: { 'Accept-Language': 'en' },
      serverUrl: server.url,
    })
    expect(response.status).toBe(202)
    const [row] = await query<Record<string, unknown>>(
      `SELECT * FROM registrations WHERE event_id = $1`,
      [eventId],
    )
    expect(row).toMatchObject({
      answers: { organisation: 'Stadt Hamm' },
      attended: false,
      email: 'gross@writes.test',
      language: 'en',
      name: 'Greta Groß',
      status: 'pending',
    })
    expect(row!.cancel_token_hash).toMatch(/^[0-9a-f]{64}$/)
    expect(row!.confirm_token_hash).toMatch(/^[0-9a-f]{64}$/)
    expect(row!.consent_version).toBeTruthy()
    expect(row!.consent_given_at).toBeInstanceOf(Date)
    expect((row!.confirm_expires_at as Date).getTime()).toBeGreaterThan(Date.now())
    // The Local API reads the row as it reads any other.
    const read = await payload.findByID({
      collection: 'registrations',
      depth: 0,
      id: row!.id as number,
    })
    expect(read).toMatchObject({ email: 'gross@writes.test', event: eventId, status: 'pending' })
  })
})
