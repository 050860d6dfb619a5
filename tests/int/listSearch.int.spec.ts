/**
 * Searching a list (the admin's "Suchen nach Titel …", its relationship pickers, a `like`
 * filter over the API) finds German words whichever way umlauts and ß are spelt, and an
 * umlaut at a word's start in either case (src/hooks/foldUmlautsInLike.ts). Real server, real
 * PostgreSQL (the embedded one runs with the C locale: its ILIKE folds only ASCII letters).
 */
import type { RunningServer } from '../../src/server/startServer'

import { mergeListSearchAndWhere } from 'payload/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { germanSpellings } from '../../src/hooks/foldUmlautsInLike'
import { requestJson } from '../helpers/http'
import { startTestServer } from '../helpers/server'

let server: RunningServer

const TITLES = [
  'Bürgerbeteiligung im Quellenviertel',
  'Übergangsmanagement Schule–Beruf',
  'Spielstraße an der Schlossstraße',
  'Nachbarschaftscafé Ueckerstraße',
  'Quartiersrat Arnsberg',
  'Projektübersicht 2026',
]

beforeAll(async () => {
  server = await startTestServer()
  for (const title of TITLES) {
    await server.payload.create({
      collection: 'projects',
      data: { _status: 'published', title },
      overrideAccess: true,
    })
  }
})

afterAll(async () => {
  await server?.stop()
})

type List = { docs?: { title: string }[]; errors?: unknown; totalDocs?: number }

/** The titles a visitor's `like` filter on the title finds. */
const found = async (search: string) => {
  const { body, status } = await requestJson<List>(
    `${server.url}/api/projects?limit=50&where[title][like]=${encodeURIComponent(search)}`,
  )
  expect(status, search).toBe(200)
  return body.docs!.map((doc) => doc.title).sort()
}

describe('list search with German spellings', () => {
  it('should spell a word every way that means the same, and leave other words alone', () => {
    expect(germanSpellings('Buergerbeteiligung')).toEqual([
      'Buergerbeteiligung',
      'Bürgerbeteiligung',
    ])
    expect(germanSpellings('übergang')).toEqual(['uebergang', 'übergang', 'Übergang'])
    expect(germanSpellings('Straße').sort()).toEqual(['Strasse', 'Straße'])
    expect(germanSpellings('Arnsberg')).toEqual(['Arnsberg'])
    // Many alternatives: as typed, all written out, all as umlauts.
    expect(germanSpellings('Grünflächenmaßnahmenübersichtsstraßenübergänge')).toHaveLength(3)
  })

  it('should find umlauts and ß written out, and the other way round', async () => {
    expect(await found('Buergerbeteiligung')).toEqual(['Bürgerbeteiligung im Quellenviertel'])
    expect(await found('strasse')).toEqual([
      'Nachbarschaftscafé Ueckerstraße',
      'Spielstraße an der Schlossstraße',
    ])
    expect(await found('Schloßstrasse')).toEqual(['Spielstraße an der Schlossstraße'])
    expect(await found('Ückerstraße')).toEqual(['Nachbarschaftscafé Ueckerstraße'])
  })

  it('should find an umlaut in any case, every word still required', async () => {
    expect(await found('übergangsmanagement')).toEqual(['Übergangsmanagement Schule–Beruf'])
    expect(await found('uebergang schule')).toEqual(['Übergangsmanagement Schule–Beruf'])
    expect(await found('übergang arnsberg')).toEqual([])
    expect(await found('Quartiersrat')).toEqual(['Quartiersrat Arnsberg'])
    expect(await found('Übersicht')).toEqual(['Projektübersicht 2026'])
  })

  it('should fold the admin list search and counts, beside the other filters', async () => {
    const config = server.payload.collections.projects.config
    const where = mergeListSearchAndWhere({
      collectionConfig: config,
      search: 'buergerbeteiligung',
      where: { title: { not_equals: 'Quartiersrat Arnsberg' } },
    })
    const { docs } = await server.payload.find({ collection: 'projects', where })
    expect(docs.map((doc) => doc.title)).toEqual(['Bürgerbeteiligung im Quellenviertel'])
    const { totalDocs } = await server.payload.count({
      collection: 'projects',
      where: { title: { like: 'strasse', not_equals: 'Spielstraße an der Schlossstraße' } },
    })
    expect(totalDocs).toBe(1)
  })
})
