/**
 * Demo: the upcoming dates, relative to the day the seed runs. The seed texts' own events all
 * lie in the past (2021, 2024) and stay there; these show what the network does with dates
 * ahead: the monthly Netzwerktreffen generated from its rule, the next of them and a webinar
 * in the style of stadt:impuls open for online registration with limited seats.
 *
 * Runs on the same day change nothing: the occurrences exist (generation only runs when one is
 * missing), the demo webinar's date comes from its slug, and both follow from the Berlin day.
 * A run on a later day:
 * - generates the Netzwerktreffen dates that have come within the series' horizon (what the
 *   nightly job does anyway); past ones stay as they were;
 * - opens registration on the Netzwerktreffen that is then the next one still open
 *   (deadline not passed), if that is another one; earlier ones keep their settings;
 * - keeps the demo webinar while its registration is open (its deadline not passed) and
 *   otherwise adds a new one for the next suitable Tuesday, leaving the old one (and any
 *   registrations it has) as it was, so no registration ever points at a moved date.
 */
import type { RequiredDataFromCollectionSlug } from 'payload'

import type { Event } from '../../payload-types'
import type { SeedContext } from './context'
import type { EventSeriesIds } from './events'
import type { FieldOfActionIds } from './fieldsOfAction'
import type { MunicipalityIds } from './municipalities'

import { EVENT_TIME_ZONE } from '../domain/eventKinds'
import { berlinDate } from '../events/berlinTime'
import { generateOccurrences } from '../events/generateOccurrences'
import { planOccurrences } from '../events/recurrence'
import { addDays, addMinutes, berlinTime, day, germanDate, nextWeekday } from './dates'
import { isUnchanged } from './isUnchanged'
import { paragraphs } from './richText'
import { upsertBySlug } from './upsertBySlug'

/** The demo field of action the webinar belongs to (its slug is its key). */
export const WEBINAR_FIELD_OF_ACTION = 'soziale-netze-und-buergerschaftliches-engagement'
/** Where the Netzwerktreffen meets (its slug is its key). */
export const NETZWERKTREFFEN_MUNICIPALITY = 'essen'

/** What the upcoming dates refer to: documents the rest of the seed made. */
export type UpcomingArgs = {
  fieldsOfAction: Pick<FieldOfActionIds, typeof WEBINAR_FIELD_OF_ACTION>
  municipalities: Pick<MunicipalityIds, typeof NETZWERKTREFFEN_MUNICIPALITY>
  series: EventSeriesIds
}

const TUESDAY = 2
const WEBINAR_MINUTES = 30
/** stadt:impuls dates are announced "jeweils ca. 4 Wochen vor dem Termin". */
const WEBINAR_LEAD_DAYS = 28
/** Seed 002: registration for Tuesday 8 June 2021 closed on Friday 4 June. */
const WEBINAR_DEADLINE_DAYS_BEFORE = 4
const WEBINAR_SEATS = 25
/** The Monday before the first Thursday. */
const NETZWERKTREFFEN_DEADLINE_DAYS_BEFORE = 3
const NETZWERKTREFFEN_SEATS = 30

/** One demo webinar per date; the date in the slug is what a later run reads back. */
export const DEMO_WEBINAR_SLUG_PREFIX = 'demo-webinar-stadt-impuls-'

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/

const organisationQuestion = {
  key: 'organisation',
  label: 'Kommune / Organisation',
  required: false,
  type: 'text' as const,
}

/**
 * The Netzwerktreffen's dates up to the series' horizon, generated as the admin's "Termine
 * erzeugen" does (src/events/generateOccurrences.ts, in the seed's transaction), and the next
 * one opened for registration.
 */
