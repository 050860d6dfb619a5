/**
 * What a member city's website (or anyone else without an account) gets over real HTTP: REST
 * and GraphQL never return drafts, private contact data or event access links, whatever depth,
 * select, populate, where, sort or draft flag the caller sends; private values and drafts can't
 * be probed through where or sort; CORS answers only the configured origins.
 *
 * Every secret in the fixtures contains the marker "GEHEIM", so one check finds any leak.
 */
import type { Payload } from 'payload'

import type { RunningServer } from '../../src/server/startServer'
import type { ContentSlug } from '../helpers/fixtures'
import type { JsonResponse } from '../helpers/http'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { requestJson } from '../helpers/http'
import { startTestServer } from '../helpers/server'
import { createSignedInUsers } from '../helpers/users'

type ListBody = {
  docs?: { id: number; [key: string]: unknown }[]
  errors?: { message: string }[]
  totalDocs?: number
}
type GraphQLBody = {
  data?: Record<
    string,
    { docs?: { id: number; [key: string]: unknown }[]; totalDocs?: number } | null
  > | null
  errors?: { message: string }[]
}

const SECRET = /geheim/i
const MEMBER_SITE = 'https://www.essen.de'
// The config reads CORS_ORIGINS when it is imported, i.e. before any hook runs.
vi.hoisted(() => {
  process.env.CORS_ORIGINS = 'https://www.essen.de'
})
const DEPTHS = [0, 1, 2, 3]

let server: RunningServer
let payload: Payload
/** A signed-in admin, who reads drafts and private data. */
let adminToken: string

/** Ids of the fixtures, filled in beforeAll. */
const ids = {
  city: 0,
  cityDraft: 0,
  eventDraft: 0,
  eventOnline: 0,
  eventOther: 0,
  fieldOfAction: 0,
  fieldOfActionDraft: 0,
  fieldOfActionOther: 0,
  module1: 0,
  module2: 0,
  module3: 0,
  module4: 0,
  moduleDraft: 0,
  organisation: 0,
  organisationDraft: 0,
  personDraft: 0,
  personPrivate: 0,
  personPublic: 0,
  programArea: 0,
  programAreaDraft: 0,
  programme: 0,
  programmeDraft: 0,
  project1: 0,
  project2: 0,
  projectDraft: 0,
  publication: 0,
  publicationDraft: 0,
  series: 0,
  seriesDraft: 0,
  targetGroup: 0,
  targetGroupDraft: 0,
}

/** The published documents of each collection, to fetch one by one. */
const publishedIds = (): Record<ContentSlug, number[]> => ({
  'event-series': [ids.series],
  events: [ids.eventOnline, ids.eventOther],
  'fields-of-action': [ids.fieldOfAction, ids.fieldOfActionOther],
  modules: [ids.module1, ids.module2, ids.module3, ids.module4],
  municipalities: [ids.city],
  organisations: [ids.organisation],
  people: [ids.personPublic, ids.personPrivate],
  'program-areas': [ids.programArea],
  programmes: [ids.programme],
  projects: [ids.project1, ids.project2],
  publications: [ids.publication],
  'target-groups': [ids.targetGroup],
})

const draftIds = (): Record<ContentSlug, number> => ({
  'event-series': ids.seriesDraft,
  events: ids.eventDraft,
  'fields-of-action': ids.fieldOfActionDraft,
  modules: ids.moduleDraft,
  municipalities: ids.cityDraft,
  organisations: ids.organisationDraft,
  people: ids.personDraft,
  'program-areas': ids.programAreaDraft,
  programmes: ids.programmeDraft,
  projects: ids.projectDraft,
  publications: ids.publicationDraft,
  'target-groups': ids.targetGroupDraft,
})

const SLUGS = Object.keys(publishedIds()) as ContentSlug[]

const get = async (path: string, headers?: Record<string, string>) =>
  requestJson<ListBody>(`${server.url}${path}`, { headers })

const graphql = async (
  query: string,
  { headers, token }: { headers?: Record<string, string>; token?: string } = {},
) =>
  requestJson<GraphQLBody>(`${server.url}/api/graphql`, {
    body: { query },
    headers,
    method: 'POST',
    token,
  })

/** The response must not contain any marked secret (draft content, private contact, access link). */
const expectNoSecrets = (label: string, response: JsonResponse<unknown>) => {
  expect(response.status, `${label}: ${JSON.stringify(response.body).slice(0, 500)}`).toBeLessThan(
    500,
  )
  const text = JSON.stringify(response.body)
  expect(
    text.match(SECRET)?.[0],
    `${label} leaked: …${text.slice(Math.max(0, text.search(SECRET) - 200), text.search(SECRET) + 100)}…`,
  ).toBeUndefined()
}

/** What a probe tells the caller: the rejection, or the documents in their order. */
const outcome = (response: JsonResponse<ListBody>) =>
  response.status >= 400
    ? { rejected: response.status }
    : { docs: (response.body.docs ?? []).map((doc) => doc.id), totalDocs: response.body.totalDocs }

const graphqlOutcome = (response: JsonResponse<GraphQLBody>) =>
  response.body.errors?.length
    ? { rejected: true }
    : Object.values(response.body.data ?? {}).map((list) => ({
        docs: (list?.docs ?? []).map((doc) => doc.id),
        totalDocs: list?.totalDocs,
      }))

const setPrivateEmail = async (email: string) => {
  await payload.update({ collection: 'people', data: { email }, id: ids.personPrivate })
}

const setAccessLink = async (accessLink: string) => {
  await payload.update({ collection: 'events', data: { accessLink }, id: ids.eventOnline })
}

/** A draft that was never published lives in the main table with _status draft. */
const setDraftOrganisationTitle = async (title: string) => {
  await payload.update({
    collection: 'organisations',
    data: { _status: 'draft', title },
    id: ids.organisationDraft,
  })
}

const setDraftSeriesTitle = async (title: string) => {
  await payload.update({
    collection: 'event-series',
    data: { _status: 'draft', title },
    id: ids.seriesDraft,
  })
}

