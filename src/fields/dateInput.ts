import type { DateField } from 'payload'

/**
 * Date fields that take German input: "8.12.2026", "08.12.26", "08.12.2026 23:59".
 *
 * Payload's date picker hands what is typed to react-datepicker, which parses it with the one
 * display format and, when that fails ("8.12.2026" against `dd.MM.yyyy`, or a time typed into a
 * date-only field), falls back to `new Date(text)`: the JavaScript engine reads "08.12.2026" the
 * American way, as 12 August. Given a list of formats instead, react-datepicker tries each and
 * never falls back; the first one is the one it displays. So every date field gets the German
 * forms here, with and without leading zeros, a two-digit year and a time.
 */
const dayForms = ['dd.M.yyyy', 'd.M.yyyy', 'dd.M.yy', 'd.M.yy']
const timeForms = ['H:mm', 'H:m']

/** Display format first (react-datepicker shows a date in it), then what else it accepts. */
const inputFormats = (displayFormat: string, { withTime }: { withTime: boolean }) => {
  const dateTimeForms = dayForms.flatMap((day) =>
    timeForms.flatMap((time) => [`${day} ${time}`, `${day}, ${time}`]),
  )
  // A date-only field also takes a typed time (and keeps the day): "08.12.2026 23:59" is the 8th.
  return [
    displayFormat,
    ...(withTime ? [...dateTimeForms, ...dayForms] : [...dayForms, ...dateTimeForms]),
  ]
}

type DateAdmin = NonNullable<DateField['admin']>

/** A calendar day, shown as 08.12.2026 (stored at noon UTC, as Payload does for days). */
export const germanDay: DateAdmin = {
  date: {
    displayFormat: 'dd.MM.yyyy',
    overrides: { dateFormat: inputFormats('dd.MM.yyyy', { withTime: false }) },
    pickerAppearance: 'dayOnly',
  },
}

/** A day and a time, shown as 08.12.2026 23:59, chosen in quarter hours or typed to the minute. */
export const germanDateTime: DateAdmin = {
  date: {
    displayFormat: 'dd.MM.yyyy HH:mm',
    overrides: { dateFormat: inputFormats('dd.MM.yyyy HH:mm', { withTime: true }) },
    pickerAppearance: 'dayAndTime',
    timeFormat: 'HH:mm',
    timeIntervals: 15,
  },
}
