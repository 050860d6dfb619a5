import type { CollectionSlug, RequiredDataFromCollectionSlug } from 'payload'

import type { SeedContext } from './context'

import { isUnchanged } from './isUnchanged'

/** The content collections: each has a unique slug, drafts and versions. */
export type ContentSlug = Exclude<
  CollectionSlug,
  | 'media'
  | 'payload-kv'
  | 'payload-locked-documents'
  | 'payload-migrations'
  | 'payload-preferences'
  | 'users'
>

/** A document as the seed writes it: the slug is its identity; it is always published. */
export type SeedData<TSlug extends ContentSlug> = Omit<
  RequiredDataFromCollectionSlug<TSlug>,
  '_status' | 'slug'
> & { slug: string }

/**
 * Creates the document with this slug, or brings the stored one up to date; a document that
 * already says what the seed wants is not written at all, so its updatedAt and versions stay
 * as they are. Returns the document's id.
 */
export const upsertBySlug = async <TSlug extends ContentSlug>(
  { payload, req, tally }: SeedContext,
  collection: TSlug,
  seedData: SeedData<TSlug>,
): Promise<number> => {
  const data = { ...seedData, _status: 'published' } as RequiredDataFromCollectionSlug<TSlug>
  // The newest version, draft or not: that is what an update would change.
  const { docs } = await payload.find({
    collection,
    depth: 0,
    draft: true,
    limit: 1,
    overrideAccess: true,
    pagination: false,
    req,
    where: { slug: { equals: seedData.slug } },
  })
  const stored = docs[0]
  if (!stored) {
    const created = await payload.create({
      collection,
      data,
      depth: 0,
      draft: false,
      overrideAccess: true,
      req,
    })
    tally.created++
    return created.id
  }
  if (isUnchanged(data, stored)) {
    tally.unchanged++
    return stored.id
  }
  // The same data, typed as the partial update Payload's generic signature expects.
  const changes = data as Parameters<typeof payload.update<TSlug, never>>[0]['data']
  await payload.update({
    id: stored.id,
    collection,
    data: changes,
    depth: 0,
    draft: false,
    overrideAccess: true,
    req,
  })
  tally.updated++
  return stored.id
}
