/**
 * What a cached answer depends on, what a change touched, and whether the one concerns the
 * other. Both sides are conservative: an answer that can't be analysed depends on everything,
 * a change that can't be placed touches everything.
 */

/** What an answer was made of (answerContents.ts, graphql.ts). */
export type Contents = {
  /**
   * Collections some of whose documents it shows without saying which (a GraphQL answer that
   * didn't ask their `id`): a change to any document of them concerns it.
   */
  collections: Set<string>
  /** Documents embedded in the answer, by collection: a change to one of them changes it. */
  docs: Map<string, Set<string>>
  /** Anything may have gone into it (not analysable): every change concerns it. */
  isEverything: boolean
  /** Collections whose membership the answer shows (lists): any write to them concerns it. */
  lists: Set<string>
  /** Ids of embedded documents whose collection is unknown (GraphQL, data attached by hooks). */
  looseIds: Set<string>
}

/** What one committed statement (or a lost connection, a new day) may have changed. */
export type Change = {
  /** Collections of which some unknown document changed (a nested array row, a TRUNCATE). */
  collections: Set<string>
  /** Documents whose answers changed, by collection (a rating changes its module's). */
  docs: Map<string, Set<string>>
  /** Nothing is known: every answer is stale (unknown table, lost notifications, a new day). */
  isEverything: boolean
  /** Collections written to: the membership of their lists may have changed. */
  members: Set<string>
}

export const emptyContents = (): Contents => ({
  collections: new Set(),
  docs: new Map(),
  isEverything: false,
  lists: new Set(),
  looseIds: new Set(),
})

export const emptyChange = (): Change => ({
  collections: new Set(),
  docs: new Map(),
  isEverything: false,
  members: new Set(),
})

export const EVERYTHING: Change = { ...emptyChange(), isEverything: true }

export const addDoc = (docs: Map<string, Set<string>>, collection: string, id: unknown) => {
  if (typeof id !== 'number' && typeof id !== 'string') {
    return
  }
  let ids = docs.get(collection)
  if (!ids) {
    ids = new Set()
    docs.set(collection, ids)
  }
  ids.add(String(id))
}

/** Adds what `from` contains to `into`. */
export const mergeContents = (into: Contents, from: Contents) => {
  into.isEverything ||= from.isEverything
  from.collections.forEach((collection) => into.collections.add(collection))
  from.lists.forEach((collection) => into.lists.add(collection))
  from.looseIds.forEach((id) => into.looseIds.add(id))
  for (const [collection, ids] of from.docs) {
    ids.forEach((id) => addDoc(into.docs, collection, id))
  }
}

export const isChangeEmpty = (change: Change) =>
  !change.isEverything && !change.collections.size && !change.docs.size && !change.members.size

/** Whether `change` may have changed an answer made of `contents`. */
export const concerns = (change: Change, contents: Contents): boolean => {
  if (change.isEverything || contents.isEverything) {
    return true
  }
  for (const collection of contents.collections) {
    if (
      change.members.has(collection) ||
      change.collections.has(collection) ||
      change.docs.has(collection)
    ) {
      return true
    }
  }
  for (const collection of change.members) {
    if (contents.lists.has(collection)) {
      return true
    }
  }
  for (const collection of change.collections) {
    if (contents.lists.has(collection) || contents.docs.has(collection) || contents.looseIds.size) {
      return true
    }
  }
  for (const [collection, ids] of change.docs) {
    const embedded = contents.docs.get(collection)
    for (const id of ids) {
      if (embedded?.has(id) || contents.looseIds.has(id)) {
        return true
      }
    }
  }
  return false
}
