import type { Browser } from 'playwright-core'

import { sql } from '@payloadcms/db-postgres'

import type { RunningServer } from '../../src/server/startServer'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import {
  createAccounts,
  launchChromium,
  screenshotPath,
  signIn as signInWith,
} from '../helpers/browser'
import { createComment, createModule, createMunicipality, createProject } from '../helpers/fixtures'
import { startTestServer } from '../helpers/server'
import { requestJson } from '../helpers/http'
import { createUser } from '../helpers/users'

// Reports count per client: X-Forwarded-For from loopback names the client here. Set before
// the config is imported.
vi.hoisted(() => {
  process.env.TRUST_PROXY = 'loopback'
  process.env.COMMENTS_REPORTS_TO_HIDE = '3'
})

const EDITOR = {
  email: 'redaktion-moderation@quartiersnetz.test',
  password: 'Moderation-Test-2026',
}

const HOUR = 3600_000

let browser: Browser
let server: RunningServer

beforeAll(async () => {
  server = await startTestServer()
  // The first account always becomes admin; the queue is tested as an editor.
  await createAccounts(server.payload, {
    accounts: [{ ...EDITOR, name: 'Emil Redaktion' }],
    adminEmail: 'admin-moderation@quartiersnetz.test',
  })
  browser = await launchChromium()
  // The first admin page of a fresh production server takes long on a busy machine: once here,
  // within the hook's time, rather than in the first test's sign-in.
  await fetch(`${server.url}/admin/login`)
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** Signed in on the dashboard, or (`open: null`) on no page yet. */
/** Editors work in Berlin; the server runs in UTC (times shown must be the browser's). */
const signIn = (account: { email: string; password: string }, open: null | string = '/admin') =>
  signInWith(browser, {
    account,
    baseUrl: server.url,
    contextOptions: { timezoneId: 'Europe/Berlin' },
    open,
  })

/** A confirmed comment waiting for a decision, as if the visitor had confirmed the link (the plugin's own write skips the admin rules). */
const createWaitingComment = async ({
  ageMs,
  authorName,
  moduleId,
  text,
}: {
  ageMs: number
  authorName: string
  moduleId: number
  text: string
}) =>
  createComment(server.payload, {
    authorName,
    createdAt: new Date(Date.now() - ageMs).toISOString(),
    email: `${authorName.toLowerCase().replace(/\W+/g, '.')}@example.test`,
    status: 'pending',
    targetId: String(moduleId),
    text,
  })

const statusOf = async (id: number) =>
  (await server.payload.findByID({ collection: 'comments', id, overrideAccess: true })).status

describe('moderation queue in the admin', () => {
  it('should list waiting comments oldest first and let an editor approve one and reject others in bulk', async () => {
    const module = await createModule(server.payload, { title: 'Kiezgespräch (Moderation)' })
    // Created newest first, so that only createdAt can explain the order.
    const newest = await createWaitingComment({
      ageMs: 0.5 * HOUR,
      authorName: 'Clara Neu',
      moduleId: module.id,
      text: 'Gute Idee, bin dabei.',
    })
    const middle = await createWaitingComment({
      ageMs: 3 * HOUR,
      authorName: 'Bernd Mittel',
      moduleId: module.id,
      text: '<script>alert(1)</script> Bitte mehr Bänke.',
    })
    const oldest = await createWaitingComment({
      ageMs: 50 * HOUR,
      authorName: 'Alma Alt',
      moduleId: module.id,
      text: 'Wann ist das nächste Treffen?',
    })

    const { context, page } = await signIn(EDITOR)
    const navLink = page.locator('#nav-moderation')
    await navLink.waitFor()
    expect((await navLink.innerText()).replace(/\s+/g, ' ').trim()).toBe('Moderation 3')

    // The nav may be collapsed at this width: follow the link's address.
    expect(await navLink.getAttribute('href')).toBe('/admin/moderation')
    await page.goto(`${server.url}/admin/moderation`)
    const rows = page.locator('.moderation-queue__row')
    await expect.poll(() => rows.count()).toBe(3)
    await expect(page.locator('.moderation-queue__title').innerText()).resolves.toBe('Moderation')
    const headers = (await page.locator('.moderation-queue__table thead th').allInnerTexts())
      .map((text) => text.trim())
      .filter(Boolean)
    expect(headers).toEqual(['Name', 'Eintrag', 'Text', 'Eingegangen', 'Meldungen'])

    expect(await rows.locator('.moderation-queue__author').allInnerTexts()).toEqual([
      'Alma Alt',
      'Bernd Mittel',
      'Clara Neu',
    ])
    expect(await rows.locator('.moderation-queue__age').allInnerTexts()).toEqual([
      'vor 2 Tagen',
      'vor 3 Stunden',
      'vor 30 Minuten',
    ])
    // The exact time on hover, in the browser's time zone (the server's page has none: it
    // would be the server's zone, and React keeps an attribute it finds on hydration).
    const browserTime = await page.evaluate(
      (createdAt) => new Date(createdAt).toLocaleString('de'),
      oldest.createdAt,
    )
    await expect
      .poll(() => rows.first().locator('.moderation-queue__age').getAttribute('title'))
      .toBe(browserTime)
    expect(await rows.locator('.moderation-queue__reports').allInnerTexts()).toEqual([
      '0',
      '0',
      '0',
    ])
    // The commented entry by its title, linked to it, with its collection's name above.
    const target = rows.first().locator('.moderation-queue__target a')
    expect(await target.innerText()).toBe('Kiezgespräch (Moderation)')
    expect(await target.getAttribute('href')).toBe(`/admin/collections/modules/${module.id}`)
    expect(await rows.first().locator('.moderation-queue__target-label').innerText()).toBe(
      'Beteiligungsmodul',
    )
    // The script tag is shown as text and never becomes an element.
    expect(await rows.nth(1).locator('.moderation-queue__text').innerText()).toBe(
      '<script>alert(1)</script> Bitte mehr Bänke.',
    )
    expect(await page.locator('.moderation-queue script').count()).toBe(0)
    for (const label of ['Freigeben', 'Ablehnen', 'Spam']) {
      expect(await rows.first().getByRole('button', { exact: true, name: label }).count()).toBe(1)
    }

    await rows.first().getByRole('button', { exact: true, name: 'Freigeben' }).click()
    await page.locator('.payload-toast-container').getByText('1 Kommentar freigegeben.').waitFor()
    await expect
      .poll(() => rows.locator('.moderation-queue__author').allInnerTexts())
      .toEqual(['Bernd Mittel', 'Clara Neu'])
    expect(await statusOf(oldest.id)).toBe('approved')
    await expect
      .poll(async () => (await navLink.innerText()).replace(/\s+/g, ' ').trim())
      .toBe('Moderation 2')

    await page.getByRole('checkbox', { name: 'Alle auswählen' }).check()
    await expect(page.locator('.moderation-queue__bulk > span').innerText()).resolves.toBe(
      'Auswahl (2):',
    )
    const bulkReject = page
      .locator('.moderation-queue__bulk')
      .getByRole('button', { exact: true, name: 'Ablehnen' })
    await expect.poll(() => bulkReject.isEnabled()).toBe(true)
    // For the picture only: the buttons' colour transitions run to their end.
    await page.mouse.move(0, 0)
    await page.screenshot({
      animations: 'disabled',
      fullPage: true,
      path: screenshotPath('moderation.png'),
    })

    await bulkReject.click()
    const toasts = page.locator('.payload-toast-container')
    await toasts.getByText('2 Kommentare abgelehnt.').waitFor()
    await page.getByText('Keine Kommentare warten auf eine Entscheidung.').waitFor()
    expect(await rows.count()).toBe(0)
    expect([await statusOf(middle.id), await statusOf(newest.id)]).toEqual(['rejected', 'rejected'])
    // A rejection by mistake is taken back from its toast: both wait for a decision again.
    await toasts.getByRole('button', { name: 'Rückgängig' }).click()
    await toasts.getByText('2 Kommentare warten wieder auf eine Entscheidung.').waitFor()
    await expect.poll(() => rows.count()).toBe(2)
    expect([await statusOf(middle.id), await statusOf(newest.id)]).toEqual(['pending', 'pending'])
    await page.getByRole('checkbox', { name: 'Alle auswählen' }).check()
    await expect.poll(() => bulkReject.isEnabled()).toBe(true)
    await bulkReject.click()
    await toasts.getByText('2 Kommentare abgelehnt.').first().waitFor()
    await page.getByText('Keine Kommentare warten auf eine Entscheidung.').waitFor()
    expect([await statusOf(middle.id), await statusOf(newest.id)]).toEqual(['rejected', 'rejected'])
    await expect
      .poll(async () => (await navLink.innerText()).replace(/\s+/g, ' ').trim())
      .toBe('Moderation')
    await context.close()
  })

  it('should take a rejection of a reported comment back to exactly where it was, its buttons off meanwhile', async () => {
    const module = await createModule(server.payload, { title: 'Spielplatz (Moderation)' })
    const reported = await createComment(server.payload, {
      authorName: 'Rita Gemeldet',
      email: 'rita.gemeldet@example.test',
      notifyOnApproval: true,
      targetId: String(module.id),
      text: 'Ein freigegebener Kommentar, den drei gemeldet haben.',
    })
    for (const client of ['198.51.100.81', '198.51.100.82', '198.51.100.83']) {
      const response = await requestJson(`${server.url}/api/comments/${reported.id}/report`, {
        body: {},
        headers: { 'X-Forwarded-For': client },
        method: 'POST',
      })
      expect(response.status, JSON.stringify(response.body)).toBe(202)
    }
    const stateOf = async () => {
      const { isHiddenByReports, reportCount, status } = await server.payload.findByID({
        collection: 'comments',
        id: reported.id,
        overrideAccess: true,
      })
      return { isHiddenByReports, reportCount, status }
    }
    const before = { isHiddenByReports: true, reportCount: 3, status: 'approved' }
    expect(await stateOf()).toEqual(before)

    const { context, page } = await signIn(EDITOR, null)
    const decisions: string[] = []
    page.on('request', (request) => {
      if (request.method() === 'PATCH' && request.url().includes('/api/comments')) {
        decisions.push(request.url())
      }
    })
    await page.goto(`${server.url}/admin/moderation`)
    const row = page.locator(`.moderation-queue__row[data-comment-id="${reported.id}"]`)
    await row.waitFor()
    expect(await row.locator('.moderation-queue__reports').innerText()).toBe('3')
    expect(await row.locator('.moderation-queue__hidden').innerText()).toBe(
      'Freigegeben, aber wegen Meldungen verborgen',
    )

    // The refreshed list comes late, as on a slow connection: the decided row stays meanwhile.
    let isRefreshSlow = true
    await page.route('**/admin/moderation**', async (route) => {
      if (isRefreshSlow && route.request().headers()['rsc']) {
        await new Promise((resolve) => setTimeout(resolve, 3_000))
      }
      await route.continue()
    })
    await row.getByRole('button', { exact: true, name: 'Ablehnen' }).click()
    const toasts = page.locator('.payload-toast-container')
    await toasts.getByText('1 Kommentar abgelehnt.').waitFor()
    expect(await row.count()).toBe(1)
    for (const label of ['Freigeben', 'Ablehnen', 'Spam']) {
      expect(await row.getByRole('button', { exact: true, name: label }).isDisabled(), label).toBe(
        true,
      )
    }
    await row.getByRole('button', { exact: true, name: 'Ablehnen' }).click({ force: true })
    await row.waitFor({ state: 'detached' })
    expect(decisions).toHaveLength(1)
    expect(await stateOf()).toEqual({
      isHiddenByReports: false,
      reportCount: 0,
      status: 'rejected',
    })
    isRefreshSlow = false

    await toasts.getByRole('button', { name: 'Rückgängig' }).click()
    await toasts
      .getByText(
        '1 Kommentar ist wieder freigegeben und wegen seiner Meldungen verborgen, bis Sie entscheiden. Niemand wird benachrichtigt.',
      )
      .waitFor()
    await row.waitFor()
    expect(await stateOf()).toEqual(before)
    expect(decisions).toHaveLength(2)
    expect(await row.locator('.moderation-queue__reports').innerText()).toBe('3')
    expect(await row.locator('.moderation-queue__hidden').count()).toBe(1)
    await expect
      .poll(() => row.getByRole('button', { exact: true, name: 'Ablehnen' }).isEnabled())
      .toBe(true)
    await context.close()
  })

  it('should list reported comments that are still visible, most reported first and marked, and let an editor dismiss, reject and take back, and mark spam', async () => {
    const module = await createModule(server.payload, { title: 'Bolzplatz (Moderation)' })
    // The pending one is the oldest: only the reports can put the others before it.
    const pending = await createWaitingComment({
      ageMs: 90 * HOUR,
      authorName: 'Olga Offen',
      moduleId: module.id,
      text: 'Wer schließt abends ab?',
    })
    const visible = (authorName: string, text: string) =>
      createComment(server.payload, {
        authorName,
        createdAt: new Date(Date.now() - HOUR).toISOString(),
        email: `${authorName.toLowerCase().replace(/\W+/g, '.')}@example.test`,
        targetId: String(module.id),
        text,
      })
    const once = await visible('Ulla Einmal', 'Der Platz ist viel zu laut.')
    const twice = await visible('Tom Zweimal', 'Die Nachbarn sollen sich nicht so haben.')
    const report = async (id: number, client: string) => {
      const response = await requestJson(`${server.url}/api/comments/${id}/report`, {
        body: {},
        headers: { 'X-Forwarded-For': client },
        method: 'POST',
      })
      expect(response.status, JSON.stringify(response.body)).toBe(202)
    }
    await report(twice.id, '198.51.100.91')
    await report(twice.id, '198.51.100.92')
    await report(once.id, '198.51.100.93')
    const stateOf = async (id: number) => {
      const { isHiddenByReports, reportCount, status } = await server.payload.findByID({
        collection: 'comments',
        id,
        overrideAccess: true,
      })
      return { isHiddenByReports, reportCount, status }
    }
    const isPublic = async (id: number) =>
      (await requestJson(`${server.url}/api/comments/${id}`)).status === 200
    expect(await stateOf(once.id)).toEqual({
      isHiddenByReports: false,
      reportCount: 1,
      status: 'approved',
    })
    expect(await isPublic(once.id)).toBe(true)

    const { context, page } = await signIn(EDITOR)
    const navLink = page.locator('#nav-moderation')
    await navLink.waitFor()
    await page.goto(`${server.url}/admin/moderation`)
    const rows = page.locator('.moderation-queue__row')
    const rowOf = (id: number) => page.locator(`.moderation-queue__row[data-comment-id="${id}"]`)
    await rowOf(twice.id).waitFor()
    // Below the threshold they wait too, counted in the nav; the most reported first.
    const total = await rows.count()
    expect((await navLink.innerText()).replace(/\s+/g, ' ').trim()).toBe(`Moderation ${total}`)
    const mine = new Set([pending.id, once.id, twice.id].map(String))
    const order = (
      await rows.evaluateAll((elements) =>
        elements.map((element) => element.getAttribute('data-comment-id')),
      )
    ).filter((id) => id !== null && mine.has(id))
    expect(order).toEqual([twice.id, once.id, pending.id].map(String))
    expect(await rowOf(twice.id).locator('.moderation-queue__reports').innerText()).toBe('2')
    expect(await rowOf(twice.id).locator('.moderation-queue__reported').innerText()).toBe(
      'Freigegeben und noch sichtbar, 2-mal gemeldet (verborgen ab 3 Meldungen)',
    )
    expect(await rowOf(once.id).locator('.moderation-queue__reported').innerText()).toBe(
      'Freigegeben und noch sichtbar, einmal gemeldet (verborgen ab 3 Meldungen)',
    )
    expect(await rowOf(once.id).locator('.moderation-queue__hidden').count()).toBe(0)
    expect(await rowOf(pending.id).locator('.moderation-queue__reported').count()).toBe(0)
    await page.mouse.move(0, 0)
    await page.screenshot({
      animations: 'disabled',
      fullPage: true,
      path: screenshotPath('moderation-reported.png'),
    })

    // "Freigeben" dismisses the reports: it stays public and leaves the queue; taken back, it
    // is there again with its two reports; dismissed once more.
    const toasts = page.locator('.payload-toast-container')
    /** "Rückgängig" in the toast that says `done`, then the toast that says it was taken back. */
    const undo = async (done: string) => {
      await toasts
        .locator('.payload-toast-item', { hasText: done })
        .getByRole('button', { name: 'Rückgängig' })
        .click()
      await toasts
        .getByText(
          '1 Kommentar ist wieder freigegeben und mit seinen Meldungen sichtbar, bis Sie entscheiden. Niemand wird benachrichtigt.',
        )
        .first()
        .waitFor()
    }
    const dismissed = 'Die Meldungen zu 1 Kommentar wurden verworfen; er ist sichtbar.'
    await rowOf(twice.id).getByRole('button', { exact: true, name: 'Freigeben' }).click()
    await toasts.getByText(dismissed).waitFor()
    await rowOf(twice.id).waitFor({ state: 'detached' })
    expect(await stateOf(twice.id)).toEqual({
      isHiddenByReports: false,
      reportCount: 0,
      status: 'approved',
    })
    await undo(dismissed)
    await rowOf(twice.id).waitFor()
    expect(await stateOf(twice.id)).toEqual({
      isHiddenByReports: false,
      reportCount: 2,
      status: 'approved',
    })
    const approveAgain = rowOf(twice.id).getByRole('button', { exact: true, name: 'Freigeben' })
    await expect.poll(() => approveAgain.isEnabled()).toBe(true)
    await approveAgain.click()
    await rowOf(twice.id).waitFor({ state: 'detached' })
    await expect.poll(async () => (await stateOf(twice.id)).reportCount).toBe(0)
    expect(await isPublic(twice.id)).toBe(true)

    // Rejected, and taken back: approved and public again, with its report.
    await rowOf(once.id).getByRole('button', { exact: true, name: 'Ablehnen' }).click()
    await toasts.getByText('1 Kommentar abgelehnt.').waitFor()
    await rowOf(once.id).waitFor({ state: 'detached' })
    expect(await stateOf(once.id)).toEqual({
      isHiddenByReports: false,
      reportCount: 0,
      status: 'rejected',
    })
    expect(await isPublic(once.id)).toBe(false)
    await undo('1 Kommentar abgelehnt.')
    await rowOf(once.id).waitFor()
    expect(await stateOf(once.id)).toEqual({
      isHiddenByReports: false,
      reportCount: 1,
      status: 'approved',
    })
    expect(await isPublic(once.id)).toBe(true)
    expect(await rowOf(once.id).locator('.moderation-queue__reported').count()).toBe(1)

    // Marked as spam: gone from the public and from the queue.
    const spam = rowOf(once.id).getByRole('button', { exact: true, name: 'Spam' })
    await expect.poll(() => spam.isEnabled()).toBe(true)
    await spam.click()
    await toasts.getByText('1 Kommentar als Spam markiert.').waitFor()
    await rowOf(once.id).waitFor({ state: 'detached' })
    expect(await stateOf(once.id)).toEqual({
      isHiddenByReports: false,
      reportCount: 0,
      status: 'spam',
    })
    expect(await isPublic(once.id)).toBe(false)
    expect(await rowOf(pending.id).count()).toBe(1)
    await context.close()
  })

  it('should name entries of every commented collection by their title and say when one is gone', async () => {
    const project = await createProject(server.payload, { title: 'Grüne Höfe (Moderation)' })
    const gone = await createModule(server.payload, { title: 'Gelöschtes Modul (Moderation)' })
    const onProject = await createComment(server.payload, {
      authorName: 'Paula Projekt',
      createdAt: new Date(Date.now() - 2 * HOUR).toISOString(),
      email: 'paula.projekt@example.test',
      status: 'pending',
      targetCollection: 'projects',
      targetId: String(project.id),
      text: 'Schöne Höfe!',
    })
    const onGone = await createWaitingComment({
      ageMs: HOUR,
      authorName: 'Gustav Gelöscht',
      moduleId: gone.id,
      text: 'Gibt es das noch?',
    })
    // Removed without Payload's hooks (by hand, or before comments followed their entry): the
    // comment stays and the queue says its entry is gone.
    await server.payload.db.drizzle.execute(sql`DELETE FROM modules WHERE id = ${gone.id}`)

    const { context, page } = await signIn(EDITOR, null)
    await page.goto(`${server.url}/admin/moderation`)
    const projectRow = page.locator(`.moderation-queue__row[data-comment-id="${onProject.id}"]`)
    const goneRow = page.locator(`.moderation-queue__row[data-comment-id="${onGone.id}"]`)
    await projectRow.waitFor()
    expect(await projectRow.locator('.moderation-queue__target-label').innerText()).toBe('Projekt')
    const projectLink = projectRow.locator('.moderation-queue__target a')
    expect(await projectLink.innerText()).toBe('Grüne Höfe (Moderation)')
    expect(await projectLink.getAttribute('href')).toBe(`/admin/collections/projects/${project.id}`)
    // Gone: its id and why there is no link.
    expect(await goneRow.locator('.moderation-queue__target a').count()).toBe(0)
    expect(await goneRow.locator('.moderation-queue__target').innerText()).toBe(
      `Beteiligungsmodul\n${gone.id} (nicht mehr vorhanden)`,
    )
    await page.mouse.move(0, 0)
    await page.screenshot({
      animations: 'disabled',
      fullPage: true,
      path: screenshotPath('words-moderation-targets.png'),
    })

    // Following the title opens the entry.
    await projectLink.click()
    await page.waitForURL(`**/admin/collections/projects/${project.id}`)
    await page.locator('input[name="title"]').waitFor()
    expect(await page.inputValue('input[name="title"]')).toBe('Grüne Höfe (Moderation)')
    await context.close()
  })

  it('should tell an editor whose permission was withdrawn meanwhile in plain words why a decision failed', async () => {
    const module = await createModule(server.payload, { title: 'Nachbarschaftsfest (Moderation)' })
    const account = {
      email: 'entzogen-moderation@quartiersnetz.test',
      password: 'Entzogen-Test-2026',
    }
    const user = await createUser(server.payload, {
      ...account,
      name: 'Erna Entzogen',
      role: 'editor',
    })
    const waiting = await createWaitingComment({
      ageMs: HOUR,
      authorName: 'Wilma Warten',
      moduleId: module.id,
      text: 'Wann geht es los?',
    })
    const { context, page } = await signIn(account, null)
    await page.goto(`${server.url}/admin/moderation`)
    const row = page.locator(`.moderation-queue__row[data-comment-id="${waiting.id}"]`)
    await row.waitFor()
    // An administrator takes the role away while the queue is open.
    const municipality = await createMunicipality(server.payload, {
      name: 'Entzugsstadt (Moderation)',
      state: 'BE',
    })
    await server.payload.update({
      collection: 'users',
      data: { municipality: municipality.id, role: 'municipality-editor' },
      id: user.id,
      overrideAccess: true,
    })
    await row.getByRole('button', { exact: true, name: 'Freigeben' }).click()
    await page
      .locator('.payload-toast-container')
      .getByText(
        'Die Entscheidung konnte nicht gespeichert werden: Ihr Konto darf keine Kommentare moderieren. Bitte wenden Sie sich an eine Administratorin oder einen Administrator.',
      )
      .waitFor()
    expect(await statusOf(waiting.id)).toBe('pending')
    await context.close()
  })

  it('should refuse the queue and hide its link for a user who may not moderate', async () => {
    const municipality = await createMunicipality(server.payload, {
      name: 'Musterstadt (Moderation)',
      state: 'BE',
    })
    const visitor = {
      email: 'kommune-moderation@quartiersnetz.test',
      password: 'Kommune-Test-2026',
    }
    await createUser(server.payload, {
      ...visitor,
      municipality: municipality.id,
      name: 'Karl Kommune',
      role: 'municipality-editor',
    })
    const { context, page } = await signIn(visitor, null)
    await page.goto(`${server.url}/admin/moderation`)
    await page.getByRole('heading', { name: 'Keine Berechtigung' }).waitFor()
    expect(await page.locator('.moderation-queue__row').count()).toBe(0)
    expect(await page.locator('#nav-moderation').count()).toBe(0)
    await context.close()
  })
})
