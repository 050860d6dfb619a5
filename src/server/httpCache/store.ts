/**
 * The answers the HTTP cache keeps, bounded in bytes and in number, least recently used out
 * first, and indexed by what they contain (dependencies.ts), so that a change drops exactly the
 * answers it concerns without looking at the others. An answer too large for its share of the
 * memory is kept without its body: its ETag still lets a client's `If-None-Match` be answered 304.
 *
 * The budget counts what an entry really holds, not only its body: the key, the ETag, the kept
 * headers and what the answer contains (each document in the entry and in the indexes), as
 * an estimate per item; and a small body gets memory of its own instead of staying a slice of
 * a shared 8 KB pool slab, which it would otherwise keep alive whole.
 *
 * When the budget is full, the least recently used bodies are gzip-compressed before any answer
 * is forgotten (JSON shrinks four to eight times): the answers in use stay as they are, sent
 * without any work, and the many read now and then (a detail page each) stay in memory too,
 * sent compressed to clients that accept gzip and unpacked for others.
 */
import { gzipSync } from 'node:zlib'

import { type Change, concerns, type Contents } from './dependencies'

/** Entries without a body (only the ETag, for 304s) are small; this bounds their number. */
const MAX_ENTRIES = 20_000
/** An answer larger than this share of the memory budget is not kept (its ETag still is). */
const MAX_ENTRY_SHARE = 8
/** The entry object, its Map slots and the Sets it owns, before counting what's in them. */
const ENTRY_BYTES = 1024
/** One document, list or loose id in the answer's contents and in an index (Set slots, strings). */
const CONTENT_ITEM_BYTES = 96
/** Bodies from this size on are compressed when the budget is full (smaller ones gain little). */
const COMPRESS_FROM_BYTES = 1024
/** gzip's level for compressed bodies: JSON shrinks four to eight times, unpacks in ~0.1 ms per 40 KB. */
const GZIP_LEVEL = 4
/** Buffers smaller than this come from Node's shared pool (Buffer.poolSize / 2). */
const POOLED_BELOW = Buffer.poolSize >>> 1

/** The bytes an entry holds besides its body (module doc comment). */
export const overheadOf = (
  key: string,
  { contents, etag, headers }: Pick<Entry, 'contents' | 'etag' | 'headers'>,
): number => {
  let items = contents.lists.size + contents.looseIds.size + contents.collections.size
  let chars = key.length * 2 + etag.length
  for (const [collection, ids] of contents.docs) {
    items += ids.size + 1
    chars += collection.length
    for (const id of ids) {
      chars += id.length
    }
  }
  for (const [name, value] of headers) {
    chars += name.length + String(value).length
  }
  return ENTRY_BYTES + chars + items * CONTENT_ITEM_BYTES
}

/** A body with memory of its own (a pooled one would keep its whole slab alive). */
const ownedBody = (body: Buffer): Buffer => {
  if (body.length >= POOLED_BELOW || body.byteLength === body.buffer.byteLength) {
    return body
  }
  const copy = Buffer.allocUnsafeSlow(body.length)
  body.copy(copy)
  return copy
}

export type Entry = {
  /** The answer's body, gzip-compressed when `isGzip` (module doc); none when too large to keep. */
  body: Buffer | undefined
  /** What the answer contains: the changes that make it stale. */
  contents: Contents
  etag: string
  /** Headers Payload and Next set on the answer, without per-request ones (CORS, date, length). */
  headers: [string, number | string | string[]][]
  /** Whether `body` is kept gzip-compressed. */
  isGzip: boolean
  /** Bytes of memory counted against the budget: the kept body and the entry's overhead. */
  size: number
}

export type AnswerStore = {
  /** Forgets every answer (notifications lost, a new day). */
  clear: () => void
  /** Forgets the answers `change` concerns. */
  drop: (change: Change) => void
  get: (key: string) => Entry | undefined
  /**
   * Keeps an answer (with its body if that fits) and returns the entry kept; an equal answer
   * already kept stays as it is, so a burst of misses causes no churn.
   */
  keep: (key: string, answer: Omit<Entry, 'body' | 'isGzip' | 'size'> & { body: Buffer }) => Entry
  /** The largest body kept. */
  maxEntryBytes: number
  /** Number of answers kept (for tests and the benchmark). */
  size: () => number
  /** Bytes counted against the budget (for tests and the benchmark). */
  keptBytes: () => number
  /** Marks an entry as just used. */
  touch: (key: string, entry: Entry) => void
}

/** A set per index key: the cache keys of the answers that contain it. */
type Index = Map<string, Set<string>>

const add = (index: Index, name: string, key: string) => {
  let keys = index.get(name)
  if (!keys) {
    keys = new Set()
    index.set(name, keys)
  }
  keys.add(key)
}

const remove = (index: Index, name: string, key: string) => {
  const keys = index.get(name)
  if (keys) {
    keys.delete(key)
    if (!keys.size) {
      index.delete(name)
    }
  }
}

const docName = (collection: string, id: string) => `${collection}\u0000${id}`

