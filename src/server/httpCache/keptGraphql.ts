/**
 * A visitor's GraphQL list the cache has not kept, answered from kept documents as a REST list
 * is (keptDocuments.ts): the query `Modules(where: …, limit: 20) { docs { … } totalDocs }` runs
 * Payload's query for the page's ids and figures, takes each document as Payload's REST API
 * wrote it (relationships populated as deep as the query asks for them), and graphql-js picks
 * the asked fields from them in Payload's schema without its resolvers (api/graphqlShadow.ts):
 * the same types, scalars and enums, so the answer is Payload's byte for byte
 * (tests/int/keptGraphql compares them for every collection and field).
 *
 * Only what that can answer takes this way, everything else goes to Payload's handler as before:
 * one top-level field, a collection's list, with `where`, `limit`, `page` and `sort` only; a
 * visitor; a query that validates; related documents asked only for what REST shows of them
 * (their collection's `defaultPopulate`), no deeper than `maxDepth`; no join, no relationship to
 * several collections, no rich text node Payload would populate anew, no field arguments; an
 * answer without errors.
 *
 * Why: Payload's GraphQL resolves every field of every document through its resolvers and reads
 * the related documents again per request (23 ms of CPU for the bench's list of 20 modules).
 */
import type { Request, Response } from 'express'
import type { Payload, PayloadRequest, Where } from 'payload'

import {
  type DocumentNode,
  type FieldNode,
  execute,
  getArgumentValues,
  getNamedType,
  getOperationAST,
  getVariableValues,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  Kind,
  parse,
  type SelectionSetNode,
  specifiedRules,
  validate,
} from 'graphql'
import { createPayloadRequest } from 'payload'

import type { ApiGate } from '../payloadApi'
import type { GraphqlRequest } from './graphql'
import type { Kept, KeptDocuments } from './keptDocuments'
import type { Entry } from './store'

import {
  type Fragments,
  fieldsAsked,
  fragmentsOf,
  payloadFieldOf,
} from '../../api/graphqlSelections'
import { shadowSchemaOf } from '../../api/graphqlShadow'
import { withKnownTypeNames } from '../../api/knownTypeNames'
import { MAX_PUBLIC_PAGE_SIZE } from '../../domain/pageSize'
import { graphqlSchemaOf } from '../graphqlApi'
import { headersOf } from '../payloadApi'
import { graphqlNamesOf } from './graphql'
import { answerFromKept } from './keptDocuments'

/** The list arguments this takes; any other (draft, select, pagination, locale, …) goes to Payload. */
const LIST_ARGUMENTS = new Set(['limit', 'page', 'sort', 'where'])

export type GraphqlListRead = {
  /** The change generation taken before anything was read (index.ts). */
  generation: number
  isListening: () => boolean
  req: Request
  request: GraphqlRequest
  res: Response
}

/** Answers the request (`true`) or leaves it to Payload's handler (`false`). */
export type KeptGraphql = (read: GraphqlListRead) => Promise<boolean>

/** The media type graphql-http answers with, when the client's first choice says it plainly. */
const mediaTypeOf = (accept: string | undefined): string | undefined => {
  const first = (accept ?? '*/*').replace(/\s/g, '').toLowerCase().split(',')[0]
  if (first === 'application/graphql-response+json') {
    return first
  }
  return first === 'application/json' || first === 'application/*' || first === '*/*'
    ? 'application/json'
    : undefined
}

/**
 * How many relationships deep a selection reaches (the REST `depth` its documents need), or
 * undefined when it asks a related document for a field Payload's REST population leaves out
 * (a collection's `defaultPopulate` names the fields a related document shows; GraphQL reads
 * what the query asks).
 */
const relationDepthOf = (
  schema: GraphQLSchema,
  fragments: Fragments,
  populates: Map<string, Record<string, unknown>>,
  set: SelectionSetNode,
  type: GraphQLNamedType | undefined,
): number | undefined => {
  let depth = 0
  for (const { field, node } of fieldsAsked(schema, fragments, set, type)) {
    if (!field || !node.selectionSet) {
      continue
    }
    const named = getNamedType(field.type)
    const payloadField = payloadFieldOf(field)
    const isRelation = payloadField?.type === 'relationship' || payloadField?.type === 'upload'
    if (isRelation && typeof payloadField.relationTo === 'string') {
      const populate = populates.get(payloadField.relationTo)
      const isShown = ({
        field: asked,
        node: { name },
      }: {
        field?: GraphQLField<unknown, unknown>
        node: FieldNode
      }) =>
        name.value === 'id' ||
        name.value === '__typename' ||
        populate?.[(asked && payloadFieldOf(asked)?.name) ?? name.value] === true
      if (populate && !fieldsAsked(schema, fragments, node.selectionSet, named).every(isShown)) {
        return undefined
      }
    }
    const inner = relationDepthOf(schema, fragments, populates, node.selectionSet, named)
    if (inner === undefined) {
      return undefined
    }
    depth = Math.max(depth, inner + (isRelation ? 1 : 0))
  }
  return depth
}

/**
 * Kept documents recently asked by GraphQL, parsed (≈ 1.5 ms for a page of 20 modules): keyed by
 * their entry in the store, so an entry kept anew is parsed anew. Never changed once parsed
 * (graphql-js only reads them). At most this much of their JSON (parsed, about four times
 * as much memory).
 */
const MAX_PARSED_BYTES = 512 * 1024

const isPlainObject = (value: unknown) =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const isPositiveInteger = (value: unknown) =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1

