/**
 * Targeted invalidation of the HTTP cache (src/server/httpCache/, migration
 * 20261130_022119_http_cache_targets) over real HTTP: a write drops the cached answers that
 * contain what it changed, and leaves every other answer in memory. Each test reads a set of
 * answers (so they are kept), makes one change, and reads each answer once more: `X-Cache: miss`
 * for the answers that contain the changed document (or list its collection, where membership
 * can change), `hit` for the rest; and the new answers show the change.
 */
import type { Payload } from 'payload'

import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningServer } from '../../src/server/startServer'

import { confirmTokenHashOf } from '../../plugins/event-registration/lib/tokens'
import { issueVisitorToken } from '../../plugins/shared/visitorToken'
import { requestJson } from '../helpers/http'
import { startTestServer } from '../helpers/server'

type Doc = {
  commentCount?: number
  id: number
  ratingSummary?: { raterCount?: number }
  relatedModules?: (number | { id: number; title?: string })[]
  seatsTaken?: number
  slug?: string
  title?: string
}
type ListBody = { docs?: Doc[] }

let server: RunningServer
let payload: Payload
let fieldOfAction: number
let counter = 0

const get = <T = ListBody>(path: string, headers: Record<string, string> = {}) =>
  requestJson<T>(`${server.url}${path}`, { headers })

/** Reads every path until it comes from memory (the first read computes and keeps it). */
const prime = async (paths: string[]) => {
  for (const path of paths) {
    const first = await get(path)
    expect(first.status, path).toBe(200)
    expect((await get(path)).headers.get('x-cache'), path).toBe('hit')
  }
}

/** Reads every path once more: which came from memory, which Payload had to compute again. */
const cacheStates = async (paths: string[]) => {
  const states: Record<string, null | string> = {}
  for (const path of paths) {
    const response = await get(path)
    expect(response.status, path).toBe(200)
    states[path] = response.headers.get('x-cache')
  }
  return states
}

const expectStates = async ({ kept, dropped }: { dropped: string[]; kept: string[] }) => {
  expect(await cacheStates([...dropped, ...kept])).toEqual({
    ...Object.fromEntries(dropped.map((path) => [path, 'miss'])),
    ...Object.fromEntries(kept.map((path) => [path, 'hit'])),
  })
}

const createModule = async (title: string) =>
  (await payload.create({
    collection: 'modules',
    data: {
      _status: 'published',
      fieldsOfAction: [fieldOfAction],
      title: `${title} ${++counter}`,
    } as never,
  })) as unknown as Doc

const createProject = async (title: string, relatedModules: number[]) =>
  (await payload.create({
    collection: 'projects',
    data: {
      _status: 'published',
      fieldsOfAction: [fieldOfAction],
      relatedModules,
      title: `${title} ${++counter}`,
    } as never,
  })) as unknown as Doc

const createEvent = async (title: string) =>
  (await payload.create({
    collection: 'events',
    data: {
      _status: 'published',
      capacity: 10,
      end: new Date(Date.now() + 40 * 86_400_000 + 7_200_000).toISOString(),
      format: 'on-site',
      kind: 'workshop',
      registrationOpen: true,
      start: new Date(Date.now() + 40 * 86_400_000).toISOString(),
      title: `${title} ${++counter}`,
    } as never,
  })) as unknown as Doc

/**
 * Module A (in project P1, which embeds it at depth 1), module B, project P2 without modules
 * and an event, and the answers about them, by what they contain.
 */
