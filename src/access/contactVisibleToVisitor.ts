import type { FieldAccess } from 'payload'

import { hasRole } from './roles'

/**
 * Contact data (e-mail, phone) of a person is public only when marked so; the coordination
 * office (admins, editors) sees it always, municipality editors like visitors (another city's
 * or the office's contacts are not theirs). Without a document (a query or sort on the field)
 * the others are refused, so private values can't be probed through `where` or `sort` either.
 */
export const contactVisibleToVisitor: FieldAccess = ({ doc, req: { user } }) =>
  hasRole(user, 'admin', 'editor') ||
  (doc as { isContactPublic?: boolean } | undefined)?.isContactPublic === true
