import type { CollectionAfterChangeHook } from 'payload'

import type { ResolvedCommentsOptions, StoredComment } from '../types'

import { isPluginWrite } from '../lib/context'
import { queueApprovedMail, queueOfficialReplyMail } from '../lib/mails'
import { commentsOf } from '../lib/records'

/**
 * Moderators' decisions mail the commenter (if they opted in): approval, and an official reply
 * to their comment. Queued in the change's transaction, sent after commit.
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
    if (
      operation === 'update' &&
      current.status === 'approved' &&
      (previousDoc as StoredComment | undefined)?.status !== 'approved'
    ) {
      const full = await load(current.id)
      if (full) {
        await queueApprovedMail({ comment: full, options, req })
      }
    }
    const becameVisibleReply =
      current.isOfficialReply &&
      current.status === 'approved' &&
      (operation === 'create' || (previousDoc as StoredComment | undefined)?.status !== 'approved')
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
