/**
 * The event registration plugin for organisers and operations: manual decisions (confirm, move
 * up, cancel with promotion), check-in, CSV export, a message to all confirmed, CPD attendance
 * confirmations, reminders before the start, erasure after the retention period, the mail
 * outbox surviving an SMTP outage without losing or doubling a mail, the lock timeout, and the
 * per-client limit on registrations. Real HTTP, a real PostgreSQL, a real SMTP receiver.
 */
import type { Payload } from 'payload'

import { createLocalReq } from 'payload'
import pg from 'pg'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import type { RunningServer } from '../../src/server/startServer'

import {
  ANONYMISE_REGISTRATIONS_TASK,
  SEND_REGISTRATION_REMINDERS_TASK,
} from '../../plugins/event-registration'
import { advisoryLockKeys } from '../../plugins/shared/advisoryLock'
import { SEND_MAIL_TASK } from '../../plugins/shared/sendMailTask'
import { createMunicipality, createOpenEvent, inDays, registerForEvent } from '../helpers/fixtures'
import { requestJson } from '../helpers/http'
import { deliverMails, followLink, linkIn } from '../helpers/mails'
import { startTestServer } from '../helpers/server'
import { mailsTo } from '../helpers/smtp'
import { createSignedInUsers } from '../helpers/users'

const smtp = await vi.hoisted(async () => {
  const { startSmtpReceiver } = await import('../helpers/smtp')
  process.env.EVENT_REGISTRATION_RATE_LIMIT_MAX = '4'
  process.env.EVENT_REGISTRATION_RATE_LIMIT_WINDOW_MS = '3600000'
  return startSmtpReceiver()
})

const ACCESS_LINK = 'https://meet.organisers.test/raum-0815'
const CONFIRM_LINK = /http:\/\/localhost:\d+\/api\/registrations\/confirm\?token=[A-Za-z0-9_-]{43}/

type ErrorBody = { errors?: { message: string }[] }
type Registration = {
  anonymisedAt?: null | string
  attended?: boolean
  email?: null | string
  id: number
  name?: null | string
  status: string
}

let server: RunningServer
let payload: Payload
let editorToken = ''
let cityEditorToken = ''
let counter = 0

beforeAll(async () => {
  server = await startTestServer()
  payload = server.payload
  const city = await createMunicipality(payload, { name: 'Anmeldestadt' })
  const { tokens } = await createSignedInUsers(payload, {
    serverUrl: server.url,
    users: {
      editor: { email: 'redaktion@organisers.test', role: 'editor' },
      cityEditor: {
        email: 'kommune@organisers.test',
        municipality: city.id,
        role: 'municipality-editor',
      },
    },
  })
  ;({ cityEditor: cityEditorToken, editor: editorToken } = tokens)
})

afterAll(async () => {
  await server?.stop()
  await smtp.stop()
})

beforeEach(async () => {
  await payload.delete({ collection: 'payload-jobs', where: { queue: { equals: 'mail' } } })
  smtp.received.length = 0
})

const createEvent = async (overrides: Record<string, unknown> = {}) =>
  (
    await createOpenEvent(payload, {
      accessLink: ACCESS_LINK,
      capacity: 2,
      customQuestions: [{ key: 'organisation', label: 'Organisation', type: 'text' }],
      end: inDays(20, 2),
      start: inDays(20),
      title: `Organisationsveranstaltung ${++counter}`,
      ...overrides,
    })
  ).id

/** A registration as the endpoints would have left it (the Local API skips field access). */
const addRegistration = async (
  event: number,
  status: string,
  name: string,
  extra: Record<string, unknown> = {},
) =>
  (await payload.create({
    collection: 'registrations',
    data: {
      answers: { organisation: `Amt ${name}` },
      confirmedAt: status === 'confirmed' ? inDays(-10) : undefined,
      consent: { givenAt: new Date().toISOString(), version: '2026-01' },
      email: `${name.toLowerCase().replace(/\W+/g, '-')}@organisers.test`,
      event,
      name,
      status,
      ...extra,
    } as never,
  })) as unknown as Registration

