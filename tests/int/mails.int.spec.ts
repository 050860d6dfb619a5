/**
 * Mails as people expect them: every mail of the comments and event registration plugins is
 * multipart/alternative, a text part and an HTML part rendered from one description
 * (plugins/shared/mailTemplate.ts), so both say the same words and carry the same links. The
 * HTML is checked as a person with a screen reader or a dark-mode client meets it: its
 * language, one h1, link texts that say where they lead, no images, no hard-coded colours, and
 * everything visitors and editors wrote escaped. Real HTTP, PostgreSQL and SMTP receiver.
 */
import type { Payload } from 'payload'

import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import type { RunningServer } from '../../src/server/startServer'

import { renderHtml } from '../../plugins/shared/mailTemplate'
import { SEND_MAIL_TASK } from '../../plugins/shared/sendMailTask'
import { createModule, createOpenEvent, postComment, registerForEvent } from '../helpers/fixtures'
import { followLink, linkIn, takeMails } from '../helpers/mails'
import { startTestServer } from '../helpers/server'
import { mailsTo, type MimeEntity, mimeTreeOf, type ReceivedMail } from '../helpers/smtp'

// The config reads SMTP_URL and the moderators' addresses when it is imported.
const smtp = await vi.hoisted(async () => {
  const { startSmtpReceiver } = await import('../helpers/smtp')
  process.env.COMMENTS_MODERATOR_EMAILS = 'moderation@mails.test'
  process.env.EVENT_REGISTRATION_RATE_LIMIT_MAX = '0'
  return startSmtpReceiver()
})

const ACCESS_LINK = 'https://meet.mails.test/raum-7'
const COMMENT_CONFIRM_LINK =
  /http:\/\/localhost:\d+\/api\/comments\/confirm\?token=[A-Za-z0-9_-]{43}/
const CONFIRM_LINK = /http:\/\/localhost:\d+\/api\/registrations\/confirm\?token=[A-Za-z0-9_-]{43}/
const CANCEL_LINK = /http:\/\/localhost:\d+\/api\/registrations\/cancel\?token=[0-9a-f]{64}/
/** A title with its own quotation marks and characters HTML must escape. */
const TITLE = 'Fachgespräch „Grün & Blau“ <Stadt>'
const SCRIPT_NAME = 'Anna <script>alert(1)</script> Amsel'
/** An opening quotation mark before the previous one is closed: quotes nested in quotes. */
const NESTED_QUOTES = /„[^“]*„/

type LinkBody = { registration?: { status: string } }

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

const unescapeHtml = (value: string) =>
  value.replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_match, name: string) => ({ '#39': "'", amp: '&', gt: '>', lt: '<', quot: '"' })[name]!,
  )

/** What a reader of the HTML part sees: the body's text, tags removed, entities decoded. */
const visibleText = (html: string) =>
  unescapeHtml(
    html
      .replace(/<head>[\s\S]*<\/head>/i, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' '),
  ).trim()

/** The words of a text: runs of letters and digits (URLs become their parts). */
const wordsOf = (text: string) => [...new Set(text.match(/[\p{L}\p{N}]+/gu) ?? [])].sort()

const anchorsOf = (html: string) =>
  [...html.matchAll(/<a\s+href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)].map(([, href, text]) => ({
    href: unescapeHtml(href!),
    text: visibleText(text!),
  }))

const childTypes = (entity: MimeEntity) => entity.children.map((child) => child.contentType)

/** The multipart/alternative entity, wherever it sits (top level, or inside multipart/mixed). */
const alternativeOf = (entity: MimeEntity): MimeEntity | undefined =>
  entity.contentType === 'multipart/alternative'
    ? entity
    : entity.children.map(alternativeOf).find(Boolean)

/**
 * What every mail must be: text and HTML alternatives saying the same words; HTML in the
 * mail's language with one h1, no images, no hard-coded colours, descriptive link texts with
 * the address visible too, and nothing a visitor wrote left unescaped.
 */
