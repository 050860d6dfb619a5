/**
 * The HTTP cache of public reads (src/server/httpCache/, migrations 20261122_030000_http_cache
 * and 20261130_022119_http_cache_targets) over real HTTP: unchanged content is answered 304
 * (or from memory), and every kind of change a visitor could see — publish, update, delete, a
 * rating, a confirmed registration, a write by another process — is seen at the next request,
 * with a new ETag. Drafts and signed-in users never get a cached answer; CORS stays per request;
 * without change notifications nothing is served from memory.
 */
import type { Payload } from 'payload'

import { createLocalReq } from 'payload'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { RunningServer } from '../../src/server/startServer'
import type { JsonResponse } from '../helpers/http'

import { confirmTokenHashOf } from '../../plugins/event-registration/lib/tokens'
import { queueMail } from '../../plugins/shared/sendMailTask'
import { issueVisitorToken } from '../../plugins/shared/visitorToken'
import { startOfNextBerlinDay } from '../../src/events/berlinTime'
import { watchContentChanges } from '../../src/server/httpCache/contentChanges'
import { whileNotificationsAreCut } from '../helpers/changeNotifications'
import { login, requestJson } from '../helpers/http'
import { startTestServer } from '../helpers/server'

const MEMBER_SITE = 'https://www.essen.de'
const PASSWORD = 'Richtiges-Passwort-2026'
// The config reads CORS_ORIGINS when it is imported.
vi.hoisted(() => {
  process.env.CORS_ORIGINS = 'https://www.essen.de'
})

type Doc = {
  id: number
  seatsTaken?: number
  title?: string
  ratingSummary?: { raterCount?: number }
}
type ListBody = { docs?: Doc[]; totalDocs?: number }

let server: RunningServer
let payload: Payload
let adminToken: string
let fieldOfAction: number
let counter = 0

const get = <T = ListBody>(path: string, headers: Record<string, string> = {}) =>
  requestJson<T>(`${server.url}${path}`, { headers })

/** Reads `path` twice; the second, conditional read must be a 304 from memory. */
const etagOfUnchanged = async (path: string) => {
  const first = await get(path)
  expect(first.status).toBe(200)
  const etag = first.headers.get('etag')
  expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/)
  const second = await get(path, { 'If-None-Match': etag! })
  expect(second.status).toBe(304)
  expect(second.headers.get('x-cache')).toBe('hit')
  return etag!
}

/** After a change: the old ETag no longer matches; a 200 with the new content and a new ETag. */
const expectChanged = async <T>(path: string, oldEtag: string): Promise<JsonResponse<T>> => {
  const response = await get<T>(path, { 'If-None-Match': oldEtag })
  expect(response.status).toBe(200)
  expect(response.headers.get('etag')).toBeTruthy()
  expect(response.headers.get('etag')).not.toBe(oldEtag)
  return response
}

const createModule = async (overrides: Record<string, unknown> = {}) =>
  (
    await payload.create({
      collection: 'modules',
      data: {
        _status: 'published',
        fieldsOfAction: [fieldOfAction],
        title: `Cache-Modul ${++counter}`,
        ...overrides,
      } as never,
      draft: overrides._status === 'draft',
    })
  ).id

beforeAll(async () => {
  server = await startTestServer()
  payload = server.payload
  await payload.create({
    collection: 'users',
    data: { email: 'admin@cache.test', password: PASSWORD, role: 'admin' } as never,
  })
  adminToken = await login(server.url, 'admin@cache.test', PASSWORD)
  fieldOfAction = (
    await payload.create({
      collection: 'fields-of-action',
      data: { _status: 'published', order: 1, title: 'Wohnen' },
    })
  ).id
})

afterAll(async () => {
  await server?.stop()
})

