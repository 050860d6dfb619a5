/** Dates and times as people in Germany read them, always in Berlin time (events happen there). */
import type { Language } from './i18n'

const TIME_ZONE = 'Europe/Berlin'

const locale = (language: Language) => (language === 'de' ? 'de-DE' : 'en-GB')

/** "Donnerstag, 3. Dezember 2026" */
export const formatDay = (iso: string, language: Language) =>
  new Intl.DateTimeFormat(locale(language), { dateStyle: 'full', timeZone: TIME_ZONE }).format(
    new Date(iso),
  )

/** "10:00" */
export const formatTime = (iso: string, language: Language) =>
  new Intl.DateTimeFormat(locale(language), {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: TIME_ZONE,
  }).format(new Date(iso))

const dayKey = (iso: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date(iso))

/** "Donnerstag, 3. Dezember 2026, 10:00–12:00 Uhr" (or across days). */
export const formatPeriod = (start: string, end: null | string | undefined, language: Language) => {
  const suffix = language === 'de' ? ' Uhr' : ''
  if (!end) {
    return `${formatDay(start, language)}, ${formatTime(start, language)}${suffix}`
  }
  if (dayKey(start) === dayKey(end)) {
    return `${formatDay(start, language)}, ${formatTime(start, language)}–${formatTime(end, language)}${suffix}`
  }
  return `${formatDay(start, language)}, ${formatTime(start, language)}${suffix} – ${formatDay(end, language)}, ${formatTime(end, language)}${suffix}`
}

/** "3. Dezember 2026" */
export const formatDate = (iso: string, language: Language) =>
  new Intl.DateTimeFormat(locale(language), { dateStyle: 'long', timeZone: TIME_ZONE }).format(
    new Date(iso),
  )

/** Whether the registration deadline (a day, counted to its end in Berlin) has passed. */
export const isAfterDeadlineDay = (deadline: null | string | undefined, now = new Date()) =>
  Boolean(deadline) && dayKey(now.toISOString()) > dayKey(deadline!)
