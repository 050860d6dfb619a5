import type { Endpoint, PayloadRequest } from 'payload'

import { commitTransaction, initTransaction, killTransaction } from 'payload'
import { z } from 'zod'

import type { RegistrationTranslationKey } from '../translations'
import type { CustomQuestion, ResolvedRegistrationOptions } from '../types'

import { advisoryLockKeys } from '@quartiersnetz/plugin-kit/advisoryLock'
import { createConcurrencyLimit, OWN_QUEUE } from '@quartiersnetz/plugin-kit/concurrencyLimit'
import { withinLimit } from '@quartiersnetz/plugin-kit/overloaded'
import {
  checkReturnUrl,
  describeIssues,
  type FieldLabels,
  invalidFields,
  languageOf,
  RETURN_URL_LABEL,
  RETURN_URL_MAX_LENGTH,
  summaryOf,
} from '@quartiersnetz/plugin-kit/publicInput'
import { isPossibleId } from '@quartiersnetz/plugin-kit/ids'
import { readJsonBody } from '@quartiersnetz/plugin-kit/readJsonBody'
import { fail, translatorOf } from '@quartiersnetz/plugin-kit/respond'
import { returnOriginsOf } from '@quartiersnetz/plugin-kit/returnUrl'
import { issueVisitorToken } from '@quartiersnetz/plugin-kit/visitorToken'
import { dayIn, loadEventToRegister, registrationStateOf } from '../lib/events'
import { queueAlreadyRegisteredMail, queueConfirmMail } from '../lib/mails'
import { registrationsOf } from '../lib/records'
import {
  insertPendingRegistration,
  lockAndReserveId,
  setCancelTokenHash,
} from '../lib/registrationRows'
import { mailLanguageOf } from '../translations'
import { cancelTokenHashOf, cancelTokenOf, confirmTokenHashOf } from '../lib/tokens'

const MAX_BODY_BYTES = 16 * 1024

/**
 * Registrations doing database work at once in this process. A burst (hundreds of visitors
 * the minute registration opens) waits here, in order, instead of for pooled connections,
 * which would time out as errors; what can't wait is answered 503 with Retry-After.
 */
const registrationWrites = createConcurrencyLimit(4)

const FIELD_LABELS: FieldLabels = {
  answers: { de: 'Antworten', en: 'Answers' },
  consent: { de: 'Einwilligung', en: 'Consent' },
  email: { de: 'E-Mail-Adresse', en: 'E-mail address' },
  name: { de: 'Name', en: 'Name' },
  returnUrl: RETURN_URL_LABEL,
}

const schema = z
  .object({
    answers: z.record(z.string(), z.string().max(500)).optional(),
    consent: z.boolean(),
    email: z.string().trim().max(254).email(),
    name: z.string().trim().min(1).max(120),
    /** The page the widget is embedded in, for the way back from the mailed links' pages. */
    returnUrl: z.string().max(RETURN_URL_MAX_LENGTH).nullable().optional(),
  })
  .strict()

