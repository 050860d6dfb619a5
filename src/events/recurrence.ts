/**
 * The occurrences of an event series: pure functions, no Payload. A series says "first
 * Thursday, 10:00 to 12:00 Berlin time"; the rule is evaluated on floating wall time (rrule sees
 * the wall time as if it were UTC, so no DST change can shift it), and each wall time is then
 * turned into the instant it is in Europe/Berlin on that day.
 */
import type { EventSery } from '../../payload-types'
import type { LocalizedText } from '../i18n/localize'

import { RRule } from '../domain/rrule'
import { berlinDate, berlinWallTimeToUtc } from './berlinTime'

export type Recurrence = NonNullable<EventSery['recurrence']>

export type PlannedOccurrence = {
  /** Rule date in Berlin, YYYY-MM-DD: what exceptions refer to and what the key is made of. */
  date: string
  end: Date
  /** An exception moved this occurrence to `start`. */
  isMoved: boolean
  /** An exception cancels this occurrence. */
  isSkipped: boolean
  /** `${seriesId}:${date}`: stays the same however often the series is generated or edited. */
  key: string
  start: Date
}

export type PlanArgs = {
  /** Occurrences from this instant's Berlin day up to `horizonDays` later. */
  now: Date
  recurrence: Recurrence
  seriesId: number | string
  /** Used when the series has no `startsOn`; must not change between runs (e.g. its creation). */
  startsOnFallback?: null | string
}

/** A rule that can't be evaluated; editors see `text` in their language. */
export class InvalidRecurrenceError extends Error {
  readonly text: LocalizedText
  constructor(text: LocalizedText) {
    super(text.en)
    this.name = 'InvalidRecurrenceError'
    this.text = text
  }
}

const DAY_MS = 24 * 60 * 60 * 1000
const DEFAULT_START_TIME = '10:00'
const DEFAULT_DURATION_MINUTES = 120
const DEFAULT_HORIZON_DAYS = 180
/** A daily series over the longest horizon (1000 days); more would be a mistake in the rule. */
const MAX_OCCURRENCES = 1000

/**
 * The calendar date of a day-only field. The admin stores such dates at 12:00 UTC, and a plain
 * "2026-03-05" is midnight UTC: either way the UTC date is the date the editor picked.
 */
export const calendarDateOf = (value: string): string => new Date(value).toISOString().slice(0, 10)

const floatingDay = (date: string): Date => {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number)
  return new Date(Date.UTC(year, month - 1, day))
}

const parseTime = (value: null | string | undefined): { hour: number; minute: number } => {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value || DEFAULT_START_TIME)
  if (!match) {
    throw new InvalidRecurrenceError({
      de: `Ungültige Uhrzeit „${value}“ (erwartet HH:MM).`,
      en: `Invalid time "${value}" (expected HH:MM).`,
    })
  }
  return { hour: Number(match[1]), minute: Number(match[2]) }
}

const parseRule = (rule: string) => {
  try {
    return RRule.parseString(rule.trim().replace(/^RRULE:/i, ''))
  } catch (err) {
    const reason = (err as Error).message
    throw new InvalidRecurrenceError({
      de: `Ungültige Wiederholungsregel: ${reason}`,
      en: `Invalid recurrence rule: ${reason}`,
    })
  }
}

/**
 * Every rule date from `now`'s Berlin day to the horizon, with the exceptions applied: skipped
 * dates are kept (marked) so that an existing event for them can be cancelled.
 */
export const planOccurrences = ({
  now,
  recurrence,
  seriesId,
  startsOnFallback,
}: PlanArgs): PlannedOccurrence[] => {
  const startsOn = recurrence.startsOn ?? startsOnFallback
  if (!recurrence.rule?.trim() || !startsOn) {
    return []
  }
  const options = parseRule(recurrence.rule)
  if (options.freq === undefined || options.freq > RRule.DAILY) {
    throw new InvalidRecurrenceError({
      de: 'Die Regel braucht FREQ=DAILY, WEEKLY, MONTHLY oder YEARLY; die Uhrzeit steht im Feld „Beginn (HH:MM)“.',
      en: 'The rule needs FREQ=DAILY, WEEKLY, MONTHLY or YEARLY; the time of day has its own field.',
    })
  }
  const { hour, minute } = parseTime(recurrence.startTime)
  const durationMs = (recurrence.durationMinutes ?? DEFAULT_DURATION_MINUTES) * 60_000
  const horizonDays = recurrence.horizonDays ?? DEFAULT_HORIZON_DAYS

  const firstDay = floatingDay(calendarDateOf(startsOn))
  const dtstart = new Date(firstDay.getTime() + (hour * 60 + minute) * 60_000)
  const endsOnUntil = recurrence.endsOn
    ? new Date(floatingDay(calendarDateOf(recurrence.endsOn)).getTime() + DAY_MS - 1000)
    : undefined
  const until = [options.until ?? undefined, endsOnUntil]
    .filter((value): value is Date => value instanceof Date)
    .reduce<Date | null>(
      (earliest, value) => (!earliest || value < earliest ? value : earliest),
      null,
    )

  // Floating: no tzid, so rrule keeps the wall time on every date, summer or winter.
  const rule = new RRule({ ...options, dtstart, tzid: null, until })
  const windowStart = floatingDay(berlinDate(now))
  const windowEnd = new Date(windowStart.getTime() + (horizonDays + 1) * DAY_MS - 1000)
  const ruleDates = rule.between(
    windowStart,
    windowEnd,
    true,
    (_, count) => count < MAX_OCCURRENCES,
  )

  const exceptions = new Map(
    (recurrence.exceptions ?? []).map((exception) => [calendarDateOf(exception.date), exception]),
  )
  const seen = new Set<string>()
  const occurrences: PlannedOccurrence[] = []
  for (const floating of ruleDates) {
    const date = floating.toISOString().slice(0, 10)
    if (seen.has(date)) {
      continue
    }
    seen.add(date)
    const regularStart = berlinWallTimeToUtc({
      day: floating.getUTCDate(),
      hour: floating.getUTCHours(),
      minute: floating.getUTCMinutes(),
      month: floating.getUTCMonth() + 1,
      year: floating.getUTCFullYear(),
    })
    const exception = exceptions.get(date)
    const isSkipped = exception?.action === 'skip'
    // A move without a new start is incomplete; the occurrence keeps its regular time.
    const isMoved = exception?.action === 'move' && Boolean(exception.movedTo)
    const start = isMoved && exception?.movedTo ? new Date(exception.movedTo) : regularStart
    occurrences.push({
      date,
      end: new Date(start.getTime() + durationMs),
      isMoved,
      isSkipped,
      key: `${seriesId}:${date}`,
      start,
    })
  }
  return occurrences
}

/** The occurrences that take place: skipped dates produce none, moved ones their new time. */
export const computeOccurrences = (args: PlanArgs): PlannedOccurrence[] =>
  planOccurrences(args).filter((occurrence) => !occurrence.isSkipped)
