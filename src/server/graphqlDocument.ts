/**
 * What a GraphQL request must be before Payload sees it. Payload validates a document with its
 * complexity rule beside the standard rules in one pass, and that rule follows fragment spreads
 * without a guard: fragments that spread each other overflow the stack (a 500). So the document
 * is parsed and checked for fragment cycles and excessive nesting here, before anything runs.
 */
import type { LocalizedText } from '../i18n/localize'

import {
  buildSchema,
  GraphQLError,
  Kind,
  NoFragmentCyclesRule,
  parse,
  type DocumentNode,
  type SelectionSetNode,
  validate,
} from 'graphql'

/** Deeper selections than any member site needs (depth is capped at 3 relations anyway). */
export const MAX_SELECTION_DEPTH = 25
/** A bound on the work of parsing; Payload's own documents stay far below it. */
export const MAX_TOKENS = 20_000

/** NoFragmentCyclesRule reads only the document, so any schema will do. */
const schemaForDocumentRules = buildSchema('type Query { ok: Boolean }')

const deepestSelection = (document: DocumentNode): number => {
  let deepest = 0
  const stack: { depth: number; set: SelectionSetNode }[] = []
  for (const definition of document.definitions) {
    if ('selectionSet' in definition && definition.selectionSet) {
      stack.push({ depth: 1, set: definition.selectionSet })
    }
  }
  while (stack.length) {
    const { depth, set } = stack.pop()!
    deepest = Math.max(deepest, depth)
    for (const selection of set.selections) {
      if (selection.kind !== Kind.FRAGMENT_SPREAD && selection.selectionSet) {
        stack.push({ depth: depth + 1, set: selection.selectionSet })
      }
    }
  }
  return deepest
}

const where = (error: GraphQLError): string => {
  const location = error.locations?.[0]
  return location ? ` (Zeile ${location.line}, Spalte ${location.column})` : ''
}

const whereEn = (error: GraphQLError): string => {
  const location = error.locations?.[0]
  return location ? ` (line ${location.line}, column ${location.column})` : ''
}

/** The reason a GraphQL request body can't be run, or undefined when Payload may take it. */
export const graphqlBodyProblem = (body: unknown): LocalizedText | undefined => {
  const request = body as { operationName?: unknown; query?: unknown; variables?: unknown } | null
  if (
    !request ||
    typeof request !== 'object' ||
    Array.isArray(request) ||
    typeof request.query !== 'string'
  ) {
    return {
      de: 'Eine GraphQL-Anfrage ist ein JSON-Objekt mit der Abfrage als Text im Feld „query“.',
      en: 'A GraphQL request is a JSON object with the query as text in "query".',
    }
  }
  if (
    request.variables !== undefined &&
    request.variables !== null &&
    (typeof request.variables !== 'object' || Array.isArray(request.variables))
  ) {
    return {
      de: 'Das Feld „variables“ muss ein JSON-Objekt sein.',
      en: '"variables" must be a JSON object.',
    }
  }
  if (
    request.operationName !== undefined &&
    request.operationName !== null &&
    typeof request.operationName !== 'string'
  ) {
    return {
      de: 'Das Feld „operationName“ muss ein Text sein.',
      en: '"operationName" must be text.',
    }
  }
  let document: DocumentNode
  try {
    document = parse(request.query, { maxTokens: MAX_TOKENS })
  } catch (err) {
    // graphql-js says "Document contains more that 20000 tokens" (sic) as a syntax error.
    if (err instanceof GraphQLError && /contains more th(?:an|at) \d+ tokens/i.test(err.message)) {
      return {
        de: `Die GraphQL-Abfrage ist zu lang (höchstens ${MAX_TOKENS.toLocaleString('de-DE')} Bestandteile).`,
        en: `The GraphQL query is too long (at most ${MAX_TOKENS.toLocaleString('en-GB')} tokens).`,
      }
    }
    if (err instanceof GraphQLError) {
      return {
        de: `Die GraphQL-Abfrage ist syntaktisch fehlerhaft${where(err)}.`,
        en: `The GraphQL query has a syntax error${whereEn(err)}: ${err.message}`,
      }
    }
    // A RangeError: nesting too deep for the parser.
    return {
      de: 'Die GraphQL-Abfrage ist zu tief verschachtelt.',
      en: 'The GraphQL query is nested too deeply.',
    }
  }
  if (deepestSelection(document) > MAX_SELECTION_DEPTH) {
    return {
      de: `Die GraphQL-Abfrage ist zu tief verschachtelt (höchstens ${MAX_SELECTION_DEPTH} Ebenen).`,
      en: `The GraphQL query is nested too deeply (at most ${MAX_SELECTION_DEPTH} levels).`,
    }
  }
  const [cycle] = validate(schemaForDocumentRules, document, [NoFragmentCyclesRule])
  if (cycle) {
    return {
      de: `Die GraphQL-Abfrage enthält Fragmente, die sich gegenseitig einbinden${where(cycle)}; das kann nicht ausgeführt werden.`,
      en: `${cycle.message} The query can't be run.`,
    }
  }
  return undefined
}
