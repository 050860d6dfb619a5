import type { Collection, CollectionBeforeOperationHook, Payload, Where } from 'payload'

import { APIError } from 'payload'

import { type LocalizedText, localize } from '../i18n/localize'
import { isPlainObject } from './refuseNestedQueriesIntoHiddenRelations'

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

/**
 * The operators that take a value or a list of values; only the geometric ones (`near`,
 * `within`, `intersects`) take more than that.
 */
const VALUE_OPERATORS = new Set([...COMPARISONS, 'all', 'contains', 'exists', 'like', 'not_like'])

/** The operators whose value Payload takes only as a list (or "a,b"): another is dropped. */
const LIST_OPERATORS = new Set(['all', 'in', 'not_in'])

/** A list's values may come as an object of indexes (qs makes one past its array limit). */
const isIndexed = (value: object) => Object.keys(value).every((key) => /^\d+$/.test(key))

/**
 * Objects Payload takes as a value: a query into the related documents (`[contains][name]
 * [like]=…`: field → operators, which refuseNestedQueriesIntoHiddenRelations judges) and a
 * polymorphic relationship's `{ relationTo, value }`.
 */
const isTakenObject = (value: Record<string, unknown>) =>
  Object.values(value).every((inner) => isPlainObject(inner) || Array.isArray(inner)) ||
  Object.keys(value).every((key) => key === 'relationTo' || key === 'value')

/**
 * The key of an object where a value (or a list of values) belongs, e.g. `foo` of
 * `[equals][foo]=bar`; undefined for values, lists and the objects Payload takes.
 */
const nestedKeyOf = (operator: string, value: unknown): string | undefined => {
  const isList = ['all', 'contains', 'in', 'not_in'].includes(operator)
  const items =
    isList && (Array.isArray(value) || (isPlainObject(value) && isIndexed(value)))
      ? Object.values(value)
      : [value]
  for (const item of items) {
    if (isPlainObject(item) && !isTakenObject(item)) {
      return Object.keys(item)[0] ?? ''
    }
  }
  return undefined
}

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
  | { field: string; kind: 'nested'; nestedKey: string; value: string }

/**
 * The first comparison of a date, number or id field with something else, a condition
 * without a comparison, a malformed `exists`, or a path to a field that isn't there; `fieldAt`
 * types a field or dotted path (`start`, `venue.municipality`, `series.start`).
 */
