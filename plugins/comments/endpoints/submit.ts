import type { Endpoint, PayloadRequest } from 'payload'

import { commitTransaction, initTransaction, killTransaction } from 'payload'
import { z } from 'zod'

import type { CommentsTranslationKey } from '../translations'
import type { ResolvedCommentsOptions } from '../types'

import { clientAddressOf } from '@quartiersnetz/plugin-kit/clientAddress'
import { collectionOf } from '@quartiersnetz/plugin-kit/data'
import { checkFormToken } from '@quartiersnetz/plugin-kit/formToken'
import { keyedHash } from '@quartiersnetz/plugin-kit/hashing'
import { mailLanguageOf } from '@quartiersnetz/plugin-kit/mailLanguage'
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
import { readJsonBody } from '@quartiersnetz/plugin-kit/readJsonBody'
import { fail, translatorOf } from '@quartiersnetz/plugin-kit/respond'
import { returnOriginsOf } from '@quartiersnetz/plugin-kit/returnUrl'
import { isPossibleId } from '@quartiersnetz/plugin-kit/ids'
import { issueVisitorToken } from '@quartiersnetz/plugin-kit/visitorToken'
import { isModerator } from '../lib/access'
import { PLUGIN_WRITE } from '../lib/context'
import { queueConfirmationMail } from '../lib/mails'
import { commentsOf } from '../lib/records'
import { isPubliclyVisible } from '../lib/visibility'
import { createAsModerator } from './createAsModerator'
import { FORM_TOKEN_SCOPE } from './formToken'

const MAX_BODY_BYTES = 16 * 1024
const LINK_PATTERN = /\b(?:https?:\/\/|www\.)/gi

export const emailHashOf = (secret: string, email: string) =>
  keyedHash(secret, 'comment-email', email.trim().toLowerCase())
export const confirmTokenHashOf = (secret: string, token: string) =>
  keyedHash(secret, 'comment-confirm', token)

const id = z
  .union([z.string().regex(/^[A-Za-z0-9_-]{1,64}$/), z.number().int().positive()])
  .transform(String)

type CommentInput = {
  authorName: string
  consent: boolean
  email: string
  formToken: string
  notifyOnApproval?: boolean
  notifyOnOfficialReply?: boolean
  parent?: null | string
  returnUrl?: null | string
  targetCollection: string
  targetId: string
  text: string
}

/** The comment form's fields in words, for messages about them. */
const FIELD_LABELS: FieldLabels = {
  authorName: { de: 'Name', en: 'Name' },
  consent: { de: 'Einwilligung', en: 'Consent' },
  email: { de: 'E-Mail-Adresse', en: 'E-mail address' },
  formToken: { de: 'Formular-Kennung', en: 'Form token' },
  notifyOnApproval: { de: 'Benachrichtigung bei Freigabe', en: 'Notice on approval' },
  notifyOnOfficialReply: {
    de: 'Benachrichtigung bei offizieller Antwort',
    en: 'Notice on an official reply',
  },
  parent: { de: 'Antwort auf', en: 'Reply to' },
  returnUrl: RETURN_URL_LABEL,
  targetCollection: { de: 'Bereich', en: 'Section' },
  targetId: { de: 'Seite', en: 'Page' },
  text: { de: 'Kommentar', en: 'Comment' },
}

const schemaOf = (options: ResolvedCommentsOptions) =>
  z
    .object({
      authorName: z.string().trim().min(1).max(80),
      consent: z.boolean(),
      email: z.string().trim().max(254).email(),
      formToken: z.string().max(200),
      notifyOnApproval: z.boolean().optional(),
      notifyOnOfficialReply: z.boolean().optional(),
      parent: id.optional().nullable(),
      // The page the widget is embedded in, for the way back from the confirmation page.
      returnUrl: z.string().max(RETURN_URL_MAX_LENGTH).nullable().optional(),
      targetCollection: z.enum(options.collections as [string, ...string[]]),
      targetId: id,
      text: z.string().trim().min(1).max(options.maxTextLength),
    })
    .strict()

/**
 * POST /api/comments — a visitor comments on a published document (or replies to a visible
 * comment on it). Stored pending and unconfirmed; the confirmation mail is queued in the same
 * transaction. Every refusal is a 4xx that stores nothing.
 */
