import type { WidgetServerProps } from 'payload'

import { collectionOf } from '@quartiersnetz/plugin-kit/data'

import { localize } from '../../../i18n/localize'
import { grantsAny, scopeOf, within } from '../access'
import { Card } from '../Card'
import { berlinDay, formatDate, formatDateTime } from '../format'
import { documentUrl, listUrl } from '../links'
import { Unavailable } from './Unavailable'

/** Where an event keeps what the tile shows (the registration plugin's fields and the host's). */
export type EventFields = {
  /** @default 'capacity' */
  capacity?: string
  /** A dotted path, e.g. 'registration.deadline'. */
  deadline?: string
  /** @default 'registrationOpen' */
  registrationOpen?: string
}

type Props = WidgetServerProps & { eventFields?: EventFields; eventsSlug: string }

type UpcomingEvent = Record<string, unknown> & {
  _status?: 'draft' | 'published' | null
  id: number
  isCancelled?: boolean | null
  /** Filled on read by the registration plugin. */
  seatsTaken?: number
  start: string
  title: string
  waitingCount?: number
}

const valueAt = (doc: Record<string, unknown>, path: string | undefined): unknown =>
  path
    ? path
        .split('.')
        .reduce<unknown>(
          (value, key) =>
            value && typeof value === 'object'
              ? (value as Record<string, unknown>)[key]
              : undefined,
          doc,
        )
    : undefined

const SHOWN = 6

/** The next events with seats taken of capacity, the waiting list and the deadline. */
export const UpcomingEventsCard = async ({ eventFields = {}, eventsSlug, req }: Props) => {
  const title = localize(req, { de: 'Anstehende Veranstaltungen', en: 'Upcoming events' })
  const scope = await scopeOf(req, eventsSlug, 'update')
  if (!grantsAny(scope)) {
    return <Unavailable id="upcoming-events" req={req} title={title} />
  }
  const { capacity = 'capacity', deadline, registrationOpen = 'registrationOpen' } = eventFields
  const now = new Date()
  const upcoming = { start: { greater_than_equal: now.toISOString() } }
  const events = await collectionOf<UpcomingEvent>(req, eventsSlug).find({
    limit: SHOWN,
    overrideAccess: false,
    sort: 'start',
    where: within(scope, upcoming),
  })
  const count = (value: unknown) => (typeof value === 'number' ? value : 0)
  return (
    <Card
      action={{
        href: listUrl(req, eventsSlug, {
          sort: 'start',
          'where[start][greater_than_equal]': now.toISOString().slice(0, 10),
        }),
        label: localize(req, { de: 'Alle anstehenden', en: 'All upcoming' }),
      }}
      counts={[
        {
          label: localize(req, { de: 'anstehend', en: 'upcoming' }),
          value: events.totalDocs,
        },
      ]}
      empty={localize(req, {
        de: 'Keine anstehenden Veranstaltungen.',
        en: 'No upcoming events.',
      })}
      id="upcoming-events"
      items={events.docs.map((event) => {
        const seats = valueAt(event, capacity)
        const isOpen = valueAt(event, registrationOpen) === true
        const taken = count(event.seatsTaken)
        const waiting = count(event.waitingCount)
        const closesAt = valueAt(event, deadline)
        // A deadline is a day: registration closes at its end, Berlin time.
        const hasClosed = typeof closesAt === 'string' && berlinDay(closesAt) < berlinDay(now)
        const details = [
          formatDateTime(req, event.start),
          typeof seats === 'number'
            ? localize(req, {
                de: `${taken} von ${seats} Plätzen belegt`,
                en: `${taken} of ${seats} seats taken`,
              })
            : isOpen
              ? localize(req, { de: `${taken} Anmeldungen`, en: `${taken} registrations` })
              : localize(req, { de: 'ohne Online-Anmeldung', en: 'no online registration' }),
          ...(waiting
            ? [localize(req, { de: `${waiting} auf der Warteliste`, en: `${waiting} waiting` })]
            : []),
          ...(typeof closesAt === 'string'
            ? [
                localize(req, {
                  de: `Anmeldeschluss ${formatDate(req, closesAt)}${hasClosed ? ' (vorbei)' : ''}`,
                  en: `Registration deadline ${formatDate(req, closesAt)}${hasClosed ? ' (passed)' : ''}`,
                }),
              ]
            : []),
        ]
        const badge = event.isCancelled
          ? localize(req, { de: 'abgesagt', en: 'cancelled' })
          : event._status === 'draft'
            ? localize(req, { de: 'Entwurf', en: 'Draft' })
            : typeof seats === 'number' && taken >= seats
              ? localize(req, { de: 'ausgebucht', en: 'fully booked' })
              : undefined
        return {
          badge,
          details,
          href: documentUrl(req, eventsSlug, event.id),
          key: event.id,
          title: event.title,
        }
      })}
      title={title}
    />
  )
}