const scene = async () => {
  const moduleA = await createModule('Modul A')
  const moduleB = await createModule('Modul B')
  const projectWithA = await createProject('Projekt mit A', [moduleA.id])
  const projectWithoutA = await createProject('Projekt ohne Module', [])
  const event = await createEvent('Veranstaltung')
  return {
    event,
    moduleA,
    moduleB,
    paths: {
      /** Every answer that shows module A. */
      withA: [
        '/api/modules?limit=100&sort=-createdAt',
        `/api/modules/${moduleA.id}`,
        `/api/modules?where[slug][equals]=${moduleA.slug}&limit=1`,
        `/api/projects/${projectWithA.id}?depth=1`,
        `/api/projects?where[id][equals]=${projectWithA.id}&depth=1`,
      ],
      /** Module B's answers, the project lists without module A, the event. */
      withoutA: [
        `/api/modules/${moduleB.id}`,
        `/api/modules?where[slug][equals]=${moduleB.slug}&limit=1`,
        '/api/projects?limit=100&sort=-createdAt&depth=0',
        `/api/projects?where[id][equals]=${projectWithoutA.id}&depth=1`,
        `/api/events/${event.id}`,
        '/api/events?limit=100&sort=-createdAt',
      ],
    },
    projectWithA,
  }
}

beforeAll(async () => {
  server = await startTestServer()
  payload = server.payload
  fieldOfAction = (
    await payload.create({
      collection: 'fields-of-action',
      data: { _status: 'published', order: 1, title: 'Zusammenleben' },
    })
  ).id
})

afterAll(async () => {
  await server?.stop()
})

describe('HTTP cache: a visitor write drops only the answers that contain its document', () => {
  it('should keep the project lists and module B cached after a rating on module A, and drop every answer that contains module A', async () => {
    const { moduleA, paths } = await scene()
    await prime([...paths.withA, ...paths.withoutA])
    const rated = await requestJson(`${server.url}/api/modules/${moduleA.id}/ratings`, {
      body: { values: { participation: 5 } },
      method: 'POST',
    })
    expect(rated.status).toBe(201)
    await expectStates({ dropped: paths.withA, kept: paths.withoutA })
    expect((await get<Doc>(`/api/modules/${moduleA.id}`)).body.ratingSummary?.raterCount).toBe(1)
  })

  it('should keep the other answers cached after an approved comment on module A, and drop every answer that contains module A', async () => {
    const { moduleA, paths } = await scene()
    await prime([...paths.withA, ...paths.withoutA])
    const before = (await get<Doc>(`/api/modules/${moduleA.id}`)).body.commentCount
    await payload.create({
      collection: 'comments',
      data: {
        authorName: 'Anwohnerin',
        isConfirmed: true,
        status: 'approved',
        targetCollection: 'modules',
        targetId: String(moduleA.id),
        text: 'Hat in unserem Quartier gut funktioniert.',
      } as never,
    })
    await expectStates({ dropped: paths.withA, kept: paths.withoutA })
    expect((await get<Doc>(`/api/modules/${moduleA.id}`)).body.commentCount).toBe((before ?? 0) + 1)
  })

  it("should drop the answers with module A's comment count and its comment lists when the comment a reply answers is hidden or shown again", async () => {
    const { moduleA, paths } = await scene()
    const comment = (data: Record<string, unknown>) =>
      payload.create({
        collection: 'comments',
        data: {
          authorName: 'Anwohnerin',
          isConfirmed: true,
          status: 'approved',
          targetCollection: 'modules',
          targetId: String(moduleA.id),
          ...data,
        } as never,
      })
    const parent = await comment({ text: 'Hat in unserem Quartier gut funktioniert.' })
    const reply = await comment({ parent: parent.id, text: 'Bei uns auch.' })
    // Comments have no drafts: their REST list is never kept, their GraphQL list is.
    const commentsQuery = `{ Comments(where: { targetId: { equals: "${moduleA.id}" } }) { docs { id } } }`
    const commentList = `/api/graphql?${new URLSearchParams({ query: commentsQuery }).toString()}`
    await prime([...paths.withA, ...paths.withoutA, commentList])
    const shown = async () => ({
      commentCount: (await get<Doc>(`/api/modules/${moduleA.id}`)).body.commentCount,
      comments: (
        await get<{ data?: { Comments?: { docs: { id: number }[] } } }>(commentList)
      ).body.data?.Comments?.docs.map((doc) => doc.id),
    })
    expect(await shown()).toEqual({ commentCount: 2, comments: [parent.id, reply.id] })

    // Only the parent's row changes: the answers that count or list its reply change too.
    await payload.update({
      collection: 'comments',
      data: { isHiddenByReports: true, reportCount: 3 } as never,
      id: parent.id,
    })
    await expectStates({ dropped: [...paths.withA, commentList], kept: paths.withoutA })
    expect(await shown()).toEqual({ commentCount: 0, comments: [] })

    await payload.update({
      collection: 'comments',
      data: { isHiddenByReports: false } as never,
      id: parent.id,
    })
    await expectStates({ dropped: [...paths.withA, commentList], kept: paths.withoutA })
    expect(await shown()).toEqual({ commentCount: 2, comments: [parent.id, reply.id] })
  })

  it('should drop the answers that contain an event when a registration for it is confirmed, and keep the others', async () => {
    const { event, paths } = await scene()
    const otherEvent = await createEvent('Andere Veranstaltung')
    const token = issueVisitorToken()
    await payload.create({
      collection: 'registrations',
      data: {
        confirmExpiresAt: new Date(Date.now() + 3_600_000).toISOString(),
        confirmTokenHash: confirmTokenHashOf(payload.secret, token),
        email: 'gast@targets.test',
        event: event.id,
        name: 'Gast',
        status: 'pending',
      } as never,
    })
    const withEvent = [
      `/api/events/${event.id}`,
      '/api/events?limit=100&sort=-createdAt',
      `/api/events?where[id][equals]=${event.id}`,
    ]
    const withoutEvent = [
      ...paths.withA,
      ...paths.withoutA.filter((path) => !withEvent.includes(path)),
      `/api/events/${otherEvent.id}`,
    ]
    await prime([...withEvent, ...withoutEvent])
    const confirmed = await requestJson(`${server.url}/api/registrations/confirm?token=${token}`, {
      headers: { Accept: 'application/json' },
    })
    expect(confirmed.status).toBe(200)
    await expectStates({ dropped: withEvent, kept: withoutEvent })
    expect((await get<Doc>(`/api/events/${event.id}`)).body.seatsTaken).toBe(1)
  })
})

