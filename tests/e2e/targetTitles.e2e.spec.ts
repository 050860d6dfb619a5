/**
 * Words instead of ids: wherever an editor or a visitor meets the document a comment or a
 * rating belongs to, it is named by its title and linked (plugins/shared/targets.ts): the
 * comments, comment reports, ratings and rating summaries lists and edit views in the admin,
 * the confirmation mail and the page its link opens, the moderators' and the commenter's later
 * mails. Real server (production build), PostgreSQL, a real SMTP receiver, Chromium.
 */
import type { Browser, Page } from 'playwright-core'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { RunningServer } from '../../src/server/startServer'

import {
  createAccounts,
  launchChromium,
  screenshotPath,
  signIn as signInWith,
} from '../helpers/browser'
import {
  createComment,
  createModule,
  createProject,
  postComment,
  rateModule,
} from '../helpers/fixtures'
import { linkIn, takeMails } from '../helpers/mails'
import { startTestServer } from '../helpers/server'
import { mailsTo } from '../helpers/smtp'

// The config reads SMTP_URL and the comment settings when it is imported.
const smtp = await vi.hoisted(async () => {
  const { startSmtpReceiver } = await import('../helpers/smtp')
  process.env.COMMENTS_MODERATOR_EMAILS = 'moderation@titel.test'
  process.env.COMMENTS_RATE_LIMIT_MAX = '0'
  process.env.RATINGS_PER_CLIENT_PER_HOUR = '0'
  return startSmtpReceiver()
})

const EDITOR = { email: 'redaktion-titel@quartiersnetz.test', password: 'Titel-Test-2026' }
const CONFIRM_LINK = /http:\/\/localhost:\d+\/api\/comments\/confirm\?token=[A-Za-z0-9_-]+/

let browser: Browser
let server: RunningServer
let counter = 0

beforeAll(async () => {
  server = await startTestServer()
  // The first account always becomes admin; the lists are seen as an editor.
  await createAccounts(server.payload, {
    accounts: [{ ...EDITOR, name: 'Emil Redaktion' }],
    adminEmail: 'admin-titel@quartiersnetz.test',
  })
  browser = await launchChromium()
  // The first admin page of a fresh production server takes long on a busy machine: once here,
  // within the hook's time, rather than in the first test's sign-in.
  await fetch(`${server.url}/admin/login`)
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  await smtp?.stop()
})

const signIn = () => signInWith(browser, { account: EDITOR, baseUrl: server.url, open: null })

/** The column headings of the list view's table, trimmed, without the empty selection column. */
const headingsOf = async (page: Page) =>
  (await page.locator('.table table thead th').allInnerTexts())
    .map((text) => text.trim())
    .filter(Boolean)

/** The link in the list's "Eintrag" column of the row that shows `rowText` somewhere. */
const targetLinkInRow = async (page: Page, rowText: string) => {
  const headings = await page.locator('.table table thead th').allInnerTexts()
  const column = headings.findIndex((text) => text.trim() === 'Eintrag')
  expect(column, `an "Eintrag" column among ${headings.join(', ')}`).toBeGreaterThanOrEqual(0)
  return page
    .locator('.table table tbody tr', { hasText: rowText })
    .locator('td')
    .nth(column)
    .locator('a')
}

const expectLinkTo = async (
  link: ReturnType<Page['locator']>,
  { href, text }: { href: string; text: string },
) => {
  await link.waitFor()
  expect(await link.innerText()).toBe(text)
  expect(await link.getAttribute('href')).toBe(href)
}

