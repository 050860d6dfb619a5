import type { Endpoint } from 'payload'

import { z } from 'zod'

import type { RegistrationTranslationKey } from '../translations'
import type { ResolvedRegistrationOptions } from '../types'

import { fail, translatorOf } from '@quartiersnetz/plugin-kit/respond'
import { STATUS_LABELS } from '../collections/registrations'
import { fieldOf, loadEvent } from '../lib/events'
import { isRouteId, mayManage } from '../lib/manage'
import { registrationsOfEvent } from '../lib/registrationQueries'

const berlinDateTime = (value: null | string | undefined, timeZone: string) =>
  value
    ? new Intl.DateTimeFormat('de-DE', {
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        month: '2-digit',
        timeZone,
        year: 'numeric',
      }).format(new Date(value))
    : ''

/** A CSV cell for spreadsheet programs: quoted, and never read as a formula. */
const cell = (value: unknown) => {
  let text = value === null || value === undefined ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) {
    text = `'${text}`
  }
  return `"${text.replace(/"/g, '""')}"`
}

/** In the file's name, so that two exports of one event don't overwrite each other. */
const FILE_SUFFIX = {
  all: 'alle',
  attendees: 'teilnehmende',
  cancelled: 'abgesagt',
  confirmed: 'bestaetigt',
  pending: 'unbestaetigt',
  waitlisted: 'warteliste',
} as const

const STATUS_FILTER = z.enum([
  'attendees',
  'all',
  'confirmed',
  'waitlisted',
  'pending',
  'cancelled',
])

/**
 * GET /api/events/:id/registrations/export?status=… — the registrations as CSV (UTF-8 with BOM,
 * semicolons, as German spreadsheet programs open it): by default the attendees (confirmed);
 * `status=all|confirmed|waitlisted|pending|cancelled`. One column per custom question.
 */
export const exportEndpoint = (options: ResolvedRegistrationOptions): Endpoint => ({
  handler: async (req) => {
    const t = translatorOf<RegistrationTranslationKey>(req)
    if (!(await mayManage(options, req))) {
      return fail(req.user ? 403 : 401, t('plugin-event-registration:forbidden'))
    }
    const id = req.routeParams?.id
    const filter = STATUS_FILTER.safeParse(
      (req.query as Record<string, unknown> | undefined)?.status ?? 'attendees',
    )
    if (!filter.success) {
      return fail(
        400,
        t('plugin-event-registration:exportStatusInvalid', {
          statuses: STATUS_FILTER.options.join(', '),
        }),
      )
    }
    const event = isRouteId(id) ? await loadEvent({ id: String(id), options, req }) : null
    if (!event) {
      return fail(404, t('plugin-event-registration:eventNotFound'))
    }
    const statuses =
      filter.data === 'all'
        ? undefined
        : filter.data === 'attendees'
          ? (['confirmed'] as const)
          : ([filter.data] as const)
    const rows = await registrationsOfEvent({
      eventId: event.id,
      options,
      req,
      statuses: statuses ? [...statuses] : undefined,
    })
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
    const slug =
      String(fieldOf(event, 'slug') ?? event.id).replace(/[^A-Za-z0-9_-]/g, '') || String(event.id)
    return new Response(`\uFEFF${lines.join('\r\n')}\r\n`, {
      headers: {
        'Cache-Control': 'no-store',
        'Content-Disposition': `attachment; filename="anmeldungen-${slug}-${FILE_SUFFIX[filter.data]}.csv"`,
        'Content-Type': 'text/csv; charset=utf-8',
      },
    })
  },
  method: 'get',
  path: '/:id/registrations/export',
})
