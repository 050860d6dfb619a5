import type { CollectionSlug, Payload } from 'payload'

import type {
  refreshUpcomingDemoDates as refreshDemoDates,
  SeedReport,
  seed as seedDemo,
} from '../../src/seed'
import type { RunningServer } from '../../src/server/startServer'
import type { ContentSlug } from '../../src/seed/upsertBySlug'

import ICAL from 'ical.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ratingsOptionsOf, recountRatings } from '../../plugins/ratings'
import { berlinDate } from '../../src/events/berlinTime'
import { requestJson } from '../helpers/http'
import { startTestServer } from '../helpers/server'

const SEEDED: ContentSlug[] = [
  'municipalities',
  'target-groups',
  'programmes',
  'fields-of-action',
  'people',
  'organisations',
  'publications',
  'projects',
  'modules',
  'event-series',
  'events',
]

/** The visitors' part of the demo: counted per document like the content, but without drafts. */
const DEMO_VISITOR_DATA = ['ratings', 'comments'] as const satisfies CollectionSlug[]

const DAY_MS = 24 * 60 * 60 * 1000

let server: RunningServer
let payload: Payload
let seed: typeof seedDemo
let refreshUpcomingDemoDates: typeof refreshDemoDates
let firstRun: SeedReport
let firstLog: string[]
/** When the first run happened: the demo's upcoming dates are relative to it. */
let seededAt: Date

/** Every seeded document's id and updatedAt, keyed by collection and id. */
const snapshot = async () => {
  const entries: [string, string][] = []
  for (const collection of SEEDED) {
    const { docs } = await payload.find({
      collection,
      depth: 0,
      draft: true,
      overrideAccess: true,
      pagination: false,
    })
    entries.push(...docs.map((doc): [string, string] => [`${collection}/${doc.id}`, doc.updatedAt]))
  }
  for (const collection of DEMO_VISITOR_DATA) {
    const { docs } = await payload.find({
      collection,
      depth: 0,
      overrideAccess: true,
      pagination: false,
    })
    entries.push(...docs.map((doc): [string, string] => [`${collection}/${doc.id}`, doc.updatedAt]))
  }
  return new Map(entries)
}

/** The rating summaries as stored (they are the plugin's bookkeeping, not counted as seeded). */
const summaries = async () => {
  const { docs } = await payload.find({
    collection: 'rating-summaries',
    depth: 0,
    overrideAccess: true,
    pagination: false,
    sort: 'id',
  })
  return docs
}

const bySlug = async <TSlug extends ContentSlug>(collection: TSlug, slug: string) => {
  const { docs } = await payload.find({
    collection,
    depth: 0,
    limit: 1,
    overrideAccess: true,
    where: { slug: { equals: slug } },
  })
  expect(docs, `${collection}/${slug} was not seeded`).toHaveLength(1)
  return docs[0]!
}

/** Berlin wall time of an instant as "YYYY-MM-DD HH:MM", and its weekday (Monday = 1 … Sunday = 7). */
const berlinWallTime = (instant: string) => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      hour: '2-digit',
      hourCycle: 'h23',
      minute: '2-digit',
      timeZone: 'Europe/Berlin',
      weekday: 'short',
    })
      .formatToParts(new Date(instant))
      .map(({ type, value }) => [type, value]),
  )
  return { time: `${parts.hour}:${parts.minute}`, weekday: parts.weekday }
}

/** A feed fetched over HTTP and parsed with ical.js (an implementation independent of the writer). */
const feedEvents = async (path: string) => {
  const response = await fetch(`${server.url}${path}`)
  expect(response.status, path).toBe(200)
  const calendar = new ICAL.Component(ICAL.parse(await response.text()))
  return calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent))
}

beforeAll(async () => {
  // The per-file database is already migrated (tests/helpers/perFileDatabase.ts); the server
  // never seeds on its own outside `npm run dev`.
  server = await startTestServer()
  payload = server.payload
  ;({ refreshUpcomingDemoDates, seed } = await import('../../src/seed'))
  firstLog = []
  seededAt = new Date()
  firstRun = await seed({ log: (message) => firstLog.push(message), now: seededAt, payload })
})

