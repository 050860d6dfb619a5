import type { CollectionAfterDeleteHook, Where } from 'payload'

import type { ResolvedCommentsOptions } from '../types'

import { PLUGIN_WRITE } from '../lib/context'
import { commentsOf, reportsOf } from '../lib/records'

/**
 * A commented document that is deleted takes its comments (names, addresses, texts) and their
 * reports with it, in the same transaction: nothing stays behind that belongs to nothing.
 */
export const deleteCommentsOfTarget =
  (options: ResolvedCommentsOptions): CollectionAfterDeleteHook =>
  async ({ collection, id, req }) => {
    const ofTarget: Where = {
      and: [
        { targetCollection: { equals: collection.slug } },
        { targetId: { equals: String(id) } },
      ],
    }
    const comments = commentsOf(options, req)
    const { docs } = await comments.find({
      overrideAccess: true,
      pagination: false,
      select: { id: true },
      where: ofTarget,
    })
    if (!docs.length) {
      return
    }
    const ids = docs.map((doc) => doc.id)
    // Reports point at their comment (a required link): they go first.
    await reportsOf(options, req).delete({ overrideAccess: true, where: { comment: { in: ids } } })
    const { errors } = await comments.delete({
      context: { [PLUGIN_WRITE]: true },
      overrideAccess: true,
      select: { id: true },
      where: { id: { in: ids } },
    })
    if (errors.length) {
      throw new Error(
        `commentsPlugin: ${errors.length} comment(s) of ${collection.slug} ${String(id)} could not be deleted: ${errors.map((error) => error.message).join('; ')}`,
      )
    }
  }
