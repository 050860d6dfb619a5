/**
 * Access that grants on `true` only (plugins/shared/access.ts), and the ratings plugin's lock
 * field with it: a host whose `canModerate` answers some users with a query (as collection
 * access may) must not let those users lock or unlock ratings. Payload counts any truthy
 * answer of field access as "allowed", so the query used to count as a yes.
 *
 * The field is tested through Payload itself: a small host of its own (a 'notes' collection
 * rated on one dimension) on a fresh database filled by push, users signed in as the Local
 * API's `user`, and `overrideAccess: false`, as the REST and GraphQL APIs call.
 */
import type { Access, CollectionSlug, Payload, PayloadRequest } from 'payload'

import crypto from 'node:crypto'

import { postgresAdapter } from '@payloadcms/db-postgres'
import { grantsOnlyTrue, isTrue } from '@quartiersnetz/plugin-kit/access'
import { collectionOf } from '@quartiersnetz/plugin-kit/data'
import { ratingsPlugin } from '@quartiersnetz/plugin-ratings'
import { buildConfig, createLocalReq, getPayload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { closePool, poolOf } from '../../src/db/closePool'
import { createDatabase, databaseUrl, dropDatabase } from '../helpers/cluster'

const NOTES = 'notes'
const MODERATOR = 'moderation@access-helpers.test'
const AUTHOR = 'author@access-helpers.test'
const PASSWORD = 'Richtiges-Passwort-2026'

/** Moderators get a yes; everyone else signed in gets a query ("the notes that exist"). */
const canModerate: Access = ({ req }) =>
  req.user?.email === MODERATOR ? true : { id: { exists: true } }

type Note = { id: number; ratingsLocked?: boolean | null; title: string }
type Staff = { email: string; id: number; password?: string }

const adminUrl = process.env.QN_TEST_ADMIN_URL
const database = `qn_access_helpers_${crypto.randomBytes(4).toString('hex')}`
let payload: Payload
const users: Partial<Record<'author' | 'moderator', PayloadRequest['user']>> = {}

/** A request of `who` (signed in, as Payload's auth would have found them), or of nobody. */
const requestOf = async (who?: 'author' | 'moderator'): Promise<PayloadRequest> => {
  const user = who ? users[who] : null
  if (who && !user) {
    throw new Error(`beforeAll did not create the ${who}`)
  }
  return createLocalReq({ user: user ?? undefined }, payload)
}

/** The notes as `who` reads and writes them. */
const notesAs = async (who?: 'author' | 'moderator') =>
  collectionOf<Note>(await requestOf(who), NOTES)

beforeAll(async () => {
  if (!adminUrl) {
    throw new Error('tests/helpers/globalSetup.ts did not run: start the tests with vitest.')
  }
  await createDatabase(adminUrl, database)
  const config = await buildConfig({
    admin: { user: 'staff' },
    collections: [
      { slug: 'staff', auth: true, fields: [] },
      {
        slug: NOTES,
        // Any signed-in user may edit notes; whether they may lock ratings is the plugin's field access.
        access: {
          create: ({ req }) => Boolean(req.user),
          read: () => true,
          update: ({ req }) => Boolean(req.user),
        },
        fields: [{ name: 'title', type: 'text', required: true }],
      },
    ],
    db: postgresAdapter({
      pool: { connectionString: databaseUrl(adminUrl, database), max: 4 },
      push: true,
    }),
    logger: { options: { level: process.env.LOG_LEVEL || 'warn' } },
    plugins: [
      ratingsPlugin({
        canModerate,
        collections: [NOTES as CollectionSlug],
        dimensions: [{ high: 'viel', key: 'effort', label: 'Aufwand', low: 'wenig' }],
      }),
    ],
    secret: 'access-helpers-secret-0123456789abcdef',
    telemetry: false,
    typescript: { autoGenerate: false },
  })
  payload = await getPayload({ config, key: database })
  const staff = collectionOf<Staff>(await createLocalReq({}, payload), 'staff')
  for (const [who, email] of [
    ['moderator', MODERATOR],
    ['author', AUTHOR],
  ] as const) {
    const created = await staff.create({
      data: { email, password: PASSWORD },
      overrideAccess: true,
    })
    // As Payload's auth puts a user on a request: the document with its collection. (The
    // generated types know this project's users only, not this host's staff.)
    users[who] = { ...created, collection: 'staff' } as unknown as PayloadRequest['user']
  }
})

afterAll(async () => {
  if (payload) {
    const pool = poolOf(payload)
    await payload.destroy()
    await closePool(pool)
  }
  if (adminUrl) {
    await dropDatabase(adminUrl, database)
  }
})

const createNote = async (title: string) =>
  (await notesAs()).create({ data: { title }, overrideAccess: true })

const lockStateOf = async (id: number) =>
  (await (await notesAs()).findByID({ id, overrideAccess: true }))?.ratingsLocked

/** An update of a note as `who`, with access checked as the REST API checks it. */
const updateAs = async (who: 'author' | 'moderator', id: number, data: Partial<Note>) =>
  (await notesAs(who)).update({ data, id, overrideAccess: false })

describe('grantsOnlyTrue', () => {
  it('should deny when the predicate answers with a query', async () => {
    const access = grantsOnlyTrue(() => ({ id: { exists: true } }))
    expect(await access({ req: await requestOf('author') })).toBe(false)
  })

  it('should deny when the predicate answers with something merely truthy', async () => {
    const req = await requestOf('author')
    expect(await grantsOnlyTrue(() => 'yes')({ req })).toBe(false)
    expect(await grantsOnlyTrue(() => 1)({ req })).toBe(false)
  })

  it('should grant when the predicate answers true, also asynchronously', async () => {
    const req = await requestOf('moderator')
    expect(await grantsOnlyTrue(() => true)({ req })).toBe(true)
    expect(await grantsOnlyTrue(async () => true)({ req })).toBe(true)
  })

  it('should pass the access arguments to the predicate unchanged', async () => {
    const req = await requestOf('author')
    const args = { id: 7, req }
    let seen: unknown
    await grantsOnlyTrue((received) => {
      seen = received
      return true
    })(args)
    expect(seen).toBe(args)
  })

  it('should count only true as true in isTrue', () => {
    expect(
      [true, false, 'true', 1, {}, { id: { exists: true } }, null, undefined].map(isTrue),
    ).toEqual([true, false, false, false, false, false, false, false])
  })
})

describe('the ratings lock field with a canModerate that answers with a query', () => {
  it('should not let a user whom canModerate answers with a query lock ratings', async () => {
    const note = await createNote('Notiz, die offen bleibt')
    const updated = await updateAs('author', note.id, {
      ratingsLocked: true,
      title: 'Notiz, umbenannt',
    })
    // The rest of the update went through (collection access allows it); only the lock did not.
    expect(updated.title).toBe('Notiz, umbenannt')
    expect(await lockStateOf(note.id)).toBe(false)
  })

  it('should not let a user whom canModerate answers with a query unlock ratings', async () => {
    const note = await createNote('Gesperrte Notiz')
    await updateAs('moderator', note.id, { ratingsLocked: true })
    expect(await lockStateOf(note.id)).toBe(true)
    await updateAs('author', note.id, { ratingsLocked: false })
    expect(await lockStateOf(note.id)).toBe(true)
  })

  it('should not let a user whom canModerate answers with a query create a locked document', async () => {
    const created = await (
      await notesAs('author')
    ).create({ data: { ratingsLocked: true, title: 'Neue Notiz' }, overrideAccess: false })
    expect(await lockStateOf(created.id)).toBe(false)
  })

  it('should let a user whom canModerate answers true lock ratings', async () => {
    const note = await createNote('Notiz zum Sperren')
    await updateAs('moderator', note.id, { ratingsLocked: true })
    expect(await lockStateOf(note.id)).toBe(true)
  })
})
