/**
 * The access matrix over the Local API: every public content collection × {anonymous visitor,
 * municipality editor of city A, editor, admin} × {create, read, update, delete}, with drafts
 * and private fields, called with `user` and `overrideAccess: false` as the REST and GraphQL
 * APIs do.
 */
import type { Payload, RequiredDataFromCollectionSlug, Where } from 'payload'

import { getPayload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Event, Person, User } from '../../payload-types'

import config from '../../payload.config'
import { closePool, poolOf } from '../../src/db/closePool'
import { committedMigrations } from '../../src/db/committedMigrations'
import { type ContentSlug, createMunicipality } from '../helpers/fixtures'
import { createUser, PASSWORD } from '../helpers/users'

type Actor = 'admin' | 'anonymous' | 'editor' | 'municipality-editor'
type Operation = 'create' | 'delete' | 'read' | 'readDraft' | 'update'
type Permissions = Record<Operation, boolean>
type Data = Record<string, unknown>

type ContentCollection = {
  /** Valid data for a new document of this collection; city-scoped documents belong to city A. */
  data: (title: string) => Data
  /** What the municipality editor of city A may do here (with city A's documents). */
  municipalityEditor: Permissions
  slug: ContentSlug
  titleField: 'name' | 'title'
}

let payload: Payload
let cityA: number
let cityB: number
const users: Partial<Record<Exclude<Actor, 'anonymous'>, User>> = {}
let counter = 0

/** A title no other test uses, so counts and lookups see only this test's documents. */
const uniqueTitle = (label: string) => `${label} ${++counter}-${Date.now()}`

const userOf = (actor: Actor): undefined | User => {
  if (actor === 'anonymous') {
    return undefined
  }
  const user = users[actor]
  if (!user) {
    throw new Error(`beforeAll did not create the ${actor}`)
  }
  return user
}

/** Documents of the coordination office: a municipality editor reads them as published. */
const readOnly: Permissions = {
  create: false,
  delete: false,
  read: true,
  readDraft: false,
  update: false,
}

const COLLECTIONS: ContentCollection[] = [
  {
    data: (title) => ({ kind: 'network', title }),
    municipalityEditor: readOnly,
    slug: 'organisations',
    titleField: 'title',
  },
  {
    data: (name) => ({
      email: 'person@quartiersnetz.test',
      isContactPublic: false,
      name,
      phone: '+49 201 123456',
    }),
    municipalityEditor: readOnly,
    slug: 'people',
    titleField: 'name',
  },
  {
    data: (name) => ({ name, state: 'NW' }),
    // Their own profile only: the update cells edit city A itself (see targetFor); the draft
    // fixture is another city.
    municipalityEditor: {
      create: false,
      delete: false,
      read: true,
      readDraft: false,
      update: true,
    },
    slug: 'municipalities',
    titleField: 'name',
  },
  {
    data: (title) => ({ municipality: cityA, title }),
    municipalityEditor: { create: true, delete: true, read: true, readDraft: true, update: true },
    slug: 'program-areas',
    titleField: 'title',
  },
  {
    data: (title) => ({ title }),
    municipalityEditor: readOnly,
    slug: 'fields-of-action',
    titleField: 'title',
  },
  {
    data: (title) => ({ municipality: cityA, title }),
    municipalityEditor: { create: true, delete: true, read: true, readDraft: true, update: true },
    slug: 'projects',
    titleField: 'title',
  },
  {
    data: (title) => ({ title }),
    municipalityEditor: readOnly,
    slug: 'modules',
    titleField: 'title',
  },
  {
    data: (title) => ({
      accessLink: 'https://meet.quartiersnetz.test/raum',
      format: 'online',
      kind: 'webinar',
      start: '2030-05-04T10:00:00.000Z',
      start_tz: 'Europe/Berlin',
      title,
    }),
    municipalityEditor: readOnly,
    slug: 'events',
    titleField: 'title',
  },
  {
    data: (title) => ({ kind: 'workshop', title }),
    municipalityEditor: readOnly,
    slug: 'event-series',
    titleField: 'title',
  },
  {
    data: (title) => ({ title }),
    municipalityEditor: readOnly,
    slug: 'programmes',
    titleField: 'title',
  },
  {
    data: (title) => ({ title }),
    municipalityEditor: readOnly,
    slug: 'publications',
    titleField: 'title',
  },
  {
    data: (title) => ({ title }),
    municipalityEditor: readOnly,
    slug: 'target-groups',
    titleField: 'title',
  },
]

