import type { Payload } from 'payload'

import type { SeedReport } from '../../src/seed'
import type { ContentSlug } from '../../src/seed/upsertBySlug'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { closePool, poolOf } from '../../src/db/closePool'

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

let payload: Payload
let seed: typeof import('../../src/seed').seed
let firstRun: SeedReport
let firstLog: string[]

/** Every seeded document's id and updatedAt, keyed by collection and id. */
const snapshot = async () => {
  const entries: [string, string][] = []
  for (const collection of SEEDED) {
    const { docs } = await payload.find({ collection, depth: 0, draft: true, overrideAccess: true, pagination: false })
    entries.push(...docs.map((doc): [string, string] => [`${collection}/${doc.id}`, doc.updatedAt]))
  }
  return new Map(entries)
}

const bySlug = async <TSlug extends ContentSlug>(collection: TSlug, slug: string) => {
  const { docs } = await payload.find({ collection, depth: 0, limit: 1, overrideAccess: true, where: { slug: { equals: slug } } })
  expect(docs, `${collection}/${slug} was not seeded`).toHaveLength(1)
  return docs[0]!
}

beforeAll(async () => {
  // The per-file database is already migrated (tests/helpers/perFileDatabase.ts).
  const { getPayload } = await import('payload')
  const { default: config } = await import('../../payload.config')
  payload = await getPayload({ config })
  ;({ seed } = await import('../../src/seed'))
  firstLog = []
  firstRun = await seed({ log: (message) => firstLog.push(message), payload })
})

afterAll(async () => {
  await payload?.destroy()
  await closePool(poolOf(payload))
})

describe('seed', () => {
  it('should create every document on an empty database and log one line per area', () => {
    expect(firstRun.length).toBeGreaterThanOrEqual(5)
    expect(firstLog).toHaveLength(firstRun.length)
    for (const [index, { area, created, unchanged, updated }] of firstRun.entries()) {
      expect(created, area).toBeGreaterThan(0)
      expect({ unchanged, updated }, area).toEqual({ unchanged: 0, updated: 0 })
      expect(firstLog[index]).toBe(`Demo-Inhalte ${area}: ${created} angelegt, 0 aktualisiert, 0 unverändert`)
    }
  })

  it('should change nothing when it runs a second time', async () => {
    const before = await snapshot()
    const secondRun = await seed({ payload })
    const after = await snapshot()

    expect(secondRun).toEqual(firstRun.map(({ area, created }) => ({ area, created: 0, unchanged: created, updated: 0 })))
    expect(after.size).toBe(before.size)
    expect(Object.fromEntries(after)).toEqual(Object.fromEntries(before))
    expect(before.size).toBe(firstRun.reduce((sum, { created }) => sum + created, 0))
  })

  it('should restore a seeded fact that was changed, and only that document', async () => {
    const committee = await bySlug('organisations', 'beratender-ausschuss-ag-soziale-stadt')
    await payload.update({ id: committee.id, collection: 'organisations', data: { memberCap: 3 }, overrideAccess: true })

    const run = await seed({ payload })

    expect(run.find(({ area }) => area === 'Netzwerk Stadtentwicklung NRW')?.updated).toBe(1)
    expect(run.reduce((sum, { created, updated }) => sum + created + updated, 0)).toBe(1)
    expect((await bySlug('organisations', 'beratender-ausschuss-ag-soziale-stadt')).memberCap).toBe(5)
  })

  it('should publish everything it writes', async () => {
    for (const collection of SEEDED) {
      const { totalDocs } = await payload.count({ collection, overrideAccess: true, where: { _status: { not_equals: 'published' } } })
      expect(totalDocs, collection).toBe(0)
    }
  })
})

