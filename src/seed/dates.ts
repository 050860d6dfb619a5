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
  return berlinWallTimeToUtc({ day: day!, hour: hour!, minute: minute!, month: month!, year: year! }).toISOString()
}

/** An instant plus some minutes, e.g. the end of a 30-minute webinar. */
export const addMinutes = (instant: string, minutes: number): string => new Date(Date.parse(instant) + minutes * 60_000).toISOString()
