/**
 * The pages that links in mails open (plugins/shared/linkPage.ts), and the way back: the
 * widgets send `returnUrl` (the member site's page) with a comment or registration; it is kept
 * only when it belongs to the server or an allowed member site, and the confirm and cancel
 * pages link back to it. Real HTTP against the production build, a real PostgreSQL, a real
 * SMTP receiver (the links come from the received mails) and, for reflow and focus, Chromium.
 */
import type { Payload } from 'payload'

import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import type { RunningServer } from '../../src/server/startServer'

import { ANONYMISE_REGISTRATIONS_TASK } from '../../plugins/event-registration'
import { launchChromium } from '../helpers/browser'
import {
  createModule,
  createOpenEvent,
  postComment,
  registerForEvent,
  registrationIdOf,
} from '../helpers/fixtures'
import { requestJson } from '../helpers/http'
import { followLink, linkIn, takeMails } from '../helpers/mails'
import { startTestServer } from '../helpers/server'
import { mailsTo } from '../helpers/smtp'

// The config reads these when it is imported: the receiver must be listening before that.
const smtp = await vi.hoisted(async () => {
  const { startSmtpReceiver } = await import('../helpers/smtp')
  process.env.CORS_ORIGINS = 'http://member.example'
  process.env.SITE_NAME = 'Netzwerk Stadtentwicklung Testland'
  // Several registrations and comments come from one address here; the limits have their own tests.
  process.env.EVENT_REGISTRATION_RATE_LIMIT_MAX = '0'
  process.env.COMMENTS_RATE_LIMIT_MAX = '0'
  process.env.COMMENTS_MIN_SUBMIT_SECONDS = '1'
  return startSmtpReceiver()
})

const SITE_NAME = 'Netzwerk Stadtentwicklung Testland'
const MEMBER_PAGE = 'http://member.example/veranstaltungen/netzwerktreffen?ansicht=liste#anmeldung'
const REGISTRATION_CONFIRM =
  /http:\/\/localhost:\d+\/api\/registrations\/confirm\?token=[A-Za-z0-9_-]{43}/
const REGISTRATION_CANCEL = /http:\/\/localhost:\d+\/api\/registrations\/cancel\?token=[0-9a-f]{64}/
const COMMENT_CONFIRM = /http:\/\/localhost:\d+\/api\/comments\/confirm\?token=[A-Za-z0-9_-]{43}/
const BACK_TO_REGISTRATION = 'Zurück zur Seite, auf der Sie sich angemeldet haben'
// Thursday 13 March 2031, 18:00–20:00 in Berlin (CET, before the change to summer time).
const START = '2031-03-13T17:00:00.000Z'
const END = '2031-03-13T19:00:00.000Z'

type ErrorBody = {
  errors?: { data?: { errors?: { message: string; path: string }[] }; message: string }[]
}
type LinkBody = ErrorBody & {
  message?: string
  position?: number
  registration?: { id: number; status: string }
  returnUrl?: null | string
}

let server: RunningServer
let payload: Payload
let counter = 0

beforeAll(async () => {
  server = await startTestServer()
  payload = server.payload
})

afterAll(async () => {
  await server?.stop()
  await smtp.stop()
})

beforeEach(() => {
  smtp.received.length = 0
})

