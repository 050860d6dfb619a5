/**
 * The method catalogue (issue 16), GET /api/modules/catalogue over real HTTP: editorial facets,
 * Handlungsfelder and target groups, the visitors' rating profile and words, combined; for every
 * facet value the number of modules the choice would leave; published modules only; German
 * (or English) 400s for what can't be filtered.
 */
import type { Payload } from 'payload'

import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { Module } from '../../payload-types'
import type { RunningServer } from '../../src/server/startServer'

import { createModule, createTaxonomy, rateModule, type Taxonomy } from '../helpers/fixtures'
import { requestJson } from '../helpers/http'
import { startTestServer } from '../helpers/server'

// The config reads this when it is imported: no per-client limit on the test's ratings.
vi.hoisted(() => {
  process.env.RATINGS_PER_CLIENT_PER_HOUR = '0'
})

type FacetValue = { count: number; isSelected: boolean; label: string; value: string }
type Facet = { label: string; name: string; values: FacetValue[] }
type CatalogueBody = {
  docs?: (Module & { ratingSummary?: { raterCount: number } })[]
  errors?: { data?: { errors?: { message: string; path: string }[] }; message: string }[]
  facets?: Facet[]
  totalDocs?: number
  totalPages?: number
}

let server: RunningServer
let payload: Payload
let taxonomy: Taxonomy
const modules: Record<'dialog' | 'draft' | 'planning' | 'walk', Module> = {} as never

const catalogue = (query = '', headers: Record<string, string> = {}) =>
  requestJson<CatalogueBody>(`${server.url}/api/modules/catalogue${query ? `?${query}` : ''}`, {
    headers,
  })

const titlesOf = (body: CatalogueBody) => (body.docs ?? []).map((doc) => doc.title)

/** A facet's counts as `{ value: count }`. */
const countsOf = (body: CatalogueBody, name: string) =>
  Object.fromEntries(
    body
      .facets!.find((facet) => facet.name === name)!
      .values.map((value) => [value.value, value.count]),
  )

beforeAll(async () => {
  server = await startTestServer()
  payload = server.payload
  taxonomy = await createTaxonomy(payload, { suffix: 'Katalog' })
  const [social, housing] = taxonomy.fieldsOfAction
  const [young, old] = taxonomy.targetGroups
  modules.planning = await createModule(payload, {
    duration: 'days',
    fieldsOfAction: [social!.id],
    formats: ['analog'],
    participants: ['medium'],
    participationLevels: ['consult', 'co-decide'],
    processPhases: ['planning'],
    summary: 'Zufällig ausgewählte Bürgerinnen und Bürger erarbeiten ein Bürgergutachten.',
    targetGroups: [young!.id],
    title: 'Planungszelle',
  })
  modules.dialog = await createModule(payload, {
    duration: 'weeks',
    fieldsOfAction: [housing!.id],
    formats: ['digital'],
    participants: ['large', 'very-large'],
    participationLevels: ['consult'],
    processPhases: ['analysis', 'planning'],
    summary: 'Hinweise und Ideen auf einer Karte im Netz sammeln.',
    targetGroups: [young!.id, old!.id],
    title: 'Online-Dialog',
  })
  modules.walk = await createModule(payload, {
    duration: 'hours',
    fieldsOfAction: [social!.id],
    formats: ['analog', 'hybrid'],
    participants: ['small'],
    participationLevels: ['inform'],
    processPhases: ['analysis'],
    summary: 'Gemeinsam durch das Quartier gehen und Orte bewerten.',
    targetGroups: [old!.id],
    title: 'Quartiersspaziergang',
  })
  modules.draft = await createModule(payload, {
    _status: 'draft',
    duration: 'months',
    formats: ['digital'],
    processPhases: ['evaluation'],
    title: 'Unveröffentlichte Methode',
  })
  for (const participation of [5, 4]) {
    await rateModule({
      moduleId: modules.planning.id,
      serverUrl: server.url,
      values: { participation },
    })
  }
  await rateModule({
    moduleId: modules.dialog.id,
    serverUrl: server.url,
    values: { participation: 2 },
  })
})

afterAll(async () => {
  await server?.stop()
})

