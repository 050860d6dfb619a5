import type { Where } from 'payload'

import type { StoredComment } from '../types'

/**
 * A comment's own conditions to be public, its fields under `prefix` (`parent.` for its parent).
 * New objects on every call: Payload adds to the objects of a query while it checks them (a
 * condition through a relationship gets the related collection's access appended), so a shared
 * constant would grow with every request.
 */
const ownConditions = (prefix = ''): Where[] => [
  { [`${prefix}status`]: { equals: 'approved' } },
  { [`${prefix}isConfirmed`]: { equals: true } },
  { [`${prefix}isHiddenByReports`]: { not_equals: true } },
]

/** A comment public by itself: approved, confirmed and not hidden by reports. */
export const ownPublicWhere = (): Where => ({ and: ownConditions() })

/**
 * What the public sees (the collection's read access): comments public by themselves, and a
 * reply only while the comment it answers is public too (replies are one level deep). The
 * parent's conditions go through the relationship: keep them out of a query's own `where`
 * (where Payload would append this access to each of them once more) and let access add them.
 */
export const publicCommentsWhere = (): Where => ({
  and: [
    ...ownConditions(),
    { or: [{ parent: { exists: false } }, { and: ownConditions('parent.') }] },
  ],
})

export const isPubliclyVisible = (
  comment: Pick<StoredComment, 'isConfirmed' | 'isHiddenByReports' | 'status'>,
): boolean =>
  comment.status === 'approved' && Boolean(comment.isConfirmed) && !comment.isHiddenByReports

/** The id of the comment a reply answers (undefined for a comment), however it was read. */
export const parentIdOf = (parent: StoredComment['parent']): number | string | undefined =>
  parent === null || parent === undefined
    ? undefined
    : typeof parent === 'object'
      ? parent.id
      : parent
