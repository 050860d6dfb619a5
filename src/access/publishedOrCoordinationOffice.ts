import type { Access } from 'payload'

import { hasRole } from './roles'

/**
 * Visitors, websites and municipality editors read published documents only; the
 * coordination office (admins, editors) reads drafts too. (A municipality editor reads their
 * own city's drafts where a collection belongs to cities: municipalityScoped.ts. Field-level
 * rules still hide private fields from visitors.)
 */
export const publishedOrCoordinationOffice: Access = ({ req: { user } }) => {
  if (hasRole(user, 'admin', 'editor')) {
    return true
  }
  return { _status: { equals: 'published' } }
}

/** Versions (drafts and history) of documents that belong to no city: the coordination office's. */
export const versionsOfCoordinationOffice: Access = ({ req: { user } }) =>
  hasRole(user, 'admin', 'editor')
