/**
 * A series' rule and times in words, in German or English: "jeden 1. Donnerstag im Monat,
 * 10:00–12:00". rrule's own `toText` speaks English only, with English word order; this is ours.
 * One function for the rule picker, the list column and the tests.
 */
import { parseRule, type RuleParts, type Weekday } from './ruleParts'

export type Language = 'de' | 'en'

type Words = {
  /** "1., 2. und 3." / "1st, 2nd and 3rd" */
  and: string
  dayOfMonth: (day: number) => string
  month: string[]
  /** The weekday at a position of the month: "1. Donnerstag" / "first Thursday". */
  nthWeekday: (nth: number, weekday: Weekday) => string
  weekday: Record<Weekday, string>
}

const EN_ORDINALS = ['', 'first', 'second', 'third', 'fourth', 'fifth']

const enNumberOrdinal = (n: number) => {
  const suffix =
    n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th')
  return `${n}${suffix}`
}

const WORDS: Record<Language, Words> = {
  de: {
    and: 'und',
    dayOfMonth: (day) =>
      day === -1 ? 'letzten Tag' : day === -2 ? 'vorletzten Tag' : day > 0 ? `${day}.` : '',
    month: [
      'Januar',
      'Februar',
      'März',
      'April',
      'Mai',
      'Juni',
      'Juli',
      'August',
      'September',
      'Oktober',
      'November',
      'Dezember',
    ],
    nthWeekday: (nth, weekday) => {
      const position =
        nth === -1
          ? 'letzten'
          : nth === -2
            ? 'vorletzten'
            : nth > 0
              ? `${nth}.`
              : `${-nth}.-letzten`
      return `${position} ${WORDS.de.weekday[weekday]}`
    },
    weekday: {
      FR: 'Freitag',
      MO: 'Montag',
      SA: 'Samstag',
      SU: 'Sonntag',
      TH: 'Donnerstag',
      TU: 'Dienstag',
      WE: 'Mittwoch',
    },
  },
  en: {
    and: 'and',
    dayOfMonth: (day) =>
      day === -1
        ? 'last day'
        : day === -2
          ? 'second-to-last day'
          : day > 0
            ? enNumberOrdinal(day)
            : '',
    month: [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ],
    nthWeekday: (nth, weekday) => {
      const position =
        nth === -1
          ? 'last'
          : nth === -2
            ? 'second-to-last'
            : nth > 0
              ? (EN_ORDINALS[nth] ?? enNumberOrdinal(nth))
              : `${enNumberOrdinal(-nth)}-to-last`
      return `${position} ${WORDS.en.weekday[weekday]}`
    },
    weekday: {
      FR: 'Friday',
      MO: 'Monday',
      SA: 'Saturday',
      SU: 'Sunday',
      TH: 'Thursday',
      TU: 'Tuesday',
      WE: 'Wednesday',
    },
  },
}