const createFixtures = async () => {
  const published = { _status: 'published' as const }
  const draftOnly = { _status: 'draft' as const }

  ids.fieldOfAction = (
    await payload.create({
      collection: 'fields-of-action',
      data: { ...published, order: 1, title: 'Wohnen und Wohnumfeld' },
    })
  ).id
  ids.fieldOfActionOther = (
    await payload.create({
      collection: 'fields-of-action',
      data: { ...published, order: 2, title: 'Bildung' },
    })
  ).id
  ids.fieldOfActionDraft = (
    await payload.create({
      collection: 'fields-of-action',
      data: { ...draftOnly, title: 'GEHEIM Handlungsfeld' },
      draft: true,
    })
  ).id
  ids.targetGroup = (
    await payload.create({
      collection: 'target-groups',
      data: { ...published, title: 'Jugendliche' },
    })
  ).id
  ids.targetGroupDraft = (
    await payload.create({
      collection: 'target-groups',
      data: { ...draftOnly, title: 'GEHEIM Zielgruppe' },
      draft: true,
    })
  ).id
  ids.programmeDraft = (
    await payload.create({
      collection: 'programmes',
      data: { ...draftOnly, title: 'GEHEIM Programm' },
      draft: true,
    })
  ).id
  ids.programme = (
    await payload.create({
      collection: 'programmes',
      data: { ...published, predecessor: ids.programmeDraft, title: 'Soziale Stadt' },
    })
  ).id
  ids.organisationDraft = (
    await payload.create({
      collection: 'organisations',
      data: { ...draftOnly, kind: 'network', title: 'GEHEIM Organisation' },
      draft: true,
    })
  ).id
  ids.cityDraft = (
    await payload.create({
      collection: 'municipalities',
      data: { ...draftOnly, name: 'GEHEIM-Stadt', state: 'NW' },
      draft: true,
    })
  ).id
  ids.personDraft = (
    await payload.create({
      collection: 'people',
      data: { ...draftOnly, email: 'entwurf.geheim@essen.test', name: 'GEHEIM Entwurfsperson' },
      draft: true,
    })
  ).id
  ids.personPublic = (
    await payload.create({
      collection: 'people',
      data: {
        ...published,
        email: 'petra@essen.test',
        isContactPublic: true,
        name: 'Petra Öffentlich',
        phone: '+49 201 1000',
      },
    })
  ).id
  ids.personPrivate = (
    await payload.create({
      collection: 'people',
      data: {
        ...published,
        email: 'paul.geheim@essen.test',
        isContactPublic: false,
        name: 'Paul Privat',
        organisation: ids.organisationDraft,
        phone: '+49 201 GEHEIM',
      },
    })
  ).id
  const contacts = [ids.personPrivate, ids.personPublic, ids.personDraft]
  ids.city = (
    await payload.create({
      collection: 'municipalities',
      data: {
        ...published,
        contacts,
        memberships: [{ organisation: ids.organisationDraft }],
        name: 'Essen',
        state: 'NW',
      },
    })
  ).id
  ids.organisation = (
    await payload.create({
      collection: 'organisations',
      data: {
        ...published,
        contacts,
        kind: 'working-group',
        members: [
          { function: 'member', person: ids.personPrivate },
          { function: 'chair', person: ids.personDraft },
        ],
        parent: ids.organisationDraft,
        predecessors: [ids.organisationDraft],
        programmes: [ids.programmeDraft, ids.programme],
        seat: { municipality: ids.cityDraft },
        title: 'AG Soziale Stadt',
      },
    })
  ).id
  // Sorting by organisation title must not place the private person's draft organisation.
  await payload.update({
    collection: 'people',
    data: { organisation: ids.organisation },
    id: ids.personPublic,
  })
  ids.programAreaDraft = (
    await payload.create({
      collection: 'program-areas',
      data: {
        ...draftOnly,
        municipality: ids.city,
        programmeStatus: 'planned',
        title: 'GEHEIM Gebiet',
      },
      draft: true,
    })
  ).id
  ids.programArea = (
    await payload.create({
      collection: 'program-areas',
      data: {
        ...published,
        contacts,
        municipality: ids.city,
        programmeStatus: 'running',
        programmes: [ids.programmeDraft],
        title: 'Altendorf',
      },
    })
  ).id
  ids.seriesDraft = (
    await payload.create({
      collection: 'event-series',
      data: { ...draftOnly, kind: 'workshop', title: 'GEHEIM Reihe' },
      draft: true,
    })
  ).id
  ids.series = (
    await payload.create({
      collection: 'event-series',
      data: {
        ...published,
        fieldsOfAction: [ids.fieldOfActionDraft],
        kind: 'workshop',
        organiser: ids.organisationDraft,
        title: 'Werkstattreihe',
      },
    })
  ).id
  ids.publicationDraft = (
    await payload.create({
      collection: 'publications',
      data: { ...draftOnly, title: 'GEHEIM Publikation' },
      draft: true,
    })
  ).id
  ids.publication = (
    await payload.create({
      collection: 'publications',
      data: {
        ...published,
        fieldsOfAction: [ids.fieldOfActionDraft],
        organisation: ids.organisationDraft,
        title: 'Arbeitshilfe Beteiligung',
      },
    })
  ).id

  ids.moduleDraft = (
    await payload.create({
      collection: 'modules',
      data: {
        ...draftOnly,
        contacts,
        fieldsOfAction: [ids.fieldOfAction],
        title: 'GEHEIM Entwurfsmodul',
      },
      draft: true,
    })
  ).id
  ids.module1 = (
    await payload.create({
      collection: 'modules',
      data: {
        ...published,
        contacts,
        fieldsOfAction: [ids.fieldOfAction, ids.fieldOfActionDraft],
        relatedModules: [ids.moduleDraft],
        targetGroups: [ids.targetGroup, ids.targetGroupDraft],
        title: 'Quartiersrat',
      },
    })
  ).id
  // Published with Handlungsfeld 1; its newer draft drops it and renames the module.
  ids.module2 = (
    await payload.create({
      collection: 'modules',
      data: {
        ...published,
        fieldsOfAction: [ids.fieldOfAction, ids.fieldOfActionOther],
        relatedModules: [ids.module1],
        title: 'Stadtteilkonferenz',
      },
    })
  ).id
  await payload.update({
    collection: 'modules',
    data: { fieldsOfAction: [ids.fieldOfActionOther], title: 'GEHEIM neuer Titel' },
    draft: true,
    id: ids.module2,
  })
  // Published without Handlungsfeld 1; only its newer draft adds it.
  ids.module3 = (
    await payload.create({
      collection: 'modules',
      data: { ...published, fieldsOfAction: [ids.fieldOfActionOther], title: 'Zukunftswerkstatt' },
    })
  ).id
  await payload.update({
    collection: 'modules',
    data: { fieldsOfAction: [ids.fieldOfAction], title: 'GEHEIM Werkstatt' },
    draft: true,
    id: ids.module3,
  })
  ids.module4 = (
    await payload.create({
      collection: 'modules',
      data: {
        ...published,
        fieldsOfAction: [ids.fieldOfAction],
        relatedModules: [ids.module2],
        title: 'Bürgerhaushalt',
      },
    })
  ).id

  ids.project1 = (
    await payload.create({
      collection: 'projects',
      data: {
        ...published,
        contacts,
        fieldsOfAction: [ids.fieldOfAction, ids.fieldOfActionDraft],
        municipality: ids.city,
        organisation: ids.organisationDraft,
        participatingMunicipalities: [ids.cityDraft],
        period: { from: '2010-01-01T00:00:00.000Z' },
        programArea: ids.programAreaDraft,
        programmes: [ids.programmeDraft],
        publications: [ids.publicationDraft, ids.publication],
        relatedModules: [ids.moduleDraft, ids.module1],
        targetGroups: [ids.targetGroupDraft],
        title: 'Soziale Stadt Altendorf',
      },
    })
  ).id
  ids.projectDraft = (
    await payload.create({
      collection: 'projects',
      data: { ...draftOnly, contacts, municipality: ids.city, title: 'GEHEIM Projekt' },
      draft: true,
    })
  ).id
  ids.project2 = (
    await payload.create({
      collection: 'projects',
      data: {
        ...published,
        municipality: ids.city,
        organisation: ids.organisation,
        period: { from: '2020-01-01T00:00:00.000Z' },
        predecessor: ids.project1,
        programArea: ids.programArea,
        title: 'Kreativ.Quartier',
      },
    })
  ).id
  // Project 1 gets a newer draft as well: its draft content must stay hidden.
  await payload.update({
    collection: 'projects',
    data: { teaser: 'GEHEIM Entwurfstext' },
    draft: true,
    id: ids.project1,
  })
  await payload.update({
    collection: 'modules',
    data: { relatedProjects: [ids.project1, ids.project2] },
    id: ids.module4,
  })

  const eventBase = {
    format: 'online' as const,
    kind: 'webinar' as const,
    start_tz: 'Europe/Berlin' as const,
  }
  ids.eventDraft = (
    await payload.create({
      collection: 'events',
      data: {
        ...draftOnly,
        ...eventBase,
        accessLink: 'https://meet.essen.test/entwurf-geheim',
        start: '2030-03-01T10:00:00.000Z',
        title: 'GEHEIM Veranstaltung',
      },
      draft: true,
    })
  ).id
  ids.eventOnline = (
    await payload.create({
      collection: 'events',
      data: {
        ...published,
        ...eventBase,
        accessLink: 'https://meet.essen.test/m-geheim-raum',
        fieldsOfAction: [ids.fieldOfActionDraft],
        municipalities: [ids.cityDraft, ids.city],
        organiser: ids.organisationDraft,
        publications: [ids.publicationDraft],
        relatedProjects: [ids.project1],
        series: ids.seriesDraft,
        speakers: [
          { person: ids.personPrivate, role: 'speaker' },
          { person: ids.personDraft, role: 'moderation' },
        ],
        start: '2030-03-02T10:00:00.000Z',
        title: 'Netzwerktreffen online',
        venue: { municipality: ids.cityDraft },
      },
    })
  ).id
  ids.eventOther = (
    await payload.create({
      collection: 'events',
      data: {
        ...published,
        ...eventBase,
        accessLink: 'https://meet.essen.test/n-geheim-raum',
        series: ids.series,
        start: '2030-03-03T10:00:00.000Z',
        title: 'Werkstatt online',
      },
    })
  ).id
}

