/**
 * The answers the HTTP cache keeps, bounded in bytes and in number, least recently used out
 * first. An answer too large for its share of the memory is kept without its body: its ETag
 * still lets a client's `If-None-Match` be answered 304.
 */

/** Entries without a body (only the ETag, for 304s) are small; this bounds their number. */
const MAX_ENTRIES = 20_000
/** An answer larger than this share of the memory budget is not kept (its ETag still is). */
const MAX_ENTRY_SHARE = 8

export type Entry = {
  body: Buffer | undefined
  etag: string
  /** The generation of content (contentChanges.ts) the answer was computed in. */
  generation: number
  /** Headers Payload and Next set on the answer, without per-request ones (CORS, date, length). */
  headers: [string, number | string | string[]][]
  /** Bytes of memory counted against the budget (the kept body). */
  size: number
}

export type AnswerStore = {
  get: (key: string) => Entry | undefined
  /**
   * Keeps an answer (with its body if that fits) and returns the entry; an equal answer of the
   * same generation already kept stays as it is, so a burst of misses causes no churn.
   */
  keep: (key: string, answer: Omit<Entry, 'body' | 'size'> & { body: Buffer }) => Entry
  /** The largest body kept. */
  maxEntryBytes: number
  /** Marks an entry as just used. */
  touch: (key: string, entry: Entry) => void
}

/** `maxBytes` is the memory for kept bodies; 0 keeps only ETags. */
export const createAnswerStore = ({ maxBytes }: { maxBytes: number }): AnswerStore => {
  const maxEntryBytes =
    maxBytes > 0 ? Math.max(64 * 1024, Math.floor(maxBytes / MAX_ENTRY_SHARE)) : 0
  // Least recently used first: a Map keeps insertion order, and a use re-inserts.
  const entries = new Map<string, Entry>()
  let keptBytes = 0

  const forget = (key: string) => {
    const entry = entries.get(key)
    if (entry) {
      keptBytes -= entry.size
      entries.delete(key)
    }
  }

  const remember = (key: string, entry: Entry) => {
    forget(key)
    entries.set(key, entry)
    keptBytes += entry.size
    for (const [oldest] of entries) {
      if (keptBytes <= maxBytes && entries.size <= MAX_ENTRIES) {
        break
      }
      forget(oldest)
    }
  }

  return {
    get: (key) => entries.get(key),
    keep: (key, { body, ...answer }) => {
      const isBodyKept = body.length <= maxEntryBytes
      const entry: Entry = {
        ...answer,
        body: isBodyKept ? body : undefined,
        size: isBodyKept ? body.length : 0,
      }
      const kept = entries.get(key)
      if (
        !kept ||
        kept.generation !== entry.generation ||
        kept.etag !== entry.etag ||
        (!kept.body && entry.body)
      ) {
        remember(key, entry)
      }
      return entry
    },
    maxEntryBytes,
    touch: (key, entry) => {
      if (entries.get(key) === entry) {
        entries.delete(key)
        entries.set(key, entry)
      }
    },
  }
}
