import type { PayloadRequest } from 'payload'

/** Dates on the dashboard are the network's: Berlin time, whoever looks at them and from where. */
const TIME_ZONE = 'Europe/Berlin'

const localeOf = (req: PayloadRequest) => (req.i18n?.language === 'en' ? 'en-GB' : 'de-DE')

/** "Do., 11.12.2026, 10:00" */
export const formatDateTime = (req: PayloadRequest, value: Date | string) =>
  new Intl.DateTimeFormat(localeOf(req), {
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    month: '2-digit',
    timeZone: TIME_ZONE,
    weekday: 'short',
    year: 'numeric',
  }).format(new Date(value))

/** "11.12.2026" */
export const formatDate = (req: PayloadRequest, value: Date | string) =>
  new Intl.DateTimeFormat(localeOf(req), {
    day: '2-digit',
    month: '2-digit',
    timeZone: TIME_ZONE,
    year: 'numeric',
  }).format(new Date(value))

/** A number in the reader's notation. */
export const formatNumber = (req: PayloadRequest, value: number) =>
  new Intl.NumberFormat(localeOf(req)).format(value)

/** The calendar day in Berlin ("2026-12-08"), for comparing day-only dates such as deadlines. */
export const berlinDay = (value: Date | string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE }).format(new Date(value))