const ACTORS: Actor[] = ['anonymous', 'municipality-editor', 'editor', 'admin']

const expectedFor = (collection: ContentCollection, actor: Actor): Permissions => {
  switch (actor) {
    case 'admin':
    case 'editor':
      return { create: true, delete: true, read: true, readDraft: true, update: true }
    case 'anonymous':
      return { create: false, delete: false, read: true, readDraft: false, update: false }
    case 'municipality-editor':
      return collection.municipalityEditor
  }
}

const actorLabel: Record<Actor, string> = {
  admin: 'an admin',
  anonymous: 'an anonymous visitor',
  editor: 'an editor',
  'municipality-editor': 'the municipality editor of city A',
}

const operationLabel: Record<Operation, string> = {
  create: 'create',
  delete: 'delete',
  read: 'read published',
  readDraft: 'read drafts of',
  update: 'update',
}

// Payload's generics cannot follow a slug that is only known at run time; the data factories
// above produce valid data for their slug, which the database checks anyway.
const asData = <S extends ContentSlug = ContentSlug>(data: Data) =>
  data as unknown as RequiredDataFromCollectionSlug<S>

/** A document made with full access (the fixture), published unless asked otherwise. */
const fixture = async (
  collection: ContentCollection,
  { isDraft = false, title = uniqueTitle('Fixture') } = {},
) =>
  payload.create({
    collection: collection.slug,
    data: asData({ ...collection.data(title), _status: isDraft ? 'draft' : 'published' }),
    draft: isDraft,
  })

const findAs = async ({
  actor,
  collection,
  draft = false,
  where,
}: {
  actor: Actor
  collection: ContentSlug
  draft?: boolean
  where: Where
}) =>
  payload.find({
    collection,
    depth: 0,
    draft,
    limit: 100,
    overrideAccess: false,
    user: userOf(actor),
    where,
  })

const existsWithFullAccess = async (collection: ContentSlug, id: number) =>
  (await payload.count({ collection, where: { id: { equals: id } } })).totalDocs === 1

const titleOf = async (collection: ContentCollection, id: number) => {
  const doc = (await payload.findByID({
    collection: collection.slug,
    depth: 0,
    id,
  })) as unknown as Data
  return doc[collection.titleField]
}

const remove = async (collection: ContentSlug, id: number) => {
  await payload.delete({ collection, id }).catch(() => undefined)
}

beforeAll(async () => {
  payload = await getPayload({ config })
  // As the server does at start: the template normally has them all, this makes sure.
  await payload.db.migrate({ migrations: committedMigrations })
  cityA = (await createMunicipality(payload, { name: 'Stadt A' })).id
  cityB = (await createMunicipality(payload, { name: 'Stadt B', state: 'BW' })).id
  // The first account becomes an admin whatever it asks for, so the admin comes first.
  const accounts: { actor: Exclude<Actor, 'anonymous'>; municipality?: number }[] = [
    { actor: 'admin' },
    { actor: 'editor' },
    { actor: 'municipality-editor', municipality: cityA },
  ]
  for (const { actor, municipality } of accounts) {
    const user = await createUser(payload, {
      email: `${actor}@quartiersnetz.test`,
      municipality,
      role: actor,
    })
    expect(user.role).toBe(actor)
    users[actor] = { ...user, collection: 'users' }
  }
})

afterAll(async () => {
  const pool = payload ? poolOf(payload) : undefined
  await payload?.destroy()
  await closePool(pool)
})

