/**
 * A registration deadline a person sets must leave registration possible: not a day that is
 * over, not after the event's start day. Checked when the event is saved (a hook, which also sees
 * a start moved before a deadline that stays) and in the form once it was sent (the field's
 * validation, which Payload runs as the editor corrects it). Only changes are checked, so past
 * events stay editable; and only for signed-in people: imports, the demo content and jobs are
 * trusted.
 */
import type { CollectionBeforeChangeHook, DateFieldValidation, PayloadRequest } from 'payload'

import { ValidationError } from 'payload'

import type { RegistrationTranslationKey } from '../translations'
import type { ResolvedRegistrationOptions } from '../types'

import { translatorOf } from '@quartiersnetz/plugin-kit/respond'
import { dayIn } from '../lib/events'

/** The value at a dotted path ('registration.deadline'); undefined when the data doesn't say. */
const valueAt = (data: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined,
      data,
    )

const instantOf = (value: unknown) => {
  if (typeof value !== 'string' && !(value instanceof Date)) {
    return null
  }
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

/** "08.12.2026" ("08/12/2026" in English) of a day YYYY-MM-DD. */
const shown = (day: string, language: string) => {
  const [year, month, date] = day.split('-')
  return language === 'en' ? `${date}/${month}/${year}` : `${date}.${month}.${year}`
}

/** What is wrong with a deadline for an event starting at `start`, in the request's language. */
const problemOf = ({
  deadline,
  isAfterStartOnly = false,
  options,
  req,
  start,
}: {
  deadline: Date
  /** Only whether it is after the start (a deadline that stays may be over: the event is past). */
  isAfterStartOnly?: boolean
  options: ResolvedRegistrationOptions
  req: PayloadRequest
  start: Date | null
}): null | string => {
  const t = translatorOf<RegistrationTranslationKey>(req)
  const language = req.i18n?.language === 'en' ? 'en' : 'de'
  const day = dayIn(deadline, options.timeZone)
  if (!isAfterStartOnly && day < dayIn(new Date(), options.timeZone)) {
    return t('plugin-event-registration:deadlineInPast', { deadline: shown(day, language) })
  }
  if (start && day > dayIn(start, options.timeZone)) {
    return t('plugin-event-registration:deadlineAfterStart', {
      deadline: shown(day, language),
      start: shown(dayIn(start, options.timeZone), language),
    })
  }
  return null
}

/** The deadline field's validation: a new deadline day that is over or after the start is refused. */
export const validateDeadline =
  (options: ResolvedRegistrationOptions, own?: DateFieldValidation): DateFieldValidation =>
  async (value, args) => {
    const result = own ? await own(value, args) : true
    if (result !== true) {
      return result
    }
    const deadline = instantOf(value)
    if (!args.req?.user || !deadline) {
      return true
    }
    const previous = instantOf(args.previousValue)
    if (previous && dayIn(previous, options.timeZone) === dayIn(deadline, options.timeZone)) {
      return true
    }
    const start = instantOf(valueAt(args.data, options.fields.start))
    return problemOf({ deadline, options, req: args.req, start }) ?? true
  }

/**
 * The same rule when the event is saved, for both ways of breaking it: a deadline that changes
 * to a day that is over or after the start, and a start moved before a deadline that stays.
 * Refused with the rule's own words as the error's message, so the editor reads them in the
 * admin's notice (and, with the field's path, at the field), not only "invalid field".
 */
export const checkDeadline =
  (options: ResolvedRegistrationOptions): CollectionBeforeChangeHook =>
  ({ collection, data, originalDoc, req }) => {
    if (!req.user) {
      return data
    }
    const deadlinePath = options.fields.deadline ?? 'onlineRegistrationDeadline'
    const sentDeadline = valueAt(data, deadlinePath)
    const sentStart = valueAt(data, options.fields.start)
    const previousDeadline = instantOf(valueAt(originalDoc, deadlinePath))
    const previousStart = instantOf(valueAt(originalDoc, options.fields.start))
    const deadline = instantOf(sentDeadline === undefined ? previousDeadline : sentDeadline)
    const start = instantOf(sentStart === undefined ? previousStart : sentStart)
    if (!deadline) {
      return data
    }
    const isDeadlineChanged =
      !previousDeadline ||
      dayIn(previousDeadline, options.timeZone) !== dayIn(deadline, options.timeZone)
    const isStartChanged = Boolean(start) && start?.getTime() !== previousStart?.getTime()
    const problem = isDeadlineChanged
      ? problemOf({ deadline, options, req, start })
      : isStartChanged
        ? problemOf({ deadline, options, req, start, isAfterStartOnly: true })
        : null
    if (problem) {
      const error = new ValidationError({
        collection: collection.slug,
        errors: [{ message: problem, path: deadlinePath }],
        req,
      })
      error.message = problem
      throw error
    }
    return data
  }