beforeAll(async () => {
  process.env.AUTH_RATE_LIMIT_MAX = '1000'
  server = await startTestServer()
  payload = server.payload
  await createFixtures()
  const { tokens } = await createSignedInUsers(payload, {
    serverUrl: server.url,
    users: { admin: { email: 'admin@quartiersnetz.test', role: 'admin' } },
  })
  adminToken = tokens.admin
})

afterAll(async () => {
  await server?.stop()
})

describe('the fixtures', () => {
  it('should show a signed-in editor the drafts and private data that visitors must not see', async () => {
    const token = adminToken
    const people = await requestJson<ListBody>(
      `${server.url}/api/people?depth=0&limit=100&draft=true`,
      { token },
    )
    expect(JSON.stringify(people.body)).toContain('paul.geheim@essen.test')
    expect(JSON.stringify(people.body)).toContain('GEHEIM Entwurfsperson')
    const event = await requestJson<ListBody>(
      `${server.url}/api/events/${ids.eventOnline}?depth=0`,
      { token },
    )
    expect(JSON.stringify(event.body)).toContain('m-geheim-raum')
    const module2 = await requestJson<{ title?: string }>(
      `${server.url}/api/modules/${ids.module2}?draft=true`,
      { token },
    )
    expect(module2.body.title).toBe('GEHEIM neuer Titel')
  })

  it('should show visitors the published documents and public contact data', async () => {
    const people = await get('/api/people?depth=0&limit=100')
    expect(people.status).toBe(200)
    expect(people.body.docs?.map((doc) => doc.name).sort()).toEqual([
      'Paul Privat',
      'Petra Öffentlich',
    ])
    expect(people.body.docs?.find((doc) => doc.id === ids.personPublic)).toMatchObject({
      email: 'petra@essen.test',
      phone: '+49 201 1000',
    })
    const module1 = await get(`/api/modules/${ids.module1}?depth=1`)
    expect(JSON.stringify(module1.body)).toContain('Petra Öffentlich')
  })

  it('should show a public contact selected without its flag, and only what was selected', async () => {
    // The contact fields' access reads isContactPublic: selected along, not shown.
    const selected = await get('/api/people?depth=0&limit=100&select[name]=true&select[email]=true')
    expect(selected.status).toBe(200)
    expect(Object.fromEntries(selected.body.docs?.map((doc) => [doc.name, doc]) ?? [])).toEqual({
      'Paul Privat': { id: ids.personPrivate, name: 'Paul Privat' },
      'Petra Öffentlich': {
        email: 'petra@essen.test',
        id: ids.personPublic,
        name: 'Petra Öffentlich',
      },
    })
    const one = await get(`/api/people/${ids.personPublic}?select[phone]=true`)
    expect(one.body).toEqual({ id: ids.personPublic, phone: '+49 201 1000' })
  })
})

