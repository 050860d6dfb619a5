/**
 * The index follows every change in the change's own transaction: what is committed is found,
 * what is rolled back never was. A draft saved over a published document changes what editors
 * find, not what visitors find; publishing changes both; unpublishing takes the document out of
 * the visitors' results; deleting out of all.
 */
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { sql } from '@payloadcms/db-postgres'
import { requestRunnerOf, tableOf } from '@quartiersnetz/plugin-kit/drizzleTable'

import type { SearchSource } from './sources'

import { entryOf, removeEntries, saveEntry } from './searchTable'

export const indexOnChange =
  (source: SearchSource): CollectionAfterChangeHook =>
  async ({ collection, doc, req }) => {
    const runner = await requestRunnerOf(req)
    const entry = entryOf(source, doc)
    await saveEntry(runner, entry, 'latest')
    if (!collection.versions?.drafts || entry.status === 'published') {
      await saveEntry(runner, { ...entry, status: 'published' }, 'published')
      return doc
    }
    // A draft: the document's own row says whether a published version stays visible (a draft
    // saved over it) or not (unpublished, or never published).
    const [row] = await runner.rows(
      sql`SELECT _status FROM ${tableOf(req.payload, collection.slug)} WHERE id = ${doc.id}`,
    )
    if (row?._status !== 'published') {
      await removeEntries(runner, {
        collection: source.collection,
        id: doc.id,
        version: 'published',
      })
    }
    return doc
  }

export const removeOnDelete =
  (source: SearchSource): CollectionAfterDeleteHook =>
  async ({ doc, req }) => {
    await removeEntries(await requestRunnerOf(req), { collection: source.collection, id: doc.id })
    return doc
  }