const mistypedIn = (
  where: unknown,
  fieldAt: (path: string) => TypedField | undefined,
): Mistyped | undefined => {
  if (!where || typeof where !== 'object') {
    return undefined
  }
  for (const [key, condition] of Object.entries(where as Where)) {
    if (key === 'and' || key === 'or') {
      for (const inner of Array.isArray(condition) ? condition : Object.values(condition ?? {})) {
        const found = mistypedIn(inner, fieldAt)
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
    if (condition && typeof condition === 'object') {
      for (const [operator, value] of Object.entries(condition)) {
        const nestedKey = VALUE_OPERATORS.has(operator) ? nestedKeyOf(operator, value) : undefined
        if (nestedKey !== undefined) {
          // `where[title][equals][foo]=bar` compared the title with an object: an empty list.
          return { field: key, kind: 'nested', nestedKey: nestedKey.slice(0, 40), value: operator }
        }
      }
    }
    const typed = fieldAt(key)
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

type FlatField = Collection['config']['flattenedFields'][number]

/**
 * The field a filter path ends at (a top-level field, or through groups and relationships to one collection
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
    // Payload's own id is no field; a custom id field is found among the fields below.
    if (segment === 'id' && isLast && !fields?.some((field) => field.name === 'id')) {
      const own = idsOf(payload, collection)
      return own.isNumber
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
const typedFieldsByCollection = new WeakMap<object, Map<string, TypedField | undefined>>()
const typedFieldOf = (collection: HookArgs['collection'], payload: Payload) => {
  let known = typedFieldsByCollection.get(collection)
  if (!known) {
    known = new Map()
    typedFieldsByCollection.set(collection, known)
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

/** What is wrong with a filter, in words, with what to write instead. */
const refusalOf = (invalid: Mistyped): LocalizedText => {
  const { field, value } = invalid
  switch (invalid.kind) {
    case 'unknownPath': {
      const missing = field.slice(value.length + 1)
      return {
        de: `Nach „${field.slice(0, 80)}“ kann nicht gefiltert werden: Bei „${value.slice(0, 60)}“ gibt es kein Feld „${missing.slice(0, 40)}“.`,
        en: `Cannot filter by "${field.slice(0, 80)}": "${value.slice(0, 60)}" has no field "${missing.slice(0, 40)}".`,
      }
    }
    case 'nested':
      return {
        de: `Der Filter auf „${field.slice(0, 80)}“ vergleicht mit einem Wert, nicht mit „[${invalid.nestedKey}]“: z. B. where[${field.slice(0, 80)}][${value}]=… (mehrere Werte bei in und not_in durch Kommas getrennt).`,
        en: `The filter on "${field.slice(0, 80)}" compares with a value, not with "[${invalid.nestedKey}]": e.g. where[${field.slice(0, 80)}][${value}]=… (several values for in and not_in separated by commas).`,
      }
    case 'exists':
      return {
        de: `„exists“ nimmt true oder false (Filter auf „${field}“, gegeben: „${value}“).`,
        en: `"exists" takes true or false (filter on "${field}", given: "${value}").`,
      }
    case 'operator':
      return {
        de: `Der Filter auf „${field}“ braucht einen Vergleich, z. B. where[${field}][equals]=${value} (auch not_equals, like, in, greater_than, less_than, exists).`,
        en: `The filter on "${field}" needs a comparison, e.g. where[${field}][equals]=${value} (also not_equals, like, in, greater_than, less_than, exists).`,
      }
    case 'date':
      return {
        de: `„${value}“ ist kein Datum (Filter auf „${field}“). Erwartet wird ein Datum wie 2026-12-01 oder 2026-12-01T09:00:00Z.`,
        en: `"${value}" is not a date (filter on "${field}"). Expected a date such as 2026-12-01 or 2026-12-01T09:00:00Z.`,
      }
    case 'number':
      return {
        de: `„${value}“ ist keine Zahl (Filter auf „${field}“). Erwartet wird eine Zahl wie 20 oder 2.5.`,
        en: `"${value}" is not a number (filter on "${field}"). Expected a number such as 20 or 2.5.`,
      }
    default: {
      const bySlug = invalid.slugPath ? `where[${invalid.slugPath}][equals]=…` : undefined
      return {
        de: `„${value}“ ist keine ID (Filter auf „${field}“). Erwartet wird eine ID, eine ganze Zahl wie 12${bySlug ? `; nach dem Kurznamen filtern Sie mit ${bySlug}` : ''}.`,
        en: `"${value}" is not an id (filter on "${field}"). Expected an id, a whole number such as 12${bySlug ? `; filter by slug with ${bySlug}` : ''}.`,
      }
    }
  }
}

/**
 * The filter with every list of `in`, `not_in` and `all` that came as an object of indexes
 * made a list again (in the order of its indexes); the same object when there is none. qs
 * makes a list an object past its array limit (Payload's REST parser: 1,000 values; the
 * admin's list page: 20), and Payload dropped a condition whose list is none: a filter by 22
 * chosen values in the admin, or `where[id][in][1001]=5`, showed every document.
 */
const withListsAsArrays = (where: Where): Where => {
  let changed = false
  const listed = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      const items = value.map(listed)
      return items.some((item, at) => item !== value[at]) ? items : value
    }
    if (!isPlainObject(value)) {
      return value
    }
    const out: Record<string, unknown> = {}
    for (const [key, inner] of Object.entries(value)) {
      if (
        LIST_OPERATORS.has(key) &&
        isPlainObject(inner) &&
        Object.keys(inner).length &&
        isIndexed(inner)
      ) {
        changed = true
        out[key] = Object.keys(inner)
          .sort((a, b) => Number(a) - Number(b))
          .map((index) => inner[index])
      } else {
        out[key] = listed(inner)
      }
    }
    return out
  }
  const result = listed(where) as Where
  return changed ? result : where
}

/**
 * The most values the `in` and `not_in` lists and the `like` words of one filter name together.
 * PostgreSQL takes at most 65,535 parameters in a statement, and a list of 70,000 titles (or a
 * like phrase of 70,000 words) was answered 503 ("the database is unavailable", try again): a
 * request that can never succeed. Ten thousand is far beyond a filter people write. Only for
 * clients' filters (REST, GraphQL): our own code's queries with overrideAccess or the Local
 * API's own request are not capped, and the one that reads as the client with a list of ids
 * (the ratings finder) names at most a thousand.
 */
export const MAX_LISTED_VALUES = 10_000

/**
 * How many values the `in` and `not_in` lists and the `like` phrases of a filter name together
 * (`"a,b"` in a list: two; `"a b"` for like: two, as the database adapter compares each word).
 */
const listedValuesIn = (value: unknown): number => {
  if (Array.isArray(value)) {
    // A list under any operator (`contains` on a relationship with many: an IN list) is values.
    return value.reduce(
      (sum: number, item) =>
        sum + (Array.isArray(item) || isPlainObject(item) ? listedValuesIn(item) : 1),
      0,
    )
  }
  if (!isPlainObject(value)) {
    return 0
  }
  let count = 0
  for (const [key, inner] of Object.entries(value)) {
    count +=
      key === 'in' || key === 'not_in'
        ? Array.isArray(inner)
          ? inner.length
          : typeof inner === 'string'
            ? inner.split(',').length
            : 1
        : key === 'like' && typeof inner === 'string'
          ? inner.split(' ').length
          : listedValuesIn(inner)
  }
  return count
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
  const { where: given } = args as { where?: Where }
  if (!given) {
    return args
  }
  const where = withListsAsArrays(given)
  // Our own code's queries (overrideAccess, or the Local API's own request) are not capped.
  const isOurs = req.payloadAPI === 'local' || (args as { overrideAccess?: boolean }).overrideAccess
  const listed = isOurs ? 0 : listedValuesIn(where)
  if (listed > MAX_LISTED_VALUES) {
    const count = (value: number, locale: string) => value.toLocaleString(locale)
    throw new APIError(
      localize(req, {
        de: `Ein Filter nennt in seinen Listen (in, not_in) und Suchwörtern (like) höchstens ${count(MAX_LISTED_VALUES, 'de-DE')} Werte, dieser ${count(listed, 'de-DE')}. Bitte teilen Sie lange Listen auf mehrere Anfragen auf und kürzen Sie lange Suchtexte.`,
        en: `A filter names at most ${count(MAX_LISTED_VALUES, 'en-GB')} values in its lists (in, not_in) and search words (like), this one ${count(listed, 'en-GB')}. Please split long lists into several requests and shorten long search texts.`,
      }),
      400,
      undefined,
      true,
    )
  }
  const invalid = mistypedIn(where, typedFieldOf(collection, req.payload))
  if (invalid) {
    throw new APIError(localize(req, refusalOf(invalid)), 400, undefined, true)
  }
  return where === given ? args : { ...args, where }
}
