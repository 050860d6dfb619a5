/**
 * The organisers' endpoints (admin panel, `canManage`): decide on a registration (confirm, move
 * up from the waiting list, cancel), export the attendees as CSV, write to all confirmed,
 * send attendance confirmations for CPD.
 */
import type { Endpoint, PayloadRequest } from 'payload'

import { createHash } from 'node:crypto'

import { z } from 'zod'

import type { ResolvedRegistrationOptions, StoredEvent } from '../types'

import { readJsonBody } from '../../shared/readJsonBody'
import { STATUS_LABELS } from '../collections/registrations'
import { fieldOf, loadEvent } from '../lib/events'
import { mayManage, registrationsOf } from '../lib/manage'
import { queueAttendanceMail, queueCancelledMail, queueConfirmedMail, queueMessageMail } from '../lib/mails'
import { fail, translatorOf } from '../lib/respond'
import { countConfirmed, eventIdOf, hasFreeSeat, inEventTransaction, promoteFromWaitingList, reloadRegistration, seatDecisions, setStatus } from '../lib/seats'

const MAX_BODY_BYTES = 64 * 1024
const isId = (value: unknown) => /^[A-Za-z0-9_-]{1,64}$/.test(String(value ?? ''))

const decisionSchema = z.object({ overbook: z.boolean().optional(), status: z.enum(['confirmed', 'cancelled']) }).strict()
const messageSchema = z
  .object({
    subject: z.string().trim().min(1).max(200),
    text: z.string().trim().min(1).max(10_000),
  })
  .strict()

/** Runs `work` as a seat decision under the event's lock; a lock timeout is a 409. */
const underEventLock = (req: PayloadRequest, eventId: number | string, options: ResolvedRegistrationOptions, work: () => Promise<Response>) =>
  seatDecisions(() => inEventTransaction({ eventId, onLockTimeout: () => fail(409, translatorOf(req)('plugin-event-registration:lockTimeout')), options, req, work }))

/**
 * POST /api/registrations/:id/status — `{ "status": "confirmed" }` confirms a pending or
 * waitlisted registration (moves it up; 409 when no seat is free unless `"overbook": true`),
 * `{ "status": "cancelled" }` cancels and gives a freed seat to the waiting list. Mails as for
 * visitors.
 */
export const decideEndpoint = (options: ResolvedRegistrationOptions): Endpoint => ({
  handler: async (req) => {
    const t = translatorOf(req)
    if (!(await mayManage(options, req))) {
      return fail(req.user ? 403 : 401, t('plugin-event-registration:forbidden'))
    }
    const id = req.routeParams?.id
    if (!isId(id)) {
      return fail(404, t('plugin-event-registration:registrationNotFound'))
    }
    const body = await readJsonBody(req, MAX_BODY_BYTES)
    if (!body.ok && 'message' in body) {
      return fail(body.status, body.message)
    }
    const parsed = body.ok ? decisionSchema.safeParse(body.value) : null
    if (!parsed?.success) {
      return fail(400, t('plugin-event-registration:decisionInvalid'))
    }
    const found = await reloadRegistration({ id: String(id), options, req })
    const eventId = found ? eventIdOf(found) : null
    if (!found || eventId === null || eventId === undefined) {
      return fail(404, t('plugin-event-registration:registrationNotFound'))
    }
    const { overbook, status } = parsed.data
    return underEventLock(req, eventId, options, async () => {
      const registration = await reloadRegistration({ id: found.id, options, req })
      const event = await loadEvent({ id: eventId, options, req })
      if (!registration || !event) {
        return fail(404, t('plugin-event-registration:registrationNotFound'))
      }
      const language = req.i18n?.language === 'en' ? 'en' : 'de'
      const refuse = () => fail(409, t('plugin-event-registration:decisionNotPossible', { status: STATUS_LABELS[registration.status][language] }))
      if (registration.anonymisedAt || !registration.email) {
        return refuse()
      }
      if (status === 'confirmed') {
        if (registration.status !== 'pending' && registration.status !== 'waitlisted') {
          return refuse()
        }
        if (!overbook && !hasFreeSeat(event, await countConfirmed({ eventId, options, req }))) {
          return fail(409, t('plugin-event-registration:decisionNoSeat'))
        }
        const updated = await setStatus({ id: registration.id, options, req, status: 'confirmed' })
        await queueConfirmedMail({ event, isPromotion: registration.status === 'waitlisted', options, registration: updated, req })
        return Response.json({ promoted: [], registration: { id: updated.id, status: 'confirmed' } })
      }
      if (registration.status === 'cancelled') {
        return refuse()
      }
      const updated = await setStatus({ id: registration.id, options, req, status: 'cancelled' })
      await queueCancelledMail({ byOrganiser: true, event, options, registration: updated, req })
      const promoted = registration.status === 'confirmed' ? await promoteFromWaitingList({ event, options, req }) : []
      return Response.json({ promoted, registration: { id: updated.id, status: 'cancelled' } })
    })
  },
  method: 'post',
  path: '/:id/status',
})

