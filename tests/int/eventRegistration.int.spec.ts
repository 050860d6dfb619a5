/**
 * The event registration plugin (plugins/event-registration) as visitors and websites use it:
 * real HTTP against the production build, a real PostgreSQL and a real SMTP receiver. Double
 * opt-in from the link in the received mail, seats and waiting list, promotion on cancel, the
 * .ics read by an independent parser, a parallel burst of confirmations, refusals that store
 * nothing, and the access link that only confirmed registrants ever see.
 */
import type { Payload } from 'payload'

import ICAL from 'ical.js'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import type { RunningServer } from '../../src/server/startServer'

import { PURGE_UNCONFIRMED_REGISTRATIONS_TASK } from '../../plugins/event-registration'
import { confirmTokenHashOf } from '../../plugins/event-registration/lib/tokens'
import { issueVisitorToken } from '../../plugins/shared/visitorToken'
import { createOpenEvent, registerForEvent } from '../helpers/fixtures'
import { requestJson } from '../helpers/http'
import { deliverMails, followLink, linkIn } from '../helpers/mails'
import { startTestServer } from '../helpers/server'
import { mailsTo, type ReceivedMail } from '../helpers/smtp'

// The config reads SMTP_URL when it is imported: the receiver must be listening before that.
const smtp = await vi.hoisted(async () => {
  const { startSmtpReceiver } = await import('../helpers/smtp')
  // This file registers many times from one address; the limit has its own test.
  process.env.EVENT_REGISTRATION_RATE_LIMIT_MAX = '0'
  return startSmtpReceiver()
})

const ACCESS_LINK = 'https://meet.registration.test/geheimer-raum-4711'
const CONFIRM_LINK = /http:\/\/localhost:\d+\/api\/registrations\/confirm\?token=[A-Za-z0-9_-]{43}/
const CANCEL_LINK = /http:\/\/localhost:\d+\/api\/registrations\/cancel\?token=[0-9a-f]{64}/