describe('REST: no drafts, private contact data or access links for visitors', () => {
  /** Query strings a caller might add; each is tried at every depth. */
  const variants: { label: string; query: (slug: ContentSlug) => string }[] = [
    { label: 'plain', query: () => '' },
    { label: 'draft=true', query: () => '&draft=true' },
    { label: 'draft=true sorted by update', query: () => '&draft=true&sort=-updatedAt' },
    { label: 'where _status is draft', query: () => '&where[_status][equals]=draft&draft=true' },
    {
      label: 'select of private fields',
      query: (slug) =>
        slug === 'people'
          ? '&select[email]=true&select[phone]=true&select[name]=true'
          : slug === 'events'
            ? '&select[accessLink]=true&select[title]=true&select[speakers]=true'
            : '&select[id]=true',
    },
    {
      label: 'populate of private fields',
      query: () =>
        '&populate[people][email]=true&populate[people][phone]=true&populate[people][isContactPublic]=true&populate[people][name]=true' +
        '&populate[events][accessLink]=true&populate[modules][title]=true&populate[organisations][title]=true&populate[projects][teaser]=true',
    },
    {
      label: 'populate and draft=true',
      query: () =>
        '&draft=true&populate[people][email]=true&populate[people][isContactPublic]=true&populate[modules][title]=true',
    },
  ]

  for (const slug of SLUGS) {
    for (const { label, query } of variants) {
      it(`should keep secrets out of GET /api/${slug} (${label}) at depth 0 to 3`, async () => {
        for (const depth of DEPTHS) {
          const response = await get(`/api/${slug}?depth=${depth}&limit=100${query(slug)}`)
          expect(response.status, `depth ${depth}`).toBe(200)
          expectNoSecrets(`/api/${slug} depth ${depth} ${label}`, response)
          expect(response.body.docs?.map((doc) => doc.id).sort(), `depth ${depth}`).toEqual(
            label.startsWith('where _status') ? [] : [...publishedIds()[slug]].sort(),
          )
        }
      })
    }

    it(`should keep secrets out of each published document of /api/${slug}/:id at depth 0 to 3, with and without draft=true`, async () => {
      for (const id of publishedIds()[slug]) {
        for (const depth of DEPTHS) {
          for (const draft of [
            '',
            '&draft=true',
            '&draft=true&populate[people][email]=true&populate[people][isContactPublic]=true',
          ]) {
            const response = await get(`/api/${slug}/${id}?depth=${depth}${draft}`)
            expect(response.status).toBe(200)
            expectNoSecrets(`/api/${slug}/${id} depth ${depth}${draft}`, response)
          }
        }
      }
    })

    it(`should answer 404 for a draft of /api/${slug}/:id`, async () => {
      for (const draft of ['', '?draft=true']) {
        const response = await get(`/api/${slug}/${draftIds()[slug]}${draft}`)
        expect(response.status).toBe(404)
        expectNoSecrets(`/api/${slug}/draft${draft}`, response)
      }
    })

    it(`should not let a visitor read versions of ${slug}`, async () => {
      const response = await get(`/api/${slug}/versions?depth=0`)
      expect(response.status).toBe(403)
      expectNoSecrets(`/api/${slug}/versions`, response)
    })
  }

  it('should refuse writes by visitors to every collection', async () => {
    for (const slug of SLUGS) {
      const [id] = publishedIds()[slug]
      const created = await requestJson(`${server.url}/api/${slug}`, {
        body: { name: 'Von außen', title: 'Von außen' },
        method: 'POST',
      })
      expect(created.status, `POST /api/${slug}`).toBe(403)
      const updated = await requestJson(`${server.url}/api/${slug}/${id}`, {
        body: { name: 'Von außen', title: 'Von außen' },
        method: 'PATCH',
      })
      expect(updated.status, `PATCH /api/${slug}/${id}`).toBe(403)
      const deleted = await requestJson(`${server.url}/api/${slug}/${id}`, { method: 'DELETE' })
      expect(deleted.status, `DELETE /api/${slug}/${id}`).toBe(403)
      expect(
        (await payload.count({ collection: slug, where: { id: { equals: id } } })).totalDocs,
      ).toBe(1)
    }
  })

  it('should show the published content of a document with a newer draft, even with draft=true', async () => {
    for (const draft of ['', '?draft=true']) {
      const response = await get(`/api/modules/${ids.module2}${draft}`)
      expect(response.body).toMatchObject({ title: 'Stadtteilkonferenz' })
    }
  })

  it('should not populate a draft inside a published document, only leave its id', async () => {
    const response = await get(`/api/modules/${ids.module1}?depth=1`)
    const body = response.body as { contacts?: unknown[]; relatedModules?: unknown[] }
    expect(body.relatedModules).toEqual([ids.moduleDraft])
    expect(body.contacts).toContainEqual(ids.personDraft)
    expect(body.contacts).toContainEqual(
      expect.objectContaining({ id: ids.personPublic, name: 'Petra Öffentlich' }),
    )
  })
})

