import type { Endpoint } from 'payload'

import type { RegistrationTranslationKey } from '../translations'
import type { ResolvedRegistrationOptions } from '../types'

import { fail, translatorOf } from '@quartiersnetz/plugin-kit/respond'
import { underEventLock } from '../lib/eventLock'
import { queueAttendanceMail } from '../lib/mails'
import { eventForPost } from '../lib/manage'
import { registrationsOfEvent } from '../lib/registrationQueries'

/**
 * POST /api/events/:id/registrations/attendance-confirmations — for an event recognised as CPD
 * (`cpdOf`), mails every confirmed registrant marked as attended a confirmation naming the
 * event, its date, the chamber and the points; each at most once.
 */
export const attendanceEndpoint = (options: ResolvedRegistrationOptions): Endpoint => ({
  handler: async (req) => {
    const t = translatorOf<RegistrationTranslationKey>(req)
    const event = await eventForPost(options, req)
    if (event instanceof Response) {
      return event
    }
    const cpd = options.cpdOf?.(event) ?? null
    if (!cpd?.chamber) {
      return fail(409, t('plugin-event-registration:notRecognised'))
    }
    return underEventLock(req, event.id, options, async () => {
      let queued = 0
      let skipped = 0
      const attended = (
        await registrationsOfEvent({ eventId: event.id, options, req, statuses: ['confirmed'] })
      ).filter((registration) => registration.attended && registration.email)
      for (const registration of attended) {
        if (await queueAttendanceMail({ cpd, event, options, registration, req })) {
          queued++
        } else {
          skipped++
        }
      }
      const message = attended.length
        ? t('plugin-event-registration:attendanceQueued', { queued, skipped })
        : t('plugin-event-registration:attendanceNone')
      return Response.json({ message, queued, skipped })
    })
  },
  method: 'post',
  path: '/:id/registrations/attendance-confirmations',
})
