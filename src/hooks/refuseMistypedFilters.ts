import type { CollectionBeforeOperationHook, Where } from 'payload'

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

type Kind = 'date' | 'number'

const isDate = (value: unknown) =>
  value instanceof Date
    ? !Number.isNaN(value.getTime())
    : typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Date.parse(value))

const NUMBER = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/

const isNumber = (value: unknown) =>
  typeof value === 'number'
    ? Number.isFinite(value)
    : typeof value === 'string' && NUMBER.test(value) && Number.isFinite(Number(value))

const fits: Record<Kind, (value: unknown) => boolean> = { date: isDate, number: isNumber }

/** The values an operator compares with: a list for `in`/`not_in` (an array or "a,b"). */
const valuesOf = (operator: string, value: unknown): unknown[] =>
  operator === 'in' || operator === 'not_in'
    ? Array.isArray(value)
      ? value
      : typeof value === 'string'
        ? value.split(',')
        : [value]
    : [value]

/** The first comparison of a top-level date or number field with something else. */
const mistypedIn = (
  where: unknown,
  typedFields: Map<string, Kind>,
): undefined | { field: string; kind: Kind; value: string } => {
  if (!where || typeof where !== 'object') {
    return undefined
  }
  for (const [key, condition] of Object.entries(where as Where)) {
    if (key === 'and' || key === 'or') {
      for (const nested of Array.isArray(condition) ? condition : Object.values(condition ?? {})) {
        const found = mistypedIn(nested, typedFields)
        if (found) {
          return found
        }
      }
      continue
    }
    const kind = typedFields.get(key)
    if (!kind || !condition || typeof condition !== 'object') {
      continue
    }
    for (const [operator, value] of Object.entries(condition)) {
      if (!COMPARISONS.has(operator) || value === null || value === undefined) {
        continue
      }
      const invalid = valuesOf(operator, value).find((one) => !fits[kind](one))
      if (invalid !== undefined) {
        return { field: key, kind, value: String(invalid).slice(0, 60) }
      }
    }
  }
  return undefined
}

/** A collection's top-level date and number fields, found once per collection (every read passes here). */
const typedFieldsByCollection = new WeakMap<object, Map<string, Kind>>()
const typedFieldsOf = (collection: Parameters<CollectionBeforeOperationHook>[0]['collection']) => {
  let fields = typedFieldsByCollection.get(collection)
  if (!fields) {
    fields = new Map(
      collection.flattenedFields.flatMap((field): [string, Kind][] =>
        field.type === 'date' || field.type === 'number' ? [[field.name, field.type]] : [],
      ),
    )
    typedFieldsByCollection.set(collection, fields)
  }
  return fields
}

/**
 * A filter that compares a date field with something that is no date (`where[start]
 * [greater_than]=2026-13-45`) matched nothing, and one that compares a number field with
 * something that is no number (`where[capacity][equals]=abc`) matched the documents without
 * a value: a member site's list was wrong without a word. Refused with 400, naming the field
 * and the value.
 */
export const refuseMistypedFilters: CollectionBeforeOperationHook = ({ args, collection, req }) => {
  const { where } = args as { where?: Where }
  if (!where) {
    return args
  }
  const typedFields = typedFieldsOf(collection)
  const invalid = typedFields.size ? mistypedIn(where, typedFields) : undefined
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
  return args
}