afterAll(async () => {
  await server?.stop()
})

describe('seed', () => {
  it('should create every document on an empty database and log one line per area', () => {
    expect(firstRun.length).toBeGreaterThanOrEqual(5)
    expect(firstLog).toHaveLength(firstRun.length)
    for (const [index, { area, created, unchanged, updated }] of firstRun.entries()) {
      expect(created, area).toBeGreaterThan(0)
      expect({ unchanged, updated }, area).toEqual({ unchanged: 0, updated: 0 })
      expect(firstLog[index]).toBe(
        `Demo-Inhalte ${area}: ${created} angelegt, 0 aktualisiert, 0 unverändert`,
      )
    }
  })

  it('should change nothing when it runs a second time on the same day', async () => {
    const before = await snapshot()
    const summariesBefore = await summaries()
    const secondRun = await seed({ now: seededAt, payload })
    const after = await snapshot()

    expect(secondRun).toEqual(
      firstRun.map(({ area, created }) => ({ area, created: 0, unchanged: created, updated: 0 })),
    )
    expect(after.size).toBe(before.size)
    expect(Object.fromEntries(after)).toEqual(Object.fromEntries(before))
    expect(before.size).toBe(firstRun.reduce((sum, { created }) => sum + created, 0))
    expect(await summaries()).toEqual(summariesBefore)
  })

  it('should restore a seeded fact that was changed, and only that document', async () => {
    const committee = await bySlug('organisations', 'beratender-ausschuss-ag-soziale-stadt')
    await payload.update({
      id: committee.id,
      collection: 'organisations',
      data: { memberCap: 3 },
      overrideAccess: true,
    })

    const run = await seed({ now: seededAt, payload })

    expect(run.find(({ area }) => area === 'Netzwerk Stadtentwicklung NRW')?.updated).toBe(1)
    expect(run.reduce((sum, { created, updated }) => sum + created + updated, 0)).toBe(1)
    expect((await bySlug('organisations', 'beratender-ausschuss-ag-soziale-stadt')).memberCap).toBe(
      5,
    )
  })

  it('should publish everything it writes', async () => {
    for (const collection of SEEDED) {
      const { totalDocs } = await payload.count({
        collection,
        overrideAccess: true,
        where: { _status: { not_equals: 'published' } },
      })
      expect(totalDocs, collection).toBe(0)
    }
  })
})

