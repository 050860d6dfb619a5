/**
 * Data-subject requests (DSGVO Art. 15, 17, 20) through the endpoints of the admin view
 * "Datenschutzanfragen" (src/admin/privacy/), across every plugin that declared what it holds
 * (`@quartiersnetz/plugin-kit/privacy`): comments, event registrations with answers, the mail
 * outbox, and the ratings that hold nothing. After an erasure nothing of the address is left in
 * any text column of any table, not even its keyed hash; the log keeps who, when and how many.
 */
import type { Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { RunningServer } from '../../src/server/startServer'

import { ERASED_COMMENT } from '../../plugins/comments'
import { emailHashOf } from '../../plugins/comments/endpoints/submit'
import { PLUGIN_WRITE } from '../../plugins/comments/lib/context'
import {
  createComment,
  createEvent,
  createModule,
  createMunicipality,
  createOpenEvent,
  inDays,
  postComment,
  rateModule,
  registerForEvent,
} from '../helpers/fixtures'
import { requestJson } from '../helpers/http'
import { deliverMails } from '../helpers/mails'
import { startTestServer } from '../helpers/server'
import { createSignedInUsers } from '../helpers/users'

const smtp = await vi.hoisted(async () => {
  const { startSmtpReceiver } = await import('../helpers/smtp')
  process.env.COMMENTS_MIN_SUBMIT_SECONDS = '1'
  process.env.COMMENTS_RATE_LIMIT_MAX = '0'
  process.env.EVENT_REGISTRATION_RATE_LIMIT_MAX = '0'
  return startSmtpReceiver()
})

type Found = {
  address?: string
  errors?: { message: string }[]
  sources?: {
    key: string
    label: string
    note: null | string
    records: { erasure: string; id: number; summary: string; values: Record<string, unknown> }[]
  }[]
  total?: number
}
type Erased = {
  anonymised?: number
  deleted?: number
  errors?: { message: string }[]
  sources?: { anonymised: number; deleted: number; key: string }[]
}

let server: RunningServer
let payload: Payload
let tokens: Record<'admin' | 'editor' | 'municipalityEditor', string>
let counter = 0

beforeAll(async () => {
  process.env.AUTH_RATE_LIMIT_MAX = '1000'
  server = await startTestServer()
  payload = server.payload
  const city = await createMunicipality(payload, { name: 'Datenschutzstadt' })
  ;({ tokens } = await createSignedInUsers(payload, {
    serverUrl: server.url,
    users: {
      admin: { email: 'admin@privacy.test', role: 'admin' },
      editor: { email: 'redaktion@privacy.test', role: 'editor' },
      municipalityEditor: {
        email: 'kommune@privacy.test',
        municipality: city.id,
        role: 'municipality-editor',
      },
    },
  }))
})

afterAll(async () => {
  await server?.stop()
  await smtp.stop()
})

const endpoint = (action: 'erase' | 'export' | 'lookup') =>
  `${server.url}/api/privacy-requests/${action}`

const lookup = (email: string, token = tokens.editor) =>
  requestJson<Found>(endpoint('lookup'), { body: { email }, method: 'POST', token })

const erase = (email: string, confirmation: string, token = tokens.editor) =>
  requestJson<Erased>(endpoint('erase'), {
    body: { confirmation, email },
    method: 'POST',
    token,
  })

/** Every text, varchar and jsonb column of every table whose text contains one of `needles`. */
const columnsContaining = async (needles: string[]): Promise<string[]> => {
  const { rows: columns } = await payload.db.drizzle.execute(sql`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = 'public'
      AND data_type IN ('text', 'character varying', 'character', 'jsonb', 'json')`)
  const found: string[] = []
  for (const { column_name: column, table_name: table } of columns as {
    column_name: string
    table_name: string
  }[]) {
    for (const needle of needles) {
      const { rows } = await payload.db.drizzle.execute(sql`
        SELECT count(*)::int AS n FROM ${sql.identifier(table)}
        WHERE lower(${sql.identifier(column)}::text) LIKE ${`%${needle.toLowerCase()}%`}`)
      if (Number(rows[0]?.n) > 0) {
        found.push(`${table}.${column} ~ ${needle}`)
      }
    }
  }
  return found
}

/** A person with everything the plugins can hold about them, and others around them. */
const personWithEverything = async () => {
  const n = ++counter
  const address = `Erika.Muster-${n}@Privacy.Test`
  const normalised = address.toLowerCase()
  const module = await createModule(payload, { title: `Modul der Auskunft ${n}` })
  // A comment others replied to (stays as the thread's anchor), one without replies, and a
  // reply of hers to somebody else's comment.
  const anchored = await createComment(payload, {
    authorName: 'Erika',
    email: address,
    emailHash: emailHashOf(payload.secret, address),
    targetId: String(module.id),
    text: 'Mein Kommentar mit Antworten',
  })
  await createComment(payload, {
    authorName: 'Jemand anderes',
    email: `andere-${n}@privacy.test`,
    parent: anchored.id,
    targetId: String(module.id),
    text: 'Eine Antwort von jemand anderem',
  })
  const alone = await createComment(payload, {
    authorName: 'Erika',
    email: normalised,
    targetId: String(module.id),
    text: 'Mein Kommentar ohne Antworten',
  })
  await payload.create({
    collection: 'comment-reports',
    context: { [PLUGIN_WRITE]: true },
    data: { clientHash: `report-of-${n}`, comment: alone.id },
    overrideAccess: true,
  })
  const other = await createComment(payload, {
    authorName: 'Max',
    email: `max-${n}@privacy.test`,
    targetId: String(module.id),
    text: 'Kommentar von Max',
  })
  await createComment(payload, {
    authorName: 'Erika',
    email: address,
    parent: other.id,
    targetId: String(module.id),
    text: 'Meine Antwort an Max',
  })
  // An unconfirmed comment through the public API: its confirmation mail waits in the outbox.
  const posted = await postComment({
    body: { authorName: 'Erika M.', email: address, targetId: module.id, text: 'Noch offen' },
    payload,
    serverUrl: server.url,
  })
  expect(posted.status).toBe(202)
  // A rating (anonymous: nothing to find by address).
  await rateModule({ moduleId: module.id, serverUrl: server.url, values: { complexity: 2 } })

  // Registrations: unconfirmed for an event ahead (with answers), a confirmed seat of an event
  // that has begun (the count must stay), a confirmed seat of an event ahead with somebody on
  // the waiting list (the seat is freed and passed on).
  const ahead = await createOpenEvent(payload, {
    customQuestions: [{ key: 'organisation', label: 'Organisation', type: 'text' }],
    title: `Werkstatt ${n}`,
  })
  const registered = await registerForEvent({
    body: { answers: { organisation: 'Quartiersbüro Nord' }, email: address, name: 'Erika' },
    eventId: ahead.id,
    serverUrl: server.url,
  })
  expect(registered.status).toBe(202)
  const begun = await createEvent(payload, {
    capacity: 10,
    end: inDays(0, 2),
    start: inDays(0, -1),
    title: `Laufende Konferenz ${n}`,
  })
  const full = await createOpenEvent(payload, { capacity: 1, title: `Volle Werkstatt ${n}` })
  for (const [event, email, status] of [
    [begun, normalised, 'confirmed'],
    [full, normalised, 'confirmed'],
    [full, `warteliste-${n}@privacy.test`, 'waitlisted'],
  ] as const) {
    await payload.create({
      collection: 'registrations',
      data: {
        answers: { organisation: 'Quartiersbüro Nord' },
        consent: { givenAt: new Date().toISOString(), version: 'test' },
        email,
        event: event.id,
        name: email === normalised ? 'Erika' : 'Wartende Person',
        status,
      },
      overrideAccess: true,
    })
  }
  // One mail that went out already (its job is kept with the address until the retention job).
  await deliverMails({ payload, smtp })
  smtp.received.length = 0
  await postComment({
    body: { authorName: 'Erika', email: address, targetId: module.id, text: 'Noch einer' },
    payload,
    serverUrl: server.url,
  })
  return { address, anchored, begun, full, module, normalised }
}

describe('the privacy requests endpoints', () => {
  it('should refuse visitors, municipality editors and malformed requests, in German', async () => {
    const anonymous = await requestJson<Found>(endpoint('lookup'), {
      body: { email: 'x@privacy.test' },
      method: 'POST',
    })
    expect(anonymous.status).toBe(401)
    const municipality = await lookup('x@privacy.test', tokens.municipalityEditor)
    expect(municipality.status).toBe(403)
    expect(municipality.body.errors?.[0]?.message).toContain('Koordinierungsstelle')
    const invalid = await lookup('keine-adresse')
    expect(invalid.status).toBe(400)
    expect(invalid.body.errors?.[0]?.message).toContain('vollständige E-Mail-Adresse')
    const notJson = await fetch(endpoint('lookup'), {
      body: 'email=x@privacy.test',
      headers: {
        Authorization: `JWT ${tokens.editor}`,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      method: 'POST',
    })
    expect(notJson.status).toBe(415)
    const { totalDocs } = await payload.count({ collection: 'privacy-requests' })
    expect(totalDocs).toBe(0)
  })

  it('should show everything stored for an address across all plugins, whatever its case', async () => {
    const { address } = await personWithEverything()
    const { body, status } = await lookup(address.toUpperCase())
    expect(status).toBe(200)
    const byKey = Object.fromEntries(body.sources!.map((source) => [source.key, source]))
    expect(byKey.comments?.records).toHaveLength(5)
    expect(byKey.comments?.records.filter((record) => record.erasure === 'anonymise')).toHaveLength(
      1,
    )
    expect(byKey.comments?.records[0]?.summary).toMatch(
      /^Kommentar vom .* zu „Modul der Auskunft \d+“ als „Erika“: „Mein Kommentar mit Antworten“ \(freigegeben\)$/,
    )
    expect(byKey.registrations?.records).toHaveLength(3)
    expect(
      byKey.registrations?.records.find((record) => record.erasure === 'anonymise')?.summary,
    ).toMatch(/Laufende Konferenz .*Status: Bestätigt/)
    expect(byKey.registrations?.records[0]?.values.answers).toEqual({
      organisation: 'Quartiersbüro Nord',
    })
    expect(byKey.ratings?.records).toEqual([])
    expect(byKey.ratings?.note).toContain('anonym')
    // Sent mails' jobs are gone (Payload deletes completed jobs); the last confirmation waits.
    expect(byKey['mail-outbox']?.records.map((record) => record.summary)).toEqual([
      expect.stringMatching(/^E-Mail „.*“ vom .* \(wartet auf Versand\)$/),
    ])
    // Hashes say nothing to anybody: never shown or exported.
    expect(JSON.stringify(body)).not.toMatch(/Hash"/)
    expect(body.total).toBe(body.sources!.reduce((sum, source) => sum + source.records.length, 0))
  })

  it('should export the same as a JSON file with a readable summary', async () => {
    const { address } = await personWithEverything()
    const response = await fetch(endpoint('export'), {
      body: JSON.stringify({ email: address }),
      headers: {
        'Accept-Language': 'de-DE',
        Authorization: `JWT ${tokens.editor}`,
        'Content-Type': 'application/json',
      },
      method: 'POST',
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="datenauskunft-\d{4}-\d{2}-\d{2}\.json"$/,
    )
    const file = (await response.json()) as {
      address: string
      sources: { key: string; records: { summary: string; values: object }[] }[]
      summary: string[]
      total: number
    }
    expect(file.address).toBe(address.toLowerCase())
    expect(file.summary[0]).toContain(
      `Gespeicherte Daten zur E-Mail-Adresse ${address.toLowerCase()}`,
    )
    expect(file.summary).toContain('Kommentare: 5 Einträge')
    expect(file.summary.some((line) => line.includes('Bewertungen sind anonym'))).toBe(true)
    expect(file.sources.map((source) => source.key)).toEqual([
      'comments',
      'registrations',
      'ratings',
      'mail-outbox',
    ])
  })

  it('should erase nothing without the address typed again', async () => {
    const { address } = await personWithEverything()
    const before = (await lookup(address)).body.total
    const refused = await erase(address, 'jemand@anderes.test')
    expect(refused.status).toBe(400)
    expect(refused.body.errors?.[0]?.message).toContain('Es wurde nichts gelöscht')
    expect((await lookup(address)).body.total).toBe(before)
  })

  it('should leave nothing of the address anywhere in the database after an erasure', async () => {
    const { address, anchored, begun, full, module, normalised } = await personWithEverything()
    const hash = emailHashOf(payload.secret, normalised)
    expect(await columnsContaining([normalised, hash])).not.toEqual([])

    const { body, status } = await erase(address, ` ${address.toUpperCase()} `)
    expect(status).toBe(200)
    // Comments: one anonymised (replies by others), four deleted; registrations: the seat of the
    // begun event anonymised, two deleted.
    expect(body.sources?.find((source) => source.key === 'comments')).toMatchObject({
      anonymised: 1,
      deleted: 4,
    })
    expect(body.sources?.find((source) => source.key === 'registrations')).toMatchObject({
      anonymised: 1,
      deleted: 2,
    })
    expect(await columnsContaining([normalised, hash])).toEqual([])
    expect((await lookup(address)).body.total).toBe(0)

    // The thread stays, without her; the begun event still counts her seat; the freed seat of
    // the full event went to the waiting list.
    const thread = await requestJson<{
      comments: { authorName: string; replies: unknown[]; text: string }[]
    }>(`${server.url}/api/comments/thread?target=modules/${module.id}`)
    const stayed = thread.body.comments.find((comment) => comment.authorName === 'Anonym')
    expect(stayed).toMatchObject({ text: ERASED_COMMENT.text })
    expect(stayed?.replies).toHaveLength(1)
    const anonymised = await payload.findByID({ collection: 'comments', id: anchored.id })
    expect(anonymised).toMatchObject({ consent: { version: null }, email: null })
    const registrations = await payload.find({
      collection: 'registrations',
      where: { event: { in: [begun.id, full.id] } },
    })
    expect(
      registrations.docs.map(({ email, event, name, status }) => ({
        email,
        event: typeof event === 'object' ? event?.id : event,
        name,
        status,
      })),
    ).toEqual(
      expect.arrayContaining([
        { email: null, event: begun.id, name: null, status: 'confirmed' },
        {
          email: expect.stringMatching(/^warteliste-/),
          event: full.id,
          name: 'Wartende Person',
          status: 'confirmed',
        },
      ]),
    )
    expect(registrations.docs).toHaveLength(2)
  })

  it('should log who did what with how many records, and let nobody change the log', async () => {
    const { address } = await personWithEverything()
    await lookup(address)
    await erase(address, address, tokens.admin)
    const { docs } = await payload.find({
      collection: 'privacy-requests',
      depth: 0,
      limit: 2,
      sort: '-createdAt',
    })
    expect(docs.map(({ action }) => action)).toEqual(['erase', 'lookup'])
    expect(docs[0]?.recordCount).toBe(9)
    expect(docs[0]?.counts).toEqual(
      expect.arrayContaining([{ anonymised: 1, deleted: 4, key: 'comments' }]),
    )
    expect(JSON.stringify(docs)).not.toContain(address.toLowerCase())
    const created = await requestJson(`${server.url}/api/privacy-requests`, {
      body: { action: 'erase' },
      method: 'POST',
      token: tokens.admin,
    })
    expect(created.status).toBe(403)
    const changed = await requestJson(`${server.url}/api/privacy-requests/${docs[0]!.id}`, {
      body: { recordCount: 0 },
      method: 'PATCH',
      token: tokens.admin,
    })
    expect(changed.status).toBe(403)
    const read = await requestJson<{ docs?: unknown[] }>(`${server.url}/api/privacy-requests`, {
      token: tokens.municipalityEditor,
    })
    expect(read.status).toBe(403)
  })
})
