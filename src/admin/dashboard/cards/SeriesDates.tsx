import type { WidgetServerProps } from 'payload'

import Link from 'next/link'

import { collectionOf } from '@quartiersnetz/plugin-kit/data'

import { localize } from '../../../i18n/localize'
import { grantsAny, scopeOf, within } from '../access'
import { Card } from '../Card'
import { formatDateTime } from '../format'
import { documentUrl, listUrl } from '../links'
import { Unavailable } from './Unavailable'

type Props = WidgetServerProps & {
  eventsSlug: string
  /** The events' relationship field that names their series. */
  seriesField: string
  seriesSlug: string
}

type Series = { _status?: 'draft' | 'published' | null; id: number; title: string }
type Occurrence = Record<string, unknown> & { id: number; start: string; title: string }

/** Series read (their next dates in one query); the soonest are shown. */
const SERIES_READ = 50
const SERIES_SHOWN = 8
const DATES_PER_SERIES = 3
/** Upcoming dates read for all shown series together (one query). */
const DATES_READ = 200

const idOf = (value: unknown): number | undefined =>
  typeof value === 'number'
    ? value
    : value && typeof value === 'object' && 'id' in value && typeof value.id === 'number'
      ? value.id
      : undefined

/**
 * The next dates of each event series, and the series without upcoming dates (their dates are
 * generated on the series' page).
 */
export const SeriesDatesCard = async ({ eventsSlug, req, seriesField, seriesSlug }: Props) => {
  const title = localize(req, { de: 'Veranstaltungsreihen', en: 'Event series' })
  const scope = await scopeOf(req, seriesSlug, 'update')
  if (!grantsAny(scope)) {
    return <Unavailable id="series" req={req} title={title} />
  }
  const series = await collectionOf<Series>(req, seriesSlug).find({
    limit: SERIES_READ,
    overrideAccess: false,
    select: { _status: true, title: true },
    sort: 'title',
    where: within(scope, {}),
  })
  const occurrences = collectionOf<Occurrence>(req, eventsSlug)
  const upcomingOf = (seriesIds: number[], limit: number) =>
    occurrences.find({
      limit,
      overrideAccess: false,
      select: { [seriesField]: true, start: true, title: true },
      sort: 'start',
      where: {
        and: [
          { [seriesField]: { in: seriesIds } },
          { start: { greater_than_equal: new Date().toISOString() } },
        ],
      },
    })
  const datesOf = new Map<number, Occurrence[]>()
  const collect = (docs: Occurrence[]) => {
    for (const occurrence of docs) {
      const seriesId = idOf(occurrence[seriesField])
      if (seriesId !== undefined) {
        datesOf.set(seriesId, [...(datesOf.get(seriesId) ?? []), occurrence])
      }
    }
  }
  const dates = series.docs.length
    ? await upcomingOf(
        series.docs.map(({ id }) => id),
        DATES_READ,
      )
    : { docs: [], totalDocs: 0 }
  collect(dates.docs)
  // Busy series can fill the one query: the others are asked on their own before they are
  // said to have no dates.
  if (dates.totalDocs > dates.docs.length) {
    for (const { id } of series.docs.filter((entry) => !datesOf.has(entry.id))) {
      collect((await upcomingOf([id], DATES_PER_SERIES)).docs)
    }
  }
  const withoutDates = series.docs.filter(({ id }) => !datesOf.has(id)).length
  // The next date first; series without one after them, as listed.
  const nextOf = (entry: Series) => datesOf.get(entry.id)?.[0]?.start ?? '\uffff'
  const shown = [...series.docs]
    .sort((a, b) => nextOf(a).localeCompare(nextOf(b)))
    .slice(0, SERIES_SHOWN)
  return (
    <Card
      action={{
        href: listUrl(req, seriesSlug),
        label: localize(req, { de: 'Alle Reihen', en: 'All series' }),
      }}
      counts={[
        {
          href: listUrl(req, seriesSlug),
          label: localize(req, { de: 'Reihen', en: 'series' }),
          value: series.totalDocs,
        },
        ...(withoutDates
          ? [
              {
                isUrgent: true,
                label: localize(req, {
                  de: 'ohne kommende Termine',
                  en: 'without upcoming dates',
                }),
                value: withoutDates,
              },
            ]
          : []),
      ]}
      empty={localize(req, { de: 'Noch keine Veranstaltungsreihe.', en: 'No event series yet.' })}
      id="series"
      items={shown.map((entry) => {
        const next = (datesOf.get(entry.id) ?? []).slice(0, DATES_PER_SERIES)
        return {
          badge:
            entry._status === 'draft' ? localize(req, { de: 'Entwurf', en: 'Draft' }) : undefined,
          details: next.length
            ? next.map((occurrence) => (
                <Link
                  className="qn-card__detail-link"
                  href={documentUrl(req, eventsSlug, occurrence.id)}
                  key={occurrence.id}
                >
                  {formatDateTime(req, occurrence.start)}
                </Link>
              ))
            : [
                localize(req, {
                  de: 'Keine kommenden Termine: auf der Seite der Reihe erzeugen',
                  en: 'No upcoming dates: generate them on the series’ page',
                }),
              ],
          href: documentUrl(req, seriesSlug, entry.id),
          key: entry.id,
          title: entry.title,
        }
      })}
      title={title}
    />
  )
}