describe('seeded facts', () => {
  it('should nest the Beratender Ausschuss (at most 5 municipal representatives) under the AG and the network', async () => {
    const committee = await bySlug('organisations', 'beratender-ausschuss-ag-soziale-stadt')
    expect(committee).toMatchObject({
      kind: 'advisory-committee',
      memberCap: 5,
      membersRepresentMunicipalities: true,
    })
    const ag = await bySlug('organisations', 'ag-soziale-stadt')
    expect(committee.parent).toBe(ag.id)
    const network = await bySlug('organisations', 'netzwerk-stadtentwicklung-nrw')
    expect(ag.parent).toBe(network.id)
    expect(network.foundedOn?.slice(0, 10)).toBe('2024-01-01')
    expect(ag.history?.map((milestone) => milestone.date.slice(0, 4))).toEqual([
      '1994',
      '1999',
      '2024',
    ])
  })

  it('should seat the Kommunale Koordinierungsstelle in Essen, Amt für Stadterneuerung und Bodenmanagement', async () => {
    const office = await bySlug('organisations', 'kommunale-koordinierungsstelle-ag-soziale-stadt')
    const essen = await bySlug('municipalities', 'essen')
    expect(office.seat).toEqual({
      department: 'Amt für Stadterneuerung und Bodenmanagement',
      municipality: essen.id,
    })
  })

  it('should carry the Preis Soziale Stadt of 2000, 2004 and 2012 on projects', async () => {
    const { docs } = await payload.find({
      collection: 'projects',
      depth: 0,
      overrideAccess: true,
      pagination: false,
    })
    const years = new Set(
      docs.flatMap((project) =>
        (project.awards ?? [])
          .filter((award) => award.name === 'Preis Soziale Stadt')
          .map((award) => award.year),
      ),
    )
    expect([...years].sort()).toEqual([2000, 2004, 2012])
  })

  it('should link the Stadtteilkonferenz to Charrette-Verfahren, Zukunftswerkstatt and the Haverkamp project', async () => {
    const { docs } = await payload.find({
      collection: 'modules',
      depth: 1,
      overrideAccess: true,
      where: { slug: { equals: 'stadtteilkonferenz' } },
    })
    const stadtteilkonferenz = docs[0]!
    expect(
      stadtteilkonferenz.relatedModules?.map((related) =>
        typeof related === 'object' ? related.title : related,
      ),
    ).toEqual(['Charrette-Verfahren', 'Zukunftswerkstatt'])
    expect(
      stadtteilkonferenz.relatedProjects?.map((related) =>
        typeof related === 'object' ? related.title : related,
      ),
    ).toEqual(['Quartiersentwicklung im Haverkamp, Gelsenkirchen'])
    expect(stadtteilkonferenz.editorialAssessment).toEqual({
      complexity: 4,
      financialEffort: 4,
      participation: 4,
      processPhase: 4,
      staffEffort: 4,
      timeEffort: 4,
    })
    // Sections the page leaves empty stay empty.
    expect(stadtteilkonferenz.users ?? null).toBeNull()
    expect(stadtteilkonferenz.financing ?? null).toBeNull()
  })

  it('should date the five stadt:impuls webinars on Tuesdays at 12:00 Berlin time, 30 minutes each', async () => {
    const series = await bySlug('event-series', 'stadt-impuls')
    expect(series).toMatchObject({ announcementLeadDays: 28, kind: 'webinar', plannedEpisodes: 5 })
    const { docs } = await payload.find({
      collection: 'events',
      depth: 0,
      overrideAccess: true,
      sort: 'episodeNumber',
      where: { series: { equals: series.id } },
    })
    expect(docs.map((event) => [event.episodeNumber, event.start, event.end])).toEqual([
      [1, '2021-05-11T10:00:00.000Z', '2021-05-11T10:30:00.000Z'],
      [2, '2021-06-08T10:00:00.000Z', '2021-06-08T10:30:00.000Z'],
      [3, '2021-09-14T10:00:00.000Z', '2021-09-14T10:30:00.000Z'],
      [4, '2021-10-12T10:00:00.000Z', '2021-10-12T10:30:00.000Z'],
      // Winter time: 12:00 in Berlin is 11:00 UTC.
      [5, '2021-11-09T11:00:00.000Z', '2021-11-09T11:30:00.000Z'],
    ])
    expect(
      docs.every(
        (event) =>
          event.start_tz === 'Europe/Berlin' && event.format === 'online' && event.fee?.isFree,
      ),
    ).toBe(true)
  })

  it('should take registrations for stadt:impuls #2 by e-mail until 4 June 2021, with limited seats', async () => {
    const event = await bySlug('events', 'stadt-impuls-2-gerechte-stadt')
    expect(event.registration).toMatchObject({
      contactEmail: 'stadtimpuls@einsateam.de',
      hasLimitedSeats: true,
    })
    expect(event.registration?.deadline?.slice(0, 10)).toBe('2021-06-04')
    expect(event.speakers?.map((speaker) => [speaker.role, speaker.affiliation])).toEqual([
      ['impulse', 'Stadt Saarbrücken'],
      ['moderation', 'BBSR'],
    ])
  })

  it('should repeat the Netzwerktreffen every first Thursday, hybrid', async () => {
    const series = await bySlug('event-series', 'netzwerktreffen-ag-soziale-stadt')
    expect(series.recurrence?.rule).toBe('FREQ=MONTHLY;BYDAY=+1TH')
    expect(series.defaultFormat).toBe('hybrid')
  })

  it("should keep Anna Staffa's contact data private", async () => {
    const person = await bySlug('people', 'anna-staffa')
    expect(person.isContactPublic).toBe(false)
    expect(person.email ?? null).toBeNull()
    expect(person.phone ?? null).toBeNull()
    const area = await bySlug('organisations', 'kompetenzbereich-inklusive-quartiersentwicklung')
    expect(area).toMatchObject({ contacts: [person.id], kind: 'competence-area' })
  })

  it('should list all 14 Handlungsfelder in order', async () => {
    const { docs } = await payload.find({
      collection: 'fields-of-action',
      depth: 0,
      overrideAccess: true,
      pagination: false,
      sort: 'order',
    })
    expect(docs).toHaveLength(14)
    expect(docs[0]).toMatchObject({
      order: 1,
      title: 'Soziale Netze und Bürgerschaftliches Engagement',
    })
    expect(docs[0]!.typicalMeasures).toHaveLength(4)
    expect(docs.at(-1)).toMatchObject({ order: 14, title: 'Integration' })
  })
})

