import type { TaskConfig } from 'payload'

import { commitTransaction, initTransaction, killTransaction } from 'payload'

import type { ResolvedRegistrationOptions } from '../types'

import { queueReminderMail } from '../lib/mails'
import { eventsOf } from '../lib/records'
import { registrationsOfEvent } from '../lib/registrationQueries'

export const SEND_REGISTRATION_REMINDERS_TASK = 'sendRegistrationReminders'

/**
 * Every quarter of an hour: confirmed registrants of events starting within the next
 * `reminderHoursBefore` hours get a reminder (with the access link for online events), once per
 * registration and start time (idempotency key). Those confirmed inside that window already had
 * everything in their confirmation and are left alone.
 */
export const remindersTask = (
  options: ResolvedRegistrationOptions,
): TaskConfig<{ input: object; output: { events: number; queued: number } }> => ({
  slug: SEND_REGISTRATION_REMINDERS_TASK,
  handler: async ({ req }) => {
    if (!options.reminderHoursBefore) {
      return { output: { events: 0, queued: 0 } }
    }
    const now = Date.now()
    const windowMs = options.reminderHoursBefore * 3_600_000
    const { docs } = await eventsOf(options, req).find({
      overrideAccess: true,
      pagination: false,
      where: {
        and: [
          { [options.fields.start]: { greater_than: new Date(now).toISOString() } },
          { [options.fields.start]: { less_than_equal: new Date(now + windowMs).toISOString() } },
        ],
      },
    })
    let queued = 0
    for (const event of docs) {
      const start = new Date(String(event[options.fields.start])).getTime()
      const registrations = (
        await registrationsOfEvent({ eventId: event.id, options, req, statuses: ['confirmed'] })
      ).filter(
        (registration) =>
          registration.email &&
          !(
            registration.confirmedAt &&
            new Date(registration.confirmedAt).getTime() >= start - windowMs
          ),
      )
      if (!registrations.length) {
        continue
      }
      // One transaction per event: its reminders are queued together or not at all.
      const ownsTransaction = await initTransaction(req)
      try {
        for (const registration of registrations) {
          if (await queueReminderMail({ event, options, registration, req })) {
            queued++
          }
        }
        if (ownsTransaction) {
          await commitTransaction(req)
        }
      } catch (err) {
        if (ownsTransaction) {
          await killTransaction(req)
        }
        throw err
      }
    }
    if (queued) {
      req.payload.logger.info({
        events: docs.length,
        msg: 'Registration reminders queued.',
        queued,
      })
    }
    return { output: { events: docs.length, queued } }
  },
  label: 'Erinnerungen an Angemeldete / Remind registrants',
  outputSchema: [
    { name: 'events', type: 'number', required: true },
    { name: 'queued', type: 'number', required: true },
  ],
  retries: { attempts: 3, backoff: { delay: 60_000, type: 'exponential' } },
  schedule: [{ cron: '*/15 * * * *', queue: options.scheduleQueue }],
})