describe('target titles in the admin', () => {
  it('should name the commented entry by its title, linked, in the comments list, a comment and the comment reports list', async () => {
    const module = await createModule(server.payload, { title: 'Stadtteilkonferenz (Titel)' })
    const project = await createProject(server.payload, { title: 'Grüne Höfe (Titel)' })
    const onModule = await createComment(server.payload, {
      authorName: 'Mara Modul',
      email: 'mara.modul@example.test',
      targetId: String(module.id),
      text: 'Ein Kommentar zur Konferenz (Titel).',
    })
    await createComment(server.payload, {
      authorName: 'Paul Projekt',
      email: 'paul.projekt@example.test',
      targetCollection: 'projects',
      targetId: String(project.id),
      text: 'Ein Kommentar zu den Höfen (Titel).',
    })
    await server.payload.create({
      collection: 'comment-reports',
      data: { clientHash: 'a'.repeat(64), comment: onModule.id },
      overrideAccess: true,
    })

    const { context, page } = await signIn()
    await page.goto(`${server.url}/admin/collections/comments`)
    await page.locator('.table table').waitFor()
    const headings = await headingsOf(page)
    expect(headings).toContain('Eintrag')
    // Neither the slug nor the bare id as a column of its own.
    expect(headings).not.toContain('Sammlung')
    expect(headings).not.toContain('Eintrag (ID)')
    await expectLinkTo(await targetLinkInRow(page, 'Ein Kommentar zur Konferenz (Titel).'), {
      href: `/admin/collections/modules/${module.id}`,
      text: 'Beteiligungsmodul: Stadtteilkonferenz (Titel)',
    })
    await expectLinkTo(await targetLinkInRow(page, 'Ein Kommentar zu den Höfen (Titel).'), {
      href: `/admin/collections/projects/${project.id}`,
      text: 'Projekt: Grüne Höfe (Titel)',
    })
    const cellTexts = await page.locator('.table table tbody td').allInnerTexts()
    expect(cellTexts.map((text) => text.trim())).not.toContain('modules')
    await page.screenshot({ fullPage: true, path: screenshotPath('words-comments-list.png') })

    // The comment itself says which entry it is about, linked.
    await page.goto(`${server.url}/admin/collections/comments/${onModule.id}`)
    const line = page.locator('.target-link')
    await expectLinkTo(line.locator('a'), {
      href: `/admin/collections/modules/${module.id}`,
      text: 'Beteiligungsmodul: Stadtteilkonferenz (Titel)',
    })
    expect(await line.locator('.field-label').innerText()).toBe('Eintrag')
    // Instead of the stored slug and id, which only a new comment asks for.
    expect(await page.getByText('Sammlung', { exact: true }).count()).toBe(0)
    expect(await page.getByText('Eintrag (ID)', { exact: true }).count()).toBe(0)
    await page.screenshot({ path: screenshotPath('words-comment-edit.png') })

    // A report names the reported comment's entry.
    await page.goto(`${server.url}/admin/collections/comment-reports`)
    await page.locator('.table table').waitFor()
    await expectLinkTo(await targetLinkInRow(page, 'Mara Modul'), {
      href: `/admin/collections/modules/${module.id}`,
      text: 'Beteiligungsmodul: Stadtteilkonferenz (Titel)',
    })
    await page.screenshot({ fullPage: true, path: screenshotPath('words-comment-reports.png') })

    // The link leads to the entry.
    await (await targetLinkInRow(page, 'Mara Modul')).click()
    await page.waitForURL(`**/admin/collections/modules/${module.id}`)
    await page.locator('input[name="title"]').waitFor()
    expect(await page.inputValue('input[name="title"]')).toBe('Stadtteilkonferenz (Titel)')
    await context.close()
  })

  it('should name the rated entry by its title, linked, in the ratings and rating summaries lists', async () => {
    const module = await createModule(server.payload, { title: 'Zukunftswerkstatt (Titel)' })
    await rateModule({
      moduleId: module.id,
      serverUrl: server.url,
      values: { participation: 4, processPhase: 2 },
    })

    const { context, page } = await signIn()
    await page.goto(`${server.url}/admin/collections/ratings`)
    await page.locator('.table table').waitFor()
    const headings = await headingsOf(page)
    expect(headings).toEqual(expect.arrayContaining(['Eintrag', 'Werte > Partizipation']))
    expect(headings).not.toContain('Sammlung')
    await expectLinkTo(await targetLinkInRow(page, 'Zukunftswerkstatt (Titel)'), {
      href: `/admin/collections/modules/${module.id}`,
      text: 'Beteiligungsmodul: Zukunftswerkstatt (Titel)',
    })
    await page.screenshot({ fullPage: true, path: screenshotPath('words-ratings-list.png') })

    await page.goto(`${server.url}/admin/collections/rating-summaries`)
    await page.locator('.table table').waitFor()
    const summaryHeadings = await headingsOf(page)
    expect(summaryHeadings).toEqual(expect.arrayContaining(['Eintrag', 'Bewertet von']))
    await expectLinkTo(await targetLinkInRow(page, 'Zukunftswerkstatt (Titel)'), {
      href: `/admin/collections/modules/${module.id}`,
      text: 'Beteiligungsmodul: Zukunftswerkstatt (Titel)',
    })
    await page.screenshot({ fullPage: true, path: screenshotPath('words-rating-summaries.png') })
    await context.close()
  })
})