const berlinDateTime = (value: null | string | undefined, timeZone: string) =>
  value
    ? new Intl.DateTimeFormat('de-DE', { day: '2-digit', hour: '2-digit', minute: '2-digit', month: '2-digit', timeZone, year: 'numeric' }).format(new Date(value))
    : ''

/** A CSV cell for spreadsheet programs: quoted, and never read as a formula. */
const cell = (value: unknown) => {
  let text = value === null || value === undefined ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) {
    text = `'${text}`
  }
  return `"${text.replace(/"/g, '""')}"`
}

const STATUS_FILTER = z.enum(['attendees', 'all', 'confirmed', 'waitlisted', 'pending', 'cancelled'])

/**
 * GET /api/events/:id/registrations/export?status=… — the registrations as CSV (UTF-8 with BOM,
 * semicolons, as German spreadsheet programs open it): by default the attendees (confirmed);
 * `status=all|confirmed|waitlisted|pending|cancelled`. One column per custom question.
 */
export const exportEndpoint = (options: ResolvedRegistrationOptions): Endpoint => ({
  handler: async (req) => {
    const t = translatorOf(req)
    if (!(await mayManage(options, req))) {
      return fail(req.user ? 403 : 401, t('plugin-event-registration:forbidden'))
    }
    const id = req.routeParams?.id
    const filter = STATUS_FILTER.safeParse((req.query as Record<string, unknown> | undefined)?.status ?? 'attendees')
    if (!filter.success) {
      return fail(400, t('plugin-event-registration:exportStatusInvalid', { statuses: STATUS_FILTER.options.join(', ') }))
    }
    const event = isId(id) ? await loadEvent({ id: String(id), options, req }) : null
    if (!event) {
      return fail(404, t('plugin-event-registration:eventNotFound'))
    }
    const statuses =
      filter.data === 'all' ? undefined : filter.data === 'attendees' ? (['confirmed'] as const) : ([filter.data] as const)
    const rows = await registrationsOf({ eventId: event.id, options, req, statuses: statuses ? [...statuses] : undefined })
    const language = req.i18n?.language === 'en' ? 'en' : 'de'
    const questions = event.customQuestions ?? []
    const header = [
      t('plugin-event-registration:csvName'),
      t('plugin-event-registration:csvEmail'),
      t('plugin-event-registration:csvStatus'),
      t('plugin-event-registration:csvRegisteredAt'),
      t('plugin-event-registration:csvConfirmedAt'),
      t('plugin-event-registration:csvAttended'),
      ...questions.map((question) => question.label),
    ]
    const lines = [header.map(cell).join(';')]
    for (const row of rows) {
      lines.push(
        [
          row.name ?? '',
          row.email ?? '',
          STATUS_LABELS[row.status][language],
          berlinDateTime(row.createdAt, options.timeZone),
          berlinDateTime(row.confirmedAt, options.timeZone),
          row.attended ? (language === 'en' ? 'yes' : 'ja') : language === 'en' ? 'no' : 'nein',
          ...questions.map((question) => row.answers?.[question.key] ?? ''),
        ]
          .map(cell)
          .join(';'),
      )
    }
    const slug = String(fieldOf(event, 'slug') ?? event.id).replace(/[^A-Za-z0-9_-]/g, '') || String(event.id)
    return new Response(`\uFEFF${lines.join('\r\n')}\r\n`, {
      headers: {
        'Cache-Control': 'no-store',
        'Content-Disposition': `attachment; filename="anmeldungen-${slug}.csv"`,
        'Content-Type': 'text/csv; charset=utf-8',
      },
    })
  },
  method: 'get',
  path: '/:id/registrations/export',
})

