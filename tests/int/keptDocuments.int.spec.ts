/**
 * Lists made from kept documents (src/server/httpCache/keptDocuments.ts) over real HTTP, on the
 * demo content: a visitor's list the cache has not kept answers exactly what Payload's REST
 * route answers (compared byte for byte with the same list asked with `draft=false`, which the
 * cache leaves to Payload), takes the documents an earlier list read, and shows every change
 * at once: an edit, a rating, a renamed related document, an unpublished document, a change
 * made while the change notifications were down.
 */
import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningServer } from '../../src/server/startServer'

import { whileNotificationsAreCut } from '../helpers/changeNotifications'
import { requestJson } from '../helpers/http'
import { startTestServer } from '../helpers/server'

type Doc = {
  fieldsOfAction?: (number | { id: number; title?: string })[]
  id: number
  ratingSummary?: { raterCount?: number }
  title?: string
}
type ListBody = { docs: Doc[]; totalDocs: number }

let server: RunningServer
let payload: Payload
/** Makes each list URL new to the cache (an unknown parameter, ignored by Payload). */
let visit = 0

type Read = {
  body: string
  cache: null | string
  keptDocuments: null | string
  status: number
  type: null | string
}

const read = async (path: string, headers: Record<string, string> = {}): Promise<Read> => {
  const response = await fetch(`${server.url}${path}`, {
    headers: { 'Accept-Language': 'de-DE', ...headers },
  })
  const timing = response.headers.get('server-timing') ?? ''
  return {
    body: await response.text(),
    cache: response.headers.get('x-cache'),
    keptDocuments: /kept-documents;desc="(\d+\/\d+)"/.exec(timing)?.[1] ?? null,
    status: response.status,
    type: response.headers.get('content-type'),
  }
}

/** The path once more, new to the cache. */
const fresh = (path: string) => `${path}${path.includes('?') ? '&' : '?'}visit=${++visit}`

/** Payload's own answer for a visitor: `draft` makes the cache leave the request alone. */
const payloadsAnswer = (path: string, headers: Record<string, string> = {}) =>
  read(`${fresh(path)}&draft=false`, headers)

const list = async (path: string) => JSON.parse((await read(fresh(path))).body) as ListBody

beforeAll(async () => {
  server = await startTestServer()
  payload = server.payload
  const { seed } = await import('../../src/seed')
  await seed({ payload })
})

afterAll(async () => {
  await server?.stop()
})