describe('access matrix', () => {
  for (const collection of COLLECTIONS) {
    describe(collection.slug, () => {
      for (const actor of ACTORS) {
        const expected = expectedFor(collection, actor)
        const name = (operation: Operation) =>
          `should ${expected[operation] ? 'let' : 'not let'} ${actorLabel[actor]} ${operationLabel[operation]} ${collection.slug}`

        it(name('create'), async () => {
          const title = uniqueTitle('Neu')
          const attempt = payload.create({
            collection: collection.slug,
            data: asData({ ...collection.data(title), _status: 'published' }),
            overrideAccess: false,
            user: userOf(actor),
          })
          if (expected.create) {
            const created = await attempt
            expect(await existsWithFullAccess(collection.slug, created.id)).toBe(true)
            await remove(collection.slug, created.id)
          } else {
            await expect(attempt).rejects.toMatchObject({ status: 403 })
            const { totalDocs } = await payload.count({
              collection: collection.slug,
              where: { [collection.titleField]: { equals: title } },
            })
            expect(totalDocs).toBe(0)
          }
        })

        it(name('read'), async () => {
          const doc = await fixture(collection)
          try {
            const { docs } = await findAs({
              actor,
              collection: collection.slug,
              where: { id: { equals: doc.id } },
            })
            expect(docs.map((found) => found.id)).toEqual(expected.read ? [doc.id] : [])
          } finally {
            await remove(collection.slug, doc.id)
          }
        })

        it(name('readDraft'), async () => {
          const draft = await fixture(collection, { isDraft: true })
          try {
            // Asking for drafts explicitly must not help a visitor either.
            for (const draftFlag of [false, true]) {
              const { docs } = await findAs({
                actor,
                collection: collection.slug,
                draft: draftFlag,
                where: { id: { equals: draft.id } },
              })
              expect(docs.map((found) => found.id)).toEqual(expected.readDraft ? [draft.id] : [])
            }
            const byId = payload.findByID({
              collection: collection.slug,
              draft: true,
              id: draft.id,
              overrideAccess: false,
              user: userOf(actor),
            })
            if (expected.readDraft) {
              expect((await byId).id).toBe(draft.id)
            } else {
              await expect(byId).rejects.toMatchObject({ status: 404 })
            }
          } finally {
            await remove(collection.slug, draft.id)
          }
        })

        it(name('update'), async () => {
          // A municipality editor's own profile is city A itself; everything else gets a fresh document.
          const isOwnProfile = collection.slug === 'municipalities'
          const doc = isOwnProfile ? { id: cityA } : await fixture(collection)
          const before = await titleOf(collection, doc.id)
          const title = uniqueTitle('Geändert')
          try {
            const attempt = payload.update({
              collection: collection.slug,
              data: asData({ [collection.titleField]: title }),
              id: doc.id,
              overrideAccess: false,
              user: userOf(actor),
            })
            if (expected.update) {
              await attempt
              expect(await titleOf(collection, doc.id)).toBe(title)
            } else {
              await expect(attempt).rejects.toMatchObject({ status: 403 })
              expect(await titleOf(collection, doc.id)).toBe(before)
            }
          } finally {
            if (isOwnProfile) {
              await payload.update({
                collection: 'municipalities',
                data: { name: 'Stadt A' },
                id: cityA,
              })
            } else {
              await remove(collection.slug, doc.id)
            }
          }
        })

        it(name('delete'), async () => {
          const doc = await fixture(collection)
          try {
            const attempt = payload.delete({
              collection: collection.slug,
              id: doc.id,
              overrideAccess: false,
              user: userOf(actor),
            })
            if (expected.delete) {
              await attempt
              expect(await existsWithFullAccess(collection.slug, doc.id)).toBe(false)
            } else {
              await expect(attempt).rejects.toMatchObject({ status: 403 })
              expect(await existsWithFullAccess(collection.slug, doc.id)).toBe(true)
            }
          } finally {
            await remove(collection.slug, doc.id)
          }
        })
      }
    })
  }
})

describe('drafts of published documents', () => {
  for (const collection of COLLECTIONS) {
    for (const actor of ACTORS) {
      // The coordination office, and a municipality editor in their own city's documents.
      const isSignedIn = expectedFor(collection, actor).readDraft
      it(`should ${isSignedIn ? 'show' : 'not show'} ${actorLabel[actor]} the newer draft of a published document in ${collection.slug}`, async () => {
        const published = uniqueTitle('Veröffentlicht')
        const doc = await fixture(collection, { title: published })
        const draftTitle = uniqueTitle('Entwurf')
        await payload.update({
          collection: collection.slug,
          data: asData({ [collection.titleField]: draftTitle }),
          draft: true,
          id: doc.id,
        })
        try {
          const found = (await payload.findByID({
            collection: collection.slug,
            draft: true,
            id: doc.id,
            overrideAccess: false,
            user: userOf(actor),
          })) as unknown as Data
          expect(found[collection.titleField]).toBe(isSignedIn ? draftTitle : published)
          const { docs } = await findAs({
            actor,
            collection: collection.slug,
            draft: true,
            where: { id: { equals: doc.id } },
          })
          // Another city's document in a list of drafts (as the admin asks) is left out while
          // its newest version is a draft: it is not theirs to read, and the list reads versions.
          const isOtherCitysDraft =
            actor === 'municipality-editor' && collection.slug === 'municipalities'
          expect((docs as unknown as Data[]).map((entry) => entry[collection.titleField])).toEqual(
            isOtherCitysDraft ? [] : [isSignedIn ? draftTitle : published],
          )
        } finally {
          await remove(collection.slug, doc.id)
        }
      })
    }
  }

  it('should not let an anonymous visitor read versions', async () => {
    const people = COLLECTIONS.find((collection) => collection.slug === 'people')!
    const doc = await fixture(people)
    try {
      await expect(
        payload.findVersions({
          collection: 'people',
          overrideAccess: false,
          where: { parent: { equals: doc.id } },
        }),
      ).rejects.toMatchObject({ status: 403 })
      const { docs } = await payload.findVersions({
        collection: 'people',
        overrideAccess: false,
        user: userOf('editor'),
        where: { parent: { equals: doc.id } },
      })
      expect(docs.length).toBeGreaterThan(0)
    } finally {
      await remove('people', doc.id)
    }
  })
})

