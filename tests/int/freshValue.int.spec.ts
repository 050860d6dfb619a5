/**
 * A value kept in memory while no change concerns it (src/server/httpCache/freshValue.ts), on
 * the server's real change notifications: loaded once, loaded again after a write to what it
 * is made of and only then, never kept across a new feed (a server started again), and not
 * waited for when it says so.
 */
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningServer } from '../../src/server/startServer'

import { watchContentChanges } from '../../src/server/httpCache/contentChanges'
import { freshValue, shareContentChanges } from '../../src/server/httpCache/freshValue'
import { startTestServer } from '../helpers/server'

let server: RunningServer

/** A write past Payload, committed before it returns. */
const execute = async (statement: string, values: unknown[] = []) => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await client.connect()
  try {
    await client.query(statement, values)
  } finally {
    await client.end()
  }
}

const writeSearchRow = (docId: string) =>
  execute(
    `INSERT INTO search_documents (collection, doc_id, version, status, title, title_folded, vector, head_vector)
     VALUES ('projects', $1, 'published', 'published', 'Probe', 'probe', ''::tsvector, ''::tsvector)
     ON CONFLICT (collection, doc_id, version) DO UPDATE SET updated_at = now()`,
    [docId],
  )

/** A value that counts its loads. */
const counting = (
  madeOf: Parameters<typeof freshValue>[0]['madeOf'],
  options: { waitsForLoad?: boolean } = {},
) => {
  let loads = 0
  const value = freshValue({
    load: async () => ++loads,
    madeOf,
    name: 'Test',
    ...options,
  })
  return { loads: () => loads, value }
}

beforeAll(async () => {
  server = await startTestServer()
})

afterAll(async () => {
  await execute(
    `DELETE FROM search_documents WHERE collection = 'projects' AND doc_id LIKE 'frisch-%'`,
  )
  await server?.payload.delete({
    collection: 'target-groups',
    where: { title: { like: 'Frische Zielgruppe' } },
  })
  await server?.stop()
})

/** A content write that names no searchable document (target groups are not searched). */
const createTargetGroup = (title: string) =>
  server.payload.create({
    collection: 'target-groups',
    data: { _status: 'published', title } as never,
    overrideAccess: true,
  })

