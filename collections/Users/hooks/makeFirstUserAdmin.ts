import type { CollectionBeforeChangeHook } from 'payload'

/**
 * The first account (created through /admin/create-first-user) becomes an admin, whatever
 * the form sent; otherwise nobody could manage users afterwards.
 */
export const makeFirstUserAdmin: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') {
    return data
  }
  const { totalDocs } = await req.payload.count({ collection: 'users', overrideAccess: true, req })
  if (totalDocs === 0) {
    return { ...data, role: 'admin' }
  }
  return data
}
