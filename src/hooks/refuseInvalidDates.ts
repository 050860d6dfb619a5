import type { CollectionBeforeOperationHook, Where } from 'payload'

import { APIError } from 'payload'

import { localize } from '../i18n/localize'

/** The operators that compare a date field with a date. */
const DATE_OPERATORS = new Set([
  'equals',
  'greater_than',
  'greater_than_equal',
  'in',
  'less_than',
  'less_than_equal',
  'not_equals',
  'not_in',
])

const isDate = (value: unknown) =>
  value instanceof Date
    ? !Number.isNaN(value.getTime())
    : typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Date.parse(value))

/** The values an operator compares with: a list for `in`/`not_in` (an array or "a,b"). */
const valuesOf = (operator: string, value: unknown): unknown[] =>
  operator === 'in' || operator === 'not_in'
    ? Array.isArray(value)
      ? value
      : typeof value === 'string'
        ? value.split(',')
        : [value]
    : [value]

/** The first comparison of a top-level date field with something that is no date. */
const invalidDateIn = (
  where: unknown,
  dateFields: Set<string>,
): undefined | { field: string; value: string } => {
  if (!where || typeof where !== 'object') {
    return undefined
  }
  for (const [key, condition] of Object.entries(where as Where)) {
    if (key === 'and' || key === 'or') {
      for (const nested of Array.isArray(condition) ? condition : Object.values(condition ?? {})) {
        const found = invalidDateIn(nested, dateFields)
        if (found) {
          return found
        }
      }
      continue
    }
    if (!dateFields.has(key) || !condition || typeof condition !== 'object') {
      continue
    }
    for (const [operator, value] of Object.entries(condition)) {
      if (!DATE_OPERATORS.has(operator) || value === null || value === undefined) {
        continue
      }
      const invalid = valuesOf(operator, value).find((one) => !isDate(one))
      if (invalid !== undefined) {
        return { field: key, value: String(invalid).slice(0, 60) }
      }
    }
  }
  return undefined
}

/** A collection's top-level date fields, found once per collection (every read passes here). */
const dateFieldsByCollection = new WeakMap<object, Set<string>>()
const dateFieldsOf = (collection: Parameters<CollectionBeforeOperationHook>[0]['collection']) => {
  let fields = dateFieldsByCollection.get(collection)
  if (!fields) {
    fields = new Set(
      collection.flattenedFields
        .filter((field) => field.type === 'date')
        .map((field) => field.name),
    )
    dateFieldsByCollection.set(collection, fields)
  }
  return fields
}

/**
 * A filter that compares a date field with something that is no date (`where[start]
 * [greater_than]=2026-13-45`) matched nothing, and a member site's list of events stayed empty
 * without a word: refuse it with 400, naming the field and the value.
 */
export const refuseInvalidDates: CollectionBeforeOperationHook = ({ args, collection, req }) => {
  const { where } = args as { where?: Where }
  if (!where) {
    return args
  }
  const dateFields = dateFieldsOf(collection)
  const invalid = dateFields.size ? invalidDateIn(where, dateFields) : undefined
  if (invalid) {
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
  return args
}
