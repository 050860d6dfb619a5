/**
 * Turns a series' occurrences into events, idempotently: each occurrence has a unique
 * `occurrenceKey`, so running twice (nightly and from the admin button, or both at once)
 * creates nothing twice. Events that exist are the editors' from then on; only the series'
 * exceptions still reach them (a skipped date cancels, a moved one moves).
 */
import type { PayloadRequest, RequiredDataFromCollectionSlug } from 'payload'

import type { EventSery } from '../../payload-types'

import { commitTransaction, initTransaction, killTransaction, ValidationError } from 'payload'

import { EVENT_TIME_ZONE } from '../domain/eventKinds'
import { InvalidRecurrenceError, type PlannedOccurrence, planOccurrences } from './recurrence'

export type GenerationResult = {
  /** Existing events cancelled because their date is now skipped. */
  cancelled: number
  created: number
  /** Occurrences that take place within the horizon (skipped ones not counted). */
  total: number
  /** Existing events moved to the time an exception gives. */
  updated: number
}

type GenerateArgs = {
  /**
   * Create the new events as drafts, for an editor to review and publish, even when the series
   * is published. Events that exist keep their status either way.
   */
  asDrafts?: boolean
  /** Defaults to the current time; tests pass a fixed one. */
  now?: Date
  /** The request or job whose transaction and logger are used. */
  req: PayloadRequest
  seriesId: number | string
}

/** Two generations at once: the second's insert hits the unique key; its retry finds the events. */
const MAX_ATTEMPTS = 3

const isUniqueClash = (err: unknown): boolean =>
  err instanceof ValidationError &&
  err.data.errors.some((error) => error.path === 'occurrenceKey' || error.path === 'slug')

type Relation = number | { id: number }

const idOf = (value: null | Relation | undefined): number | undefined =>
  value && typeof value === 'object' ? value.id : (value ?? undefined)

/** A readable, stable slug (`jour-fixe-2026-03-05`), unless an event already has it. */
const slugFor = async ({
  occurrence,
  req,
  series,
}: {
  occurrence: PlannedOccurrence
  req: PayloadRequest
  series: EventSery
}) => {
  if (!series.slug) {
    return undefined
  }
  const candidate = `${series.slug}-${occurrence.date}`
  const { totalDocs } = await req.payload.count({
    collection: 'events',
    overrideAccess: true,
    req,
    where: { slug: { equals: candidate } },
  })
  // Taken: leave it empty and let the slug field number it.
  return totalDocs === 0 ? candidate : undefined
}

const generateOnce = async ({
  asDrafts,
  now,
  req,
  series,
}: {
  asDrafts: boolean
  now: Date
  req: PayloadRequest
  series: EventSery
}): Promise<GenerationResult> => {
  const { payload } = req
  const planned = planOccurrences({
    now,
    recurrence: series.recurrence ?? {},
    seriesId: series.id,
    startsOnFallback: series.createdAt,
  })
  const result: GenerationResult = {
    cancelled: 0,
    created: 0,
    total: planned.filter((occurrence) => !occurrence.isSkipped).length,
    updated: 0,
  }

  const existing = planned.length
    ? await payload.find({
        collection: 'events',
        depth: 0,
        overrideAccess: true,
        pagination: false,
        req,
        select: {
          _status: true,
          end: true,
          isCancelled: true,
          municipalities: true,
          occurrenceKey: true,
          start: true,
        },
        where: { occurrenceKey: { in: planned.map((occurrence) => occurrence.key) } },
      })
    : undefined
  const byKey = new Map(existing?.docs.map((doc) => [doc.occurrenceKey, doc]))

  const isPublishing = series._status === 'published' && !asDrafts
  // 'on-site' is the events' own default.
  const format = series.defaultFormat ?? 'on-site'
  const municipalities = (series.municipalities ?? []).flatMap((value) => idOf(value) ?? [])

  for (const occurrence of planned) {
    const event = byKey.get(occurrence.key)
    if (!event) {
      if (occurrence.isSkipped) {
        continue
      }
      const data: RequiredDataFromCollectionSlug<'events'> = {
        // Visible to the public only when the series is (and the editor didn't ask for drafts).
        _status: isPublishing ? 'published' : 'draft',
        audience: series.audience ?? undefined,
        end: occurrence.end.toISOString(),
        end_tz: EVENT_TIME_ZONE,
        fieldsOfAction: series.fieldsOfAction?.map((value) =>
          typeof value === 'object' ? value.id : value,
        ),
        format,
        kind: series.kind,
        municipalities,
        occurrenceKey: occurrence.key,
        organiser: idOf(series.organiser),
        series: series.id,
        slug: await slugFor({ occurrence, req, series }),
        start: occurrence.start.toISOString(),
        start_tz: EVENT_TIME_ZONE,
        title: series.title,
        venue: series.venue && format !== 'online' ? { name: series.venue } : undefined,
      }
      await payload.create({ collection: 'events', data, overrideAccess: true, req })
      result.created++
      continue
    }
    // Updates keep the event's publication status: generation neither publishes nor withdraws.
    if (municipalities.length && !event.municipalities?.length) {
      // The series names its municipalities after its dates were made: the dates nobody gave
      // any take them (what an editor set on a date stays).
      await payload.update({
        id: event.id,
        collection: 'events',
        data: { _status: event._status ?? undefined, municipalities },
        overrideAccess: true,
        req,
      })
      result.updated++
    }
    if (occurrence.isSkipped) {
      if (!event.isCancelled) {
        await payload.update({
          id: event.id,
          collection: 'events',
          data: { _status: event._status ?? undefined, isCancelled: true },
          overrideAccess: true,
          req,
        })
        result.cancelled++
      }
      continue
    }
    const isAtPlannedTime =
      new Date(event.start).getTime() === occurrence.start.getTime() &&
      (event.end ? new Date(event.end).getTime() : undefined) === occurrence.end.getTime()
    if (occurrence.isMoved && !isAtPlannedTime) {
      await payload.update({
        id: event.id,
        collection: 'events',
        data: {
          _status: event._status ?? undefined,
          end: occurrence.end.toISOString(),
          end_tz: EVENT_TIME_ZONE,
          start: occurrence.start.toISOString(),
          start_tz: EVENT_TIME_ZONE,
        },
        overrideAccess: true,
        req,
      })
      result.updated++
    }
  }

  // Straight to the row: a timestamp of the machine's, not an edit, so it must neither make a
  // version nor publish (or withdraw) whatever draft an editor has pending on the series.
  await payload.db.updateOne({
    id: series.id,
    collection: 'event-series',
    data: { recurrence: { lastGeneratedAt: now.toISOString() } },
    req,
    returning: false,
  })
  return result
}

