import type { CollectionBeforeOperationHook } from 'payload'

/**
 * `?draft=true` asks for the newest version, drafts included. Only signed-in users may: for a
 * visitor the flag is dropped, so a published document never shows unpublished changes.
 */
export const publishedOnlyForVisitors: CollectionBeforeOperationHook = ({
  args,
  operation,
  req,
}) => {
  if (req.user || (operation !== 'read' && operation !== 'count')) {
    return args
  }
  return { ...args, draft: false }
}