describe('private fields', () => {
  const contactOf = async (actor: Actor, id: number) =>
    (await payload.findByID({
      collection: 'people',
      depth: 0,
      id,
      overrideAccess: false,
      user: userOf(actor),
    })) as Person

  for (const actor of ACTORS) {
    // The coordination office; municipality editors see contacts as visitors do.
    const isSignedIn = actor === 'admin' || actor === 'editor'

    it(`should ${isSignedIn ? 'show' : 'not show'} ${actorLabel[actor]} the e-mail and phone of a person whose contact is not public`, async () => {
      const person = await payload.create({
        collection: 'people',
        data: {
          _status: 'published',
          email: 'privat@quartiersnetz.test',
          isContactPublic: false,
          name: uniqueTitle('Privat'),
          phone: '+49 201 999',
        },
      })
      try {
        const found = await contactOf(actor, person.id)
        expect(found.name).toBe(person.name)
        if (isSignedIn) {
          expect(found).toMatchObject({ email: 'privat@quartiersnetz.test', phone: '+49 201 999' })
        } else {
          expect(found).not.toHaveProperty('email')
          expect(found).not.toHaveProperty('phone')
        }
      } finally {
        await remove('people', person.id)
      }
    })

    it(`should show ${actorLabel[actor]} the e-mail and phone of a person whose contact is public`, async () => {
      const person = await payload.create({
        collection: 'people',
        data: {
          _status: 'published',
          email: 'oeffentlich@quartiersnetz.test',
          isContactPublic: true,
          name: uniqueTitle('Öffentlich'),
          phone: '+49 201 111',
        },
      })
      try {
        expect(await contactOf(actor, person.id)).toMatchObject({
          email: 'oeffentlich@quartiersnetz.test',
          phone: '+49 201 111',
        })
      } finally {
        await remove('people', person.id)
      }
    })

    const readsAccessLink = actor === 'admin' || actor === 'editor'
    it(`should ${readsAccessLink ? 'show' : 'not show'} ${actorLabel[actor]} the access link of an online event`, async () => {
      const event = await payload.create({
        collection: 'events',
        data: {
          _status: 'published',
          accessLink: 'https://meet.quartiersnetz.test/geheim',
          format: 'online',
          kind: 'webinar',
          start: '2030-05-04T10:00:00.000Z',
          start_tz: 'Europe/Berlin',
          title: uniqueTitle('Webinar'),
        },
      })
      try {
        const found = (await payload.findByID({
          collection: 'events',
          depth: 0,
          id: event.id,
          overrideAccess: false,
          user: userOf(actor),
        })) as Event
        expect(found.title).toBe(event.title)
        if (readsAccessLink) {
          expect(found.accessLink).toBe('https://meet.quartiersnetz.test/geheim')
        } else {
          expect(found).not.toHaveProperty('accessLink')
        }
        if (actor === 'municipality-editor') {
          // The coordination office's versions are not theirs to read.
          await expect(
            payload.findVersions({
              collection: 'events',
              overrideAccess: false,
              user: userOf(actor),
              where: { parent: { equals: event.id } },
            }),
          ).rejects.toMatchObject({ status: 403 })
        } else if (isSignedIn) {
          // Versions carry the same fields; the rule holds there too.
          const { docs } = await payload.findVersions({
            collection: 'events',
            overrideAccess: false,
            user: userOf(actor),
            where: { parent: { equals: event.id } },
          })
          expect(docs.length).toBeGreaterThan(0)
          for (const version of docs) {
            expect(version.version.accessLink).toBe(
              readsAccessLink ? 'https://meet.quartiersnetz.test/geheim' : undefined,
            )
          }
        }
      } finally {
        await remove('events', event.id)
      }
    })
  }

  it('should not let the municipality editor set the access link of an event', async () => {
    const event = await payload.create({
      collection: 'events',
      data: {
        _status: 'published',
        accessLink: 'https://meet.quartiersnetz.test/alt',
        format: 'online',
        kind: 'webinar',
        start: '2030-05-04T10:00:00.000Z',
        start_tz: 'Europe/Berlin',
        title: uniqueTitle('Webinar'),
      },
    })
    try {
      await expect(
        payload.update({
          collection: 'events',
          data: { accessLink: 'https://evil.example/neu' },
          id: event.id,
          overrideAccess: false,
          user: userOf('municipality-editor'),
        }),
      ).rejects.toMatchObject({ status: 403 })
      expect((await payload.findByID({ collection: 'events', id: event.id })).accessLink).toBe(
        'https://meet.quartiersnetz.test/alt',
      )
    } finally {
      await remove('events', event.id)
    }
  })

  const privateQueries: { collection: 'events' | 'people'; label: string; where: Where }[] = [
    {
      collection: 'people',
      label: 'people by e-mail',
      where: { email: { equals: 'privat@quartiersnetz.test' } },
    },
    { collection: 'people', label: 'people by phone', where: { phone: { like: '999' } } },
    {
      collection: 'people',
      label: 'people by e-mail inside or',
      where: { or: [{ email: { exists: true } }, { name: { equals: 'x' } }] },
    },
    {
      collection: 'events',
      label: 'events by access link',
      where: { accessLink: { like: 'geheim' } },
    },
  ]
  for (const { collection, label, where } of privateQueries) {
    it(`should refuse an anonymous visitor's query on ${label}`, async () => {
      await expect(
        payload.find({ collection, overrideAccess: false, where }),
      ).rejects.toMatchObject({ status: 400 })
    })
  }

  it("should refuse a municipality editor's query on the access link of events", async () => {
    await expect(
      payload.find({
        collection: 'events',
        overrideAccess: false,
        user: userOf('municipality-editor'),
        where: { accessLink: { exists: true } },
      }),
    ).rejects.toMatchObject({ status: 400 })
  })

  for (const sort of ['email', '-phone']) {
    it(`should refuse an anonymous visitor's sort by people ${sort}`, async () => {
      await expect(
        payload.find({ collection: 'people', overrideAccess: false, sort }),
      ).rejects.toMatchObject({ status: 400 })
    })
  }
})