/**
 * Creates the missing events of one series, in one transaction (unless `req` brings its own).
 * Returns null when there is no such series.
 */
export const generateOccurrences = async ({
  asDrafts = false,
  now = new Date(),
  req,
  seriesId,
}: GenerateArgs): Promise<GenerationResult | null> => {
  for (let attempt = 1; ; attempt++) {
    const isOwnTransaction = await initTransaction(req)
    try {
      // The stored (published, if ever published) series: its status decides the events'.
      const series = await req.payload.findByID({
        id: seriesId,
        collection: 'event-series',
        depth: 0,
        disableErrors: true,
        overrideAccess: true,
        req,
      })
      const result = series ? await generateOnce({ asDrafts, now, req, series }) : null
      if (isOwnTransaction) {
        await commitTransaction(req)
      }
      return result
    } catch (err) {
      if (isOwnTransaction) {
        await killTransaction(req)
      }
      if (!isOwnTransaction || attempt >= MAX_ATTEMPTS || !isUniqueClash(err)) {
        throw err
      }
      req.payload.logger.info({
        msg: `Series ${seriesId}: another generation ran at the same time; trying again (attempt ${attempt + 1}).`,
      })
    }
  }
}

/** Every series with a rule: what the nightly job does. One series failing doesn't stop the others. */
export const generateAllOccurrences = async ({
  now = new Date(),
  req,
}: Omit<GenerateArgs, 'seriesId'>) => {
  const { docs } = await req.payload.find({
    collection: 'event-series',
    depth: 0,
    overrideAccess: true,
    pagination: false,
    req,
    select: { title: true },
    where: { 'recurrence.rule': { exists: true } },
  })
  const totals: GenerationResult & { failed: number; invalid: number; series: number } = {
    cancelled: 0,
    created: 0,
    failed: 0,
    invalid: 0,
    series: docs.length,
    total: 0,
    updated: 0,
  }
  for (const { id } of docs) {
    try {
      const result = await generateOccurrences({ now, req, seriesId: id })
      totals.cancelled += result?.cancelled ?? 0
      totals.created += result?.created ?? 0
      totals.total += result?.total ?? 0
      totals.updated += result?.updated ?? 0
    } catch (err) {
      // A rule that can't be read stays wrong until an editor fixes it: no use retrying.
      if (err instanceof InvalidRecurrenceError) {
        totals.invalid++
        req.payload.logger.warn({
          msg: `Event series ${id} has an invalid recurrence: ${err.message}`,
        })
        continue
      }
      totals.failed++
      req.payload.logger.error({
        err,
        msg: `Generating the occurrences of event series ${id} failed.`,
      })
    }
  }
  return totals
}
