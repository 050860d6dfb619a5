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

/**
 * A sort by a field the list doesn't have (`?sort=datum`, `?sort=-titel`) was ignored without a
 * word, and the website showed its list in an order nobody asked for (a user test): refused with
 * 400, naming the field and how to sort. Only the first part of a path is checked (a field of
 * the collection, or its id); what lies behind a relationship or group is Payload's to judge.
 * Reads through the API only: the server's own reads are trusted.
 */
export const refuseUnknownSort: CollectionBeforeOperationHook = ({
  args,
  collection,
  operation,
  overrideAccess,
  req,
}) => {
  if (overrideAccess || operation !== 'read') {
    return args
  }
  for (const path of sortPaths((args as { sort?: unknown }).sort)) {
    const [first = ''] = path.split('.')
    if (first === 'id' || collection.flattenedFields.some((field) => field.name === first)) {
      continue
    }
    const title = collection.admin?.useAsTitle ?? 'createdAt'
    throw new APIError(
      localize(req, {
        de: `Nach „${path.slice(0, 60)}“ kann nicht sortiert werden: Diese Liste hat kein solches Feld. Sortieren Sie zum Beispiel mit sort=${title} oder absteigend mit sort=-${title}.`,
        en: `Cannot sort by "${path.slice(0, 60)}": this list has no such field. Sort for example with sort=${title}, or descending with sort=-${title}.`,
      }),
      400,
      undefined,
      true,
    )
  }
  return args
}