describe('HTTP cache: unchanged content', () => {
  it('should answer a public list with an ETag and revalidating Cache-Control, then 304 for a matching If-None-Match', async () => {
    await createModule()
    const first = await get('/api/modules?limit=5')
    expect(first.status).toBe(200)
    expect(first.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate')
    expect(first.headers.get('vary')).toMatch(/Origin/)
    expect(first.headers.get('vary')).toMatch(/Accept-Language/)
    const etag = first.headers.get('etag')!
    const conditional = await get('/api/modules?limit=5', { 'If-None-Match': `"other", ${etag}` })
    expect(conditional.status).toBe(304)
    expect(conditional.headers.get('etag')).toBe(etag)
    expect(conditional.body).toEqual({})
  })

  it('should serve the same body from memory to the next visitor', async () => {
    await createModule()
    const first = await get('/api/modules?limit=7')
    const second = await get('/api/modules?limit=7')
    expect(second.headers.get('x-cache')).toBe('hit')
    expect(second.body).toEqual(first.body)
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'))
    expect(second.headers.get('content-type')).toBe(first.headers.get('content-type'))
  })

  it('should keep answers apart by language (rating summaries are worded in it)', async () => {
    const id = await createModule()
    const german = await get<Doc>(`/api/modules/${id}`, { 'Accept-Language': 'de-DE' })
    const english = await get<Doc>(`/api/modules/${id}`, { 'Accept-Language': 'en-US' })
    expect(english.headers.get('x-cache')).toBe('miss')
    expect((await get<Doc>(`/api/modules/${id}`, { 'Accept-Language': 'en-US' })).body).toEqual(
      english.body,
    )
    expect((await get<Doc>(`/api/modules/${id}`, { 'Accept-Language': 'de-DE' })).body).toEqual(
      german.body,
    )
  })
})

describe('HTTP cache: every change is seen at the next request', () => {
  it('should answer 200 with a new ETag after an update', async () => {
    const id = await createModule()
    const etag = await etagOfUnchanged(`/api/modules/${id}`)
    await payload.update({ collection: 'modules', data: { title: 'Neuer Titel' }, id })
    const changed = await expectChanged<Doc>(`/api/modules/${id}`, etag)
    expect(changed.body.title).toBe('Neuer Titel')
  })

  it('should show a document once it is published', async () => {
    const path = '/api/modules?limit=100&sort=-createdAt'
    const draft = await createModule({ _status: 'draft', title: 'Bald veröffentlicht' })
    const etag = await etagOfUnchanged(path)
    expect((await get(path)).body.docs?.map((doc) => doc.id)).not.toContain(draft)
    await payload.update({ collection: 'modules', data: { _status: 'published' }, id: draft })
    const changed = await expectChanged<ListBody>(path, etag)
    expect(changed.body.docs?.map((doc) => doc.id)).toContain(draft)
  })

  it('should drop a document once it is deleted', async () => {
    const id = await createModule()
    const path = '/api/modules?limit=100&sort=-createdAt&depth=0'
    const etag = await etagOfUnchanged(path)
    await etagOfUnchanged(`/api/modules/${id}`)
    await payload.delete({ collection: 'modules', id })
    const changed = await expectChanged<ListBody>(path, etag)
    expect(changed.body.docs?.map((doc) => doc.id)).not.toContain(id)
    const gone = await get(`/api/modules/${id}`)
    expect(gone.status).toBe(404)
    expect(gone.headers.get('etag')).toBeNull()
  })

  it('should show a new rating in the rating summary', async () => {
    const id = await createModule()
    const path = `/api/modules/${id}`
    const etag = await etagOfUnchanged(path)
    const before = (await get<Doc>(path)).body.ratingSummary?.raterCount ?? 0
    const rated = await requestJson(`${server.url}/api/modules/${id}/ratings`, {
      body: { values: { participation: 4 } },
      method: 'POST',
    })
    expect(rated.status).toBe(201)
    const changed = await expectChanged<Doc>(path, etag)
    expect(changed.body.ratingSummary?.raterCount).toBe(before + 1)
  })

  it('should show a confirmed registration in seatsTaken', async () => {
    const event = await payload.create({
      collection: 'events',
      data: {
        _status: 'published',
        capacity: 10,
        end: new Date(Date.now() + 30 * 86_400_000 + 7_200_000).toISOString(),
        format: 'on-site',
        kind: 'workshop',
        registrationOpen: true,
        start: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        title: 'Werkstatt mit Anmeldung',
      } as never,
    })
    const token = issueVisitorToken()
    await payload.create({
      collection: 'registrations',
      data: {
        confirmExpiresAt: new Date(Date.now() + 3_600_000).toISOString(),
        confirmTokenHash: confirmTokenHashOf(payload.secret, token),
        email: 'gast@cache.test',
        event: event.id,
        name: 'Gast',
        status: 'pending',
      } as never,
    })
    const path = `/api/events/${event.id}`
    const etag = await etagOfUnchanged(path)
    expect((await get<Doc>(path)).body.seatsTaken).toBe(0)
    const confirmed = await requestJson(`${server.url}/api/registrations/confirm?token=${token}`, {
      headers: { Accept: 'application/json' },
    })
    expect(confirmed.status).toBe(200)
    // A link with an effect is never cached.
    expect(confirmed.headers.get('x-cache')).toBeNull()
    expect(confirmed.headers.get('etag')).toBeNull()
    const changed = await expectChanged<Doc>(path, etag)
    expect(changed.body.seatsTaken).toBe(1)
  })

  it('should run Payload once for parallel requests of a changed URL and give every one the new content', async () => {
    const id = await createModule()
    const path = `/api/modules/${id}?depth=0`
    await etagOfUnchanged(path)
    await payload.update({ collection: 'modules', data: { title: 'Parallel gelesen' }, id })
    const responses = await Promise.all(Array.from({ length: 20 }, () => get<Doc>(path)))
    expect(responses.map((response) => [response.status, response.body.title])).toEqual(
      Array.from({ length: 20 }, () => [200, 'Parallel gelesen']),
    )
    expect(new Set(responses.map((response) => response.headers.get('etag'))).size).toBe(1)
    expect(responses.filter((response) => response.headers.get('x-cache') === 'miss')).toHaveLength(
      1,
    )
  })

  it('should see a change written by another process straight into the database', async () => {
    const id = await createModule()
    const path = `/api/modules/${id}?depth=0`
    const etag = await etagOfUnchanged(path)
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await client.connect()
    try {
      await client.query(`UPDATE modules SET title = 'Von außen geändert' WHERE id = $1`, [id])
    } finally {
      await client.end()
    }
    const changed = await expectChanged<Doc>(path, etag)
    expect(changed.body.title).toBe('Von außen geändert')
  })

  it('should not count a rolled-back write as a change, nor serve it', async () => {
    const id = await createModule({ title: 'Bleibt so' })
    const path = `/api/modules/${id}?depth=0`
    const etag = await etagOfUnchanged(path)
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await client.connect()
    try {
      await client.query('BEGIN')
      await client.query(`UPDATE modules SET title = 'Zurückgerollt' WHERE id = $1`, [id])
      // Uncommitted: the cached answer is still the truth.
      expect((await get(path, { 'If-None-Match': etag })).status).toBe(304)
      await client.query('ROLLBACK')
    } finally {
      await client.end()
    }
    expect((await get(path, { 'If-None-Match': etag })).status).toBe(304)
    expect((await get<Doc>(path)).body.title).toBe('Bleibt so')
  })

  it('should have every content table watched by the change trigger', async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await client.connect()
    try {
      const { rows } = await client.query<{ name: string }>(
        'SELECT qn_unwatched_content_tables() AS name',
      )
      expect(rows.map((row) => row.name)).toEqual([])
      const { rows: watched } = await client.query<{ name: string }>(
        `SELECT c.relname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname = 'qn_content_rows_update'`,
      )
      expect(watched.map((row) => row.name)).toEqual(
        expect.arrayContaining([
          'modules',
          'modules_rels',
          'events',
          'ratings',
          'rating_summaries',
          'registrations',
          'comments',
        ]),
      )
      // Bookkeeping that no public answer reads is not watched.
      expect(watched.map((row) => row.name)).not.toContain('mail_keys')
    } finally {
      await client.end()
    }
  })

  it("should not count the mail outbox's bookkeeping as a change", async () => {
    const id = await createModule({ title: 'Post unterwegs' })
    const path = `/api/modules/${id}?depth=0`
    const etag = await etagOfUnchanged(path)
    await queueMail({
      mail: {
        idempotencyKey: `cache-test:${id}`,
        subject: 'Test',
        text: 'Test',
        to: 'cache@cache.test',
      },
      req: await createLocalReq({}, payload),
    })
    await payload.jobs.run({ queue: 'mail' })
    expect((await get(path, { 'If-None-Match': etag })).status).toBe(304)
  })
})