const expectWellFormed = (
  mail: ReceivedMail | undefined,
  { language }: { language: 'de' | 'en' },
) => {
  expect(mail, 'mail received').toBeDefined()
  const { html, subject, text } = mail!
  expect(
    childTypes(alternativeOf(mimeTreeOf(mail!.raw)) ?? { children: [], contentType: '' }),
  ).toEqual(['text/plain', 'text/html'])
  expect(subject).not.toMatch(NESTED_QUOTES)
  expect(text).not.toMatch(NESTED_QUOTES)

  expect(html).toMatch(new RegExp(`<html lang="${language}">`))
  expect(html.match(/<h1[\s>]/g)).toHaveLength(1)
  expect(html).toContain('color-scheme: light dark')
  expect(html).not.toMatch(/<img|background|color:\s*#|bgcolor/i)
  expect(html).not.toMatch(/<script/i)

  // One template, two renderings: the same words (links included) in both parts.
  expect(wordsOf(visibleText(html))).toEqual(wordsOf(text))
  const anchors = anchorsOf(html)
  for (const { href, text: label } of anchors) {
    expect(text, 'every link of the HTML is in the text part').toContain(href)
    expect(label).not.toBe(href)
    expect(label).not.toMatch(/^(hier|here|klicken|click|link)\b/i)
    expect(visibleText(html), 'the address is visible for copying').toContain(href)
  }
  return { anchors, html, text }
}

const createEvent = async (overrides: Record<string, unknown> = {}) =>
  createOpenEvent(payload, {
    accessLink: ACCESS_LINK,
    title: `${TITLE} ${++counter}`,
    ...overrides,
  })

const register = (eventId: number, body: { email: string; name: string }, language = 'de-DE') =>
  registerForEvent({
    body,
    eventId,
    headers: { 'Accept-Language': language },
    serverUrl: server.url,
  })

const follow = (link: string) => followLink<LinkBody>({ link, serverUrl: server.url })

const longDate = (iso: string, language: 'de' | 'en') =>
  new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'de-DE', {
    dateStyle: 'long',
    timeZone: 'Europe/Berlin',
  }).format(new Date(iso))

describe('mails: comments', () => {
  it('should send the comment confirmation as text and HTML with the same link and the name escaped', async () => {
    const module = await createModule(payload, { title: 'Modul mit Post' })
    const email = `kommentar-${Date.now()}@mails.test`
    const response = await postComment({
      body: {
        authorName: SCRIPT_NAME,
        email,
        targetId: module.id,
        text: 'Gute Idee! <img src=x onerror=alert(1)>\nZweite Zeile.',
      },
      payload,
      serverUrl: server.url,
    })
    expect(response.status, JSON.stringify(response.body)).toBe(202)
    const [mail] = mailsTo(await takeMails({ payload, smtp }), email)
    const { anchors, html, text } = expectWellFormed(mail, { language: 'de' })
    expect(mail!.subject).toBe('Bitte bestätigen Sie Ihren Kommentar')
    expect(html).toMatch(/<h1[^>]*>Bitte bestätigen Sie Ihren Kommentar<\/h1>/)
    const link = linkIn({ mail, pattern: COMMENT_CONFIRM_LINK })
    expect(anchors).toEqual([{ href: link, text: 'Kommentar bestätigen' }])
    expect(html).toContain('Guten Tag Anna &lt;script&gt;alert(1)&lt;/script&gt; Amsel,')
    expect(text).toContain(`Guten Tag ${SCRIPT_NAME},`)
    expect(text).toMatch(/innerhalb von \d+ Stunden/)
  })

  it("should send moderators the comment's text quoted and escaped, with a link to review it", async () => {
    const module = await createModule(payload, { title: 'Modul zur Prüfung' })
    const email = `moderiert-${Date.now()}@mails.test`
    const commentText = 'Gute Idee! <img src=x onerror=alert(1)>\nZweite Zeile.'
    const response = await postComment<{ comment?: { id: number } }>({
      body: { authorName: SCRIPT_NAME, email, targetId: module.id, text: commentText },
      payload,
      serverUrl: server.url,
    })
    expect(response.status).toBe(202)
    const link = linkIn({
      mail: mailsTo(await takeMails({ payload, smtp }), email)[0],
      pattern: COMMENT_CONFIRM_LINK,
    })
    expect((await follow(link)).status).toBe(200)
    const [mail] = mailsTo(await takeMails({ payload, smtp }), 'moderation@mails.test')
    const { anchors, html, text } = expectWellFormed(mail, { language: 'de' })
    expect(anchors).toEqual([
      {
        href: expect.stringMatching(
          new RegExp(`/admin/collections/comments/${response.body.comment!.id}$`),
        ),
        text: 'Kommentar prüfen',
      },
    ])
    expect(html).toContain('<blockquote')
    expect(html).toMatch(/Gute Idee! &lt;img src=x onerror=alert\(1\)&gt;<br>\r?\nZweite Zeile\./)
    expect(text).toMatch(/^> Gute Idee! <img src=x onerror=alert\(1\)>\r?\n> Zweite Zeile\.$/m)
  })
})

