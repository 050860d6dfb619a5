/**
 * A value made from the database and kept in memory until a change concerns it: what an
 * endpoint reads on every request although it rarely changes (the method catalogue's facts,
 * the visitors' search index), with the HTTP cache's guarantee. A change committed before a
 * request is always seen (the request first catches up with the change notifications), and
 * while they are down nothing kept is used: `get` answers undefined and the caller reads the
 * database itself.
 *
 * The server shares its change notifications once (`shareContentChanges`); without them (the
 * HTTP cache off, a script, a test without the server) every `get` answers undefined.
 */
import type { Payload } from 'payload'

import type { ContentChanges } from './contentChanges'

import { type ChangeMessage, changeTargets } from './changeTargets'
import { type Change, EVERYTHING } from './dependencies'

type Feed = { changes: ContentChanges; isTargeted: boolean }

const feeds = new WeakMap<Payload, Feed>()

/** Called by the server once it listens for changes (startServer.ts). */
export const shareContentChanges = (
  payload: Payload,
  changes: ContentChanges,
  { isTargeted }: { isTargeted: boolean },
): void => {
  feeds.set(payload, { changes, isTargeted })
}

export type FreshValue<T> = {
  /**
   * The value as of every change committed before the call; undefined: read it yourself.
   * `caughtUp`: a catch-up with the notifications begun during this request (`catchUpOf`), for
   * a request that reads several values with one round trip.
   */
  get: (options?: { caughtUp?: Promise<boolean> }) => Promise<T | undefined>
}

/**
 * One catch-up with the change notifications for a request that reads several fresh values
 * (undefined without notifications): begun when called, so it counts for that request only.
 * A failed round trip is `false`, as in `get`: nothing kept is used, the caller reads the
 * database, and that read's own failure is answered 503.
 */
export const catchUpOf = (payload: Payload): Promise<boolean> | undefined =>
  feeds
    .get(payload)
    ?.changes.catchUp()
    .catch(() => false)

type FreshValueArgs<T> = {
  /**
   * What the value is made of. `collections`: a change to any of their documents or lists (a
   * rating changes its module) makes it stale; by collection, not by document, so that a
   * change during a load, when what the load will contain isn't known yet, is judged alike.
   * `tables`: only a write to one of these tables does (a table of the server's own that
   * holds all the value is made of, such as the search index).
   */
  madeOf: { collections: string[] } | { tables: string[] }
  /** `key`: as given to `of` (one value per key, e.g. per language). */
  load: (payload: Payload, key: string) => Promise<T>
  /** For the log. */
  name: string
  /**
   * Brings the kept value up to date instead of loading it anew (e.g. reads only the rows
   * written since); what it gives must equal what `load` would give at that moment.
   */
  update?: (payload: Payload, key: string, previous: T) => Promise<T>
  /**
   * Whether a request waits while the value is (re)loaded (the default), or answers undefined
   * at once and the load goes on for the requests after it (a value that takes long to load).
   */
  waitsForLoad?: boolean
  /**
   * How long after an update began requests wait for it (`update` bringing the kept value up
   * to date), then answer undefined; by default without limit when `waitsForLoad`, else not at
   * all. An index that takes seconds to load may take milliseconds to update: a request had
   * better wait for that than ask the database, which the update needs too.
   */
  updateWaitMs?: number
}

/** A load or update under way this long no longer keeps another from beginning (it hangs). */
const MAX_LOAD_MS = 60_000

/** Whether `change` may concern a value made of `collections`. */
export const concernsCollections = (change: Change, collections: ReadonlySet<string>): boolean =>
  change.isEverything ||
  [change.collections, change.members, change.docs.keys()].some((touched) =>
    [...touched].some((collection) => collections.has(collection)),
  )

/**
 * One value per Payload instance, loaded on first use and again (or updated, given `update`)
 * on the first use after a change that concerns it. Requests arriving while it loads share the
 * load if it began after the last such change; otherwise they read the database themselves,
 * and no second load begins before the first has ended.
 */
