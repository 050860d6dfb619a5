/**
 * A registration deadline a person sets must leave registration possible: not a day that is
 * over, not after the event's start day. Checked when the event is saved (a hook, which also sees
 * a start moved before a deadline that stays) and in the form once it was sent (the field's
 * validation, which Payload runs as the editor corrects it). Only changes are checked, so past
 * events stay editable; and only for signed-in people: imports, the demo content and jobs are
 * trusted.
 *
 * The hook runs before Payload validates the fields. Had it thrown there, the editor would see
 * the deadline's error alone and the others (an end before the start, a required field left
 * empty) only after correcting it. So when the fields are validated in the same save, the hook
 * hands its finding to the deadline field's validation, and Payload answers every field's error
 * at once, each at its field.
 */
import type {
  AfterErrorHook,
  CollectionBeforeChangeHook,
  DateFieldValidation,
  PayloadRequest,
  SanitizedCollectionConfig,
} from 'payload'

import { ValidationError } from 'payload'

import type { RegistrationTranslationKey } from '../translations'
import type { ResolvedRegistrationOptions } from '../types'

import { translatorOf } from '@quartiersnetz/plugin-kit/respond'
import { dayIn } from '../lib/events'

/** Where the hook leaves its finding for the field's validation, per event (`new` when created). */
const PROBLEMS_KEY = 'plugin-event-registration:deadlineProblems'

const problemsOf = (req: PayloadRequest): Map<string, string> => {
  const existing = req.context[PROBLEMS_KEY]
  if (existing instanceof Map) {
    return existing as Map<string, string>
  }
  const created = new Map<string, string>()
  req.context[PROBLEMS_KEY] = created
  return created
}

const keyOf = (id: unknown) =>
  typeof id === 'number' || typeof id === 'string' ? String(id) : 'new'

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
    // The save's hook saw more (the stored start and deadline): its finding comes first.
    const problems = args.req?.context ? problemsOf(args.req) : undefined
    const found = problems?.get(keyOf(args.id))
    problems?.delete(keyOf(args.id))
    const result = own ? await own(value, args) : true
    if (result !== true) {
      return result
    }
    if (found) {
      return found
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
 * Whether Payload validates the fields after the hooks of this save, as it does for a document
 * that is published (or has no drafts), and not only for the submitted fields (a move to or
 * from the trash). A draft is saved without validation: there the hook refuses by itself.
 */
const isValidatedAfterHooks = (collection: SanitizedCollectionConfig, data: unknown) => {
  const drafts = collection.versions ? collection.versions.drafts : false
  const isDraftValidated = !drafts || (typeof drafts === 'object' && Boolean(drafts.validate))
  return (
    (isDraftValidated || valueAt(data, '_status') === 'published') &&
    valueAt(data, 'deletedAt') === undefined
  )
}

/**
 * The same rule when the event is saved, for both ways of breaking it: a deadline that changes
 * to a day that is over or after the start, and a start moved before a deadline that stays.
 * Refused with the rule's own words at the deadline's path, so the editor reads them at the
 * field (and in the admin's notice when the hook refuses by itself), not only "invalid field".
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
    if (problem && isValidatedAfterHooks(collection, data)) {
      problemsOf(req).set(keyOf(originalDoc?.id), problem)
      return data
    }
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

/**
 * A refusal whose only field at fault is the deadline says the rule's words, not Payload's
 * "Das folgende Feld ist nicht korrekt: Anmeldung > Anmeldeschluss": the admin's notice shows
 * the whole sentence (the field's own label has room for its beginning only), and API clients
 * read what to change.
 */
export const sayDeadlineProblem =
  (options: ResolvedRegistrationOptions): AfterErrorHook =>
  ({ error, result }) => {
    const deadlinePath = options.fields.deadline ?? 'onlineRegistrationDeadline'
    if (!(error instanceof ValidationError) || !result?.errors.length) {
      return
    }
    const [only, ...others] = error.data.errors
    if (!only || others.length || only.path !== deadlinePath) {
      return
    }
    return {
      response: {
        ...result,
        errors: result.errors.map((entry, index) =>
          index === 0 ? { ...entry, message: only.message } : entry,
        ),
      },
    }
  }
