/**
 * GraphQL reads through the HTTP cache (src/server/httpCache/graphql.ts) over real HTTP:
 * `GET /api/graphql?query=…` like a REST read (ETag, 304, from memory), POSTs with the same
 * normalised body from memory, both dropped by a change to what they contain; mutations and
 * signed-in requests never cached; a malformed GET refused with a German 400.
 */
import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningServer } from '../../src/server/startServer'

import { idsOfWrittenAnswer } from '../../src/server/httpCache/graphql'
import { login, requestJson } from '../helpers/http'
import { startTestServer } from '../helpers/server'

type ModuleData = { id: number; title: string }
type GraphqlBody = {
  data?: { Module?: ModuleData; Modules?: { docs: ModuleData[] } }
  errors?: { message: string }[]
}

const PASSWORD = 'Richtiges-Passwort-2026'
const LIST_QUERY = '{ Modules(limit: 100, sort: "-createdAt") { docs { id title } totalDocs } }'

let server: RunningServer
let payload: Payload
let adminToken: string
let counter = 0

const getQuery = (
  query: string,
  { headers = {}, variables }: { headers?: Record<string, string>; variables?: unknown } = {},
) =>
  requestJson<GraphqlBody>(
    `${server.url}/api/graphql?${new URLSearchParams({
      query,
      ...(variables === undefined ? {} : { variables: JSON.stringify(variables) }),
    }).toString()}`,
    { headers },
  )

const postQuery = (body: Record<string, unknown>, { token }: { token?: string } = {}) =>
  requestJson<GraphqlBody>(`${server.url}/api/graphql`, { body, method: 'POST', token })

const createModule = async (title: string) =>
  (
    await payload.create({
      collection: 'modules',
      data: { _status: 'published', title: `${title} ${++counter}` } as never,
    })
  ).id

beforeAll(async () => {
  server = await startTestServer()
  payload = server.payload
  await payload.create({
    collection: 'users',
    data: { email: 'admin@graphql-cache.test', password: PASSWORD, role: 'admin' } as never,
  })
  adminToken = await login(server.url, 'admin@graphql-cache.test', PASSWORD)
})

afterAll(async () => {
  await server?.stop()
})

describe('GraphQL cache: GET', () => {
  it('should answer a repeated GET query from memory with the answer Payload gave, an ETag and a 304', async () => {
    const id = await createModule('GET-Modul')
    const first = await getQuery(LIST_QUERY)
    expect(first.status).toBe(200)
    expect(first.headers.get('x-cache')).toBe('miss')
    expect(first.body.data?.Modules?.docs.map((doc) => doc.id)).toContain(id)
    expect(first.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate')
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/)
    const second = await getQuery(LIST_QUERY)
    expect(second.headers.get('x-cache')).toBe('hit')
    expect(second.body).toEqual(first.body)
    expect(second.headers.get('content-type')).toBe(first.headers.get('content-type'))
    const conditional = await getQuery(LIST_QUERY, { headers: { 'If-None-Match': etag } })
    expect(conditional.status).toBe(304)
    // The signed-in admin's answer comes from Payload: the same data.
    const uncached = await postQuery({ query: LIST_QUERY }, { token: adminToken })
    expect(uncached.headers.get('x-cache')).toBe('bypass')
    expect(uncached.body).toEqual(first.body)
  })

  it('should take variables and an operation name by GET', async () => {
    const id = await createModule('Variablen-Modul')
    const query = 'query One($id: Int!) { Module(id: $id) { id title } }'
    const first = await getQuery(query, { variables: { id } })
    expect(first.status).toBe(200)
    expect(first.body.data?.Module?.id).toBe(id)
    expect((await getQuery(query, { variables: { id } })).headers.get('x-cache')).toBe('hit')
  })

  it('should refuse a malformed GET query with a German 400, before Payload runs', async () => {
    const broken = await getQuery('{ Modules { docs { id }')
    expect(broken.status).toBe(400)
    expect(broken.body.errors?.[0]?.message).toMatch(/syntaktisch fehlerhaft/)
    expect(broken.headers.get('x-cache')).toBeNull()
    const missing = await requestJson<GraphqlBody>(`${server.url}/api/graphql?variables=%7B%7D`)
    expect(missing.status).toBe(400)
    expect(missing.body.errors?.[0]?.message).toMatch(/Parameter „query“/)
    const badVariables = await requestJson<GraphqlBody>(
      `${server.url}/api/graphql?query=%7B%20Modules%20%7B%20totalDocs%20%7D%20%7D&variables=%7Bkaputt`,
    )
    expect(badVariables.status).toBe(400)
    expect(badVariables.body.errors?.[0]?.message).toMatch(/„variables“ ist kein gültiges JSON/)
    const tooDeep = await getQuery(
      `{ Modules { docs { ${'a { '.repeat(30)}id${' }'.repeat(30)} } } }`,
    )
    expect(tooDeep.status).toBe(400)
    expect(tooDeep.body.errors?.[0]?.message).toMatch(/zu tief verschachtelt/)
  })

  it('should refuse a mutation by GET with 405 and never run it', async () => {
    const response = await getQuery('mutation { deleteModule(id: 1) { id } }')
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('POST')
    expect(response.body.errors?.[0]?.message).toMatch(/nur Abfragen/)
  })
})