export const freshValue = <T>({
  load,
  madeOf,
  name,
  update,
  waitsForLoad = true,
  updateWaitMs = waitsForLoad ? Infinity : 0,
}: FreshValueArgs<T>) => {
  const collections = new Set('collections' in madeOf ? madeOf.collections : [])
  const tables = new Set('tables' in madeOf ? madeOf.tables : [])
  /** A notification's table, or undefined when it names none (then anything may have changed). */
  const tableOf = (message: string): string | undefined => {
    try {
      const { t } = JSON.parse(message) as ChangeMessage
      return typeof t === 'string' ? t : undefined
    } catch {
      return undefined
    }
  }
  type Kept = { generation: number; value: T }
  type State = {
    kept?: Kept
    /** The generation of the newest change that concerns what is kept (or loading). */
    lastConcerning: number
    loading?: {
      /** An update's: undefined once `updateWaitMs` have passed since it began. */
      deadline?: Promise<undefined>
      generation: number
      isUpdate: boolean
      promise: Promise<Kept | undefined>
      startedAt: number
    }
  }
  // Per feed: a server started again on the same Payload shares new notifications, whose
  // generations count anew (what was kept under the old ones must not count).
  const states = new WeakMap<ContentChanges, Map<string, State>>()

  const stateOf = (payload: Payload, feed: Feed, key: string): State => {
    let byKey = states.get(feed.changes)
    if (!byKey) {
      byKey = new Map()
      states.set(feed.changes, byKey)
    }
    let state = byKey.get(key)
    if (!state) {
      const created: State = { lastConcerning: 0 }
      state = created
      const targets = collections.size ? changeTargets(payload) : undefined
      feed.changes.subscribe((message, generation) => {
        if (message === undefined || !feed.isTargeted) {
          created.lastConcerning = generation
          return
        }
        if (tables.size) {
          const table = tableOf(message)
          if (table === undefined || tables.has(table)) {
            created.lastConcerning = generation
          }
          return
        }
        let change: Change = EVERYTHING
        try {
          change = targets!(message)
        } catch {
          change = EVERYTHING
        }
        if (concernsCollections(change, collections)) {
          created.lastConcerning = generation
        }
      })
      byKey.set(key, created)
    }
    return state
  }

  const of = (payload: Payload, key = ''): FreshValue<T> => ({
    get: async ({ caughtUp } = {}) => {
      const feed = feeds.get(payload)
      if (!feed) {
        return undefined
      }
      const { changes } = feed
      const state = stateOf(payload, feed, key)
      // Afterwards every change committed before this request has been counted. A round trip
      // that fails means nothing can be known: undefined, and the caller asks the database
      // (whose own failure is then answered 503).
      const isListening =
        changes.isListening() && (await (caughtUp ?? changes.catchUp()).catch(() => false))
      const generation = changes.generation()
      if (!isListening) {
        return undefined
      }
      if (state.kept && state.kept.generation >= state.lastConcerning) {
        return state.kept.value
      }
      if (
        state.loading &&
        state.loading.generation < state.lastConcerning &&
        performance.now() - state.loading.startedAt < MAX_LOAD_MS
      ) {
        // One load at a time: a change overtook the one under way, which goes on (what it
        // holds is kept, and the first request after it brings it up to date); meanwhile the
        // database answers. Each change during a slow load began another: with an edit every
        // second, loads of thousands of rows at once took the server past its heap limit.
        return undefined
      }
      if (!state.loading || state.loading.generation < state.lastConcerning) {
        // Taken before the load reads anything: a change committed during the load makes it
        // stale at once (its generation is newer).
        const isUpdate = Boolean(state.kept && update)
        const loading: NonNullable<State['loading']> = {
          deadline:
            isUpdate && updateWaitMs > 0 && Number.isFinite(updateWaitMs)
              ? new Promise<undefined>((resolve) => {
                  setTimeout(() => resolve(undefined), updateWaitMs).unref()
                })
              : undefined,
          generation,
          isUpdate,
          startedAt: performance.now(),
          promise: (isUpdate ? update!(payload, key, state.kept!.value) : load(payload, key)).then(
            (value) => {
              const kept = { generation, value }
              if (!state.kept || state.kept.generation <= generation) {
                state.kept = kept
              }
              return kept
            },
            (err: unknown) => {
              payload.logger.warn({ err, msg: `${name}: loading failed.` })
              return undefined
            },
          ),
        }
        state.loading = loading
        void loading.promise.finally(() => {
          if (state.loading === loading) {
            state.loading = undefined
          }
        })
      }
      const { loading } = state
      if (loading.isUpdate ? updateWaitMs <= 0 : !waitsForLoad) {
        return undefined
      }
      const kept = await (loading.deadline
        ? Promise.race([loading.promise, loading.deadline])
        : loading.promise)
      // Still listening, and nothing since the load began concerns it.
      return kept && changes.isListening() && kept.generation >= state.lastConcerning
        ? kept.value
        : undefined
    },
  })
  return { of }
}
