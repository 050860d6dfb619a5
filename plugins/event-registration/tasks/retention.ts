import type { TaskConfig, Where } from 'payload'

import type { ResolvedRegistrationOptions } from '../types'

import { collectionOf } from '@quartiersnetz/plugin-kit/data'
import { eventsOf, registrationsOf } from '../lib/records'

export const ANONYMISE_REGISTRATIONS_TASK = 'anonymiseRegistrations'

/**
 * Privacy: `retentionDays` after an event has ended (its start when it has no end), the names,
 * e-mail addresses, answers and return addresses of its registrations are erased, as are the token hashes; the
 * rows stay with status and attendance, so the counts stay. Registrations whose event was
 * deleted are erased too, and mail jobs of the mail queue older than the period that failed for
 * good (they keep the address). Daily.
 */
export const retentionTask = (
  options: ResolvedRegistrationOptions,
): TaskConfig<{ input: object; output: { anonymised: number } }> => ({
  slug: ANONYMISE_REGISTRATIONS_TASK,
  handler: async ({ req }) => {
    const cutoff = new Date(Date.now() - options.retentionDays * 86_400_000).toISOString()
    const { end, start } = options.fields
    const { docs: events } = await eventsOf(options, req).find({
      overrideAccess: true,
      pagination: false,
      select: { id: true },
      where: {
        or: [
          { [end]: { less_than: cutoff } },
          { and: [{ [end]: { exists: false } }, { [start]: { less_than: cutoff } }] },
        ],
      },
    })
    const ofEvent: Where = events.length
      ? { or: [{ event: { in: events.map((event) => event.id) } }, { event: { exists: false } }] }
      : { event: { exists: false } }
    const { docs, errors } = await registrationsOf(options, req).updateMany({
      data: {
        anonymisedAt: new Date().toISOString(),
        answers: null,
        cancelTokenHash: null,
        confirmExpiresAt: null,
        confirmTokenHash: null,
        email: null,
        name: null,
        returnUrl: null,
      },
      overrideAccess: true,
      select: { id: true },
      where: { and: [ofEvent, { anonymisedAt: { exists: false } }] },
    })
    if (errors.length) {
      throw new Error(
        `eventRegistrationPlugin: ${errors.length} registration(s) could not be anonymised.`,
      )
    }
    // Mail jobs that failed for good keep their input (address, text): erase them after the same period.
    await collectionOf<{ id: number | string }>(req, 'payload-jobs').delete({
      overrideAccess: true,
      select: { id: true },
      where: {
        and: [
          { queue: { equals: options.mailQueue } },
          { createdAt: { less_than: cutoff } },
          { or: [{ hasError: { equals: true } }, { completedAt: { exists: true } }] },
        ],
      },
    })
    if (docs.length) {
      req.payload.logger.info({
        anonymised: docs.length,
        msg: 'Registrations anonymised after the retention period.',
      })
    }
    return { output: { anonymised: docs.length } }
  },
  label: 'Anmeldedaten nach Frist löschen / Anonymise registrations after the retention period',
  outputSchema: [{ name: 'anonymised', type: 'number', required: true }],
  retries: { attempts: 3, backoff: { delay: 5 * 60_000, type: 'exponential' } },
  schedule: [{ cron: '40 3 * * *', queue: options.scheduleQueue }],
})