describe('GraphQL: no drafts, private contact data or access links for visitors', () => {
  const person = 'id name slug email phone isContactPublic organisation { title parent { title } }'
  const queries: Record<ContentSlug, string> = {
    'event-series': `EventSeries(LIST) { docs { id title slug organiser { title parent { title } } fieldsOfAction { title } } }`,
    events: `Events(LIST) { docs { id title accessLink series { title organiser { title } } speakers { name person { ${person} } } organiser { title } venue { municipality { name } } municipalities { name contacts { ${person} } } fieldsOfAction { title } relatedProjects { title teaser contacts { email } } publications { title } } }`,
    'fields-of-action': `FieldsOfActions(LIST) { docs { id title slug } }`,
    modules: `Modules(LIST) { docs { id title slug targetGroups { title } fieldsOfAction { title } contacts { ${person} } relatedProjects { title teaser organisation { title } } relatedModules { title relatedModules { title contacts { ${person} } } } } }`,
    municipalities: `Municipalities(LIST) { docs { id name slug contacts { ${person} } memberships { organisation { title parent { title } } } } }`,
    organisations: `Organisations(LIST) { docs { id title parent { title parent { title } } predecessors { title } members { person { ${person} } } seat { municipality { name } } programmes { title predecessor { title } } contacts { ${person} } } }`,
    people: `People(LIST) { docs { ${person} municipality { name } } }`,
    'program-areas': `ProgramAreas(LIST) { docs { id title municipality { name contacts { email } } programmes { title predecessor { title } } contacts { ${person} } } }`,
    programmes: `Programmes(LIST) { docs { id title predecessor { title predecessor { title } } } }`,
    projects: `Projects(LIST) { docs { id title teaser municipality { name } programArea { title } fieldsOfAction { title } targetGroups { title } programmes { title } organisation { title parent { title } } participatingMunicipalities { name } predecessor { title teaser } contacts { ${person} } relatedModules { title contacts { email phone } } publications { title organisation { title } } } }`,
    publications: `Publications(LIST) { docs { id title organisation { title contacts { email phone } } fieldsOfAction { title } } }`,
    'target-groups': `TargetGroups(LIST) { docs { id title description } }`,
  }
  const listArgs = [
    'limit: 100',
    'limit: 100, draft: true',
    'limit: 100, draft: true, sort: "-updatedAt"',
    'limit: 100, where: { _status: { equals: draft } }',
  ]

  for (const slug of SLUGS) {
    it(`should keep secrets out of the GraphQL list of ${slug}, with and without draft: true`, async () => {
      for (const args of listArgs) {
        const response = await graphql(`{ ${queries[slug].replace('LIST', args)} }`)
        expectNoSecrets(`GraphQL ${slug} (${args})`, response)
        const list = Object.values(response.body.data ?? {})[0]
        expect(
          list?.docs?.map((doc) => doc.id).sort(),
          `${args}: ${JSON.stringify(response.body.errors)}`,
        ).toEqual(args.includes('_status') ? [] : [...publishedIds()[slug]].sort())
      }
    })
  }

  it('should keep drafts out of relationships that ask for draft: true', async () => {
    const response = await graphql(
      `{ Modules(limit: 100, draft: true) { docs { id title contacts(draft: true) { ${person} } relatedModules(draft: true) { title } fieldsOfAction(draft: true) { title } } }
         Projects(draft: true) { docs { title organisation(draft: true) { title } programArea(draft: true) { title } relatedModules(draft: true) { title } } } }`,
    )
    expectNoSecrets('GraphQL relationships with draft: true', response)
    expect(response.body.errors).toBeUndefined()
    expect(JSON.stringify(response.body)).toContain('Petra Öffentlich')
  })

  it('should answer a single published document with its published content and no single draft', async () => {
    const response = await graphql(
      `{ published: Module(id: ${ids.module2}, draft: true) { title fieldsOfAction { id } }
         draft: Module(id: ${ids.moduleDraft}, draft: true) { title } }`,
    )
    expectNoSecrets('GraphQL single documents', response)
    expect(response.body.data?.published).toEqual({
      fieldsOfAction: [{ id: ids.fieldOfAction }, { id: ids.fieldOfActionOther }],
      title: 'Stadtteilkonferenz',
    })
    expect(response.body.data?.draft ?? null).toBeNull()
  })

  it('should count published documents only', async () => {
    const response = await graphql(`
      {
        drafts: countModules(where: { title: { like: "GEHEIM" } }) {
          totalDocs
        }
        all: countModules {
          totalDocs
        }
        people: countPeople(where: { name: { like: "GEHEIM" } }) {
          totalDocs
        }
      }
    `)
    expect(response.body.errors).toBeUndefined()
    expect(response.body.data).toEqual({
      all: { totalDocs: 4 },
      drafts: { totalDocs: 0 },
      people: { totalDocs: 0 },
    })
    const rest = await get('/api/modules/count?where[title][like]=GEHEIM&draft=true')
    expect(rest.body).toEqual({ totalDocs: 0 })
  })

  it('should refuse a count by a private field', async () => {
    const response = await graphql(
      '{ countPeople(where: { email: { exists: true } }) { totalDocs } }',
    )
    expect(response.body.errors?.length).toBeGreaterThan(0)
    expectNoSecrets('countPeople by email', response)
  })

  it('should refuse writes by visitors', async () => {
    const response = await graphql(
      `mutation { createModule(data: { title: "Von außen" }) { id } updateModule(id: ${ids.module1}, data: { title: "Überschrieben" }) { id } }`,
    )
    expect(response.body.errors?.length).toBeGreaterThan(0)
    expect(response.body.data?.createModule ?? null).toBeNull()
    expect((await payload.findByID({ collection: 'modules', id: ids.module1 })).title).toBe(
      'Quartiersrat',
    )
    expect(
      (await payload.count({ collection: 'modules', where: { title: { equals: 'Von außen' } } }))
        .totalDocs,
    ).toBe(0)
  })

  it('should not let a visitor read versions over GraphQL', async () => {
    const response = await graphql(`
      {
        versionsPeople {
          docs {
            version {
              name
              email
              phone
            }
          }
        }
        versionsEvents {
          docs {
            version {
              title
              accessLink
            }
          }
        }
      }
    `)
    expectNoSecrets('GraphQL versions', response)
    expect(response.body.errors?.length).toBeGreaterThan(0)
  })
})

