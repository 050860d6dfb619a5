import type { CollectionSlug, Endpoint, PayloadRequest } from 'payload'

import { commitTransaction, initTransaction, killTransaction } from 'payload'

import type { ResolvedCommentsOptions, StoredComment } from '../types'

import { lockForTransaction } from '../../shared/advisoryLock'
import { answerLink, askToAct, linkEndpoints } from '../../shared/linkPage'
import { isVisitorToken } from '../../shared/visitorToken'
import { PLUGIN_WRITE } from '../lib/context'
import { queueApprovedMail, queueModeratorMails } from '../lib/mails'
import { translatorOf } from '../lib/translate'
import { confirmTokenHashOf } from './submit'

const answer = (req: PayloadRequest, status: number, message: string, extra: Record<string, unknown> = {}) =>
  answerLink(req, { extra, message, status, title: translatorOf(req)('plugin-comments:confirmPageTitle') })

type PendingComment = StoredComment & { confirmExpiresAt?: null | string }

/** The hash of the link's token, or the answer that refuses the link. */
const tokenHashOf = (options: ResolvedCommentsOptions, req: PayloadRequest): Response | string => {
  const t = translatorOf(req)
  if (options.disabled) {
    return answer(req, 503, t('plugin-comments:commentsDisabled'))
  }
  const token = (req.query as Record<string, unknown> | undefined)?.token
  if (!isVisitorToken(token)) {
    return answer(req, 400, t('plugin-comments:confirmInvalid'))
  }
  return confirmTokenHashOf(options.hashSecret ?? req.payload.secret, token)
}

const isExpired = (comment: PendingComment) => !comment.confirmExpiresAt || new Date(comment.confirmExpiresAt).getTime() < Date.now()

/** The unconfirmed comment a token belongs to (read in the request's transaction, if any). */
const unconfirmedOf = async (options: ResolvedCommentsOptions, req: PayloadRequest, tokenHash: string) => {
  const { docs } = await req.payload.find({
    collection: options.slugs.comments as CollectionSlug,
    depth: 0,
    limit: 1,
    overrideAccess: true,
    pagination: false,
    req,
    where: { and: [{ confirmTokenHash: { equals: tokenHash } }, { isConfirmed: { equals: false } }] },
  })
  return docs[0] as unknown as PendingComment | undefined
}

/**
 * Confirms (POST /api/comments/confirm?token=…, the double opt-in link from the mail) once; the
 * token is stored only as a hash and expires. With `autoApproveKnownEmails`, an address that
 * already has an approved comment is approved at once; otherwise the moderators get a mail.
 */
const confirm =
  (options: ResolvedCommentsOptions): Endpoint['handler'] =>
  async (req) => {
    const t = translatorOf(req)
    const tokenHash = tokenHashOf(options, req)
    if (tokenHash instanceof Response) {
      return tokenHash
    }
    const comments = options.slugs.comments as CollectionSlug
    await initTransaction(req)
    try {
      // Two clicks at once confirm once.
      await lockForTransaction({ namespace: 'comments-confirm', req, value: tokenHash })
      const comment = await unconfirmedOf(options, req, tokenHash)
      if (!comment) {
        await killTransaction(req)
        return answer(req, 404, t('plugin-comments:confirmInvalid'))
      }
      if (isExpired(comment)) {
        await killTransaction(req)
        return answer(req, 410, t('plugin-comments:confirmExpired'))
      }
      let isApproved = false
      if (options.autoApproveKnownEmails && comment.emailHash) {
        const { totalDocs } = await req.payload.count({
          collection: comments,
          overrideAccess: true,
          req,
          where: { and: [{ emailHash: { equals: comment.emailHash } }, { status: { equals: 'approved' } }, { id: { not_equals: comment.id } }] },
        })
        isApproved = totalDocs > 0
      }
      const status = isApproved ? 'approved' : comment.status
      const updated = (await req.payload.update({
        collection: comments,
        context: { [PLUGIN_WRITE]: true },
        data: { confirmTokenHash: null, isConfirmed: true, status } as never,
        depth: 0,
        id: comment.id,
        overrideAccess: true,
        req,
      })) as unknown as StoredComment
      if (isApproved) {
        await queueApprovedMail({ comment: updated, options, req })
      } else {
        await queueModeratorMails({ comment: updated, options, req })
      }
      await commitTransaction(req)
      return answer(req, 200, t(isApproved ? 'plugin-comments:confirmedApproved' : 'plugin-comments:confirmed'), { comment: { id: comment.id, status } })
    } catch (err) {
      await killTransaction(req)
      throw err
    }
  }

/** What the link opens in a browser: a question and a button (a GET changes nothing). */
const preview =
  (options: ResolvedCommentsOptions): Endpoint['handler'] =>
  async (req) => {
    const t = translatorOf(req)
    const tokenHash = tokenHashOf(options, req)
    if (tokenHash instanceof Response) {
      return tokenHash
    }
    const comment = await unconfirmedOf(options, req, tokenHash)
    if (!comment) {
      return answer(req, 404, t('plugin-comments:confirmInvalid'))
    }
    if (isExpired(comment)) {
      return answer(req, 410, t('plugin-comments:confirmExpired'))
    }
    return askToAct(req, { button: t('plugin-comments:confirmButton'), message: t('plugin-comments:confirmQuestion'), title: t('plugin-comments:confirmPageTitle') })
  }

/** The double opt-in link. */
export const confirmEndpoints = (options: ResolvedCommentsOptions): Endpoint[] =>
  linkEndpoints({ act: confirm(options), path: '/confirm', preview: preview(options) })
