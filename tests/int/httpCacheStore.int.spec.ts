/**
 * The HTTP cache's store counts the memory an answer really holds (issue 15): the entry and what
 * it contains besides the body, and a small body doesn't keep a shared pool slab alive; a full
 * budget compresses the least recently used bodies before it forgets answers.
 */
import { gunzipSync } from 'node:zlib'

import { describe, expect, it } from 'vitest'

import { emptyContents } from '../../src/server/httpCache/dependencies'
import { createAnswerStore, overheadOf } from '../../src/server/httpCache/store'

const answerOf = (body: Buffer, ids: string[] = []) => {
  const contents = emptyContents()
  if (ids.length) {
    contents.docs.set('modules', new Set(ids))
  }
  return {
    body,
    contents,
    etag: '"abc"',
    headers: [['content-type', 'application/json']] as [string, string][],
  }
}

describe('the cache store’s budget', () => {
  it('should count an entry’s overhead besides its body', () => {
    const store = createAnswerStore({ maxBytes: 1024 * 1024 })
    const entry = store.keep('/api/modules?limit=1', answerOf(Buffer.alloc(10)))
    expect(entry.size).toBeGreaterThanOrEqual(10 + 1024)
    expect(store.keptBytes()).toBe(entry.size)
  })

  it('should count every document an answer contains', () => {
    const ids = Array.from({ length: 1000 }, (_, index) => String(index))
    const few = overheadOf('/a', answerOf(Buffer.alloc(0), ids.slice(0, 1)))
    const many = overheadOf('/a', answerOf(Buffer.alloc(0), ids))
    expect(many - few).toBeGreaterThanOrEqual(999 * 96)
  })

  it('should keep many small answers within the budget', () => {
    const maxBytes = 200 * 1024
    const store = createAnswerStore({ maxBytes })
    for (let index = 0; index < 1000; index++) {
      store.keep(`/api/modules/${index}`, answerOf(Buffer.alloc(100), [String(index)]))
    }
    expect(store.keptBytes()).toBeLessThanOrEqual(maxBytes)
    // Bodies alone (100 bytes each) would have let all 1,000 in.
    expect(store.size()).toBeLessThan(200)
    expect(store.get('/api/modules/999')).toBeDefined()
    expect(store.get('/api/modules/0')).toBeUndefined()
  })

  it('should give a small pooled body memory of its own', () => {
    const pooled = Buffer.from('{"docs":[]}')
    expect(pooled.buffer.byteLength).toBeGreaterThan(pooled.length)
    const store = createAnswerStore({ maxBytes: 1024 * 1024 })
    const entry = store.keep('/api/modules', answerOf(pooled))
    expect(entry.body!.equals(pooled)).toBe(true)
    expect(entry.body!.buffer.byteLength).toBe(pooled.length)
  })

  it('should compress the least recently used bodies before it forgets any answer', () => {
    /** A module list as JSON, 20 KB or so: compresses well, as Payload's answers do. */
    const jsonOf = (index: number) =>
      Buffer.from(
        JSON.stringify({
          docs: Array.from({ length: 150 }, (_, doc) => ({
            id: index * 100 + doc,
            summary: `Beteiligungsmodul ${doc} mit einer Beschreibung für das Quartier`,
            title: `Modul ${index}-${doc}`,
          })),
        }),
      )
    const maxBytes = 200 * 1024
    const store = createAnswerStore({ maxBytes })
    const bodies = Array.from({ length: 30 }, (_, index) => jsonOf(index))
    expect(bodies.reduce((sum, body) => sum + body.length, 0)).toBeGreaterThan(2 * maxBytes)
    bodies.forEach((body, index) => {
      store.keep(`/api/modules?page=${index}`, answerOf(body, [String(index)]))
      // The first answer stays in use, the others are read once.
      store.touch('/api/modules?page=0', store.get('/api/modules?page=0')!)
    })
    expect(store.keptBytes()).toBeLessThanOrEqual(maxBytes)
    // Every answer is still there: the ones read once compressed, the one in use as it came.
    expect(store.size()).toBe(30)
    expect(store.get('/api/modules?page=0')!.isGzip).toBe(false)
    expect(store.get('/api/modules?page=0')!.body!.equals(bodies[0]!)).toBe(true)
    const cold = store.get('/api/modules?page=1')!
    expect(cold.isGzip).toBe(true)
    expect(gunzipSync(cold.body!).equals(bodies[1]!)).toBe(true)
    // The newest is not compressed while older ones could be.
    expect(store.get('/api/modules?page=29')!.isGzip).toBe(false)
  })

  it('should keep ETags without bodies when the budget is 0', () => {
    const store = createAnswerStore({ maxBytes: 0 })
    for (let index = 0; index < 10; index++) {
      store.keep(`/api/modules/${index}`, answerOf(Buffer.alloc(100)))
    }
    expect(store.size()).toBe(10)
    expect(store.get('/api/modules/3')?.body).toBeUndefined()
    expect(store.get('/api/modules/3')?.etag).toBe('"abc"')
  })
})
