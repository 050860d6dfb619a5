import type { CollectionBeforeOperationHook, FlattenedField, PayloadRequest } from 'payload'

import { APIError } from 'payload'

import { readsEveryDocument } from '../access/readsEveryDocument'
import { relationsOnPath } from '../access/relationsOnPath'
import { localize } from '../i18n/localize'

/** An object of keys and values (a where clause or condition), not an array, date or other class. */
export const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return false
  }
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

type NestedQuery = { nested: Record<string, unknown>; path: string }

/** The constraints whose operator holds a nested query (`{ contacts: { contains: { name: … } } }`). */
const nestedQueries = (where: unknown): NestedQuery[] => {
  if (!isPlainObject(where)) {
    return []
  }
  return Object.entries(where).flatMap(([key, value]): NestedQuery[] => {
    if ((key === 'and' || key === 'or') && Array.isArray(value)) {
      return value.flatMap(nestedQueries)
    }
    if (!isPlainObject(value)) {
      return []
    }
    return Object.values(value)
      .flatMap((operand) => (Array.isArray(operand) ? operand : [operand]))
      .filter(isPlainObject)
      .map((nested) => ({ nested, path: key }))
  })
}

const refusal = (req: PayloadRequest, path: string) =>
  new APIError(
    localize(req, {
      de: `Die Abfrage „${path}“ mit einer verschachtelten Bedingung durchsucht verknüpfte Einträge, die nicht alle öffentlich sind. Bitte mit Punkt-Pfad filtern, z. B. where[${path}.title][like]=…`,
      en: `The query "${path}" with a nested condition searches linked entries that are not all public. Please filter with a dotted path, e.g. where[${path}.title][like]=…`,
    }),
    400,
    undefined,
    true,
  )

const checkWhere = async ({
  fields,
  req,
  where,
}: {
  fields: FlattenedField[]
  req: PayloadRequest
  where: unknown
}): Promise<void> => {
  for (const { nested, path } of nestedQueries(where)) {
    const { at, through } = relationsOnPath({ fields, path, payload: req.payload })
    for (const slug of [...through, ...at]) {
      if (!(await readsEveryDocument(req, slug))) {
        throw refusal(req, path)
      }
    }
    // Readable all the way: the nested query may itself reach further collections.
    for (const slug of at) {
      await checkWhere({
        fields: req.payload.collections[slug].config.flattenedFields,
        req,
        where: nested,
      })
    }
  }
}

/**
 * Payload scopes a dotted query through a relationship (`where[contacts.name]`) to the related
 * documents the caller may read, but a nested one (`where[contacts][contains][name][like]=…`)
 * searches every related document, drafts included: published modules could be found by the
 * name of a draft person they link to. Such queries are refused unless the caller reads every
 * document of the related collections (signed-in users do); the dotted form stays available.
 */
export const refuseNestedQueriesIntoHiddenRelations: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  overrideAccess,
  req,
}) => {
  if (
    overrideAccess ||
    (operation !== 'read' && operation !== 'count' && operation !== 'readDistinct')
  ) {
    return args
  }
  await checkWhere({
    fields: collection.flattenedFields,
    req,
    where: (args as { where?: unknown }).where,
  })
  return args
}
