import type { Read } from '@quartiersnetz/plugin-kit/attachOnRead'
import type { CollectionConfig, CollectionSlug } from 'payload'

import type { ResolvedCommentsOptions } from '../types'

import { collectionOf } from '@quartiersnetz/plugin-kit/data'
import { targetInWordsField } from '@quartiersnetz/plugin-kit/targetFields'
import { attachTargets, type TargetRef, targetRefOf } from '@quartiersnetz/plugin-kit/targets'
import { nobody } from '../lib/access'
import { targetComponents } from './comments'

const idOf = (value: unknown): string | undefined =>
  typeof value === 'number' || typeof value === 'string'
    ? String(value)
    : value && typeof value === 'object' && 'id' in value
      ? idOf(value.id)
      : undefined

/** Each report's target is its comment's: the page's comments read once, by their ids. */
const reportedTargetsOf =
  (options: ResolvedCommentsOptions) =>
  async ({ docs, req }: Read): Promise<Map<string, TargetRef>> => {
    const commentIds = new Map<string, string>()
    for (const doc of docs) {
      const commentId = idOf(doc.comment)
      if (commentId !== undefined && doc.id !== undefined) {
        commentIds.set(String(doc.id), commentId)
      }
    }
    const wanted = [...new Set(commentIds.values())]
    if (!wanted.length) {
      return new Map()
    }
    const { docs: comments } = await collectionOf<Record<string, unknown>>(
      req,
      options.slugs.comments,
    ).find({
      limit: wanted.length,
      overrideAccess: true,
      pagination: false,
      select: { targetCollection: true, targetId: true },
      where: { id: { in: wanted } },
    })
    const byComment = new Map(comments.map((comment) => [String(comment.id), targetRefOf(comment)]))
    const refs = new Map<string, TargetRef>()
    for (const [reportId, commentId] of commentIds) {
      const ref = byComment.get(commentId)
      if (ref) {
        refs.set(reportId, ref)
      }
    }
    return refs
  }

/** One row per reported comment and client (by keyed hash of its address): one report each. */
export const commentReportsCollection = (options: ResolvedCommentsOptions): CollectionConfig => ({
  slug: options.slugs.reports,
  access: {
    create: () => false,
    delete: options.canModerate,
    read: options.canModerate,
    update: () => false,
  },
  // Listed: which comments were reported, and on which entry (the clients stay hashes nobody reads).
  admin: {
    defaultColumns: ['comment', 'target', 'createdAt'],
    group: { de: 'Beteiligung', en: 'Participation' },
  },
  fields: [
    {
      name: 'comment',
      type: 'relationship',
      index: true,
      label: { de: 'Kommentar', en: 'Comment' },
      relationTo: options.slugs.comments as CollectionSlug,
      required: true,
    },
    // The reported comment's target.
    targetInWordsField(targetComponents(options)),
    {
      name: 'clientHash',
      type: 'text',
      access: { create: nobody, read: nobody, update: nobody },
      admin: { disabled: true },
      required: true,
    },
  ],
  hooks: {
    afterOperation: [
      attachTargets({ refsOf: reportedTargetsOf(options), targets: options.targets }),
    ],
  },
  indexes: [{ fields: ['comment', 'clientHash'], unique: true }],
  labels: {
    plural: { de: 'Kommentar-Meldungen', en: 'Comment reports' },
    singular: { de: 'Kommentar-Meldung', en: 'Comment report' },
  },
})
