import type { Access } from 'payload'

/**
 * Visitors and websites read published documents only; every signed-in user of the admin reads
 * drafts too. (Field-level rules still hide private fields from visitors.)
 */
export const publishedOrLoggedIn: Access = ({ req: { user } }) => {
  if (user) {
    return true
  }
  return { _status: { equals: 'published' } }
}
