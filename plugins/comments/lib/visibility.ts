import type { Where } from 'payload'

import type { StoredComment } from '../types'

/** What the public sees: approved, confirmed and not hidden by reports. */
export const publicCommentsWhere: Where = {
  and: [
    { status: { equals: 'approved' } },
    { isConfirmed: { equals: true } },
    { isHiddenByReports: { not_equals: true } },
  ],
}

export const isPubliclyVisible = (
  comment: Pick<StoredComment, 'isConfirmed' | 'isHiddenByReports' | 'status'>,
): boolean =>
  comment.status === 'approved' && Boolean(comment.isConfirmed) && !comment.isHiddenByReports
