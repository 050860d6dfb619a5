import type { CollectionBeforeOperationHook } from 'payload'

import { APIError } from 'payload'

import { MAX_PUBLIC_PAGE_SIZE } from '../domain/pageSize'
import { localize } from '../i18n/localize'

const isWholeNumber = (value: unknown, min: number) =>
  typeof value === 'number' && Number.isInteger(value) && value >= min

/**
 * Payload hands `limit` and `page` to the database as they come: `?limit=1&limit=2` (an array),
 * `?limit=1.5` or `?page=-1` end in a failed query and a 500. A website's wrong parameter is
 * its mistake: answer 400 with what is expected.
 */
export const refuseMalformedPaging: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'read') {
    return args
  }
  const { limit, page } = args as { limit?: unknown; page?: unknown }
  if (limit !== undefined && limit !== null && !isWholeNumber(limit, 0)) {
    throw new APIError(
      localize(req, {
        // Visitors: 1 to MAX_PUBLIC_PAGE_SIZE; 0 ("all") only for signed-in users.
        de: req.user
          ? '„limit“ muss eine ganze Zahl ab 0 sein (einmal angegeben).'
          : `„limit“ muss eine ganze Zahl von 1 bis ${MAX_PUBLIC_PAGE_SIZE} sein (einmal angegeben).`,
        en: req.user
          ? '"limit" must be a whole number from 0 (given once).'
          : `"limit" must be a whole number from 1 to ${MAX_PUBLIC_PAGE_SIZE} (given once).`,
      }),
      400,
      undefined,
      true,
    )
  }
  // page=0 was taken as page 1 while the message said "ab 1" (a user test).
  if (page !== undefined && page !== null && !isWholeNumber(page, 1)) {
    throw new APIError(
      localize(req, {
        de: '„page“ muss eine ganze Zahl ab 1 sein (einmal angegeben).',
        en: '"page" must be a whole number from 1 (given once).',
      }),
      400,
      undefined,
      true,
    )
  }
  return args
}