describe('GraphQL cache: POST', () => {
  it('should answer repeated POSTs of the same query from memory, whatever their whitespace', async () => {
    const id = await createModule('POST-Modul')
    const query = `{ Module(id: ${id}) { id title } }`
    const first = await postQuery({ query })
    expect(first.status).toBe(200)
    expect(first.headers.get('x-cache')).toBe('miss')
    const again = await postQuery({ query: `{\n  Module(id: ${id}) {\n    id\n    title\n  }\n}` })
    expect(again.headers.get('x-cache')).toBe('hit')
    expect(again.body).toEqual(first.body)
    // A POST answer is for the server's memory only.
    expect(again.headers.get('cache-control')).not.toBe('public, max-age=0, must-revalidate')
  })

  it('should drop a cached query when a module it shows changes, and keep one about another module', async () => {
    const a = await createModule('Geändertes Modul')
    const b = await createModule('Unberührtes Modul')
    const queryA = { query: `{ Module(id: ${a}) { id title } }` }
    const queryB = { query: `{ Module(id: ${b}) { id title } }` }
    await postQuery(queryA)
    await postQuery(queryB)
    await getQuery(LIST_QUERY)
    expect((await postQuery(queryA)).headers.get('x-cache')).toBe('hit')
    expect((await getQuery(LIST_QUERY)).headers.get('x-cache')).toBe('hit')
    await payload.update({ collection: 'modules', data: { title: 'Neu benannt' }, id: a })
    const changed = await postQuery(queryA)
    expect(changed.headers.get('x-cache')).toBe('miss')
    expect(changed.body.data?.Module?.title).toBe('Neu benannt')
    const list = await getQuery(LIST_QUERY)
    expect(list.headers.get('x-cache')).toBe('miss')
    expect(list.body.data?.Modules?.docs.find((doc) => doc.id === a)?.title).toBe('Neu benannt')
    expect((await postQuery(queryB)).headers.get('x-cache')).toBe('hit')
  })

  it('should drop a cached query of a module when it is rated', async () => {
    const id = await createModule('Bewertetes Modul')
    const query = { query: `{ Module(id: ${id}) { id title } }` }
    await postQuery(query)
    expect((await postQuery(query)).headers.get('x-cache')).toBe('hit')
    const rated = await requestJson(`${server.url}/api/modules/${id}/ratings`, {
      body: { values: { participation: 2 } },
      method: 'POST',
    })
    expect(rated.status).toBe(201)
    expect((await postQuery(query)).headers.get('x-cache')).toBe('miss')
  })

  it('should drop a cached query that shows documents without their ids when one of them changes', async () => {
    // Nothing in these answers says which module or Handlungsfeld they show.
    const id = await createModule('Ohne Kennung')
    const field = await payload.create({
      collection: 'fields-of-action',
      data: { _status: 'published', order: 99, title: 'Handlungsfeld ohne Kennung' } as never,
    })
    await payload.update({ collection: 'modules', data: { fieldsOfAction: [field.id] }, id })
    const rated = { query: `{ Module(id: ${id}) { title ratingSummary } }` }
    const related = {
      query:
        '{ Modules(limit: 100, sort: "-createdAt") { docs { title fieldsOfAction { title } } } }',
    }
    for (const query of [rated, related]) {
      await postQuery(query)
      expect((await postQuery(query)).headers.get('x-cache'), query.query).toBe('hit')
    }
    const rating = await requestJson(`${server.url}/api/modules/${id}/ratings`, {
      body: { values: { participation: 4 } },
      method: 'POST',
    })
    expect(rating.status).toBe(201)
    const afterRating = await postQuery(rated)
    expect(afterRating.headers.get('x-cache')).toBe('miss')
    expect(JSON.stringify(afterRating.body.data)).toContain('"raterCount":1')
    await payload.update({
      collection: 'fields-of-action',
      data: { title: 'Umbenanntes Handlungsfeld ohne Kennung' },
      id: field.id,
    })
    const afterRename = await postQuery(related)
    expect(afterRename.headers.get('x-cache')).toBe('miss')
    expect(JSON.stringify(afterRename.body.data)).toContain(
      'Umbenanntes Handlungsfeld ohne Kennung',
    )
  })

  it('should never cache a mutation', async () => {
    const mutation = { query: 'mutation { deleteModule(id: 999999) { id } }' }
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await postQuery(mutation)
      expect(response.headers.get('x-cache')).toBeNull()
      expect(response.headers.get('etag')).toBeNull()
      expect(response.body.errors?.length).toBeGreaterThan(0)
    }
  })

  it('should never answer a signed-in request from memory, nor keep its answer', async () => {
    const id = await createModule('Angemeldet gelesen')
    const query = { query: `{ Module(id: ${id}) { id title } }` }
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await postQuery(query, { token: adminToken })
      expect(response.status).toBe(200)
      expect(response.headers.get('x-cache')).toBe('bypass')
      expect(response.headers.get('etag')).toBeNull()
    }
    const signedInGet = await getQuery(query.query, {
      headers: { Authorization: `JWT ${adminToken}` },
    })
    expect(signedInGet.headers.get('x-cache')).toBe('bypass')
    expect(signedInGet.body.data?.Module?.id).toBe(id)
    // What the admin read was not kept for visitors.
    expect((await postQuery(query)).headers.get('x-cache')).toBe('miss')
  })

  it('should not keep an answer with errors', async () => {
    const query = { query: '{ Module(id: 999999) { id title } }' }
    const first = await postQuery(query)
    expect(first.body.errors?.length).toBeGreaterThan(0)
    expect((await postQuery(query)).headers.get('x-cache')).toBe('miss')
  })
})

