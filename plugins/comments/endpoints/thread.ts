import type { CollectionSlug, Endpoint, PayloadRequest, Where } from 'payload'

import type { CommentsTranslationKey } from '../translations'
import type { ResolvedCommentsOptions } from '../types'

import { collectionOf } from '@quartiersnetz/plugin-kit/data'
import { isPossibleId } from '@quartiersnetz/plugin-kit/ids'
import { fail, translatorOf } from '@quartiersnetz/plugin-kit/respond'
import { titleFieldOf } from '@quartiersnetz/plugin-kit/targets'
import { commentsOf } from '../lib/records'
import { ownPublicWhere } from '../lib/visibility'
import { commentFormToken } from './formToken'

/** More than any discussion of one document; a thread is not an archive. */
export const MAX_THREAD_COMMENTS = 1000

const TARGET_PATTERN = /^([A-Za-z0-9_-]{1,64})\/([A-Za-z0-9_-]{1,120})$/

type ThreadTarget = {
  collection: string
  id: number | string
  slug: null | string
  title: string
}

type PublicComment = {
  authorName: string
  createdAt: string
  id: number | string
  isOfficialReply?: boolean | null
  parent?: null | number | string | { id: number | string }
  text: string
}

/** A comment as the thread shows it: what a visitor may read, nothing else. */
type ThreadComment = {
  authorName: string
  createdAt: string
  id: number | string
  isOfficial: boolean
  text: string
}

const presentComment = (comment: PublicComment): ThreadComment => ({
  authorName: comment.authorName,
  createdAt: comment.createdAt,
  id: comment.id,
  isOfficial: Boolean(comment.isOfficialReply),
  text: comment.text,
})

const parentIdOf = (parent: PublicComment['parent']) =>
  parent === null || parent === undefined
    ? undefined
    : String(typeof parent === 'object' ? parent.id : parent)

/**
 * The target as a visitor sees it (published, unless `requirePublished` is off), by slug or id.
 * Deliberately without `req`: an editor's session must not reveal drafts to a widget.
 */
const findTarget = async ({
  collection,
  key,
  options,
  req,
}: {
  collection: string
  key: string
  options: ResolvedCommentsOptions
  req: PayloadRequest
}) => {
  const config = req.payload.collections[collection as CollectionSlug]?.config
  if (!config) {
    return undefined
  }
  const hasSlug = config.flattenedFields.some((field) => field.name === options.slugField)
  const titleField = titleFieldOf(req.payload, options.targets, collection) ?? 'id'
  const or: Where[] = [
    ...(hasSlug ? [{ [options.slugField]: { equals: key } }] : []),
    ...(isPossibleId(req.payload, collection, key) ? [{ id: { equals: key } }] : []),
  ]
  if (!or.length) {
    return undefined
  }
  const { docs } = await collectionOf<Record<string, unknown> & { id: number | string }>(
    req,
    collection,
    { asVisitor: true },
  ).find({
    draft: false,
    // A slug that looks like another document's id: the slug wins.
    limit: 2,
    overrideAccess: !options.requirePublished,
    pagination: false,
    select: {
      ...(hasSlug ? { [options.slugField]: true } : {}),
      [titleField]: true,
    },
    where: { or },
  })
  const found = docs.sort(
    (a, b) => Number(b[options.slugField] === key) - Number(a[options.slugField] === key),
  )[0]
  if (!found) {
    return undefined
  }
  const slug = hasSlug ? found[options.slugField] : undefined
  return {
    collection,
    id: found.id,
    slug: typeof slug === 'string' ? slug : null,
    title: String(found[titleField] ?? found.id),
  } satisfies ThreadTarget
}

/**
 * GET /api/comments/thread?target=modules/<slug-or-id> — what a comment widget needs when it
 * loads, in one request: the target, its public comments (oldest first, replies nested under
 * their comment) and a fresh form token with the form's limits. Two queries: the target, then
 * its comments.
 */
export const threadEndpoint = (options: ResolvedCommentsOptions): Endpoint => ({
  handler: async (req) => {
    const t = translatorOf<CommentsTranslationKey>(req)
    const noStore = { 'Cache-Control': 'no-store' }
    const match =
      typeof req.query?.target === 'string' ? TARGET_PATTERN.exec(req.query.target) : null
    if (!match) {
      return fail(
        400,
        t('plugin-comments:threadTargetMissing', {
          example: `${options.collections[0]}/…`,
        }),
        noStore,
      )
    }
    const [, collection = '', key = ''] = match
    if (!options.collections.includes(collection as CollectionSlug)) {
      // Not a missing entry but an address that can't be one: say which collections take comments.
      return fail(
        400,
        t('plugin-comments:threadCollectionUnknown', {
          collection,
          collections: options.collections.join(', '),
        }),
        noStore,
      )
    }
    const target = await findTarget({ collection, key, options, req })
    if (!target) {
      return fail(404, t('plugin-comments:targetNotFound'), noStore)
    }
    const { docs } = await commentsOf(options, req, { asVisitor: true }).find({
      limit: MAX_THREAD_COMMENTS,
      // As a visitor: the collection's read access adds the public condition, a reply's parent's
      // included (lib/visibility.ts).
      overrideAccess: false,
      pagination: false,
      select: {
        authorName: true,
        createdAt: true,
        isOfficialReply: true,
        parent: true,
        text: true,
      },
      sort: ['createdAt', 'id'],
      where: {
        and: [
          ownPublicWhere(),
          { targetCollection: { equals: collection } },
          { targetId: { equals: String(target.id) } },
        ],
      },
    })
    const comments: PublicComment[] = docs
    const threads = new Map<string, ThreadComment & { replies: ThreadComment[] }>()
    for (const comment of comments) {
      if (parentIdOf(comment.parent) === undefined) {
        threads.set(String(comment.id), {
          ...presentComment(comment),
          replies: [],
        })
      }
    }
    let totalDocs = threads.size
    for (const comment of comments) {
      const parentId = parentIdOf(comment.parent)
      // A reply whose comment is not public (hidden by reports, rejected later) is not shown.
      const thread = parentId === undefined ? undefined : threads.get(parentId)
      if (thread) {
        thread.replies.push(presentComment(comment))
        totalDocs += 1
      }
    }
    return Response.json(
      {
        comments: [...threads.values()],
        consentVersion: await options.consentVersionOf({ req }),
        formToken: commentFormToken(options, req),
        maxTextLength: options.maxTextLength,
        minSubmitSeconds: options.minSubmitSeconds,
        target,
        totalDocs,
      },
      { headers: noStore },
    )
  },
  method: 'get',
  path: '/thread',
})
