import type { CollectionBeforeOperationHook } from 'payload'

import { APIError } from 'payload'

import { readsEveryDocument } from '../access/readsEveryDocument'
import { relationsOnPath } from '../access/relationsOnPath'
import { localize } from '../i18n/localize'

const sortPaths = (sort: unknown): string[] =>
  (Array.isArray(sort) ? sort : [sort])
    .filter((entry): entry is string => typeof entry === 'string')
    .flatMap((entry) => entry.split(','))
    .map((entry) => entry.trim().replace(/^-/, ''))
    .filter(Boolean)

/**
 * Payload checks field access on sort paths, but it does not limit a sort through a
 * relationship to the related documents the caller may read: `?sort=organisation.title` orders
 * published projects by the title of a draft organisation, which lets a visitor probe draft
 * content one comparison at a time. Such a sort is refused unless the caller reads every
 * document of the related collections (signed-in users do).
 */
export const refuseSortByHiddenRelations: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  overrideAccess,
  req,
}) => {
  if (overrideAccess || (operation !== 'read' && operation !== 'readDistinct')) {
    return args
  }
  for (const path of sortPaths((args as { sort?: unknown }).sort)) {
    const { through } = relationsOnPath({
      fields: collection.flattenedFields,
      path,
      payload: req.payload,
    })
    for (const slug of through) {
      if (!(await readsEveryDocument(req, slug))) {
        throw new APIError(
          localize(req, {
            de: `Sortieren nach „${path}“ ist nicht möglich: Es führt über verknüpfte Einträge, die nicht alle öffentlich sind. Bitte nach einem eigenen Feld sortieren.`,
            en: `Sorting by "${path}" is not possible: it goes through linked entries that are not all public. Please sort by a field of this collection.`,
          }),
          400,
          undefined,
          true,
        )
      }
    }
  }
  return args
}
