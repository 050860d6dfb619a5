import type { CollectionBeforeChangeHook } from 'payload'

import { APIError } from 'payload'

import type { CommentsTranslationKey } from '../translations'
import type { ResolvedCommentsOptions, StoredComment } from '../types'

import { translatorOf } from '@quartiersnetz/plugin-kit/respond'
import { isPluginWrite } from '../lib/context'
import { commentsOf } from '../lib/records'

const idOf = (value: StoredComment['parent']) =>
  value && typeof value === 'object' ? value.id : value

/** Whether a write gives a comment another target than it has. */
export const isTargetChanged = (
  data: Partial<Pick<StoredComment, 'targetCollection' | 'targetId'>>,
  previous: Pick<StoredComment, 'targetCollection' | 'targetId'> | undefined,
): boolean =>
  previous !== undefined &&
  ((data.targetCollection !== undefined && data.targetCollection !== previous.targetCollection) ||
    (data.targetId !== undefined && String(data.targetId) !== String(previous.targetId)))

/**
 * Moderators' writes in the admin: replies of the editors are confirmed and take their target
 * from the comment they answer (one level only); an approved comment doesn't go back to pending
 * (its author may have been mailed; a rejection or a spam mark may be taken back), an
 * unconfirmed one isn't approved, and any decision on a reported comment (a new status, or
 * showing a hidden one again) lifts the hiding and dismisses its reports.
 */
export const moderateChange =
  (options: ResolvedCommentsOptions): CollectionBeforeChangeHook =>
  async ({ context, data, operation, originalDoc, req }) => {
    if (isPluginWrite(context)) {
      return data
    }
    const t = translatorOf<CommentsTranslationKey>(req)
    const parentId = idOf(data.parent as StoredComment['parent'])
    const previousParentId = idOf((originalDoc as StoredComment | undefined)?.parent)
    // A reply stays on the entry of the comment it answers: moved only with it (moveReplies).
    const isReplyMoved =
      previousParentId !== undefined &&
      previousParentId !== null &&
      (parentId === undefined || parentId === previousParentId) &&
      isTargetChanged(data, originalDoc as StoredComment | undefined)
    if (isReplyMoved) {
      throw new APIError(t('plugin-comments:replyFollowsParent'), 400, undefined, true)
    }
    if (parentId !== undefined && parentId !== null && parentId !== previousParentId) {
      const parent = await commentsOf(options, req).findByID({ id: parentId, overrideAccess: true })
      if (!parent || parent.status !== 'approved') {
        throw new APIError(t('plugin-comments:parentInvalid'), 400, undefined, true)
      }
      if (idOf(parent.parent)) {
        throw new APIError(t('plugin-comments:parentIsReply'), 400, undefined, true)
      }
      data.targetCollection = parent.targetCollection
      data.targetId = parent.targetId
    }
    if (operation === 'create') {
      // Written by a moderator in the admin: nothing to confirm or review (the default 'pending' is filled in before this hook).
      return {
        ...data,
        isConfirmed: true,
        status: data.status && data.status !== 'pending' ? data.status : 'approved',
      }
    }
    const previous = originalDoc as StoredComment
    const status = (data.status ?? previous.status) as StoredComment['status']
    if (status === 'pending' && previous.status === 'approved') {
      throw new APIError(t('plugin-comments:noReturnToPending'), 400, undefined, true)
    }
    if (status === 'approved' && previous.status !== 'approved' && !previous.isConfirmed) {
      throw new APIError(t('plugin-comments:unconfirmedCannotBeApproved'), 400, undefined, true)
    }
    const hasNewStatus = data.status !== undefined && data.status !== previous.status
    // Saving a visible reported comment in the edit view sends `isHiddenByReports: false` as it
    // was: no decision. Dismissing its reports without a new status says so (`reportCount: 0`).
    const hasDecided =
      hasNewStatus || (Boolean(previous.isHiddenByReports) && data.isHiddenByReports === false)
    if ((previous.isHiddenByReports || (previous.reportCount ?? 0) > 0) && hasDecided) {
      // Counting starts again; those who reported already can't report again (comment-reports).
      return { ...data, isHiddenByReports: false, reportCount: 0 }
    }
    return data
  }