const seedNetzwerktreffenDates = async (
  context: SeedContext,
  { municipalities, series }: UpcomingArgs,
) => {
  const { now, payload, req, tally } = context
  const stored = await payload.findByID({
    id: series.netzwerktreffen,
    collection: 'event-series',
    depth: 0,
    overrideAccess: true,
    req,
  })
  const planned = planOccurrences({
    now,
    recurrence: stored.recurrence ?? {},
    seriesId: stored.id,
    startsOnFallback: stored.createdAt,
  }).filter((occurrence) => !occurrence.isSkipped)
  const { docs: existing } = await payload.find({
    collection: 'events',
    depth: 0,
    overrideAccess: true,
    pagination: false,
    req,
    select: { occurrenceKey: true },
    where: { occurrenceKey: { in: planned.map((occurrence) => occurrence.key) } },
  })
  const existingKeys = new Set(existing.map((event) => event.occurrenceKey))
  // Only when a date is missing: generating also stamps the series' lastGeneratedAt, which a
  // run that has nothing to do must not touch.
  if (planned.some((occurrence) => !existingKeys.has(occurrence.key))) {
    const result = await generateOccurrences({ now, req, seriesId: stored.id })
    const changed = (result?.updated ?? 0) + (result?.cancelled ?? 0)
    tally.created += result?.created ?? 0
    tally.updated += changed
    tally.unchanged += existingKeys.size - changed
  } else {
    tally.unchanged += existingKeys.size
  }

  const today = berlinDate(now)
  const deadlineOf = (start: Date) =>
    addDays(berlinDate(start), -NETZWERKTREFFEN_DEADLINE_DAYS_BEFORE)
  const next = planned.find(
    (occurrence) => occurrence.start > now && deadlineOf(occurrence.start) >= today,
  )
  if (!next) {
    return
  }
  const deadline = deadlineOf(next.start)
  const wanted = {
    // Never public; only confirmed registrants receive it (also for the digital half of a hybrid meeting).
    accessLink: 'https://meeting.example.org/demo-netzwerktreffen',
    capacity: NETZWERKTREFFEN_SEATS,
    customQuestions: [
      {
        key: 'attendance',
        label: 'Teilnahme',
        options: [{ value: 'vor Ort' }, { value: 'digital' }],
        required: false,
        type: 'select' as const,
      },
      organisationQuestion,
    ],
    hasWaitingList: true,
    municipalities: [municipalities[NETZWERKTREFFEN_MUNICIPALITY]],
    registration: {
      deadline: day(deadline),
      hasLimitedSeats: true,
      note: `Demo: Ort, Plätze (${NETZWERKTREFFEN_SEATS}) und Anmeldeschluss (${germanDate(deadline)}) sind Beispielwerte der Demo-Inhalte. Bestätigte Teilnehmende erhalten den Link zur digitalen Teilnahme per E-Mail.`,
    },
    registrationOpen: true,
    teaser:
      'Demo: der nächste Termin des monatlichen Netzwerktreffens, mit Online-Anmeldung. Die AG Soziale Stadt lädt jeden 1. Donnerstag im Monat zur Austauschrunde ein, digital und vor Ort.',
    // The seed texts name no place; the Kommunale Koordinierungsstelle sits in Essen.
    venue: {
      municipality: municipalities[NETZWERKTREFFEN_MUNICIPALITY],
      name: 'Demo-Ort: Stadt Essen, Sitz der Kommunalen Koordinierungsstelle',
    },
  } satisfies Partial<Event>
  const { docs } = await payload.find({
    collection: 'events',
    depth: 0,
    draft: true,
    limit: 1,
    overrideAccess: true,
    pagination: false,
    req,
    where: { occurrenceKey: { equals: next.key } },
  })
  const event = docs[0]
  if (!event || isUnchanged(wanted, event)) {
    return
  }
  // The series publishes its dates; the seed keeps this one published as everything else.
  await payload.update({
    id: event.id,
    collection: 'events',
    data: { ...wanted, _status: 'published' },
    depth: 0,
    draft: false,
    overrideAccess: true,
    req,
  })
  // Just generated: already counted as created.
  if (existingKeys.has(next.key)) {
    tally.unchanged--
    tally.updated++
  }
}

