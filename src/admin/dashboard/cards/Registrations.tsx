import type { WidgetServerProps } from 'payload'

import { collectionOf } from '@quartiersnetz/plugin-kit/data'

import { localize } from '../../../i18n/localize'
import { scopeOf } from '../access'
import { Card } from '../Card'
import { formatDateTime } from '../format'
import { documentUrl, listUrl } from '../links'
import { Unavailable } from './Unavailable'

type Props = WidgetServerProps & { eventsSlug: string; registrationsSlug: string }

type WaitingRegistration = {
  event: null | number | { id: number }
  id: number
  status: 'pending' | 'waitlisted'
}

type EventOfRegistration = { id: number; start: string; title: string }

/** Registrations read at most; beyond that the counts above stay exact, the list is a start. */
const READ = 500
const SHOWN = 5

/**
 * Registrations that wait: unconfirmed ones (the person has not opened the mailed link yet)
 * and the waiting list, grouped by upcoming event; the panel on the event is where they are
 * confirmed or moved up.
 */
export const RegistrationsCard = async ({ eventsSlug, registrationsSlug, req }: Props) => {
  const title = localize(req, { de: 'Anmeldungen', en: 'Registrations' })
  // Organisers only: the plugin grants managing on `true`, never on a query.
  if ((await scopeOf(req, registrationsSlug, 'update')) !== true) {
    return <Unavailable id="registrations" req={req} title={title} />
  }
  const registrations = collectionOf<WaitingRegistration>(req, registrationsSlug)
  const [pending, waitlisted, waiting] = await Promise.all([
    registrations.count({ overrideAccess: false, where: { status: { equals: 'pending' } } }),
    registrations.count({ overrideAccess: false, where: { status: { equals: 'waitlisted' } } }),
    registrations.find({
      limit: READ,
      overrideAccess: false,
      select: { event: true, status: true },
      sort: '-createdAt',
      where: { status: { in: ['pending', 'waitlisted'] } },
    }),
  ])
  const byEvent = new Map<number, { pending: number; waitlisted: number }>()
  for (const registration of waiting.docs) {
    const eventId =
      typeof registration.event === 'object' ? registration.event?.id : registration.event
    if (eventId === null || eventId === undefined) {
      continue
    }
    const counts = byEvent.get(eventId) ?? { pending: 0, waitlisted: 0 }
    counts[registration.status] += 1
    byEvent.set(eventId, counts)
  }
  const events = byEvent.size
    ? await collectionOf<EventOfRegistration>(req, eventsSlug).find({
        limit: SHOWN,
        overrideAccess: false,
        select: { start: true, title: true },
        sort: 'start',
        where: {
          and: [
            { id: { in: [...byEvent.keys()] } },
            { start: { greater_than_equal: new Date().toISOString() } },
          ],
        },
      })
    : { docs: [] }
  return (
    <Card
      action={{
        href: listUrl(req, registrationsSlug, { 'where[status][in]': 'pending,waitlisted' }),
        label: localize(req, { de: 'Alle wartenden', en: 'All waiting' }),
      }}
      counts={[
        {
          href: listUrl(req, registrationsSlug, { 'where[status][equals]': 'pending' }),
          label: localize(req, { de: 'unbestätigt', en: 'unconfirmed' }),
          value: pending.totalDocs,
        },
        {
          href: listUrl(req, registrationsSlug, { 'where[status][equals]': 'waitlisted' }),
          isUrgent: waitlisted.totalDocs > 0,
          label: localize(req, { de: 'auf der Warteliste', en: 'on the waiting list' }),
          value: waitlisted.totalDocs,
        },
      ]}
      empty={localize(req, {
        de: 'Keine Anmeldung wartet auf eine Bestätigung.',
        en: 'No registration is waiting for confirmation.',
      })}
      id="registrations"
      items={events.docs.map((event) => {
        const counts = byEvent.get(event.id) ?? { pending: 0, waitlisted: 0 }
        return {
          details: [
            formatDateTime(req, event.start),
            ...(counts.pending
              ? [
                  localize(req, {
                    de: `${counts.pending} unbestätigt`,
                    en: `${counts.pending} unconfirmed`,
                  }),
                ]
              : []),
            ...(counts.waitlisted
              ? [
                  localize(req, {
                    de: `${counts.waitlisted} auf der Warteliste`,
                    en: `${counts.waitlisted} waiting`,
                  }),
                ]
              : []),
          ],
          href: documentUrl(req, eventsSlug, event.id),
          key: event.id,
          title: event.title,
        }
      })}
      title={title}
    />
  )
}