/** The answers to the event's questions, only those, each checked; or the question that failed. */
const checkAnswers = (
  questions: CustomQuestion[],
  answers: Record<string, string>,
): { answers: Record<string, string> } | { failed: CustomQuestion } => {
  const checked: Record<string, string> = {}
  for (const question of questions) {
    const value = answers[question.key]?.trim() ?? ''
    if (!value) {
      if (question.required) {
        return { failed: question }
      }
      continue
    }
    if (
      question.type === 'select' &&
      !(question.options ?? []).some((option) => option.value === value)
    ) {
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
  // Every database step waits in `registrationWrites`.
  custom: OWN_QUEUE,
  handler: async (req) => {
    const t = translatorOf<RegistrationTranslationKey>(req)
    if (options.disabled) {
      return fail(503, t('plugin-event-registration:disabled'))
    }
    const id = String(req.routeParams?.id ?? '')
    if (!isPossibleId(req.payload, options.eventsCollection, id)) {
      return fail(404, t('plugin-event-registration:eventNotFound'))
    }
    const body = await readJsonBody(req, MAX_BODY_BYTES)
    if (!body.ok && 'message' in body) {
      return fail(body.status, body.message)
    }
    if (!body.ok) {
      const { error } = body
      if (error === 'too-large') {
        return fail(413, t('plugin-event-registration:bodyTooLarge', { max: MAX_BODY_BYTES }))
      }
      const details = {
        de: { empty: 'die Anfrage war leer', 'invalid-json': 'kein gültiges JSON' },
        en: { empty: 'the request was empty', 'invalid-json': 'not valid JSON' },
      }[languageOf(req)][error]
      return fail(400, t('plugin-event-registration:bodyInvalid', { details }))
    }
    const parsed = schema.safeParse(body.value, { reportInput: true })
    if (!parsed.success) {
      const errors = describeIssues(parsed.error.issues, FIELD_LABELS, languageOf(req))
      return invalidFields(summaryOf(errors), errors)
    }
    const input = parsed.data
    if (input.consent !== true) {
      return invalidFields(t('plugin-event-registration:consentRequired'), [
        { message: t('plugin-event-registration:consentRequired'), path: 'consent' },
      ])
    }
    const returnUrl = checkReturnUrl({
      language: languageOf(req),
      origins: returnOriginsOf(req, options.returnOrigins),
      value: input.returnUrl,
    })
    if ('error' in returnUrl) {
      return invalidFields(returnUrl.error.message, [returnUrl.error])
    }
    return withinLimit(registrationWrites, req, () =>
      register({ id, input: { ...input, returnUrl: returnUrl.url }, options, req }),
    )
  },
  method: 'post',
  path: '/:id/registrations',
})

type RegistrationInput = z.infer<typeof schema>

/**
 * The answer to a registration, new or one the address already has: the same bytes, so no one
 * learns from it whether an address is registered (no id: a new one would be the higher).
 */
const accepted = (t: ReturnType<typeof translatorOf<RegistrationTranslationKey>>) =>
  Response.json(
    { message: t('plugin-event-registration:registered'), registration: { status: 'pending' } },
    { headers: { 'Cache-Control': 'no-store' }, status: 202 },
  )

/** The registration itself, run within `registrationWrites`. */
const register = async ({
  id,
  input,
  options,
  req,
}: {
  id: string
  input: RegistrationInput
  options: ResolvedRegistrationOptions
  req: PayloadRequest
}): Promise<Response> => {
  const t = translatorOf<RegistrationTranslationKey>(req)
  // As the public would read it: unpublished events don't exist for visitors.
  const event = await loadEventToRegister({ id, options, req })
  if (!event) {
    return fail(404, t('plugin-event-registration:eventNotFound'))
  }
  const state = registrationStateOf(event, options)
  if (state !== 'open') {
    return fail(
      state === 'disabled' ? 503 : 409,
      t(
        (
          {
            closed: 'plugin-event-registration:registrationClosed',
            'deadline-passed': 'plugin-event-registration:deadlinePassed',
            disabled: 'plugin-event-registration:disabled',
            started: 'plugin-event-registration:eventPast',
          } as const
        )[state],
      ),
    )
  }
  const checked = checkAnswers(event.customQuestions ?? [], input.answers ?? {})
  if ('failed' in checked) {
    const message = t('plugin-event-registration:answerInvalid', { label: checked.failed.label })
    return invalidFields(message, [{ message, path: `answers.${checked.failed.key}` }])
  }
  const email = input.email.toLowerCase()
  const secret = options.hashSecret ?? req.payload.secret
  const token = issueVisitorToken()
  const now = Date.now()
  await initTransaction(req)
  try {
    // Two submits at once for the same address: one registration.
    const reservedId = await lockAndReserveId({
      lockKeys: advisoryLockKeys('event-registration-email', `${id}:${email}`),
      options,
      req,
    })
    const created = await insertPendingRegistration({
      data: {
        answers: checked.answers,
        confirmExpiresAt: new Date(now + options.confirmHours * 3_600_000).toISOString(),
        confirmTokenHash: confirmTokenHashOf(secret, token),
        consent: {
          givenAt: new Date(now).toISOString(),
          // The version in force now (on the Local API's creates, a hook stamps it).
          version: options.consentVersion || (await options.consentVersionOf({ req })),
        },
        email,
        event: event.id,
        language: mailLanguageOf(req.i18n?.language),
        name: input.name,
        returnUrl: input.returnUrl ?? null,
      },
      options,
      req,
      ...(reservedId !== null && {
        reserved: {
          cancelTokenHash: cancelTokenHashOf(secret, cancelTokenOf(secret, reservedId)),
          id: reservedId,
        },
      }),
    })
    if (!created) {
      // Registered already. Answered as a new registration: whether an address is registered
      // for an event is nobody else's business; only the mailbox is told (once a day).
      const { docs } = await registrationsOf(options, req).find({
        limit: 1,
        overrideAccess: true,
        pagination: false,
        where: {
          and: [
            { event: { equals: event.id } },
            { email: { equals: email } },
            { status: { not_equals: 'cancelled' } },
          ],
        },
      })
      const existing = docs[0]
      if (existing) {
        await queueAlreadyRegisteredMail({
          day: dayIn(new Date(now), options.timeZone),
          event,
          options,
          registration: existing,
          req,
        })
      }
      await commitTransaction(req)
      return accepted(t)
    }
    if (reservedId === null) {
      await setCancelTokenHash({
        hash: cancelTokenHashOf(secret, cancelTokenOf(secret, created.id)),
        id: created.id,
        options,
        req,
      })
    }
    await queueConfirmMail({
      event,
      options,
      registration: created,
      req,
      token,
    })
    await commitTransaction(req)
    return accepted(t)
  } catch (err) {
    await killTransaction(req)
    throw err
  }
}