const reload = async (id: number) =>
  (await payload.findByID({ collection: 'registrations', depth: 0, id })) as unknown as Registration

const decide = (id: number, body: Record<string, unknown>, token = editorToken) =>
  requestJson<ErrorBody & { promoted?: number[]; registration?: { status: string } }>(
    `${server.url}/api/registrations/${id}/status`,
    {
      body,
      method: 'POST',
      token,
    },
  )

const runTask = async (task: string) => {
  await payload.jobs.queue({ input: {}, queue: 'ops', task: task as never } as never)
  await payload.jobs.run({ queue: 'ops' })
}

describe('organisers: decisions and check-in', () => {
  it('should move a waitlisted person up only when a seat is free, or when told to overbook', async () => {
    const event = await createEvent()
    await addRegistration(event, 'confirmed', 'Anna Amsel')
    const second = await addRegistration(event, 'confirmed', 'Bert Buche')
    const waiting = await addRegistration(event, 'waitlisted', 'Carla Cedern')
    const full = await decide(waiting.id, { status: 'confirmed' })
    expect(full.status).toBe(409)
    expect(full.body.errors?.[0]?.message).toMatch(/Alle Plätze sind belegt/)
    expect((await reload(waiting.id)).status).toBe('waitlisted')
    const overbooked = await decide(waiting.id, { overbook: true, status: 'confirmed' })
    expect(overbooked.status).toBe(200)
    expect((await reload(waiting.id)).status).toBe('confirmed')
    const mails = mailsTo(await deliverMails({ payload, smtp }), 'carla-cedern@organisers.test')
    expect(mails).toHaveLength(1)
    expect(mails[0]!.subject).toContain('Ein Platz ist frei geworden')
    expect(mails[0]!.text).toContain(ACCESS_LINK)
    expect(second.status).toBe('confirmed')
  })

  it('should cancel a confirmed registration, tell the person, and give the seat to the first on the waiting list', async () => {
    const event = await createEvent()
    const first = await addRegistration(event, 'confirmed', 'Dora Distel')
    await addRegistration(event, 'confirmed', 'Emil Eibe')
    const waitingFirst = await addRegistration(event, 'waitlisted', 'Frida Fichte')
    const waitingSecond = await addRegistration(event, 'waitlisted', 'Gustav Ginster')
    await payload.update({
      collection: 'registrations',
      data: { attended: true } as never,
      id: first.id,
    })
    const response = await decide(first.id, { status: 'cancelled' })
    expect(response.status).toBe(200)
    expect(response.body.promoted).toEqual([waitingFirst.id])
    expect((await reload(first.id)).status).toBe('cancelled')
    expect((await reload(waitingFirst.id)).status).toBe('confirmed')
    expect((await reload(waitingSecond.id)).status).toBe('waitlisted')
    const mails = await deliverMails({ payload, smtp })
    expect(mailsTo(mails, 'dora-distel@organisers.test')[0]?.text).toContain(
      'die Veranstalter haben Ihre Anmeldung',
    )
    expect(mailsTo(mails, 'frida-fichte@organisers.test')[0]?.subject).toContain(
      'Ein Platz ist frei geworden',
    )
    expect(mailsTo(mails, 'gustav-ginster@organisers.test')).toHaveLength(0)
    // Again: nothing changes, nothing is sent twice.
    expect((await decide(first.id, { status: 'cancelled' })).status).toBe(409)
  })

  it('should refuse decisions without the right, and bad input, changing nothing', async () => {
    const event = await createEvent()
    const registration = await addRegistration(event, 'waitlisted', 'Hanna Hasel')
    expect(
      (
        await requestJson(`${server.url}/api/registrations/${registration.id}/status`, {
          body: { status: 'confirmed' },
          method: 'POST',
        })
      ).status,
    ).toBe(401)
    expect((await decide(registration.id, { status: 'confirmed' }, cityEditorToken)).status).toBe(
      403,
    )
    for (const body of [
      {},
      { status: 'waitlisted' },
      { status: 'confirmed', extra: 1 },
      { overbook: 'ja', status: 'confirmed' },
    ]) {
      const response = await decide(registration.id, body)
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(response.body.errors?.[0]?.message).toContain('"status"')
    }
    expect((await decide(999_999, { status: 'confirmed' })).status).toBe(404)
    expect((await decide("1'--" as unknown as number, { status: 'confirmed' })).status).toBe(404)
    expect((await reload(registration.id)).status).toBe('waitlisted')
    expect(
      await payload.count({ collection: 'payload-jobs', where: { queue: { equals: 'mail' } } }),
    ).toMatchObject({ totalDocs: 0 })
  })

  it('should check in confirmed registrants only, and keep status changes to the endpoints', async () => {
    const event = await createEvent()
    const confirmed = await addRegistration(event, 'confirmed', 'Ida Iris')
    const waiting = await addRegistration(event, 'waitlisted', 'Jan Jasmin')
    const patch = (id: number, body: Record<string, unknown>) =>
      requestJson<ErrorBody>(`${server.url}/api/registrations/${id}`, {
        body,
        method: 'PATCH',
        token: editorToken,
      })
    expect((await patch(confirmed.id, { attended: true })).status).toBe(200)
    expect((await reload(confirmed.id)).attended).toBe(true)
    const refused = await patch(waiting.id, { attended: true })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.body)).toContain('Anwesend (Check-in)')
    expect((await reload(waiting.id)).attended).toBe(false)
    // status, event and answers are not writable through Payload's own routes.
    await patch(waiting.id, { answers: { organisation: 'x' }, status: 'confirmed' })
    expect(await reload(waiting.id)).toMatchObject({ status: 'waitlisted' })
  })
})