/** Reads the event for an organisers' POST, or the response that refuses it. */
const eventForPost = async (options: ResolvedRegistrationOptions, req: PayloadRequest): Promise<Response | StoredEvent> => {
  const t = translatorOf(req)
  if (!(await mayManage(options, req))) {
    return fail(req.user ? 403 : 401, t('plugin-event-registration:forbidden'))
  }
  const id = req.routeParams?.id
  const event = isId(id) ? await loadEvent({ id: String(id), options, req }) : null
  return event ?? fail(404, t('plugin-event-registration:eventNotFound'))
}

/**
 * POST /api/events/:id/registrations/message — `{ subject, text }` to every confirmed
 * registrant, each with the cancel link. Queued in one transaction; sending the same message
 * again reaches only those who haven't had it (a double click sends nothing twice).
 */
export const messageEndpoint = (options: ResolvedRegistrationOptions): Endpoint => ({
  handler: async (req) => {
    const t = translatorOf(req)
    const event = await eventForPost(options, req)
    if (event instanceof Response) {
      return event
    }
    const body = await readJsonBody(req, MAX_BODY_BYTES)
    if (!body.ok && 'message' in body) {
      return fail(body.status, body.message)
    }
    const parsed = body.ok ? messageSchema.safeParse(body.value) : null
    if (!parsed?.success) {
      return fail(body.ok || body.error !== 'too-large' ? 400 : 413, t('plugin-event-registration:messageInvalid'))
    }
    const { subject, text } = parsed.data
    const messageKey = createHash('sha256').update(`${subject}\n${text}`).digest('hex').slice(0, 24)
    return underEventLock(req, event.id, options, async () => {
      let queued = 0
      let skipped = 0
      for (const registration of await registrationsOf({ eventId: event.id, options, req, statuses: ['confirmed'] })) {
        if (!registration.email) {
          continue
        }
        if (await queueMessageMail({ event, messageKey, options, registration, req, subject, text })) {
          queued++
        } else {
          skipped++
        }
      }
      return Response.json({ message: t('plugin-event-registration:messageQueued', { queued, skipped }), queued, skipped })
    })
  },
  method: 'post',
  path: '/:id/registrations/message',
})

/**
 * POST /api/events/:id/registrations/attendance-confirmations — for an event recognised as CPD
 * (`cpdOf`), mails every confirmed registrant marked as attended a confirmation naming the
 * event, its date, the chamber and the points; each at most once.
 */
export const attendanceEndpoint = (options: ResolvedRegistrationOptions): Endpoint => ({
  handler: async (req) => {
    const t = translatorOf(req)
    const event = await eventForPost(options, req)
    if (event instanceof Response) {
      return event
    }
    const cpd = options.cpdOf?.(event) ?? null
    if (!cpd?.chamber) {
      return fail(409, t('plugin-event-registration:notRecognised'))
    }
    return underEventLock(req, event.id, options, async () => {
      let queued = 0
      let skipped = 0
      const attended = (await registrationsOf({ eventId: event.id, options, req, statuses: ['confirmed'] })).filter(
        (registration) => registration.attended && registration.email,
      )
      for (const registration of attended) {
        if (await queueAttendanceMail({ cpd, event, options, registration, req })) {
          queued++
        } else {
          skipped++
        }
      }
      const message = attended.length ? t('plugin-event-registration:attendanceQueued', { queued, skipped }) : t('plugin-event-registration:attendanceNone')
      return Response.json({ message, queued, skipped })
    })
  },
  method: 'post',
  path: '/:id/registrations/attendance-confirmations',
})
