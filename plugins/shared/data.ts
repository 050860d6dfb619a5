/**
 * Typed Local API access to a collection whose slug is an option of a plugin.
 *
 * Payload types its Local API by the host's generated types: a slug known only at run time (the
 * plugin's own collections, the host's target collections) matches none of them, so every call
 * needed a cast on its data, its `select` and its result. Here the plugin names the type of its
 * stored documents once and the cast happens once, below. Nothing is caught: a database error
 * propagates (a swallowed one would turn an outage into "not found").
 */
import { createLocalReq } from 'payload'

import type {
  PaginatedDocs,
  Payload,
  PayloadRequest,
  RequestContext,
  SelectType,
  Sort,
  Where,
} from 'payload'

export type DocumentId = number | string

/** What a write may set: any stored field but the id. */
export type DataOf<Doc> = Partial<Omit<Doc, 'id'>>

/** A bulk update or delete: the documents done, and the error of each that failed. */
export type BulkResult<Doc> = { docs: Doc[]; errors: { id: DocumentId; message: string }[] }

/** Every call says whether access is checked (a plugin decides that deliberately, per call). */
type AccessChoice = { overrideAccess: boolean }

type ReadArgs = AccessChoice & {
  /** @default 0: the plugins' types describe stored documents, with ids where relationships are */
  depth?: number
  draft?: boolean
  select?: SelectType
}

type WriteArgs = AccessChoice & {
  context?: RequestContext
  /** @default 0 */
  depth?: number
  select?: SelectType
}

export type FindArgs = ReadArgs & {
  limit?: number
  page?: number
  pagination?: boolean
  sort?: Sort
  where?: Where
}

/** The Local API as these calls use it, for documents of type `Doc`. */
type LocalApi<Doc> = {
  count(
    args: AccessChoice & { collection: string; req?: PayloadRequest; where?: Where },
  ): Promise<{ totalDocs: number }>
  create(
    args: WriteArgs & { collection: string; data: DataOf<Doc>; req?: PayloadRequest },
  ): Promise<Doc>
  delete(
    args: WriteArgs & { collection: string; req?: PayloadRequest; where: Where },
  ): Promise<BulkResult<Doc>>
  find(args: FindArgs & { collection: string; req?: PayloadRequest }): Promise<PaginatedDocs<Doc>>
  findByID(
    args: ReadArgs & {
      collection: string
      disableErrors: true
      id: DocumentId
      req?: PayloadRequest
    },
  ): Promise<Doc | null>
  update(
    args: WriteArgs & {
      collection: string
      data: DataOf<Doc>
      id: DocumentId
      req?: PayloadRequest
    },
  ): Promise<Doc>
  update(
    args: WriteArgs & { collection: string; data: DataOf<Doc>; req?: PayloadRequest; where: Where },
  ): Promise<BulkResult<Doc>>
}

export type CollectionAccess<Doc> = {
  count: (args: AccessChoice & { where?: Where }) => Promise<{ totalDocs: number }>
  create: (args: WriteArgs & { data: DataOf<Doc> }) => Promise<Doc>
  /** Deletes every document `where` matches. */
  delete: (args: WriteArgs & { where: Where }) => Promise<BulkResult<Doc>>
  find: (args: FindArgs) => Promise<PaginatedDocs<Doc>>
  /** The document, or null when there is none (or the caller may not read it). */
  findByID: (args: ReadArgs & { id: DocumentId }) => Promise<Doc | null>
  update: (args: WriteArgs & { data: DataOf<Doc>; id: DocumentId }) => Promise<Doc>
  /** Updates every document `where` matches. */
  updateMany: (args: WriteArgs & { data: DataOf<Doc>; where: Where }) => Promise<BulkResult<Doc>>
}

/**
 * The documents of `slug` as `Doc`. Every call passes `req` (its transaction, its user, its
 * language), except with `asVisitor`: then no request is passed, so the read sees what an
 * anonymous visitor sees, never a signed-in editor's drafts, and runs outside the transaction.
 */
export const collectionOf = <Doc>(
  req: PayloadRequest,
  slug: string,
  { asVisitor = false }: { asVisitor?: boolean } = {},
): CollectionAccess<Doc> => {
  // The one cast: Payload's generics can't follow a slug chosen at run time; `Doc` is the
  // plugin's own description of what it stores in `slug`.
  const api = req.payload as unknown as LocalApi<Doc>
  const on = asVisitor ? { collection: slug } : { collection: slug, req }
  return {
    count: (args) => api.count({ ...args, ...on }),
    create: ({ depth = 0, ...args }) => api.create({ ...args, ...on, depth }),
    delete: ({ depth = 0, ...args }) => api.delete({ ...args, ...on, depth }),
    find: ({ depth = 0, ...args }) => api.find({ ...args, ...on, depth }),
    findByID: ({ depth = 0, ...args }) =>
      api.findByID({ ...args, ...on, depth, disableErrors: true }),
    update: ({ depth = 0, ...args }) => api.update({ ...args, ...on, depth }),
    updateMany: ({ depth = 0, ...args }) => api.update({ ...args, ...on, depth }),
  }
}

/**
 * What a visitor (no user) may read of a collection, as its read access says: everything
 * (`true`), nothing (`false`), or the documents a `Where` matches (e.g. published ones). For a
 * plugin's read that checks visibility as a visitor would and reads fields a visitor can't
 * (overriding access) in one query instead of two. `id`: the document asked about, passed to
 * the access function as Payload passes it on a read by id.
 */
export const visitorReadAccess = async ({
  id,
  payload,
  slug,
}: {
  id?: DocumentId
  payload: Payload
  slug: string
}): Promise<boolean | Where> => {
  const read = payload.collections[slug as keyof Payload['collections']]?.config.access.read
  if (!read) {
    return false
  }
  // Payload types `id` by the host's id type; a plugin's slug may name any collection.
  const args = { id, req: await createLocalReq({}, payload) } as Parameters<typeof read>[0]
  const result: unknown = await read(args)
  return typeof result === 'object' && result !== null ? (result as Where) : Boolean(result)
}
