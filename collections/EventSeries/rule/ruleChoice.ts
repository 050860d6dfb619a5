/**
 * What the rule picker's controls can say, and the RRULE each choice is stored as. Rules the
 * controls can't say (daily, by day of the month, with an end …) stay for the expert input.
 */
import { parseRule, type Weekday, WEEKDAYS } from './ruleParts'

/** 1st to 4th, or the last (-1), weekday of the month. */
export const ORDINALS = [1, 2, 3, 4, -1] as const

export type Ordinal = (typeof ORDINALS)[number]

export const MAX_WEEKS = 52
export const MAX_MONTHS = 12

export type RuleChoice =
  /** Weekly (or every n weeks) on one or more weekdays. */
  | { frequency: 'weekly'; interval: number; weekdays: Weekday[] }
  /** Monthly (or every n months) on the n-th (or last) weekday. */
  | { frequency: 'monthly'; interval: number; ordinal: Ordinal; weekday: Weekday }

const isOrdinal = (value: number | undefined): value is Ordinal =>
  (ORDINALS as readonly (number | undefined)[]).includes(value)

/** The choice a rule is, or undefined when the controls can't express it. */
export const choiceOfRule = (rule: null | string | undefined): RuleChoice | undefined => {
  const parts = parseRule(rule)
  if (
    !parts ||
    parts.count !== undefined ||
    parts.until !== undefined ||
    parts.byMonth.length > 0 ||
    parts.byMonthDay.length > 0 ||
    parts.byDay.length === 0
  ) {
    return undefined
  }
  const { byDay, bySetPos, freq, interval } = parts
  if (freq === 'WEEKLY' && interval <= MAX_WEEKS && bySetPos.length === 0) {
    if (byDay.some((day) => day.nth !== undefined)) {
      return undefined
    }
    const weekdays = WEEKDAYS.filter((weekday) => byDay.some((day) => day.weekday === weekday))
    return { frequency: 'weekly', interval, weekdays }
  }
  const [day, ...otherDays] = byDay
  if (freq === 'MONTHLY' && interval <= MAX_MONTHS && day && otherDays.length === 0) {
    // `BYDAY=+1TH` and `BYDAY=TH;BYSETPOS=1` say the same.
    const ordinal =
      bySetPos.length === 0 ? day.nth : day.nth === undefined ? bySetPos[0] : undefined
    if (bySetPos.length <= 1 && isOrdinal(ordinal)) {
      return { frequency: 'monthly', interval, ordinal, weekday: day.weekday }
    }
  }
  return undefined
}

/** The RRULE body a choice is stored as (`FREQ=MONTHLY;BYDAY=+1TH`). */
export const ruleOfChoice = (choice: RuleChoice): string => {
  const interval = choice.interval > 1 ? `;INTERVAL=${choice.interval}` : ''
  if (choice.frequency === 'weekly') {
    const weekdays = WEEKDAYS.filter((weekday) => choice.weekdays.includes(weekday))
    return `FREQ=WEEKLY${interval};BYDAY=${weekdays.join(',')}`
  }
  const position = choice.ordinal > 0 ? `+${choice.ordinal}` : String(choice.ordinal)
  return `FREQ=MONTHLY${interval};BYDAY=${position}${choice.weekday}`
}
