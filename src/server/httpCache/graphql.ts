/**
 * GraphQL reads for the HTTP cache. Member sites may ask with
 *
 * - `GET /api/graphql?query=…&variables=…&operationName=…` (GraphQL over HTTP; queries only):
 *   cacheable by browsers and CDNs like a REST read (ETag, 304), or
 * - `POST /api/graphql` with a JSON body, as GraphQL clients do by default: kept in the
 *   server's memory under a hash of the normalised request (the query without insignificant
 *   characters, the operation's name, the variables with sorted keys), never by HTTP caches.
 *
 * Either way only a visitor's query is cached (no `Authorization`, no Payload cookie; never a
 * mutation), and only an answer without errors. Payload still runs every request the cache
 * can't answer, with its depth and complexity limits; a GET's document passes the same checks
 * at the edge as a POST's body (graphqlDocument.ts). Payload's route takes POST only, so a GET
 * is handed to it as the equivalent POST.
 *
 * What an answer depends on: the collections of its top-level fields (`Modules` lists modules,
 * `Module` reads one), and every document in it with an `id`, collection unknown. A top-level
 * field that belongs to no collection depends on everything.
 */
import type { Request } from 'express'
import type { Payload } from 'payload'

import crypto from 'node:crypto'
import { IncomingMessage } from 'node:http'

import {
  type DocumentNode,
  getNamedType,
  type GraphQLNamedType,
  isInterfaceType,
  isUnionType,
  Kind,
  type OperationDefinitionNode,
  parse,
  type SelectionSetNode,
  stripIgnoredCharacters,
} from 'graphql'
import { formatNames, toWords } from 'payload'

import type { LocalizedText } from '../../i18n/localize'

import { fieldsAsked, fragmentsOf, payloadFieldOf } from '../../api/graphqlSelections'
import { graphqlSchemaOf } from '../graphqlApi'
import { graphqlBodyProblem, MAX_TOKENS } from '../graphqlDocument'
import { type Contents, emptyContents } from './dependencies'

export type GraphqlRequest = {
  operationName?: null | string
  query: string
  variables?: null | Record<string, unknown>
}

/** What a GraphQL request is, read once per distinct request text. */
type Operation = {
  /** Collections some of whose documents it shows without their `id` (see `shownWithoutIds`). */
  collections?: Set<string>
  /** Collections whose lists the top-level fields and joins read; undefined: not known (everything). */
  lists: Set<string> | undefined
  /** `query`, `mutation`, `subscription`, or undefined when the operation can't be found. */
  type: string | undefined
}

/** Deeper than Payload's depth limit lets any query reach (a guard for the walk). */
const MAX_WALK_DEPTH = 64

/** Distinct request texts whose reading is remembered (a member site sends a handful). */
const MAX_REMEMBERED = 500

/** A request body, as Payload will read it: the same bytes, POSTed as JSON. */
export const graphqlReplay = (req: IncomingMessage, body: Buffer, url: string): IncomingMessage => {
  const replay = new IncomingMessage(req.socket)
  replay.method = 'POST'
  replay.url = url
  const headers: IncomingMessage['headers'] = {
    ...req.headers,
    'content-length': String(body.length),
    'content-type': 'application/json',
  }
  delete headers['transfer-encoding']
  replay.headers = headers
  replay.rawHeaders = Object.entries(headers).flatMap(([name, value]) =>
    Array.isArray(value) ? value.flatMap((item) => [name, item]) : [name, String(value)],
  )
  replay.httpVersion = req.httpVersion
  replay.httpVersionMajor = req.httpVersionMajor
  replay.httpVersionMinor = req.httpVersionMinor
  replay.complete = true
  replay.push(body)
  replay.push(null)
  return replay
}

/** Reads a body that is already buffered (a replay of apiInput.ts). */
export const readAll = async (stream: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = []
  for await (const chunk of stream) {
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string))
  }
  return Buffer.concat(chunks)
}

