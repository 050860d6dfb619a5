/**
 * The HTTP cache's store counts the memory an answer really holds (issue 15): the entry and what
 * it contains besides the body, and a small body doesn't keep a shared pool slab alive.
 */
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