describe('seeded rich text', () => {
  it('should be editor state that Lexical loads and exports unchanged', async () => {
    const { createHeadlessEditor } = await import('@payloadcms/richtext-lexical/lexical/headless')
    const { editorConfigFactory, getEnabledNodes } = await import('@payloadcms/richtext-lexical')
    const editorConfig = await editorConfigFactory.default({ config: payload.config })
    const editor = createHeadlessEditor({ nodes: getEnabledNodes({ editorConfig }) })

    const stadtteilkonferenz = await bySlug('modules', 'stadtteilkonferenz')
    for (const section of [
      stadtteilkonferenz.objective,
      stadtteilkonferenz.implementation,
      stadtteilkonferenz.steps,
      stadtteilkonferenz.pitfalls,
      stadtteilkonferenz.assessment,
      stadtteilkonferenz.contactsNote,
      stadtteilkonferenz.advice,
    ]) {
      expect(section).toBeTruthy()
      editor.setEditorState(editor.parseEditorState(JSON.stringify(section)))
      expect(editor.getEditorState().toJSON()).toEqual(section)
    }
  })
})

describe('demo content, relative to the day it is seeded', () => {
  const socialNetworksSlug = 'soziale-netze-und-buergerschaftliches-engagement'

  type ListBody<T> = { docs: T[]; errors?: unknown; totalDocs: number }
  type PublicEvent = {
    accessLink?: string
    capacity?: null | number
    end?: null | string
    format: string
    hasWaitingList?: boolean | null
    id: number
    kind: string
    registration?: { deadline?: null | string; hasLimitedSeats?: boolean | null } | null
    registrationOpen?: boolean | null
    seatsTaken?: null | number
    series?: null | number
    slug: string
    start: string
    title: string
    venue?: { municipality?: null | number } | null
  }

  const upcomingEvents = async (where: string) => {
    const { body, status } = await requestJson<ListBody<PublicEvent>>(
      `${server.url}/api/events?depth=0&limit=100&sort=start&where[start][greater_than]=${seededAt.toISOString()}${where}`,
    )
    expect(status).toBe(200)
    return body.docs
  }

  it("should find the Stadtteilkonferenz with docs/api.md's module filter by Handlungsfeld, by id and by slug", async () => {
    const field = await bySlug('fields-of-action', socialNetworksSlug)
    for (const query of [
      `where[fieldsOfAction][in]=${field.id}`,
      `where[fieldsOfAction.slug][equals]=${socialNetworksSlug}`,
    ]) {
      const { body, status } = await requestJson<ListBody<{ title: string }>>(
        `${server.url}/api/modules?${query}&sort=title&limit=50`,
      )
      expect(status, query).toBe(200)
      expect(
        body.docs.map((module) => module.title),
        query,
      ).toContain('Stadtteilkonferenz')
    }
  })

  it("should answer docs/api.md's GraphQL example with the Stadtteilkonferenz", async () => {
    const field = await bySlug('fields-of-action', socialNetworksSlug)
    const { body } = await requestJson<{
      data?: { Modules: { docs: { fieldsOfAction: { slug: string }[]; title: string }[] } }
    }>(`${server.url}/api/graphql`, {
      body: {
        query: `{ Modules(where: { fieldsOfAction: { in: [${field.id}] } }, sort: "title") { docs { title slug summary fieldsOfAction { title slug } } } }`,
      },
      method: 'POST',
    })
    const viaGraphQL = body.data?.Modules.docs ?? []
    expect(viaGraphQL.map((module) => module.title)).toContain('Stadtteilkonferenz')
    expect(
      viaGraphQL.every((module) =>
        module.fieldsOfAction.some((linked) => linked.slug === socialNetworksSlug),
      ),
    ).toBe(true)
  })

  it('should link every module to a Handlungsfeld and a target group, and every NRW project of the seeds to its Handlungsfeld', async () => {
    const { docs: modules } = await payload.find({
      collection: 'modules',
      depth: 0,
      overrideAccess: true,
      pagination: false,
    })
    expect(modules.length).toBeGreaterThanOrEqual(3)
    for (const module of modules) {
      expect(module.fieldsOfAction?.length, module.slug ?? '').toBeGreaterThan(0)
      expect(module.targetGroups?.length, module.slug ?? '').toBeGreaterThan(0)
    }
    const socialNetworks = await bySlug('fields-of-action', socialNetworksSlug)
    const { totalDocs: awarded } = await payload.count({
      collection: 'projects',
      overrideAccess: true,
      where: { 'awards.name': { equals: 'Preis Soziale Stadt' } },
    })
    const { totalDocs: awardedInField } = await payload.count({
      collection: 'projects',
      overrideAccess: true,
      where: {
        and: [
          { 'awards.name': { equals: 'Preis Soziale Stadt' } },
          { fieldsOfAction: { in: [socialNetworks.id] } },
        ],
      },
    })
    expect(awardedInField).toBe(awarded)
    const patchWorkCity = await bySlug('projects', 'patchworkcity-saarbruecken')
    expect(patchWorkCity.fieldsOfAction).toEqual([
      (await bySlug('fields-of-action', 'integration')).id,
    ])
  })

  it('should generate the Netzwerktreffen dates ahead: published, every first Thursday at 10:00 in Berlin', async () => {
    const series = await bySlug('event-series', 'netzwerktreffen-ag-soziale-stadt')
    const dates = await upcomingEvents(`&where[series][equals]=${series.id}`)
    // 180 days ahead (the series' default horizon): five or six first Thursdays.
    expect(dates.length).toBeGreaterThanOrEqual(5)
    for (const event of dates) {
      const day = berlinDate(new Date(event.start))
      expect(berlinWallTime(event.start), day).toEqual({ time: '10:00', weekday: 'Thu' })
      expect(Number(day.slice(8)), day).toBeLessThanOrEqual(7)
      expect(event.slug).toBe(`netzwerktreffen-ag-soziale-stadt-${day}`)
    }
    // The feed also keeps a date that is under way (started, not ended): contained, not equal.
    const feed = await feedEvents('/api/event-series/netzwerktreffen-ag-soziale-stadt/feed.ics')
    expect(feed.map((event) => event.startDate.toJSDate().toISOString())).toEqual(
      expect.arrayContaining(dates.map((event) => event.start)),
    )
  })

  it('should open registration with limited seats on the next Netzwerktreffen whose deadline has not passed', async () => {
    const series = await bySlug('event-series', 'netzwerktreffen-ag-soziale-stadt')
    const today = berlinDate(seededAt)
    const dates = await upcomingEvents(`&where[series][equals]=${series.id}`)
    const open = dates.filter((event) => event.registrationOpen)
    expect(open).toHaveLength(1)
    const [next] = open
    const deadline = berlinDate(new Date(next!.registration!.deadline!))
    expect(deadline >= today).toBe(true)
    expect(deadline < berlinDate(new Date(next!.start))).toBe(true)
    // The first date whose registration could still be open: every earlier one closes (Monday before) before today.
    for (const earlier of dates.filter((event) => event.start < next!.start)) {
      expect(berlinDate(new Date(Date.parse(earlier.start) - 3 * DAY_MS)) < today).toBe(true)
    }
    expect(next).toMatchObject({
      capacity: 30,
      format: 'hybrid',
      hasWaitingList: true,
      registration: { hasLimitedSeats: true },
      seatsTaken: 0,
    })
    expect(next).not.toHaveProperty('accessLink')
  })

  it('should announce a demo webinar in the style of stadt:impuls: a Tuesday at 12:00, 30 minutes, online, 25 seats, at least four weeks ahead', async () => {
    const webinars = await upcomingEvents('&where[kind][equals]=webinar')
    expect(webinars).toHaveLength(1)
    const [webinar] = webinars
    expect(webinar!.title.startsWith('Demo')).toBe(true)
    // Not an episode of the real series, which had five.
    expect(webinar!.series ?? null).toBeNull()
    expect(berlinWallTime(webinar!.start)).toEqual({ time: '12:00', weekday: 'Tue' })
    expect(Date.parse(webinar!.end!) - Date.parse(webinar!.start)).toBe(30 * 60_000)
    expect(Date.parse(webinar!.start) - seededAt.getTime()).toBeGreaterThan(27 * DAY_MS)
    expect(webinar).toMatchObject({
      capacity: 25,
      format: 'online',
      hasWaitingList: true,
      registration: { hasLimitedSeats: true },
      registrationOpen: true,
      seatsTaken: 0,
    })
    const deadline = berlinDate(new Date(webinar!.registration!.deadline!))
    expect(deadline >= berlinDate(seededAt)).toBe(true)
    expect(deadline < berlinDate(new Date(webinar!.start))).toBe(true)
    expect(webinar).not.toHaveProperty('accessLink')
  })

  it("should take a registration for the demo webinar with docs/api.md's request", async () => {
    const [webinar] = await upcomingEvents('&where[kind][equals]=webinar')
    const { body, status } = await requestJson<{ registration?: { status: string } }>(
      `${server.url}/api/events/${webinar!.id}/registrations`,
      {
        body: {
          answers: { organisation: 'Stadt Essen' },
          consent: true,
          email: 'anna@example.org',
          name: 'Anna Beispiel',
        },
        method: 'POST',
      },
    )
    expect(status).toBe(202)
    expect(body.registration?.status).toBe('pending')
    await payload.delete({
      collection: 'registrations',
      overrideAccess: true,
      where: { email: { equals: 'anna@example.org' } },
    })
  })

  it('should list the upcoming events in the calendar feeds: all events, and the municipality where the next Netzwerktreffen takes place', async () => {
    const upcoming = await upcomingEvents('')
    const all = await feedEvents('/api/events/feed.ics')
    expect(all.map((event) => event.summary)).toEqual(
      expect.arrayContaining(upcoming.map((event) => event.title)),
    )
    expect(all.length).toBeGreaterThanOrEqual(upcoming.length)
    const [meeting] = upcoming.filter(
      (event) => event.registrationOpen && event.kind === 'network-meeting',
    )
    const essen = await bySlug('municipalities', 'essen')
    expect(meeting?.venue?.municipality).toBe(essen.id)
    const inEssen = await feedEvents('/api/municipalities/essen/events.ics')
    expect(inEssen.map((event) => event.startDate.toJSDate().toISOString())).toContain(
      meeting!.start,
    )
  })

  it('should keep the rating summaries equal to a recount of the demo ratings', async () => {
    const { checked, differences } = await recountRatings({
      options: ratingsOptionsOf(payload.config)!,
      payload,
      shouldFix: false,
    })
    expect(differences).toEqual([])
    expect(checked).toBe(3)
  })

  it('should show 5 to 12 demo raters on the Stadtteilkonferenz, leaning to the high pole on every dimension as its page does', async () => {
    const { body } = await requestJson<
      ListBody<{
        ratingSummary: { dimensions: Record<string, { lean: string }>; raterCount: number }
      }>
    >(`${server.url}/api/modules?where[slug][equals]=stadtteilkonferenz`)
    const summary = body.docs[0]!.ratingSummary
    expect(summary.raterCount).toBeGreaterThanOrEqual(5)
    expect(summary.raterCount).toBeLessThanOrEqual(12)
    expect(Object.values(summary.dimensions).map((dimension) => dimension.lean)).toEqual(
      Array(6).fill('high'),
    )
  })

  it("should answer docs/api.md's module finder (low cost, high participation, at least 5 raters)", async () => {
    const { body, status } = await requestJson<{ docs: { title: string }[] }>(
      `${server.url}/api/modules/ratings-finder?financialEffort[max]=2&participation[min]=4&minRaters=5&sort=-participation`,
    )
    expect(status).toBe(200)
    expect(body.docs.map((module) => module.title)).toEqual(['Zukunftswerkstatt'])
  })

  it('should mark every demo rating by its visitor', async () => {
    const { totalDocs } = await payload.count({ collection: 'ratings', overrideAccess: true })
    const { totalDocs: marked } = await payload.count({
      collection: 'ratings',
      overrideAccess: true,
      where: { visitorHash: { like: 'demo:' } },
    })
    expect(totalDocs).toBeGreaterThan(0)
    expect(marked).toBe(totalDocs)
  })

  it("should show the Stadtteilkonferenz's approved demo comments and the editors' official reply to the public, without addresses", async () => {
    const module = await bySlug('modules', 'stadtteilkonferenz')
    const { body, status } = await requestJson<
      ListBody<
        Record<string, unknown> & {
          authorName: string
          id: number
          isOfficialReply: boolean
          parent: null | { id: number }
        }
      >
    >(
      `${server.url}/api/comments?where[targetCollection][equals]=modules&where[targetId][equals]=${module.id}&sort=createdAt`,
    )
    expect(status).toBe(200)
    expect(body.docs.length).toBeGreaterThanOrEqual(2)
    expect(
      body.docs.every(
        (comment) => comment.authorName.startsWith('Demo: ') && !('email' in comment),
      ),
    ).toBe(true)
    const reply = body.docs.find((comment) => comment.isOfficialReply)
    expect(reply?.parent?.id).toBe(body.docs[0]!.id)
    const { body: modules } = await requestJson<ListBody<{ commentCount: number }>>(
      `${server.url}/api/modules?where[slug][equals]=stadtteilkonferenz`,
    )
    expect(modules.docs[0]!.commentCount).toBe(body.docs.length)
  })

  it('should keep the demo comment that waits for moderation out of public view', async () => {
    const { docs: waiting } = await payload.find({
      collection: 'comments',
      depth: 0,
      overrideAccess: true,
      where: { status: { equals: 'pending' } },
    })
    expect(waiting).toHaveLength(1)
    expect(waiting[0]).toMatchObject({ isConfirmed: true, targetCollection: 'modules' })
    const { body } = await requestJson<ListBody<unknown>>(
      `${server.url}/api/comments?where[targetCollection][equals]=modules&where[targetId][equals]=${waiting[0]!.targetId}`,
    )
    expect(body.totalDocs).toBe(0)
  })

  it('should name every demo comment as such and use example.org addresses only', async () => {
    const { docs } = await payload.find({
      collection: 'comments',
      depth: 0,
      overrideAccess: true,
      pagination: false,
    })
    expect(docs.length).toBeGreaterThan(0)
    for (const comment of docs) {
      expect(comment.authorName.startsWith('Demo: '), comment.authorName).toBe(true)
      expect(comment.email ?? '@example.org', comment.authorName).toMatch(/@example\.org$/)
    }
  })
})

