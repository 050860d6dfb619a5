import type { CollectionSlug, Endpoint, PayloadRequest } from 'payload'

import { commitTransaction, initTransaction, killTransaction } from 'payload'

import type { ResolvedCommentsOptions, StoredComment } from '../types'

import { lockForTransaction } from '../../shared/advisoryLock'
import { isVisitorToken } from '../../shared/visitorToken'
import { PLUGIN_WRITE } from '../lib/context'
import { queueApprovedMail, queueModeratorMails } from '../lib/mails'
import { translatorOf } from '../lib/translate'
import { confirmTokenHashOf } from './submit'

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ '"': '&quot;', '&': '&amp;', "'": '&#39;', '<': '&lt;', '>': '&gt;' })[char]!)

/** A small page for the visitor who clicks the link; JSON for clients that ask for it. */
const answer = (req: PayloadRequest, status: number, message: string, extra: Record<string, unknown> = {}) => {
  const headers = { 'Cache-Control': 'no-store' }
  if ((req.headers.get('accept') ?? '').includes('application/json')) {
    return Response.json(status < 400 ? { message, ...extra } : { errors: [{ message }] }, { headers, status })
  }
  const t = translatorOf(req)
  const language = req.i18n?.language ?? 'de'
  const title = escapeHtml(t('plugin-comments:confirmPageTitle'))
  const html = `<!doctype html><html lang="${escapeHtml(language)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${title}</title></head><body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5"><h1>${title}</h1><p>${escapeHtml(message)}</p></body></html>`
  return new Response(html, { headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' }, status })
}

/**
 * GET /api/comments/confirm?token=… — the double opt-in link from the mail. Confirms once; the
 * token is stored only as a hash and expires. With `autoApproveKnownEmails`, an address that
 * already has an approved comment is approved at once; otherwise the moderators get a mail.
 */
export const confirmEndpoint = (options: ResolvedCommentsOptions): Endpoint => ({
  handler: async (req) => {
    const t = translatorOf(req)
    if (options.disabled) {
      return answer(req, 503, t('plugin-comments:commentsDisabled'))
    }
    const token = (req.query as Record<string, unknown> | undefined)?.token
    if (!isVisitorToken(token)) {
      return answer(req, 400, t('plugin-comments:confirmInvalid'))
    }
    const secret = options.hashSecret ?? req.payload.secret
    const tokenHash = confirmTokenHashOf(secret, token)
    const comments = options.slugs.comments as CollectionSlug
    await initTransaction(req)
    try {
      // Two clicks at once confirm once.
      await lockForTransaction({ namespace: 'comments-confirm', req, value: tokenHash })
      const { docs } = await req.payload.find({
        collection: comments,
        depth: 0,
        limit: 1,
        overrideAccess: true,
        pagination: false,
        req,
        where: { and: [{ confirmTokenHash: { equals: tokenHash } }, { isConfirmed: { equals: false } }] },
      })
      const comment = docs[0] as unknown as (StoredComment & { confirmExpiresAt?: null | string }) | undefined
      if (!comment) {
        await killTransaction(req)
        return answer(req, 404, t('plugin-comments:confirmInvalid'))
      }
      if (!comment.confirmExpiresAt || new Date(comment.confirmExpiresAt).getTime() < Date.now()) {
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
  },
  method: 'get',
  path: '/confirm',
})
