import type { Collection, CollectionBeforeOperationHook, Payload, Where } from 'payload'

import { APIError } from 'payload'

import { localize } from '../i18n/localize'

/** The operators that compare a date or number field with a date or number. */
const COMPARISONS = new Set([
  'equals',
  'greater_than',
  'greater_than_equal',
  'in',
  'less_than',
  'less_than_equal',
  'not_equals',
  'not_in',
])

type Kind = 'date' | 'id' | 'number' | 'unknown'

type TypedField = {
  /** A relationship: "null" asks for documents without one (Payload's reading), no id. */
  isRelationship?: boolean
  kind: Kind
  /** How to filter by slug instead of id, where the documents have one. */
  slugPath?: string
}

const isDate = (value: unknown) =>
  value instanceof Date
    ? !Number.isNaN(value.getTime())
    : typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Date.parse(value))

const NUMBER = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/

const isNumber = (value: unknown) =>
  typeof value === 'number'
    ? Number.isFinite(value)
    : typeof value === 'string' && NUMBER.test(value) && Number.isFinite(Number(value))

/** PostgreSQL's integer, the type of serial ids and of the columns that refer to them. */
const MAX_INTEGER = 2_147_483_647

const isId = (value: unknown) => {
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\s*[-+]?\d{1,10}\s*$/.test(value)
        ? Number(value)
        : NaN
  return Number.isInteger(number) && Math.abs(number) <= MAX_INTEGER
}

const fits: Record<Exclude<Kind, 'unknown'>, (value: unknown) => boolean> = {
  date: isDate,
  id: isId,
  number: isNumber,
}

/** The values an operator compares with: a list for `in`/`not_in` (an array or "a,b"). */
const valuesOf = (operator: string, value: unknown): unknown[] =>
  operator === 'in' || operator === 'not_in'
    ? Array.isArray(value)
      ? value
      : typeof value === 'string'
        ? value.split(',')
        : [value]
    : [value]

type Mistyped =
  | (TypedField & { field: string; value: string })
  | { field: string; kind: 'exists' | 'operator' | 'unknownPath'; value: string }

/**
 * The first comparison of a date, number or id field with something else: top-level fields
 * from `typedFields`, dotted paths (`venue.municipality`, `series.start`) from `nested`.
 */
const mistypedIn = (
  where: unknown,
  typedFields: Map<string, TypedField>,
  nested?: (path: string) => TypedField | undefined,
): Mistyped | undefined => {
  if (!where || typeof where !== 'object') {
    return undefined
  }
  for (const [key, condition] of Object.entries(where as Where)) {
    if (key === 'and' || key === 'or') {
      for (const inner of Array.isArray(condition) ? condition : Object.values(condition ?? {})) {
        const found = mistypedIn(inner, typedFields, nested)
        if (found) {
          return found
        }
      }
      continue
    }
    if (typeof condition === 'string' || typeof condition === 'number') {
      // `where[start]=2026-12-01`: a value without an operator (Payload read it letter by letter).
      return { field: key, kind: 'operator', value: String(condition).slice(0, 60) }
    }
    const exists = (condition as { exists?: unknown } | null)?.exists
    if (exists !== undefined && ![true, false, 'true', 'false'].includes(exists as string)) {
      // `exists=maybe` matched nothing, without a word.
      return { field: key, kind: 'exists', value: String(exists).slice(0, 60) }
    }
    const typed = typedFields.get(key) ?? (key.includes('.') ? nested?.(key) : undefined)
    if (typed?.kind === 'unknown') {
      return { field: key, kind: 'unknownPath', value: key.split('.').slice(0, -1).join('.') }
    }
    if (!typed || !condition || typeof condition !== 'object') {
      continue
    }
    const fit = fits[typed.kind]
    for (const [operator, value] of Object.entries(condition)) {
      if (!COMPARISONS.has(operator) || value === null || value === undefined) {
        continue
      }
      const invalid = valuesOf(operator, value).find(
        (one) => !fit(one) && !(typed.isRelationship && one === 'null'),
      )
      if (invalid !== undefined) {
        return { ...typed, field: key, value: String(invalid).slice(0, 60) }
      }
    }
  }
  return undefined
}

type HookArgs = Parameters<CollectionBeforeOperationHook>[0]

