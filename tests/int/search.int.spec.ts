/**
 * Full-text search (issue 16) over real HTTP against the production build and a real
 * PostgreSQL with the demo content: the seeds' German queries find what they name first,
 * umlauts and ß either way, typos in short queries, text-safe snippets, counts per type and
 * paging, German 400s; and the index never stale nor leaking: publish, unpublish, edit, a draft
 * over a published document, delete and a rolled-back change, for visitors and for editors.
 */
import type { CollectionSlug, Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres'
import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import type { RunningServer } from '../../src/server/startServer'

import { databaseOf, runnerOf, type SqlRunner } from '@quartiersnetz/plugin-kit/drizzleTable'

import { foldForSearch } from '../../src/search/fold'
import {
  loadMemoryIndex,
  type MemoryIndex,
  plainLexemesOf,
  plainTsqueryOf,
  searchInMemory,
  searchSimilarInMemory,
  tsqueryOf,
  updateMemoryIndex,
} from '../../src/search/memoryIndex'
import { anyWordsOf, isTolerated, runSearch, withIndexScans } from '../../src/search/search'
import {
  hasOtherLetters,
  similarity,
  trigramsOf,
  uniqueTrigrams,
  WORD_SIMILARITY_THRESHOLD,
  wordSimilarity,
} from '../../src/search/trigrams'
import { SEARCH_SOURCES } from '../../src/search/sources'
import { richText } from '../helpers/fixtures'
import { requestJson } from '../helpers/http'
import { startTestServer } from '../helpers/server'
import { createSignedInUsers } from '../helpers/users'

type Hit = {
  date: null | string
  id: number
  slug: null | string
  snippet: string
  status?: 'changed' | 'draft' | 'published'
  title: string
  type: string
}
type SearchBody = {
  counts?: Record<string, number>
  docs?: Hit[]
  errors?: { data?: { errors?: { path: string }[] }; message: string }[]
  isSimilar?: boolean
  page?: number
  totalDocs?: number
  totalPages?: number
  types?: Record<string, { plural: string; singular: string }>
}

let server: RunningServer
let payload: Payload
let editorToken: string
let counter = 0
const created: { collection: CollectionSlug; id: number }[] = []

/** A word no demo text contains, so that a test finds only what it made. */
const uniqueWord = (stem: string) => `${stem}${String.fromCharCode(97 + (counter++ % 26))}quartett`

const search = (query: string, { token, ...params }: Record<string, string> = {}) =>
  requestJson<SearchBody>(
    `${server.url}/api/search?${new URLSearchParams({ q: query, ...params }).toString()}`,
    { token },
  )

const titlesOf = (body: SearchBody) => (body.docs ?? []).map((hit) => hit.title)

const createProject = async (data: Record<string, unknown>) => {
  const doc = await payload.create({
    collection: 'projects',
    data: { _status: 'published', title: 'Projekt', ...data } as never,
    draft: data._status === 'draft',
  })
  created.push({ collection: 'projects', id: doc.id })
  return doc
}

beforeAll(async () => {
  server = await startTestServer()
  payload = server.payload
  const { seed } = await import('../../src/seed')
  await seed({ payload })
  ;({
    tokens: { editor: editorToken },
  } = await createSignedInUsers(payload, {
    serverUrl: server.url,
    users: {
      admin: { email: 'admin@search.test', role: 'admin' },
      editor: { email: 'redaktion@search.test', role: 'editor' },
    },
  }))
})

afterEach(async () => {
  for (const { collection, id } of created.splice(0).reverse()) {
    // By `where`: a test may have deleted its document itself.
    await payload.delete({ collection, where: { id: { equals: id } } })
  }
})

afterAll(async () => {
  await server?.stop()
})

describe('the seeds’ queries', () => {
  it.each([
    ['Senioren Arnsberg', 'projects', 'arnsberger-senioren-netzwerk'],
    ['Stadtteilkonferenz', 'modules', 'stadtteilkonferenz'],
    ['Gesundheit im Quartier', 'events', undefined],
    ['Webinar Gerechte Stadt', 'events', undefined],
    ['Zukunftswerkstatt', 'modules', 'zukunftswerkstatt'],
    ['Quartier 2030', 'programmes', undefined],
  ])('should find %s first as %s', async (query, type, slug) => {
    const { body, status } = await search(query)
    expect(status).toBe(200)
    expect(body.isSimilar).toBe(false)
    const [first] = body.docs ?? []
    expect(first?.type, JSON.stringify(body.docs?.slice(0, 3))).toBe(type)
    if (slug) {
      expect(first?.slug).toBe(slug)
    }
    if (query === 'Gesundheit im Quartier') {
      expect(first?.title).toMatch(/^Gesundheit im Quartier/)
    }
    if (query === 'Webinar Gerechte Stadt') {
      expect(first?.title).toMatch(/Gerechte Stadt/)
      expect(first?.date).toMatch(/^\d{4}-\d\d-\d\dT/)
    }
  })

  it('should mark the query’s words in the snippet, inflected forms included', async () => {
    const { body } = await search('Stadtteilkonferenz')
    const module = body.docs?.find((hit) => hit.type === 'modules')
    expect(module?.snippet).toContain('<mark>Stadtteilkonferenz</mark>')
    expect(module?.snippet).toContain('<mark>Stadtteilkonferenzen</mark>')
  })

  it('should count the hits per type and name the types in the client’s language', async () => {
    const { body } = await search('Quartier')
    expect(Object.keys(body.counts ?? {})).toEqual([
      'modules',
      'projects',
      'events',
      'publications',
      'fields-of-action',
      'municipalities',
      'programmes',
    ])
    expect(body.totalDocs).toBe(Object.values(body.counts!).reduce((sum, count) => sum + count, 0))
    expect(body.counts!.events).toBeGreaterThan(0)
    expect(body.types?.events).toEqual({ plural: 'Veranstaltungen', singular: 'Veranstaltung' })
    const english = await requestJson<SearchBody>(`${server.url}/api/search?q=Quartier`, {
      headers: { 'Accept-Language': 'en' },
    })
    expect(english.body.types?.events).toEqual({ plural: 'Events', singular: 'Event' })
  })
})

describe('words as people type them', () => {
  it('should find Bürgerbeteiligung from “Buergerbeteiligung” and the other way round', async () => {
    const title = 'Bürgerbeteiligung bei Entwicklung und Betrieb einer Begegnungsstätte'
    expect(titlesOf((await search('Buergerbeteiligung')).body)).toContain(title)
    expect(titlesOf((await search('bürgerbeteiligung')).body)).toContain(title)
  })

  it('should find Straße from “Strasse”, and capitalised umlauts from any spelling', async () => {
    const word = uniqueWord('spiel')
    await createProject({ teaser: `Ein ${word} auf der Öffentlichen Straße im Quartier.` })
    for (const query of [`Strasse ${word}`, `öffentliche ${word}`, `Oeffentlichen ${word}`]) {
      const { body } = await search(query)
      expect(body.totalDocs, query).toBe(1)
    }
    const { body } = await search(`Strasse ${word}`)
    expect(body.docs?.[0]?.snippet).toContain('<mark>Straße</mark>')
    expect(titlesOf((await search('oekologie')).body)).toContain('Ökologie')
  })

  it('should tolerate a typo in a short query, and say the hits are similar ones', async () => {
    const { body } = await search('Stadteilkonferens')
    expect(body.isSimilar).toBe(true)
    expect(body.docs?.[0]?.slug).toBe('stadtteilkonferenz')
  })

  it('should not let tolerance overrule an excluded word', async () => {
    const { body } = await search('Senioren -Arnsberg')
    expect(body.isSimilar).toBe(false)
    expect(titlesOf(body)).not.toContain('Arnsberger-Senioren-Netzwerk')
  })

  it('should answer a snippet that carries no HTML from the content', async () => {
    const word = uniqueWord('garten')
    await createProject({
      body: richText(`<img src=x onerror="alert(1)"> Der ${word} & mehr <b>fett</b>`),
      title: `Projekt ${word}`,
    })
    const { body } = await search(word)
    const snippet = body.docs?.[0]?.snippet ?? ''
    expect(snippet).toContain(`<mark>${word}</mark>`)
    expect(snippet).toContain('onerror=&quot;alert(1)&quot;&gt;')
    expect(snippet).toContain('&amp; mehr &lt;b&gt;fett&lt;/b&gt;')
    expect(snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>"]/)
  })
})

describe('type filter and paging', () => {
  it('should page through one type’s hits without repeating one', async () => {
    const first = await search('Netzwerktreffen', { limit: '2', type: 'events' })
    expect(first.status).toBe(200)
    expect(first.body.docs).toHaveLength(2)
    expect(first.body.totalDocs).toBe(first.body.counts!.events)
    expect(first.body.totalPages).toBe(Math.ceil(first.body.counts!.events! / 2))
    const second = await search('Netzwerktreffen', { limit: '2', page: '2', type: 'events' })
    const ids = [...first.body.docs!, ...second.body.docs!].map((hit) => hit.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(second.body.docs!.every((hit) => hit.type === 'events')).toBe(true)
  })

  it('should list equally relevant dates of one title in their order (a series)', async () => {
    const word = uniqueWord('reihe')
    const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString()
    // Written out of order: the search must not answer in the order they were written.
    for (const days of [40, 10, 70, 25]) {
      const doc = await payload.create({
        collection: 'events',
        data: {
          _status: 'published',
          format: 'on-site',
          kind: 'network-meeting',
          start: day(days),
          start_tz: 'Europe/Berlin',
          teaser: `Treffen der ${word}`,
          title: `Netzwerktreffen ${word}`,
        } as never,
      })
      created.push({ collection: 'events', id: doc.id })
    }
    for (const query of [word, `${word} Netzwerktreffen`]) {
      const { body } = await search(query, { type: 'events' })
      const dates = body.docs!.map((hit) => String(hit.date))
      expect(dates, query).toHaveLength(4)
      expect(dates, query).toEqual([...dates].sort())
    }
  })

  it('should filter by several types', async () => {
    const { body } = await search('Quartier', { type: 'events,programmes' })
    expect(body.docs!.length).toBeGreaterThan(0)
    expect(body.docs!.every((hit) => ['events', 'programmes'].includes(hit.type))).toBe(true)
    expect(body.totalDocs).toBe(body.counts!.events! + body.counts!.programmes!)
  })
})

describe('input that can’t be searched', () => {
  it.each([
    ['', 'q', 'Bitte geben Sie „Suchbegriff (q)“ an.'],
    ['   ', 'q', 'Bitte geben Sie „Suchbegriff (q)“ an.'],
    ['x'.repeat(201), 'q', 'höchstens 200 Zeichen'],
  ])('should refuse the query %j with a German 400', async (query, path, message) => {
    const { body, status } = await search(query)
    expect(status).toBe(400)
    expect(body.errors?.[0]?.message).toContain(message)
    expect(body.errors?.[0]?.data?.errors?.[0]?.path).toBe(path)
  })

  it('should refuse a missing query, an unknown type, bad paging and unknown parameters', async () => {
    const missing = await requestJson<SearchBody>(`${server.url}/api/search`)
    expect(missing.status).toBe(400)
    const type = await search('Quartier', { type: 'events,users' })
    expect(type.status).toBe(400)
    expect(type.body.errors?.[0]?.message).toBe(
      'Unbekannte Art: users. Möglich sind: modules, projects, events, publications, fields-of-action, municipalities, programmes.',
    )
    const wrong: Record<string, string>[] = [
      { page: '0' },
      { limit: '500' },
      { page: 'zwei' },
      { sort: 'title' },
    ]
    for (const params of wrong) {
      const { status } = await search('Quartier', params)
      expect(status, JSON.stringify(params)).toBe(400)
    }
  })

  it('should say it in English to an English client', async () => {
    const { body, status } = await requestJson<SearchBody>(`${server.url}/api/search?q=`, {
      headers: { 'Accept-Language': 'en' },
    })
    expect(status).toBe(400)
    expect(body.errors?.[0]?.message).toBe(
      'The search is not possible like this. Please fill in "Search term (q)".',
    )
  })
})

describe('never stale, never leaking', () => {
  it('should find a draft for editors only, and for visitors once it is published', async () => {
    const word = uniqueWord('entwurf')
    const doc = await createProject({ _status: 'draft', teaser: word })
    expect((await search(word)).body.totalDocs).toBe(0)
    const asEditor = await search(word, { token: editorToken })
    expect(asEditor.body.docs?.map((hit) => [hit.id, hit.status])).toEqual([[doc.id, 'draft']])

    await payload.update({ collection: 'projects', data: { _status: 'published' }, id: doc.id })
    const published = await search(word)
    expect(published.body.docs?.map((hit) => hit.id)).toEqual([doc.id])
    expect(published.body.docs?.[0]?.status).toBeUndefined()
  })

  it('should find the new words after an edit and no longer the old ones', async () => {
    const before = uniqueWord('vorher')
    const after = uniqueWord('nachher')
    const doc = await createProject({ title: `Projekt ${before}` })
    await payload.update({
      collection: 'projects',
      data: { title: `Projekt ${after}` },
      id: doc.id,
    })
    expect((await search(before)).body.totalDocs).toBe(0)
    expect((await search(after)).body.docs?.map((hit) => hit.title)).toEqual([`Projekt ${after}`])
  })

  it('should keep showing visitors the published version while a draft is being edited', async () => {
    const published = uniqueWord('sichtbar')
    const drafted = uniqueWord('unfertig')
    const doc = await createProject({ teaser: published })
    await payload.update({
      collection: 'projects',
      data: { _status: 'draft', teaser: drafted },
      draft: true,
      id: doc.id,
    })
    expect((await search(published)).body.totalDocs).toBe(1)
    expect((await search(drafted)).body.totalDocs).toBe(0)
    // Editors find the newer draft, named as Payload's lists name it.
    const editor = await search(drafted, { token: editorToken })
    expect(editor.body.docs?.map((hit) => [hit.id, hit.status])).toEqual([[doc.id, 'changed']])
    expect((await search(published, { token: editorToken })).body.totalDocs).toBe(0)
  })

  it('should take an unpublished document out of the visitors’ results', async () => {
    const word = uniqueWord('zurueck')
    const doc = await createProject({ teaser: word })
    expect((await search(word)).body.totalDocs).toBe(1)
    await payload.update({ collection: 'projects', data: { _status: 'draft' }, id: doc.id })
    expect((await search(word)).body.totalDocs).toBe(0)
    expect((await search(word, { token: editorToken })).body.docs?.[0]?.status).toBe('draft')
  })

  it('should forget a deleted document for everyone', async () => {
    const word = uniqueWord('geloescht')
    const doc = await createProject({ teaser: word })
    await payload.delete({ collection: 'projects', id: doc.id })
    expect((await search(word)).body.totalDocs).toBe(0)
    expect((await search(word, { token: editorToken })).body.totalDocs).toBe(0)
  })

  it('should leave the index unchanged when the change is rolled back', async () => {
    const kept = uniqueWord('bleibt')
    const dropped = uniqueWord('verworfen')
    const doc = await createProject({ teaser: kept })
    const req = await createLocalReq({}, payload)
    await initTransaction(req)
    await payload.update({ collection: 'projects', data: { teaser: dropped }, id: doc.id, req })
    await killTransaction(req)
    expect((await search(kept)).body.totalDocs).toBe(1)
    expect((await search(dropped)).body.totalDocs).toBe(0)
    expect((await search(dropped, { token: editorToken })).body.totalDocs).toBe(0)
  })

  it('should index a change in the same transaction as the change', async () => {
    const word = uniqueWord('zugleich')
    const req = await createLocalReq({}, payload)
    await initTransaction(req)
    const doc = await payload.create({
      collection: 'projects',
      data: { _status: 'published', teaser: word, title: word },
      req,
    })
    created.push({ collection: 'projects', id: doc.id })
    // Not committed yet: nobody finds it.
    expect((await search(word)).body.totalDocs).toBe(0)
    await commitTransaction(req)
    expect((await search(word)).body.totalDocs).toBe(1)
  })

  it('should index every searchable collection, and rebuild the same index from scratch', async () => {
    const { reindexSearch } = await import('../../src/search')
    const before = await search('Quartier')
    const published = await reindexSearch(payload)
    expect(published).toBeGreaterThan(20)
    const after = await search('Quartier')
    expect(after.body.counts).toEqual(before.body.counts)
    expect(after.body.docs).toEqual(before.body.docs)
  })
})

describe('the visitors’ index in memory', () => {
  const allTypes = SEARCH_SOURCES.map((source) => source.collection as string)

  it.each([
    ['Quartier', 10, 1, allTypes],
    ['Quartier', 4, 3, allTypes],
    ['Quartier', 5, 2, ['events', 'programmes']],
    ['Senioren Arnsberg', 10, 1, allTypes],
    ['Stadtteilkonferenz', 10, 1, allTypes],
    ['Gesundheit im Quartier', 3, 2, allTypes],
    ['Webinar Gerechte Stadt', 10, 1, allTypes],
    ['Zukunftswerkstatt', 10, 1, allTypes],
    ['Quartier 2030', 10, 1, allTypes],
    ['Netzwerktreffen', 2, 2, ['events']],
    ['Buergerbeteiligung', 10, 1, allTypes],
    ['Beteiligung Stadt', 7, 1, ['projects', 'modules']],
    ['Soziale Stadt', 10, 1, allTypes],
  ])(
    'should answer %j (%i per page, page %i) exactly as the database does',
    async (query, limit, page, types) => {
      const runner = databaseOf(payload)
      const folded = foldForSearch(query)
      const tsquery = await tsqueryOf(runner, folded)
      const lexemes = plainLexemesOf(tsquery)
      expect(lexemes, tsquery).toBeDefined()
      const index = await loadMemoryIndex(runner)
      const args = { allTypes, limit, page, query, types }
      const fromMemory = searchInMemory(index, { ...args, folded, lexemes: lexemes!, tsquery })
      const fromDatabase = await withIndexScans(payload, (sqlRunner) =>
        runSearch(sqlRunner, { ...args, version: 'published' }),
      )
      expect(fromMemory.totalDocs).toBeGreaterThan(0)
      expect(fromMemory).toEqual(fromDatabase)
    },
  )

  it('should leave phrases and excluded words to the database', async () => {
    const runner = databaseOf(payload)
    for (const query of ['"Soziale Stadt"', 'Quartier -Stadt', 'Online-Dialog']) {
      expect(plainLexemesOf(await tsqueryOf(runner, foldForSearch(query))), query).toBeUndefined()
    }
    // The same answers as before over HTTP, from the database.
    const phrase = await search('"Soziale Stadt"')
    expect(phrase.headers.get('x-search')).toBe('database')
    expect(phrase.body.totalDocs).toBeGreaterThan(0)
  })

  it('should compute pg_trgm’s similarity and word_similarity as PostgreSQL does', async () => {
    const titles = (
      await databaseOf(payload).rows(sql`SELECT DISTINCT title_folded FROM search_documents`)
    ).map((row) => String(row.title_folded))
    const queries = ['stadteilkonferens', 'zukunftswerkstat', 'quartir 2030', 'a', 'ab', 'x1 y2']
    for (const query of queries) {
      const rows = await databaseOf(payload).rows(sql`
        SELECT t, word_similarity(${query}, t) AS word, similarity(${query}, t) AS whole,
          ${query} <% t AS similar
        FROM unnest(${sql.param(titles)}::text[]) t`)
      const queryTrigrams = uniqueTrigrams(trigramsOf(query))
      for (const row of rows) {
        const title = String(row.t)
        if (hasOtherLetters(title)) {
          continue
        }
        const word = wordSimilarity(queryTrigrams, trigramsOf(title))
        expect([
          query,
          title,
          word,
          similarity(queryTrigrams, uniqueTrigrams(trigramsOf(title))),
        ]).toEqual([query, title, Math.fround(Number(row.word)), Math.fround(Number(row.whole))])
        expect(word >= WORD_SIMILARITY_THRESHOLD).toBe(row.similar)
      }
    }
  })

  it.each([
    ['Stadteilkonferens', 10, 1, allTypes],
    ['Zukunftswerkstat', 10, 1, allTypes],
    ['Senoiren Arnsberg', 10, 1, allTypes],
    ['Webinr Gerechte', 3, 2, allTypes],
    ['Netzwerktrefen', 5, 1, ['events']],
    ['Quartir', 10, 1, ['projects', 'modules']],
    ['xq', 10, 1, allTypes],
  ])(
    'should answer the tolerant search for %j (%i per page, page %i) exactly as the database does',
    async (query, limit, page, types) => {
      const runner = databaseOf(payload)
      const folded = foldForSearch(query)
      const tsquery = await tsqueryOf(runner, folded)
      const index = await loadMemoryIndex(runner)
      const args = { allTypes, limit, page, query, types }
      const exact = searchInMemory(index, {
        ...args,
        folded,
        lexemes: plainLexemesOf(tsquery)!,
        tsquery,
      })
      expect(exact.totalDocs).toBe(0)
      expect(isTolerated(folded)).toBe(true)
      const anyTsquery = await plainTsqueryOf(runner, anyWordsOf(folded))
      const fromMemory = searchSimilarInMemory(index, {
        ...args,
        anyLexemes: plainLexemesOf(anyTsquery)!,
        anyTsquery,
        folded,
      })
      const fromDatabase = await withIndexScans(payload, (sqlRunner) =>
        runSearch(sqlRunner, { ...args, version: 'published' }),
      )
      expect(fromDatabase.isSimilar).toBe(true)
      expect(fromMemory).toEqual(fromDatabase)
    },
  )

  it('should answer a typo from memory over HTTP, as similar titles', async () => {
    await expect
      .poll(async () => (await search('Stadteilkonferens')).headers.get('x-search'), {
        interval: 100,
        timeout: 15_000,
      })
      .toBe('memory')
    const typo = await search('Stadteilkonferens')
    expect(typo.body.isSimilar).toBe(true)
    expect(typo.body.docs?.[0]?.slug).toBe('stadtteilkonferenz')
  })

  it('should bring the index up to date by reading again only the rows written since', async () => {
    const runner = databaseOf(payload)
    const inSnapshot = <T>(read: (snapshot: SqlRunner) => Promise<T>) =>
      payload.db.drizzle.transaction((tx) => read(runnerOf(tx)), {
        accessMode: 'read only',
        isolationLevel: 'repeatable read',
      })
    const word = uniqueWord('stand')
    const withDraft = await createProject({ teaser: word, title: 'Mittleres Projekt' })
    const toRename = await createProject({ teaser: word, title: 'Aaa zuerst' })
    const toUnpublish = await createProject({ teaser: word, title: 'Bald zurückgezogen' })
    const toDelete = await createProject({ teaser: word, title: 'Bald gelöscht' })
    const previous = await loadMemoryIndex(runner)
    expect(await updateMemoryIndex(inSnapshot, previous)).toBe(previous)

    // A draft saved over a published document changes nothing visitors find.
    await payload.update({
      collection: 'projects',
      data: { title: 'Entwurf' },
      draft: true,
      id: withDraft.id,
    })
    expect(await updateMemoryIndex(inSnapshot, previous)).toBe(previous)

    // Published, renamed (it moves in the order of titles), unpublished, deleted.
    const added = await createProject({ teaser: word, title: 'Neu im Index' })
    await payload.update({
      collection: 'projects',
      data: { title: 'Zzz zuletzt' },
      id: toRename.id,
    })
    await payload.update({ collection: 'projects', data: { _status: 'draft' }, id: toUnpublish.id })
    await payload.delete({ collection: 'projects', id: toDelete.id })
    const updated = await updateMemoryIndex(inSnapshot, previous)
    // (Maps compared by their entries in the order of their keys, types by their names: an
    // update numbers a new collection after the known ones.)
    const comparable = ({ typeOf, types, ...index }: MemoryIndex) => ({
      ...Object.fromEntries(
        Object.entries(index).map(([name, value]) => [
          name,
          value instanceof Map ? [...value].sort(([a], [b]) => (a < b ? -1 : 1)) : value,
        ]),
      ),
      typeOf: [...typeOf].map((type) => types[type]),
    })
    expect(comparable(updated)).toEqual(comparable(await loadMemoryIndex(runner)))
    expect(updated.numberOf.has(`projects:${added.id}`)).toBe(true)
    expect(updated.numberOf.has(`projects:${toUnpublish.id}`)).toBe(false)
    expect(updated.docs[updated.numberOf.get(`projects:${toRename.id}`)!]?.title).toBe(
      'Zzz zuletzt',
    )
    // The documents kept are the same objects, not read again.
    const unchanged = `projects:${withDraft.id}`
    expect(updated.docs[updated.numberOf.get(unchanged)!]).toBe(
      previous.docs[previous.numberOf.get(unchanged)!],
    )
  })

  it('should answer from memory when it is built, and never from an index older than a change', async () => {
    const untilFromMemory = () =>
      expect
        .poll(async () => (await search('Quartier')).headers.get('x-search'), {
          interval: 100,
          timeout: 15_000,
        })
        .toBe('memory')
    await untilFromMemory()
    const word = uniqueWord('frisch')
    const doc = await createProject({ teaser: word })
    // The index in memory predates the change: the search waits while it is brought up to
    // date (the row written since is read), and answers from it.
    const right = await search(word)
    expect(right.headers.get('x-search')).toBe('memory')
    expect(right.body.docs?.map((hit) => hit.id)).toEqual([doc.id])
    const fromMemory = await search(word)
    expect(fromMemory.headers.get('x-search')).toBe('memory')
    expect(fromMemory.body.docs?.map((hit) => hit.id)).toEqual([doc.id])

    await payload.update({ collection: 'projects', data: { _status: 'draft' }, id: doc.id })
    expect((await search(word)).body.totalDocs).toBe(0)
    await untilFromMemory()
    expect((await search(word)).body.totalDocs).toBe(0)
    // Editors still search the database (drafts included).
    const editor = await search(word, { token: editorToken })
    expect(editor.headers.get('x-search')).toBe('database')
    expect(editor.body.docs?.[0]?.status).toBe('draft')
  })
})

describe('visitors’ answers without Payload’s request (src/server/visitorReads.ts)', () => {
  beforeAll(async () => {
    // Both ways answer from the index in memory once it is loaded (the first search loads it).
    const deadline = Date.now() + 30_000
    while ((await search('Quartier')).headers.get('x-search') !== 'memory') {
      if (Date.now() > deadline) {
        throw new Error('The search index was not loaded within 30 s.')
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  })

  /** Every answer header but the date, as name → value. */
  const headersOf = (response: Response) =>
    Object.fromEntries([...response.headers].filter(([name]) => name !== 'date'))

  /** Counts the calls of an endpoint's handler (Payload's way) while `run` runs. */
  const countingHandlerCalls = async (
    endpoints: { handler: (...args: never[]) => unknown; path: string }[],
    path: string,
    run: (calls: () => number) => Promise<void>,
  ) => {
    const endpoint = endpoints.find((candidate) => candidate.path === path)!
    const handler = endpoint.handler
    let calls = 0
    endpoint.handler = (...args: never[]) => {
      calls++
      return handler(...args)
    }
    try {
      await run(() => calls)
    } finally {
      endpoint.handler = handler
    }
  }

  it.each([
    ['/api/search?q=Senioren%20Arnsberg'],
    ['/api/search?q=Zukunftswerkstat&page=1&limit=3'],
    ['/api/search?q=Quartier&type=events,programmes&page=2&limit=4'],
    ['/api/search?q='],
    ['/api/search?q=Quartier&type=blog'],
    ['/api/search?q=Quartier&sort=title'],
    ['/api/modules/catalogue'],
    ['/api/modules/catalogue?phase=planning&q=Zukunftswerkstatt&limit=2'],
    ['/api/modules/catalogue?participation[min]=2&fieldOfAction=1,2'],
    ['/api/modules/catalogue?phase=Planung&limit=500'],
  ])('should answer %s to visitors as Payload’s route does, without Payload', async (address) => {
    const origin = new URL(server.url).origin
    const endpoints = address.startsWith('/api/search')
      ? payload.config.endpoints
      : payload.collections.modules.config.endpoints || []
    const path = address.startsWith('/api/search') ? '/search' : '/catalogue'
    await countingHandlerCalls(endpoints, path, async (calls) => {
      for (const language of ['de-DE', 'en']) {
        const headers = { 'Accept-Language': language, Origin: origin }
        const before = calls()
        const visitor = await fetch(`${server.url}${address}`, { headers })
        expect(calls(), 'the visitor’s request went to Payload').toBe(before)
        // A cookie that signs nobody in: Payload's route answers, for a visitor.
        const throughPayload = await fetch(`${server.url}${address}`, {
          headers: { ...headers, Cookie: 'payload-token=nobody' },
        })
        expect(calls()).toBe(before + 1)
        expect(visitor.status).toBe(throughPayload.status)
        expect(headersOf(visitor)).toEqual(headersOf(throughPayload))
        expect(await visitor.text()).toBe(await throughPayload.text())
        expect(visitor.headers.get('access-control-allow-origin')).toBe(origin)
        expect(visitor.headers.get('content-type')).toBe('application/json')
      }
    })
  })

  it('should answer HEAD as GET without a body, as Payload’s route does', async () => {
    const address = `${server.url}/api/search?q=Quartier`
    const visitor = await fetch(address, { method: 'HEAD' })
    const throughPayload = await fetch(address, {
      headers: { Cookie: 'payload-token=nobody' },
      method: 'HEAD',
    })
    expect(visitor.status).toBe(200)
    expect(headersOf(visitor)).toEqual(headersOf(throughPayload))
    expect(await visitor.text()).toBe('')
  })
})
