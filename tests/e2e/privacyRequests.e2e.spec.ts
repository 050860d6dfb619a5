/**
 * The view "Datenschutzanfragen" in Chromium, as the coordination office uses it: enter an
 * address, see what is stored per plugin, download the export, erase after typing the address
 * again; a municipality editor is refused. Screenshots (screenshotPath) for a look.
 */
import type { Browser } from 'playwright-core'

import type { RunningServer } from '../../src/server/startServer'

import { readFile } from 'node:fs/promises'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  createAccounts,
  launchChromium,
  screenshotPath,
  signIn as signInWith,
} from '../helpers/browser'
import {
  createComment,
  createModule,
  createMunicipality,
  createOpenEvent,
} from '../helpers/fixtures'
import { startTestServer } from '../helpers/server'

const EDITOR = {
  email: 'redaktion-datenschutz@quartiersnetz.test',
  password: 'Datenschutz-Test-2026',
}
const MUNICIPALITY_EDITOR = {
  email: 'kommune-datenschutz@quartiersnetz.test',
  password: 'Kommune-Datenschutz-2026',
}
const PERSON = 'erika.beispiel@example.test'

let browser: Browser
let server: RunningServer

beforeAll(async () => {
  server = await startTestServer()
  const city = await createMunicipality(server.payload, { name: 'Datenschutzhausen' })
  await createAccounts(server.payload, {
    accounts: [
      { ...EDITOR, name: 'Emil Redaktion' },
      {
        ...MUNICIPALITY_EDITOR,
        municipality: city.id,
        name: 'Kim Kommune',
        role: 'municipality-editor',
      },
    ],
    adminEmail: 'admin-datenschutz@quartiersnetz.test',
  })
  const module = await createModule(server.payload, { title: 'Stadtteilkonferenz (Datenschutz)' })
  await createComment(server.payload, {
    authorName: 'Erika',
    email: PERSON,
    targetId: String(module.id),
    text: 'Die Stadtteilkonferenz hat uns sehr geholfen.',
  })
  const event = await createOpenEvent(server.payload, { title: 'Netzwerktreffen (Datenschutz)' })
  await server.payload.create({
    collection: 'registrations',
    data: { email: PERSON, event: event.id, name: 'Erika Beispiel', status: 'pending' },
    overrideAccess: true,
  })
  browser = await launchChromium()
  await fetch(`${server.url}/admin/login`)
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const signIn = (account: { email: string; password: string }) =>
  signInWith(browser, {
    account,
    baseUrl: server.url,
    contextOptions: { acceptDownloads: true },
    open: null,
  })

describe('the view "Datenschutzanfragen"', () => {
  it('should show, export and erase what is stored for an address, after a confirmation', async () => {
    const { context, page } = await signIn(EDITOR)
    try {
      // From the log in the navigation to the view.
      await page.goto(`${server.url}/admin/collections/privacy-requests`)
      await page.getByRole('link', { name: /Anfrage bearbeiten/ }).click()
      await page.waitForURL((url) => url.pathname === '/admin/datenschutzanfragen')
      await expect
        .poll(() => page.getByRole('heading', { level: 1, name: 'Datenschutzanfragen' }).count())
        .toBe(1)

      await page.getByLabel('E-Mail-Adresse der Person').fill('Erika.Beispiel@Example.test')
      await page.getByRole('button', { name: 'Gespeicherte Daten anzeigen' }).click()
      const results = page.getByRole('region', {
        name: /Zu erika\.beispiel@example\.test gespeichert/,
      })
      await results.waitFor()
      const text = await results.innerText()
      expect(text).toContain('Kommentare: 1 Eintrag')
      expect(text).toContain('„Stadtteilkonferenz (Datenschutz)“')
      expect(text).toContain('Anmeldungen zu Veranstaltungen: 1 Eintrag')
      expect(text).toContain('Bewertungen sind anonym')
      await page.screenshot({ fullPage: true, path: screenshotPath('privacy-requests-found.png') })

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Als Datei exportieren (JSON)' }).click(),
      ])
      expect(download.suggestedFilename()).toMatch(/^datenauskunft-\d{4}-\d{2}-\d{2}\.json$/)
      const exported = JSON.parse(await readFile((await download.path())!, 'utf8')) as {
        summary: string[]
        total: number
      }
      expect(exported.total).toBe(2)
      expect(exported.summary.join('\n')).toContain('Kommentare: 1 Eintrag')

      await page.getByRole('button', { name: 'Alles löschen …' }).click()
      const confirmation = page.getByLabel(
        'Zur Bestätigung die E-Mail-Adresse noch einmal eingeben',
      )
      await expect
        .poll(() => confirmation.evaluate((input) => input === document.activeElement))
        .toBe(true)
      await confirmation.fill('jemand@anderes.test')
      await page.getByRole('button', { name: 'Endgültig löschen' }).click()
      await expect
        .poll(() => page.locator('.privacy-requests__error').innerText())
        .toContain('Es wurde nichts gelöscht')
      await page.screenshot({
        fullPage: true,
        path: screenshotPath('privacy-requests-confirm.png'),
      })
      await confirmation.fill(PERSON)
      await page.getByRole('button', { name: 'Endgültig löschen' }).click()
      await expect
        .poll(() => page.locator('.privacy-requests__done').innerText())
        .toContain('Erledigt: 2 gelöscht, 0 anonymisiert.')
      await page.screenshot({ fullPage: true, path: screenshotPath('privacy-requests-erased.png') })

      const { totalDocs } = await server.payload.count({
        collection: 'comments',
        where: { email: { equals: PERSON } },
      })
      expect(totalDocs).toBe(0)
      await page.goto(`${server.url}/admin/collections/privacy-requests`)
      await expect.poll(() => page.locator('tbody tr').count()).toBe(3)
      await page.screenshot({ fullPage: true, path: screenshotPath('privacy-requests-log.png') })
    } finally {
      await context.close()
    }
  })

  it('should tell a municipality editor that the coordination office handles requests', async () => {
    const { context, page } = await signIn(MUNICIPALITY_EDITOR)
    try {
      await page.goto(`${server.url}/admin/datenschutzanfragen`)
      await expect
        .poll(() => page.getByRole('heading', { name: 'Keine Berechtigung' }).count())
        .toBe(1)
      expect(await page.getByText('bearbeitet die Koordinierungsstelle').count()).toBe(1)
      expect(await page.getByLabel('E-Mail-Adresse der Person').count()).toBe(0)
    } finally {
      await context.close()
    }
  })
})