describe('HTTP cache: an editorial write drops what can contain the document', () => {
  it("should drop module A's answers and the lists of modules after an edit of module A, and keep module B, the projects without it and the events", async () => {
    const { moduleA, moduleB, paths } = await scene()
    // Which modules a list shows may change with any module's fields: every list of modules
    // counts, module B's included.
    const listOfB = `/api/modules?where[slug][equals]=${moduleB.slug}&limit=1`
    await prime([...paths.withA, ...paths.withoutA])
    await payload.update({ collection: 'modules', data: { title: 'Modul A, neu' }, id: moduleA.id })
    await expectStates({
      dropped: [...paths.withA, listOfB],
      kept: paths.withoutA.filter((path) => path !== listOfB),
    })
    expect((await get<Doc>(`/api/modules/${moduleA.id}`)).body.title).toBe('Modul A, neu')
  })

  it('should drop every answer that showed module A and the lists of modules and projects after it is deleted, and keep module B and the events', async () => {
    const { moduleA, moduleB, paths, projectWithA } = await scene()
    const listOfB = `/api/modules?where[slug][equals]=${moduleB.slug}&limit=1`
    // The delete takes P1's relationship row with it: a write to the projects' tables, so every
    // list of projects counts (the first shows P1's related modules by id and does change).
    const projectLists = paths.withoutA.filter((path) => path.startsWith('/api/projects?'))
    await prime([...paths.withA, ...paths.withoutA])
    await payload.delete({ collection: 'modules', id: moduleA.id })
    const droppedWithA = paths.withA.filter((path) => path !== `/api/modules/${moduleA.id}`)
    expect((await get(`/api/modules/${moduleA.id}`)).status).toBe(404)
    await expectStates({
      dropped: [...droppedWithA, listOfB, ...projectLists],
      kept: [
        `/api/modules/${moduleB.id}`,
        ...paths.withoutA.filter((p) => p.startsWith('/api/events')),
      ],
    })
    const project = await get<Doc>(`/api/projects/${projectWithA.id}?depth=1`)
    expect(project.body.relatedModules ?? []).toEqual([])
  })

  it('should keep every answer cached when a write is rolled back', async () => {
    const { moduleA, paths } = await scene()
    await prime([...paths.withA, ...paths.withoutA])
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await client.connect()
    try {
      await client.query('BEGIN')
      await client.query(`UPDATE modules SET title = 'Zurückgerollt' WHERE id = $1`, [moduleA.id])
      await client.query(
        `INSERT INTO rating_summaries (target_collection, target_id, rater_count) VALUES ('modules', $1, 99)`,
        [String(moduleA.id)],
      )
      await client.query('ROLLBACK')
    } finally {
      await client.end()
    }
    await expectStates({ dropped: [], kept: [...paths.withA, ...paths.withoutA] })
  })
})

