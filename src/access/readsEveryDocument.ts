import type { CollectionSlug, PayloadRequest } from 'payload'

/**
 * Whether the caller may read every document of a collection, not only some (visitors read
 * only the published content documents; signed-in users read them all).
 */
export const readsEveryDocument = async (
  req: PayloadRequest,
  slug: CollectionSlug,
): Promise<boolean> => {
  const read = req.payload.collections[slug]?.config.access.read
  return typeof read === 'function' && (await read({ req })) === true
}