describe('HTTP cache: never for drafts or signed-in users', () => {
  it('should never serve a draft to a visitor, nor cache a request with draft', async () => {
    const id = await createModule({ title: 'Veröffentlichter Titel' })
    const path = `/api/modules/${id}`
    await etagOfUnchanged(path)
    await payload.update({
      collection: 'modules',
      data: { _status: 'draft', title: 'Entwurfstitel' },
      draft: true,
      id,
    })
    // The admin reads the draft ...
    const asAdmin = await requestJson<Doc>(`${server.url}${path}?draft=true`, { token: adminToken })
    expect(asAdmin.body.title).toBe('Entwurfstitel')
    // ... visitors keep the published version, and draft=true is not cached.
    expect((await get<Doc>(path)).body.title).toBe('Veröffentlichter Titel')
    const withDraft = await get<Doc>(`${path}?draft=true`)
    expect(withDraft.body.title).toBe('Veröffentlichter Titel')
    expect(withDraft.headers.get('x-cache')).toBe('bypass')
    expect(withDraft.headers.get('etag')).toBeNull()
  })

  it('should never answer a signed-in user from the cache (token or cookie)', async () => {
    // A private e-mail address: the admin reads it, visitors never do.
    const person = await payload.create({
      collection: 'people',
      data: {
        _status: 'published',
        email: 'privat@cache.test',
        isContactPublic: false,
        name: 'Petra Privat',
      } as never,
    })
    const path = `/api/people/${person.id}`
    const etag = await etagOfUnchanged(path)
    expect(JSON.stringify((await get(path)).body)).not.toContain('privat@cache.test')
    // The cookie as the admin panel sends it (Payload accepts it from the same site only).
    const credentials: Record<string, string>[] = [
      { Authorization: `JWT ${adminToken}` },
      { Cookie: `payload-token=${adminToken}`, 'Sec-Fetch-Site': 'same-origin' },
    ]
    for (const headers of credentials) {
      const response = await get(path, { ...headers, 'If-None-Match': etag })
      expect(response.status).toBe(200)
      expect(response.headers.get('x-cache')).toBe('bypass')
      expect(response.headers.get('etag')).toBeNull()
      expect(JSON.stringify(response.body)).toContain('privat@cache.test')
    }
    // And what the admin saw was not kept for visitors.
    const visitor = await get(path)
    expect(visitor.headers.get('x-cache')).toBe('hit')
    expect(JSON.stringify(visitor.body)).not.toContain('privat@cache.test')
  })

  it('should not cache errors or custom endpoints, and answer bad input with a 4xx', async () => {
    const bad = await get('/api/modules?limit=abc')
    expect(bad.status).toBe(400)
    expect(bad.headers.get('etag')).toBeNull()
    expect((await get('/api/modules?limit=abc')).headers.get('x-cache')).toBe('miss')
    const finder = await get('/api/modules/ratings-finder')
    expect(finder.status).toBeLessThan(500)
    expect(finder.headers.get('x-cache')).toBeNull()
    expect(
      (await get('/api/modules?limit=1', { 'If-None-Match': '"unbekannt", W/"x", *' })).status,
    ).toBe(200)
  })
})

