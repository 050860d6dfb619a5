/**
 * The admin as a whole: German, our name and mark instead of Payload's, no outbound calls, it
 * opens and saves under the server's other local name (127.0.0.1, not SERVER_URL), and every
 * address outside /admin and /api answers with a German 404 page. Real server (production
 * build), real PostgreSQL, Chromium.
 */
import type { Browser, Page } from 'playwright-core'

import type { RunningServer } from '../../src/server/startServer'

import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { CHROMIUM_PATH, launchChromium, screenshotPath } from '../helpers/browser'
import { startTestServer } from '../helpers/server'
import { createUser } from '../helpers/users'

const EMAIL = 'redaktion@quartiersnetz.test'
const PASSWORD = 'Browser-Test-2026'

let browser: Browser
let server: RunningServer

beforeAll(async () => {
  server = await startTestServer()
  await createUser(server.payload, {
    email: EMAIL,
    name: 'Rita Redaktion',
    password: PASSWORD,
    role: 'admin',
  })
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** The same server under its other local name (the tests' SERVER_URL says localhost). */
const otherName = () => server.url.replace('//localhost:', '//127.0.0.1:')

const signIn = async (page: Page, baseUrl: string) => {
  await page.goto(`${baseUrl}/admin`)
  await page.waitForURL(/\/admin\/login/)
  await page.fill('input[name="email"]', EMAIL)
  await page.fill('input[name="password"]', PASSWORD)
  await page.click('button[type="submit"]')
  await page.waitForURL((url) => url.pathname === '/admin' || url.pathname === '/admin/')
}

describe('admin in the browser', () => {
  it('should log in at /admin and show the German dashboard', async () => {
    const context = await browser.newContext({ locale: 'de-DE' })
    const page = await context.newPage()
    const outbound: string[] = []
    page.on('request', (request) => {
      if (
        !request.url().startsWith(server.url) &&
        !request.url().startsWith('data:') &&
        !request.url().startsWith('blob:')
      ) {
        outbound.push(request.url())
      }
    })

    await signIn(page, server.url)
    const html = page.locator('html')
    expect(await html.getAttribute('lang')).toBe('de')
    // Our tiles above, Payload's list of collections with our groups and German labels below.
    await page.getByRole('heading', { level: 1, name: 'Übersicht' }).waitFor()
    await page.getByRole('heading', { name: 'Verwaltung' }).waitFor()
    const text = await page.locator('body').innerText()
    expect(text).toContain('Benutzer')
    expect(text).toContain('Medien')
    expect(text).not.toContain('Collections')
    // No call leaves the machine (no Gravatar, no telemetry).
    expect(outbound).toEqual([])
    await context.close()
  })

  it('should tell screen readers how to move rows, and where a row is, in the admin’s language', async () => {
    // dnd-kit's English instructions and announcements of row ids (src/admin/dndKitCore.tsx).
    for (const [locale, instructions, pickedUp, cancelled] of [
      [
        'de-DE',
        /^Zum Verschieben die Leertaste drücken/,
        /^(Aufgenommen\. Position 1|Position 2) von 2\.$/,
        /^Verschieben abgebrochen\. Position 1 von 2\.$/,
      ],
      [
        'en-GB',
        /^To move, press the space bar/,
        /^(Picked up\. Position 1|Position 2) of 2\.$/,
        /^Moving cancelled\. Position 1 of 2\.$/,
      ],
    ] as const) {
      const context = await browser.newContext({ locale })
      const page = await context.newPage()
      await signIn(page, server.url)
      await page.goto(`${server.url}/admin/collections/projects/create`)
      const add = page
        .locator('#field-awards')
        .getByRole('button', { name: /Auszeichnung hinzufügen|Add Award/ })
      await add.click()
      await add.click()
      const handle = page.locator('#field-awards [aria-roledescription="sortable"]').first()
      await handle.waitFor()
      const describedBy = (await handle.getAttribute('aria-describedby'))!
      expect(
        await page.evaluate((id) => document.getElementById(id)?.textContent, describedBy),
      ).toMatch(instructions)
      // What the live regions say now (one per list of rows; only the moved one speaks). Right
      // after the pick-up, dnd-kit may already find the row over its neighbour's place.
      const spoken = async () =>
        (await page.locator('[id^="DndLiveRegion"]').allTextContents()).filter(Boolean).join('|')
      await handle.focus()
      await page.keyboard.press('Space')
      await expect.poll(spoken).toMatch(pickedUp)
      await page.keyboard.press('Escape')
      await expect.poll(spoken).toMatch(cancelled)
      expect(await spoken()).not.toMatch(/draggable|droppable/i)
      await context.close()
    }
  })

  it('should show the Quartiersnetz name and mark instead of Payload’s', async () => {
    const context = await browser.newContext({
      locale: 'de-DE',
      viewport: { height: 900, width: 1280 },
    })
    const page = await context.newPage()
    await page.goto(`${server.url}/admin/login`)
    const logo = page.locator('.qn-logo')
    await logo.waitFor()
    expect(await logo.innerText()).toBe('Quartiersnetz')
    expect(await page.title()).toMatch(/– Quartiersnetz$/)
    const icon = await page.locator('link[rel="icon"]').first().getAttribute('href')
    expect(icon).toMatch(/^data:image\/svg\+xml,/)
    expect(await page.locator('body').innerText()).not.toMatch(/payload/i)
    await page.screenshot({ path: screenshotPath('shell-login.png') })

    await page.fill('input[name="email"]', EMAIL)
    await page.fill('input[name="password"]', PASSWORD)
    await page.click('button[type="submit"]')
    await page.waitForURL((url) => url.pathname === '/admin')
    await page.goto(`${server.url}/admin/account`)
    await page.getByText('Quartiersnetz-Einstellungen').waitFor()
    expect(await page.locator('body').innerText()).not.toMatch(/payload/i)
    await page.screenshot({ fullPage: true, path: screenshotPath('shell-account.png') })
    await context.close()
  })

  it('should open and save at 127.0.0.1 although SERVER_URL says localhost', async () => {
    expect(process.env.SERVER_URL).toContain('//localhost:')
    const context = await browser.newContext({
      locale: 'de-DE',
      viewport: { height: 900, width: 1280 },
    })
    const page = await context.newPage()
    const forbidden: string[] = []
    page.on('response', (response) => {
      if (response.status() === 403) {
        forbidden.push(response.url())
      }
    })
    await signIn(page, otherName())
    await page.goto(`${otherName()}/admin/collections/target-groups/create`)
    await page.fill('input[name="title"]', 'Familien (gespeichert unter 127.0.0.1)')
    await page
      .getByRole('button', { name: /veröffentlichen$/i })
      .first()
      .click()
    await page.waitForURL(/\/admin\/collections\/target-groups\/\d+$/)
    const { docs } = await server.payload.find({
      collection: 'target-groups',
      where: { title: { equals: 'Familien (gespeichert unter 127.0.0.1)' } },
    })
    expect(docs).toHaveLength(1)
    expect(forbidden).toEqual([])
    await context.close()
  })

  it('should say what to set when the admin is open under a name the server doesn’t know', async () => {
    // A browser in which quartiersnetz.intern is this machine, as an internal DNS name would be.
    const intern = await chromium.launch({
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--host-resolver-rules=MAP quartiersnetz.intern 127.0.0.1',
      ],
      executablePath: CHROMIUM_PATH,
      headless: true,
    })
    try {
      const page = await intern.newPage({ locale: 'de-DE', viewport: { height: 900, width: 1280 } })
      const base = `http://quartiersnetz.intern:${server.port}`
      // Before anything fails, the sign-in page says where the admin belongs.
      await page.goto(`${base}/admin/login`)
      const notice = page.getByRole('alert').filter({ hasText: 'Das Admin-Panel ist unter' })
      await notice.waitFor()
      expect(await notice.innerText()).toContain(
        `Das Admin-Panel ist unter ${base} geöffnet, Quartiersnetz ist aber für ${server.url} eingerichtet`,
      )
      expect(await notice.getByRole('link').getAttribute('href')).toBe(`${server.url}/admin`)
      await page.screenshot({ path: screenshotPath('shell-wrong-address.png') })

      // Signed in there, a save is refused with the same words, and nothing is saved.
      await signIn(page, base)
      await notice.waitFor()
      const answer = await page.evaluate(async () => {
        const response = await fetch('/api/target-groups', {
          body: JSON.stringify({ _status: 'published', title: 'Senioren (unter falschem Namen)' }),
          credentials: 'include',
          headers: { 'Content-Type': 'application/json' },
          method: 'POST',
        })
        return { body: await response.text(), status: response.status }
      })
      expect(answer.status).toBe(403)
      expect(answer.body).toContain(`SERVER_URL=${base}`)
      const { totalDocs } = await server.payload.count({
        collection: 'target-groups',
        where: { title: { equals: 'Senioren (unter falschem Namen)' } },
      })
      expect(totalDocs).toBe(0)

      // Under the right address, no banner.
      const right = await intern.newPage({ locale: 'de-DE' })
      await right.goto(`${server.url}/admin/login`)
      await right.locator('input[name="email"]').waitFor()
      expect(await right.locator('.qn-origin-notice').count()).toBe(0)
    } finally {
      await intern.close()
    }
  })
})

describe('outside the admin', () => {
  it('should answer / and unknown addresses with a German 404 page that leads to the admin', async () => {
    const context = await browser.newContext({ locale: 'de-DE' })
    const page = await context.newPage()
    for (const path of ['/', '/gibt-es-nicht/auch/nicht']) {
      const response = await page.goto(`${server.url}${path}`)
      expect(response?.status(), path).toBe(404)
      // Read once the page is there (the document of the previous address may still be shown).
      await page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' }).waitFor()
      expect(await page.locator('html').getAttribute('lang'), path).toBe('de')
      expect(await page.title()).toBe('Seite nicht gefunden – Quartiersnetz')
      expect(await page.locator('body').innerText()).not.toMatch(/could not be found|404:/i)
    }
    await page.screenshot({ path: screenshotPath('shell-404.png') })
    await page.getByRole('link', { name: 'Zur Anmeldung für die Redaktion' }).click()
    await page.waitForURL(/\/admin\/login/)
    await context.close()
  })

  it('should answer an English browser in English', async () => {
    const context = await browser.newContext({ locale: 'en-GB' })
    const page = await context.newPage()
    const response = await page.goto(`${server.url}/`)
    expect(response?.status()).toBe(404)
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor()
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    await context.close()
  })
})
