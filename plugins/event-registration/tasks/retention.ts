import type { CollectionSlug, TaskConfig, Where } from 'payload'

import type { ResolvedRegistrationOptions } from '../types'

import { eventsSlug } from '../lib/events'

export const ANONYMISE_REGISTRATIONS_TASK = 'anonymiseRegistrations'

/**
 * Privacy: `retentionDays` after an event has ended (its start when it has no end), the names,
 * e-mail addresses, answers and return addresses of its registrations are erased, as are the token hashes; the
 * rows stay with status and attendance, so the counts stay. Registrations whose event was
 * deleted are erased too, and mail jobs of the mail queue older than the period that failed for
 * good (they keep the address). Daily.
 */
export const retentionTask = (options: ResolvedRegistrationOptions): TaskConfig<{ input: object; output: { anonymised: number } }> => ({
  slug: ANONYMISE_REGISTRATIONS_TASK,
  handler: async ({ req }) => {
    const cutoff = new Date(Date.now() - options.retentionDays * 86_400_000).toISOString()
    const { end, start } = options.fields
    const { docs: events } = await req.payload.find({
      collection: eventsSlug(options),
      depth: 0,
      overrideAccess: true,
      pagination: false,
      req,
      select: { id: true } as never,
      where: {
        or: [{ [end]: { less_than: cutoff } }, { and: [{ [end]: { exists: false } }, { [start]: { less_than: cutoff } }] }],
      },
    })
    const ofEvent: Where = events.length
      ? { or: [{ event: { in: (events as unknown as { id: number | string }[]).map((event) => event.id) } }, { event: { exists: false } }] }
      : { event: { exists: false } }
    const { docs, errors } = await req.payload.update({
      collection: options.slug as CollectionSlug,
      data: {
        anonymisedAt: new Date().toISOString(),
        answers: null,
        cancelTokenHash: null,
        confirmExpiresAt: null,
        confirmTokenHash: null,
        email: null,
        name: null,
        returnUrl: null,
      } as never,
      depth: 0,
      overrideAccess: true,
      req,
      select: { id: true } as never,
      where: { and: [ofEvent, { anonymisedAt: { exists: false } }] },
    })
    if (errors.length) {
      throw new Error(`eventRegistrationPlugin: ${errors.length} registration(s) could not be anonymised.`)
    }
    // Mail jobs that failed for good keep their input (address, text): erase them after the same period.
    await req.payload.delete({
      collection: 'payload-jobs',
      overrideAccess: true,
      req,
      select: { id: true } as never,
      where: {
        and: [
          { queue: { equals: options.mailQueue } },
          { createdAt: { less_than: cutoff } },
          { or: [{ hasError: { equals: true } }, { completedAt: { exists: true } }] },
        ],
      },
    })
    if (docs.length) {
      req.payload.logger.info({ anonymised: docs.length, msg: 'Registrations anonymised after the retention period.' })
    }
    return { output: { anonymised: docs.length } }
  },
  label: 'Anmeldedaten nach Frist löschen / Anonymise registrations after the retention period',
  outputSchema: [{ name: 'anonymised', type: 'number', required: true }],
  retries: { attempts: 3, backoff: { delay: 5 * 60_000, type: 'exponential' } },
  schedule: [{ cron: '40 3 * * *', queue: options.scheduleQueue }],
})
