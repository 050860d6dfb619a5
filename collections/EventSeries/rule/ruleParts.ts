/**
 * The parts of an RRULE body (`FREQ=MONTHLY;BYDAY=+1TH`) that series use, read strictly: a part
 * this module doesn't know (BYHOUR, BYWEEKNO …) makes the rule unreadable here, so it is never
 * described or shown in the controls as something it isn't. rrule itself still evaluates it.
 */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const

export type Weekday = (typeof WEEKDAYS)[number]

export const FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'] as const

export type Frequency = (typeof FREQUENCIES)[number]

export type RuleParts = {
  /** Weekdays, with their position in the month or year where given (`+1TH`, `-1FR`). */
  byDay: { nth?: number; weekday: Weekday }[]
  byMonth: number[]
  byMonthDay: number[]
  bySetPos: number[]
  count?: number
  freq: Frequency
  interval: number
  /** The last day, as a calendar date (the time of UNTIL is not shown). */
  until?: { day: number; month: number; year: number }
}

const BY_DAY = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/
const UNTIL = /^(\d{4})(\d{2})(\d{2})(T\d{6}Z?)?$/
const INTEGER = /^[+-]?\d{1,4}$/

const integers = (value: string, { max, min }: { max: number; min: number }) => {
  const numbers = value.split(',').map((item) => (INTEGER.test(item) ? Number(item) : NaN))
  return numbers.every((n) => Number.isInteger(n) && n !== 0 && n >= min && n <= max)
    ? numbers
    : undefined
}

/** The parts of a rule, or undefined when it uses something this module doesn't read. */
export const parseRule = (rule: null | string | undefined): RuleParts | undefined => {
  const body = (rule ?? '').trim().replace(/^RRULE:/i, '')
  if (!body) {
    return undefined
  }
  const seen = new Set<string>()
  const parts: Partial<RuleParts> &
    Pick<RuleParts, 'byDay' | 'byMonth' | 'byMonthDay' | 'bySetPos'> = {
    byDay: [],
    byMonth: [],
    byMonthDay: [],
    bySetPos: [],
  }
  for (const item of body.split(';')) {
    const [rawKey = '', value = '', ...rest] = item.split('=')
    const key = rawKey.trim().toUpperCase()
    if (!value || rest.length > 0 || seen.has(key)) {
      return undefined
    }
    seen.add(key)
    const upper = value.trim().toUpperCase()
    switch (key) {
      case 'FREQ':
        if (!(FREQUENCIES as readonly string[]).includes(upper)) {
          return undefined
        }
        parts.freq = upper as Frequency
        break
      case 'INTERVAL': {
        const [interval] = integers(upper, { max: 1000, min: 1 }) ?? []
        if (interval === undefined || upper.includes(',')) {
          return undefined
        }
        parts.interval = interval
        break
      }
      case 'COUNT': {
        const [count] = integers(upper, { max: 1000, min: 1 }) ?? []
        if (count === undefined || upper.includes(',')) {
          return undefined
        }
        parts.count = count
        break
      }
      case 'BYDAY':
        for (const day of upper.split(',')) {
          const match = BY_DAY.exec(day)
          if (!match) {
            return undefined
          }
          const nth = match[1] === undefined ? undefined : Number(match[1])
          if (nth === 0 || (nth !== undefined && Math.abs(nth) > 53)) {
            return undefined
          }
          parts.byDay.push({ nth, weekday: match[2] as Weekday })
        }
        break
      case 'BYMONTHDAY': {
        const days = integers(upper, { max: 31, min: -31 })
        if (!days) {
          return undefined
        }
        parts.byMonthDay = days
        break
      }
      case 'BYMONTH': {
        const months = integers(upper, { max: 12, min: 1 })
        if (!months) {
          return undefined
        }
        parts.byMonth = months
        break
      }
      case 'BYSETPOS': {
        const positions = integers(upper, { max: 366, min: -366 })
        if (!positions) {
          return undefined
        }
        parts.bySetPos = positions
        break
      }
      case 'UNTIL': {
        const match = UNTIL.exec(upper)
        if (!match) {
          return undefined
        }
        parts.until = { day: Number(match[3]), month: Number(match[2]), year: Number(match[1]) }
        break
      }
      // The week's first day changes nothing for the rules series use.
      case 'WKST':
        break
      default:
        return undefined
    }
  }
  if (!parts.freq) {
    return undefined
  }
  return { ...parts, freq: parts.freq, interval: parts.interval ?? 1 }
}