describe('municipality editors and other cities', () => {
  const asEditorOfA = () => ({ overrideAccess: false, user: userOf('municipality-editor') })

  for (const slug of ['program-areas', 'projects'] as const) {
    const collection = { ...COLLECTIONS.find((entry) => entry.slug === slug)!, slug }
    it(`should not let the municipality editor of city A create ${collection.slug} of city B`, async () => {
      const title = uniqueTitle('Fremd')
      await expect(
        payload.create({
          collection: collection.slug,
          data: asData<typeof slug>({ ...collection.data(title), municipality: cityB }),
          ...asEditorOfA(),
        }),
      ).rejects.toMatchObject({ status: 403 })
      expect(
        (await payload.count({ collection: collection.slug, where: { title: { equals: title } } }))
          .totalDocs,
      ).toBe(0)
    })

    it(`should put ${collection.slug} that the municipality editor creates without a city into city A`, async () => {
      const created = await payload.create({
        collection: collection.slug,
        data: asData<typeof slug>({
          ...collection.data(uniqueTitle('Ohne')),
          municipality: undefined,
        }),
        ...asEditorOfA(),
      })
      try {
        expect(
          (await payload.findByID({ collection: collection.slug, depth: 0, id: created.id }))
            .municipality,
        ).toBe(cityA)
      } finally {
        await remove(collection.slug, created.id)
      }
    })

    it(`should let the municipality editor of city A create ${collection.slug} naming city A by a string id`, async () => {
      const created = await payload.create({
        collection: collection.slug,
        data: asData<typeof slug>({
          ...collection.data(uniqueTitle('Text-ID')),
          municipality: String(cityA),
        }),
        ...asEditorOfA(),
      })
      try {
        expect(
          (await payload.findByID({ collection: collection.slug, depth: 0, id: created.id }))
            .municipality,
        ).toBe(cityA)
      } finally {
        await remove(collection.slug, created.id)
      }
    })

    it(`should not let the municipality editor of city A create ${collection.slug} naming city B by a string id`, async () => {
      await expect(
        payload.create({
          collection: collection.slug,
          data: asData<typeof slug>({
            ...collection.data(uniqueTitle('Text-ID B')),
            municipality: String(cityB),
          }),
          ...asEditorOfA(),
        }),
      ).rejects.toMatchObject({ status: 403 })
    })

    it(`should not let the municipality editor of city A update ${collection.slug} of city B`, async () => {
      const doc = await payload.create({
        collection: collection.slug,
        data: asData<typeof slug>({
          ...collection.data(uniqueTitle('B')),
          _status: 'published',
          municipality: cityB,
        }),
      })
      try {
        await expect(
          payload.update({
            collection: collection.slug,
            data: asData<typeof slug>({ title: 'Übernommen' }),
            id: doc.id,
            ...asEditorOfA(),
          }),
        ).rejects.toMatchObject({ status: 403 })
        // Nor through a bulk update that names it.
        const bulk = await payload.update({
          collection: collection.slug,
          data: asData<typeof slug>({ title: 'Übernommen' }),
          where: { id: { equals: doc.id } },
          ...asEditorOfA(),
        })
        expect(bulk.docs).toEqual([])
        expect(await titleOf(collection, doc.id)).toBe(doc.title)
      } finally {
        await remove(collection.slug, doc.id)
      }
    })

    it(`should not let the municipality editor of city A delete ${collection.slug} of city B`, async () => {
      const doc = await payload.create({
        collection: collection.slug,
        data: asData<typeof slug>({
          ...collection.data(uniqueTitle('B')),
          _status: 'published',
          municipality: cityB,
        }),
      })
      try {
        await expect(
          payload.delete({ collection: collection.slug, id: doc.id, ...asEditorOfA() }),
        ).rejects.toMatchObject({ status: 403 })
        expect(await existsWithFullAccess(collection.slug, doc.id)).toBe(true)
      } finally {
        await remove(collection.slug, doc.id)
      }
    })

    it(`should not let the municipality editor of city A move ${collection.slug} to city B`, async () => {
      const doc = await payload.create({
        collection: collection.slug,
        data: asData<typeof slug>({ ...collection.data(uniqueTitle('A')), _status: 'published' }),
      })
      try {
        await expect(
          payload.update({
            collection: collection.slug,
            data: asData<typeof slug>({ municipality: cityB }),
            id: doc.id,
            ...asEditorOfA(),
          }),
        ).rejects.toMatchObject({ status: 403 })
        expect(
          (await payload.findByID({ collection: collection.slug, depth: 0, id: doc.id }))
            .municipality,
        ).toBe(cityA)
      } finally {
        await remove(collection.slug, doc.id)
      }
    })

    it(`should not let the municipality editor of city A move ${collection.slug} to city B by restoring an old version`, async () => {
      // The coordination office moved it from B to A; the version from B's time must not move it back.
      const doc = await payload.create({
        collection: collection.slug,
        data: asData<typeof slug>({
          ...collection.data(uniqueTitle('Umzug')),
          _status: 'published',
          municipality: cityB,
        }),
      })
      try {
        const { docs: versions } = await payload.findVersions({
          collection: collection.slug,
          where: { parent: { equals: doc.id } },
        })
        const fromB = versions[0]
        expect(fromB).toBeDefined()
        await payload.update({
          collection: collection.slug,
          data: asData<typeof slug>({ municipality: cityA }),
          id: doc.id,
        })
        await expect(
          payload.restoreVersion({ collection: collection.slug, id: fromB!.id, ...asEditorOfA() }),
        ).rejects.toMatchObject({ status: 403 })
        expect(
          (await payload.findByID({ collection: collection.slug, depth: 0, id: doc.id }))
            .municipality,
        ).toBe(cityA)
      } finally {
        await remove(collection.slug, doc.id)
      }
    })
  }

  it("should let the municipality editor of city A bulk-update city A's profile but not city B's", async () => {
    const { docs } = await payload.find({
      collection: 'municipalities',
      depth: 0,
      limit: 100,
      overrideAccess: false,
      user: userOf('municipality-editor'),
    })
    expect(docs.map((doc) => doc.id)).toEqual(expect.arrayContaining([cityA, cityB]))
    const editable = await payload.update({
      collection: 'municipalities',
      data: { officialName: 'Stadt A (kreisfrei)' },
      overrideAccess: false,
      user: userOf('municipality-editor'),
      where: { id: { in: [cityA, cityB] } },
    })
    expect(editable.docs.map((doc) => doc.id)).toEqual([cityA])
    expect(
      (await payload.findByID({ collection: 'municipalities', id: cityB })).officialName ?? null,
    ).toBeNull()
    await payload.update({ collection: 'municipalities', data: { officialName: null }, id: cityA })
  })

  it("should not let the municipality editor of city A update city B's profile", async () => {
    await expect(
      payload.update({
        collection: 'municipalities',
        data: { name: 'Übernommen' },
        id: cityB,
        overrideAccess: false,
        user: userOf('municipality-editor'),
      }),
    ).rejects.toMatchObject({ status: 403 })
    expect((await payload.findByID({ collection: 'municipalities', id: cityB })).name).toBe(
      'Stadt B',
    )
  })

  it('should not let the municipality editor of city A delete their own municipality', async () => {
    await expect(
      payload.delete({
        collection: 'municipalities',
        id: cityA,
        overrideAccess: false,
        user: userOf('municipality-editor'),
      }),
    ).rejects.toMatchObject({ status: 403 })
    expect(await existsWithFullAccess('municipalities', cityA)).toBe(true)
  })
})

