import type { Access, AdminViewServerProps } from 'payload'

import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'

import type { CommentRecord } from '../../lib/records'
import type { CommentsTranslationKey } from '../../translations'
import type { QueuedComment } from './index.client'

import { isTrue } from '@quartiersnetz/plugin-kit/access'
import { collectionOf } from '@quartiersnetz/plugin-kit/data'
import { translatorOf } from '@quartiersnetz/plugin-kit/respond'
import { waitingForDecisionSort, waitingForDecisionWhere } from '../../lib/moderationQueue'
import { ModerationQueueClient } from './index.client'

export type ModerationQueueServerOptions = {
  canModerate: Access
  commentsSlug: string
  /** The plugin is switched off (`disabled`): the queue says so above what waits. */
  isDisabled?: boolean
  /** Reports that hide a comment (`reportsToHide`): the queue says how close a visible one is. */
  reportsToHide: number
}

type Props = AdminViewServerProps & ModerationQueueServerOptions

/** The first this many are shown; deciding on them brings the next ones up. */
const PAGE_SIZE = 100

/**
 * The moderation queue: comments waiting for a decision, reported ones first, then oldest first,
 * read through the Local API as the signed-in user. Whoever may not moderate sees a short
 * refusal instead.
 */
export const ModerationQueue = async ({
  canModerate,
  commentsSlug,
  initPageResult,
  isDisabled = false,
  params,
  reportsToHide,
  searchParams,
}: Props) => {
  const { req, permissions, visibleEntities, locale } = initPageResult
  const t = translatorOf<CommentsTranslationKey>(req)
  const isAllowed = Boolean(req.user) && isTrue(await canModerate({ req }))

  let comments: QueuedComment[] = []
  let total = 0
  if (isAllowed) {
    const result = await collectionOf<CommentRecord>(req, commentsSlug).find({
      limit: PAGE_SIZE,
      overrideAccess: false,
      sort: waitingForDecisionSort,
      where: waitingForDecisionWhere,
    })
    total = result.totalDocs
    // `target` (the commented document in words) is attached to reads as somebody, for the page at once.
    comments = result.docs.map((doc) => ({
      authorName: doc.authorName,
      createdAt: doc.createdAt,
      id: doc.id,
      isHiddenByReports: Boolean(doc.isHiddenByReports),
      reportCount: doc.reportCount ?? 0,
      status: doc.status,
      target: doc.target ?? {
        collection: doc.targetCollection,
        id: doc.targetId,
        isFound: false,
        title: null,
      },
      text: doc.text,
    }))
  }

  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <Gutter className="moderation-queue">
        {isAllowed ? (
          <ModerationQueueClient
            comments={comments}
            commentsSlug={commentsSlug}
            isDisabled={isDisabled}
            now={Date.now()}
            reportsToHide={reportsToHide}
            total={total}
          />
        ) : (
          <div className="moderation-queue__denied">
            <h1>{t('plugin-comments:moderationNoPermission')}</h1>
            <p>{t('plugin-comments:moderationNoPermissionText')}</p>
          </div>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}
