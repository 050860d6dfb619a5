/**
 * The documents visitors rate or comment on ("targets"), in words. The plugins store a target
 * as its collection's slug and its id as text, so one table serves every target collection;
 * people should read "Beteiligungsmodul: Stadtteilkonferenz", not "modules" and "3". Here: which
 * field names a target's documents, their titles read for a whole page of rows at once (one
 * query per target collection, never one per row), and where a target lives (its edit view for
 * editors; the host's public page, if the host names one, for visitors).
 */
import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

import { formatAdminURL } from 'payload/shared'

import { attachOnRead, type Read, type ReadDocument } from './attachOnRead'
import { collectionOf } from './data'
import { isPossibleId } from './ids'

/** A target collection with how its documents are named and found by visitors. */
export type TargetCollection = {
  /** The collection's slug. */
  slug: CollectionSlug
  /**
   * The field that names a document, e.g. `title`.
   * @default the collection's `admin.useAsTitle`
   */
  titleField?: string
  /**
   * The document's public address, for visitors (mails, the pages mailed links open), given the
   * document at depth 0; `null` or `undefined` when it has none. Only http(s) addresses are used.
   * @default none: visitors are led back to the page they came from, if known
   */
  publicUrl?: (args: {
    doc: Record<string, unknown>
    req: PayloadRequest
  }) => null | string | undefined
}

/** How a plugin's `collections` option names a target collection: by its slug, or with settings. */
export type TargetCollectionOption = CollectionSlug | TargetCollection

/** Which document a rating or comment belongs to, as stored. */
export type TargetRef = { collection: string; id: string }

/** A target in words: what the virtual `target` field of the plugins' collections holds. */
export type TargetInWords = TargetRef & {
  /** Whether the reader found it: false when it was deleted, or they may not read it. */
  isFound: boolean
  /** Its title, or null when its collection names documents by id or it wasn't found. */
  title: null | string
}

/** The `collections` option as settings per collection, checked once at start. */
export const resolveTargetCollections = (
  collections: readonly TargetCollectionOption[] | undefined,
  pluginName: string,
): TargetCollection[] => {
  if (!collections?.length) {
    throw new Error(`${pluginName}: \`collections\` must name at least one collection.`)
  }
  const targets = collections.map((entry) => (typeof entry === 'string' ? { slug: entry } : entry))
  const seen = new Set<string>()
  for (const target of targets) {
    if (!target || typeof target.slug !== 'string' || !target.slug) {
      throw new Error(
        `${pluginName}: every entry of \`collections\` needs a slug (a string, or { slug, titleField?, publicUrl? }).`,
      )
    }
    if (seen.has(target.slug)) {
      throw new Error(`${pluginName}: \`collections\` names "${target.slug}" twice.`)
    }
    if (
      target.titleField !== undefined &&
      (typeof target.titleField !== 'string' || !target.titleField)
    ) {
      throw new Error(`${pluginName}: \`titleField\` of "${target.slug}" must name a field.`)
    }
    if (target.publicUrl !== undefined && typeof target.publicUrl !== 'function') {
      throw new Error(
        `${pluginName}: \`publicUrl\` of "${target.slug}" must be a function ({ doc }) => address.`,
      )
    }
    seen.add(target.slug)
  }
  return targets
}

/** The title fields the options name, to be checked against the host's collections at start. */
export const titleFieldOptions = (targets: TargetCollection[]) =>
  targets.flatMap(({ slug, titleField }) =>
    titleField ? [{ option: `collections[].titleField`, path: titleField, slug }] : [],
  )

/** The field that names documents of `collection`: the option's, else `admin.useAsTitle` (none for ids). */
export const titleFieldOf = (
  payload: Payload,
  targets: TargetCollection[],
  collection: string,
): string | undefined => {
  const field =
    targets.find(({ slug }) => slug === collection)?.titleField ??
    payload.collections[collection as CollectionSlug]?.config.admin?.useAsTitle
  return field && field !== 'id' ? field : undefined
}

