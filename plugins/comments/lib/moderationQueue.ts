import type { Sort, Where } from 'payload'

/**
 * What waits for a moderator: confirmed comments nobody has decided on yet, and approved ones
 * with reports: hidden by them (until someone decides again) or still visible below the
 * threshold, so that editors can act before it is reached.
 */
export const waitingForDecisionWhere: Where = {
  or: [
    { and: [{ status: { equals: 'pending' } }, { isConfirmed: { equals: true } }] },
    {
      and: [
        { status: { equals: 'approved' } },
        {
          or: [{ isHiddenByReports: { equals: true } }, { reportCount: { greater_than: 0 } }],
        },
      ],
    },
  ],
}

/**
 * The queue's order: reported comments first, the most reported first (hidden ones reached the
 * threshold), then the oldest first; a page of pending comments never pushes a report out.
 */
export const waitingForDecisionSort: Sort = ['-reportCount', 'createdAt']

/** Where the queue lives in the admin, below the admin route. */
export const MODERATION_VIEW_PATH = '/moderation'
