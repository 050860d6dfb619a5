import type { CollectionSlug, Endpoint } from 'payload'

import { commitTransaction, initTransaction, killTransaction } from 'payload'
import { z } from 'zod'

import type { CustomQuestion, ResolvedRegistrationOptions, StoredEvent, StoredRegistration } from '../types'

import { lockForTransaction } from '../../shared/advisoryLock'
import { readJsonBody } from '../../shared/readJsonBody'
import { issueVisitorToken } from '../../shared/visitorToken'
import { eventsSlug, isAfterDeadline, startOf } from '../lib/events'
import { queueConfirmMail } from '../lib/mails'
import { fail, translatorOf } from '../lib/respond'
import { mailLanguageOf } from '../translations'
import { cancelTokenHashOf, cancelTokenOf, confirmTokenHashOf } from '../lib/tokens'

const MAX_BODY_BYTES = 16 * 1024

const schema = z
  .object({
    answers: z.record(z.string(), z.string().max(500)).optional(),
    consent: z.boolean(),
    email: z.string().trim().max(254).email(),
    name: z.string().trim().min(1).max(120),
  })
  .strict()

/** The answers to the event's questions, only those, each checked; or the question that failed. */
const checkAnswers = (questions: CustomQuestion[], answers: Record<string, string>): { answers: Record<string, string> } | { failed: CustomQuestion } => {
  const checked: Record<string, string> = {}
  for (const question of questions) {
    const value = answers[question.key]?.trim() ?? ''
    if (!value) {
      if (question.required) {
        return { failed: question }
      }
      continue
    }
    if (question.type === 'select' && !(question.options ?? []).some((option) => option.value === value)) {
      return { failed: question }
    }
    checked[question.key] = value
  }
  return { answers: checked }
}

/**
 * POST /api/<events>/:id/registrations — a visitor registers for a published event. Stored
 * pending (holding no seat) with the double opt-in mail queued in the same transaction. Every
 * refusal is a 4xx that stores nothing.
 */
export const registerEndpoint = (options: ResolvedRegistrationOptions): Endpoint => ({
  handler: async (req) => {
    const t = translatorOf(req)
    if (options.disabled) {
      return fail(503, t('plugin-event-registration:disabled'))
    }
    const id = String(req.routeParams?.id ?? '')
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) {
      return fail(404, t('plugin-event-registration:eventNotFound'))
    }
    const body = await readJsonBody(req, MAX_BODY_BYTES)
    const parsed = body.ok ? schema.safeParse(body.value) : null
    if (!body.ok || !parsed?.success) {
      const details = parsed && !parsed.success ? parsed.error.issues.map((issue) => `${issue.path.join('.') || '?'}: ${issue.message}`).join('; ') : body.ok ? '' : body.error
      return fail(body.ok || body.error !== 'too-large' ? 400 : 413, t('plugin-event-registration:bodyInvalid', { details }))
    }
    const input = parsed.data
    if (input.consent !== true) {
      return fail(400, t('plugin-event-registration:consentRequired'))
    }
    // Read as the public would: unpublished events don't exist for visitors.
    const visible = await req.payload
      .findByID({
        collection: eventsSlug(options),
        depth: 0,
        disableErrors: true,
        draft: false,
        id,
        overrideAccess: false,
        select: { id: true } as never,
      })
      .catch(() => null)
    if (!visible) {
      return fail(404, t('plugin-event-registration:eventNotFound'))
    }
    const event = (await req.payload.findByID({
      collection: eventsSlug(options),
      depth: 0,
      id,
      overrideAccess: true,
    })) as unknown as StoredEvent
    if (!event.registrationOpen) {
      return fail(409, t('plugin-event-registration:registrationClosed'))
    }
    if (startOf(event, options).getTime() <= Date.now()) {
      return fail(409, t('plugin-event-registration:eventPast'))
    }
    if (isAfterDeadline(event, options)) {
      return fail(409, t('plugin-event-registration:deadlinePassed'))
    }
    const checked = checkAnswers(event.customQuestions ?? [], input.answers ?? {})
    if ('failed' in checked) {
      return fail(
        400,
        t('plugin-event-registration:answerInvalid', {
          label: checked.failed.label,
        }),
      )
    }
    const email = input.email.toLowerCase()
    const registrations = options.slug as CollectionSlug
    const secret = options.hashSecret ?? req.payload.secret
    const token = issueVisitorToken()
    const now = Date.now()
    await initTransaction(req)
    try {
      // Two submits at once for the same address: one registration.
      await lockForTransaction({
        namespace: 'event-registration-email',
        req,
        value: `${id}:${email}`,
      })
      const { totalDocs } = await req.payload.count({
        collection: registrations,
        overrideAccess: true,
        req,
        where: {
          and: [{ event: { equals: event.id } }, { email: { equals: email } }, { status: { not_equals: 'cancelled' } }],
        },
      })
      if (totalDocs > 0) {
        await killTransaction(req)
        return fail(409, t('plugin-event-registration:duplicate'))
      }
      const created = (await req.payload.create({
        collection: registrations,
        data: {
          answers: checked.answers,
          confirmExpiresAt: new Date(now + options.confirmHours * 3_600_000).toISOString(),
          confirmTokenHash: confirmTokenHashOf(secret, token),
          consent: {
            givenAt: new Date(now).toISOString(),
            version: options.consentVersion,
          },
          email,
          event: event.id,
          language: mailLanguageOf(req.i18n?.language),
          name: input.name,
          status: 'pending',
        } as never,
        depth: 0,
        overrideAccess: true,
        req,
      })) as unknown as StoredRegistration
      await req.payload.update({
        collection: registrations,
        data: {
          cancelTokenHash: cancelTokenHashOf(secret, cancelTokenOf(secret, created.id)),
        } as never,
        depth: 0,
        id: created.id,
        overrideAccess: true,
        req,
      })
      await queueConfirmMail({
        event,
        options,
        registration: created,
        req,
        token,
      })
      await commitTransaction(req)
      return Response.json(
        {
          message: t('plugin-event-registration:registered'),
          registration: { id: created.id, status: 'pending' },
        },
        { headers: { 'Cache-Control': 'no-store' }, status: 202 },
      )
    } catch (err) {
      await killTransaction(req)
      throw err
    }
  },
  method: 'post',
  path: '/:id/registrations',
})
