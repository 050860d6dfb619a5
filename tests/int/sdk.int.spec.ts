import type { Module } from '../../payload-types'
import type { RunningServer } from '../../src/server/startServer'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestServer } from '../helpers/server'

let server: RunningServer
let fieldId: number

beforeAll(async () => {
  server = await startTestServer()
  const field = await server.payload.create({
    collection: 'fields-of-action',
    data: {
      _status: 'published',
      order: 1,
      title: 'Soziale Netze und Bürgerschaftliches Engagement',
    },
  })
  const other = await server.payload.create({
    collection: 'fields-of-action',
    data: { _status: 'published', order: 2, title: 'Wohnen' },
  })
  fieldId = field.id
  await server.payload.create({
    collection: 'modules',
    data: { _status: 'published', fieldsOfAction: [field.id], title: 'Stadtteilkonferenz' },
  })
  await server.payload.create({
    collection: 'modules',
    data: { _status: 'published', fieldsOfAction: [other.id], title: 'Wohnungsbörse' },
  })
  await server.payload.create({
    collection: 'modules',
    data: { _status: 'draft', fieldsOfAction: [field.id], title: 'Entwurf' },
  })
})

afterAll(async () => {
  await server?.stop()
})

describe('typed client for member-city websites (docs/api.md example)', () => {
  it('should read published modules of one Handlungsfeld with fetch and the generated types', async () => {
    // The example in docs/api.md, with its base URL and field id replaced.
    type List<T> = { docs: T[]; totalDocs: number }
    const base = `${server.url}/api`
    const params = new URLSearchParams({
      depth: '1',
      sort: 'title',
      'where[fieldsOfAction][in]': String(fieldId),
    })
    const { docs, totalDocs } = (await (
      await fetch(`${base}/modules?${params}`)
    ).json()) as List<Module>

    expect(totalDocs).toBe(1)
    expect(docs.map((module) => module.title)).toEqual(['Stadtteilkonferenz'])
    const [field] = docs[0]!.fieldsOfAction ?? []
    expect(typeof field === 'object' && field?.title).toBe(
      'Soziale Netze und Bürgerschaftliches Engagement',
    )
  })
})
