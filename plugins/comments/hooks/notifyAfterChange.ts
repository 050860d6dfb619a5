import type { CollectionAfterChangeHook } from 'payload'

import type { ResolvedCommentsOptions, StoredComment } from '../types'

import { isPluginWrite } from '../lib/context'
import { queueApprovedMail, queueOfficialReplyMail } from '../lib/mails'
import { commentsOf } from '../lib/records'

/**
 * Moderators' decisions mail the commenter (if they opted in): approval, and an official reply
 * to their comment. Queued in the change's transaction, sent after commit. Only when the comment
 * appears: approved, not hidden by reports and never public before (a rejection taken back in
 * the moderation queue puts a reported comment back as approved, with its reports; its author
 * was told when it was first approved).
 */
export const notifyAfterChange =
  (options: ResolvedCommentsOptions): CollectionAfterChangeHook =>
  async ({ context, doc, operation, previousDoc, req }) => {
    if (isPluginWrite(context) || options.disabled) {
      return doc
    }
    const load = (id: number | string) =>
      commentsOf(options, req).findByID({ id, overrideAccess: true })
    const current = doc as StoredComment
    // Only public comments can be reported: one with reports was public before, and whoever
    // was to be told was told then (a rejection taken back in the queue restores its reports).
    const wasPublicBefore = (current.reportCount ?? 0) > 0
    const isAppearing =
      current.status === 'approved' &&
      !current.isHiddenByReports &&
      !wasPublicBefore &&
      (operation === 'create' || (previousDoc as StoredComment | undefined)?.status !== 'approved')
    if (operation === 'update' && isAppearing) {
      const full = await load(current.id)
      if (full) {
        await queueApprovedMail({ comment: full, options, req })
      }
    }
    const becameVisibleReply = current.isOfficialReply && isAppearing
    const parentId =
      current.parent && typeof current.parent === 'object' ? current.parent.id : current.parent
    if (becameVisibleReply && parentId) {
      const parent = await load(parentId)
      if (parent) {
        await queueOfficialReplyMail({ comment: parent, options, reply: current, req })
      }
    }
    return doc
  }