describe('a run on a later day', () => {
  const later = () => new Date(seededAt.getTime() + 45 * DAY_MS)

  it('should add the dates that have come within reach and a new demo webinar, and change nothing else but the Netzwerktreffen that is now next', async () => {
    const before = await snapshot()
    const webinarsBefore = (
      await payload.find({
        collection: 'events',
        depth: 0,
        overrideAccess: true,
        pagination: false,
        where: { kind: { equals: 'webinar' } },
      })
    ).docs

    const run = await seed({ now: later(), payload })

    const upcomingArea = 'kommende Termine (Beispieldaten)'
    for (const { area, created, updated } of run.filter(({ area }) => area !== upcomingArea)) {
      expect({ created, updated }, area).toEqual({ created: 0, updated: 0 })
    }
    const upcoming = run.find(({ area }) => area === upcomingArea)!
    // At least one more first Thursday within 180 days, and a webinar (the first one's registration closed).
    expect(upcoming.created).toBeGreaterThanOrEqual(2)
    // 45 days on, the Netzwerktreffen open on the first day has taken place: the next one opens.
    expect(upcoming.updated).toBe(1)

    const after = await snapshot()
    const changed = [...before]
      .filter(([key, updatedAt]) => after.get(key) !== updatedAt)
      .map(([key]) => key)
    const nowNext = await payload.find({
      collection: 'events',
      depth: 0,
      overrideAccess: true,
      sort: 'start',
      where: {
        and: [
          { registrationOpen: { equals: true } },
          { kind: { equals: 'network-meeting' } },
          { start: { greater_than: later().toISOString() } },
        ],
      },
    })
    expect(nowNext.docs).toHaveLength(1)
    // Generating stamps the series' lastGeneratedAt (straight to the row, as the nightly job does),
    // which moves its updatedAt; its seeded content stays as it was.
    const series = await bySlug('event-series', 'netzwerktreffen-ag-soziale-stadt')
    expect(changed.sort()).toEqual(
      [`event-series/${series.id}`, `events/${nowNext.docs[0]!.id}`].sort(),
    )
    expect(before.has(`events/${nowNext.docs[0]!.id}`)).toBe(true)

    const webinarsAfter = (
      await payload.find({
        collection: 'events',
        depth: 0,
        overrideAccess: true,
        pagination: false,
        sort: 'start',
        where: { kind: { equals: 'webinar' } },
      })
    ).docs
    expect(webinarsAfter).toHaveLength(webinarsBefore.length + 1)
    const newest = webinarsAfter.at(-1)!
    expect(berlinDate(new Date(newest.registration!.deadline!)) >= berlinDate(later())).toBe(true)
  })

  it('should change nothing when it runs again on that later day', async () => {
    const before = await snapshot()
    const run = await seed({ now: later(), payload })
    expect(run.every(({ created, updated }) => created === 0 && updated === 0)).toBe(true)
    expect(Object.fromEntries(await snapshot())).toEqual(Object.fromEntries(before))
  })
})