/** Whether a collection's ids are numbers (serial), and whether it has a slug to filter by. */
const idsOf = (payload: Payload, slug: string) => {
  const collection = (payload.collections as Record<string, Collection | undefined>)[slug]
  return {
    hasSlug: Boolean(collection?.config.flattenedFields.some((field) => field.name === 'slug')),
    isNumber: (collection?.customIDType ?? payload.db.defaultIDType) === 'number',
  }
}

/**
 * A collection's top-level date and number fields, its id and its relationships to one
 * collection whose ids are numbers, found once per collection (every read passes here).
 */
const typedFieldsByCollection = new WeakMap<object, Map<string, TypedField>>()
const typedFieldsOf = (collection: HookArgs['collection'], payload: Payload) => {
  let fields = typedFieldsByCollection.get(collection)
  if (!fields) {
    const own = idsOf(payload, collection.slug)
    fields = new Map([
      // Payload's own id is no field; a custom id field is one of the fields below.
      ...(own.isNumber && !collection.flattenedFields.some((field) => field.name === 'id')
        ? ([['id', { kind: 'id', slugPath: own.hasSlug ? 'slug' : undefined }]] as const)
        : []),
      ...collection.flattenedFields.flatMap((field): [string, TypedField][] => {
        if (field.type === 'date' || field.type === 'number') {
          return [[field.name, { kind: field.type }]]
        }
        if (
          (field.type === 'relationship' || field.type === 'upload') &&
          typeof field.relationTo === 'string'
        ) {
          const related = idsOf(payload, field.relationTo)
          const slugPath = related.hasSlug ? `${field.name}.slug` : undefined
          return related.isNumber
            ? [[field.name, { isRelationship: true, kind: 'id', slugPath }]]
            : []
        }
        return []
      }),
    ])
    typedFieldsByCollection.set(collection, fields)
  }
  return fields
}

type FlatField = Collection['config']['flattenedFields'][number]

/**
 * The field a dotted filter path ends at, through groups and relationships to one collection
 * (`venue.municipality`: a group's relationship; `series.start`: the related series' start;
 * `fieldsOfAction.id`: the related Handlungsfeld's id), as a typed field, or undefined (another
 * kind of field, a path Payload itself refuses or reads otherwise).
 */
const typedFieldAt = (payload: Payload, slug: string, path: string): TypedField | undefined => {
  let fields: FlatField[] | undefined = (
    payload.collections as Record<string, Collection | undefined>
  )[slug]?.config.flattenedFields
  let collection = slug
  const segments = path.split('.')
  for (const [index, segment] of segments.entries()) {
    const isLast = index === segments.length - 1
    if (segment === 'id' && isLast) {
      const own = idsOf(payload, collection)
      return own.isNumber && !fields?.some((field) => field.name === 'id')
        ? {
            kind: 'id',
            slugPath: own.hasSlug ? [...segments.slice(0, -1), 'slug'].join('.') : undefined,
          }
        : undefined
    }
    const field = fields?.find((candidate) => candidate.name === segment)
    if (!field) {
      // Behind a group or relationship Payload's refusal would name only this last part.
      return index > 0 && fields ? { kind: 'unknown' } : undefined
    }
    if (field.type === 'group' && !isLast) {
      fields = field.flattenedFields
      continue
    }
    if (
      (field.type === 'relationship' || field.type === 'upload') &&
      typeof field.relationTo === 'string'
    ) {
      if (isLast) {
        const related = idsOf(payload, field.relationTo)
        return related.isNumber
          ? {
              isRelationship: true,
              kind: 'id',
              slugPath: related.hasSlug ? `${path}.slug` : undefined,
            }
          : undefined
      }
      collection = field.relationTo
      fields = (payload.collections as Record<string, Collection | undefined>)[collection]?.config
        .flattenedFields
      continue
    }
    if (isLast && (field.type === 'date' || field.type === 'number')) {
      return { kind: field.type }
    }
    return undefined
  }
  return undefined
}

/** typedFieldAt, remembered per collection and path (every read passes here). */
const nestedFieldsByCollection = new WeakMap<object, Map<string, TypedField | undefined>>()
const nestedFieldOf = (collection: HookArgs['collection'], payload: Payload) => {
  let known = nestedFieldsByCollection.get(collection)
  if (!known) {
    known = new Map()
    nestedFieldsByCollection.set(collection, known)
  }
  const paths = known
  return (path: string) => {
    if (!paths.has(path)) {
      // Bounded: filters are written by people, but a client could send endless new paths.
      if (paths.size >= 500) {
        paths.clear()
      }
      paths.set(path, typedFieldAt(payload, collection.slug, path))
    }
    return paths.get(path)
  }
}

