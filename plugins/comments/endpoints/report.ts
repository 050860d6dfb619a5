import type { CollectionSlug, Endpoint } from 'payload'

import { commitTransaction, initTransaction, killTransaction } from 'payload'

import type { ResolvedCommentsOptions, StoredComment } from '../types'

import { lockForTransaction } from '../../shared/advisoryLock'
import { clientAddressOf } from '../../shared/clientAddress'
import { keyedHash } from '../../shared/hashing'
import { isPossibleId } from '../../shared/ids'
import { isJsonRequest, unsupportedTypeMessage } from '../../shared/readJsonBody'
import { PLUGIN_WRITE } from '../lib/context'
import { fail, translatorOf } from '../lib/translate'
import { isPubliclyVisible } from '../lib/visibility'

/**
 * POST /api/comments/:id/report — a visitor reports a visible comment, once per client (keyed
 * hash of the address). After `reportsToHide` reports it is hidden until a moderator decides.
 */
export const reportEndpoint = (options: ResolvedCommentsOptions): Endpoint => ({
  handler: async (req) => {
    const t = translatorOf(req)
    if (options.disabled) {
      return fail(503, t('plugin-comments:commentsDisabled'))
    }
    // A report changes what the public sees: like every public write it must come as JSON, which
    // a cross-site form can't send (its body is ignored; `{}` will do).
    if (!isJsonRequest(req)) {
      return fail(415, unsupportedTypeMessage(req))
    }
    const id = String(req.routeParams?.id ?? '')
    if (!isPossibleId(req.payload, options.slugs.comments, id)) {
      return fail(404, t('plugin-comments:commentNotFound'))
    }
    const comments = options.slugs.comments as CollectionSlug
    const reports = options.slugs.reports as CollectionSlug
    const clientHash = keyedHash(options.hashSecret ?? req.payload.secret, 'comment-report-client', clientAddressOf(req))
    await initTransaction(req)
    try {
      // Reports of one comment are counted one by one.
      await lockForTransaction({ namespace: 'comments-report', req, value: id })
      const comment = (await req.payload.findByID({ collection: comments, depth: 0, disableErrors: true, id, overrideAccess: true, req })) as null | StoredComment
      if (!comment || !isPubliclyVisible(comment)) {
        await killTransaction(req)
        return fail(404, t('plugin-comments:commentNotFound'))
      }
      const { totalDocs } = await req.payload.count({
        collection: reports,
        overrideAccess: true,
        req,
        where: { and: [{ comment: { equals: comment.id } }, { clientHash: { equals: clientHash } }] },
      })
      if (totalDocs > 0) {
        await killTransaction(req)
        return fail(409, t('plugin-comments:alreadyReported'))
      }
      await req.payload.create({ collection: reports, data: { clientHash, comment: comment.id } as never, depth: 0, overrideAccess: true, req })
      const reportCount = (comment.reportCount ?? 0) + 1
      await req.payload.update({
        collection: comments,
        context: { [PLUGIN_WRITE]: true },
        data: { isHiddenByReports: reportCount >= options.reportsToHide, reportCount } as never,
        depth: 0,
        id: comment.id,
        overrideAccess: true,
        req,
      })
      await commitTransaction(req)
      return Response.json({ message: t('plugin-comments:reported') }, { headers: { 'Cache-Control': 'no-store' }, status: 202 })
    } catch (err) {
      await killTransaction(req)
      throw err
    }
  },
  method: 'post',
  path: '/:id/report',
})