describe('private values and drafts are no oracle', () => {
  /**
   * Runs the same probe in two states that differ only in a hidden value: a visitor must get
   * the same answer in both (usually the same rejection), or the probe reveals the value.
   */
  const expectSameAnswer = async <T>({
    probe,
    setA,
    setB,
  }: {
    probe: () => Promise<T>
    setA: () => Promise<void>
    setB: () => Promise<void>
  }) => {
    await setA()
    const first = await probe()
    await setB()
    const second = await probe()
    await setA()
    expect(second).toEqual(first)
    return first
  }

  const restProbes: { label: string; path: string }[] = [
    {
      label: 'people where email equals',
      path: '/api/people?depth=0&where[email][equals]=a.geheim@essen.test',
    },
    { label: 'people where email like', path: '/api/people?depth=0&where[email][like]=a.geheim' },
    {
      label: 'people where email in an or',
      path: '/api/people?depth=0&where[or][0][email][like]=a.geheim&where[or][1][name][equals]=Petra%20%C3%96ffentlich',
    },
    {
      label: 'people count where email',
      path: '/api/people/count?where[email][equals]=a.geheim@essen.test',
    },
    {
      label: 'modules where contacts.email',
      path: '/api/modules?depth=0&where[contacts.email][equals]=a.geheim@essen.test',
    },
    {
      label: 'organisations where members.person.email',
      path: '/api/organisations?depth=0&where[members.person.email][like]=a.geheim',
    },
    {
      label: 'events where speakers.person.email',
      path: '/api/events?depth=0&where[speakers.person.email][like]=a.geheim',
    },
  ]
  for (const { label, path } of restProbes) {
    it(`should give the same answer to ${label}, whatever the private e-mail is`, async () => {
      const answer = await expectSameAnswer({
        probe: async () => outcome(await get(path)),
        setA: () => setPrivateEmail('a.geheim@essen.test'),
        setB: () => setPrivateEmail('b.geheim@essen.test'),
      })
      expect(answer).toEqual({ rejected: 400 })
    })
  }

  it('should refuse a where on the private e-mail with a message that names the field', async () => {
    const response = await get('/api/people?where[email][equals]=a.geheim@essen.test')
    expect(response.status).toBe(400)
    expect(JSON.stringify(response.body.errors)).toMatch(/email/)
    expectNoSecrets('refused where', response)
  })

  for (const sort of ['email', '-email', 'phone', 'name,email']) {
    it(`should give the same answer to people sorted by ${sort}, whatever the private e-mail is`, async () => {
      const answer = await expectSameAnswer({
        probe: async () => outcome(await get(`/api/people?depth=0&sort=${sort}`)),
        setA: async () => {
          await setPrivateEmail('a.geheim@essen.test')
          await payload.update({
            collection: 'people',
            data: { phone: '+49 100 GEHEIM' },
            id: ids.personPrivate,
          })
        },
        setB: async () => {
          await setPrivateEmail('z.geheim@essen.test')
          await payload.update({
            collection: 'people',
            data: { phone: '+49 900 GEHEIM' },
            id: ids.personPrivate,
          })
        },
      })
      expect(answer).toEqual({ rejected: 400 })
    })
  }

  for (const path of [
    '/api/events?depth=0&where[accessLink][like]=a-geheim',
    '/api/events?depth=0&where[accessLink][exists]=true',
    '/api/events?depth=0&sort=accessLink',
    '/api/events?depth=0&sort=-accessLink',
  ]) {
    it(`should give the same answer to ${path}, whatever the access link is`, async () => {
      const answer = await expectSameAnswer({
        probe: async () => outcome(await get(path)),
        setA: () => setAccessLink('https://meet.essen.test/a-geheim'),
        setB: () => setAccessLink('https://meet.essen.test/z-geheim'),
      })
      expect(answer).toEqual({ rejected: 400 })
    })
  }

  const draftProbes: { label: string; path: string; set: (value: string) => Promise<void> }[] = [
    {
      label: 'projects where organisation.title (a draft)',
      path: '/api/projects?depth=0&where[organisation.title][like]=AAA',
      set: setDraftOrganisationTitle,
    },
    {
      label: 'projects sorted by organisation.title (a draft)',
      path: '/api/projects?depth=0&sort=organisation.title',
      set: setDraftOrganisationTitle,
    },
    {
      label: 'projects sorted by -organisation.title (a draft)',
      path: '/api/projects?depth=0&sort=-organisation.title',
      set: setDraftOrganisationTitle,
    },
    {
      label: 'people where organisation.title (a draft)',
      path: '/api/people?depth=0&where[organisation.title][like]=AAA',
      set: setDraftOrganisationTitle,
    },
    {
      label: 'people sorted by organisation.title (a draft)',
      path: '/api/people?depth=0&sort=organisation.title',
      set: setDraftOrganisationTitle,
    },
    {
      label: 'events where series.title (a draft)',
      path: '/api/events?depth=0&where[series.title][like]=AAA',
      set: setDraftSeriesTitle,
    },
    {
      label: 'events sorted by series.title (a draft)',
      path: '/api/events?depth=0&sort=series.title',
      set: setDraftSeriesTitle,
    },
    {
      label: 'events sorted by series__title (a draft)',
      path: '/api/events?depth=0&sort=start,series__title',
      set: setDraftSeriesTitle,
    },
    {
      label: 'projects where organisation.parent.title (a draft two links away)',
      path: '/api/projects?depth=0&where[organisation.parent.title][like]=AAA',
      set: setDraftOrganisationTitle,
    },
    {
      label: 'people where organisation.parent.title (a draft two links away)',
      path: '/api/people?depth=0&where[organisation.parent.title][like]=AAA',
      set: setDraftOrganisationTitle,
    },
    {
      label: 'projects sorted by organisation.parent.title (a draft two links away)',
      path: '/api/projects?depth=0&sort=organisation.parent.title',
      set: setDraftOrganisationTitle,
    },
  ]
  for (const { label, path, set } of draftProbes) {
    it(`should give the same answer to ${label}, whatever the draft says`, async () => {
      await expectSameAnswer({
        probe: async () => outcome(await get(path)),
        setA: () => set('AAA GEHEIM'),
        setB: () => set('ZZZ GEHEIM'),
      })
    })
  }

  it('should not find published modules by a draft they link to through a nested contains query', async () => {
    // The nested form works for signed-in users, who read every related document …
    const signedIn = await requestJson<ListBody>(
      `${server.url}/api/modules?depth=0&where[contacts][contains][name][like]=GEHEIM`,
      { token: adminToken },
    )
    expect(outcome(signedIn)).toMatchObject({ docs: expect.arrayContaining([ids.module1]) })
    // … and must not let visitors match drafts or private values.
    for (const path of [
      '/api/modules?depth=0&where[contacts][contains][name][like]=GEHEIM',
      '/api/modules?depth=0&where[relatedModules][contains][title][like]=GEHEIM',
      '/api/projects?depth=0&where[relatedModules][contains][title][like]=GEHEIM',
    ]) {
      const answer = outcome(await get(path))
      expect('rejected' in answer ? [] : answer.docs, path).toEqual([])
    }
    const byEmail = await get('/api/modules?depth=0&where[contacts][contains][email][like]=geheim')
    expect(outcome(byEmail)).toEqual({ rejected: 400 })
  })

  it('should refuse a nested query into linked drafts with a message that points to the dotted form', async () => {
    const response = await get(
      '/api/modules?depth=0&where[or][0][contacts][contains][name][like]=Petra',
    )
    expect(response.status).toBe(400)
    expect(response.body.errors?.[0]?.message).toMatch(
      /Punkt-Pfad filtern, z\. B\. where\[contacts\.title\]/,
    )
    const graphqlResponse = await graphql(
      '{ Modules(where: { contacts: { contains: { name: { like: "GEHEIM" } } } }) { totalDocs docs { id } } }',
    )
    const graphqlAnswer = graphqlOutcome(graphqlResponse)
    expect('rejected' in graphqlAnswer ? [] : graphqlAnswer.flatMap((list) => list.docs)).toEqual(
      [],
    )
    expectNoSecrets('GraphQL nested contains', graphqlResponse)
  })

  it('should refuse sorting by a linked draft with a message that says why', async () => {
    const german = await get('/api/projects?sort=organisation.title')
    expect(german.status).toBe(400)
    expect(german.body.errors?.[0]?.message).toMatch(
      /Sortieren nach „organisation.title“ ist nicht möglich/,
    )
    const english = await requestJson<ListBody>(
      `${server.url}/api/projects?sort=-organisation.title`,
      { headers: { 'Accept-Language': 'en' } },
    )
    expect(english.body.errors?.[0]?.message).toMatch(
      /Sorting by "organisation.title" is not possible/,
    )
  })

  it('should still sort by fields of the collection itself, groups included', async () => {
    expect(outcome(await get('/api/projects?depth=0&sort=-period.from'))).toEqual({
      docs: [ids.project2, ids.project1],
      totalDocs: 2,
    })
    expect(outcome(await get('/api/projects?depth=0&sort=period.from'))).toEqual({
      docs: [ids.project1, ids.project2],
      totalDocs: 2,
    })
  })

  it('should let a signed-in user sort by a linked document', async () => {
    const response = await requestJson<ListBody>(
      `${server.url}/api/projects?depth=0&sort=organisation.title`,
      { token: adminToken },
    )
    expect(response.status).toBe(200)
    expect(response.body.docs?.length).toBeGreaterThan(0)
  })

  it('should not find published modules by the title of a draft they link to', async () => {
    for (const path of [
      '/api/modules?depth=0&where[relatedModules.title][like]=GEHEIM',
      '/api/modules?depth=0&where[contacts.name][like]=GEHEIM',
      '/api/projects?depth=0&where[programArea.title][like]=GEHEIM',
    ]) {
      const response = await get(path)
      expect(outcome(response), path).toEqual({ docs: [], totalDocs: 0 })
    }
    // The same query finds a published related document (so it is a working query).
    expect(
      outcome(await get('/api/modules?depth=0&where[contacts.name][like]=Petra')),
    ).toMatchObject({ docs: expect.arrayContaining([ids.module1]) })
  })

  const graphqlProbes: {
    label: string
    query: string
    setA: () => Promise<void>
    setB: () => Promise<void>
  }[] = [
    {
      label: 'People where email',
      query: '{ People(where: { email: { like: "a.geheim" } }) { totalDocs docs { id } } }',
      setA: () => setPrivateEmail('a.geheim@essen.test'),
      setB: () => setPrivateEmail('b.geheim@essen.test'),
    },
    {
      label: 'People sorted by email',
      query: '{ People(sort: "email") { totalDocs docs { id } } }',
      setA: () => setPrivateEmail('a.geheim@essen.test'),
      setB: () => setPrivateEmail('z.geheim@essen.test'),
    },
    {
      label: 'Events where accessLink',
      query: '{ Events(where: { accessLink: { like: "a-geheim" } }) { totalDocs docs { id } } }',
      setA: () => setAccessLink('https://meet.essen.test/a-geheim'),
      setB: () => setAccessLink('https://meet.essen.test/z-geheim'),
    },
    {
      label: 'Events sorted by accessLink',
      query: '{ Events(sort: "accessLink") { totalDocs docs { id } } }',
      setA: () => setAccessLink('https://meet.essen.test/a-geheim'),
      setB: () => setAccessLink('https://meet.essen.test/z-geheim'),
    },
    {
      label: 'Projects sorted by organisation.title (a draft)',
      query: '{ Projects(sort: "organisation.title") { totalDocs docs { id } } }',
      setA: () => setDraftOrganisationTitle('AAA GEHEIM'),
      setB: () => setDraftOrganisationTitle('ZZZ GEHEIM'),
    },
  ]
  for (const { label, query, setA, setB } of graphqlProbes) {
    it(`should give the same GraphQL answer to ${label}, whatever the hidden value is`, async () => {
      await expectSameAnswer({
        probe: async () => graphqlOutcome(await graphql(query)),
        setA,
        setB,
      })
    })
  }

  it('should refuse GraphQL where and sort on private fields', async () => {
    for (const query of [
      '{ People(where: { email: { exists: true } }) { docs { id } } }',
      '{ People(sort: "-phone") { docs { id } } }',
      '{ Events(where: { accessLink: { exists: true } }) { docs { id } } }',
    ]) {
      const response = await graphql(query)
      expect(response.body.errors?.length, query).toBeGreaterThan(0)
      expectNoSecrets(query, response)
    }
  })
})

