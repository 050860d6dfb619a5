import type { FieldAccess } from 'payload'

/**
 * Contact data (e-mail, phone) of a person is public only when marked so; signed-in users see
 * it always. Without a document (a query or sort on the field) visitors are refused, so
 * private values can't be probed through `where` or `sort` either.
 */
export const contactVisibleToVisitor: FieldAccess = ({ doc, req: { user } }) =>
  Boolean(user) || (doc as { isContactPublic?: boolean } | undefined)?.isContactPublic === true
