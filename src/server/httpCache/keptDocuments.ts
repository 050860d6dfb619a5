/**
 * A visitor's list the cache has not kept (a new filter, page or order: every site asks its own)
 * made from documents it has kept. Payload runs the list's query for the page's ids and figures
 * only (`select: { id: true }`: the same access rules, hooks, filters and order as its REST
 * route, but no fields read, no relations populated), and each document comes as Payload wrote
 * it for an earlier list; the documents not kept are read in one `find` by id with the list's
 * `depth`, as the REST route would read them, and kept for the next list. The answer is the REST
 * route's, byte for byte (tests/int/keptDocuments).
 *
 * A kept document lives in the answer store (store.ts: one memory budget, least recently used
 * out first) with what it contains, so a change drops it exactly as it drops answers: the
 * document's own writes, a rating of it, a related document it shows at this depth, the
 * membership of a join it lists. It is kept only if no change since just before its read
 * concerns it. Only the plain list takes this way: `select`, `populate`, `joins`, `draft`,
 * `pagination`, `trash` or a locale go to Payload's route, and so does anything that fails here
 * (a malformed filter is answered by Payload as always).
 *
 * Why: Payload's work grows with fields × documents (the nine rich-text fields of 20 modules
 * and their relations), its list query alone is a fraction of it (bench/optimisations.md).
 */
import type { Request, Response } from 'express'
import type { Collection, Payload, PayloadRequest, Where } from 'payload'

import type { ApiGate } from '../payloadApi'
import type { RestContents } from './answerContents'
import type { AnswerStore, Entry } from './store'

import { gunzipSync } from 'node:zlib'

import { OverloadedError } from '@quartiersnetz/plugin-kit/concurrencyLimit'
import { createPayloadRequest, findOperation, parseParams } from 'payload'

import { fetchRequestOf } from '../payloadApi'
import { setCorsAsPayload } from './cors'
import { type Change, concerns, type Contents } from './dependencies'

/** Parameters Payload's find route reads that this way doesn't take (Payload's route does). */
const PAYLOAD_ONLY = new Set([
  'data',
  'draft',
  'fallback-locale',
  'fallbackLocale',
  'joins',
  'locale',
  'pagination',
  'populate',
  'select',
  'trash',
])

/** A document's JSON and what it contains; its entry in the store when it is kept there. */
export type Kept = { body: Buffer; contents: Contents; entry?: Entry }

/** What a list's answer looks like before its documents: `{"docs":[],…}`. */
const EMPTY_DOCS = '{"docs":[]'

type KeptDocumentsArgs = {
  /** The changes since a generation; undefined when they are no longer known. */
  changesSince: (generation: number) => Change[] | undefined
  contents: RestContents
  gate: ApiGate
  payload: Payload
  store: AnswerStore
}

export type ListRead = {
  collection: string
  /** The change generation taken before anything was read (index.ts). */
  generation: number
  /** Whether the change notifications are heard: without them nothing kept is used or kept. */
  isListening: () => boolean
  /** Takes the list's contents (those of its documents) before its answer is sent. */
  onContents: (contents: Contents) => void
  query: URLSearchParams
  req: Request
  res: Response
}

/** A page of a list to make from kept documents, with Payload's parameters. */
export type PageRead = {
  collection: string
  depth?: number
  generation: number
  isListening: () => boolean
  limit?: number
  page?: number
  sort?: string[]
  where?: Where
}

/** A page's figures (its `docs` empty), each document's JSON and contents, how many were kept. */
export type KeptPage = {
  docs: Kept[]
  figures: Record<string, unknown>
  kept: number
}

export type KeptDocuments = {
  /**
   * Answers a REST list from kept documents (`true`), or leaves it to Payload's route (`false`:
   * the list takes parameters this doesn't handle, or something went wrong before an answer).
   */
  answerList: (read: ListRead) => Promise<boolean>
  /** A page for another way of asking (GraphQL: keptGraphql.ts), run with a REST request. */
  pageOf: (read: PageRead, req: PayloadRequest) => Promise<KeptPage | undefined>
}

/** An answer made from kept documents: its body and type, how many of its documents were kept. */
type KeptAnswer = { body: Buffer; kept: number; total: number; type: string }

/**
 * Makes an answer in a slot of the API gate and sends it (`true`), or leaves the request to
 * Payload (`false`: nothing made, or something failed before an answer, such as a filter Payload
 * refuses: Payload answers it and says why). A full gate answers 503 here.
 */
export const answerFromKept = async ({
  gate,
  make,
  payload,
  req,
  res,
}: {
  gate: ApiGate
  make: () => Promise<KeptAnswer | undefined>
  payload: Payload
  req: Request
  res: Response
}): Promise<boolean> => {
  let made: KeptAnswer | undefined
  try {
    made = await gate.run(async () => (res.closed || res.destroyed ? undefined : make()))
  } catch (err) {
    if (err instanceof OverloadedError) {
      gate.fail(res, err)
      return true
    }
    return false
  }
  if (res.closed || res.destroyed) {
    return true
  }
  if (!made) {
    return false
  }
  setCorsAsPayload(payload, req, res)
  res.statusCode = 200
  res.setHeader('content-type', made.type)
  // For whoever looks into an answer's timing (browsers' developer tools show it).
  res.setHeader('Server-Timing', `kept-documents;desc="${made.kept}/${made.total}"`)
  res.setHeader('Content-Length', made.body.length)
  res.end(made.body)
  return true
}

