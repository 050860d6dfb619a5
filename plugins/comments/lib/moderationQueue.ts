import type { Where } from 'payload'

/**
 * What waits for a moderator: confirmed comments nobody has decided on yet, and approved ones
 * that reports have hidden (they stay hidden until someone decides again).
 */
export const waitingForDecisionWhere: Where = {
  or: [
    { and: [{ status: { equals: 'pending' } }, { isConfirmed: { equals: true } }] },
    { and: [{ status: { equals: 'approved' } }, { isHiddenByReports: { equals: true } }] },
  ],
}

/** Where the queue lives in the admin, below the admin route. */
export const MODERATION_VIEW_PATH = '/moderation'
