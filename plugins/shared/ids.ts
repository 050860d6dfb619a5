import type { Payload } from 'payload'

/** PostgreSQL's `serial` ids are 32-bit integers. */
const MAX_SERIAL = 2_147_483_647

/**
 * Whether `id` can name a document of `collection` at all. Ids from URLs and bodies that can't
 * (text where the database keeps integers, numbers out of range) are answered "not found"
 * without asking: the database would refuse them with an error, and an error must never be
 * mistaken for "not found" (so nothing here catches one).
 */
export const isPossibleId = (payload: Payload, collection: string, id: unknown): boolean => {
  const text = typeof id === 'number' ? String(id) : id
  if (typeof text !== 'string' || !text) {
    return false
  }
  const type =
    payload.collections[collection as keyof Payload['collections']]?.customIDType ??
    payload.db.defaultIDType
  if (type === 'number') {
    return /^\d{1,10}$/.test(text) && Number(text) >= 1 && Number(text) <= MAX_SERIAL
  }
  return /^[A-Za-z0-9_-]{1,64}$/.test(text)
}