describe('`npm run dev` on a later day', () => {
  // The later-day run above opened dates 45 days on; 45 days after that, all have closed.
  const later = () => new Date(seededAt.getTime() + 45 * DAY_MS)
  const muchLater = () => new Date(seededAt.getTime() + 90 * DAY_MS)

  it('should leave the demo alone while an upcoming date is open for registration', async () => {
    const before = await snapshot()
    const log: string[] = []
    expect(
      await refreshUpcomingDemoDates({ log: (line) => log.push(line), now: later(), payload }),
    ).toBe(false)
    expect(log).toEqual([])
    expect(Object.fromEntries(await snapshot())).toEqual(Object.fromEntries(before))
  })

  it('should open new upcoming dates once none is open any more, and write nothing else', async () => {
    const before = await snapshot()
    const log: string[] = []
    expect(
      await refreshUpcomingDemoDates({ log: (line) => log.push(line), now: muchLater(), payload }),
    ).toBe(true)
    expect(log).toHaveLength(1)
    expect(log[0]).toMatch(
      /^Kein Termin war mehr zur Anmeldung offen: Demo-Inhalte kommende Termine \(Beispieldaten\): [1-9]\d* angelegt, \d+ aktualisiert, \d+ unverändert$/,
    )
    const { docs: open } = await payload.find({
      collection: 'events',
      depth: 0,
      overrideAccess: true,
      pagination: false,
      sort: 'start',
      where: {
        and: [
          { registrationOpen: { equals: true } },
          { start: { greater_than: muchLater().toISOString() } },
        ],
      },
    })
    const openOn = (event: (typeof open)[number]) =>
      berlinDate(new Date(event.registration!.deadline!)) >= berlinDate(muchLater())
    expect(
      open
        .filter(openOn)
        .map((event) => event.kind)
        .sort(),
    ).toEqual(['network-meeting', 'webinar'])
    // Only dates: the series (its generation stamp) and events; no other demo content.
    const after = await snapshot()
    const changed = [...after]
      .filter(([key, updatedAt]) => before.get(key) !== updatedAt)
      .map(([key]) => key.split('/')[0])
    expect(new Set(changed)).toEqual(new Set(['event-series', 'events']))

    // The next start on that day finds them open and writes nothing.
    const again = await snapshot()
    expect(await refreshUpcomingDemoDates({ now: muchLater(), payload })).toBe(false)
    expect(Object.fromEntries(await snapshot())).toEqual(Object.fromEntries(again))
  })
})