/** "A", "A und B", "A, B und C". */
const list = (items: string[], and: string) =>
  items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`

/** "1. Dienstag und 3. Dienstag" / "Dienstag und Donnerstag"; undefined for mixed forms. */
const weekdayList = (
  parts: RuleParts,
  words: Words,
  { withPosition }: { withPosition: boolean },
) => {
  const positions = parts.byDay.map((day) =>
    day.nth === undefined && parts.bySetPos.length === 1 && parts.byDay.length === 1
      ? parts.bySetPos[0]
      : day.nth,
  )
  if (positions.some((nth) => (nth === undefined) === withPosition)) {
    return undefined
  }
  return list(
    parts.byDay.map((day, index) =>
      withPosition ? words.nthWeekday(positions[index]!, day.weekday) : words.weekday[day.weekday],
    ),
    words.and,
  )
}

/** The rule without the times, or undefined when it can't be said (and is shown as it is). */
const ruleWords = (parts: RuleParts, language: Language): string | undefined => {
  const words = WORDS[language]
  const { byDay, byMonth, byMonthDay, bySetPos, freq, interval } = parts
  const isDe = language === 'de'
  const every = (de: [string, string], en: [string, string]) =>
    interval === 1
      ? isDe
        ? de[0]
        : en[0]
      : isDe
        ? `alle ${interval} ${de[1]}`
        : `every ${interval} ${en[1]}`
  // BYSETPOS only in the form "the n-th of one weekday".
  const hasSetPos = bySetPos.length > 0
  if (hasSetPos && (bySetPos.length > 1 || byDay.length !== 1 || byDay[0]?.nth !== undefined)) {
    return undefined
  }
  const plainDays = byDay.length > 0 ? weekdayList(parts, words, { withPosition: false }) : ''
  const nthDays = byDay.length > 0 ? weekdayList(parts, words, { withPosition: true }) : ''

  switch (freq) {
    case 'DAILY': {
      if (byMonth.length || byMonthDay.length || hasSetPos || plainDays === undefined) {
        return undefined
      }
      const base = every(['jeden Tag', 'Tage'], ['every day', 'days'])
      if (!plainDays) {
        return base
      }
      if (interval === 1) {
        return isDe ? `jeden ${plainDays}` : `every ${plainDays}`
      }
      return isDe ? `${base}, nur ${plainDays}` : `${base}, only on ${plainDays}`
    }
    case 'WEEKLY': {
      if (byMonth.length || byMonthDay.length || hasSetPos || plainDays === undefined) {
        return undefined
      }
      if (!plainDays) {
        return every(['jede Woche', 'Wochen'], ['every week', 'weeks'])
      }
      if (interval === 1) {
        return isDe ? `jeden ${plainDays}` : `every ${plainDays}`
      }
      return isDe
        ? `alle ${interval} Wochen am ${plainDays}`
        : `every ${interval} weeks on ${plainDays}`
    }
    case 'MONTHLY': {
      if (byMonth.length || (byDay.length && byMonthDay.length)) {
        return undefined
      }
      if (byMonthDay.length) {
        const days = list(byMonthDay.map(words.dayOfMonth), words.and)
        const base = every(['jeden Monat', 'Monate'], ['every month', 'months'])
        return isDe ? `${base} am ${days}` : `${base} on the ${days}`
      }
      if (nthDays) {
        if (interval === 1) {
          return isDe ? `jeden ${nthDays} im Monat` : `every ${nthDays} of the month`
        }
        return isDe
          ? `alle ${interval} Monate am ${nthDays}`
          : `every ${interval} months on the ${nthDays}`
      }
      if (plainDays) {
        return interval === 1 ? (isDe ? `jeden ${plainDays}` : `every ${plainDays}`) : undefined
      }
      return byDay.length ? undefined : every(['jeden Monat', 'Monate'], ['every month', 'months'])
    }
    case 'YEARLY': {
      if (byMonth.length > 1 || (byMonthDay.length && byDay.length) || plainDays) {
        return undefined
      }
      const base = every(['jedes Jahr', 'Jahre'], ['every year', 'years'])
      const month = byMonth[0] === undefined ? undefined : words.month[byMonth[0] - 1]
      if (byMonthDay.length) {
        if (!month) {
          return undefined
        }
        const days = list(byMonthDay.map(words.dayOfMonth), words.and)
        return isDe ? `${base} am ${days} ${month}` : `${base} on the ${days} of ${month}`
      }
      if (nthDays) {
        return isDe
          ? `${base} am ${nthDays} ${month ? `im ${month}` : 'des Jahres'}`
          : `${base} on the ${nthDays} ${month ? `of ${month}` : 'of the year'}`
      }
      return month ? (isDe ? `${base} im ${month}` : `${base} in ${month}`) : base
    }
  }
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/
const DAY_MINUTES = 24 * 60

const clock = (minutes: number) => {
  const inDay = ((minutes % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES
  return `${String(Math.floor(inDay / 60)).padStart(2, '0')}:${String(inDay % 60).padStart(2, '0')}`
}

/** "10:00–12:00"; "ab 10:00" without a duration; undefined without a valid start time. */
export const timeWords = ({
  durationMinutes,
  language,
  startTime,
}: {
  durationMinutes?: null | number
  language: Language
  startTime?: null | string
}): string | undefined => {
  const match = TIME.exec(startTime ?? '')
  if (!match) {
    return undefined
  }
  const start = Number(match[1]) * 60 + Number(match[2])
  if (!durationMinutes || durationMinutes <= 0) {
    return language === 'de' ? `ab ${clock(start)}` : `from ${clock(start)}`
  }
  const end = start + durationMinutes
  const days = Math.floor(end / DAY_MINUTES)
  const nextDay =
    days === 0
      ? ''
      : language === 'de'
        ? days === 1
          ? ' (am nächsten Tag)'
          : ` (${days} Tage später)`
        : days === 1
          ? ' (next day)'
          : ` (${days} days later)`
  return `${clock(start)}–${clock(end)}${nextDay}`
}

const untilWords = ({ day, month, year }: NonNullable<RuleParts['until']>, language: Language) =>
  language === 'de'
    ? `bis ${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${year}`
    : `until ${day} ${WORDS.en.month[month - 1]} ${year}`

export type DescribeArgs = {
  durationMinutes?: null | number
  language: Language
  rule: null | string | undefined
  startTime?: null | string
}

/**
 * The rule (and, when given, the times) in words, starting lower case so that it can stand in a
 * sentence; undefined when the rule is empty or uses parts that can't be said in words.
 */
export const describeRule = ({
  durationMinutes,
  language,
  rule,
  startTime,
}: DescribeArgs): string | undefined => {
  const parts = parseRule(rule)
  const words = parts && ruleWords(parts, language)
  if (!parts || !words) {
    return undefined
  }
  const limits = [
    parts.count === undefined
      ? undefined
      : language === 'de'
        ? `${parts.count}-mal`
        : `${parts.count} ${parts.count === 1 ? 'time' : 'times'}`,
    parts.until && untilWords(parts.until, language),
    timeWords({ durationMinutes, language, startTime }),
  ]
  return [words, ...limits].filter(Boolean).join(', ')
}

/** The words as a sentence of their own: "Jeden 1. Donnerstag im Monat, 10:00–12:00". */
export const asSentence = (words: string): string => words.charAt(0).toUpperCase() + words.slice(1)