export const keptGraphql = ({
  gate,
  keptDocuments,
  payload,
}: {
  gate: ApiGate
  keptDocuments: KeptDocuments
  payload: Payload
}): KeptGraphql => {
  const { config } = payload
  const origin = new URL(config.serverURL || 'http://localhost').origin
  const apiRoute = config.routes.api
  const lists = new Map<string, string>()
  const populates = new Map<string, Record<string, unknown>>()
  for (const collection of config.collections) {
    const names = graphqlNamesOf(collection)
    if (names) {
      lists.set(names.plural, collection.slug)
    }
    if (collection.defaultPopulate) {
      populates.set(collection.slug, collection.defaultPopulate as Record<string, unknown>)
    }
  }
  let shadow: GraphQLSchema | undefined
  const parsed = new Map<Entry, { bytes: number; value: unknown }>()
  let parsedBytes = 0
  const parsedOf = (doc: Kept): unknown => {
    const { entry } = doc
    const known = entry && parsed.get(entry)
    if (entry && known) {
      parsed.delete(entry)
      parsed.set(entry, known)
      return known.value
    }
    const { body } = doc
    const value = JSON.parse(body.toString('utf8')) as unknown
    if (entry && body.length <= MAX_PARSED_BYTES / 16) {
      parsed.set(entry, { bytes: body.length, value })
      parsedBytes += body.length
      for (const [oldest, { bytes }] of parsed) {
        if (parsedBytes <= MAX_PARSED_BYTES) {
          break
        }
        parsed.delete(oldest)
        parsedBytes -= bytes
      }
    }
    return value
  }
  const isPossible =
    !config.localization && !config.graphQL?.disable && typeof payload.extensions !== 'function'

  /** The list this request asks for, as Payload's parameters; undefined: not this way. */
  const listOf = (request: GraphqlRequest) => {
    const { extensions } = request as { extensions?: unknown }
    if (extensions !== undefined && extensions !== null && !isPlainObject(extensions)) {
      // graphql-http refuses it (400): Payload's handler says so.
      return undefined
    }
    const { schema, validationRules } = graphqlSchemaOf(config)
    let document: DocumentNode
    try {
      document = parse(request.query)
    } catch {
      return undefined
    }
    const operationName = request.operationName ?? undefined
    const operation = getOperationAST(document, operationName)
    const [only, ...more] = operation?.selectionSet.selections ?? []
    const queryType = schema.getQueryType()
    if (
      operation?.operation !== 'query' ||
      more.length ||
      only?.kind !== Kind.FIELD ||
      only.directives?.length ||
      !only.selectionSet ||
      !queryType
    ) {
      return undefined
    }
    const collection = lists.get(only.name.value)
    const field = queryType.getFields()[only.name.value]
    if (!collection || !field) {
      return undefined
    }
    const variableValues = request.variables ?? undefined
    const rules = withKnownTypeNames(specifiedRules).concat(
      validationRules({ document, operationName, schema, variableValues } as never),
    )
    if (validate(schema, document, rules).length) {
      return undefined
    }
    const variables = getVariableValues(
      schema,
      operation.variableDefinitions ?? [],
      variableValues ?? {},
    )
    if (variables.errors) {
      return undefined
    }
    let args: Record<string, unknown>
    try {
      args = getArgumentValues(field, only, variables.coerced)
    } catch {
      return undefined
    }
    const { limit, page, sort, where } = args as {
      limit?: unknown
      page?: unknown
      sort?: unknown
      where?: unknown
    }
    if (
      Object.keys(args).some((name) => !LIST_ARGUMENTS.has(name)) ||
      (limit !== undefined &&
        (!isPositiveInteger(limit) || Number(limit) > MAX_PUBLIC_PAGE_SIZE)) ||
      (page !== undefined && !isPositiveInteger(page)) ||
      (sort !== undefined && typeof sort !== 'string')
    ) {
      return undefined
    }
    const fragments = fragmentsOf(document)
    const depth = relationDepthOf(
      schema,
      fragments,
      populates,
      only.selectionSet,
      getNamedType(field.type),
    )
    if (depth === undefined || depth > config.maxDepth) {
      // Payload's REST population stops at maxDepth (ids beyond): its GraphQL reads on.
      return undefined
    }
    return {
      collection,
      depth: Math.max(depth, 1),
      document,
      field: only.name.value,
      limit: limit as number | undefined,
      operationName,
      page: page as number | undefined,
      schema,
      sort: sort ? (sort as string).split(',') : undefined,
      variableValues,
      where: where as undefined | Where,
    }
  }

  return async ({ generation, isListening, req, request, res }) => {
    const mediaType = mediaTypeOf(req.headers.accept)
    const list = isPossible && mediaType && isListening() ? listOf(request) : undefined
    if (!list) {
      return false
    }
    return answerFromKept({
      gate,
      make: async () => {
        // Documents are read as the REST list reads them, so both share what is kept.
        const restReq: PayloadRequest = await createPayloadRequest({
          config: Promise.resolve(config),
          request: new Request(`${origin}${apiRoute}/${list.collection}`, {
            headers: headersOf(req),
          }),
        })
        const found = restReq.user
          ? undefined
          : await keptDocuments.pageOf({ ...list, generation, isListening }, restReq)
        if (!found) {
          return undefined
        }
        shadow ??= shadowSchemaOf(list.schema)
        const result = await execute({
          document: list.document,
          operationName: list.operationName,
          rootValue: { [list.field]: { ...found.figures, docs: found.docs.map(parsedOf) } },
          schema: shadow,
          variableValues: list.variableValues,
        })
        return result.errors?.length
          ? undefined
          : {
              body: Buffer.from(JSON.stringify(result)),
              kept: found.kept,
              total: found.docs.length,
              type: `${mediaType}; charset=utf-8`,
            }
      },
      payload,
      req,
      res,
    })
  }
}
