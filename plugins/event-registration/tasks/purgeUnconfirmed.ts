import type { TaskConfig } from 'payload'

import type { ResolvedRegistrationOptions } from '../types'

import { registrationsOf } from '../lib/records'

export const PURGE_UNCONFIRMED_REGISTRATIONS_TASK = 'purgeUnconfirmedRegistrations'

/**
 * Deletes registrations still pending when their confirmation link has expired. Pending ones
 * hold no seat, so nothing is released. Hourly.
 */
export const purgeUnconfirmedTask = (
  options: ResolvedRegistrationOptions,
): TaskConfig<{ input: object; output: { deleted: number } }> => ({
  slug: PURGE_UNCONFIRMED_REGISTRATIONS_TASK,
  handler: async ({ req }) => {
    const { docs, errors } = await registrationsOf(options, req).delete({
      overrideAccess: true,
      select: { id: true },
      where: {
        and: [
          { status: { equals: 'pending' } },
          { confirmExpiresAt: { less_than: new Date().toISOString() } },
        ],
      },
    })
    if (errors.length) {
      throw new Error(
        `eventRegistrationPlugin: ${errors.length} unconfirmed registration(s) could not be deleted.`,
      )
    }
    req.payload.logger.info({
      deleted: docs.length,
      msg: 'Unconfirmed registrations purged.',
    })
    return { output: { deleted: docs.length } }
  },
  label: 'Unbestätigte Anmeldungen löschen / Purge unconfirmed registrations',
  outputSchema: [{ name: 'deleted', type: 'number', required: true }],
  retries: { attempts: 3, backoff: { delay: 60_000, type: 'exponential' } },
  schedule: [{ cron: '23 * * * *', queue: options.scheduleQueue }],
})