describe('the method catalogue', () => {
  it('should list the published modules by title with every facet value counted', async () => {
    const { body, status } = await catalogue()
    expect(status).toBe(200)
    expect(titlesOf(body)).toEqual(['Online-Dialog', 'Planungszelle', 'Quartiersspaziergang'])
    expect(body.facets!.map((facet) => facet.name)).toEqual([
      'phase',
      'participants',
      'duration',
      'participationLevel',
      'format',
      'fieldOfAction',
      'targetGroup',
    ])
    // The draft's values count nowhere.
    expect(countsOf(body, 'format')).toEqual({ analog: 2, digital: 1, hybrid: 1 })
    expect(countsOf(body, 'phase')).toEqual({
      analysis: 2,
      evaluation: 0,
      implementation: 0,
      planning: 2,
    })
    expect(countsOf(body, 'duration')).toEqual({
      days: 1,
      hours: 1,
      months: 0,
      ongoing: 0,
      weeks: 1,
    })
    const [social, housing] = taxonomy.fieldsOfAction
    expect(countsOf(body, 'fieldOfAction')).toEqual({ [social!.slug]: 2, [housing!.slug]: 1 })
    expect(body.facets![0]).toMatchObject({ label: 'Prozessphase' })
    expect(body.facets![0]!.values[0]).toEqual({
      count: 2,
      isSelected: false,
      label: 'Analyse',
      value: 'analysis',
    })
  })

  it('should filter by a facet and count each facet as if its own choice were open', async () => {
    const { body } = await catalogue('format=analog')
    expect(titlesOf(body)).toEqual(['Planungszelle', 'Quartiersspaziergang'])
    // The chosen facet keeps the counts of the other facets' choices (none): a second value can be added.
    expect(countsOf(body, 'format')).toEqual({ analog: 2, digital: 1, hybrid: 1 })
    expect(countsOf(body, 'phase')).toMatchObject({ analysis: 1, planning: 1 })
    expect(countsOf(body, 'participationLevel')).toEqual({ 'co-decide': 1, consult: 1, inform: 1 })
    const format = body.facets!.find((facet) => facet.name === 'format')!
    expect(format.values.find((value) => value.value === 'analog')?.isSelected).toBe(true)
  })

  it('should take any of a facet’s values and every facet given', async () => {
    expect(titlesOf((await catalogue('format=digital,hybrid')).body)).toEqual([
      'Online-Dialog',
      'Quartiersspaziergang',
    ])
    const [young] = taxonomy.targetGroups
    const [social] = taxonomy.fieldsOfAction
    expect(titlesOf((await catalogue(`phase=planning&targetGroup=${young!.slug}`)).body)).toEqual([
      'Online-Dialog',
      'Planungszelle',
    ])
    const narrowed = await catalogue(
      `phase=planning&targetGroup=${young!.id}&fieldOfAction=${social!.slug}`,
    )
    expect(titlesOf(narrowed.body)).toEqual(['Planungszelle'])
    // With Handlungsfeld and target group fixed, only "Planung" leaves a module among the phases.
    expect(countsOf(narrowed.body, 'phase')).toEqual({
      analysis: 0,
      evaluation: 0,
      implementation: 0,
      planning: 1,
    })
  })

  it('should find modules by words, a typo in a title tolerated', async () => {
    expect(titlesOf((await catalogue('q=Bürgergutachten')).body)).toEqual(['Planungszelle'])
    expect(titlesOf((await catalogue('q=Quartiersspazirgang')).body)).toEqual([
      'Quartiersspaziergang',
    ])
    const combined = await catalogue(`q=${encodeURIComponent('Ideen Karte')}&format=analog`)
    expect(combined.body.totalDocs).toBe(0)
    expect(countsOf(combined.body, 'format')).toMatchObject({ analog: 0, digital: 1 })
  })

  it('should filter by the visitors’ rating profile and show it', async () => {
    const { body } = await catalogue('participation[min]=4')
    expect(titlesOf(body)).toEqual(['Planungszelle'])
    expect(body.docs![0]!.ratingSummary?.raterCount).toBe(2)
    expect(titlesOf((await catalogue('minRaters=1')).body)).toEqual([
      'Online-Dialog',
      'Planungszelle',
    ])
    expect(titlesOf((await catalogue('participation[max]=3&format=digital')).body)).toEqual([
      'Online-Dialog',
    ])
  })

  it('should page through the hits', async () => {
    const first = await catalogue('limit=2')
    const second = await catalogue('limit=2&page=2')
    expect(first.body.totalPages).toBe(2)
    expect([...titlesOf(first.body), ...titlesOf(second.body)]).toEqual([
      'Online-Dialog',
      'Planungszelle',
      'Quartiersspaziergang',
    ])
  })

  it('should follow publishing: an unpublished module leaves the catalogue and its counts', async () => {
    await payload.update({ collection: 'modules', data: { _status: 'draft' }, id: modules.walk.id })
    try {
      const { body } = await catalogue()
      expect(titlesOf(body)).toEqual(['Online-Dialog', 'Planungszelle'])
      expect(countsOf(body, 'format')).toEqual({ analog: 1, digital: 1, hybrid: 0 })
    } finally {
      await payload.update({
        collection: 'modules',
        data: { _status: 'published' },
        id: modules.walk.id,
      })
    }
  })

  it('should count a module once for a Handlungsfeld it names twice', async () => {
    const [social, housing] = taxonomy.fieldsOfAction
    const twice = await createModule(payload, {
      fieldsOfAction: [housing!.id, housing!.id],
      title: 'Wohnungsforum',
    })
    try {
      const { body } = await catalogue(`fieldOfAction=${housing!.slug}`)
      expect(titlesOf(body)).toEqual(['Online-Dialog', 'Wohnungsforum'])
      expect(countsOf(body, 'fieldOfAction')).toEqual({ [social!.slug]: 2, [housing!.slug]: 2 })
    } finally {
      await payload.delete({ collection: 'modules', id: twice.id })
    }
  })

  it('should name facets and values in English for an English client', async () => {
    const { body } = await catalogue('', { 'Accept-Language': 'en' })
    const phase = body.facets!.find((facet) => facet.name === 'phase')!
    expect(phase.label).toBe('Process phase')
    expect(phase.values.map((value) => value.label)).toEqual([
      'Analysis',
      'Planning',
      'Implementation',
      'Evaluation',
    ])
  })
})

