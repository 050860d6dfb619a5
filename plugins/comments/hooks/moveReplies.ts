import type { CollectionAfterChangeHook } from 'payload'

import { APIError } from 'payload'

import type { CommentsTranslationKey } from '../translations'
import type { ResolvedCommentsOptions, StoredComment } from '../types'

import { translatorOf } from '@quartiersnetz/plugin-kit/respond'

import { isPluginWrite, PLUGIN_WRITE } from '../lib/context'
import { commentsOf } from '../lib/records'
import { isTargetChanged } from './moderateChange'

/**
 * A comment a moderator gives another target (another entry) takes its replies along, in the
 * same transaction: a thread stays on one entry, and the replies appear where their comment
 * does (they were left on the old entry, without it). Replies themselves can't be moved
 * (moderateChange).
 */
export const moveReplies =
  (options: ResolvedCommentsOptions): CollectionAfterChangeHook =>
  async ({ context, doc, operation, previousDoc, req }) => {
    const comment = doc as StoredComment
    if (
      operation !== 'update' ||
      isPluginWrite(context) ||
      comment.parent ||
      !isTargetChanged(comment, previousDoc as StoredComment | undefined)
    ) {
      return doc
    }
    const { errors } = await commentsOf(options, req).updateMany({
      context: { [PLUGIN_WRITE]: true },
      data: { targetCollection: comment.targetCollection, targetId: comment.targetId },
      overrideAccess: true,
      where: { parent: { equals: comment.id } },
    })
    if (errors.length) {
      // The whole change is undone: a thread isn't split between two entries.
      const t = translatorOf<CommentsTranslationKey>(req)
      throw new APIError(t('plugin-comments:repliesNotMoved'), 409, undefined, true)
    }
    return doc
  }
