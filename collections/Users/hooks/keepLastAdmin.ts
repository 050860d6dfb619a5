import type {
  CollectionBeforeChangeHook,
  CollectionBeforeDeleteHook,
  PayloadRequest,
} from 'payload'

import { APIError } from 'payload'

import { localize } from '../../../src/i18n/localize'

const countOtherAdmins = async ({ id, req }: { id: number | string; req: PayloadRequest }) => {
  const { totalDocs } = await req.payload.count({
    collection: 'users',
    overrideAccess: true,
    req,
    where: { and: [{ role: { equals: 'admin' } }, { id: { not_equals: id } }] },
  })
  return totalDocs
}

const lastAdminError = (req: PayloadRequest) =>
  new APIError(
    localize(req, {
      de: 'Das letzte Administrator-Konto kann nicht gelöscht oder herabgestuft werden.',
      en: 'The last administrator account cannot be deleted or demoted.',
    }),
    409,
    undefined,
    true,
  )

/** Demoting the last admin would leave nobody who can manage users. */
export const keepLastAdminOnChange: CollectionBeforeChangeHook = async ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (
    operation !== 'update' ||
    originalDoc?.role !== 'admin' ||
    !data.role ||
    data.role === 'admin'
  ) {
    return data
  }
  if ((await countOtherAdmins({ id: originalDoc.id, req })) === 0) {
    throw lastAdminError(req)
  }
  return data
}

export const keepLastAdminOnDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const user = await req.payload.findByID({
    id,
    collection: 'users',
    depth: 0,
    overrideAccess: true,
    req,
  })
  if (user?.role === 'admin' && (await countOtherAdmins({ id, req })) === 0) {
    throw lastAdminError(req)
  }
}