describe('organisers: more seats, deleting', () => {
  it('should move the waiting list up when the capacity is raised, in order, with mails', async () => {
    const event = await createEvent({ capacity: 1 })
    await addRegistration(event, 'confirmed', 'Kapa Eins')
    const firstWaiting = await addRegistration(event, 'waitlisted', 'Kapa Zwei')
    const secondWaiting = await addRegistration(event, 'waitlisted', 'Kapa Drei')
    const thirdWaiting = await addRegistration(event, 'waitlisted', 'Kapa Vier')
    const raised = await requestJson(`${server.url}/api/events/${event}`, {
      body: { capacity: 3 },
      method: 'PATCH',
      token: editorToken,
    })
    expect(raised.status).toBe(200)
    expect((await reload(firstWaiting.id)).status).toBe('confirmed')
    expect((await reload(secondWaiting.id)).status).toBe('confirmed')
    expect((await reload(thirdWaiting.id)).status).toBe('waitlisted')
    const mails = await deliverMails({ payload, smtp })
    expect(mails.map((mail) => mail.to[0]).sort()).toEqual([
      'kapa-drei@organisers.test',
      'kapa-zwei@organisers.test',
    ])
    // Lowering it again takes no seat away.
    await requestJson(`${server.url}/api/events/${event}`, {
      body: { capacity: 1 },
      method: 'PATCH',
      token: editorToken,
    })
    expect((await reload(firstWaiting.id)).status).toBe('confirmed')
  })

  it('should refuse deleting a registration that holds a seat or a waiting place, and allow it once cancelled', async () => {
    const event = await createEvent()
    const confirmed = await addRegistration(event, 'confirmed', 'Lösch Mich')
    const refused = await requestJson<ErrorBody>(
      `${server.url}/api/registrations/${confirmed.id}`,
      { method: 'DELETE', token: editorToken },
    )
    expect(refused.status).toBe(409)
    expect(refused.body.errors?.[0]?.message).toContain('storniert, nicht gelöscht')
    expect((await reload(confirmed.id)).status).toBe('confirmed')
    expect((await decide(confirmed.id, { status: 'cancelled' })).status).toBe(200)
    expect(
      (
        await requestJson(`${server.url}/api/registrations/${confirmed.id}`, {
          method: 'DELETE',
          token: editorToken,
        })
      ).status,
    ).toBe(200)
  })
})