const textOf = (value: unknown): null | string =>
  typeof value === 'string' && value.trim()
    ? value.trim()
    : typeof value === 'number'
      ? String(value)
      : null

export const targetKey = ({ collection, id }: TargetRef) => `${collection}/${id}`

/** A stored document's target, when it has one. */
export const targetRefOf = (doc: ReadDocument | null | undefined): TargetRef | undefined => {
  const collection = doc?.targetCollection
  const id = doc?.targetId
  return typeof collection === 'string' &&
    collection &&
    (typeof id === 'string' || typeof id === 'number') &&
    String(id)
    ? { collection, id: String(id) }
    : undefined
}

type TitledDocument = Record<string, unknown> & { id: number | string }

/**
 * The targets in words, keyed by `targetKey`: one query per collection for all of them. Read as
 * `req`'s user unless `overrideAccess` (an editor finds drafts, a visitor only what they may read).
 */
export const loadTargets = async ({
  overrideAccess,
  refs,
  req,
  targets,
}: {
  overrideAccess: boolean
  refs: TargetRef[]
  req: PayloadRequest
  targets: TargetCollection[]
}): Promise<Map<string, TargetInWords>> => {
  const idsByCollection = new Map<string, Set<string>>()
  for (const { collection, id } of refs) {
    idsByCollection.set(collection, (idsByCollection.get(collection) ?? new Set()).add(id))
  }
  const found = new Map<string, TargetInWords>()
  for (const [collection, ids] of idsByCollection) {
    // A collection the config no longer has, or ids it can't have: nothing to ask for.
    const possible = [...ids].filter((id) => isPossibleId(req.payload, collection, id))
    if (!req.payload.collections[collection as CollectionSlug] || !possible.length) {
      continue
    }
    const titleField = titleFieldOf(req.payload, targets, collection)
    const { docs } = await collectionOf<TitledDocument>(req, collection).find({
      limit: possible.length,
      overrideAccess,
      pagination: false,
      select: titleField ? { [titleField]: true } : { id: true },
      where: { id: { in: possible } },
    })
    for (const doc of docs) {
      const ref = { collection, id: String(doc.id) }
      found.set(targetKey(ref), {
        ...ref,
        isFound: true,
        title: titleField ? textOf(doc[titleField]) : null,
      })
    }
  }
  return new Map(
    refs.map((ref) => [
      targetKey(ref),
      found.get(targetKey(ref)) ?? { ...ref, isFound: false, title: null },
    ]),
  )
}

/**
 * One target as a visitor is told about it (mails, the page a mailed link opens), read by the
 * plugin: its title, and its public address when the host gives one.
 */
export const loadTargetForVisitor = async ({
  ref,
  req,
  targets,
}: {
  ref: TargetRef
  req: PayloadRequest
  targets: TargetCollection[]
}): Promise<TargetInWords & { publicUrl: null | string }> => {
  const publicUrlOf = targets.find(({ slug }) => slug === ref.collection)?.publicUrl
  const titleField = titleFieldOf(req.payload, targets, ref.collection)
  const doc =
    req.payload.collections[ref.collection as CollectionSlug] &&
    isPossibleId(req.payload, ref.collection, ref.id)
      ? await collectionOf<TitledDocument>(req, ref.collection).findByID({
          id: ref.id,
          overrideAccess: true,
          // The host's address may need any field; without it, the title is all we read.
          ...(publicUrlOf ? {} : { select: titleField ? { [titleField]: true } : { id: true } }),
        })
      : null
  if (!doc) {
    return { ...ref, isFound: false, publicUrl: null, title: null }
  }
  const url = publicUrlOf?.({ doc, req })
  return {
    ...ref,
    isFound: true,
    publicUrl: typeof url === 'string' && /^https?:\/\//i.test(url.trim()) ? url.trim() : null,
    title: titleField ? textOf(doc[titleField]) : null,
  }
}