/** JSON with sorted keys: equal variables give equal text. */
const stableJson = (value: unknown): string => {
  if (Array.isArray(value)) {
    return `[${value.map(stableJson).join(',')}]`
  }
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/** The GET request's parameters, or why they can't be run. */
export const graphqlGetRequest = (
  req: Request,
): { problem: LocalizedText } | { request: GraphqlRequest } => {
  const index = req.originalUrl.indexOf('?')
  const params = new URLSearchParams(index < 0 ? '' : req.originalUrl.slice(index + 1))
  const query = params.get('query')
  if (!query) {
    return {
      problem: {
        de: 'Eine GraphQL-Abfrage per GET braucht die Abfrage im Parameter „query“ (Änderungen per POST).',
        en: 'A GraphQL query by GET needs the query in the "query" parameter (mutations by POST).',
      },
    }
  }
  let variables: unknown = undefined
  const variablesText = params.get('variables')
  if (variablesText) {
    try {
      variables = JSON.parse(variablesText)
    } catch {
      return {
        problem: {
          de: 'Der Parameter „variables“ ist kein gültiges JSON.',
          en: 'The "variables" parameter is not valid JSON.',
        },
      }
    }
  }
  const request = { operationName: params.get('operationName') ?? undefined, query, variables }
  const problem = graphqlBodyProblem(request)
  return problem ? { problem } : { request: request as GraphqlRequest }
}

const DATA_START = Buffer.from('{"data":')
const ID_KEY = '"id":'
const ERRORS_KEY = '"errors":'
const BACKSLASH = 0x5c
const QUOTE = 0x22

/** Whether the key at `index` (its opening quote) is a key: after `{` or `,`, never in a string. */
const isKeyAt = (body: Buffer, index: number) =>
  body[index - 1] === 0x7b || body[index - 1] === 0x2c

/** Digits, sign, point and exponent: what a JSON number is written with. */
const isNumberByte = (byte: number) =>
  (byte >= 0x30 && byte <= 0x39) ||
  byte === 0x2d ||
  byte === 0x2b ||
  byte === 0x2e ||
  byte === 0x65 ||
  byte === 0x45

/** Whether `"name":` occurs as a key anywhere in `body`. */
const hasKey = (body: Buffer, key: string) => {
  for (let index = body.indexOf(key); index >= 0; index = body.indexOf(key, index + 1)) {
    if (isKeyAt(body, index)) {
      return true
    }
  }
  return false
}

/**
 * The ids of every object in an answer as graphql-http writes it without errors
 * (`JSON.stringify`: `{"data":…}`, no spaces), read from its bytes without parsing 170 KB of
 * JSON (≈ 2 ms per answer, bench/optimisations.md): `{"id":` or `,"id":` occurs only as a key,
 * since a quote inside a string is always escaped. The same ids as walking the parsed answer
 * (tests/int/graphqlCache), numbers written as `String(number)`. Undefined for anything else
 * (errors, another layout, an id with escapes): then the answer is parsed.
 */
export const idsOfWrittenAnswer = (body: Buffer): Set<string> | undefined => {
  if (!body.subarray(0, DATA_START.length).equals(DATA_START) || hasKey(body, ERRORS_KEY)) {
    return undefined
  }
  const ids = new Set<string>()
  for (let index = body.indexOf(ID_KEY); index >= 0; index = body.indexOf(ID_KEY, index + 1)) {
    if (!isKeyAt(body, index)) {
      continue
    }
    const start = index + ID_KEY.length
    if (body[start] === QUOTE) {
      const end = body.indexOf(QUOTE, start + 1)
      if (end < 0 || body.subarray(start + 1, end).includes(BACKSLASH)) {
        return undefined
      }
      ids.add(body.toString('utf8', start + 1, end))
      continue
    }
    let end = start
    // A number (null, booleans, objects and arrays are no id).
    while (end < body.length && isNumberByte(body[end]!)) {
      end++
    }
    if (end > start) {
      const id = Number(body.toString('latin1', start, end))
      if (Number.isNaN(id)) {
        return undefined
      }
      ids.add(String(id))
    }
  }
  return ids
}

/** A collection's names in Payload's GraphQL schema (@payloadcms/graphql initCollections). */
export const graphqlNamesOf = (
  collection: Payload['config']['collections'][number],
): undefined | { plural: string; singular: string } => {
  const graphQL = collection.graphQL
  if (graphQL === false) {
    return undefined
  }
  const fromSlug = formatNames(collection.slug)
  const singular = graphQL?.singularName ? toWords(graphQL.singularName, true) : fromSlug.singular
  const plural = graphQL?.pluralName ? toWords(graphQL.pluralName, true) : fromSlug.plural
  return { plural: singular === plural ? `all${singular}` : plural, singular }
}

export const graphqlReads = (payload: Payload) => {
  // Payload's names of the top-level fields.
  const fields = new Map<string, { collection: string; isList: boolean }>()
  // A collection's document type is named as its single-document query.
  const collectionOfType = new Map<string, string>()
  for (const collection of payload.config.collections) {
    const names = graphqlNamesOf(collection)
    if (!names) {
      continue
    }
    const { plural, singular } = names
    const slug = collection.slug
    collectionOfType.set(singular, slug)
    fields.set(singular, { collection: slug, isList: false })
    for (const name of [plural, `count${plural}`, `versions${plural}`]) {
      fields.set(name, { collection: slug, isList: true })
    }
    for (const name of [`docAccess${singular}`, `version${singular}`]) {
      fields.set(name, { collection: slug, isList: true })
    }
  }

  const topLevelFields = (document: DocumentNode, set: SelectionSetNode, names: Set<string>) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        names.add(selection.name.value)
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        topLevelFields(document, selection.selectionSet, names)
      } else {
        const fragment = document.definitions.find(
          (definition) =>
            definition.kind === Kind.FRAGMENT_DEFINITION &&
            definition.name.value === selection.name.value,
        )
        if (fragment && fragment.kind === Kind.FRAGMENT_DEFINITION) {
          topLevelFields(document, fragment.selectionSet, names)
        }
      }
    }
  }

  /**
   * What an answer shows that its ids don't tell: the collections of documents it shows
   * without asking their `id` (`Events { docs { title seatsTaken } }`: a registration changes
   * a document it can't name), and those whose lists its joins show. Undefined when the
   * selection can't be read against the schema.
   */
  const shownWithoutIds = (
    document: DocumentNode,
    operation: OperationDefinitionNode,
  ): undefined | { collections: Set<string>; lists: Set<string> } => {
    const { schema } = graphqlSchemaOf(payload.config)
    const root = schema.getQueryType()
    if (!root || operation.operation !== 'query') {
      return undefined
    }
    const fragments = fragmentsOf(document)
    const collections = new Set<string>()
    const lists = new Set<string>()
    const walk = (set: SelectionSetNode, type: GraphQLNamedType | undefined, depth: number) => {
      if (depth > MAX_WALK_DEPTH) {
        throw new Error('deeper than any valid query')
      }
      if (isUnionType(type) || isInterfaceType(type)) {
        // Documents of any collection it may hold (a relationship to several collections).
        for (const member of schema.getPossibleTypes(type)) {
          const collection = collectionOfType.get(member.name)
          if (collection) {
            collections.add(collection)
          }
        }
      }
      const asked = fieldsAsked(schema, fragments, set, type)
      const collection = type && collectionOfType.get(type.name)
      if (collection && !asked.some(({ node }) => node.name.value === 'id')) {
        collections.add(collection)
      }
      for (const { field, node } of asked) {
        if (!field || !node.selectionSet) {
          continue
        }
        const payloadField = payloadFieldOf(field)
        if (payloadField?.type === 'join') {
          ;[payloadField.collection ?? []].flat().forEach((joined) => lists.add(joined))
        }
        walk(node.selectionSet, getNamedType(field.type), depth + 1)
      }
    }
    try {
      walk(operation.selectionSet, root, 0)
    } catch {
      return undefined
    }
    return { collections, lists }
  }

  const read = (request: GraphqlRequest): Operation => {
    let document: DocumentNode
    try {
      document = parse(request.query, { maxTokens: MAX_TOKENS })
    } catch {
      return { lists: undefined, type: undefined }
    }
    const operations = document.definitions.filter(
      (definition): definition is OperationDefinitionNode =>
        definition.kind === Kind.OPERATION_DEFINITION,
    )
    const operation = request.operationName
      ? operations.find((candidate) => candidate.name?.value === request.operationName)
      : operations.length === 1
        ? operations[0]
        : undefined
    if (!operation) {
      return { lists: undefined, type: undefined }
    }
    const names = new Set<string>()
    topLevelFields(document, operation.selectionSet, names)
    let lists: Set<string> | undefined = new Set()
    for (const name of names) {
      if (name.startsWith('__')) {
        continue
      }
      const field = fields.get(name)
      if (!field) {
        lists = undefined
        break
      }
      if (field.isList) {
        lists.add(field.collection)
      }
    }
    if (!lists) {
      return { lists, type: operation.operation }
    }
    const shown = shownWithoutIds(document, operation)
    if (!shown) {
      return { lists: undefined, type: operation.operation }
    }
    shown.lists.forEach((collection) => lists.add(collection))
    return { collections: shown.collections, lists, type: operation.operation }
  }

  const remembered = new Map<string, Operation & { key: string }>()

  /**
   * The request's operation and cache key (a hash of the normalised request), remembered per
   * distinct request text.
   */
  const describe = (request: GraphqlRequest): Operation & { key: string } => {
    const text = `${request.operationName ?? ''}\n${stableJson(request.variables ?? {})}\n${request.query}`
    const known = remembered.get(text)
    if (known) {
      return known
    }
    const operation = read(request)
    let normalised = request.query
    try {
      normalised = stripIgnoredCharacters(request.query)
    } catch {
      // Not a valid document: Payload answers it (with errors, which are never kept).
    }
    const key = crypto
      .createHash('sha256')
      .update(
        `${request.operationName ?? ''}\n${stableJson(request.variables ?? {})}\n${normalised}`,
      )
      .digest('base64url')
    const described = { ...operation, key }
    if (remembered.size >= MAX_REMEMBERED) {
      remembered.delete(remembered.keys().next().value!)
    }
    remembered.set(text, described)
    return described
  }

  /** What an answer to `operation` depends on; undefined when it must not be kept (errors). */
  const contentsOf = (operation: Operation, body: Buffer): Contents | undefined => {
    const contents = emptyContents()
    if (operation.lists) {
      operation.lists.forEach((collection) => contents.lists.add(collection))
      operation.collections?.forEach((collection) => contents.collections.add(collection))
    } else {
      contents.isEverything = true
    }
    const ids = idsOfWrittenAnswer(body)
    if (ids) {
      ids.forEach((id) => contents.looseIds.add(id))
      return contents
    }
    let answer: unknown
    try {
      answer = JSON.parse(body.toString('utf8'))
    } catch {
      return undefined
    }
    if (!answer || typeof answer !== 'object' || 'errors' in answer || !('data' in answer)) {
      return undefined
    }
    const stack: unknown[] = [answer.data]
    while (stack.length) {
      const value = stack.pop()
      if (Array.isArray(value)) {
        stack.push(...value)
      } else if (value && typeof value === 'object') {
        const id = (value as { id?: unknown }).id
        if (typeof id === 'number' || typeof id === 'string') {
          contents.looseIds.add(String(id))
        }
        stack.push(...Object.values(value))
      }
    }
    return contents
  }

  return { contentsOf, describe }
}
