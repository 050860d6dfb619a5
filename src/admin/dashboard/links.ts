import type { PayloadRequest } from 'payload'

import { formatAdminURL } from 'payload/shared'

type Query = Record<string, number | string>

/** An address in the admin, relative (the admin may be open under any of its names). */
export const adminUrl = (req: PayloadRequest, path: `/${string}`, query: Query = {}): string => {
  const url = formatAdminURL({ adminRoute: req.payload.config.routes.admin, path, relative: true })
  const search = new URLSearchParams(
    Object.entries(query).map(([key, value]) => [key, String(value)]),
  ).toString()
  return search ? `${url}?${search}` : url
}

/** The edit view of a document. */
export const documentUrl = (req: PayloadRequest, collection: string, id: number | string) =>
  adminUrl(req, `/collections/${collection}/${id}`)

/**
 * A collection's list, filtered and sorted as the list view reads its address
 * (`where[status][equals]=pending`).
 */
export const listUrl = (req: PayloadRequest, collection: string, query: Query = {}) =>
  adminUrl(req, `/collections/${collection}`, query)
