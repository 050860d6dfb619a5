/**
 * The admin's view "Suche" (src/admin/search/) in Chromium: from the navigation, one field
 * across every searchable collection; the office finds drafts, marked as such, and each result
 * opens its edit view; types and pages are links the address keeps; a municipality editor finds
 * what is published. Real server (production build), real PostgreSQL, Chromium, axe-core.
 */
import type { Browser, Page } from 'playwright-core'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningServer } from '../../src/server/startServer'

import {
  axeViolationsIn,
  createAccounts,
  launchChromium,
  screenshotPath,
  signIn as signInWith,
} from '../helpers/browser'
import {
  createEvent,
  createModule,
  createMunicipality,
  createProject,
  richText,
} from '../helpers/fixtures'
import { startTestServer } from '../helpers/server'

const COORDINATOR = { email: 'koordination-suche@quartiersnetz.test', password: 'Suche-Test-2026' }
const CITY_EDITOR = { email: 'kommune-suche@quartiersnetz.test', password: 'Kommune-Suche-2026' }

let browser: Browser
let server: RunningServer
const ids = { draft: 0, event: 0, module: 0, published: 0 }

beforeAll(async () => {
  server = await startTestServer()
  const city = await createMunicipality(server.payload, { name: 'Wiesental' })
  await createAccounts(server.payload, {
    accounts: [
      { ...COORDINATOR, name: 'Carla Koordination' },
      { ...CITY_EDITOR, municipality: city.id, name: 'Kim Kommune', role: 'municipality-editor' },
    ],
    adminEmail: 'admin-suche@quartiersnetz.test',
  })
  ids.published = (
    await createProject(server.payload, {
      municipality: city.id,
      teaser: 'Eine Wildblumenwiese am Spielplatz, gepflegt von der Nachbarschaft.',
      title: 'Quartiersgarten Wiesental',
    })
  ).id
  // Published, then changed in a draft not yet published.
  await server.payload.update({
    collection: 'projects',
    data: { teaser: 'Eine Wildblumenwiese am Spielplatz, bald mit Bänken.' },
    draft: true,
    id: ids.published,
    overrideAccess: true,
  })
  ids.draft = (
    await createProject(server.payload, {
      _status: 'draft',
      municipality: city.id,
      teaser: 'Noch nicht veröffentlicht: Wildblumenwiesen <entlang> der Bahn & am Ufer.',
      title: 'Blühstreifen am Bahndamm',
    })
  ).id
  ids.module = (
    await createModule(server.payload, {
      objective: richText('Gemeinsam eine Wildblumenwiese anlegen und Patenschaften vergeben.'),
      title: 'Pflanzaktion',
    })
  ).id
  ids.event = (await createEvent(server.payload, { title: 'Wildblumenwiese: Sensenkurs' })).id
  // Two pages of results (20 a page).
  for (let index = 1; index <= 21; index += 1) {
    await createModule(server.payload, { title: `Streuobstwiese ${index}` })
  }
  browser = await launchChromium()
  await fetch(`${server.url}/admin/login`)
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const signIn = (account: { email: string; password: string }) =>
  signInWith(browser, { account, baseUrl: server.url, open: null })

const hitsOf = async (page: Page) =>
  (await page.locator('.qn-search__hit').allInnerTexts()).map((text) =>
    text.replace(/\s+/g, ' ').trim(),
  )

const statusOf = (page: Page) => page.locator('.qn-search__status').innerText()

describe('the view "Suche" of the coordination office', () => {
  it('should find drafts too, mark them, and open a result for editing', async () => {
    const { context, page } = await signIn(COORDINATOR)
    try {
      // From the overview's field to the view.
      await page.goto(`${server.url}/admin`)
      await page.getByLabel('Alle Inhalte durchsuchen').fill('Wildblumenwiesen')
      await page.getByLabel('Alle Inhalte durchsuchen').press('Enter')
      await page.waitForURL((url) => url.pathname === '/admin/suche')
      await page.getByRole('heading', { level: 1, name: 'Suche' }).waitFor()
      expect(await page.locator('.qn-search__intro').innerText()).toContain('auch Entwürfe')
      expect(await page.getByLabel('Suchbegriff').inputValue()).toBe('Wildblumenwiesen')

      // An inflected form finds every form; the draft is among the hits, marked as one.
      await expect.poll(() => statusOf(page)).toBe('4 Treffer für „Wildblumenwiesen“')
      expect(new URL(page.url()).searchParams.get('q')).toBe('Wildblumenwiesen')
      const hits = await hitsOf(page)
      expect(hits).toHaveLength(4)
      const draft = hits.find((hit) => hit.startsWith('Blühstreifen am Bahndamm'))
      expect(draft).toContain('Projekt')
      expect(draft).toContain('Entwurf')
      // The document's own text stays text; the query's words are marked.
      expect(draft).toContain('Wildblumenwiesen <entlang> der Bahn & am Ufer')
      expect(
        await page
          .locator('.qn-search__hit', { hasText: 'Blühstreifen' })
          .locator('mark')
          .allInnerTexts(),
      ).toEqual(['Wildblumenwiesen'])
      // A draft never published, and a published project with a newer draft, as Payload's lists say.
      expect(
        (await page.locator('.qn-search__state').allInnerTexts()).map((text) => text.trim()).sort(),
      ).toEqual(['Entwurf', 'Geändert'])
      expect(hits.find((hit) => hit.startsWith('Quartiersgarten Wiesental'))).toContain(
        'Geändert veröffentlicht, mit einem neueren Entwurf',
      )
      expect(hits.find((hit) => hit.startsWith('Quartiersgarten Wiesental'))).toContain(
        'bald mit Bänken',
      )
      expect(await axeViolationsIn(page, ['.qn-search'])).toEqual([])
      await page.screenshot({ fullPage: true, path: screenshotPath('admin-search.png') })

      // Types as links with their counts; the address keeps the choice.
      const types = page.getByRole('navigation', { name: 'Art der Treffer' })
      expect((await types.getByRole('link').allInnerTexts()).map((text) => text.trim())).toEqual([
        'Alle (4)',
        'Beteiligungsmodule (1)',
        'Projekte (2)',
        'Veranstaltungen (1)',
      ])
      await types.getByRole('link', { name: 'Projekte (2)' }).click()
      await page.waitForURL((url) => url.searchParams.get('type') === 'projects')
      await expect.poll(async () => (await hitsOf(page)).length).toBe(2)
      expect(
        await types.getByRole('link', { name: 'Projekte (2)' }).getAttribute('aria-current'),
      ).toBe('page')

      // A result opens its edit view.
      await page.getByRole('link', { name: 'Blühstreifen am Bahndamm' }).click()
      await page.waitForURL((url) => url.pathname === `/admin/collections/projects/${ids.draft}`)
      await expect
        .poll(() => page.locator('#field-title').inputValue())
        .toBe('Blühstreifen am Bahndamm')
      // Back to the results, as they were.
      await page.goBack()
      await expect.poll(async () => (await hitsOf(page)).length).toBe(2)
    } finally {
      await context.close()
    }
  })

  it('should open from the navigation, page through many results, and say what it can’t search', async () => {
    const { context, page } = await signIn(COORDINATOR)
    try {
      // The navigation (closed at this width) leads to the view, above the collections' groups.
      await page.goto(`${server.url}/admin/collections/projects`)
      await page.locator('.template-default--nav-hydrated').waitFor()
      if (!(await page.locator('.template-default--nav-open').count())) {
        await page.locator('button.template-default__nav-toggler').click()
        await page.locator('.template-default--nav-open').waitFor()
      }
      await page.locator('#nav-search').click()
      await page.waitForURL((url) => url.pathname === '/admin/suche')
      expect(await page.locator('#nav-search').getAttribute('aria-current')).toBe('page')
      await page.getByLabel('Suchbegriff').fill('Streuobstwiese')
      await page.getByRole('button', { name: 'Suchen' }).click()
      await expect.poll(() => statusOf(page)).toBe('21 Treffer für „Streuobstwiese“')
      expect(await hitsOf(page)).toHaveLength(20)
      const pages = page.getByRole('navigation', { name: 'Seiten' })
      expect(await pages.innerText()).toContain('Seite 1 von 2')
      await pages.getByRole('link', { name: 'Nächste Seite' }).click()
      await page.waitForURL((url) => url.searchParams.get('page') === '2')
      await expect.poll(async () => (await hitsOf(page)).length).toBe(1)
      expect(await pages.innerText()).toContain('Seite 2 von 2')
      expect(await page.locator('.qn-search__hits').getAttribute('start')).toBe('21')
      await pages.getByRole('link', { name: 'Vorige Seite' }).click()
      await expect.poll(async () => (await hitsOf(page)).length).toBe(20)

      // Nothing found, and a query the search refuses: said in words, no results.
      await page.goto(`${server.url}/admin/suche?q=Gibtsnichtwort`)
      await expect.poll(() => statusOf(page)).toContain('Keine Treffer für „Gibtsnichtwort“')
      await page.goto(`${server.url}/admin/suche?q=${'x'.repeat(201)}`)
      await expect.poll(() => statusOf(page)).toContain('Die Suche ist so nicht möglich.')
      expect(await hitsOf(page)).toEqual([])
    } finally {
      await context.close()
    }
  })
})

describe('the view "Suche" of a municipality editor', () => {
  it('should find what is published, and say where their drafts are', async () => {
    const { context, page } = await signIn(CITY_EDITOR)
    try {
      await page.goto(`${server.url}/admin/suche?q=Wildblumenwiese`)
      await expect.poll(() => statusOf(page)).toBe('3 Treffer für „Wildblumenwiese“')
      expect(await page.locator('.qn-search__intro').innerText()).toContain(
        'Entwürfe Ihrer Kommune finden Sie in den Listen',
      )
      const hits = (await hitsOf(page)).join('\n')
      expect(hits).toContain('Quartiersgarten Wiesental')
      // Published versions only, without states.
      expect(hits).not.toContain('Blühstreifen')
      expect(hits).not.toContain('bald mit Bänken')
      expect(hits).not.toMatch(/Entwurf|Geändert/)
    } finally {
      await context.close()
    }
  })
})