describe('target titles for visitors', () => {
  it('should name the entry in the confirmation mail, on the page its link opens and in the later mails', async () => {
    const title = `Stadtteilkonferenz „Miteinander“ ${++counter}`
    const module = await createModule(server.payload, { title })
    const email = `erika-titel-${counter}@example.test`
    // A page of the server's own origin (a member site's would be one of CORS_ORIGINS).
    const returnUrl = `${server.payload.config.serverURL}/beteiligung/stadtteilkonferenz`
    const submitted = await postComment<{ comment?: { id: number } }>({
      body: {
        authorName: 'Erika Titel',
        email,
        notifyOnApproval: true,
        returnUrl,
        targetId: module.id,
        text: 'Ich komme gern wieder.',
      },
      payload: server.payload,
      serverUrl: server.url,
    })
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(202)

    // The mail names the entry (its own quotation marks become the inner ones).
    const [confirmation] = mailsTo(await takeMails({ payload: server.payload, smtp }), email)
    const named = `Ihren Kommentar zu „Stadtteilkonferenz ‚Miteinander‘ ${counter}“`
    expect(confirmation?.text).toContain(named)
    expect(confirmation?.html).toContain(named)
    const link = linkIn({ mail: confirmation, pattern: CONFIRM_LINK, serverUrl: server.url })

    // The page the link opens, in a visitor's browser.
    const visitor = await browser.newContext({
      locale: 'de-DE',
      viewport: { height: 800, width: 800 },
    })
    const page = await visitor.newPage()
    await page.goto(link)
    const heading = `Ihr Kommentar zu „Stadtteilkonferenz ‚Miteinander‘ ${counter}“`
    await page.getByRole('heading', { level: 2, name: heading }).waitFor()
    expect(await page.locator('.subject .label').innerText()).toBe('Beteiligungsmodul')
    await page.screenshot({ fullPage: true, path: screenshotPath('words-confirm-page.png') })
    await page.getByRole('button', { name: 'Kommentar bestätigen' }).click()
    await page.getByRole('heading', { level: 1, name: 'Ihr Kommentar ist bestätigt' }).waitFor()
    // The result still says what it was about.
    await page.getByRole('heading', { level: 2, name: heading }).waitFor()
    await page.screenshot({ fullPage: true, path: screenshotPath('words-confirmed-page.png') })
    await visitor.close()

    // The moderators' notice names it too.
    const [notice] = mailsTo(
      await takeMails({ payload: server.payload, smtp }),
      'moderation@titel.test',
    )
    expect(notice?.text).toContain(
      `Eintrag: Beteiligungsmodul „Stadtteilkonferenz ‚Miteinander‘ ${counter}“`,
    )

    // An editor approves: the commenter hears about which entry, with the way back to the page.
    await server.payload.update({
      collection: 'comments',
      data: { status: 'approved' },
      id: submitted.body.comment!.id,
      overrideAccess: true,
    })
    const [approved] = mailsTo(await takeMails({ payload: server.payload, smtp }), email)
    expect(approved?.subject).toBe('Ihr Kommentar wurde freigeschaltet')
    expect(approved?.text).toContain(
      `Ihr Kommentar zu „Stadtteilkonferenz ‚Miteinander‘ ${counter}“ ist jetzt öffentlich sichtbar:`,
    )
    expect(approved?.text).toContain(`Zur Seite, auf der Sie kommentiert haben: ${returnUrl}`)
  })
})