describe('lists made from kept documents', () => {
  const paths = [
    '/api/modules?limit=20&where[_status][equals]=published&depth=1',
    '/api/modules?limit=5&page=2&depth=0&sort=-title',
    '/api/modules?where[title][like]=Zukunft&depth=2',
    '/api/projects?limit=10&depth=1',
    '/api/projects?limit=3&depth=2&sort=title',
    '/api/events?limit=30&sort=start&depth=1',
    `/api/events?where[start][greater_than]=${encodeURIComponent('2020-01-01T00:00:00.000Z')}&limit=5`,
    '/api/municipalities?limit=50',
    '/api/fields-of-action',
    '/api/target-groups?limit=100&depth=0',
    '/api/programmes?depth=1',
    '/api/program-areas?depth=1&limit=5',
    '/api/publications?depth=1',
    '/api/people?depth=1',
    '/api/organisations?depth=1',
    '/api/event-series?depth=1',
  ]

  it('should answer every list exactly as Payload does, first reading the documents, then from the kept ones', async () => {
    for (const path of paths) {
      const expected = await payloadsAnswer(path)
      expect(expected.status, path).toBe(200)
      const first = await read(fresh(path))
      expect({ path, status: first.status, type: first.type }).toEqual({
        path,
        status: 200,
        type: expected.type,
      })
      expect(first.body, path).toBe(expected.body)
      expect(first.keptDocuments, path).toMatch(/^\d+\/\d+$/)
      const again = await read(fresh(path))
      expect(again.body, path).toBe(expected.body)
      const total = (JSON.parse(expected.body) as ListBody).docs.length
      expect(again.keptDocuments, path).toBe(`${total}/${total}`)
    }
  })

  it('should keep documents apart by language (rating summaries are worded in it)', async () => {
    const path = '/api/modules?limit=10&depth=0'
    await read(fresh(path))
    const english = await read(fresh(path), { 'Accept-Language': 'en' })
    expect(english.body).toBe((await payloadsAnswer(path, { 'Accept-Language': 'en' })).body)
    expect(english.body).not.toBe((await read(fresh(path))).body)
  })

  it('should show an edit, a rating, a renamed related document and an unpublished document in the next new list', async () => {
    const path = '/api/modules?limit=100&depth=1&sort=title'
    // At depth 0 a module's JSON shows no other module: only the renamed one is read again.
    const flat = '/api/modules?limit=100&depth=0&sort=title'
    const before = await list(path)
    const [module, other] = before.docs
    expect(module && other).toBeTruthy()
    await read(fresh(flat))
    const total = before.docs.length
    expect((await read(fresh(flat))).keptDocuments).toBe(`${total}/${total}`)

    await payload.update({
      collection: 'modules',
      data: { title: 'Aaa umbenannt' },
      id: module!.id,
    })
    const renamed = await read(fresh(path))
    expect(renamed.body).toBe((await payloadsAnswer(path)).body)
    expect((JSON.parse(renamed.body) as ListBody).docs[0]!.title).toBe('Aaa umbenannt')
    expect((await read(fresh(flat))).keptDocuments).toBe(`${total - 1}/${total}`)

    // A list made from kept documents and kept itself is dropped by a rating of one of them.
    const primed = fresh(path)
    expect((await read(primed)).cache).toBe('miss')
    expect((await read(primed)).cache).toBe('hit')
    const rated = await requestJson(`${server.url}/api/modules/${other!.id}/ratings`, {
      body: { values: { participation: 5 } },
      method: 'POST',
    })
    expect(rated.status).toBe(201)
    expect((await read(primed)).cache).toBe('miss')
    const afterRating = (await list(path)).docs.find((doc) => doc.id === other!.id)
    expect(afterRating?.ratingSummary?.raterCount).toBe((other!.ratingSummary?.raterCount ?? 0) + 1)

    const related = module!.fieldsOfAction?.find((value) => typeof value === 'object')
    expect(related).toBeTruthy()
    const relatedId = (related as { id: number }).id
    await payload.update({
      collection: 'fields-of-action',
      data: { title: 'Umbenanntes Handlungsfeld' },
      id: relatedId,
    })
    const withRelated = await read(fresh(path))
    expect(withRelated.body).toBe((await payloadsAnswer(path)).body)
    expect(withRelated.body).toContain('Umbenanntes Handlungsfeld')

    await payload.update({
      collection: 'modules',
      data: { _status: 'draft' },
      draft: false,
      id: other!.id,
    })
    const withoutOther = await list(path)
    expect(withoutOther.docs.map((doc) => doc.id)).not.toContain(other!.id)
    expect(withoutOther.totalDocs).toBe(before.totalDocs - 1)
  })

  it('should leave select, populate and draft lists and refused filters to Payload', async () => {
    for (const path of [
      '/api/modules?select[title]=true&limit=5',
      '/api/projects?populate[municipalities][name]=true&depth=1&limit=5',
    ]) {
      const answer = await read(fresh(path))
      expect(answer.status, path).toBe(200)
      expect(answer.keptDocuments, path).toBeNull()
      expect(answer.body, path).toBe((await payloadsAnswer(path)).body)
    }
    for (const path of [
      '/api/events?where[capacity][equals]=abc',
      '/api/modules?where[unbekannt][equals]=1',
      '/api/modules?sort=unbekannt&limit=abc',
    ]) {
      const answer = await read(fresh(path))
      const expected = await payloadsAnswer(path)
      expect({ path, status: answer.status }).toEqual({ path, status: expected.status })
      expect(answer.status, path).toBeGreaterThanOrEqual(400)
      expect(answer.status, path).toBeLessThan(500)
      expect(answer.body, path).toBe(expected.body)
    }
  })

  it('should use no kept document while the change notifications are down, and show what changed meanwhile', async () => {
    const path = '/api/projects?limit=5&depth=0&sort=title'
    const [first] = (await list(path)).docs
    // Changed while nobody listens: the notification is lost.
    await whileNotificationsAreCut((client) =>
      client.query(`UPDATE projects SET title = 'Aaa während der Pause' WHERE id = $1`, [
        first!.id,
      ]),
    )
    const during = await list(path)
    expect(during.docs.find((doc) => doc.id === first!.id)?.title).toBe('Aaa während der Pause')
    // Back after the first retry: lists are made from kept documents again, with the change.
    await expect
      .poll(async () => (await read(fresh(path))).keptDocuments, { interval: 200, timeout: 10_000 })
      .toBe('5/5')
    expect((await list(path)).docs[0]!.title).toBe('Aaa während der Pause')
  })
})
