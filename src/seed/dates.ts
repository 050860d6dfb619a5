import { berlinWallTimeToUtc } from '../events/berlinTime'

/**
 * A calendar day (YYYY-MM-DD) as the admin's day picker stores it: noon, so the day reads the
 * same in every European time zone.
 */
export const day = (isoDay: string): string => `${isoDay}T12:00:00.000Z`

/**
 * A wall-clock time in Europe/Berlin as a UTC instant: 12:00 on 8 June 2021 (summer time)
 * is 10:00Z, on 9 November 2021 (winter time) 11:00Z.
 */
export const berlinTime = (isoDay: string, time: string): string => {
  const [year, month, day] = isoDay.split('-').map(Number)
  const [hour, minute] = time.split(':').map(Number)
  return berlinWallTimeToUtc({
    day: day!,
    hour: hour!,
    minute: minute!,
    month: month!,
    year: year!,
  }).toISOString()
}

/** An instant plus some minutes, e.g. the end of a 30-minute webinar. */
export const addMinutes = (instant: string, minutes: number): string =>
  new Date(Date.parse(instant) + minutes * 60_000).toISOString()

/** A calendar day (YYYY-MM-DD) some days after another; negative days go back. */
export const addDays = (isoDay: string, days: number): string => {
  const [year, month, date] = isoDay.split('-').map(Number)
  return new Date(Date.UTC(year!, month! - 1, date! + days)).toISOString().slice(0, 10)
}

/** The weekday of a calendar day: 0 Sunday … 6 Saturday. */
export const weekdayOf = (isoDay: string): number => new Date(`${isoDay}T12:00:00.000Z`).getUTCDay()

/** The first day on or after `isoDay` that falls on `weekday` (0 Sunday … 6 Saturday). */
export const nextWeekday = (isoDay: string, weekday: number): string =>
  addDays(isoDay, (weekday - weekdayOf(isoDay) + 7) % 7)

/** 8 June 2021 as the seed texts write dates: "8. Juni 2021". */
export const germanDate = (isoDay: string): string =>
  new Intl.DateTimeFormat('de-DE', {
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
    year: 'numeric',
  }).format(new Date(`${isoDay}T12:00:00.000Z`))