export const submitEndpoint = (options: ResolvedCommentsOptions): Endpoint => {
  const schema = schemaOf(options)
  return {
    handler: async (req: PayloadRequest) => {
      const t = translatorOf<CommentsTranslationKey>(req)
      if (req.user && (await isModerator(options, req))) {
        return createAsModerator(req, options)
      }
      if (options.disabled) {
        return fail(503, t('plugin-comments:commentsDisabled'))
      }
      const body = await readJsonBody(req, MAX_BODY_BYTES)
      if (!body.ok && 'message' in body) {
        return fail(body.status, body.message)
      }
      if (!body.ok) {
        return body.error === 'too-large'
          ? fail(413, t('plugin-comments:bodyTooLarge', { max: MAX_BODY_BYTES }))
          : fail(
              400,
              t(
                body.error === 'invalid-json'
                  ? 'plugin-comments:invalidJson'
                  : 'plugin-comments:emptyBody',
              ),
            )
      }
      if (!body.value || typeof body.value !== 'object' || Array.isArray(body.value)) {
        return fail(400, t('plugin-comments:emptyBody'))
      }
      // The honeypot first: a filled one needs no further explanation; an empty one is no field of the comment.
      const { [options.honeypotField]: honeypot, ...fields } = body.value as Record<string, unknown>
      if (honeypot !== undefined && honeypot !== null && honeypot !== '') {
        return fail(400, t('plugin-comments:honeypot'))
      }
      const parsed = schema.safeParse(fields, { reportInput: true })
      if (!parsed.success) {
        const errors = describeIssues(parsed.error.issues, FIELD_LABELS, languageOf(req))
        return invalidFields(
          t('plugin-comments:invalidField', { details: summaryOf(errors) }),
          errors,
        )
      }
      const input: CommentInput = parsed.data
      if (input.consent !== true) {
        return fail(400, t('plugin-comments:consentRequired'))
      }
      const returnUrl = checkReturnUrl({
        language: languageOf(req),
        origins: returnOriginsOf(req, options.returnOrigins),
        value: input.returnUrl,
      })
      if ('error' in returnUrl) {
        return invalidFields(
          t('plugin-comments:invalidField', { details: returnUrl.error.message }),
          [returnUrl.error],
        )
      }
      const secret = options.hashSecret ?? req.payload.secret
      const formCheck = checkFormToken({
        maxAgeMs: options.formTokenMaxAgeSeconds * 1000,
        minAgeMs: options.minSubmitSeconds * 1000,
        scope: FORM_TOKEN_SCOPE,
        secret,
        token: input.formToken,
      })
      if (formCheck !== 'ok') {
        const key =
          formCheck === 'too-fast'
            ? 'plugin-comments:formTokenTooFast'
            : formCheck === 'expired'
              ? 'plugin-comments:formTokenExpired'
              : 'plugin-comments:formTokenInvalid'
        return fail(400, t(key, { seconds: options.minSubmitSeconds }))
      }
      if ((input.text.match(LINK_PATTERN) ?? []).length > options.maxLinks) {
        return fail(400, t('plugin-comments:tooManyLinks', { max: options.maxLinks }))
      }
      // As a visitor sees it: a signed-in editor's session must not open a draft to comments.
      const target = isPossibleId(req.payload, input.targetCollection, input.targetId)
        ? await collectionOf<{ id: number | string }>(req, input.targetCollection, {
            asVisitor: true,
          }).findByID({
            draft: false,
            id: input.targetId,
            overrideAccess: !options.requirePublished,
            select: { id: true },
          })
        : null
      if (!target) {
        return fail(404, t('plugin-comments:targetNotFound'))
      }
      const comments = commentsOf(options, req)
      if (input.parent) {
        const parent = isPossibleId(req.payload, options.slugs.comments, input.parent)
          ? await comments.findByID({ id: input.parent, overrideAccess: true })
          : null
        if (
          !parent ||
          !isPubliclyVisible(parent) ||
          parent.targetCollection !== input.targetCollection ||
          parent.targetId !== String(target.id)
        ) {
          return fail(400, t('plugin-comments:parentInvalid'))
        }
        if (parent.parent) {
          return fail(400, t('plugin-comments:parentIsReply'))
        }
      }

      const token = issueVisitorToken()
      const now = Date.now()
      await initTransaction(req)
      try {
        const created = await comments.create({
          context: { [PLUGIN_WRITE]: true },
          data: {
            authorName: input.authorName,
            clientHash: keyedHash(
              secret,
              `comment-client:${new Date(now).toISOString().slice(0, 10)}`,
              clientAddressOf(req),
            ),
            confirmExpiresAt: new Date(now + options.confirmHours * 3_600_000).toISOString(),
            confirmTokenHash: confirmTokenHashOf(secret, token),
            consent: { givenAt: new Date(now).toISOString(), version: options.consentVersion },
            email: input.email,
            emailHash: emailHashOf(secret, input.email),
            isConfirmed: false,
            isOfficialReply: false,
            language: mailLanguageOf(req.i18n?.language),
            notifyOnApproval: input.notifyOnApproval ?? false,
            notifyOnOfficialReply: input.notifyOnOfficialReply ?? false,
            parent: input.parent
              ? /^\d+$/.test(input.parent)
                ? Number(input.parent)
                : input.parent
              : null,
            returnUrl: returnUrl.url,
            status: 'pending',
            targetCollection: input.targetCollection,
            targetId: String(target.id),
            text: input.text,
          },
          overrideAccess: true,
        })
        await queueConfirmationMail({ comment: created, options, req, token })
        await commitTransaction(req)
        return Response.json(
          {
            comment: { id: created.id, status: 'pending' },
            message: t('plugin-comments:submitted'),
          },
          { headers: { 'Cache-Control': 'no-store' }, status: 202 },
        )
      } catch (err) {
        await killTransaction(req)
        throw err
      }
    },
    method: 'post',
    path: '/',
  }
}