/** `maxBytes` is the memory for kept answers; 0 keeps only ETags (bounded by number). */
export const createAnswerStore = ({ maxBytes }: { maxBytes: number }): AnswerStore => {
  const maxEntryBytes =
    maxBytes > 0 ? Math.max(64 * 1024, Math.floor(maxBytes / MAX_ENTRY_SHARE)) : 0
  // Least recently used first: a Map keeps insertion order, and a use re-inserts.
  const entries = new Map<string, Entry>()
  // The bodies that may still be compressed, least recently used first.
  const plain = new Map<string, Entry>()
  let keptBytes = 0
  // Which answers contain what: a document, any document of a collection, a list, a loose id.
  const byDoc: Index = new Map()
  const byCollection: Index = new Map()
  const byList: Index = new Map()
  const byLooseId: Index = new Map()
  // Answers showing documents of a collection without saying which.
  const byAnyDoc: Index = new Map()
  const withLooseIds = new Set<string>()
  const ofEverything = new Set<string>()

  const index = (key: string, { contents }: Entry, into: typeof add) => {
    if (contents.isEverything) {
      if (into === add) {
        ofEverything.add(key)
      } else {
        ofEverything.delete(key)
      }
      return
    }
    for (const [collection, ids] of contents.docs) {
      into(byCollection, collection, key)
      for (const id of ids) {
        into(byDoc, docName(collection, id), key)
      }
    }
    for (const collection of contents.lists) {
      into(byList, collection, key)
      into(byCollection, collection, key)
    }
    for (const id of contents.looseIds) {
      into(byLooseId, id, key)
    }
    for (const collection of contents.collections) {
      into(byAnyDoc, collection, key)
      into(byCollection, collection, key)
    }
    if (contents.looseIds.size) {
      if (into === add) {
        withLooseIds.add(key)
      } else {
        withLooseIds.delete(key)
      }
    }
  }

  const forget = (key: string) => {
    const entry = entries.get(key)
    if (entry) {
      keptBytes -= entry.size
      entries.delete(key)
      plain.delete(key)
      index(key, entry, remove)
    }
  }

  /** Compresses the least recently used plain bodies until the kept answers fit the budget. */
  const compressColdest = () => {
    for (const [key, entry] of plain) {
      if (keptBytes <= maxBytes) {
        return
      }
      plain.delete(key)
      const compressed = gzipSync(entry.body!, { level: GZIP_LEVEL })
      if (compressed.length < entry.body!.length) {
        keptBytes -= entry.body!.length - compressed.length
        entry.size -= entry.body!.length - compressed.length
        entry.body = ownedBody(compressed)
        entry.isGzip = true
      }
    }
  }

  const remember = (key: string, entry: Entry) => {
    forget(key)
    entries.set(key, entry)
    if (entry.body && entry.body.length >= COMPRESS_FROM_BYTES) {
      plain.set(key, entry)
    }
    keptBytes += entry.size
    index(key, entry, add)
    if (maxBytes > 0 && keptBytes > maxBytes) {
      compressColdest()
    }
    for (const [oldest] of entries) {
      if ((maxBytes === 0 || keptBytes <= maxBytes) && entries.size <= MAX_ENTRIES) {
        break
      }
      forget(oldest)
    }
  }

  return {
    clear: () => {
      entries.clear()
      plain.clear()
      keptBytes = 0
      for (const index of [byDoc, byCollection, byList, byLooseId, byAnyDoc]) {
        index.clear()
      }
      withLooseIds.clear()
      ofEverything.clear()
    },
    drop: (change) => {
      if (change.isEverything) {
        for (const key of [...entries.keys()]) {
          forget(key)
        }
        return
      }
      // The candidates from the index, checked against the change itself.
      const candidates = new Set(ofEverything)
      const collect = (keys: Set<string> | undefined) => keys?.forEach((key) => candidates.add(key))
      change.members.forEach((collection) => {
        collect(byList.get(collection))
        collect(byAnyDoc.get(collection))
      })
      for (const collection of change.collections) {
        collect(byCollection.get(collection))
        collect(withLooseIds)
      }
      for (const [collection, ids] of change.docs) {
        collect(byAnyDoc.get(collection))
        for (const id of ids) {
          collect(byDoc.get(docName(collection, id)))
          collect(byLooseId.get(id))
        }
      }
      for (const key of candidates) {
        const entry = entries.get(key)
        if (entry && concerns(change, entry.contents)) {
          forget(key)
        }
      }
    },
    get: (key) => entries.get(key),
    keep: (key, { body, ...answer }) => {
      const isBodyKept = body.length <= maxEntryBytes
      const kept = entries.get(key)
      if (kept && kept.etag === answer.etag && (kept.body || !isBodyKept)) {
        return kept
      }
      const entry: Entry = {
        ...answer,
        body: isBodyKept ? ownedBody(body) : undefined,
        isGzip: false,
        size: (isBodyKept ? body.length : 0) + overheadOf(key, answer),
      }
      remember(key, entry)
      return entry
    },
    keptBytes: () => keptBytes,
    maxEntryBytes,
    size: () => entries.size,
    touch: (key, entry) => {
      if (entries.get(key) === entry) {
        entries.delete(key)
        entries.set(key, entry)
        if (plain.delete(key)) {
          plain.set(key, entry)
        }
      }
    },
  }
}
