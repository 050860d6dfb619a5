/**
 * The ratings plugin names the rated document (plugins/shared/targets.ts): a virtual `target` on
 * the ratings and the rating summaries read on somebody's behalf, titles read once per page.
 * Real HTTP against the production build and a real PostgreSQL.
 */
import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { User } from '../../payload-types'
import type { RunningServer } from '../../src/server/startServer'

import { createModule, rateModule } from '../helpers/fixtures'
import { requestJson } from '../helpers/http'
import { startTestServer } from '../helpers/server'
import { createSignedInUsers } from '../helpers/users'

// Several ratings come from this one test client.
vi.hoisted(() => {
  process.env.RATINGS_PER_CLIENT_PER_HOUR = '0'
})

type Target = { collection: string; id: string; isFound: boolean; title: null | string }
type ListBody = {
  docs?: { id: number; target?: null | Target; targetId: string }[]
  errors?: { message: string }[]
}

let server: RunningServer
let payload: Payload
let editor: User
let token: string

beforeAll(async () => {
  server = await startTestServer()
  payload = server.payload
  const signedIn = await createSignedInUsers(payload, {
    serverUrl: server.url,
    users: { editor: { email: 'redaktion@bewertete-ziele.test', role: 'editor' } },
  })
  editor = signedIn.users.editor
  token = signedIn.tokens.editor
})

afterAll(async () => {
  await server?.stop()
})

const listOf = (collection: 'rating-summaries' | 'ratings', moduleIds: number[], as?: string) =>
  requestJson<ListBody>(
    `${server.url}/api/${collection}?depth=0&limit=50&${moduleIds.map((id, index) => `where[targetId][in][${index}]=${id}`).join('&')}`,
    { token: as },
  )

describe('the rated entry in words', () => {
  it('should name the rated entry by its title in the ratings and the summaries an editor reads', async () => {
    const module = await createModule(payload, { title: 'Stadtteilspaziergang (Ziele)' })
    await rateModule({ moduleId: module.id, serverUrl: server.url, values: { participation: 4 } })
    const expected = {
      collection: 'modules',
      id: String(module.id),
      isFound: true,
      title: 'Stadtteilspaziergang (Ziele)',
    }

    const ratings = await listOf('ratings', [module.id], token)
    expect(ratings.status, JSON.stringify(ratings.body)).toBe(200)
    expect(ratings.body.docs?.map((doc) => doc.target)).toEqual([expected])
    const summaries = await listOf('rating-summaries', [module.id], token)
    expect(summaries.status, JSON.stringify(summaries.body)).toBe(200)
    expect(summaries.body.docs?.map((doc) => doc.target)).toEqual([expected])

    // Visitors read neither list, titles or not.
    expect((await listOf('ratings', [module.id])).status).toBe(403)
    expect((await listOf('rating-summaries', [module.id])).status).toBe(403)
  })

  it('should read the titles of a page of summaries with one query, not one per row', async () => {
    const modules = await Promise.all(
      [1, 2, 3, 4].map((index) => createModule(payload, { title: `Bewertet ${index} (Seite)` })),
    )
    for (const module of modules) {
      await rateModule({ moduleId: module.id, serverUrl: server.url, values: { complexity: 2 } })
    }
    const reads: string[] = []
    const find = payload.db.find.bind(payload.db)
    const findOne = payload.db.findOne.bind(payload.db)
    const spies = [
      vi.spyOn(payload.db, 'find').mockImplementation((args) => {
        reads.push(`find ${args.collection}`)
        return find(args)
      }),
      vi.spyOn(payload.db, 'findOne').mockImplementation((args) => {
        reads.push(`findOne ${args.collection}`)
        return findOne(args)
      }),
    ]
    try {
      const { docs } = await payload.find({
        collection: 'rating-summaries',
        depth: 0,
        overrideAccess: false,
        user: editor,
        where: { targetId: { in: modules.map(({ id }) => String(id)) } },
      })
      expect(docs.map((doc) => doc.target?.title).sort()).toEqual(
        modules.map(({ title }) => title).sort(),
      )
    } finally {
      spies.forEach((spy) => spy.mockRestore())
    }
    expect(reads.filter((read) => read.endsWith(' modules'))).toEqual(['find modules'])
  })

  it('should take a deleted entry’s summary with it, so no list names an entry that is gone', async () => {
    const module = await createModule(payload, { title: 'Bald weg (Ziele)' })
    await rateModule({ moduleId: module.id, serverUrl: server.url, values: { timeEffort: 1 } })
    const before = await listOf('rating-summaries', [module.id], token)
    expect(before.body.docs).toHaveLength(1)
    await payload.delete({ collection: 'modules', id: module.id, overrideAccess: true })

    const { body } = await listOf('rating-summaries', [module.id], token)
    expect(body.docs).toEqual([])
  })
})
