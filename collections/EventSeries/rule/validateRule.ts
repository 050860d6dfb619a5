import type { TextFieldSingleValidation } from 'payload'

import type { Language } from './describeRule'

import { rrulestr } from '../../../src/domain/rrule'

/**
 * What is wrong with an RRULE body such as FREQ=MONTHLY;BYDAY=+1TH (no DTSTART: the series has
 * its own start), in words; undefined when rrule can read it. Shared by the field's validation
 * and the expert input, which says it while the rule is typed.
 */
export const ruleProblem = (
  value: null | string | undefined,
  language: Language,
): string | undefined => {
  if (!value) {
    return undefined
  }
  if (/DTSTART|\n/i.test(value)) {
    return language === 'de'
      ? 'Bitte nur die Regel angeben (z. B. FREQ=MONTHLY;BYDAY=+1TH), ohne DTSTART.'
      : 'Please give the rule only (e.g. FREQ=MONTHLY;BYDAY=+1TH), without DTSTART.'
  }
  try {
    rrulestr(value.replace(/^RRULE:/i, ''))
    return undefined
  } catch (err) {
    const reason = (err as Error).message
    return language === 'de'
      ? `Ungültige Wiederholungsregel: ${reason}`
      : `Invalid recurrence rule: ${reason}`
  }
}

export const validateRecurrenceRule: TextFieldSingleValidation = (value, { req }) =>
  ruleProblem(value, req?.i18n?.language === 'en' ? 'en' : 'de') ?? true
