import type { CollectionBeforeOperationHook } from 'payload'

import { hasRole } from '../access/roles'

/**
 * `?draft=true` asks for the newest version, drafts included. Only those who read drafts may:
 * the coordination office (admins, editors), and municipality editors where a collection
 * belongs to cities (`hasCityDrafts`: their own city's drafts; the read access limits which).
 * For everybody else the flag is dropped, so a published document never shows unpublished
 * changes (and another city's document with a pending draft stays visible as published).
 */
export const draftsForThoseWhoReadThem =
  ({ hasCityDrafts }: { hasCityDrafts: boolean }): CollectionBeforeOperationHook =>
  ({ args, operation, req }) => {
    if (
      (operation !== 'read' && operation !== 'count') ||
      hasRole(req.user, 'admin', 'editor') ||
      (hasCityDrafts && hasRole(req.user, 'municipality-editor'))
    ) {
      return args
    }
    return { ...args, draft: false }
  }
