import type { Endpoint } from 'payload'

import { commitTransaction, initTransaction, killTransaction } from 'payload'

import type { CommentsTranslationKey } from '../translations'
import type { ResolvedCommentsOptions } from '../types'

import { lockForTransaction } from '@quartiersnetz/plugin-kit/advisoryLock'
import { clientAddressOf } from '@quartiersnetz/plugin-kit/clientAddress'
import { keyedHash } from '@quartiersnetz/plugin-kit/hashing'
import { isPossibleId } from '@quartiersnetz/plugin-kit/ids'
import { isJsonRequest, unsupportedTypeMessage } from '@quartiersnetz/plugin-kit/readJsonBody'
import { fail, translatorOf } from '@quartiersnetz/plugin-kit/respond'
import { PLUGIN_WRITE } from '../lib/context'
import { commentsOf, reportsOf } from '../lib/records'
import { isPubliclyVisible, parentIdOf } from '../lib/visibility'

/**
 * POST /api/comments/:id/report — a visitor reports a visible comment, once per client (keyed
 * hash of the address). After `reportsToHide` reports it is hidden until a moderator decides.
 */
export const reportEndpoint = (options: ResolvedCommentsOptions): Endpoint => ({
  handler: async (req) => {
    const t = translatorOf<CommentsTranslationKey>(req)
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
    const comments = commentsOf(options, req)
    const reports = reportsOf(options, req)
    const clientHash = keyedHash(
      options.hashSecret ?? req.payload.secret,
      'comment-report-client',
      clientAddressOf(req),
    )
    await initTransaction(req)
    try {
      // Reports of one comment are counted one by one.
      await lockForTransaction({ namespace: 'comments-report', req, value: id })
      const comment = await comments.findByID({ id, overrideAccess: true })
      // A reply is public only while the comment it answers is (lib/visibility.ts).
      const parentId = parentIdOf(comment?.parent)
      const parent = parentId
        ? await comments.findByID({ id: parentId, overrideAccess: true })
        : undefined
      if (
        !comment ||
        !isPubliclyVisible(comment) ||
        (parentId !== undefined && !(parent && isPubliclyVisible(parent)))
      ) {
        await killTransaction(req)
        return fail(404, t('plugin-comments:commentNotFound'))
      }
      const { totalDocs } = await reports.count({
        overrideAccess: true,
        where: {
          and: [{ comment: { equals: comment.id } }, { clientHash: { equals: clientHash } }],
        },
      })
      if (totalDocs > 0) {
        await killTransaction(req)
        return fail(409, t('plugin-comments:alreadyReported'))
      }
      await reports.create({ data: { clientHash, comment: comment.id }, overrideAccess: true })
      const reportCount = (comment.reportCount ?? 0) + 1
      await comments.update({
        context: { [PLUGIN_WRITE]: true },
        data: { isHiddenByReports: reportCount >= options.reportsToHide, reportCount },
        id: comment.id,
        overrideAccess: true,
      })
      await commitTransaction(req)
      return Response.json(
        { message: t('plugin-comments:reported') },
        { headers: { 'Cache-Control': 'no-store' }, status: 202 },
      )
    } catch (err) {
      await killTransaction(req)
      throw err
    }
  },
  method: 'post',
  path: '/:id/report',
})
