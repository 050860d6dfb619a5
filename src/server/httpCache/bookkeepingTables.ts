/**
 * The database tables of declared bookkeeping (bookkeeping.ts), from the schema Payload's
 * PostgreSQL adapter built: the table of each collection, global or array field, and every
 * table hanging off it (arrays, blocks, locales, relationships, versions), so that a field
 * Payload adds in an update is covered without a change here.
 */
import type { Payload } from 'payload'

import type { Bookkeeping } from './bookkeeping'

/** The columns by which the adapter's sub-tables point to the table they belong to. */
const PARENT_COLUMNS = new Set(['_parent_id', 'parent_id'])

/** Payload's default table names: its `to-snake-case` of slugs and field names. */
export const snakeCase = (name: string) =>
  name
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z\d]+/g, '_')
    .replace(/^_|_$/g, '')
    .toLowerCase()

/** The table and, recursively, the tables whose parent column points to it. */
export const withSubTables = (rawTables: Payload['db']['rawTables'], root: string): string[] => {
  const found = [root]
  for (let index = 0; index < found.length; index++) {
    const parent = found[index]
    for (const table of Object.values(rawTables)) {
      const isChild = Object.values(table.foreignKeys ?? {}).some(
        (key) =>
          key.columns.length === 1 &&
          // The adapter names a foreign key's column by its key or by its name.
          (PARENT_COLUMNS.has(table.columns[key.columns[0]!]?.name ?? '') ||
            PARENT_COLUMNS.has(key.columns[0]!)) &&
          key.foreignColumns[0]?.table === parent,
      )
      if (isChild && !found.includes(table.name)) {
        found.push(table.name)
      }
    }
  }
  return found
}

/**
 * The tables of the declared bookkeeping, sorted. What this configuration doesn't have is left
 * out; what it has but whose table can't be found throws, since that table would otherwise be
 * watched without anyone noticing.
 */
export const bookkeepingTables = (payload: Payload, declared: readonly Bookkeeping[]): string[] => {
  const { rawTables, tableNameMap } = payload.db
  const tableOf = (defaultName: string, what: string) => {
    const name = tableNameMap.get(defaultName)
    if (!name || !rawTables[name]) {
      throw new Error(`HTTP cache: no table for the bookkeeping ${what} (expected ${defaultName}).`)
    }
    return name
  }
  const tables = new Set<string>()
  for (const item of declared) {
    let root: string
    if ('global' in item) {
      if (!payload.config.globals.some((global) => global.slug === item.global)) {
        continue
      }
      root = tableOf(snakeCase(item.global), `global ${item.global}`)
    } else {
      const collection = payload.config.collections.find(
        (candidate) => candidate.slug === item.collection,
      )
      if (!collection) {
        continue
      }
      root = tableOf(snakeCase(item.collection), `collection ${item.collection}`)
      if (item.field) {
        if (!collection.fields.some((field) => 'name' in field && field.name === item.field)) {
          continue
        }
        root = tableOf(`${root}_${snakeCase(item.field)}`, `field ${item.collection}.${item.field}`)
      }
    }
    for (const table of withSubTables(rawTables, root)) {
      tables.add(table)
    }
  }
  return [...tables].sort()
}