/** A browser opening the link: GET, asking for HTML, German unless told. */
const openPage = async (link: string, language = 'de-DE') => {
  const response = await fetch(link, {
    headers: { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8', 'Accept-Language': language },
  })
  return { html: await response.text(), status: response.status }
}

/** The page's button: a form POST to the same address. */
const pressButton = async (link: string, language = 'de-DE') => {
  const response = await fetch(link, {
    body: '',
    headers: {
      Accept: 'text/html',
      'Accept-Language': language,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    method: 'POST',
  })
  return { html: await response.text(), status: response.status }
}

const h1Of = (html: string) => /<h1>([\s\S]*?)<\/h1>/.exec(html)?.[1]

/** What a checker like axe looks at first, asserted in the HTML itself. */
const expectAccessibleBasics = (html: string, language: 'de' | 'en') => {
  expect(html).toMatch(/^<!doctype html>/i)
  expect(html).toContain(`<html lang="${language}">`)
  expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">')
  expect(html).toMatch(/<title>[^<]+<\/title>/)
  expect(html.match(/<h1[\s>]/g)).toHaveLength(1)
  expect(html.match(/<main>/g)).toHaveLength(1)
  // Headings don't skip levels: an h2 only after the h1, nothing below h2.
  if (html.includes('<h2')) {
    expect(html.indexOf('<h2')).toBeGreaterThan(html.indexOf('<h1'))
  }
  expect(html).not.toMatch(/<h[3-6][\s>]/)
  // No scripts, no inline event handlers, no javascript: links.
  expect(html).not.toMatch(/<script/i)
  expect(html).not.toMatch(/\son[a-z]+\s*=/i)
  expect(html).not.toMatch(/href="\s*javascript:/i)
  // A button is a real button inside a form that posts; links have their own words.
  for (const button of html.match(/<button[^>]*>[\s\S]*?<\/button>/g) ?? []) {
    expect(button).toMatch(/^<button type="submit">[^<]+<\/button>$/)
  }
  if (html.includes('<button')) {
    expect(html).toMatch(/<form method="post" action="\?token=[^"]+">\s*<button type="submit">/)
  }
  for (const [, text] of html.matchAll(/<a [^>]*>([\s\S]*?)<\/a>/g)) {
    expect(text!.replace(/<[^>]+>/g, '').trim().length).toBeGreaterThan(3)
  }
  // Light and dark, reduced motion, a focus that shows.
  expect(html).toContain('prefers-color-scheme: dark')
  expect(html).toContain('prefers-reduced-motion')
  expect(html).toMatch(/:focus-visible \{ outline: 3px solid var\(--focus\)/)
}

const createEvent = async (overrides: Record<string, unknown> = {}) =>
  (
    await createOpenEvent(payload, {
      accessLink: 'https://meet.linkpages.test/raum',
      end: END,
      start: START,
      title: `Netzwerktreffen ${++counter}`,
      ...overrides,
    })
  ).id

const uniqueEmail = (name: string) => `${name}-${++counter}@linkpages.test`

const register = (
  eventId: number | string,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
) =>
  registerForEvent<ErrorBody>({
    body: { name: 'Anna Beispiel', ...body },
    eventId,
    headers,
    serverUrl: server.url,
  })

/** Registers (with the member site's page) and returns the links from the mail. */
const registerForLinks = async (
  eventId: number | string,
  {
    email = uniqueEmail('anna'),
    headers = {},
    returnUrl = MEMBER_PAGE,
  }: { email?: string; headers?: Record<string, string>; returnUrl?: null | string } = {},
) => {
  const registered = await register(
    eventId,
    { email, ...(returnUrl === null ? {} : { returnUrl }) },
    headers,
  )
  expect(registered.status, JSON.stringify(registered.body)).toBe(202)
  const mail = mailsTo(await takeMails({ payload, smtp }), email)[0]
  return {
    cancel: linkIn({ mail, pattern: REGISTRATION_CANCEL, serverUrl: server.url }),
    confirm: linkIn({ mail, pattern: REGISTRATION_CONFIRM, serverUrl: server.url }),
    email,
    id: await registrationIdOf(payload, { email, eventId }),
  }
}

const statusOf = async (id: number) =>
  (await payload.findByID({ collection: 'registrations', depth: 0, id })).status

describe('registration links: the confirm and cancel pages', () => {
  it('should show the network, the event with its Berlin time and the button without changing anything, then the seat and the way back', async () => {
    const title = `Netzwerktreffen „Grün & Blau“ ${++counter}`
    const eventId = await createEvent({ capacity: 1, title })
    const links = await registerForLinks(eventId)
    expect(
      (await payload.findByID({ collection: 'registrations', depth: 0, id: links.id })).returnUrl,
    ).toBe(MEMBER_PAGE)

    const page = await openPage(links.confirm)
    expect(page.status).toBe(200)
    expectAccessibleBasics(page.html, 'de')
    expect(page.html).toContain(`<header class="site">\n<p>${SITE_NAME}</p>\n</header>`)
    expect(h1Of(page.html)).toBe('Bitte bestätigen Sie Ihre Anmeldung')
    // The title stands on its own (escaped, its own quotation marks kept), with the date in Berlin time.
    expect(page.html).toContain(`<h2 id="subject">${title.replace('&', '&amp;')}</h2>`)
    expect(page.html).toContain('<p>Donnerstag, 13. März 2031, 18:00–20:00 Uhr</p>')
    expect(page.html).toContain('<button type="submit">Anmeldung bestätigen</button>')
    expect(page.html).toContain(
      `<a href="${MEMBER_PAGE}" rel="noreferrer"><span aria-hidden="true">← </span>${BACK_TO_REGISTRATION}</a>`,
    )
    expect(page.html).not.toMatch(/„[^“]*„/)
    // Opening it changed nothing (mail scanners open links too).
    expect(await statusOf(links.id)).toBe('pending')
    expect(await takeMails({ payload, smtp })).toHaveLength(0)

    const result = await pressButton(links.confirm)
    expect(result.status).toBe(200)
    expectAccessibleBasics(result.html, 'de')
    expect(h1Of(result.html)).toBe('Sie haben einen Platz')
    expect(result.html).toContain('Danke! Ihr Platz ist bestätigt.')
    expect(result.html).toContain(`<a href="${MEMBER_PAGE}" rel="noreferrer">`)
    expect(result.html).not.toContain('<button')
    expect(await statusOf(links.id)).toBe('confirmed')
    expect(
      mailsTo(await takeMails({ payload, smtp }), links.email).map((mail) => mail.subject),
    ).toEqual([expect.stringMatching(/^Anmeldung bestätigt: /)])

    // The link again: what became of it, and nothing happens twice.
    const again = await openPage(links.confirm)
    expect(again.status).toBe(200)
    expect(h1Of(again.html)).toBe('Schon bestätigt')
    expect(again.html).toContain('Ihre Anmeldung war schon bestätigt: Sie haben einen Platz.')
    expect(again.html).not.toContain('<button')
    const againJson = await followLink<LinkBody>({ link: links.confirm })
    expect(againJson).toMatchObject({
      body: { registration: { status: 'confirmed' }, returnUrl: MEMBER_PAGE },
      status: 200,
    })
    expect(await takeMails({ payload, smtp })).toHaveLength(0)
  })

  it('should tell the place on the waiting list: 1 for the second on a full event, 2 for the third, and move it up', async () => {
    const eventId = await createEvent({ capacity: 1 })
    const first = await registerForLinks(eventId)
    const second = await registerForLinks(eventId)
    const third = await registerForLinks(eventId)
    expect(h1Of((await pressButton(first.confirm)).html)).toBe('Sie haben einen Platz')

    const secondResult = await pressButton(second.confirm)
    expect(secondResult.status).toBe(200)
    expect(h1Of(secondResult.html)).toBe('Sie stehen auf der Warteliste an Stelle 1')
    expect(secondResult.html).toContain('class="result waiting"')
    expect(secondResult.html).toContain(BACK_TO_REGISTRATION)

    // JSON clients get the same, plus the position and the way back.
    const thirdResult = await followLink<LinkBody>({ link: third.confirm, method: 'POST' })
    expect(thirdResult.status).toBe(200)
    expect(thirdResult.body).toMatchObject({
      position: 2,
      registration: { id: third.id, status: 'waitlisted' },
      returnUrl: MEMBER_PAGE,
    })
    expect(h1Of((await openPage(third.confirm)).html)).toBe('Schon bestätigt')
    expect((await openPage(third.confirm)).html).toContain(
      'Sie stehen auf der Warteliste an Stelle 2.',
    )
    expect((await openPage(third.cancel)).html).toContain(
      'Sie stehen dann nicht mehr auf der Warteliste (zurzeit an Stelle 2).',
    )

    // The first cancels: the second moves up, the third is now first in line.
    const cancelPage = await openPage(first.cancel)
    expect(h1Of(cancelPage.html)).toBe('Möchten Sie sich abmelden?')
    expect(cancelPage.html).toContain('<button type="submit">Abmelden</button>')
    const cancelled = await pressButton(first.cancel)
    expect(cancelled.status).toBe(200)
    expectAccessibleBasics(cancelled.html, 'de')
    expect(h1Of(cancelled.html)).toBe('Sie sind abgemeldet')
    expect(cancelled.html).toContain('Ihr Platz ist wieder frei.')
    expect(cancelled.html).toContain(BACK_TO_REGISTRATION)
    expect(await statusOf(second.id)).toBe('confirmed')
    expect((await openPage(third.confirm)).html).toContain(
      'Sie stehen auf der Warteliste an Stelle 1.',
    )
    expect(h1Of((await openPage(first.cancel)).html)).toBe('Schon abgemeldet')
    await takeMails({ payload, smtp })
  })

  it("should write the pages in the registrant's language, whatever the browser asks for", async () => {
    const eventId = await createEvent()
    const links = await registerForLinks(eventId, {
      headers: { 'Accept-Language': 'en-GB,en;q=0.9' },
    })
    const page = await openPage(links.confirm, 'de-DE')
    expectAccessibleBasics(page.html, 'en')
    expect(h1Of(page.html)).toBe('Please confirm your registration')
    expect(page.html).toMatch(/<p>Thursday,? 13 March 2031, 18:00–20:00<\/p>/)
    expect(page.html).toContain('<button type="submit">Confirm registration</button>')
    expect(page.html).toContain('Back to the page where you registered</a>')
    const result = await pressButton(links.confirm, 'de-DE')
    expect(h1Of(result.html)).toBe('You have a seat')
    expect(result.html).toContain('<html lang="en">')
    await takeMails({ payload, smtp })
  })

  it('should say what to do when a link has expired, is unknown, or the event has begun, and show no back link without a returnUrl', async () => {
    const eventId = await createEvent()
    const expired = await registerForLinks(eventId)
    await payload.update({
      collection: 'registrations',
      data: { confirmExpiresAt: new Date(Date.now() - 60_000).toISOString() } as never,
      id: expired.id,
    })
    const expiredPage = await openPage(expired.confirm)
    expect(expiredPage.status).toBe(410)
    expectAccessibleBasics(expiredPage.html, 'de')
    expect(h1Of(expiredPage.html)).toBe('Der Link ist abgelaufen')
    expect(expiredPage.html).toContain('Bitte melden Sie sich erneut an.')
    // The way back is where one registers again.
    expect(expiredPage.html).toContain(BACK_TO_REGISTRATION)
    expect((await pressButton(expired.confirm)).status).toBe(410)
    expect(await statusOf(expired.id)).toBe('pending')

    const unknown = await openPage(
      `${server.url}/api/registrations/confirm?token=${'A'.repeat(43)}`,
    )
    expect(unknown.status).toBe(404)
    expectAccessibleBasics(unknown.html, 'de')
    expect(h1Of(unknown.html)).toBe('Dieser Link funktioniert nicht')
    expect(unknown.html).toContain('ganzen Link aus der E-Mail')
    expect(unknown.html).not.toContain('<a ')

    const withoutWayBack = await registerForLinks(eventId, { returnUrl: null })
    const plain = await openPage(withoutWayBack.confirm)
    expect(plain.status).toBe(200)
    expect(plain.html).not.toContain('<a ')
    expect((await followLink<LinkBody>({ link: withoutWayBack.confirm })).body.returnUrl).toBeNull()

    // The event has begun meanwhile: no confirming, no cancelling.
    const late = await registerForLinks(eventId)
    await payload.update({
      collection: 'events',
      data: {
        end: new Date(Date.now() + 3_600_000).toISOString(),
        start: new Date(Date.now() - 60_000).toISOString(),
      } as never,
      id: eventId,
    })
    const latePage = await pressButton(late.confirm)
    expect(latePage.status).toBe(409)
    expect(h1Of(latePage.html)).toBe('Die Veranstaltung hat schon begonnen')
    expect(await statusOf(late.id)).toBe('pending')
    const lateCancel = await openPage(withoutWayBack.cancel)
    expect(lateCancel.status).toBe(409)
    expect(lateCancel.html).toContain('Eine Abmeldung ist nicht mehr nötig.')
    await takeMails({ payload, smtp })
  })
})

describe('the way back: returnUrl', () => {
  it.each([
    ['another origin', 'https://evil.example/seite'],
    ['a look-alike host', 'http://member.example.evil.test/seite'],
    ['another port', 'http://member.example:8080/seite'],
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['data:', 'data:text/html,<h1>hi</h1>'],
    ['credentials', 'http://user:secret@member.example/seite'],
    ['a relative address', '/veranstaltungen'],
    ['more than 2,000 characters', `http://member.example/${'a'.repeat(2000)}`],
  ])('should refuse %s with a 400 naming the field and store nothing', async (_case, returnUrl) => {
    const eventId = await createEvent()
    const email = uniqueEmail('abgelehnt')
    const response = await register(eventId, { email, returnUrl })
    expect(response.status).toBe(400)
    expect(response.body.errors?.[0]?.message).toContain('Adresse der Seite (returnUrl)')
    expect(response.body.errors?.[0]?.data?.errors).toEqual([
      { message: expect.stringContaining('Adresse der Seite'), path: 'returnUrl' },
    ])
    expect(
      (await payload.count({ collection: 'registrations', where: { event: { equals: eventId } } }))
        .totalDocs,
    ).toBe(0)
    expect(await takeMails({ payload, smtp })).toHaveLength(0)
  })

  it("should refuse it in the request's language, and accept the server's own pages", async () => {
    const eventId = await createEvent()
    const english = await register(
      eventId,
      { email: uniqueEmail('en'), returnUrl: 'https://evil.example/' },
      { 'Accept-Language': 'en' },
    )
    expect(english.status).toBe(400)
    expect(english.body.errors?.[0]?.message).toContain(
      '"Page address (returnUrl)" must be the http or https address',
    )
    const ownEmail = uniqueEmail('eigen')
    const own = await register(eventId, {
      email: ownEmail,
      returnUrl: `${process.env.SERVER_URL}/veranstaltungen`,
    })
    expect(own.status).toBe(202)
    expect(
      (
        await payload.findByID({
          collection: 'registrations',
          depth: 0,
          id: await registrationIdOf(payload, { email: ownEmail, eventId }),
        })
      ).returnUrl,
    ).toBe(`${process.env.SERVER_URL}/veranstaltungen`)
    await takeMails({ payload, smtp })
  })

  it('should erase it with the personal data after the retention period', async () => {
    const eventId = await createEvent()
    const links = await registerForLinks(eventId)
    await payload.update({
      collection: 'events',
      data: {
        end: new Date(Date.now() - 40 * 86_400_000).toISOString(),
        start: new Date(Date.now() - 40 * 86_400_000 - 3_600_000).toISOString(),
      } as never,
      id: eventId,
    })
    await payload.jobs.queue({
      input: {},
      queue: 'link-pages',
      task: ANONYMISE_REGISTRATIONS_TASK as never,
    } as never)
    await payload.jobs.run({ queue: 'link-pages' })
    const erased = await payload.findByID({ collection: 'registrations', depth: 0, id: links.id })
    expect(erased).toMatchObject({ email: null, name: null, returnUrl: null })
    expect(erased.anonymisedAt).toBeTruthy()
  })
})

describe('comment links: the confirm page', () => {
  const submitComment = (body: Record<string, unknown>) =>
    postComment<ErrorBody & { comment?: { id: number } }>({
      body: { authorName: 'Erika', text: 'Gute Idee!', ...body },
      payload,
      serverUrl: server.url,
    })

  it('should name the module, quote the comment and link back after confirming', async () => {
    const number = ++counter
    const module = await createModule(payload, {
      title: `Stadtteilkonferenz „Miteinander“ ${number}`,
    })
    const email = uniqueEmail('erika')
    const returnUrl = 'http://member.example/beteiligung/stadtteilkonferenz'
    const submitted = await submitComment({
      email,
      returnUrl,
      targetId: module.id,
      text: 'Gute Idee! <b>Wirklich</b>\nZweite Zeile.',
    })
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(202)
    const commentId = submitted.body.comment!.id
    expect(
      (
        await payload.findByID({
          collection: 'comments',
          depth: 0,
          id: commentId,
          overrideAccess: true,
        })
      ).returnUrl,
    ).toBe(returnUrl)
    const link = linkIn({
      mail: mailsTo(await takeMails({ payload, smtp }), email)[0],
      pattern: COMMENT_CONFIRM,
      serverUrl: server.url,
    })

    const page = await openPage(link)
    expect(page.status).toBe(200)
    expectAccessibleBasics(page.html, 'de')
    expect(page.html).toContain(`<p>${SITE_NAME}</p>`)
    expect(h1Of(page.html)).toBe('Bitte bestätigen Sie Ihren Kommentar')
    expect(page.html).toContain('<p class="label">Beteiligungsmodul</p>')
    // The module's own quotation marks become the inner ones: never „…„…“…“.
    expect(page.html).toContain(
      `<h2 id="subject">Ihr Kommentar zu „Stadtteilkonferenz ‚Miteinander‘ ${number}“</h2>`,
    )
    expect(page.html).toContain(
      '<blockquote><p>Gute Idee! &lt;b&gt;Wirklich&lt;/b&gt;\nZweite Zeile.</p></blockquote>',
    )
    expect(page.html).toContain('<button type="submit">Kommentar bestätigen</button>')
    expect(
      (await payload.findByID({ collection: 'comments', id: commentId, overrideAccess: true }))
        .isConfirmed,
    ).toBe(false)

    const result = await pressButton(link)
    expect(result.status).toBe(200)
    expectAccessibleBasics(result.html, 'de')
    expect(h1Of(result.html)).toBe('Ihr Kommentar ist bestätigt')
    expect(result.html).toContain(
      'Danke! Ihre E-Mail-Adresse ist bestätigt. Die Redaktion prüft Ihren Kommentar, bevor er erscheint.',
    )
    expect(result.html).toContain(
      `<a href="${returnUrl}" rel="noreferrer"><span aria-hidden="true">← </span>Zurück zur Seite, auf der Sie kommentiert haben</a>`,
    )
    expect(
      (await payload.findByID({ collection: 'comments', id: commentId, overrideAccess: true }))
        .isConfirmed,
    ).toBe(true)

    const again = await openPage(link)
    expect(again.status).toBe(200)
    expect(h1Of(again.html)).toBe('Schon bestätigt')
    expect(again.html).toContain(
      'Ihr Kommentar war schon bestätigt. Die Redaktion prüft ihn, bevor er erscheint.',
    )
    expect(again.html).not.toContain('<button')
    await takeMails({ payload, smtp })
  })

  it("should refuse a returnUrl that isn't an allowed web address, store nothing, and keep it from the public", async () => {
    const module = await createModule(payload, { title: `Modul ${++counter}` })
    const before = (await payload.count({ collection: 'comments' })).totalDocs
    const refused = await submitComment({
      email: uniqueEmail('js'),
      returnUrl: 'javascript:alert(1)',
      targetId: module.id,
    })
    expect(refused.status).toBe(400)
    expect(refused.body.errors?.[0]?.data?.errors?.[0]?.path).toBe('returnUrl')
    expect((await payload.count({ collection: 'comments' })).totalDocs).toBe(before)

    // Approved and public, the comment's page address is not: not readable, not filterable.
    const email = uniqueEmail('oeffentlich')
    const accepted = await submitComment({
      email,
      returnUrl: 'http://member.example/modul',
      targetId: module.id,
    })
    const link = linkIn({
      mail: mailsTo(await takeMails({ payload, smtp }), email)[0],
      pattern: COMMENT_CONFIRM,
      serverUrl: server.url,
    })
    expect((await followLink({ link, method: 'POST' })).status).toBe(200)
    await payload.update({
      collection: 'comments',
      data: { status: 'approved' },
      id: accepted.body.comment!.id,
      overrideAccess: true,
    })
    const publicRead = await requestJson<{ returnUrl?: string; text?: string }>(
      `${server.url}/api/comments/${accepted.body.comment!.id}`,
    )
    expect(publicRead.status).toBe(200)
    expect(publicRead.body.text).toBe('Gute Idee!')
    expect(publicRead.body).not.toHaveProperty('returnUrl')
    const filtered = await requestJson(`${server.url}/api/comments?where[returnUrl][exists]=true`)
    expect(filtered.status).not.toBe(200)
    await takeMails({ payload, smtp })
  })
})

describe('the pages in a browser', () => {
  it('should reflow at 320 CSS pixels without horizontal scrolling and show the focus on the button', async () => {
    const eventId = await createEvent({
      title: `Ein sehr langer Veranstaltungstitel mit Donaudampfschifffahrtsgesellschaftskapitänsmütze ${++counter}`,
    })
    const links = await registerForLinks(eventId)
    const browser = await launchChromium()
    try {
      for (const colorScheme of ['light', 'dark'] as const) {
        // 1280 px at 400 % zoom (WCAG 1.4.10).
        const context = await browser.newContext({
          colorScheme,
          locale: 'de-DE',
          reducedMotion: 'reduce',
          viewport: { height: 640, width: 320 },
        })
        const page = await context.newPage()
        await page.goto(links.confirm)
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          320,
        )
        const colours = await page.evaluate(() => {
          const body = getComputedStyle(document.body)
          return { background: body.backgroundColor, text: body.color }
        })
        expect(colours).toEqual(
          colorScheme === 'dark'
            ? { background: 'rgb(20, 23, 26)', text: 'rgb(230, 233, 236)' }
            : { background: 'rgb(255, 255, 255)', text: 'rgb(31, 41, 51)' },
        )
        await page.keyboard.press('Tab')
        const focused = await page.evaluate(() => {
          const element = document.activeElement as HTMLElement
          const style = getComputedStyle(element)
          return {
            outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
            tag: element.tagName,
          }
        })
        expect(focused).toEqual({ outline: 'solid 3px rgb(255, 191, 71)', tag: 'BUTTON' })
        await context.close()
      }
    } finally {
      await browser.close()
    }
    expect(await statusOf(links.id)).toBe('pending')
  })
})
