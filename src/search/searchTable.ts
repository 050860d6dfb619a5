/**
 * The search index: one row per document and version in `search_documents` (migrations/…_search).
 * `version = 'published'` is what visitors find, `version = 'latest'` what editors find (the
 * newest version, draft or not). The texts are stored as written, for the results; the vector
 * and the folded title (for typo tolerance) are made from the folded texts (fold.ts).
 */
import { sql } from '@payloadcms/db-postgres'
import { type SqlRunner } from '@quartiersnetz/plugin-kit/drizzleTable'

import type { SearchSource } from './sources'

import { foldForSearch } from './fold'

export type IndexVersion = 'latest' | 'published'

/** Long enough for any text editors write; a tsvector holds at most 1 MB. */
const MAX_TEXT = 100_000

/** Control characters mean nothing in a text and must not reach a snippet. */
const clean = (text: string) =>
  text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, ' ')
    .trim()
    .slice(0, MAX_TEXT)

const joined = (texts: string[]) => clean(texts.filter(Boolean).join('\n'))

export type IndexEntry = {
  body: string
  collection: string
  /** ISO date or null. */
  date: null | string
  id: number | string
  /** Indexed with the summary's weight, never shown. */
  keywords: string
  slug: null | string
  status: 'draft' | 'published'
  summary: string
  title: string
}

const dateOf = (value: unknown) => {
  const date = typeof value === 'string' || value instanceof Date ? new Date(value) : undefined
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : null
}

export const entryOf = (source: SearchSource, doc: Record<string, unknown>): IndexEntry => ({
  body: joined(source.body(doc)),
  collection: source.collection,
  date: dateOf(source.date?.(doc)),
  id: doc.id as number | string,
  keywords: joined(source.keywords?.(doc) ?? []),
  slug: typeof doc.slug === 'string' ? doc.slug : null,
  status: doc._status === 'draft' ? 'draft' : 'published',
  summary: joined(source.summary(doc)),
  title: clean(source.title(doc)),
})

export const saveEntry = async (
  runner: SqlRunner,
  entry: IndexEntry,
  version: IndexVersion,
): Promise<void> => {
  const title = foldForSearch(entry.title)
  const head = foldForSearch(`${entry.summary}\n${entry.keywords}`)
  await runner.rows(sql`
    INSERT INTO search_documents
      (collection, doc_id, version, status, slug, date, title, summary, body, title_folded, vector, head_vector, updated_at)
    VALUES (
      ${entry.collection}, ${String(entry.id)}, ${version}, ${entry.status}, ${entry.slug}, ${entry.date}::timestamptz,
      ${entry.title}, ${entry.summary}, ${entry.body}, ${title},
      setweight(to_tsvector('german', ${title}), 'A')
        || setweight(to_tsvector('german', ${head}), 'B')
        || setweight(to_tsvector('german', ${foldForSearch(entry.body)}), 'C'),
      setweight(to_tsvector('german', ${title}), 'A') || setweight(to_tsvector('german', ${head}), 'B'),
      now()
    )
    ON CONFLICT (collection, doc_id, version) DO UPDATE SET
      status = EXCLUDED.status, slug = EXCLUDED.slug, date = EXCLUDED.date, title = EXCLUDED.title,
      summary = EXCLUDED.summary, body = EXCLUDED.body, title_folded = EXCLUDED.title_folded,
      vector = EXCLUDED.vector, head_vector = EXCLUDED.head_vector, updated_at = EXCLUDED.updated_at`)
}

export const removeEntries = async (
  runner: SqlRunner,
  { collection, id, version }: { collection: string; id: number | string; version?: IndexVersion },
): Promise<void> => {
  await runner.rows(sql`
    DELETE FROM search_documents
    WHERE collection = ${collection} AND doc_id = ${String(id)}
      ${version ? sql`AND version = ${version}` : sql``}`)
}