describe('malformed parameters', () => {
  const malformed = [
    'limit=1&limit=2',
    'limit=-1',
    'limit=1.5',
    'page=-1',
    'page=0',
    'page=1&page=2',
    'depth=1&depth=3',
    'depth=-1',
    'depth=abc',
    'draft=true&draft=false',
    'sort=name&sort=-email',
    'where[name][equals]=a&where[name][equals]=b',
    'where[email][equals]=a&where[email][equals]=b',
    'select[email]=true&select[email]=false',
    'populate[people][email]=true&populate[people][email]=false',
  ]
  it('should refuse a depth that is no whole number from 0 to 3, saying what it means', async () => {
    for (const query of ['depth=abc', 'depth=-1', 'depth=4', 'depth=99', 'depth=1.5', 'depth=']) {
      const response = await get(`/api/modules?${query}`)
      expect(response.status, query).toBe(400)
      expect(response.body.errors?.[0]?.message, query).toMatch(
        /^„depth“ muss eine ganze Zahl von 0 bis 3 sein \(gegeben: „[^“]*“\): so viele Ebenen verknüpfter Einträge enthält die Antwort\.$/,
      )
    }
    for (const query of ['depth=0', 'depth=3', 'depth= 2']) {
      expect((await get(`/api/modules?${query}`)).status, query).toBe(200)
    }
  })

  it('should refuse a sort by a field the list has not, and sort by the ones it has', async () => {
    for (const query of ['sort=datum', 'sort=-titel', 'sort=title,gibtsnicht']) {
      const response = await get(`/api/modules?${query}`)
      expect(response.status, query).toBe(400)
      expect(response.body.errors?.[0]?.message, query).toMatch(
        /^Nach „(datum|titel|gibtsnicht)“ kann nicht sortiert werden: Diese Liste hat kein solches Feld\. Sortieren Sie zum Beispiel mit sort=title oder absteigend mit sort=-title\.$/,
      )
    }
    const graphqlAnswer = await graphql('{ Modules(sort: "gibtsnicht") { docs { id } } }')
    expect(graphqlAnswer.body.errors?.[0]?.message).toMatch(/^Nach „gibtsnicht“ kann nicht/)
    for (const query of ['sort=title', 'sort=-updatedAt', 'sort=id', 'sort=title,-createdAt']) {
      expect((await get(`/api/modules?${query}`)).status, query).toBe(200)
    }
  })

  for (const query of ['limit=1&limit=2', 'limit=1.5', 'limit=-1', 'page=-1', 'page=0']) {
    it(`should refuse ${query} with 400 and say what is expected`, async () => {
      const response = await get(`/api/modules?${query}`)
      expect(response.status).toBe(400)
      expect(response.body.errors?.[0]?.message).toMatch(/muss eine ganze Zahl/)
    })
  }

  it('should tell a visitor the page sizes a visitor may ask for', async () => {
    const response = await get('/api/modules?limit=-1')
    expect(response.body.errors?.[0]?.message).toBe(
      '„limit“ muss eine ganze Zahl von 1 bis 100 sein (einmal angegeben).',
    )
  })

  it('should refuse a negative page over GraphQL', async () => {
    const response = await graphql('{ Modules(page: -1) { docs { id } } }')
    expect(response.body.errors?.[0]?.message).toMatch(/muss eine ganze Zahl/)
  })

  for (const query of malformed) {
    it(`should answer ${query} without an error of ours and without secrets`, async () => {
      const response = await get(`/api/people?${query}`)
      expect(response.status, JSON.stringify(response.body).slice(0, 300)).toBeLessThan(500)
      expectNoSecrets(query, response)
      expect(JSON.stringify(response.body)).not.toMatch(/select |Failed query/i)
    })
  }
})