export const keptDocuments = ({
  changesSince,
  contents: { contentsOf, listOf: listContentsOf },
  gate,
  payload,
  store,
}: KeptDocumentsArgs): KeptDocuments => {
  const config = Promise.resolve(payload.config)
  const origin = new URL(payload.config.serverURL || 'http://localhost').origin
  const isLocalized = Boolean(payload.config.localization)
  const noQuery = new URLSearchParams()

  /** A kept document: its JSON (unpacked on first use when the store compressed it), its contents. */
  const keptOf = (key: string): Kept | undefined => {
    const entry = store.get(key)
    if (!entry?.body) {
      return undefined
    }
    store.touch(key, entry)
    const packed = entry.body
    let body = entry.isGzip ? undefined : packed
    return {
      get body() {
        return (body ??= gunzipSync(packed))
      },
      contents: entry.contents,
      entry,
    }
  }

  /**
   * A page of a list: its ids and figures from Payload's query, then each document's JSON and
   * contents, kept or read (in one `find` at `depth`) and kept. Undefined when a document went
   * between the two reads (Payload's route answers then).
   */
  const pageOf = async (
    { collection, depth, generation, isListening, limit, page, sort, where }: PageRead,
    req: PayloadRequest,
  ): Promise<KeptPage | undefined> => {
    const collectionOf = (payload.collections as Record<string, Collection | undefined>)[collection]
    if (!collectionOf) {
      return undefined
    }
    const figures = await findOperation({
      collection: collectionOf,
      depth: 0,
      limit,
      page,
      req,
      select: { id: true },
      sort,
      where,
    })
    const ids = figures.docs.map((doc) => doc.id as number | string)
    const keyOf = (id: number | string) =>
      `doc\n${collection}\n${id}\n${depth ?? ''}\n${req.i18n.language}\n${req.locale ?? ''}`
    const docs = ids.map((id) => keptOf(keyOf(id)))
    const missing = ids.filter((_, index) => !docs[index])
    const kept = ids.length - missing.length
    if (missing.length) {
      const read = await findOperation({
        collection: collectionOf,
        depth,
        limit: missing.length,
        pagination: false,
        req,
        where: { id: { in: missing } },
      })
      const since = isListening() ? changesSince(generation) : undefined
      const byId = new Map(read.docs.map((doc) => [String(doc.id), doc]))
      for (const [index, id] of ids.entries()) {
        if (docs[index]) {
          continue
        }
        const doc = byId.get(String(id))
        if (!doc) {
          return undefined
        }
        const body = Buffer.from(JSON.stringify(doc))
        const contents = contentsOf({ body, collection, isList: false, query: noQuery })
        const isKeepable = since && !since.some((change) => concerns(change, contents))
        docs[index] = {
          body,
          contents,
          entry: isKeepable
            ? store.keep(keyOf(id), { body, contents, etag: '', headers: [] })
            : undefined,
        }
      }
    }
    return { docs: docs as Kept[], figures: { ...figures, docs: [] }, kept }
  }

  /** The REST list's answer: its documents' JSON in Payload's frame of figures. */
  const listOf = async (
    read: ListRead,
    req: PayloadRequest,
  ): Promise<undefined | { body: Buffer; contents: Contents; kept: number; total: number }> => {
    const { depth, limit, page, sort, where } = parseParams(req.query as never) as {
      depth?: number
      limit?: number
      page?: number
      sort?: string[]
      where?: Where
    }
    const { collection, generation, isListening, query } = read
    const found = await pageOf(
      { collection, depth, generation, isListening, limit, page, sort, where },
      req,
    )
    if (!found) {
      return undefined
    }
    const { docs, figures, kept } = found
    const rest = JSON.stringify(figures)
    if (!rest.startsWith(EMPTY_DOCS)) {
      return undefined
    }
    const parts: Buffer[] = [Buffer.from('{"docs":[')]
    for (const [index, doc] of docs.entries()) {
      if (index) {
        parts.push(Buffer.from(','))
      }
      parts.push(doc.body)
    }
    parts.push(Buffer.from(`]${rest.slice(EMPTY_DOCS.length)}`))
    return {
      body: Buffer.concat(parts),
      contents: listContentsOf(
        collection,
        query,
        docs.map((doc) => doc.contents),
      ),
      kept,
      total: docs.length,
    }
  }

  const answerList = async (read: ListRead): Promise<boolean> => {
    const { isListening, onContents, query, req, res } = read
    if (
      isLocalized ||
      !isListening() ||
      [...query.keys()].some((name) => PAYLOAD_ONLY.has(name.split('[')[0]!))
    ) {
      return false
    }
    return answerFromKept({
      gate,
      make: async () => {
        const list = await listOf(
          read,
          await createPayloadRequest({ config, request: fetchRequestOf(req, origin) }),
        )
        if (list) {
          onContents(list.contents)
        }
        return list && { ...list, type: 'application/json' }
      },
      payload,
      req,
      res,
    })
  }
  return { answerList, pageOf }
}