describe('organisers: CSV, message, attendance confirmation', () => {
  it('should export the attendees as CSV for spreadsheets, with the answers, and never as a formula', async () => {
    const event = await createEvent({ capacity: 5 })
    await addRegistration(event, 'confirmed', 'Karl Kiefer', { attended: true })
    await addRegistration(event, 'confirmed', 'Lena "Linde"', {
      answers: { organisation: '=HYPERLINK("http://evil.test")' },
    })
    await addRegistration(event, 'waitlisted', 'Max Mistel')
    await addRegistration(event, 'cancelled', 'Nora Nessel')
    const response = await fetch(`${server.url}/api/events/${event}/registrations/export`, {
      headers: { Authorization: `JWT ${editorToken}` },
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/csv')
    expect(response.headers.get('content-disposition')).toMatch(
      /attachment; filename="anmeldungen-[\w-]+-teilnehmende\.csv"/,
    )
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = new TextDecoder().decode(bytes.slice(3)).trimEnd().split('\r\n')
    expect(lines[0]).toBe(
      '"Name";"E-Mail";"Status";"Angemeldet am";"Bestätigt am";"Anwesend";"Organisation"',
    )
    expect(lines).toHaveLength(3)
    expect(lines[1]).toMatch(
      /^"Karl Kiefer";"karl-kiefer@organisers\.test";"Bestätigt";"\d\d\.\d\d\.\d{4}, \d\d:\d\d";"\d\d\.\d\d\.\d{4}, \d\d:\d\d";"ja";"Amt Karl Kiefer"$/,
    )
    expect(lines[2]).toContain('"Lena ""Linde""";')
    expect(lines[2]).toContain(`"'=HYPERLINK(""http://evil.test"")"`)
    const allResponse = await fetch(
      `${server.url}/api/events/${event}/registrations/export?status=all`,
      { headers: { Authorization: `JWT ${editorToken}` } },
    )
    // Named apart from the attendees' file: a second download doesn't overwrite the first.
    expect(allResponse.headers.get('content-disposition')).toMatch(/-alle\.csv"$/)
    const all = await allResponse.text()
    expect(all).toContain('Max Mistel')
    expect(all).toContain('Nora Nessel')
    expect(
      (
        await fetch(`${server.url}/api/events/${event}/registrations/export?status=alles`, {
          headers: { Authorization: `JWT ${editorToken}` },
        })
      ).status,
    ).toBe(400)
    expect((await fetch(`${server.url}/api/events/${event}/registrations/export`)).status).toBe(401)
    expect(
      (
        await fetch(`${server.url}/api/events/${event}/registrations/export`, {
          headers: { Authorization: `JWT ${cityEditorToken}` },
        })
      ).status,
    ).toBe(403)
    expect(
      (
        await fetch(`${server.url}/api/events/999999/registrations/export`, {
          headers: { Authorization: `JWT ${editorToken}` },
        })
      ).status,
    ).toBe(404)
  })

  it('should send a message to every confirmed registrant once, even when sent twice', async () => {
    const event = await createEvent({ capacity: 5 })
    await addRegistration(event, 'confirmed', 'Olga Olive')
    await addRegistration(event, 'confirmed', 'Paul Pappel')
    await addRegistration(event, 'waitlisted', 'Quirin Quitte')
    const send = () =>
      requestJson<ErrorBody & { message?: string; queued?: number; skipped?: number }>(
        `${server.url}/api/events/${event}/registrations/message`,
        {
          body: { subject: 'Raumänderung', text: 'Wir treffen uns in Raum 2.' },
          method: 'POST',
          token: editorToken,
        },
      )
    const first = await send()
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ queued: 2, skipped: 0 })
    expect(first.body.message).toContain('2 bestätigte Teilnehmende')
    const second = await send()
    expect(second.body).toMatchObject({ queued: 0, skipped: 2 })
    const mails = await deliverMails({ payload, smtp })
    expect(mails).toHaveLength(2)
    expect(mailsTo(mails, 'olga-olive@organisers.test')[0]?.text).toMatch(
      /Guten Tag Olga Olive,\s+Wir treffen uns in Raum 2\.[\s\S]*Abmelden: http/,
    )
    expect(mailsTo(mails, 'quirin-quitte@organisers.test')).toHaveLength(0)
    for (const body of [
      {},
      { subject: '', text: 'x' },
      { subject: 'x'.repeat(201), text: 'x' },
      { subject: 'x', text: 'y', to: 'all' },
    ]) {
      expect(
        (
          await requestJson(`${server.url}/api/events/${event}/registrations/message`, {
            body,
            method: 'POST',
            token: editorToken,
          })
        ).status,
      ).toBe(400)
    }
    expect(
      (
        await requestJson(`${server.url}/api/events/${event}/registrations/message`, {
          body: { subject: 'a', text: 'b' },
          method: 'POST',
        })
      ).status,
    ).toBe(401)
  })

  it('should send attendance confirmations for CPD to attended registrants only, once each', async () => {
    const event = await createEvent({
      capacity: 5,
      cpd: {
        chamber: 'Architektenkammer NRW',
        isRecognised: true,
        points: 4,
        subject: 'Stadtplanung',
      },
    })
    await addRegistration(event, 'confirmed', 'Rita Rose', { attended: true })
    await addRegistration(event, 'confirmed', 'Sven Salbei', { attended: false })
    const send = () =>
      requestJson<ErrorBody & { queued?: number; skipped?: number }>(
        `${server.url}/api/events/${event}/registrations/attendance-confirmations`,
        {
          method: 'POST',
          token: editorToken,
        },
      )
    expect((await send()).body).toMatchObject({ queued: 1, skipped: 0 })
    expect((await send()).body).toMatchObject({ queued: 0, skipped: 1 })
    const mails = await deliverMails({ payload, smtp })
    expect(mails).toHaveLength(1)
    const [mail] = mailsTo(mails, 'rita-rose@organisers.test')
    expect(mail?.subject).toContain('Teilnahmebestätigung')
    expect(mail?.text).toContain('Rita Rose')
    expect(mail?.text).toContain('Architektenkammer NRW')
    expect(mail?.text).toContain('Fortbildungspunkte / Unterrichtsstunden: 4')
    expect(mail?.text).toContain('Fachrichtung: Stadtplanung')
    expect(mail?.text).toMatch(/am \d{1,2}\. \p{L}+ \d{4}/u)
    const plain = await createEvent()
    const refused = await requestJson<ErrorBody>(
      `${server.url}/api/events/${plain}/registrations/attendance-confirmations`,
      { method: 'POST', token: editorToken },
    )
    expect(refused.status).toBe(409)
    expect(refused.body.errors?.[0]?.message).toContain('nicht als Fortbildung anerkannt')
  })
})

describe('operations: reminders and retention', () => {
  it('should remind confirmed registrants with the access link once, and not those who just confirmed', async () => {
    const soon = await createEvent({ end: inDays(0, 12), start: inDays(0, 10) })
    const later = await createEvent()
    await addRegistration(soon, 'confirmed', 'Tina Tanne')
    await addRegistration(soon, 'confirmed', 'Udo Ulme', { confirmedAt: new Date().toISOString() })
    await addRegistration(soon, 'waitlisted', 'Vera Veilchen')
    await addRegistration(later, 'confirmed', 'Willi Weide')
    await runTask(SEND_REGISTRATION_REMINDERS_TASK)
    await runTask(SEND_REGISTRATION_REMINDERS_TASK)
    const mails = await deliverMails({ payload, smtp })
    expect(mails.map((mail) => mail.to[0])).toEqual(['tina-tanne@organisers.test'])
    expect(mails[0]!.subject).toMatch(/^Erinnerung: /)
    expect(mails[0]!.text).toContain(ACCESS_LINK)
    expect(mails[0]!.text).toMatch(/Abmelden: http/)
  })

  it('should erase personal data of registrations 30 days after the event and keep the counts', async () => {
    const old = await createEvent({ end: inDays(-31, 2), start: inDays(-31) })
    const recent = await createEvent({ end: inDays(-29, 2), start: inDays(-29) })
    const erased = await addRegistration(old, 'confirmed', 'Xaver Xylit', { attended: true })
    await addRegistration(old, 'waitlisted', 'Yvonne Ysop')
    const kept = await addRegistration(recent, 'confirmed', 'Zora Zeder')
    const deletedEvent = await createEvent()
    const orphan = await addRegistration(deletedEvent, 'confirmed', 'Otto Orphan')
    await payload.delete({ collection: 'events', id: deletedEvent })
    await runTask(ANONYMISE_REGISTRATIONS_TASK)
    // Deleting an event takes its registrations with it (in the same transaction).
    expect(
      (await payload.count({ collection: 'registrations', where: { id: { equals: orphan.id } } }))
        .totalDocs,
    ).toBe(0)
    const after = await reload(erased.id)
    expect(after).toMatchObject({ attended: true, email: null, name: null, status: 'confirmed' })
    expect(after.anonymisedAt).toBeTruthy()
    const raw = (await payload.findByID({
      collection: 'registrations',
      id: erased.id,
      showHiddenFields: true,
    })) as unknown as Record<string, unknown>
    expect(raw.answers ?? null).toBeNull()
    expect(raw.cancelTokenHash ?? null).toBeNull()
    expect(await reload(kept.id)).toMatchObject({
      email: 'zora-zeder@organisers.test',
      name: 'Zora Zeder',
    })
    const counts = await requestJson<{ seatsTaken?: number; waitingCount?: number }>(
      `${server.url}/api/events/${old}?depth=0`,
    )
    expect(counts.body).toMatchObject({ seatsTaken: 1, waitingCount: 1 })
    // Nothing to do the second time; anonymised rows can't be decided on any more.
    await runTask(ANONYMISE_REGISTRATIONS_TASK)
    expect((await reload(erased.id)).anonymisedAt).toBe(after.anonymisedAt)
    expect((await decide(erased.id, { status: 'cancelled' })).status).toBe(409)
  })
})

describe('mail outbox', () => {
  it("should write every mail in the registrant's language, whoever causes it", async () => {
    const event = await createEvent({ capacity: 5 })
    const registered = await registerForEvent({
      body: { email: 'english@organisers.test', name: 'Emma English' },
      eventId: event,
      headers: { 'Accept-Language': 'en-GB,en;q=0.9' },
      serverUrl: server.url,
    })
    expect(registered.status).toBe(202)
    const [confirmMail] = await deliverMails({ payload, smtp })
    expect(confirmMail?.subject).toMatch(/^Please confirm your registration: /)
    smtp.received.length = 0
    // The organiser works in the German admin; the mail is still English.
    // The answer names no registration (nobody learns whether an address is registered).
    const { docs } = await payload.find({
      collection: 'registrations',
      overrideAccess: true,
      where: { email: { equals: 'english@organisers.test' } },
    })
    const id = docs[0]!.id
    expect((await decide(id, { status: 'confirmed' })).status).toBe(200)
    expect((await decide(id, { status: 'cancelled' })).status).toBe(200)
    const subjects = (await deliverMails({ payload, smtp })).map((mail) => mail.subject).sort()
    expect(subjects).toEqual([
      expect.stringMatching(/^Cancelled: /),
      expect.stringMatching(/^Registration confirmed: /),
    ])
    expect((await reload(id)) as unknown as { language: string }).toMatchObject({ language: 'en' })
  })

  it('should accept registrations while SMTP is down and deliver every mail once when it is back', async () => {
    const event = await createEvent({ capacity: 5 })
    await smtp.stop()
    try {
      for (const name of ['ausfall-a', 'ausfall-b']) {
        const response = await registerForEvent({
          body: { email: `${name}@organisers.test`, name },
          eventId: event,
          serverUrl: server.url,
        })
        expect(response.status).toBe(202)
      }
      await payload.jobs.run({ limit: 100, queue: 'mail' })
      const { docs: failed } = await payload.find({
        collection: 'payload-jobs',
        where: { queue: { equals: 'mail' } },
      })
      expect(failed).toHaveLength(2)
      for (const job of failed) {
        expect(job.completedAt ?? null).toBeNull()
        expect(job.totalTried).toBeGreaterThanOrEqual(1)
        expect(new Date(job.waitUntil!).getTime()).toBeGreaterThan(Date.now())
      }
    } finally {
      await smtp.start()
    }
    // The backoff has passed (the test doesn't wait 30 s for it).
    await payload.update({
      collection: 'payload-jobs',
      data: { waitUntil: new Date(Date.now() - 1000).toISOString() },
      where: { queue: { equals: 'mail' } },
    })
    const delivered = await deliverMails({ payload, smtp })
    expect(delivered.map((mail) => mail.to[0]).sort()).toEqual([
      'ausfall-a@organisers.test',
      'ausfall-b@organisers.test',
    ])
    // The links in them work, and running the queue again sends nothing more.
    const confirm = linkIn({ mail: delivered[0], pattern: CONFIRM_LINK, serverUrl: server.url })
    expect((await followLink({ link: confirm })).status).toBe(200)
    await payload.jobs.run({ limit: 100, queue: 'mail' })
    smtp.received.length = 0
    await payload.jobs.run({ limit: 100, queue: 'mail' })
    expect(smtp.received).toHaveLength(0)
  })

  it('should never send the same idempotency key twice, even from duplicate jobs', async () => {
    const input = {
      idempotencyKey: `test:${Date.now()}`,
      subject: 'Einmal',
      text: 'Nur einmal.',
      to: 'einmal@organisers.test',
    }
    const { queueMail } = await import('../../plugins/shared/sendMailTask')
    const req = await createLocalReq({}, payload)
    expect(await queueMail({ mail: input, req })).toBe(true)
    expect(await queueMail({ mail: input, req })).toBe(false)
    // A job queued around the outbox (or twice by a runner) with the same key: still one mail.
    await payload.jobs.queue({ input, queue: 'mail', task: SEND_MAIL_TASK as never } as never)
    const mails = await deliverMails({ payload, smtp })
    expect(mails).toHaveLength(1)
    expect(mails[0]!.head).toMatch(/Message-ID: <[0-9a-f]{32}@localhost>/i)
  })
})

describe('seat lock and registration limit', () => {
  it('should answer 409 (not 5xx) when the event stays locked longer than the lock timeout', async () => {
    const event = await createEvent({ capacity: 5 })
    const waiting = await addRegistration(event, 'waitlisted', 'Gesperrt Gerda')
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await client.connect()
    try {
      const [namespace, value] = advisoryLockKeys('event-registration', String(event))
      await client.query('SELECT pg_advisory_lock($1, $2)', [namespace, value])
      const started = Date.now()
      const response = await decide(waiting.id, { status: 'confirmed' })
      expect(response.status).toBe(409)
      expect(response.body.errors?.[0]?.message).toContain('versuchen Sie es in ein paar Sekunden')
      expect(Date.now() - started).toBeGreaterThanOrEqual(4_000)
      expect((await reload(waiting.id)).status).toBe('waitlisted')
      await client.query('SELECT pg_advisory_unlock($1, $2)', [namespace, value])
      expect((await decide(waiting.id, { status: 'confirmed' })).status).toBe(200)
    } finally {
      await client.end()
    }
  }, 30_000)

  it('should limit registrations per client address with a 429 in German, storing nothing', async () => {
    const event = await createEvent({ capacity: 50 })
    const before = (await payload.count({ collection: 'registrations' })).totalDocs
    // A visitor who mistypes doesn't use up the limit (4 here): six refused forms, none a 429.
    const refused: number[] = []
    for (let index = 0; index < 6; index++) {
      const response = await registerForEvent<ErrorBody>({
        body: { consent: false, email: `vertippt-${index}@organisers.test`, name: 'Vertippt' },
        eventId: event,
        serverUrl: server.url,
      })
      refused.push(response.status)
    }
    expect(refused).toEqual(Array(6).fill(400))
    const statuses: number[] = []
    let limited: Awaited<ReturnType<typeof requestJson<ErrorBody>>> | undefined
    for (let index = 0; index < 6 && !limited; index++) {
      const response = await registerForEvent<ErrorBody>({
        body: { email: `limit-${index}@organisers.test`, name: `Limit ${index}` },
        eventId: event,
        serverUrl: server.url,
      })
      statuses.push(response.status)
      if (response.status === 429) {
        limited = response
      }
    }
    expect(limited, statuses.join(',')).toBeDefined()
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(limited!.body.errors?.[0]?.message).toContain('Zu viele Anmeldungen')
    const accepted = statuses.filter((status) => status === 202).length
    expect((await payload.count({ collection: 'registrations' })).totalDocs).toBe(before + accepted)
  })
})

describe('organisers: the registration settings of an event', () => {
  type EventBody = ErrorBody & {
    doc?: { capacity?: null | number; registration?: Record<string, unknown> | null }
  }
  const patchEvent = (id: number | string, body: Record<string, unknown>) =>
    requestJson<EventBody>(`${server.url}/api/events/${id}`, {
      body,
      method: 'PATCH',
      token: editorToken,
    })
  const stored = async (id: number | string) =>
    payload.findByID({ collection: 'events', depth: 0, id, overrideAccess: true })

  it('should refuse a deadline after the start or in the past with a message, and store nothing', async () => {
    const event = await createEvent()
    const afterStart = await patchEvent(event, { registration: { deadline: inDays(22) } })
    expect(afterStart.status).toBe(400)
    expect(afterStart.body.errors?.[0]?.message).toMatch(
      /^Der Anmeldeschluss \d\d\.\d\d\.\d{4} liegt nach dem Beginn der Veranstaltung am \d\d\.\d\d\.\d{4}\./,
    )
    const past = await patchEvent(event, { registration: { deadline: inDays(-1) } })
    expect(past.status).toBe(400)
    expect(past.body.errors?.[0]?.message).toContain('liegt in der Vergangenheit')
    // Moving the start before a deadline that was fine is refused as well.
    expect((await patchEvent(event, { registration: { deadline: inDays(10) } })).status).toBe(200)
    const earlier = await patchEvent(event, { end: inDays(5, 2), start: inDays(5) })
    expect(earlier.status).toBe(400)
    expect(earlier.body.errors?.[0]?.message).toContain('liegt nach dem Beginn der Veranstaltung')
    expect((await stored(event)).registration?.deadline?.slice(0, 10)).toBe(inDays(10).slice(0, 10))
  })

  it('should keep a passed deadline when an editor changes something else', async () => {
    const event = await createEvent({
      end: inDays(-9, 2),
      registration: { deadline: inDays(-12) },
      start: inDays(-9),
    })
    const answer = await patchEvent(event, { theme: 'Nachbereitung' })
    expect(answer.status).toBe(200)
    expect((await stored(event)).theme).toBe('Nachbereitung')
  })

  it('should tick "Plätze begrenzt" for a number of seats and keep the other registration facts', async () => {
    const event = await createEvent({
      capacity: null,
      registration: { contactEmail: 'anmeldung@organisers.test', note: 'Mit Imbiss.' },
    })
    expect((await stored(event)).registration?.hasLimitedSeats ?? false).toBe(false)
    expect((await patchEvent(event, { capacity: 12 })).status).toBe(200)
    expect((await stored(event)).registration).toMatchObject({
      contactEmail: 'anmeldung@organisers.test',
      hasLimitedSeats: true,
      note: 'Mit Imbiss.',
    })
  })
})
