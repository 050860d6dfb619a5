import type { Access, AdminViewServerProps, CollectionSlug } from 'payload'

import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'

import type { StoredComment } from '../../types'
import type { QueuedComment } from './index.client'

import { waitingForDecisionWhere } from '../../lib/moderationQueue'
import { translatorOf } from '../../lib/translate'
import { ModerationQueueClient } from './index.client'

export type ModerationQueueServerOptions = {
  canModerate: Access
  commentsSlug: string
}

type Props = AdminViewServerProps & ModerationQueueServerOptions

/** The oldest this many are shown; deciding on them brings the next ones up. */
const PAGE_SIZE = 100

/**
 * The moderation queue: comments waiting for a decision, oldest first, read through the Local
 * API as the signed-in user. Whoever may not moderate sees a short refusal instead.
 */
export const ModerationQueue = async ({ canModerate, commentsSlug, initPageResult, params, searchParams }: Props) => {
  const { req, permissions, visibleEntities, locale } = initPageResult
  const t = translatorOf(req)
  const isAllowed = Boolean(req.user) && (await canModerate({ req } as Parameters<Access>[0])) === true

  let comments: QueuedComment[] = []
  let total = 0
  if (isAllowed) {
    const result = await req.payload.find({
      collection: commentsSlug as CollectionSlug,
      depth: 0,
      limit: PAGE_SIZE,
      overrideAccess: false,
      req,
      sort: 'createdAt',
      where: waitingForDecisionWhere,
    })
    total = result.totalDocs
    comments = (result.docs as unknown as (StoredComment & { createdAt: string })[]).map((doc) => ({
      authorName: doc.authorName,
      createdAt: doc.createdAt,
      id: doc.id,
      isHiddenByReports: Boolean(doc.isHiddenByReports),
      reportCount: doc.reportCount ?? 0,
      targetCollection: doc.targetCollection,
      targetId: doc.targetId,
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
          <ModerationQueueClient comments={comments} commentsSlug={commentsSlug} now={Date.now()} total={total} />
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