/**
 * A filter that compares a date field with something that is no date (`where[start]
 * [greater_than]=2026-13-45`) matched nothing, and one that compares a number field with
 * something that is no number (`where[capacity][equals]=abc`) matched the documents without
 * a value: a member site's list was wrong without a word. An id that is no id
 * (`where[id][equals]=abc` matched nothing, `where[fieldsOfAction][in]=abc` was "a value the
 * database doesn't take") likewise. Refused with 400, naming the field and the value, and for
 * ids how to filter by slug.
 */
export const refuseMistypedFilters: CollectionBeforeOperationHook = ({ args, collection, req }) => {
  const { where } = args as { where?: Where }
  if (!where) {
    return args
  }
  const typedFields = typedFieldsOf(collection, req.payload)
  const invalid = mistypedIn(where, typedFields, nestedFieldOf(collection, req.payload))
  if (invalid?.kind === 'unknownPath') {
    const [, missing] = /\.([^.]*)$/.exec(invalid.field) ?? []
    throw new APIError(
      localize(req, {
        de: `Nach „${invalid.field.slice(0, 80)}“ kann nicht gefiltert werden: Bei „${invalid.value.slice(0, 60)}“ gibt es kein Feld „${(missing ?? '').slice(0, 40)}“.`,
        en: `Cannot filter by "${invalid.field.slice(0, 80)}": "${invalid.value.slice(0, 60)}" has no field "${(missing ?? '').slice(0, 40)}".`,
      }),
      400,
      undefined,
      true,
    )
  }
  if (invalid?.kind === 'exists') {
    throw new APIError(
      localize(req, {
        de: `„exists“ nimmt true oder false (Filter auf „${invalid.field}“, gegeben: „${invalid.value}“).`,
        en: `"exists" takes true or false (filter on "${invalid.field}", given: "${invalid.value}").`,
      }),
      400,
      undefined,
      true,
    )
  }
  if (invalid?.kind === 'operator') {
    throw new APIError(
      localize(req, {
        de: `Der Filter auf „${invalid.field}“ braucht einen Vergleich, z. B. where[${invalid.field}][equals]=${invalid.value} (auch not_equals, like, in, greater_than, less_than, exists).`,
        en: `The filter on "${invalid.field}" needs a comparison, e.g. where[${invalid.field}][equals]=${invalid.value} (also not_equals, like, in, greater_than, less_than, exists).`,
      }),
      400,
      undefined,
      true,
    )
  }
  if (invalid?.kind === 'date') {
    throw new APIError(
      localize(req, {
        de: `„${invalid.value}“ ist kein Datum (Filter auf „${invalid.field}“). Erwartet wird ein Datum wie 2026-12-01 oder 2026-12-01T09:00:00Z.`,
        en: `"${invalid.value}" is not a date (filter on "${invalid.field}"). Expected a date such as 2026-12-01 or 2026-12-01T09:00:00Z.`,
      }),
      400,
      undefined,
      true,
    )
  }
  if (invalid?.kind === 'number') {
    throw new APIError(
      localize(req, {
        de: `„${invalid.value}“ ist keine Zahl (Filter auf „${invalid.field}“). Erwartet wird eine Zahl wie 20 oder 2.5.`,
        en: `"${invalid.value}" is not a number (filter on "${invalid.field}"). Expected a number such as 20 or 2.5.`,
      }),
      400,
      undefined,
      true,
    )
  }
  if (invalid?.kind === 'id') {
    const bySlug = invalid.slugPath ? `where[${invalid.slugPath}][equals]=…` : undefined
    throw new APIError(
      localize(req, {
        de: `„${invalid.value}“ ist keine ID (Filter auf „${invalid.field}“). Erwartet wird eine ID, eine ganze Zahl wie 12${bySlug ? `; nach dem Kurznamen filtern Sie mit ${bySlug}` : ''}.`,
        en: `"${invalid.value}" is not an id (filter on "${invalid.field}"). Expected an id, a whole number such as 12${bySlug ? `; filter by slug with ${bySlug}` : ''}.`,
      }),
      400,
      undefined,
      true,
    )
  }
  return args
}
