import type { CollectionSlug, PayloadRequest, Where } from 'payload'

/** What an access rule answers: everything, nothing, or the documents a query matches. */
export type Scope = boolean | Where

/**
 * What the signed-in user may do with a collection, asked the way Payload asks for the admin's
 * permissions (no document): `true`, `false`, or the documents a query matches (a municipality
 * editor's own). A collection that isn't configured (its plugin is absent) allows nothing.
 */
export const scopeOf = async (
  req: PayloadRequest,
  slug: string | undefined,
  operation: 'read' | 'update',
): Promise<Scope> => {
  const collection = slug ? req.payload.collections[slug as CollectionSlug] : undefined
  if (!collection || !req.user) {
    return false
  }
  const access = collection.config.access[operation]
  return (await access({ req })) ?? false
}

/** Whether a scope grants anything at all. */
export const grantsAny = (scope: Scope): boolean => scope !== false

/** `where` limited to what `scope` allows (nothing added for `true`). */
export const within = (scope: Scope, where: Where): Where =>
  scope === true || scope === false ? where : { and: [where, scope] }
