import type { CollectionSlug, PayloadRequest } from 'payload'

import { getTranslation } from '@payloadcms/translations'
import { collectionOf } from '@quartiersnetz/plugin-kit/data'

export type DocumentRef = { collection: string; id: number | string }

export type Titled = DocumentRef & {
  /** The collection's singular label in the reader's language ("Beteiligungsmodul"). */
  label: string
  /** The document's title field (`admin.useAsTitle`), or its id when it has none or is gone. */
  title: string
}

const keyOf = ({ collection, id }: DocumentRef) => `${collection}:${String(id)}`

/**
 * The titles of documents named by collection and id (what comments and ratings point at):
 * one query per collection, as the signed-in user, drafts included. A document that is gone,
 * or that the user may not read, keeps its id as title.
 */
export const titlesOf = async (
  req: PayloadRequest,
  refs: DocumentRef[],
): Promise<Map<string, Titled>> => {
  const byCollection = new Map<string, Set<string>>()
  for (const ref of refs) {
    byCollection.set(
      ref.collection,
      (byCollection.get(ref.collection) ?? new Set()).add(String(ref.id)),
    )
  }
  const titles = new Map<string, Titled>()
  for (const [collection, ids] of byCollection) {
    const entry = req.payload.collections[collection as CollectionSlug]
    const config = entry?.config
    const label = config ? getTranslation(config.labels.singular, req.i18n) : collection
    const titleField = config?.admin.useAsTitle ?? 'id'
    // Serial ids are numbers: anything else names no document (and would fail the query).
    const lookup = [...ids].filter((id) => Boolean(entry?.customIDType) || /^\d{1,15}$/.test(id))
    const found =
      config && lookup.length
        ? await collectionOf<Record<string, unknown> & { id: number | string }>(
            req,
            collection,
          ).find({
            draft: true,
            limit: lookup.length,
            overrideAccess: false,
            select: { [titleField]: true },
            where: { id: { in: lookup } },
          })
        : { docs: [] }
    for (const doc of found.docs) {
      const title = doc[titleField]
      titles.set(keyOf({ collection, id: doc.id }), {
        collection,
        id: doc.id,
        label,
        title: typeof title === 'string' && title ? title : String(doc.id),
      })
    }
    for (const id of ids) {
      if (!titles.has(keyOf({ collection, id }))) {
        titles.set(keyOf({ collection, id }), { collection, id, label, title: id })
      }
    }
  }
  return titles
}

/** The title of one reference from what `titlesOf` found. */
export const titleOf = (titles: Map<string, Titled>, ref: DocumentRef): Titled =>
  titles.get(keyOf(ref)) ?? { ...ref, label: ref.collection, title: String(ref.id) }