type ErrorBody = { errors?: { message: string }[] }
type RegisterBody = ErrorBody & {
  message?: string
  registration?: { id?: number; status: string }
}
type LinkBody = ErrorBody & {
  message?: string
  promoted?: null | number
  registration?: { id: number; status: string }
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

const follow = (link: string) => followLink<LinkBody>({ link })

type EventOverrides = Record<string, unknown> & { draft?: boolean }

const createEvent = async ({ draft = false, ...overrides }: EventOverrides = {}) =>
  (
    await createOpenEvent(payload, {
      _status: draft ? 'draft' : 'published',
      accessLink: ACCESS_LINK,
      title: `Anmeldeveranstaltung ${++counter}`,
      ...overrides,
    })
  ).id

const register = (eventId: number | string, body: Record<string, unknown>) =>
  registerForEvent<RegisterBody>({ body, eventId, serverUrl: server.url })

const registrationsOf = async (eventId: number | string) =>
  (
    await payload.find({
      collection: 'registrations',
      depth: 0,
      limit: 0,
      pagination: false,
      sort: 'createdAt',
      where: { event: { equals: eventId } },
    })
  ).docs

/** Registers and confirms through the links in the mails; returns the mails of the confirmation. */
const registerAndConfirm = async (eventId: number | string, email: string, name: string) => {
  expect((await register(eventId, { email, name })).status).toBe(202)
  const confirmMail = mailsTo(await deliverMails({ payload, smtp }), email)[0]
  smtp.received.length = 0
  const confirmed = await follow(
    linkIn({ mail: confirmMail, pattern: CONFIRM_LINK, serverUrl: server.url }),
  )
  const mails = mailsTo(await deliverMails({ payload, smtp }), email)
  smtp.received.length = 0
  return { confirmMail, confirmed, mails }
}

const icsOf = (mail: ReceivedMail | undefined) => {
  const part = mail?.parts.find((candidate) => candidate.contentType === 'text/calendar')
  if (!part) {
    return undefined
  }
  return new ICAL.Event(new ICAL.Component(ICAL.parse(part.body)).getFirstSubcomponent('vevent')!)
}

describe('event registration: double opt-in, seats, waiting list', () => {
  it('should confirm through the mailed link and send an .ics and the access link only to the confirmed', async () => {
    const start = new Date(Date.now() + 20 * 86_400_000)
    start.setUTCSeconds(0, 0)
    const eventId = await createEvent({
      capacity: 1,
      customQuestions: [
        {
          key: 'organisation',
          label: 'Organisation',
          required: true,
          type: 'text',
        },
      ],
      start: start.toISOString(),
    })

    const missing = await register(eventId, {
      email: 'anna@registration.test',
      name: 'Anna',
    })
    expect(missing.status).toBe(400)

    const registered = await register(eventId, {
      answers: { organisation: 'Stadt Essen' },
      email: 'Anna@Registration.test',
      name: 'Anna',
    })
    expect(registered.status).toBe(202)
    expect(registered.body.registration?.status).toBe('pending')
    const [confirmMail] = mailsTo(await deliverMails({ payload, smtp }), 'anna@registration.test')
    expect(confirmMail?.text).toMatch(CONFIRM_LINK)
    expect(confirmMail?.raw).not.toContain(ACCESS_LINK)
    smtp.received.length = 0

    const confirmed = await follow(
      linkIn({ mail: confirmMail, pattern: CONFIRM_LINK, serverUrl: server.url }),
    )
    expect(confirmed.status).toBe(200)
    expect(confirmed.body.registration?.status).toBe('confirmed')
    const [confirmedMail] = mailsTo(await deliverMails({ payload, smtp }), 'anna@registration.test')
    expect(confirmedMail?.text).toContain(ACCESS_LINK)
    expect(confirmedMail?.text).toMatch(CANCEL_LINK)
    const ics = icsOf(confirmedMail)
    expect(ics?.summary).toBe(`Anmeldeveranstaltung ${counter}`)
    // The method its Content-Type names (RFC 6047): an entry to add, not an invitation.
    const calendarPart = confirmedMail?.parts.find((part) => part.contentType === 'text/calendar')
    expect(calendarPart?.body).toMatch(/\r\nMETHOD:PUBLISH\r\n/)
    expect(ics?.startDate.toJSDate().toISOString()).toBe(start.toISOString())

    // The same link again: it says what became of the registration and does nothing twice.
    smtp.received.length = 0
    const again = await follow(
      linkIn({ mail: confirmMail, pattern: CONFIRM_LINK, serverUrl: server.url }),
    )
    expect(again.status).toBe(200)
    expect(again.body.registration?.status).toBe('confirmed')
    expect(again.body.message).toContain('schon bestätigt')
    expect(mailsTo(await deliverMails({ payload, smtp }), 'anna@registration.test')).toHaveLength(0)

    const stored = (await registrationsOf(eventId))[0]
    expect(stored).toMatchObject({
      answers: { organisation: 'Stadt Essen' },
      email: 'anna@registration.test',
      status: 'confirmed',
    })
    expect(stored?.consent?.version).toBeTruthy()
  })

  it('should put the second person on the waiting list without the access link and promote them when a seat is freed', async () => {
    const eventId = await createEvent({ capacity: 1 })
    const first = await registerAndConfirm(eventId, 'erste@registration.test', 'Erste')
    expect(first.confirmed.body.registration?.status).toBe('confirmed')

    const second = await registerAndConfirm(eventId, 'zweite@registration.test', 'Zweite')
    expect(second.confirmed.status).toBe(200)
    expect(second.confirmed.body.registration?.status).toBe('waitlisted')
    expect(second.mails).toHaveLength(1)
    expect(second.mails[0]?.subject).toContain('Warteliste')
    expect(second.mails[0]?.raw).not.toContain(ACCESS_LINK)
    expect(icsOf(second.mails[0])).toBeUndefined()

    const counts = await requestJson<{
      seatsTaken?: number
      waitingCount?: number
    }>(`${server.url}/api/events/${eventId}`)
    expect(counts.body).toMatchObject({ seatsTaken: 1, waitingCount: 1 })

    const cancelled = await follow(
      linkIn({ mail: first.mails[0], pattern: CANCEL_LINK, serverUrl: server.url }),
    )
    expect(cancelled.status).toBe(200)
    expect(cancelled.body.registration?.status).toBe('cancelled')
    const mails = await deliverMails({ payload, smtp })
    const [promotedMail] = mailsTo(mails, 'zweite@registration.test')
    expect(promotedMail?.subject).toContain('frei geworden')
    expect(promotedMail?.text).toContain(ACCESS_LINK)
    expect(icsOf(promotedMail)).toBeDefined()
    expect(mailsTo(mails, 'erste@registration.test')).toHaveLength(1)
    expect((await registrationsOf(eventId)).map((registration) => registration.status)).toEqual([
      'cancelled',
      'confirmed',
    ])
  })

  it('should refuse a confirmation with 409 when the event is full and has no waiting list', async () => {
    const eventId = await createEvent({ capacity: 1, hasWaitingList: false })
    await registerAndConfirm(eventId, 'platz@registration.test', 'Platz')
    const late = await registerAndConfirm(eventId, 'zu-spaet@registration.test', 'Spät')
    expect(late.confirmed.status).toBe(409)
    expect(late.mails).toHaveLength(0)
    expect((await registrationsOf(eventId)).map((registration) => registration.status)).toEqual([
      'confirmed',
      'pending',
    ])
  })
})

describe('event registration: links opened by mail scanners', () => {
  it("should change nothing when a link is merely opened in a browser, and act on the page's button (POST)", async () => {
    const eventId = await createEvent()
    const email = 'scanner@registration.test'
    expect((await register(eventId, { email, name: 'Scanner Sabine' })).status).toBe(202)
    const confirmLink = linkIn({
      mail: mailsTo(await deliverMails({ payload, smtp }), email)[0],
      pattern: CONFIRM_LINK,
      serverUrl: server.url,
    })
    smtp.received.length = 0
    // What a link scanner or a browser does: GET, asking for HTML.
    const page = await fetch(confirmLink, {
      headers: { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
    })
    const html = await page.text()
    expect(page.status).toBe(200)
    expect(html).toContain('<form method="post" action="?token=')
    expect(html).toContain('Anmeldung bestätigen</button>')
    expect(html).toContain('<h1>Bitte bestätigen Sie Ihre Anmeldung</h1>')
    expect(html).toMatch(/<h2 id="subject">Anmeldeveranstaltung \d+<\/h2>/)
    expect((await registrationsOf(eventId))[0]?.status).toBe('pending')
    // The button: a form POST to the same address.
    const posted = await fetch(confirmLink, {
      body: '',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      method: 'POST',
    })
    expect(posted.status).toBe(200)
    expect(await posted.text()).toContain('Ihr Platz ist bestätigt')
    expect((await registrationsOf(eventId))[0]?.status).toBe('confirmed')
    const cancelLink = linkIn({
      mail: mailsTo(await deliverMails({ payload, smtp }), email)[0],
      pattern: CANCEL_LINK,
      serverUrl: server.url,
    })
    const cancelPage = await (await fetch(cancelLink)).text()
    expect(cancelPage).toContain('Abmelden</button>')
    expect((await registrationsOf(eventId))[0]?.status).toBe('confirmed')
    expect((await fetch(cancelLink, { method: 'POST' })).status).toBe(200)
    expect((await registrationsOf(eventId))[0]?.status).toBe('cancelled')
    expect(await (await fetch(cancelLink)).text()).toContain('bereits storniert')
    expect(
      mailsTo(await deliverMails({ payload, smtp }), email).map((mail) => mail.subject),
    ).toEqual([
      expect.stringMatching(/^Anmeldung bestätigt: /),
      expect.stringMatching(/^Abmeldung: /),
    ])
  })
})

describe('event registration: refusals store nothing', () => {
  it.each([
    ['closed', { registrationOpen: false }, 409],
    [
      'after the deadline',
      {
        registration: { deadline: new Date(Date.now() - 2 * 86_400_000).toISOString() },
      },
      409,
    ],
    [
      'a past event',
      {
        end: new Date(Date.now() - 3_600_000).toISOString(),
        start: new Date(Date.now() - 7_200_000).toISOString(),
      },
      409,
    ],
    ['an unpublished event', { draft: true }, 404],
  ] as const)('should refuse a registration for %s', async (_label, overrides, status) => {
    const eventId = await createEvent(overrides as EventOverrides)
    const response = await register(eventId, {
      email: 'abgelehnt@registration.test',
      name: 'Abgelehnt',
    })
    expect(response.status).toBe(status)
    expect(response.body.errors?.[0]?.message).toBeTruthy()
    expect(await registrationsOf(eventId)).toHaveLength(0)
    expect(await deliverMails({ payload, smtp })).toHaveLength(0)
  })

  it('should accept a registration on the deadline day itself', async () => {
    const eventId = await createEvent({
      registration: { deadline: new Date().toISOString() },
    })
    expect(
      (
        await register(eventId, {
          email: 'heute@registration.test',
          name: 'Heute',
        })
      ).status,
    ).toBe(202)
  })

  it('should refuse an unknown event with 404 and a missing consent with 400', async () => {
    expect((await register(999_999, { email: 'x@registration.test', name: 'X' })).status).toBe(404)
    const eventId = await createEvent()
    expect(
      (
        await register(eventId, {
          consent: false,
          email: 'x@registration.test',
          name: 'X',
        })
      ).status,
    ).toBe(400)
    // Answers that are no object of answers: said in words, not in the validator's ("record").
    const wrongAnswers = await register(eventId, {
      answers: 'Stadt Essen',
      consent: true,
      email: 'x@registration.test',
      name: 'X',
    })
    expect(wrongAnswers.status).toBe(400)
    expect(JSON.stringify(wrongAnswers.body)).toContain(
      '„Antworten“ hat die falsche Form (erwartet: ein Objekt).',
    )
    expect(await registrationsOf(eventId)).toHaveLength(0)
  })

  it('should answer a second registration of an address as the first, and tell only its mailbox, once a day', async () => {
    const eventId = await createEvent()
    const first = await register(eventId, { email: 'doppelt@registration.test', name: 'Doppelt' })
    expect(first.status).toBe(202)
    const [confirmMail] = mailsTo(
      await deliverMails({ payload, smtp }),
      'doppelt@registration.test',
    )
    expect(confirmMail?.subject).toMatch(/^Anmeldung bestätigen: /)
    smtp.received.length = 0
    // Anyone may try an address: the answer is the same bytes, so it says nothing about it.
    const again = await register(eventId, { email: 'DOPPELT@registration.test', name: 'Jemand' })
    expect(again.status).toBe(202)
    expect(again.body).toEqual(first.body)
    expect(JSON.stringify(again.body)).not.toMatch(/"id"/)
    expect(await registrationsOf(eventId)).toHaveLength(1)
    const [note] = mailsTo(await deliverMails({ payload, smtp }), 'doppelt@registration.test')
    expect(note?.subject).toMatch(/^Sie sind bereits angemeldet: /)
    // The registrant's own name, the state of their registration and their cancel link.
    expect(note?.text).toContain('Guten Tag Doppelt,')
    expect(note?.text).toContain('Ihre erste Anmeldung wartet noch auf Ihre Bestätigung')
    expect(note?.text).toMatch(CANCEL_LINK)
    smtp.received.length = 0
    // Again the same day: no second note (a mailbox is not flooded through the form).
    expect(
      (await register(eventId, { email: 'doppelt@registration.test', name: 'X' })).status,
    ).toBe(202)
    expect(mailsTo(await deliverMails({ payload, smtp }), 'doppelt@registration.test')).toEqual([])
  })
})

describe('event registration: privacy', () => {
  it('should never show the access link through the public REST or GraphQL API', async () => {
    const eventId = await createEvent()
    const single = await requestJson(`${server.url}/api/events/${eventId}?depth=3`)
    expect(single.status).toBe(200)
    expect(JSON.stringify(single.body)).not.toContain(ACCESS_LINK)
    const selected = await requestJson(
      `${server.url}/api/events/${eventId}?select[accessLink]=true`,
    )
    expect(JSON.stringify(selected.body)).not.toContain(ACCESS_LINK)
    const byLink = await requestJson<{ docs?: unknown[] }>(
      `${server.url}/api/events?where[accessLink][equals]=${encodeURIComponent(ACCESS_LINK)}&limit=100`,
    )
    expect(JSON.stringify(byLink.body)).not.toContain(ACCESS_LINK)
    expect(byLink.body.docs ?? []).toHaveLength(0)
    const graphql = await requestJson(`${server.url}/api/graphql`, {
      body: { query: `{ Event(id: ${eventId}) { accessLink title } }` },
      method: 'POST',
    })
    expect(JSON.stringify(graphql.body)).not.toContain(ACCESS_LINK)
  })

  it('should not let the public read registrations', async () => {
    const eventId = await createEvent()
    expect(
      (
        await register(eventId, {
          email: 'privat@registration.test',
          name: 'Privat',
        })
      ).status,
    ).toBe(202)
    const list = await requestJson(`${server.url}/api/registrations`)
    expect(list.status).toBe(403)
    expect(JSON.stringify(list.body)).not.toContain('privat@registration.test')
    const graphql = await requestJson(`${server.url}/api/graphql`, {
      body: { query: '{ Registrations { docs { email } } }' },
      method: 'POST',
    })
    expect(JSON.stringify(graphql.body)).not.toContain('privat@registration.test')
    const created = await requestJson(`${server.url}/api/registrations`, {
      body: {
        email: 'a@b.test',
        event: eventId,
        name: 'A',
        status: 'confirmed',
      },
      method: 'POST',
    })
    expect(created.status).toBe(403)
  })

  it('should purge registrations left unconfirmed after the link expired', async () => {
    const eventId = await createEvent()
    const expired = await payload.create({
      collection: 'registrations',
      data: {
        confirmExpiresAt: new Date(Date.now() - 60_000).toISOString(),
        email: 'alt@registration.test',
        event: eventId,
        name: 'Alt',
        status: 'pending',
      } as never,
    })
    const fresh = await payload.create({
      collection: 'registrations',
      data: {
        confirmExpiresAt: new Date(Date.now() + 3_600_000).toISOString(),
        email: 'neu@registration.test',
        event: eventId,
        name: 'Neu',
        status: 'pending',
      } as never,
    })
    await payload.jobs.queue({
      input: {},
      queue: 'registration-purge-test',
      task: PURGE_UNCONFIRMED_REGISTRATIONS_TASK as never,
    } as never)
    await payload.jobs.run({ queue: 'registration-purge-test' })
    expect((await registrationsOf(eventId)).map((registration) => registration.id)).toEqual([
      fresh.id,
    ])
    expect(expired.id).not.toBe(fresh.id)
  })
})

describe('event registration: no overbooking', () => {
  it('should end 1,000 parallel confirmations for 100 seats with exactly 100 confirmed and never a 5xx', async () => {
    const eventId = await createEvent({ capacity: 100 })
    const tokens = Array.from({ length: 1000 }, () => issueVisitorToken())
    // Set up eight at a time (the pool has ten connections).
    for (let start = 0; start < tokens.length; start += 8) {
      await Promise.all(
        tokens.slice(start, start + 8).map((token, offset) =>
          payload.create({
            collection: 'registrations',
            data: {
              confirmExpiresAt: new Date(Date.now() + 3_600_000).toISOString(),
              confirmTokenHash: confirmTokenHashOf(payload.secret, token),
              email: `burst-${start + offset}@registration.test`,
              event: eventId,
              name: `Burst ${start + offset}`,
              status: 'pending',
            } as never,
          }),
        ),
      )
    }
    const responses = await Promise.all(
      tokens.map((token) => follow(`${server.url}/api/registrations/confirm?token=${token}`)),
    )
    expect(responses.filter((response) => response.status >= 500)).toHaveLength(0)
    expect(responses.every((response) => response.status === 200)).toBe(true)
    const statuses = (await registrationsOf(eventId)).map((registration) => registration.status)
    expect(statuses.filter((status) => status === 'confirmed')).toHaveLength(100)
    expect(statuses.filter((status) => status === 'waitlisted')).toHaveLength(900)
    const counts = await requestJson<{
      seatsTaken?: number
      waitingCount?: number
    }>(`${server.url}/api/events/${eventId}`)
    expect(counts.body).toMatchObject({ seatsTaken: 100, waitingCount: 900 })
    // The burst's mails are not what this test is about.
    await payload.delete({
      collection: 'payload-jobs',
      where: { queue: { equals: 'mail' } },
    })
  }, 300_000)
})