/** The demo webinar for `date` (a Tuesday), in the style of seed 002's stadt:impuls announcement. */
const demoWebinar = (
  date: string,
  fieldsOfAction: UpcomingArgs['fieldsOfAction'],
): Omit<RequiredDataFromCollectionSlug<'events'>, '_status' | 'slug'> & { slug: string } => {
  const start = berlinTime(date, '12:00')
  const deadline = addDays(date, -WEBINAR_DEADLINE_DAYS_BEFORE)
  return {
    slug: `${DEMO_WEBINAR_SLUG_PREFIX}${date}`,
    title: 'Demo: Webinar im Format stadt:impuls – Die Stadtteilkonferenz in der Praxis',
    // Never public; only confirmed registrants receive it.
    accessLink: 'https://webinar.example.org/demo-stadt-impuls',
    audience: ['professionals'],
    capacity: WEBINAR_SEATS,
    customQuestions: [organisationQuestion],
    description: paragraphs(
      'Beispieltermin der Demo-Inhalte, kein echter Termin: Er zeigt, wie eine Webinar-Reihe wie stadt:impuls hier angekündigt wird und wie die Online-Anmeldung mit begrenzten Plätzen, Anmeldeschluss und Warteliste arbeitet.',
      'Wie bei stadt:impuls: 30 Minuten Praxis-Wissen zu integrierter Stadtentwicklung, kompakt, konkret und kostenfrei. Immer dienstags. Immer um 12 Uhr. Thema des Beispiels ist die Stadtteilkonferenz aus dem Modulbaukasten: die Entwicklung eines Quartiers in einem Gruppenprozess mit unterschiedlichen lokalen Akteurinnen und Akteuren positiv beeinflussen.',
    ),
    end: addMinutes(start, WEBINAR_MINUTES),
    end_tz: EVENT_TIME_ZONE,
    fee: { isFree: true, note: 'Die Teilnahme am Webinar ist kostenfrei.' },
    fieldsOfAction: [fieldsOfAction[WEBINAR_FIELD_OF_ACTION]],
    format: 'online',
    hasWaitingList: true,
    kind: 'webinar',
    registration: {
      deadline: day(deadline),
      hasLimitedSeats: true,
      note: `Demo: Begrenzte Platzkapazitäten (${WEBINAR_SEATS} Plätze). Bitte melden Sie sich bis zum ${germanDate(deadline)} online an. Sie erhalten dann einen Teilnahme-Link.`,
    },
    registrationOpen: true,
    start,
    start_tz: EVENT_TIME_ZONE,
    teaser: `Demo-Termin am ${germanDate(date)}, 12.00 bis 12.30 Uhr, online: ein Webinar im Format von stadt:impuls mit Online-Anmeldung (${WEBINAR_SEATS} Plätze, Anmeldeschluss ${germanDate(deadline)}).`,
    theme: 'Die Stadtteilkonferenz in der Praxis',
  }
}

/**
 * The demo webinar: a Tuesday at least four weeks ahead (as stadt:impuls announced its dates),
 * kept while its registration is open.
 */
const seedDemoWebinar = async (context: SeedContext, { fieldsOfAction }: UpcomingArgs) => {
  const { now, payload, req } = context
  const today = berlinDate(now)
  const { docs } = await payload.find({
    collection: 'events',
    depth: 0,
    draft: true,
    limit: 1,
    overrideAccess: true,
    pagination: false,
    req,
    select: { slug: true },
    // The date in the slug sorts as the slug does.
    sort: '-slug',
    where: { slug: { like: DEMO_WEBINAR_SLUG_PREFIX } },
  })
  const latestDate = docs[0]?.slug?.slice(DEMO_WEBINAR_SLUG_PREFIX.length)
  const isLatestOpen =
    latestDate !== undefined &&
    ISO_DAY.test(latestDate) &&
    addDays(latestDate, -WEBINAR_DEADLINE_DAYS_BEFORE) >= today
  const date = isLatestOpen ? latestDate : nextWeekday(addDays(today, WEBINAR_LEAD_DAYS), TUESDAY)
  await upsertBySlug(context, 'events', demoWebinar(date, fieldsOfAction))
}

export const seedUpcomingEvents = async (
  context: SeedContext,
  args: UpcomingArgs,
): Promise<void> => {
  await seedNetzwerktreffenDates(context, args)
  await seedDemoWebinar(context, args)
}
