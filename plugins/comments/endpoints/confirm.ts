import type { Endpoint, PayloadRequest } from 'payload'

import { commitTransaction, initTransaction, killTransaction } from 'payload'

import type { CommentRecord } from '../lib/records'
import type { ResolvedCommentsOptions } from '../types'

import { lockForTransaction } from '@quartiersnetz/plugin-kit/advisoryLock'
import { linkEndpoints } from '@quartiersnetz/plugin-kit/linkPage'
import { isVisitorToken } from '@quartiersnetz/plugin-kit/visitorToken'
import { PLUGIN_WRITE } from '../lib/context'
import { linkPageFor } from '../lib/linkPage'
import { queueApprovedMail, queueModeratorMails } from '../lib/mails'
import { commentsOf } from '../lib/records'
import { confirmTokenHashOf } from './submit'

const invalidLink = async (
  options: ResolvedCommentsOptions,
  req: PayloadRequest,
  status: number,
) => {
  const { answer, t } = await linkPageFor({ options, req })
  return answer(status, {
    headline: t('pageInvalidTitle'),
    message: t('confirmInvalid'),
    tone: 'problem',
  })
}

/** The hash of the link's token, or the page that refuses the link. */
const tokenHashOf = async (
  options: ResolvedCommentsOptions,
  req: PayloadRequest,
): Promise<Response | string> => {
  if (options.disabled) {
    const { answer, t } = await linkPageFor({ options, req })
    return answer(503, {
      headline: t('pageDisabledTitle'),
      message: t('commentsDisabled'),
      tone: 'problem',
    })
  }
  const token = (req.query as Record<string, unknown> | undefined)?.token
  if (!isVisitorToken(token)) {
    return invalidLink(options, req, 400)
  }
  return confirmTokenHashOf(options.hashSecret ?? req.payload.secret, token)
}

const isExpired = (comment: CommentRecord) =>
  !comment.confirmExpiresAt || new Date(comment.confirmExpiresAt).getTime() < Date.now()

/**
 * The comment a token belongs to, confirmed or not (the hash stays after confirming, so the
 * link, opened again, says so), read in the request's transaction, if any.
 */
const commentOf = async (
  options: ResolvedCommentsOptions,
  req: PayloadRequest,
  tokenHash: string,
) => {
  const { docs } = await commentsOf(options, req).find({
    limit: 1,
    overrideAccess: true,
    pagination: false,
    where: { confirmTokenHash: { equals: tokenHash } },
  })
  return docs[0]
}

/** What the link says when there is nothing to confirm: unknown, already confirmed, expired. `undefined` while it can be confirmed. */
const settledAnswer = async (
  options: ResolvedCommentsOptions,
  req: PayloadRequest,
  comment: CommentRecord | undefined,
): Promise<Response | undefined> => {
  if (!comment) {
    return invalidLink(options, req, 404)
  }
  if (!comment.isConfirmed && !isExpired(comment)) {
    return undefined
  }
  const { answer, t } = await linkPageFor({ comment, options, req })
  if (!comment.isConfirmed) {
    return answer(410, {
      headline: t('pageExpiredTitle'),
      message: t('confirmExpired', { hours: options.confirmHours }),
      tone: 'problem',
    })
  }
  const message =
    comment.status === 'pending'
      ? t('alreadyConfirmedPending')
      : comment.status === 'approved'
        ? t('alreadyConfirmedApproved')
        : t('alreadyConfirmed')
  return answer(
    200,
    { headline: t('alreadyConfirmedTitle'), message, tone: 'success' },
    { comment: { id: comment.id, status: comment.status } },
  )
}

/**
 * Confirms (POST /api/comments/confirm?token=…, the double opt-in link from the mail) once; the
 * token is stored only as a hash and expires. With `autoApproveKnownEmails`, an address that
 * already has an approved comment is approved at once; otherwise the moderators get a mail.
 */
const confirm =
  (options: ResolvedCommentsOptions): Endpoint['handler'] =>
  async (req) => {
    const tokenHash = await tokenHashOf(options, req)
    if (tokenHash instanceof Response) {
      return tokenHash
    }
    const comments = commentsOf(options, req)
    let updated: CommentRecord
    let isApproved = false
    await initTransaction(req)
    try {
      // Two clicks at once confirm once.
      await lockForTransaction({ namespace: 'comments-confirm', req, value: tokenHash })
      const comment = await commentOf(options, req, tokenHash)
      if (!comment || comment.isConfirmed || isExpired(comment)) {
        await killTransaction(req)
        return (await settledAnswer(options, req, comment))!
      }
      if (options.autoApproveKnownEmails && comment.emailHash) {
        const { totalDocs } = await comments.count({
          overrideAccess: true,
          where: {
            and: [
              { emailHash: { equals: comment.emailHash } },
              { status: { equals: 'approved' } },
              { id: { not_equals: comment.id } },
            ],
          },
        })
        isApproved = totalDocs > 0
      }
      updated = await comments.update({
        context: { [PLUGIN_WRITE]: true },
        data: { isConfirmed: true, status: isApproved ? 'approved' : comment.status },
        id: comment.id,
        overrideAccess: true,
      })
      if (isApproved) {
        await queueApprovedMail({ comment: updated, options, req })
      } else {
        await queueModeratorMails({ comment: updated, options, req })
      }
      await commitTransaction(req)
    } catch (err) {
      await killTransaction(req)
      throw err
    }
    const { answer, t } = await linkPageFor({ comment: updated, options, req })
    return answer(
      200,
      isApproved
        ? {
            headline: t('confirmedApprovedTitle'),
            message: t('confirmedApproved'),
            tone: 'success',
          }
        : { headline: t('confirmedTitle'), message: t('confirmed'), tone: 'success' },
      { comment: { id: updated.id, status: updated.status } },
    )
  }

/** What the link opens in a browser: the comment, a question and a button (a GET changes nothing). */
const preview =
  (options: ResolvedCommentsOptions): Endpoint['handler'] =>
  async (req) => {
    const tokenHash = await tokenHashOf(options, req)
    if (tokenHash instanceof Response) {
      return tokenHash
    }
    const comment = await commentOf(options, req, tokenHash)
    const settled = await settledAnswer(options, req, comment)
    if (settled || !comment) {
      return settled ?? invalidLink(options, req, 404)
    }
    const { answer, t } = await linkPageFor({ comment, options, req })
    return answer(200, {
      button: t('confirmButton'),
      headline: t('confirmTitle'),
      message: t('confirmQuestion'),
    })
  }

/** The double opt-in link. */
export const confirmEndpoints = (options: ResolvedCommentsOptions): Endpoint[] =>
  linkEndpoints({ act: confirm(options), path: '/confirm', preview: preview(options) })