describe('a member site reading published modules by Handlungsfeld', () => {
  const expected = () => [ids.module1, ids.module2, ids.module4].sort((a, b) => a - b)

  it('should return exactly the published modules of a Handlungsfeld over REST', async () => {
    for (const draft of ['', '&draft=true']) {
      const response = await get(
        `/api/modules?where[fieldsOfAction][in]=${ids.fieldOfAction}&depth=1&limit=100&sort=id${draft}`,
      )
      expect(response.status).toBe(200)
      expect(response.body.docs?.map((doc) => doc.id)).toEqual(expected())
      expect(response.body.docs?.map((doc) => doc.title)).toEqual([
        'Quartiersrat',
        'Stadtteilkonferenz',
        'Bürgerhaushalt',
      ])
      expectNoSecrets(`modules by Handlungsfeld${draft}`, response)
    }
  })

  it('should return exactly the published modules of a Handlungsfeld over GraphQL', async () => {
    for (const draft of ['', ', draft: true']) {
      const response = await graphql(
        `{ Modules(where: { fieldsOfAction: { in: [${ids.fieldOfAction}] } }, limit: 100, sort: "id"${draft}) { totalDocs docs { id title fieldsOfAction { id title } } } }`,
      )
      expect(response.body.errors).toBeUndefined()
      expect(response.body.data?.Modules?.docs?.map((doc) => doc.id)).toEqual(expected())
      expect(response.body.data?.Modules?.totalDocs).toBe(3)
      expectNoSecrets(`GraphQL modules by Handlungsfeld${draft}`, response)
    }
  })

  it('should find nothing for a draft Handlungsfeld', async () => {
    const response = await get(`/api/fields-of-action/${ids.fieldOfActionDraft}`)
    expect(response.status).toBe(404)
  })
})

describe('CORS for member sites', () => {
  it('should allow the configured member site on REST', async () => {
    const response = await get('/api/modules?limit=1', { Origin: MEMBER_SITE })
    expect(response.status).toBe(200)
    expect(response.headers.get('access-control-allow-origin')).toBe(MEMBER_SITE)
  })

  it('should not allow another origin on REST', async () => {
    const response = await get('/api/modules?limit=1', { Origin: 'https://evil.example' })
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('should answer a preflight for the member site only', async () => {
    const preflight = async (origin: string) =>
      fetch(`${server.url}/api/graphql`, {
        headers: {
          'Access-Control-Request-Headers': 'content-type',
          'Access-Control-Request-Method': 'POST',
          Origin: origin,
        },
        method: 'OPTIONS',
      })
    expect((await preflight(MEMBER_SITE)).headers.get('access-control-allow-origin')).toBe(
      MEMBER_SITE,
    )
    expect(
      (await preflight('https://evil.example')).headers.get('access-control-allow-origin'),
    ).toBeNull()
  })

  it('should allow the member site on GraphQL and not another origin', async () => {
    const query = `{ Modules(limit: 1) { docs { id } } }`
    const allowed = await graphql(query, { headers: { Origin: MEMBER_SITE } })
    expect(allowed.status).toBe(200)
    expect(allowed.headers.get('access-control-allow-origin')).toBe(MEMBER_SITE)
    const refused = await graphql(query, { headers: { Origin: 'https://evil.example' } })
    expect(refused.headers.get('access-control-allow-origin')).toBeNull()
  })
})
