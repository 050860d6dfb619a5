import type { PayloadRequest } from 'payload'

import { lockForTransaction } from '@quartiersnetz/plugin-kit/advisoryLock'

/**
 * Serialises rating changes per rated document for the rest of the request's transaction,
 * so counts and sums stay exact under concurrency.
 */
export const lockTarget = async ({
  collection,
  id,
  req,
}: {
  collection: string
  id: number | string
  req: PayloadRequest
}) => lockForTransaction({ namespace: `ratings:${collection}`, req, value: String(id) })

/**
 * Serialises the ratings of one client (by its hashed address) for the rest of the
 * transaction, so that parallel requests can't all pass the hourly limit. Always taken
 * before `lockTarget`, never after, so the two can't deadlock.
 */
export const lockClient = async ({
  clientHash,
  req,
}: {
  clientHash: string
  req: PayloadRequest
}) => lockForTransaction({ namespace: 'ratings-client', req, value: clientHash })
