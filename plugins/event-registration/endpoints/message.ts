import type { Endpoint } from 'payload'

import { createHash } from 'node:crypto'

import { z } from 'zod'

import type { RegistrationTranslationKey } from '../translations'
import type { ResolvedRegistrationOptions } from '../types'

import { readJsonBody } from '@quartiersnetz/plugin-kit/readJsonBody'
import { fail, translatorOf } from '@quartiersnetz/plugin-kit/respond'
import { underEventLock } from '../lib/eventLock'
import { queueMessageMail } from '../lib/mails'
import { eventForPost, MAX_BODY_BYTES } from '../lib/manage'
import { registrationsOfEvent } from '../lib/registrationQueries'

const messageSchema = z
  .object({
    subject: z.string().trim().min(1).max(200),
    text: z.string().trim().min(1).max(10_000),
  })
  .strict()

/**
 * POST /api/events/:id/registrations/message — `{ subject, text }` to every confirmed
 * registrant, each with the cancel link. Queued in one transaction; sending the same message
 * again reaches only those who haven't had it (a double click sends nothing twice).
 */
export const messageEndpoint = (options: ResolvedRegistrationOptions): Endpoint => ({
  handler: async (req) => {
    const t = translatorOf<RegistrationTranslationKey>(req)
    const event = await eventForPost(options, req)
    if (event instanceof Response) {
      return event
    }
    const body = await readJsonBody(req, MAX_BODY_BYTES)
    if (!body.ok && 'message' in body) {
      return fail(body.status, body.message)
    }
    const parsed = body.ok ? messageSchema.safeParse(body.value) : null
    if (!parsed?.success) {
      return fail(
        body.ok || body.error !== 'too-large' ? 400 : 413,
        t('plugin-event-registration:messageInvalid'),
      )
    }
    const { subject, text } = parsed.data
    const messageKey = createHash('sha256').update(`${subject}\n${text}`).digest('hex').slice(0, 24)
    return underEventLock(req, event.id, options, async () => {
      let queued = 0
      let skipped = 0
      for (const registration of await registrationsOfEvent({
        eventId: event.id,
        options,
        req,
        statuses: ['confirmed'],
      })) {
        if (!registration.email) {
          continue
        }
        if (
          await queueMessageMail({ event, messageKey, options, registration, req, subject, text })
        ) {
          queued++
        } else {
          skipped++
        }
      }
      return Response.json({
        message: t('plugin-event-registration:messageQueued', { queued, skipped }),
        queued,
        skipped,
      })
    })
  },
  method: 'post',
  path: '/:id/registrations/message',
})
