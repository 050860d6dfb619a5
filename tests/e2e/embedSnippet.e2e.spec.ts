/**
 * The "Einbinden" box in the document sidebar (src/components/EmbedSnippet): the snippet a
 * member city's website pastes, for modules, events, event series and municipalities; copying
 * it; the hints for unsaved, unpublished and renamed documents; what a municipality editor sees.
 * Real server (production build), real PostgreSQL, Chromium.
 */
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { RunningServer } from '../../src/server/startServer'

import {
  axeViolationsIn,
  createAccounts,
  launchChromium,
  screenshotPath,
  signIn as signInWith,
} from '../helpers/browser'
import { createEvent, createModule, createMunicipality, inDays } from '../helpers/fixtures'
import { startTestServer } from '../helpers/server'

// Every test signs in afresh, more often than the auth routes allow one client by default.
vi.hoisted(() => {
  process.env.AUTH_RATE_LIMIT_MAX = '1000'
})

const EDITOR = { email: 'redaktion-einbinden@quartiersnetz.test', password: 'Einbinden-Test-2026' }
const CITY_EDITOR = {
  email: 'kommune-einbinden@quartiersnetz.test',
  password: 'Kommune-Einbinden-2026',
}
const ACCESS_LINK = 'https://konferenz.example.test/geheimer-raum-4711'

let browser: Browser
let server: RunningServer
let municipalityId: number
let counter = 0

