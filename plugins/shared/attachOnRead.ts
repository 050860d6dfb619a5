/**
 * A virtual field filled on read: an afterOperation hook that attaches computed values to every
 * document a `find` or `findByID` returns, with one query for the whole page (never one per
 * document), so the value is always current and nothing is stored to drift.
 */
import type { CollectionAfterOperationHook, PayloadRequest, SelectType } from 'payload'

import { getSelectMode } from 'payload/shared'

/** A document of the read, as the hook may extend it. */
export type ReadDocument = Record<string, unknown>

/** What `attach` gets: the documents of the read and their ids (as text, each once). */
export type Read = {
  /** The slug of the collection read. */
  collection: string
  docs: ReadDocument[]
  ids: string[]
  /**
   * Whether the read skipped access control: the plugins' own reads do; the admin's views, REST
   * and GraphQL read as somebody (a value meant for people may skip the former).
   */
  overrideAccess: boolean
  req: PayloadRequest
  /** The read's `select`, as the operation received it. */
  select: SelectType | undefined
}

/**
 * Whether a read's `select` includes `field`: without a select every field is; an inclusive
 * select (`{ title: true }`, or `{ venue: { name: true } }` as GraphQL's selects are) names
 * what it wants, an exclusive one (`{ body: false }`) what not; Payload's reading of which is
 * which (getSelectMode).
 */
export const isSelected = (select: unknown, field: string): boolean => {
  if (!select || typeof select !== 'object') {
    return true
  }
  const mention = (select as Record<string, unknown>)[field]
  return isInclusiveSelect(select) ? Boolean(mention) : mention !== false
}

/** Whether a `select` names the fields it wants (not the ones it leaves out), as Payload reads it. */
export const isInclusiveSelect = (select: object): boolean =>
  getSelectMode(select as SelectType) === 'include'

const isDocument = (value: unknown): value is ReadDocument =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const idOf = (doc: ReadDocument): string | undefined =>
  typeof doc.id === 'number' || typeof doc.id === 'string' ? String(doc.id) : undefined

/**
 * The hook: for `find` and `findByID`, calls `attach` with the documents read (skipped when none
 * has an id, or when `fields` is given and the read's `select` leaves all of them out), then
 * answers the result it was given, extended in place.
 */
export const attachOnRead =
  ({
    attach,
    fields,
  }: {
    attach: (read: Read) => Promise<void>
    fields?: string[]
  }): CollectionAfterOperationHook =>
  async (hook) => {
    if (hook.operation !== 'find' && hook.operation !== 'findByID') {
      return hook.result
    }
    const select = hook.args.select
    if (fields && !fields.some((field) => isSelected(select, field))) {
      return hook.result
    }
    const found: unknown[] =
      hook.operation === 'find' ? (hook.result?.docs ?? []) : hook.result ? [hook.result] : []
    const docs = found.filter(isDocument)
    const ids = [...new Set(docs.map(idOf).filter((id): id is string => id !== undefined))]
    if (ids.length) {
      await attach({
        collection: hook.collection.slug,
        docs,
        ids,
        overrideAccess: Boolean(hook.overrideAccess),
        req: hook.req,
        select,
      })
    }
    return hook.result
  }