describe('media files', () => {
  const PIXEL_PNG = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  )
  const upload = (actor: Exclude<Actor, 'anonymous'>, alt: string) =>
    payload.create({
      collection: 'media',
      data: { alt, uploadedBy: users.admin?.id } as never,
      file: { data: PIXEL_PNG, mimetype: 'image/png', name: 'pixel.png', size: PIXEL_PNG.length },
      overrideAccess: false,
      user: userOf(actor),
    })
  const asCityEditor = () => ({ overrideAccess: false, user: userOf('municipality-editor') })

  it('should record who uploaded a file, whatever the upload says, and keep it', async () => {
    const own = await upload('municipality-editor', 'Eigenes Bild')
    try {
      expect(own.uploadedBy).toMatchObject({ id: userOf('municipality-editor')!.id })
      const changed = await payload.update({
        collection: 'media',
        data: { alt: 'Geändert', uploadedBy: users.admin?.id } as never,
        depth: 0,
        id: own.id,
        ...asCityEditor(),
      })
      expect([changed.alt, changed.uploadedBy]).toEqual([
        'Geändert',
        userOf('municipality-editor')!.id,
      ])
    } finally {
      await payload.delete({ collection: 'media', id: own.id })
    }
  })

  it('should let a municipality editor change and delete only files they uploaded', async () => {
    const others = await upload('admin', 'Wappen einer anderen Stadt')
    const own = await upload('municipality-editor', 'Eigenes Foto')
    try {
      await expect(
        payload.update({
          collection: 'media',
          data: { alt: 'Fremd' },
          id: others.id,
          ...asCityEditor(),
        }),
      ).rejects.toMatchObject({ status: 403 })
      await expect(
        payload.delete({ collection: 'media', id: others.id, ...asCityEditor() }),
      ).rejects.toMatchObject({ status: 403 })
      expect((await payload.findByID({ collection: 'media', id: others.id })).alt).toBe(
        'Wappen einer anderen Stadt',
      )
      await payload.delete({ collection: 'media', id: own.id, ...asCityEditor() })
      expect(
        (await payload.count({ collection: 'media', where: { id: { equals: own.id } } })).totalDocs,
      ).toBe(0)
      // The coordination office changes every file.
      const edited = await payload.update({
        collection: 'media',
        data: { alt: 'Redaktion' },
        id: others.id,
        overrideAccess: false,
        user: userOf('editor'),
      })
      expect(edited.alt).toBe('Redaktion')
    } finally {
      await payload.delete({ collection: 'media', id: others.id })
      await payload.delete({ collection: 'media', where: { id: { equals: own.id } } })
    }
  })
})

