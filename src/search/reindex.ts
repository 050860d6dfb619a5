/**
 * Builds the search index from the documents, for a database whose documents were written before
 * the index existed (an upgrade) or whose index was emptied. Everything in one transaction:
 * searches see the old index until the new one is complete.
 */
import type { CollectionSlug, Payload } from 'payload'

import { sql } from '@payloadcms/db-postgres'
import { databaseOf, transactionOf } from '@quartiersnetz/plugin-kit/drizzleTable'
import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

import { entryOf, saveEntry } from './searchTable'
import { SEARCH_SOURCES, type SearchSource } from './sources'

const PAGE_SIZE = 200

/** Every document of `collection` in pages: published versions, or the newest ones (`draft`). */
async function* documentsOf(
  payload: Payload,
  req: Awaited<ReturnType<typeof createLocalReq>>,
  collection: CollectionSlug,
  { hasDrafts, isLatest }: { hasDrafts: boolean; isLatest: boolean },
) {
  for (let page = 1; ; page++) {
    const { docs, hasNextPage } = await payload.find({
      collection,
      depth: 0,
      draft: hasDrafts && isLatest,
      limit: PAGE_SIZE,
      overrideAccess: true,
      page,
      req,
      sort: 'id',
      where: hasDrafts && !isLatest ? { _status: { equals: 'published' } } : undefined,
    })
    yield* docs as unknown as Record<string, unknown>[]
    if (!hasNextPage) {
      return
    }
  }
}

/** Rebuilds the whole index; answers how many documents it holds for visitors. */
export const reindexSearch = async (
  payload: Payload,
  sources: SearchSource[] = SEARCH_SOURCES,
): Promise<number> => {
  const req = await createLocalReq({}, payload)
  await initTransaction(req)
  let published = 0
  try {
    const runner = await transactionOf(req)
    await runner.rows(sql`DELETE FROM search_documents`)
    for (const source of sources) {
      const hasDrafts = Boolean(payload.collections[source.collection]?.config.versions?.drafts)
      for await (const doc of documentsOf(payload, req, source.collection, {
        hasDrafts,
        isLatest: false,
      })) {
        await saveEntry(runner, { ...entryOf(source, doc), status: 'published' }, 'published')
        published++
      }
      for await (const doc of documentsOf(payload, req, source.collection, {
        hasDrafts,
        isLatest: true,
      })) {
        await saveEntry(runner, entryOf(source, doc), 'latest')
      }
    }
    await commitTransaction(req)
  } catch (err) {
    await killTransaction(req)
    throw err
  }
  return published
}

/** Rebuilds the index if it is empty while there are documents (after the upgrade that adds it). */
export const reindexSearchIfEmpty = async (payload: Payload): Promise<void> => {
  const [row] = await databaseOf(payload).rows(
    sql`SELECT EXISTS (SELECT 1 FROM search_documents) AS "isFilled"`,
  )
  if (row?.isFilled) {
    return
  }
  const count = await reindexSearch(payload)
  if (count) {
    payload.logger.info({ msg: `Suchindex aufgebaut: ${count} veröffentlichte Dokumente.` })
  }
}
