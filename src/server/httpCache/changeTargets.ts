/**
 * Reads the change notifications of migration 20261130_022119_http_cache_targets
 * (`{"t": table, "r": {reference: [values]}}`) as changes to documents, from the schema
 * Payload's PostgreSQL adapter built: which table belongs to which collection, and as what.
 *
 * - A collection's main table: the row's `id` is the document; a write there may also change
 *   which documents its lists show (members).
 * - Its sub-tables (arrays, blocks, relationships): the document is the row's parent; nested
 *   deeper, the document isn't known here, so the whole collection counts as changed.
 * - Its versions (drafts, history): visitors read only published documents, from the main
 *   tables (the HTTP cache never answers `draft`), so a version changes no cached answer; the
 *   version row still reports its document, which costs little and guards against surprises.
 * - A foreign key in a main table names another document that may show this row (a
 *   registration its event: plugins attach such counts on read); one in a sub-table (the
 *   relationship rows of `hasMany` fields) shows up in the other document only through a join
 *   field, so it counts only for collections with a join on this one.
 *   `target_collection:target_id` ("@") names the document the plugins' ratings, summaries and
 *   comments belong to.
 * - A table that belongs to no collection (a global, a table of the server's own such as the
 *   search index) counts for the documents its rows name (by foreign key, or as
 *   `collection:doc_id`); a row that names none, or is known only by its own id, may be read by
 *   anything: everything counts as changed.
 */
import type { Field, Payload } from 'payload'

import { type Change, addDoc, emptyChange, EVERYTHING } from './dependencies'
import { snakeCase, withSubTables } from './bookkeepingTables'

/** `outside`: a table of no collection (a global, the server's own). */
type Role = 'main' | 'outside' | 'sub' | 'version'
type TableOf = { collection: string; role: Role }

export type ChangeMessage = { r?: Record<string, unknown>; t?: unknown }

/** Every table of every collection, with its role. */
export const collectionTables = (payload: Payload): Map<string, TableOf> => {
  const { rawTables, tableNameMap } = payload.db
  const tables = new Map<string, TableOf>()
  for (const collection of payload.config.collections) {
    const main = tableNameMap.get(snakeCase(collection.slug))
    if (!main || !rawTables[main]) {
      continue
    }
    const versions = rawTables[`_${main}_v`] ? withSubTables(rawTables, `_${main}_v`) : []
    for (const table of withSubTables(rawTables, main)) {
      tables.set(table, { collection: collection.slug, role: table === main ? 'main' : 'sub' })
    }
    for (const table of versions) {
      tables.set(table, { collection: collection.slug, role: 'version' })
    }
  }
  return tables
}

/** For each collection, the collections its join fields list. */
const joinsOf = (payload: Payload): Map<string, Set<string>> => {
  const joins = new Map<string, Set<string>>()
  const visit = (slug: string, fields: Field[]) => {
    for (const field of fields) {
      if (field.type === 'join') {
        const joined = joins.get(slug) ?? new Set()
        ;(Array.isArray(field.collection) ? field.collection : [field.collection]).forEach(
          (other) => joined.add(other),
        )
        joins.set(slug, joined)
      } else if (field.type === 'tabs') {
        field.tabs.forEach((tab) => visit(slug, tab.fields))
      } else if ('fields' in field) {
        visit(slug, field.fields)
      } else if (field.type === 'blocks') {
        field.blocks?.forEach((block) => visit(slug, block.fields))
      }
    }
  }
  payload.config.collections.forEach((collection) => visit(collection.slug, collection.fields))
  return joins
}

/** Reads a notification's payload; anything unexpected is a change to everything. */
export const changeTargets = (payload: Payload) => {
  const tables = collectionTables(payload)
  const joins = joinsOf(payload)
  const slugs = new Set<string>(payload.config.collections.map((collection) => collection.slug))

  return (text: string): Change => {
    let message: ChangeMessage
    try {
      message = JSON.parse(text) as ChangeMessage
    } catch {
      return EVERYTHING
    }
    if (typeof message.t !== 'string') {
      return EVERYTHING
    }
    const table: TableOf = tables.get(message.t) ?? { collection: '', role: 'outside' }
    const change = emptyChange()
    if (table.role === 'main' || table.role === 'sub') {
      change.members.add(table.collection)
    }
    if (!message.r || typeof message.r !== 'object') {
      // TRUNCATE, or more rows than a notification can name.
      if (table.role === 'outside') {
        return EVERYTHING
      }
      if (table.role !== 'version') {
        change.collections.add(table.collection)
      }
      return change
    }
    for (const [reference, values] of Object.entries(message.r)) {
      if (!Array.isArray(values)) {
        return EVERYTHING
      }
      if (reference === '@') {
        for (const value of values) {
          const text = String(value)
          const colon = text.indexOf(':')
          const slug = text.slice(0, colon)
          if (colon < 0 || !slugs.has(slug)) {
            return EVERYTHING
          }
          addDoc(change.docs, slug, text.slice(colon + 1))
        }
        continue
      }
      if (reference === message.t) {
        // A sub-table row's own id names no document; its parent reference does.
        if (table.role === 'main') {
          values.forEach((value) => addDoc(change.docs, table.collection, value))
        } else if (table.role === 'outside' && values.length) {
          return EVERYTHING
        }
        continue
      }
      const target = tables.get(reference)
      if (!target) {
        return EVERYTHING
      }
      if (target.role === 'main') {
        const isShown =
          table.role === 'main' ||
          table.role === 'outside' ||
          (table.role === 'sub' && target.collection === table.collection) ||
          (table.role === 'sub' && Boolean(joins.get(target.collection)?.has(table.collection))) ||
          (table.role === 'version' && target.collection === table.collection)
        if (isShown) {
          values.forEach((value) => addDoc(change.docs, target.collection, value))
        }
      } else if (target.role === 'sub' && table.role !== 'version') {
        // A row nested in an array row: which document it belongs to isn't known here.
        change.collections.add(target.collection)
      }
      // A version's sub-row: the version row reports the document.
    }
    return change
  }
}
