import type { Access, CollectionSlug, PayloadRequest, ServerProps } from 'payload'

import { isTrue } from '@quartiersnetz/plugin-kit/access'
import { waitingForDecisionWhere } from '../../lib/moderationQueue'
import { ModerationNavLinkClient } from './index.client'

type Props = ServerProps & {
  canModerate: Access
  commentsSlug: string
  /** The plugin is switched off (`disabled`): the link says so. */
  isDisabled?: boolean
}

/** "Moderation" below the collections, with how many comments wait; only moderators see it. */
export const ModerationNavLink = async ({
  canModerate,
  commentsSlug,
  isDisabled = false,
  payload,
  user,
}: Props) => {
  if (!user) {
    return null
  }
  // The nav gets no request; access rules here only ask who the user is.
  const req = { payload, user } as PayloadRequest
  if (!isTrue(await canModerate({ req }))) {
    return null
  }
  let waitingCount = 0
  try {
    const { totalDocs } = await payload.count({
      collection: commentsSlug as CollectionSlug,
      overrideAccess: true,
      where: waitingForDecisionWhere,
    })
    waitingCount = totalDocs
  } catch (err) {
    // A missing count must not break the navigation.
    payload.logger.error({
      err,
      msg: 'comments: could not count the comments waiting for moderation',
    })
  }
  return <ModerationNavLinkClient isDisabled={isDisabled} waitingCount={waitingCount} />
}
