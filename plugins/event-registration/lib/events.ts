import type { PayloadRequest, Where } from 'payload'

import type { ResolvedRegistrationOptions, StoredEvent } from '../types'

import { visitorReadAccess } from '@quartiersnetz/plugin-kit/data'
import { isPossibleId } from '@quartiersnetz/plugin-kit/ids'
import { eventsOf } from './records'

/** The `select`s of the plugin's reads that need no seat counts (attachSeatCounts skips them). */
export const readsWithoutSeatCounts = new WeakSet<object>()

const registeringSelects = new WeakMap<ResolvedRegistrationOptions, Record<string, true>>()

/**
 * What registering reads of the event: whether it is open, its questions, and what the mail
 * asking to confirm says (title, start and end, whether online). No seat counts: a pending
 * registration holds no seat. Only these fields, so that the read builds and runs a small query
 * instead of one that joins every relationship of the event (bench/optimisations.md).
 */
const registeringSelectOf = (options: ResolvedRegistrationOptions): Record<string, true> => {
  let select = registeringSelects.get(options)
  if (!select) {
    const {
      accessLink,
      deadline = 'onlineRegistrationDeadline',
      end,
      format,
      start,
      title,
    } = options.fields
    select = Object.fromEntries(
      [
        ...[accessLink, deadline, end, format, start, title].map((path) => path.split('.')[0]!),
        'capacity',
        'customQuestions',
        'hasWaitingList',
        'registrationOpen',
      ].map((name) => [name, true as const]),
    )
    readsWithoutSeatCounts.add(select)
    registeringSelects.set(options, select)
  }
  return select
}

/**
 * The event with every field (access link included), for the plugin's own use only; its
 * relationships as ids (the plugin reads only the event's own fields: no population).
 */
export const loadEvent = async ({
  id,
  options,
  req,
}: {
  id: number | string
  options: ResolvedRegistrationOptions
  req: PayloadRequest
}): Promise<null | StoredEvent> =>
  isPossibleId(req.payload, options.eventsCollection, id)
    ? eventsOf(options, req).findByID({ depth: 0, id, overrideAccess: true })
    : null

/**
 * The event a visitor registers for, if a visitor may see it (e.g. published), with what
 * registering needs (`registeringSelectOf`), in one statement: the events' read access as a
 * visitor has it narrows the query by id, and the fields are read with access overridden (the
 * access link, which visitors never read, goes into the mails). Null when a visitor can't
 * see it. A database error propagates (answered 503), never "not found".
 */
export const loadEventToRegister = async ({
  id,
  options,
  req,
}: {
  id: number | string
  options: ResolvedRegistrationOptions
  req: PayloadRequest
}): Promise<null | StoredEvent> => {
  if (!isPossibleId(req.payload, options.eventsCollection, id)) {
    return null
  }
  const visible = await visitorReadAccess({
    id,
    payload: req.payload,
    slug: options.eventsCollection,
  })
  if (visible === false) {
    return null
  }
  const byId: Where = { id: { equals: id } }
  const { docs } = await eventsOf(options, req).find({
    depth: 0,
    limit: 1,
    overrideAccess: true,
    pagination: false,
    select: registeringSelectOf(options),
    where: visible === true ? byId : { and: [byId, visible] },
  })
  return docs[0] ?? null
}

/** A field of the event; `name` may be a dotted path into groups ('registration.deadline'). */
export const fieldOf = (event: StoredEvent, name: string): unknown =>
  name
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined,
      event,
    )

/** The registration deadline: the host's field when `fields.deadline` names one, else the plugin's. */
export const deadlineOf = (
  event: StoredEvent,
  options: ResolvedRegistrationOptions,
): null | string => {
  const value = fieldOf(event, options.fields.deadline ?? 'onlineRegistrationDeadline')
  return typeof value === 'string' && value ? value : null
}

export const titleOf = (event: StoredEvent, options: ResolvedRegistrationOptions) =>
  String(fieldOf(event, options.fields.title) ?? '')

export const startOf = (event: StoredEvent, options: ResolvedRegistrationOptions) =>
  new Date(String(fieldOf(event, options.fields.start)))

