import type { Browser } from 'playwright-core'

import type { RunningServer } from '../../src/server/startServer'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchChromium } from '../helpers/browser'
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

    await page.goto(`${server.url}/admin`)
    await page.waitForURL(/\/admin\/login/)
    await page.fill('input[name="email"]', EMAIL)
    await page.fill('input[name="password"]', PASSWORD)
    await page.click('button[type="submit"]')

    await page.waitForURL((url) => url.pathname === '/admin' || url.pathname === '/admin/')
    const html = page.locator('html')
    expect(await html.getAttribute('lang')).toBe('de')
    // The dashboard lists our collection groups and collections with their German labels.
    await page.getByRole('heading', { name: 'Verwaltung' }).waitFor()
    const text = await page.locator('body').innerText()
    expect(text).toContain('Benutzer')
    expect(text).toContain('Medien')
    expect(text).not.toContain('Collections')
    // No call leaves the machine (no Gravatar, no telemetry).
    expect(outbound).toEqual([])
    await context.close()
  })
})
