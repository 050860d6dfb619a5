import type { BeforeListTableServerProps } from 'payload'

import { headers } from 'next/headers'
import Link from 'next/link'
import { redirect } from 'next/navigation'

import { berlinDate, berlinWallTimeToUtc } from '../../../../src/events/berlinTime'

import './index.css'

type Tab = 'all' | 'past' | 'upcoming'

/** Midnight in Berlin today: events that began earlier today still count as today's. */
const startOfToday = (now = new Date()) => {
  const [year, month, day] = berlinDate(now).split('-').map(Number)
  return berlinWallTimeToUtc({ day: day!, hour: 0, minute: 0, month: month!, year: year! })
}

/** The list's query for a tab: upcoming ascending (the next one on top), the past descending. */
const queryOf = (tab: Tab, today: Date) => {
  const query = new URLSearchParams()
  if (tab === 'upcoming') {
    query.set('where[start][greater_than_equal]', today.toISOString())
    query.set('sort', 'start')
  } else if (tab === 'past') {
    query.set('where[start][less_than]', today.toISOString())
    query.set('sort', '-start')
  } else {
    query.set('where[start][exists]', 'true')
    query.set('sort', '-start')
  }
  return query.toString()
}

/** Which tab a list's query is: by its condition on the start (as Next or qs hands it over). */
const tabOf = (searchParams: BeforeListTableServerProps['searchParams']): null | Tab => {
  const params = (searchParams ?? {}) as Record<string, unknown>
  const nested = (params.where as { start?: Record<string, unknown> } | undefined)?.start ?? {}
  const has = (operator: string) => `where[start][${operator}]` in params || operator in nested
  if (has('greater_than_equal')) {
    return 'upcoming'
  }
  if (has('less_than')) {
    return 'past'
  }
  return has('exists') ? 'all' : null
}

const LABELS: Record<Tab, { de: string; en: string }> = {
  all: { de: 'Alle', en: 'All' },
  past: { de: 'Vergangene', en: 'Past' },
  upcoming: { de: 'Ab heute', en: 'From today' },
}

/**
 * Above the events list: "Ab heute", "Vergangene", "Alle". Opened without a query (from the
 * navigation, the dashboard, the breadcrumbs), the list goes to "Ab heute": what editors work on
 * is the next events, not the first of 2021. Any query (a filter, a search, a page) is left
 * alone, and so is the list in a drawer (a server action, not a page visit).
 */
export const EventsListTabs = async ({
  i18n,
  payload,
  searchParams,
}: BeforeListTableServerProps) => {
  const listUrl = `${payload.config.routes.admin}/collections/events`
  const today = startOfToday()
  const isPageVisit = !(await headers()).has('next-action')
  if (isPageVisit && searchParams && Object.keys(searchParams).length === 0) {
    redirect(`${listUrl}?${queryOf('upcoming', today)}`)
  }
  const active = tabOf(searchParams)
  const language = i18n.language === 'en' ? 'en' : 'de'
  return (
    <nav
      aria-label={language === 'en' ? 'Events by date' : 'Veranstaltungen nach Datum'}
      className="events-list-tabs"
    >
      {(['upcoming', 'past', 'all'] as const).map((tab) => (
        <Link
          aria-current={tab === active ? 'page' : undefined}
          className={
            tab === active
              ? 'events-list-tabs__tab events-list-tabs__tab--active'
              : 'events-list-tabs__tab'
          }
          href={`${listUrl}?${queryOf(tab, today)}`}
          key={tab}
        >
          {LABELS[tab][language]}
        </Link>
      ))}
    </nav>
  )
}