describe('HTTP cache: CORS', () => {
  it('should set the CORS headers of each request on 304s and answers from memory', async () => {
    await createModule()
    const path = '/api/modules?limit=3'
    const first = await get(path, { Origin: MEMBER_SITE })
    expect(first.headers.get('access-control-allow-origin')).toBe(MEMBER_SITE)
    const etag = first.headers.get('etag')!

    const hitMember = await get(path, { Origin: MEMBER_SITE })
    expect(hitMember.headers.get('x-cache')).toBe('hit')
    expect(hitMember.headers.get('access-control-allow-origin')).toBe(MEMBER_SITE)
    expect(hitMember.headers.get('access-control-allow-credentials')).toBe('true')

    const hitOther = await get(path, { Origin: 'https://evil.example' })
    expect(hitOther.headers.get('x-cache')).toBe('hit')
    expect(hitOther.headers.get('access-control-allow-origin')).toBeNull()

    const notModifiedMember = await get(path, { 'If-None-Match': etag, Origin: MEMBER_SITE })
    expect(notModifiedMember.status).toBe(304)
    expect(notModifiedMember.headers.get('access-control-allow-origin')).toBe(MEMBER_SITE)
    const notModifiedOther = await get(path, {
      'If-None-Match': etag,
      Origin: 'https://evil.example',
    })
    expect(notModifiedOther.status).toBe(304)
    expect(notModifiedOther.headers.get('access-control-allow-origin')).toBeNull()
  })
})

