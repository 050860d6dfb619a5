import type { Field } from 'payload'

/** Filled on read (hooks/attachCommentCounts): never stored, never written. */
export const commentCountField: Field = {
  name: 'commentCount',
  type: 'number',
  access: { create: () => false, update: () => false },
  admin: { hidden: true },
  virtual: true,
}
