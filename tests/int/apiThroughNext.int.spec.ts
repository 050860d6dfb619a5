/**
 * The API with `PAYLOAD_API_DIRECT=false`: REST and GraphQL through Next's routes, as before
 * express answered them itself (payloadApi.ts). An operator who turns the direct way off must
 * get the same API: lists, a document, a visitor read (search), GraphQL, a long GET sent as a
 * POST form, HEAD, and the edge's refusals in German and English.
 */
import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { RunningServer } from '../../src/server/startServer'

import { createModule } from '../helpers/fixtures'
import { requestJson } from '../helpers/http'
import { startTestServer } from '../helpers/server'

vi.hoisted(() => {
  process.env.PAYLOAD_API_DIRECT = 'false'
})

type ListBody = { docs: { id: number; title: string }[]; totalDocs: number }
type ErrorBody = { errors: { message: string }[] }

let server: RunningServer
let payload: Payload
let moduleId: number

beforeAll(async () => {
  server = await startTestServer()
  payload = server.payload
  moduleId = (await createModule(payload, { title: 'Stadtteilkonferenz durch Next' })).id
  await createModule(payload, { title: 'Zweites Modul durch Next' })
}, 240_000)

afterAll(async () => {
  await server?.stop()
})

describe('the API through Next (PAYLOAD_API_DIRECT=false)', () => {
  it('should answer REST lists, documents and HEAD as the direct way does', async () => {
    const list = await requestJson<ListBody>(`${server.url}/api/modules?depth=0&sort=title`)
    expect(list.status).toBe(200)
    expect(list.body.docs.map((doc) => doc.title)).toEqual([
      'Stadtteilkonferenz durch Next',
      'Zweites Modul durch Next',
    ])
    const one = await requestJson<{ id: number }>(`${server.url}/api/modules/${moduleId}?depth=0`)
    expect(one.status).toBe(200)
    expect(one.body.id).toBe(moduleId)
    const head = await fetch(`${server.url}/api/modules?limit=1`, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-type')).toMatch(/^application\/json/)
  })

  it('should answer a visitor read and GraphQL', async () => {
    const search = await requestJson<{ docs: { title: string }[] }>(
      `${server.url}/api/search?q=Stadtteilkonferenz`,
    )
    expect(search.status).toBe(200)
    expect(search.body.docs.map((doc) => doc.title)).toContain('Stadtteilkonferenz durch Next')
    const graphql = await requestJson<{ data: { Modules: { totalDocs: number } } }>(
      `${server.url}/api/graphql`,
      { body: { query: '{ Modules { totalDocs } }' }, method: 'POST' },
    )
    expect(graphql.status).toBe(200)
    expect(graphql.body.data.Modules.totalDocs).toBe(2)
  })

  it('should answer a GET sent as a POST form as the GET, with the form charset browsers send', async () => {
    const answer = await fetch(`${server.url}/api/modules?depth=0`, {
      body: new URLSearchParams({ 'where[title][equals]': 'Zweites Modul durch Next' }),
      headers: { 'X-Payload-HTTP-Method-Override': 'GET' },
      method: 'POST',
    })
    expect(answer.status).toBe(200)
    expect(((await answer.json()) as ListBody).docs.map((doc) => doc.title)).toEqual([
      'Zweites Modul durch Next',
    ])
  })

  it("should refuse malformed input at the edge in the client's language", async () => {
    for (const [language, message] of [
      ['de', /ist kein gültiges JSON/],
      ['en', /is not valid JSON/],
    ] as const) {
      const answer = await fetch(`${server.url}/api/modules`, {
        body: '{"title":',
        headers: { 'Accept-Language': language, 'Content-Type': 'application/json' },
        method: 'POST',
      })
      expect(answer.status).toBe(400)
      expect(((await answer.json()) as ErrorBody).errors[0]!.message).toMatch(message)
    }
    const notFound = await requestJson<ErrorBody>(`${server.url}/api/modules/999999`, {
      headers: { 'Accept-Language': 'de' },
    })
    expect(notFound.status).toBe(404)
    const wrongId = await requestJson<ErrorBody>(
      `${server.url}/api/modules?where[id][equals]=abc`,
      { headers: { 'Accept-Language': 'en' } },
    )
    expect(wrongId.status).toBe(400)
    expect(wrongId.body.errors[0]!.message).toMatch(/^"abc" is not an id/)
  })
})