export const endOf = (event: StoredEvent, options: ResolvedRegistrationOptions) => {
  const end = fieldOf(event, options.fields.end)
  return end ? new Date(String(end)) : new Date(startOf(event, options).getTime() + 2 * 3_600_000)
}

export const isOnline = (event: StoredEvent, options: ResolvedRegistrationOptions) =>
  options.onlineFormats.includes(String(fieldOf(event, options.fields.format)))

/** The calendar day (YYYY-MM-DD) of an instant in the plugin's time zone. */
export const dayIn = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', {
    day: '2-digit',
    month: '2-digit',
    timeZone,
    year: 'numeric',
  }).format(date)

/** Registration closes at the end of the deadline day in the plugin's time zone. */
export const isAfterDeadline = (
  event: StoredEvent,
  options: ResolvedRegistrationOptions,
  now = new Date(),
) => {
  const deadline = deadlineOf(event, options)
  return (
    Boolean(deadline) && dayIn(now, options.timeZone) > dayIn(new Date(deadline!), options.timeZone)
  )
}

/**
 * Whether visitors can register now, or why not: the one rule of the registration endpoint and
 * of `registrationOpen` in the API. Open means switched on, not begun and the deadline day not
 * over (registration closes at the end of it, in the plugin's time zone).
 */
export type RegistrationState = 'closed' | 'deadline-passed' | 'disabled' | 'open' | 'started'

export const registrationStateOf = (
  event: StoredEvent,
  options: ResolvedRegistrationOptions,
  now = new Date(),
): RegistrationState => {
  if (options.disabled) {
    return 'disabled'
  }
  if (!event.registrationOpen) {
    return 'closed'
  }
  if (hasStarted(event, options, now.getTime())) {
    return 'started'
  }
  if (isAfterDeadline(event, options, now)) {
    return 'deadline-passed'
  }
  return 'open'
}

/** Formatters by locale, style and time zone: building one costs more than formatting with it. */
const formatters = new Map<string, Intl.DateTimeFormat>()
const formatterOf = (language: string, timeZone: string, style: 'day' | 'dayAndTime') => {
  const key = `${language}|${timeZone}|${style}`
  let formatter = formatters.get(key)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(
      language === 'en' ? 'en-GB' : 'de-DE',
      style === 'day'
        ? { dateStyle: 'long', timeZone }
        : { dateStyle: 'medium', timeStyle: 'short', timeZone },
    )
    formatters.set(key, formatter)
  }
  return formatter
}

export const dateText = (
  event: StoredEvent,
  options: ResolvedRegistrationOptions,
  language: string,
) => formatterOf(language, options.timeZone, 'day').format(startOf(event, options))

export const startText = (
  event: StoredEvent,
  options: ResolvedRegistrationOptions,
  language: string,
) => formatterOf(language, options.timeZone, 'dayAndTime').format(startOf(event, options))

/** Whether the event has begun: registering, confirming and cancelling end then. */
export const hasStarted = (
  event: StoredEvent,
  options: ResolvedRegistrationOptions,
  now = Date.now(),
) => startOf(event, options).getTime() <= now

/**
 * When the event takes place, for the pages people read: "Donnerstag, 12. März 2026,
 * 18:00–20:00 Uhr" ("Thursday 12 March 2026, 18:00–20:00"), in the plugin's time zone.
 */
export const whenText = (
  event: StoredEvent,
  options: ResolvedRegistrationOptions,
  language: string,
) => {
  const locale = language === 'en' ? 'en-GB' : 'de-DE'
  const day = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    timeZone: options.timeZone,
    weekday: 'long',
    year: 'numeric',
  })
  const time = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: options.timeZone,
  })
  const hours = language === 'en' ? '' : ' Uhr'
  const start = startOf(event, options)
  const endValue = fieldOf(event, options.fields.end)
  const end = endValue ? new Date(String(endValue)) : null
  if (!end || !(end > start)) {
    return `${day.format(start)}, ${time.format(start)}${hours}`
  }
  return day.format(end) === day.format(start)
    ? `${day.format(start)}, ${time.format(start)}–${time.format(end)}${hours}`
    : `${day.format(start)}, ${time.format(start)}${hours} – ${day.format(end)}, ${time.format(end)}${hours}`
}