/** The ids the cache took from a parsed answer before: every object's in `data`. */
const idsByWalking = (answer: { data?: unknown }) => {
  const ids = new Set<string>()
  const stack: unknown[] = [answer.data]
  while (stack.length) {
    const value = stack.pop()
    if (Array.isArray(value)) {
      stack.push(...value)
    } else if (value && typeof value === 'object') {
      const { id } = value as { id?: unknown }
      if (typeof id === 'number' || typeof id === 'string') {
        ids.add(String(id))
      }
      stack.push(...Object.values(value))
    }
  }
  return ids
}

describe('GraphQL cache: what an answer contains', () => {
  it('should read the ids of an answer from its bytes as parsing it would, strings with quotes included', async () => {
    const field = await payload.create({
      collection: 'fields-of-action',
      data: {
        _status: 'published',
        title: `Handlungsfeld "id":4711, {"id":"x"} ${++counter}`,
        typicalMeasures: [{ measure: ',"id":815' }, { measure: 'Zweite Maßnahme' }],
      } as never,
    })
    await payload.create({
      collection: 'modules',
      data: {
        _status: 'published',
        fieldsOfAction: [field.id],
        summary: 'Mit \\"id\\":99 und Umlauten: Ärger, Grüße',
        title: `Modul mit Handlungsfeld ${counter}`,
      } as never,
    })
    const queries = [
      '{ Modules(limit: 100) { docs { id title summary ratingSummary commentCount fieldsOfAction { id title typicalMeasures { id measure } } } } }',
      '{ FieldsOfActions(limit: 100) { docs { id title typicalMeasures { id measure } introduction } } }',
      `{ FieldsOfAction(id: ${field.id}) { id title } }`,
    ]
    for (const query of queries) {
      const response = await fetch(`${server.url}/api/graphql`, {
        body: JSON.stringify({ query }),
        headers: { 'Content-Type': 'application/json' },
        method: 'POST',
      })
      const body = Buffer.from(await response.arrayBuffer())
      const answer = JSON.parse(body.toString('utf8')) as { data?: unknown; errors?: unknown }
      expect(answer.errors, query).toBeUndefined()
      const ids = idsOfWrittenAnswer(body)
      expect(ids, query).toEqual(idsByWalking(answer))
      expect(ids?.size, query).toBeGreaterThan(0)
    }
  })

  it('should leave errors, another layout and ids with escapes to parsing', () => {
    const read = (text: string) => idsOfWrittenAnswer(Buffer.from(text))
    expect(read('{"data":{"a":[{"id":1,"b":{"id":"x-1"}},{"id":2.5e3},{"id":null}]}}')).toEqual(
      new Set(['1', 'x-1', '2500']),
    )
    expect(read('{"data":{"a":{"title":"{\\"id\\":7,\\"id\\":8}","id":3}}}')).toEqual(
      new Set(['3']),
    )
    expect(read('{"errors":[{"message":"x"}],"data":null}')).toBeUndefined()
    expect(read('{"data":{"a":{"id":1}},"errors":[{"message":"x"}]}')).toBeUndefined()
    expect(read('{ "data": { "a": { "id": 1 } } }')).toBeUndefined()
    expect(read('{"data":{"a":{"id":"x\\"y"}}}')).toBeUndefined()
    expect(read('{"data":null}')).toEqual(new Set())
  })
})
