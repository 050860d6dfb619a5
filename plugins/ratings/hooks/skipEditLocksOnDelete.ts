import type { CollectionBeforeOperationHook } from 'payload'

/**
 * Ratings are never edited, so Payload's edit locks mean nothing for them. Its check of those
 * locks reads on a second pooled connection, outside the transaction, after beforeDelete has
 * taken the document's rating lock: under load every connection can belong to a rating request
 * waiting for that lock, and the delete would wait for a connection until it times out.
 */
export const skipEditLocksOnDelete: CollectionBeforeOperationHook = ({ args, operation }) =>
  operation === 'delete' ? { ...args, overrideLock: true } : args
