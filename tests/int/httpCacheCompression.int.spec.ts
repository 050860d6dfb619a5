/**
 * The HTTP cache under a full budget (src/server/httpCache/store.ts): the least recently used
 * answers are kept gzip-compressed rather than forgotten, served compressed to clients that
 * accept gzip and unpacked to the others, with one ETag; the answers in use stay as they came.
 */
import type { Payload } from 'payload'

import http from 'node:http'
import { gunzipSync } from 'node:zlib'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningServer } from '../../src/server/startServer'

import { startTestServer } from '../helpers/server'

/** The test server's memory for answers: a dozen module lists fill it. */
const BUDGET = 96 * 1024

let server: RunningServer
let payload: Payload

beforeAll(async () => {
  process.env.HTTP_CACHE_MAX_BYTES = String(BUDGET)
  server = await startTestServer()
  payload = server.payload
  for (let index = 0; index < 20; index++) {
    await payload.create({
      collection: 'modules',
      data: {
        _status: 'published',
        summary: `Modul ${index}: eine Beschreibung, die die Antwort größer macht. `.repeat(4),
        title: `Komprimiertes Modul ${index}`,
      } as never,
    })
  }
})

afterAll(async () => {
  delete process.env.HTTP_CACHE_MAX_BYTES
  await server?.stop()
})

type RawAnswer = { body: Buffer; headers: http.IncomingHttpHeaders; status: number }

/** A raw GET: Node's fetch would ask for gzip and unpack it unseen. */
const raw = (path: string, headers: Record<string, string> = {}) =>
  new Promise<RawAnswer>((resolve, reject) => {
    http
      .get(`${server.url}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({ body: Buffer.concat(chunks), headers: res.headers, status: res.statusCode! }),
        )
      })
      .on('error', reject)
  })

describe('HTTP cache: a full budget', () => {
  it('should keep the answers read long ago compressed, and serve them to every client', async () => {
    const cold = '/api/modules?limit=20&depth=0'
    const plain = await raw(cold, { 'Accept-Encoding': 'identity' })
    expect(plain.status).toBe(200)
    expect(plain.headers['x-cache']).toBe('miss')
    expect(plain.headers.vary).toMatch(/Accept-Encoding/)
    expect(plain.body.length).toBeGreaterThan(8 * 1024)
    // Other lists, read once each, until they hold half as much again as the budget.
    let newest = ''
    let read = plain.body.length
    for (let page = 1; read < 1.5 * BUDGET; page++) {
      newest = `/api/modules?limit=${1 + (page % 20)}&page=${1 + Math.floor(page / 20)}&depth=0&sort=title`
      const answer = await raw(newest)
      expect(answer.status).toBe(200)
      read += answer.body.length
    }

    const packed = await raw(cold, { 'Accept-Encoding': 'gzip, deflate, br' })
    expect(packed.headers['x-cache']).toBe('hit')
    expect(packed.headers['content-encoding']).toBe('gzip')
    expect(Number(packed.headers['content-length'])).toBe(packed.body.length)
    expect(packed.body.length).toBeLessThan(plain.body.length / 3)
    expect(gunzipSync(packed.body).equals(plain.body)).toBe(true)
    // One (weak) ETag for the content, compressed or not; it validates both.
    expect(packed.headers.etag).toBe(plain.headers.etag)
    expect((await raw(cold, { 'If-None-Match': packed.headers.etag! })).status).toBe(304)

    const unpacked = await raw(cold)
    expect(unpacked.headers['x-cache']).toBe('hit')
    expect(unpacked.headers['content-encoding']).toBeUndefined()
    expect(unpacked.body.equals(plain.body)).toBe(true)
    expect(Number(unpacked.headers['content-length'])).toBe(plain.body.length)

    // The answer read last is kept as it came: no work for it, whatever the client accepts.
    const recent = await raw(newest, { 'Accept-Encoding': 'gzip' })
    expect(recent.headers['x-cache']).toBe('hit')
    expect(recent.headers['content-encoding']).toBeUndefined()
    expect(JSON.parse(recent.body.toString('utf8'))).toHaveProperty('docs')
  })
})