beforeAll(async () => {
  server = await startTestServer()
  const municipality = await createMunicipality(server.payload, {
    name: 'Musterstadt (Einbinden)',
    slug: 'musterstadt-einbinden',
  })
  municipalityId = municipality.id
  await createAccounts(server.payload, {
    accounts: [
      { ...EDITOR, name: 'Emil Redaktion' },
      {
        ...CITY_EDITOR,
        municipality: municipality.id,
        name: 'Karl Kommune',
        role: 'municipality-editor',
      },
    ],
    adminEmail: 'admin-einbinden@quartiersnetz.test',
  })
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const signIn = (account = EDITOR, contextOptions: BrowserContextOptions = {}) =>
  signInWith(browser, { account, baseUrl: server.url, contextOptions, open: null })

const script = () =>
  `<script type="module" src="${server.url}/widgets/v1/quartiersnetz.js"></script>`

/** A module with a slug and title of its own. */
const createNumberedModule = async (status: 'draft' | 'published') => {
  const number = ++counter
  return createModule(server.payload, {
    _status: status,
    slug: `stadtteilkonferenz-einbinden-${number}`,
    title: `Stadtteilkonferenz (Einbinden ${number})`,
  })
}

/** A hybrid event ten days ahead with registration open, a slug and title of its own. */
const createNumberedEvent = async (overrides: Record<string, unknown> = {}) => {
  const number = ++counter
  return createEvent(server.payload, {
    accessLink: ACCESS_LINK,
    capacity: 20,
    end: inDays(10, 2),
    format: 'hybrid',
    kind: 'webinar',
    registrationOpen: true,
    slug: `quartiersforum-einbinden-${number}`,
    start: inDays(10),
    title: `Quartiersforum (Einbinden ${number})`,
    ...overrides,
  })
}

/** The box in the sidebar, once the document's form has loaded. */
const openBox = async (page: Page, path: string): Promise<Locator> => {
  await page.goto(`${server.url}/admin/collections/${path}`)
  const box = page.locator('.document-fields__sidebar .embed-snippet')
  await box.waitFor()
  return box
}

const codeOf = (box: Locator, key: string) =>
  box.locator(`[data-snippet="${key}"] pre code`).innerText()

const notesOf = (box: Locator) => box.locator('.embed-snippet__note').allInnerTexts()

describe('the "Einbinden" box', () => {
  it('should show a published module’s snippet with its parts as alternatives, accessibly', async () => {
    const { id, slug } = await createNumberedModule('published')
    const { context, page } = await signIn()

    const box = await openBox(page, `modules/${id}`)
    await box.getByRole('heading', { name: 'Einbinden' }).waitFor()
    expect(await box.locator('.embed-snippet__intro').innerText()).toBe(
      'Für Websites der Mitgliedskommunen: diesen Code in die Seite einfügen.',
    )
    expect(await codeOf(box, 'module')).toBe(`${script()}\n<qn-module slug="${slug}"></qn-module>`)
    expect(await codeOf(box, 'rating')).toBe(
      `${script()}\n<qn-rating module="${slug}"></qn-rating>`,
    )
    expect(await codeOf(box, 'comments')).toBe(
      `${script()}\n<qn-comments target="modules/${slug}"></qn-comments>`,
    )
    expect(await notesOf(box)).toEqual([])
    // Labelled groups, a labelled code block, no link out of the admin.
    expect(await box.getByRole('group', { name: 'Modul' }).count()).toBe(1)
    expect(await box.locator('pre[tabindex="0"][aria-labelledby]').count()).toBe(3)
    expect(await box.locator('a').count()).toBe(0)

    await box.scrollIntoViewIfNeeded()
    await page.screenshot({ path: screenshotPath('embed-snippet-light.png') })
    expect(await axeViolationsIn(page, ['.embed-snippet'])).toEqual([])
    await context.close()
  })

  it('should copy the snippet to the clipboard and announce it politely', async () => {
    const { id, slug } = await createNumberedModule('published')
    const { context, page } = await signIn()
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url })

    const box = await openBox(page, `modules/${id}`)
    const status = box.getByRole('status')
    expect(await status.getAttribute('aria-live')).toBe('polite')
    expect(await status.innerText()).toBe('')

    await box.getByRole('button', { name: 'Kopieren: Modul' }).click()
    await expect.poll(() => status.innerText()).toBe('In die Zwischenablage kopiert.')
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${script()}\n<qn-module slug="${slug}"></qn-module>`,
    )

    // With the keyboard alone: the code blocks and the buttons are in the tab order.
    await page.evaluate(() => navigator.clipboard.writeText(''))
    await box.locator('[data-snippet="comments"] pre').focus()
    await page.keyboard.press('Shift+Tab')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Kopieren: Nur die Kommentare',
    )
    await page.keyboard.press('Enter')
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe(`${script()}\n<qn-comments target="modules/${slug}"></qn-comments>`)
    await context.close()
  })

  it('should select the code for Ctrl+C when the clipboard refuses', async () => {
    const { id, slug } = await createNumberedModule('published')
    const { context, page } = await signIn()
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: () => Promise.reject(new Error('refused')) },
      })
      document.execCommand = () => false
    })

    const box = await openBox(page, `modules/${id}`)
    await box.getByRole('button', { name: 'Kopieren: Nur die Bewertung' }).click()
    await expect
      .poll(() => box.getByRole('status').innerText())
      .toBe('Der Code ist markiert: mit Strg+C (Mac: ⌘+C) kopieren.')
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(
      `${script()}\n<qn-rating module="${slug}"></qn-rating>`,
    )
    await context.close()
  })

  it('should follow the slug as it is typed and say that visitors see it after publishing', async () => {
    const { id, slug } = await createNumberedModule('published')
    const { context, page } = await signIn()

    const box = await openBox(page, `modules/${id}`)
    await page.fill('input[name="slug"]', 'Quartiers Konferenz "neu"')
    // Shown as it will be saved (slugified), never with the quote unescaped.
    await expect
      .poll(() => codeOf(box, 'module'))
      .toBe(`${script()}\n<qn-module slug="quartiers-konferenz-neu"></qn-module>`)
    expect(await notesOf(box)).toEqual([
      `Der geänderte Kurzname gilt für Besucher erst nach dem Veröffentlichen; bis dahin: „${slug}“.`,
    ])
    await context.close()
  })

  it('should say on a new module that the snippet comes after the first save', async () => {
    const { context, page } = await signIn()

    const box = await openBox(page, 'modules/create')
    await page.fill('input[name="title"]', 'Neues Modul (Einbinden)')
    await page.fill('input[name="slug"]', 'neues-modul-einbinden')
    expect(await notesOf(box)).toEqual(['Nach dem ersten Speichern verfügbar.'])
    expect(await box.locator('pre').count()).toBe(0)
    expect(await box.getByRole('button').count()).toBe(0)
    await context.close()
  })

  it('should say on a module never published that visitors see it only after publishing', async () => {
    const { id, slug } = await createNumberedModule('draft')
    const { context, page } = await signIn()

    const box = await openBox(page, `modules/${id}`)
    expect(await notesOf(box)).toEqual(['Erst nach dem Veröffentlichen für Besucher sichtbar.'])
    expect(await codeOf(box, 'module')).toBe(`${script()}\n<qn-module slug="${slug}"></qn-module>`)
    await box.screenshot({ path: screenshotPath('embed-snippet-draft.png') })
    expect(await axeViolationsIn(page, ['.embed-snippet'])).toEqual([])
    await context.close()
  })

  it('should offer the registration form of an event with registration open, and its calendar', async () => {
    const { id, slug } = await createNumberedEvent()
    const { context, page } = await signIn()

    const box = await openBox(page, `events/${id}`)
    expect(await codeOf(box, 'registration')).toBe(
      `${script()}\n<qn-registration event="${slug}"></qn-registration>`,
    )
    expect(await codeOf(box, 'feed')).toBe(`${server.url}/api/events/feed.ics`)
    expect(await notesOf(box)).toEqual([])
    await box.screenshot({ path: screenshotPath('embed-snippet-event.png') })
    await context.close()
  })

  it('should say that registration is not open on an event without online registration', async () => {
    const { id } = await createNumberedEvent({ registrationOpen: false })
    const { context, page } = await signIn()

    const box = await openBox(page, `events/${id}`)
    await expect
      .poll(() => notesOf(box))
      .toEqual([
        'Die Online-Anmeldung ist nicht geöffnet; ein Anmeldeformular lässt sich einbinden, sobald sie geöffnet ist.',
      ])
    expect(await box.locator('[data-snippet="registration"]').count()).toBe(0)
    expect(await box.locator('[data-snippet="feed"]').count()).toBe(1)
    expect(await box.innerText()).not.toContain('qn-registration')
    await box.screenshot({ path: screenshotPath('embed-snippet-event-closed.png') })
    await context.close()
  })

  it('should show an event series’ dates widget and feed', async () => {
    const series = await server.payload.create({
      collection: 'event-series',
      data: {
        _status: 'published',
        kind: 'network-meeting',
        slug: 'netzwerktreffen-einbinden',
        title: 'Netzwerktreffen (Einbinden)',
      } as never,
      overrideAccess: true,
    })
    const { context, page } = await signIn()

    const box = await openBox(page, `event-series/${series.id}`)
    expect(await codeOf(box, 'events')).toBe(
      `${script()}\n<qn-events series="netzwerktreffen-einbinden"></qn-events>`,
    )
    expect(await codeOf(box, 'feed')).toBe(
      `${server.url}/api/event-series/netzwerktreffen-einbinden/feed.ics`,
    )
    await context.close()
  })

  it('should speak English in an English admin', async () => {
    const { id } = await createNumberedModule('published')
    const { context, page } = await signIn(EDITOR, {
      extraHTTPHeaders: { 'Accept-Language': 'en' },
      locale: 'en-GB',
    })

    const box = await openBox(page, `modules/${id}`)
    await box.getByRole('heading', { name: 'Embed' }).waitFor()
    expect(await box.locator('.embed-snippet__intro').innerText()).toBe(
      'For the member municipalities’ websites: paste this code into the page.',
    )
    expect(await box.getByRole('button', { name: 'Copy: Module' }).count()).toBe(1)
    await context.close()
  })

  it('should follow the dark admin theme and pass axe there', async () => {
    // A draft, so that the hint's colours are checked too.
    const { id } = await createNumberedModule('draft')
    const { context, page } = await signIn(EDITOR, { colorScheme: 'dark' })

    const box = await openBox(page, `modules/${id}`)
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('dark')
    await box.scrollIntoViewIfNeeded()
    await page.screenshot({ path: screenshotPath('embed-snippet-dark.png') })
    expect(await axeViolationsIn(page, ['.embed-snippet'])).toEqual([])
    await context.close()
  })

  it('should show a municipality editor only public slugs and addresses', async () => {
    const { id, slug } = await createNumberedEvent()
    const { context, page } = await signIn(CITY_EDITOR)

    const eventBox = await openBox(page, `events/${id}`)
    expect(await codeOf(eventBox, 'registration')).toBe(
      `${script()}\n<qn-registration event="${slug}"></qn-registration>`,
    )
    const eventCodes = await eventBox.locator('pre code').allInnerTexts()
    expect(eventCodes).toEqual([
      `${script()}\n<qn-registration event="${slug}"></qn-registration>`,
      `${server.url}/api/events/feed.ics`,
    ])
    // Not the online access link (hidden from municipality editors by field access), nor an id.
    const eventText = await eventBox.innerText()
    expect(eventText).not.toContain(ACCESS_LINK)
    expect(eventText).not.toContain('geheimer-raum')
    expect(eventText).not.toMatch(new RegExp(`/${id}\\b`))

    const municipalityBox = await openBox(page, `municipalities/${municipalityId}`)
    expect(await municipalityBox.locator('pre code').allInnerTexts()).toEqual([
      `${script()}\n<qn-events municipality="musterstadt-einbinden"></qn-events>`,
      `${server.url}/api/municipalities/musterstadt-einbinden/events.ics`,
    ])
    await context.close()
  })
})