describe('HTTP cache: notifications that name no rows', () => {
  const notify = async (message: string) => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await client.connect()
    try {
      await client.query(`SELECT pg_notify('qn_content_changed', $1)`, [message])
    } finally {
      await client.end()
    }
  }

  it('should drop every answer that can contain a module when a whole table of modules changed (TRUNCATE, too many rows)', async () => {
    const { paths } = await scene()
    const projectList = '/api/projects?limit=100&sort=-createdAt&depth=0'
    const projectWithoutA = paths.withoutA[3]!
    const event = paths.withoutA[4]!
    const eventList = paths.withoutA[5]!
    await prime([...paths.withA, ...paths.withoutA])
    await notify(JSON.stringify({ t: 'modules' }))
    await expectStates({
      dropped: paths.withA.concat(paths.withoutA.slice(0, 2)),
      kept: [projectList, projectWithoutA, event, eventList],
    })
  })

  it('should drop every answer for a change to a table that belongs to no collection it knows', async () => {
    const { paths } = await scene()
    await prime([...paths.withA, ...paths.withoutA])
    await notify(JSON.stringify({ r: { somewhere: [1] }, t: 'somewhere_else' }))
    await expectStates({ dropped: [...paths.withA, ...paths.withoutA], kept: [] })
  })

  it('should report the rows of a statement through its trigger: id, foreign keys and target', async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await client.connect()
    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await listener.connect()
    try {
      const { moduleA, event } = await scene()
      const messages: string[] = []
      listener.on('notification', (notification) => messages.push(notification.payload ?? ''))
      await listener.query('LISTEN qn_content_changed')
      await client.query(`UPDATE modules SET title = title WHERE id = $1`, [moduleA.id])
      await client.query(
        `INSERT INTO registrations (event_id, name, email, status) VALUES ($1, 'Gast', 'gast@trigger.test', 'pending')`,
        [event.id],
      )
      await client.query(`DELETE FROM registrations WHERE email = 'gast@trigger.test'`)
      await client.query(`UPDATE modules SET title = title WHERE false`)
      // A round trip on the listening connection delivers what was committed before it.
      await listener.query('SELECT 1')
      const parsed = messages.map((message) => JSON.parse(message) as unknown)
      expect(parsed).toEqual([
        { r: { modules: [String(moduleA.id)] }, t: 'modules' },
        {
          r: { events: [String(event.id)], registrations: [expect.any(String)] },
          t: 'registrations',
        },
        {
          r: { events: [String(event.id)], registrations: [expect.any(String)] },
          t: 'registrations',
        },
        { r: {}, t: 'modules' },
      ])
    } finally {
      await listener.end()
      await client.end()
    }
  })
})
