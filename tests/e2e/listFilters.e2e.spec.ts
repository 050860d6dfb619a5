/**
 * A filter in an admin list's address that the database can't apply (text for a number) is
 * answered with a page in German (in English when asked for) that links to the list without it, instead of an empty page
 * (src/server/pageAddresses.ts); the filters the admin builds itself still open the list. Real
 * server (production build), real PostgreSQL, Chromium in German.
 */
import type { Browser } from 'playwright-core'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { RunningServer } from '../../src/server/startServer'

import {
  createAccounts,
  launchChromium,
  screenshotPath,
  signIn as signInWith,
} from '../helpers/browser'
import { createOpenEvent } from '../helpers/fixtures'
import { startTestServer } from '../helpers/server'

vi.hoisted(() => {
  process.env.AUTH_RATE_LIMIT_MAX = '1000'
})

const EDITOR = { email: 'redaktion-filter@quartiersnetz.test', password: 'Filter-Test-2026' }

let browser: Browser
let server: RunningServer

beforeAll(async () => {
  server = await startTestServer()
  await createAccounts(server.payload, {
    accounts: [{ ...EDITOR, name: 'Fritzi Filter' }],
    adminEmail: 'admin-filter@quartiersnetz.test',
  })
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const signIn = () => signInWith(browser, { account: EDITOR, baseUrl: server.url, open: null })

describe('a filter in the address of an admin list', () => {
  it('should answer a value the database refuses with a page in German and a link to the list', async () => {
    const { context, page } = await signIn()
    const response = await page.goto(
      `${server.url}/admin/collections/events?where[capacity][equals]=abc`,
    )
    expect(response?.status()).toBe(400)
    await page.getByRole('heading', { name: 'Ungültiger Filter' }).waitFor()
    const text = await page.locator('main').innerText()
    expect(text).toContain('Der Filter in dieser Adresse passt nicht zu den Feldern der Liste')
    expect(text).toContain(
      '„abc“ ist keine Zahl (Filter auf „capacity“). Erwartet wird eine Zahl wie 20 oder 2.5.',
    )
    await page.screenshot({ path: screenshotPath('list-filter-refused.png') })
    // Asked in English, the page and its detail are English.
    const cookie = (await context.cookies()).map(({ name, value }) => `${name}=${value}`).join('; ')
    const english = await fetch(
      `${server.url}/admin/collections/events?where[capacity][equals]=abc`,
      { headers: { 'Accept-Language': 'en', cookie } },
    )
    expect(english.status).toBe(400)
    const englishPage = await english.text()
    expect(englishPage).toContain('<html lang="en">')
    expect(englishPage).toContain(
      '&quot;abc&quot; is not a number (filter on &quot;capacity&quot;). Expected a number such as 20 or 2.5.',
    )
    await page.getByRole('link', { name: 'Liste ohne Filter öffnen' }).click()
    await page.waitForURL((url) => url.pathname === '/admin/collections/events')
    await page.locator('.collection-list').waitFor()
    await context.close()
  })

  it('should answer a field the list has not with the same page', async () => {
    const { context, page } = await signIn()
    const response = await page.goto(
      `${server.url}/admin/collections/projects?where[nichtVorhanden][equals]=1`,
    )
    expect(response?.status()).toBe(400)
    expect(
      await page.getByRole('link', { name: 'Liste ohne Filter öffnen' }).getAttribute('href'),
    ).toBe('/admin/collections/projects')
    await context.close()
  })

  it('should run no count for a request without credentials: the admin asks for a sign-in', async () => {
    const response = await fetch(
      `${server.url}/admin/collections/registrations?where[capacity][equals]=abc`,
      { redirect: 'manual' },
    )
    expect(response.status).not.toBe(400)
    expect(await response.text()).not.toContain('Liste ohne Filter öffnen')
  })

  it('should open the list with filters as the admin builds them', async () => {
    const event = await createOpenEvent(server.payload, { title: 'Filtertest Zehn Plätze' })
    const { context, page } = await signIn()
    for (const filter of [
      `where[or][0][and][0][capacity][equals]=10&where[or][0][and][1][title][like]=Filtertest`,
      `where[start][greater_than_equal]=${encodeURIComponent(new Date().toISOString())}`,
      `where[or][0][and][0][title][like]=Filtertest&search=Zehn`,
    ]) {
      const response = await page.goto(`${server.url}/admin/collections/events?${filter}`)
      expect(response?.status(), filter).toBe(200)
      await page.locator('.table .cell-title', { hasText: event.title }).waitFor()
    }
    await page.screenshot({ path: screenshotPath('h3-list-filter-valid.png') })
    await context.close()
  })
})
