/**
 * The finder's filters by relationship (options.finderFilters): the documents a filter can
 * name, and which of them a rated document links to.
 */
import type { CollectionSlug, PayloadRequest, SelectIncludeType, Sort, Where } from 'payload'

import type { ResolvedFinderFilter } from '../types'

import { collectionOf } from '@quartiersnetz/plugin-kit/data'
import { isPossibleId } from '@quartiersnetz/plugin-kit/ids'

/** A value of a filter as the finder shows it in its facets. */
export type FilterDocument = { id: number | string; slug: null | string; title: string }

/**
 * Published documents of the filter's collection, as a visitor sees them: all of them, or those
 * a `reference` (slug or id) names. Deliberately without `req`: a signed-in editor's drafts
 * are no filter values for a website.
 */
export const findFilterDocuments = async ({
  filter,
  reference,
  req,
}: {
  filter: ResolvedFinderFilter
  reference?: string
  req: PayloadRequest
}): Promise<FilterDocument[]> => {
  const config = req.payload.collections[filter.collection].config
  const titleField = config.admin?.useAsTitle ?? 'id'
  const hasSlug = config.flattenedFields.some((field) => field.name === filter.slugField)
  let where: undefined | Where
  if (reference !== undefined) {
    const or: Where[] = [
      ...(hasSlug ? [{ [filter.slugField]: { equals: reference } }] : []),
      ...(isPossibleId(req.payload, filter.collection, reference)
        ? [{ id: { equals: reference } }]
        : []),
    ]
    if (!or.length) {
      return []
    }
    where = { or }
  }
  const { docs } = await collectionOf<Record<string, unknown> & { id: number | string }>(
    req,
    filter.collection,
    { asVisitor: true },
  ).find({
    draft: false,
    overrideAccess: false,
    pagination: false,
    select: { ...(hasSlug ? { [filter.slugField]: true } : {}), [titleField]: true },
    sort: (config.defaultSort as Sort | undefined) ?? titleField,
    where,
  })
  return docs.map((doc) => ({
    id: doc.id,
    slug:
      hasSlug && typeof doc[filter.slugField] === 'string'
        ? (doc[filter.slugField] as string)
        : null,
    title: String(doc[titleField] ?? doc.id),
  }))
}

/** The document a reference names: by slug first (a slug may look like another's id), then by id. */
export const pickReferenced = (
  documents: FilterDocument[],
  reference: string,
): FilterDocument | undefined =>
  documents.find((doc) => doc.slug === reference) ??
  documents.find((doc) => String(doc.id) === reference)

/** `{ a: { b: true } }` for the path `a.b`: selects a (nested) field. */
export const selectOf = (path: string): SelectIncludeType => {
  const [name = path, ...rest] = path.split('.')
  return { [name]: rest.length ? selectOf(rest.join('.')) : true }
}

const valueAt = (doc: Record<string, unknown>, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (value, name) =>
        value && typeof value === 'object' ? (value as Record<string, unknown>)[name] : undefined,
      doc,
    )

/**
 * The ids (as text) a relationship field of `doc` holds at depth 0: one id, a list of them, or
 * polymorphic `{ relationTo, value }` (only those pointing to `collection`).
 */
export const relatedIds = (
  doc: Record<string, unknown>,
  filter: ResolvedFinderFilter,
): string[] => {
  const idsOf = (value: unknown): string[] => {
    if (Array.isArray(value)) {
      return value.flatMap(idsOf)
    }
    if (typeof value === 'number' || typeof value === 'string') {
      return [String(value)]
    }
    if (value && typeof value === 'object') {
      const {
        id,
        relationTo,
        value: inner,
      } = value as { id?: unknown; relationTo?: unknown; value?: unknown }
      if (relationTo !== undefined) {
        return relationTo === (filter.collection as CollectionSlug) ? idsOf(inner) : []
      }
      return id === undefined ? [] : idsOf(id)
    }
    return []
  }
  return idsOf(valueAt(doc, filter.field))
}