/** The documents' targets as stored; those a `select` left out are read, once for the page. */
const storedRefsOf = async ({ collection, docs, req }: Read): Promise<Map<string, TargetRef>> => {
  const refs = new Map<string, TargetRef>()
  const missing: string[] = []
  for (const doc of docs) {
    const ref = targetRefOf(doc)
    if (ref) {
      refs.set(String(doc.id), ref)
    } else if (doc.id !== undefined) {
      missing.push(String(doc.id))
    }
  }
  if (missing.length) {
    const { docs: stored } = await collectionOf<TitledDocument>(req, collection).find({
      limit: missing.length,
      overrideAccess: true,
      pagination: false,
      select: { targetCollection: true, targetId: true },
      where: { id: { in: missing } },
    })
    for (const doc of stored) {
      const ref = targetRefOf(doc)
      if (ref) {
        refs.set(String(doc.id), ref)
      }
    }
  }
  return refs
}

/** The name of the virtual field that holds a document's target in words. */
export const TARGET_FIELD = 'target'

/**
 * The hook that fills the virtual `target` field of every document a read returns, for reads on
 * somebody's behalf (the admin's lists and edit views, REST, GraphQL): the plugins' own reads
 * (with `overrideAccess`) don't need titles and pay nothing. `refsOf` finds each document's
 * target (by document id) where it isn't stored on the document itself (a report's comment's).
 */
export const attachTargets = ({
  refsOf = storedRefsOf,
  targets,
}: {
  refsOf?: (read: Read) => Promise<Map<string, TargetRef>>
  targets: TargetCollection[]
}) =>
  attachOnRead({
    attach: async (read) => {
      if (read.overrideAccess) {
        return
      }
      const refs = await refsOf(read)
      const inWords = await loadTargets({
        overrideAccess: false,
        refs: [...refs.values()],
        req: read.req,
        targets,
      })
      for (const doc of read.docs) {
        const ref = refs.get(String(doc.id))
        doc[TARGET_FIELD] = ref ? (inWords.get(targetKey(ref)) ?? null) : null
      }
    },
    fields: [TARGET_FIELD],
  })

/** A label as configs give them (a string, or one per language) in `language`, if there is one. */
export const labelIn = (label: unknown, language: string): null | string => {
  if (typeof label === 'string') {
    return label
  }
  if (!label || typeof label !== 'object') {
    return null
  }
  const texts = label as Record<string, unknown>
  const text = texts[language] ?? Object.values(texts).find((value) => typeof value === 'string')
  return typeof text === 'string' ? text : null
}

/** A target collection's singular label ("Beteiligungsmodul"), else its slug. */
export const collectionLabelOf = (payload: Payload, collection: string, language: string) =>
  labelIn(payload.collections[collection as CollectionSlug]?.config.labels?.singular, language) ??
  collection

/** The target's edit view in the admin (relative to the server, as the admin links). */
export const adminUrlOf = (payload: Payload, { collection, id }: TargetRef) =>
  formatAdminURL({
    adminRoute: payload.config.routes.admin,
    path: `/collections/${collection}/${encodeURIComponent(id)}`,
  })

const isTargetInWords = (value: unknown): value is TargetInWords =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as TargetInWords).collection === 'string' &&
  typeof (value as TargetInWords).id === 'string'

/**
 * What an editor sees of a target: "Beteiligungsmodul: Stadtteilkonferenz" linked to its edit
 * view; the id when its collection has no titles; `missing` ("nicht mehr vorhanden") and no
 * link when it is gone. Null for anything that is no target in words.
 */
export const targetLinkOf = ({
  language,
  missing,
  payload,
  target,
}: {
  language: string
  /** The words for a target that wasn't found, e.g. "nicht mehr vorhanden". */
  missing: string
  payload: Payload
  target: unknown
}): null | { href: null | string; label: string; name: string } => {
  if (!isTargetInWords(target)) {
    return null
  }
  const label = collectionLabelOf(payload, target.collection, language)
  if (!target.isFound) {
    return { href: null, label, name: `${target.id} (${missing})` }
  }
  return { href: adminUrlOf(payload, target), label, name: target.title ?? target.id }
}
