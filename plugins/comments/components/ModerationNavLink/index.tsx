import type { Access, CollectionSlug, PayloadRequest, ServerProps } from 'payload'

import { waitingForDecisionWhere } from '../../lib/moderationQueue'
import { ModerationNavLinkClient } from './index.client'

type Props = ServerProps & {
  canModerate: Access
  commentsSlug: string
}

/** "Moderation" below the collections, with how many comments wait; only moderators see it. */
export const ModerationNavLink = async ({ canModerate, commentsSlug, payload, user }: Props) => {
  if (!user) {
    return null
  }
  // The nav gets no request; access rules here only ask who the user is.
  const req = { payload, user } as PayloadRequest
  if ((await canModerate({ req } as Parameters<Access>[0])) !== true) {
    return null
  }
  let waitingCount = 0
  try {
    const { totalDocs } = await payload.count({ collection: commentsSlug as CollectionSlug, overrideAccess: true, where: waitingForDecisionWhere })
    waitingCount = totalDocs
  } catch (err) {
    // A missing count must not break the navigation.
    payload.logger.error({ err, msg: 'comments: could not count the comments waiting for moderation' })
  }
  return <ModerationNavLinkClient waitingCount={waitingCount} />
}