describe('a value kept while unchanged', () => {
  it('should load once, and again only after a write to a table it is made of', async () => {
    const { loads, value } = counting({ tables: ['search_documents'] })
    const kept = value.of(server.payload)
    expect(await kept.get()).toBe(1)
    expect(await kept.get()).toBe(1)
    await writeSearchRow('frisch-1')
    expect(await kept.get()).toBe(2)
    // A write to another table concerns it not.
    await createTargetGroup('Frische Zielgruppe 1')
    expect(await kept.get()).toBe(2)
    expect(loads()).toBe(2)
  })

  it('should load again after a change to a collection it is made of, and only then', async () => {
    const { value } = counting({ collections: ['target-groups'] })
    const kept = value.of(server.payload)
    expect(await kept.get()).toBe(1)
    await writeSearchRow('frisch-2')
    expect(await kept.get()).toBe(1)
    await createTargetGroup('Frische Zielgruppe 2')
    expect(await kept.get()).toBe(2)
  })

  it('should bring the kept value up to date with `update` after a change, when given', async () => {
    const calls: number[] = []
    const value = freshValue({
      load: async () => 10,
      madeOf: { tables: ['search_documents'] },
      name: 'Test',
      update: async (_payload, _key, previous: number) => {
        calls.push(previous)
        return previous + 1
      },
    })
    const kept = value.of(server.payload)
    expect(await kept.get()).toBe(10)
    expect(await kept.get()).toBe(10)
    await writeSearchRow('frisch-4')
    expect(await kept.get()).toBe(11)
    await writeSearchRow('frisch-4')
    expect(await kept.get()).toBe(12)
    // Only after a change, each time from the value kept.
    expect(calls).toEqual([10, 11])
  })

  it('should answer at once while it loads when it does not wait, and the value after', async () => {
    const { value } = counting({ tables: ['search_documents'] }, { waitsForLoad: false })
    const kept = value.of(server.payload)
    expect(await kept.get()).toBeUndefined()
    await expect.poll(() => kept.get(), { interval: 20, timeout: 5_000 }).toBe(1)
  })

  it('should wait for an update a while when told, though not for the first load', async () => {
    // An update that takes until it is let go, unless it is the first.
    const releases: (() => void)[] = []
    const value = freshValue({
      load: async () => 1,
      madeOf: { tables: ['search_documents'] },
      name: 'Test',
      update: async (_payload, _key, previous: number) => {
        if (previous > 1) {
          await new Promise<void>((resolve) => releases.push(resolve))
        }
        return previous + 1
      },
      updateWaitMs: 300,
      waitsForLoad: false,
    })
    const kept = value.of(server.payload)
    expect(await kept.get()).toBeUndefined()
    await expect.poll(() => kept.get(), { interval: 20, timeout: 5_000 }).toBe(1)
    await writeSearchRow('frisch-6')
    // The first request after the change has the value brought up to date.
    expect(await kept.get()).toBe(2)
    // An update that takes longer than the wait: undefined (the database answers), then the value.
    await writeSearchRow('frisch-6')
    const started = performance.now()
    expect(await kept.get()).toBeUndefined()
    expect(performance.now() - started).toBeGreaterThanOrEqual(250)
    expect(releases).toHaveLength(1)
    releases[0]!()
    await expect.poll(() => kept.get(), { interval: 20, timeout: 5_000 }).toBe(3)
  })

  it('should run one load at a time: a change during a load begins no second one', async () => {
    // A load that takes until it is let go (thousands of rows on a busy server).
    const releases: (() => void)[] = []
    let loads = 0
    const value = freshValue({
      load: async () => {
        const load = ++loads
        await new Promise<void>((resolve) => releases.push(resolve))
        return load
      },
      madeOf: { tables: ['search_documents'] },
      name: 'Test',
    })
    const kept = value.of(server.payload)
    const first = kept.get()
    await expect.poll(() => releases.length, { interval: 20, timeout: 5_000 }).toBe(1)
    // Changes while it loads: the database answers, and no other load begins.
    for (const round of [1, 2, 3]) {
      await writeSearchRow(`frisch-5-${round}`)
      expect(await kept.get()).toBeUndefined()
    }
    expect(loads).toBe(1)
    releases[0]!()
    // The load a change overtook gives no value to the request that waited for it either.
    expect(await first).toBeUndefined()
    // The first request after it loads again, once, and then the value is kept.
    const second = kept.get()
    await expect.poll(() => releases.length, { interval: 20, timeout: 5_000 }).toBe(2)
    releases[1]!()
    expect(await second).toBe(2)
    expect(await kept.get()).toBe(2)
    expect(loads).toBe(2)
  })

  it('should not keep a value across new notifications shared for the same Payload', async () => {
    const { value } = counting({ tables: ['search_documents'] })
    const kept = value.of(server.payload)
    expect(await kept.get()).toBe(1)
    const again = await watchContentChanges({
      bookkeepingTables: [],
      connectionString: process.env.DATABASE_URL,
      logger: server.payload.logger,
    })
    try {
      // (The last test: the server's own notifications are not shared again.)
      shareContentChanges(server.payload, again, { isTargeted: true })
      // The new feed's generations count from the start: loaded anew, then kept, then changed.
      expect(await kept.get()).toBe(2)
      expect(await kept.get()).toBe(2)
      await writeSearchRow('frisch-3')
      expect(await kept.get()).toBe(3)
    } finally {
      await again.stop()
    }
    // Stopped: nothing can be known, nothing kept is used.
    expect(await kept.get()).toBeUndefined()
  })
})