describe('HTTP cache: without change notifications', () => {
  it('should serve nothing from memory while the listening connection is down, and resume after it reconnects', async () => {
    const id = await createModule()
    const path = `/api/modules/${id}?depth=0`
    const etag = await etagOfUnchanged(path)
    // Changed while nobody listens: the notification is lost.
    await whileNotificationsAreCut((client) =>
      client.query(`UPDATE modules SET title = 'Während der Pause geändert' WHERE id = $1`, [id]),
    )
    const during = await get<Doc>(path, { 'If-None-Match': etag })
    expect(during.status).toBe(200)
    expect(during.body.title).toBe('Während der Pause geändert')
    // Back after the first retry (500 ms): answers come from memory again.
    await expect
      .poll(async () => (await get(path)).headers.get('x-cache'), {
        interval: 200,
        timeout: 10_000,
      })
      .toBe('hit')
  })
})

describe('HTTP cache: a new Berlin day', () => {
  it('should start a new generation when a Berlin day begins, with no write (deadlines pass at midnight)', async () => {
    // 23:59:30 in Berlin on 8 December 2026 (CET, UTC+1).
    let clock = new Date('2026-12-08T22:59:30.000Z')
    const changes = await watchContentChanges({
      bookkeepingTables: [],
      connectionString: process.env.DATABASE_URL,
      logger: payload.logger,
      now: () => clock,
    })
    try {
      const before = changes.generation()
      clock = new Date('2026-12-08T22:59:59.999Z')
      expect(changes.generation()).toBe(before)
      clock = new Date('2026-12-08T23:00:00.000Z')
      const next = changes.generation()
      expect(next).toBe(before + 1)
      clock = new Date('2026-12-09T12:00:00.000Z')
      expect(changes.generation()).toBe(next)
    } finally {
      await changes.stop()
    }
  })

  it('should find the next Berlin midnight across months, years and clock changes', () => {
    const next = (iso: string) => startOfNextBerlinDay(new Date(iso)).toISOString()
    expect(next('2026-12-31T12:00:00.000Z')).toBe('2026-12-31T23:00:00.000Z')
    expect(next('2026-12-31T23:30:00.000Z')).toBe('2027-01-01T23:00:00.000Z')
    // Summer time begins on 29 March 2026 and ends on 25 October 2026.
    expect(next('2026-03-28T12:00:00.000Z')).toBe('2026-03-28T23:00:00.000Z')
    expect(next('2026-03-29T12:00:00.000Z')).toBe('2026-03-29T22:00:00.000Z')
    expect(next('2026-10-25T12:00:00.000Z')).toBe('2026-10-25T23:00:00.000Z')
  })
})