describe('drafts of other cities', () => {
  it('should show a municipality editor another city’s project only as published, and its drafts and versions not at all', async () => {
    const asCityEditor = { overrideAccess: false, user: userOf('municipality-editor') }
    const secret = await payload.create({
      collection: 'projects',
      data: asData<'projects'>({
        _status: 'draft',
        municipality: cityB,
        title: uniqueTitle('Geheim B'),
      }),
      draft: true,
    })
    const ownDraft = await payload.create({
      collection: 'projects',
      data: asData<'projects'>({
        _status: 'draft',
        municipality: cityA,
        title: uniqueTitle('Entwurf A'),
      }),
      draft: true,
    })
    try {
      for (const draft of [true, false]) {
        const found = await payload.find({
          collection: 'projects',
          draft,
          where: { id: { in: [secret.id, ownDraft.id] } },
          ...asCityEditor,
        })
        expect(found.docs.map((doc) => doc.id)).toEqual([ownDraft.id])
      }
      await expect(
        payload.findByID({ collection: 'projects', draft: true, id: secret.id, ...asCityEditor }),
      ).rejects.toMatchObject({ status: 404 })
      const versions = await payload.findVersions({
        collection: 'projects',
        where: { parent: { in: [secret.id, ownDraft.id] } },
        ...asCityEditor,
      })
      expect(new Set(versions.docs.map((version) => version.parent))).toEqual(
        new Set([ownDraft.id]),
      )
      // The coordination office reads both.
      const office = await payload.find({
        collection: 'projects',
        draft: true,
        overrideAccess: false,
        user: userOf('editor'),
        where: { id: { in: [secret.id, ownDraft.id] } },
      })
      expect(office.docs).toHaveLength(2)
      // Modules belong to no city: a municipality editor reads them as published only.
      const module = await payload.create({
        collection: 'modules',
        data: { _status: 'draft', title: uniqueTitle('Modulentwurf') } as never,
        draft: true,
      })
      try {
        expect(
          (
            await payload.find({
              collection: 'modules',
              draft: true,
              where: { id: { equals: module.id } },
              ...asCityEditor,
            })
          ).docs,
        ).toEqual([])
      } finally {
        await payload.delete({ collection: 'modules', id: module.id })
      }
    } finally {
      await remove('projects', secret.id)
      await remove('projects', ownDraft.id)
    }
  })
})