/** A statement past Payload's hooks, as another program would write (or a lost notification). */
const writeDirectly = async (statement: string, values: unknown[] = []) => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await client.connect()
  try {
    return await client.query(statement, values)
  } finally {
    await client.end()
  }
}

describe('the catalogue’s facts kept in memory', () => {
  it('should show a new module, its ratings and its removal in the next answer', async () => {
    expect(titlesOf((await catalogue('format=hybrid')).body)).toEqual(['Quartiersspaziergang'])
    const fishbowl = await createModule(payload, {
      formats: ['hybrid'],
      processPhases: ['evaluation'],
      title: 'Fishbowl',
    })
    try {
      expect(titlesOf((await catalogue('format=hybrid')).body)).toEqual([
        'Fishbowl',
        'Quartiersspaziergang',
      ])
      await rateModule({
        moduleId: fishbowl.id,
        serverUrl: server.url,
        values: { participation: 5 },
      })
      const { body } = await catalogue('format=hybrid&participation[min]=5')
      expect(titlesOf(body)).toEqual(['Fishbowl'])
      expect(body.docs![0]!.ratingSummary?.raterCount).toBe(1)
    } finally {
      await payload.delete({ collection: 'modules', id: fishbowl.id })
    }
    expect(titlesOf((await catalogue('format=hybrid')).body)).toEqual(['Quartiersspaziergang'])
  })

  it('should show a changed facet, Handlungsfeld title and a write past Payload at once', async () => {
    const social = taxonomy.fieldsOfAction[0]!
    const edit = async (duration: NonNullable<Module['duration']>, title: string) => {
      await payload.update({ collection: 'modules', data: { duration }, id: modules.walk.id })
      await payload.update({ collection: 'fields-of-action', data: { title }, id: social.id })
    }
    expect(countsOf((await catalogue()).body, 'duration')).toMatchObject({ ongoing: 0 })
    await edit('ongoing', 'Soziales Miteinander (neu)')
    try {
      const { body } = await catalogue('duration=ongoing')
      expect(titlesOf(body)).toEqual(['Quartiersspaziergang'])
      const field = body.facets!.find((facet) => facet.name === 'fieldOfAction')!
      expect(field.values.map((value) => value.label)).toContain('Soziales Miteinander (neu)')
      await writeDirectly(`UPDATE modules SET duration = 'weeks' WHERE id = $1`, [modules.walk.id])
      expect(titlesOf((await catalogue('duration=weeks')).body)).toEqual([
        'Online-Dialog',
        'Quartiersspaziergang',
      ])
    } finally {
      await edit('hours', social.title)
    }
    expect(countsOf((await catalogue()).body, 'duration')).toMatchObject({ hours: 1, ongoing: 0 })
  })

  it('should find a module by its new words at once, and no more by its old ones', async () => {
    // The ranks of a query are kept until the search index changes.
    for (let round = 0; round < 2; round++) {
      expect(titlesOf((await catalogue('q=Bürgergutachten')).body)).toEqual(['Planungszelle'])
    }
    expect(titlesOf((await catalogue('q=Stadtteilgutachten')).body)).toEqual([])
    const summary = modules.planning.summary
    await payload.update({
      collection: 'modules',
      data: { summary: 'Zufällig ausgewählte Menschen erarbeiten ein Stadtteilgutachten.' },
      id: modules.planning.id,
    })
    try {
      expect(titlesOf((await catalogue('q=Bürgergutachten')).body)).toEqual([])
      expect(titlesOf((await catalogue('q=Stadtteilgutachten')).body)).toEqual(['Planungszelle'])
    } finally {
      await payload.update({ collection: 'modules', data: { summary }, id: modules.planning.id })
    }
    expect(titlesOf((await catalogue('q=Bürgergutachten')).body)).toEqual(['Planungszelle'])
    expect(titlesOf((await catalogue('q=Stadtteilgutachten')).body)).toEqual([])
  })

  it('should read the database while change notifications are down, and keep facts again after', async () => {
    expect(titlesOf((await catalogue('duration=months')).body)).toEqual([])
    const { rowCount } = await writeDirectly(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'quartiersnetz-http-cache' AND datname = current_database()`,
    )
    expect(rowCount).toBe(1)
    try {
      // Changed while nobody listens: the notification is lost.
      await writeDirectly(`UPDATE modules SET duration = 'months' WHERE id = $1`, [modules.walk.id])
      expect(titlesOf((await catalogue('duration=months')).body)).toEqual(['Quartiersspaziergang'])
      // Listening again after the first retry (500 ms): kept facts are loaded anew.
      await expect
        .poll(
          async () =>
            (await fetch(`${server.url}/api/modules/${modules.walk.id}`)).headers.get('x-cache'),
          {
            interval: 200,
            timeout: 10_000,
          },
        )
        .toBe('hit')
      expect(titlesOf((await catalogue('duration=months')).body)).toEqual(['Quartiersspaziergang'])
    } finally {
      await writeDirectly(`UPDATE modules SET duration = 'hours' WHERE id = $1`, [modules.walk.id])
    }
    expect(titlesOf((await catalogue('duration=months')).body)).toEqual([])
  })
})

describe('filters that can’t be applied', () => {
  it('should name an unknown facet value and the possible ones, in German', async () => {
    const { body, status } = await catalogue('format=analog,telepathisch')
    expect(status).toBe(400)
    expect(body.errors?.[0]?.message).toBe(
      'Der Methodenkatalog kann so nicht gefiltert werden. „Format“: unbekannter Wert „telepathisch“. Möglich sind: analog, digital, hybrid.',
    )
    expect(body.errors?.[0]?.data?.errors?.[0]?.path).toBe('format')
  })

  it.each([
    ['fieldOfAction=gibt-es-nicht', 'fieldOfAction'],
    ['participation=4', 'participation'],
    ['participation[min]=9', 'participation.min'],
    ['limit=0', 'limit'],
    ['page=-1', 'page'],
    [`q=${'x'.repeat(201)}`, 'q'],
    ['sortieren=titel', ''],
  ])('should refuse %s with 400', async (query, path) => {
    const { body, status } = await catalogue(query)
    expect(status).toBe(400)
    expect(body.errors?.[0]?.message).toMatch(
      /^Der Methodenkatalog kann so nicht gefiltert werden\./,
    )
    expect(body.errors?.[0]?.data?.errors?.[0]?.path).toBe(path)
  })
})
