import type { Config } from '../../payload-types'
import type { RunningServer } from '../../src/server/startServer'

import { PayloadSDK } from '@payloadcms/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestServer } from '../helpers/server'

let server: RunningServer
let fieldId: number

beforeAll(async () => {
  server = await startTestServer()
  const field = await server.payload.create({
    collection: 'fields-of-action',
    data: { _status: 'published', order: 1, title: 'Soziale Netze und Bürgerschaftliches Engagement' },
  })
  const other = await server.payload.create({ collection: 'fields-of-action', data: { _status: 'published', order: 2, title: 'Wohnen' } })
  fieldId = field.id
  await server.payload.create({ collection: 'modules', data: { _status: 'published', fieldsOfAction: [field.id], title: 'Stadtteilkonferenz' } })
  await server.payload.create({ collection: 'modules', data: { _status: 'published', fieldsOfAction: [other.id], title: 'Wohnungsbörse' } })
  await server.payload.create({ collection: 'modules', data: { _status: 'draft', fieldsOfAction: [field.id], title: 'Entwurf' } })
})

afterAll(async () => {
  await server?.stop()
})

describe('typed client for member-city websites (README example)', () => {
  it('should read published modules of one Handlungsfeld with @payloadcms/sdk', async () => {
    const sdk = new PayloadSDK<Config>({ baseURL: `${server.url}/api` })
    const { docs, totalDocs } = await sdk.find({
      collection: 'modules',
      depth: 1,
      sort: 'title',
      where: { fieldsOfAction: { in: [fieldId] } },
    })
    expect(totalDocs).toBe(1)
    expect(docs.map((module) => module.title)).toEqual(['Stadtteilkonferenz'])
    const [field] = docs[0]!.fieldsOfAction ?? []
    expect(typeof field === 'object' && field?.title).toBe('Soziale Netze und Bürgerschaftliches Engagement')
  })
})