describe('users', () => {
  const userCases: { actor: Actor; mayManage: boolean }[] = [
    { actor: 'anonymous', mayManage: false },
    { actor: 'municipality-editor', mayManage: false },
    { actor: 'editor', mayManage: false },
    { actor: 'admin', mayManage: true },
  ]

  for (const { actor, mayManage } of userCases) {
    it(`should ${mayManage ? 'let' : 'not let'} ${actorLabel[actor]} create, read, update and delete other accounts`, async () => {
      const email = `konto-${++counter}@quartiersnetz.test`
      const create = payload.create({
        collection: 'users',
        data: { email, password: PASSWORD, role: 'editor' },
        overrideAccess: false,
        user: userOf(actor),
      })
      if (mayManage) {
        await payload.delete({ collection: 'users', id: (await create).id })
      } else {
        await expect(create).rejects.toMatchObject({ status: 403 })
      }

      const other = await payload.create({
        collection: 'users',
        data: { email, password: PASSWORD, role: 'editor' },
      })
      try {
        // Without any read access Payload refuses the query; with a narrower one it finds nothing.
        const readable = await payload
          .find({
            collection: 'users',
            overrideAccess: false,
            user: userOf(actor),
            where: { id: { equals: other.id } },
          })
          .then(
            ({ docs }) => docs.map((doc) => doc.id),
            (err: unknown) => {
              expect(err).toMatchObject({ status: 403 })
              return []
            },
          )
        expect(readable).toEqual(mayManage ? [other.id] : [])
        const update = () =>
          payload.update({
            collection: 'users',
            data: { name: 'Geändert' },
            id: other.id,
            overrideAccess: false,
            user: userOf(actor),
          })
        const deleteOther = () =>
          payload.delete({
            collection: 'users',
            id: other.id,
            overrideAccess: false,
            user: userOf(actor),
          })
        if (mayManage) {
          await update()
          expect((await payload.findByID({ collection: 'users', id: other.id })).name).toBe(
            'Geändert',
          )
          await deleteOther()
          expect(
            (await payload.count({ collection: 'users', where: { id: { equals: other.id } } }))
              .totalDocs,
          ).toBe(0)
        } else {
          await expect(update()).rejects.toMatchObject({ status: 403 })
          await expect(deleteOther()).rejects.toMatchObject({ status: 403 })
          expect(
            (await payload.findByID({ collection: 'users', id: other.id })).name ?? null,
          ).toBeNull()
        }
      } finally {
        await payload.delete({ collection: 'users', id: other.id }).catch(() => undefined)
      }
    })
  }
})