describe('seeded facts', () => {
  it('should nest the Beratender Ausschuss (at most 5 municipal representatives) under the AG and the network', async () => {
    const committee = await bySlug('organisations', 'beratender-ausschuss-ag-soziale-stadt')
    expect(committee).toMatchObject({ kind: 'advisory-committee', memberCap: 5, membersRepresentMunicipalities: true })
    const ag = await bySlug('organisations', 'ag-soziale-stadt')
    expect(committee.parent).toBe(ag.id)
    const network = await bySlug('organisations', 'netzwerk-stadtentwicklung-nrw')
    expect(ag.parent).toBe(network.id)
    expect(network.foundedOn?.slice(0, 10)).toBe('2024-01-01')
    expect(ag.history?.map((milestone) => milestone.date.slice(0, 4))).toEqual(['1994', '1999', '2024'])
  })

  it('should seat the Kommunale Koordinierungsstelle in Essen, Amt für Stadterneuerung und Bodenmanagement', async () => {
    const office = await bySlug('organisations', 'kommunale-koordinierungsstelle-ag-soziale-stadt')
    const essen = await bySlug('municipalities', 'essen')
    expect(office.seat).toEqual({ department: 'Amt für Stadterneuerung und Bodenmanagement', municipality: essen.id })
  })

  it('should carry the Preis Soziale Stadt of 2000, 2004 and 2012 on projects', async () => {
    const { docs } = await payload.find({ collection: 'projects', depth: 0, overrideAccess: true, pagination: false })
    const years = new Set(docs.flatMap((project) => (project.awards ?? []).filter((award) => award.name === 'Preis Soziale Stadt').map((award) => award.year)))
    expect([...years].sort()).toEqual([2000, 2004, 2012])
  })

  it('should link the Stadtteilkonferenz to Charrette-Verfahren, Zukunftswerkstatt and the Haverkamp project', async () => {
    const { docs } = await payload.find({ collection: 'modules', depth: 1, overrideAccess: true, where: { slug: { equals: 'stadtteilkonferenz' } } })
    const stadtteilkonferenz = docs[0]!
    expect(stadtteilkonferenz.relatedModules?.map((related) => (typeof related === 'object' ? related.title : related))).toEqual(['Charrette-Verfahren', 'Zukunftswerkstatt'])
    expect(stadtteilkonferenz.relatedProjects?.map((related) => (typeof related === 'object' ? related.title : related))).toEqual([
      'Quartiersentwicklung im Haverkamp, Gelsenkirchen',
    ])
    expect(stadtteilkonferenz.editorialAssessment).toEqual({ complexity: 4, financialEffort: 4, participation: 4, processPhase: 4, staffEffort: 4, timeEffort: 4 })
    // Sections the page leaves empty stay empty.
    expect(stadtteilkonferenz.users ?? null).toBeNull()
    expect(stadtteilkonferenz.financing ?? null).toBeNull()
  })

  it('should date the five stadt:impuls webinars on Tuesdays at 12:00 Berlin time, 30 minutes each', async () => {
    const series = await bySlug('event-series', 'stadt-impuls')
    expect(series).toMatchObject({ announcementLeadDays: 28, kind: 'webinar', plannedEpisodes: 5 })
    const { docs } = await payload.find({ collection: 'events', depth: 0, overrideAccess: true, sort: 'episodeNumber', where: { series: { equals: series.id } } })
    expect(docs.map((event) => [event.episodeNumber, event.start, event.end])).toEqual([
      [1, '2021-05-11T10:00:00.000Z', '2021-05-11T10:30:00.000Z'],
      [2, '2021-06-08T10:00:00.000Z', '2021-06-08T10:30:00.000Z'],
      [3, '2021-09-14T10:00:00.000Z', '2021-09-14T10:30:00.000Z'],
      [4, '2021-10-12T10:00:00.000Z', '2021-10-12T10:30:00.000Z'],
      // Winter time: 12:00 in Berlin is 11:00 UTC.
      [5, '2021-11-09T11:00:00.000Z', '2021-11-09T11:30:00.000Z'],
    ])
    expect(docs.every((event) => event.start_tz === 'Europe/Berlin' && event.format === 'online' && event.fee?.isFree)).toBe(true)
  })

  it('should take registrations for stadt:impuls #2 by e-mail until 4 June 2021, with limited seats', async () => {
    const event = await bySlug('events', 'stadt-impuls-2-gerechte-stadt')
    expect(event.registration).toMatchObject({ contactEmail: 'stadtimpuls@einsateam.de', hasLimitedSeats: true })
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
    const { docs } = await payload.find({ collection: 'fields-of-action', depth: 0, overrideAccess: true, pagination: false, sort: 'order' })
    expect(docs).toHaveLength(14)
    expect(docs[0]).toMatchObject({ order: 1, title: 'Soziale Netze und Bürgerschaftliches Engagement' })
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
    for (const section of [stadtteilkonferenz.objective, stadtteilkonferenz.implementation, stadtteilkonferenz.steps, stadtteilkonferenz.pitfalls, stadtteilkonferenz.assessment, stadtteilkonferenz.contactsNote, stadtteilkonferenz.advice]) {
      expect(section).toBeTruthy()
      editor.setEditorState(editor.parseEditorState(JSON.stringify(section)))
      expect(editor.getEditorState().toJSON()).toEqual(section)
    }
  })
})
