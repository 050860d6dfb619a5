import type { PayloadRequest } from 'payload'

import type { RatingValues } from './summary'

/** A rating as a moderator's delete removes it, read under its document's lock. */
export type DeletedRating = {
  targetCollection: string
  targetId: string
  values?: null | RatingValues
}

const DELETIONS_KEY = 'plugin-ratings:deletions'
const TURNS_KEY = 'plugin-ratings:summaryTurns'

const mapInContext = <T>(req: PayloadRequest, key: string): Map<string, T> => {
  const existing = req.context[key]
  if (existing instanceof Map) {
    return existing as Map<string, T>
  }
  const created = new Map<string, T>()
  req.context[key] = created
  return created
}

/** Kept from beforeDelete to afterDelete of the same request. */
export const rememberDeletion = (
  req: PayloadRequest,
  id: number | string,
  rating: DeletedRating,
) => {
  mapInContext<DeletedRating>(req, DELETIONS_KEY).set(String(id), rating)
}

export const takeDeletion = (
  req: PayloadRequest,
  id: number | string,
): DeletedRating | undefined => {
  const deletions = mapInContext<DeletedRating>(req, DELETIONS_KEY)
  const rating = deletions.get(String(id))
  deletions.delete(String(id))
  return rating
}

/**
 * Runs the summary updates of one document one after another within a request. A bulk delete
 * handles its documents in parallel on one transaction, and the advisory lock belongs to the
 * transaction, so it does not keep them apart.
 */
export const inTurn = async <T>(
  req: PayloadRequest,
  key: string,
  run: () => Promise<T>,
): Promise<T> => {
  const turns = mapInContext<Promise<unknown>>(req, TURNS_KEY)
  const current = (turns.get(key) ?? Promise.resolve()).catch(() => undefined).then(run)
  turns.set(key, current)
  return current
}
