/**
 * `npm run dev` under each of its names: Next's development server refuses its own scripts
 * (/_next/…) to pages of any host but localhost unless `allowedDevOrigins` names it, and the
 * admin then stays white at http://127.0.0.1:3000/admin. Here the real development server
 * (Next in dev mode, as `npm run dev` starts it) answers its resources to pages at localhost,
 * 127.0.0.1 and SERVER_URL, refuses a foreign page, and the admin's sign-in page renders and
 * signs in at 127.0.0.1 in Chromium.
 */
import type { Browser } from 'playwright-core'

import type { RunningServer } from '../../src/server/startServer'

import http from 'node:http'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { launchChromium } from '../helpers/browser'
import { createUser, PASSWORD } from '../helpers/users'

vi.hoisted(() => {
  // The development build lives beside the production build the other tests use.
  process.env.NEXT_DIST_DIR = `${process.env.NEXT_DIST_DIR || '.next'}-dev`
  // SERVER_URL under a third name (as in /etc/hosts or behind a local proxy); Next allows
  // localhost and *.localhost by itself, so this name must come from our config.
  process.env.SERVER_URL = `http://quartiersnetz.test:${process.env.PORT}`
  // As `npm run dev` listens (.env.example): Next would otherwise allow the host it was given.
  process.env.HOST = '0.0.0.0'
})

let browser: Browser
let server: RunningServer

beforeAll(async () => {
  const { startServer } = await import('../../src/server/startServer')
  server = await startServer({ isDev: true, port: Number(process.env.PORT) })
  await createUser(server.payload, {
    email: 'entwicklung@quartiersnetz.test',
    name: 'Dana Entwicklung',
    role: 'admin',
  })
  browser = await launchChromium()
}, 300_000)

// Next's development server writes its compile cache before it stops.
afterAll(async () => {
  await browser?.close()
  await server?.stop()
}, 240_000)

/**
 * The status of a request for one of Next's development resources, as a page at `origin`
 * makes it (on a connection of its own, read to the end).
 */
const devResource = (origin: string) =>
  new Promise<number>((resolve, reject) => {
    const request = http.get(
      {
        agent: false,
        headers: { Origin: origin, 'Sec-Fetch-Mode': 'cors', 'Sec-Fetch-Site': 'cross-site' },
        host: '127.0.0.1',
        path: '/_next/static/chunks/quartiersnetz-test.js',
        port: server.port,
      },
      (response) => {
        response.resume()
        response.on('end', () => resolve(response.statusCode ?? 0))
      },
    )
    request.on('error', reject)
  })

describe('the development server under each of its names', () => {
  it(
    'should serve its resources to pages at localhost, 127.0.0.1 and SERVER_URL',
    {
      // A missing resource is answered by the 404 page, compiled on the first request.
      timeout: 300_000,
    },
    async () => {
      for (const origin of [
        `http://localhost:${server.port}`,
        `http://127.0.0.1:${server.port}`,
        process.env.SERVER_URL!,
      ]) {
        // Not refused: Next looks the file up (there is none by that name).
        expect(await devResource(origin), origin).toBe(404)
      }
    },
  )

  it('should refuse its resources to a page of another site', async () => {
    expect(await devResource('http://fremde-seite.example')).toBe(403)
  })

  it('should render the admin and sign in at 127.0.0.1 although SERVER_URL names another host', async () => {
    const context = await browser.newContext({ locale: 'de-DE' })
    const page = await context.newPage()
    const refused: string[] = []
    page.on('response', (response) => {
      if (response.status() === 403) {
        refused.push(response.url())
      }
    })
    const base = `http://127.0.0.1:${server.port}`
    // The first request compiles the admin: minutes on a busy machine.
    await page.goto(`${base}/admin/login`, { timeout: 240_000 })
    await page.locator('input[name="email"]').waitFor({ timeout: 240_000 })
    await page.fill('input[name="email"]', 'entwicklung@quartiersnetz.test')
    await page.fill('input[name="password"]', PASSWORD)
    await page.click('button[type="submit"]')
    await page.waitForURL((url) => url.pathname === '/admin', { timeout: 240_000 })
    await page.getByRole('heading', { level: 1, name: 'Übersicht' }).waitFor({ timeout: 240_000 })
    expect(refused).toEqual([])
    await context.close()
  }, 600_000)
})
