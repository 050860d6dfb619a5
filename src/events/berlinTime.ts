/**
 * Wall time in Europe/Berlin and UTC instants, through Intl only: series times are entered as
 * Berlin wall time, stored as instants, and must land on the right hour on both sides of the
 * March and October changes, whatever time zone the server process runs in.
 */
import { EVENT_TIME_ZONE } from '../domain/eventKinds'

export type WallTime = { day: number; hour: number; minute: number; month: number; year: number }

const MINUTE_MS = 60_000

const formatter = new Intl.DateTimeFormat('en-US', {
  day: 'numeric',
  hour: 'numeric',
  hourCycle: 'h23',
  minute: 'numeric',
  month: 'numeric',
  second: 'numeric',
  timeZone: EVENT_TIME_ZONE,
  year: 'numeric',
})

/** The Berlin wall time of an instant, to the second. */
const wallTimeParts = (instant: Date) => {
  const parts: Record<string, number> = {}
  for (const { type, value } of formatter.formatToParts(instant)) {
    if (type !== 'literal') {
      parts[type] = Number(value)
    }
  }
  return {
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    month: parts.month ?? 1,
    second: parts.second ?? 0,
    year: parts.year ?? 1970,
  }
}

/** Berlin's offset from UTC at an instant, in minutes (60 in winter, 120 in summer). */
export const berlinOffsetMinutes = (instant: Date): number => {
  const wall = wallTimeParts(instant)
  const wallAsUtc = Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day,
    wall.hour,
    wall.minute,
    wall.second,
  )
  return Math.round((wallAsUtc - Math.floor(instant.getTime() / 1000) * 1000) / MINUTE_MS)
}

/**
 * The instant at which Berlin's clocks show `wall`. The offset is looked up twice because the
 * first guess can sit on the other side of a change. A time that does not exist (02:30 on the
 * last Sunday of March) comes out one hour later, as the clocks would show it; a time that
 * exists twice (02:30 on the last Sunday of October) gives the later, winter-time instant.
 */
export const berlinWallTimeToUtc = ({ day, hour, minute, month, year }: WallTime): Date => {
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute)
  const firstOffset = berlinOffsetMinutes(new Date(wallAsUtc))
  const firstGuess = wallAsUtc - firstOffset * MINUTE_MS
  const secondOffset = berlinOffsetMinutes(new Date(firstGuess))
  return new Date(secondOffset === firstOffset ? firstGuess : wallAsUtc - secondOffset * MINUTE_MS)
}

/** The Berlin calendar date of an instant, as YYYY-MM-DD. */
export const berlinDate = (instant: Date): string => {
  const { day, month, year } = wallTimeParts(instant)
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** The instant the Berlin day after the one of `instant` begins (00:00 in Berlin). */
export const startOfNextBerlinDay = (instant: Date): Date => {
  const { day, month, year } = wallTimeParts(instant)
  // Date.UTC carries day 32 into the next month (and 13th month into the next year).
  const next = new Date(Date.UTC(year, month - 1, day + 1))
  return berlinWallTimeToUtc({
    day: next.getUTCDate(),
    hour: 0,
    minute: 0,
    month: next.getUTCMonth() + 1,
    year: next.getUTCFullYear(),
  })
}