describe('mails: event registration', () => {
  it('should send the confirm request with the same link in both parts and a subject without nested quotes', async () => {
    const event = await createEvent()
    const email = `anmeldung-${Date.now()}@mails.test`
    expect((await register(event.id, { email, name: SCRIPT_NAME })).status).toBe(202)
    const [mail] = mailsTo(await takeMails({ payload, smtp }), email)
    const { anchors, html, text } = expectWellFormed(mail, { language: 'de' })
    expect(mail!.subject).toBe(
      `Anmeldung bestätigen: ${event.title} – ${longDate(event.start, 'de')}`,
    )
    const confirm = linkIn({ mail, pattern: CONFIRM_LINK })
    const cancel = linkIn({ mail, pattern: CANCEL_LINK })
    expect(anchors).toEqual([
      { href: confirm, text: 'Anmeldung bestätigen' },
      { href: cancel, text: 'Abmelden' },
    ])
    expect(text).toContain(`Veranstaltung: ${event.title}`)
    expect(html).toContain('Fachgespräch „Grün &amp; Blau“ &lt;Stadt&gt;')
    expect(html).toContain('Anna &lt;script&gt;alert(1)&lt;/script&gt; Amsel')
    // When, as people say it: "Donnerstag, 7. Januar 2027, 10:00–12:00 Uhr".
    const start = /Wann: (.+)/.exec(text)?.[1]
    expect(start).toMatch(/^[A-Z][a-z]+tag|^Mittwoch/)
    expect(start).toMatch(/, \d{1,2}\. [A-ZÄÖÜ][a-zä]+ \d{4}, \d{2}:\d{2}–\d{2}:\d{2} Uhr$/)
    expect(html).toMatch(new RegExp(`<dd[^>]*>${start}</dd>`))
    expect(mail!.raw).not.toContain(ACCESS_LINK)
  })

  it('should send the confirmed mail as text and HTML with the .ics attached and the access link as its action', async () => {
    const event = await createEvent()
    const email = `bestaetigt-${Date.now()}@mails.test`
    expect((await register(event.id, { email, name: 'Bea Birke' })).status).toBe(202)
    const confirm = linkIn({
      mail: mailsTo(await takeMails({ payload, smtp }), email)[0],
      pattern: CONFIRM_LINK,
    })
    expect((await follow(confirm)).body.registration?.status).toBe('confirmed')
    const [mail] = mailsTo(await takeMails({ payload, smtp }), email)
    const { anchors, text } = expectWellFormed(mail, { language: 'de' })
    expect(mimeTreeOf(mail!.raw)).toEqual({
      children: [
        {
          children: [
            { children: [], contentType: 'text/plain' },
            { children: [], contentType: 'text/html' },
          ],
          contentType: 'multipart/alternative',
        },
        { children: [], contentType: 'text/calendar' },
      ],
      contentType: 'multipart/mixed',
    })
    expect(mail!.parts.find((part) => part.contentType === 'text/calendar')).toMatchObject({
      filename: 'termin.ics',
    })
    expect(mail!.subject).toBe(
      `Anmeldung bestätigt: ${event.title} – ${longDate(event.start, 'de')}`,
    )
    expect(anchors).toEqual([
      { href: ACCESS_LINK, text: 'An der Online-Veranstaltung teilnehmen' },
      { href: linkIn({ mail, pattern: CANCEL_LINK }), text: 'Abmelden' },
    ])
    expect(text).toContain('Den Termin für Ihren Kalender finden Sie im Anhang.')
  })

  it('should write the confirm request and the waiting-list mail in English for an English registrant', async () => {
    const event = await createEvent({ capacity: 1 })
    const first = `erste-${Date.now()}@mails.test`
    expect((await register(event.id, { email: first, name: 'Carla Cedern' })).status).toBe(202)
    expect(
      (
        await follow(
          linkIn({
            mail: mailsTo(await takeMails({ payload, smtp }), first)[0],
            pattern: CONFIRM_LINK,
          }),
        )
      ).status,
    ).toBe(200)
    await takeMails({ payload, smtp })

    const email = `waiting-${Date.now()}@mails.test`
    expect(
      (await register(event.id, { email, name: 'Emma English' }, 'en-GB,en;q=0.9')).status,
    ).toBe(202)
    const [request] = mailsTo(await takeMails({ payload, smtp }), email)
    const { anchors: requestAnchors, text: requestText } = expectWellFormed(request, {
      language: 'en',
    })
    expect(request!.subject).toBe(
      `Please confirm your registration: ${event.title} – ${longDate(event.start, 'en')}`,
    )
    expect(requestAnchors.map((anchor) => anchor.text)).toEqual([
      'Confirm registration',
      'Cancel registration',
    ])
    expect(requestText).toContain('Hello Emma English,')

    expect(
      (await follow(linkIn({ mail: request, pattern: CONFIRM_LINK }))).body.registration?.status,
    ).toBe('waitlisted')
    const [mail] = mailsTo(await takeMails({ payload, smtp }), email)
    const { anchors, html, text } = expectWellFormed(mail, { language: 'en' })
    expect(mail!.subject).toBe(`Waiting list: ${event.title} – ${longDate(event.start, 'en')}`)
    expect(html).toContain('>You are on the waiting list</h1>')
    expect(text).toContain(`Event: ${event.title}`)
    expect(anchors).toEqual([
      { href: linkIn({ mail, pattern: CANCEL_LINK }), text: 'Cancel registration' },
    ])
    expect(mail!.raw).not.toContain(ACCESS_LINK)
    expect(mail!.parts.some((part) => part.contentType === 'text/calendar')).toBe(false)
  })
})

describe('mails: outbox and renderer', () => {
  it('should still send a job queued without an HTML part, as text only', async () => {
    const to = `alt-${Date.now()}@mails.test`
    await payload.jobs.queue({
      input: { subject: 'Alter Auftrag', text: 'Nur Text.', to },
      queue: 'mail',
      task: SEND_MAIL_TASK as never,
    } as never)
    const [mail] = mailsTo(await takeMails({ payload, smtp }), to)
    expect(mimeTreeOf(mail!.raw)).toEqual({ children: [], contentType: 'text/plain' })
    expect(mail!.text.trim()).toBe('Nur Text.')
    expect(mail!.html).toBe('')
  })

  it('should link only web and mail addresses, and show anything else as text', () => {
    const html = renderHtml({
      action: { label: 'Teilnehmen', url: 'javascript:alert(1)' },
      footer: 'Quartiersnetz',
      language: 'de',
      links: [{ label: 'Schreiben', url: 'mailto:team@mails.test' }],
      subject: 'Test',
      title: 'Test',
    })
    expect(anchorsOf(html)).toEqual([{ href: 'mailto:team@mails.test', text: 'Schreiben' }])
    expect(html).not.toContain('href="javascript:')
  })
})
