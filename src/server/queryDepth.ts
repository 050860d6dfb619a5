/**
 * Payload reads the query of every API request with qs at a depth of 10 (createPayloadRequest):
 * brackets after the tenth stay one literal key. A `where` with five and/or groups inside each
 * other (`where[or][0][and][0][or][0][and][0][or][0][title][equals]=x`) reached Payload as the
 * path "[title][equals].0", refused as a field that "can't be queried" (user test), which said
 * neither the limit nor what to do. Such a parameter is refused at the edge with both. The limit
 * stays: four groups inside each other are twice what the widgets use (and inside or) and any
 * filter fits in two (an or of ands); GraphQL takes deeper ones.
 */
import type { LocalizedText } from '../i18n/localize'

/** Payload's qs depth: the brackets of one query parameter it reads. */
export const MAX_QUERY_DEPTH = 10

/** The brackets of a parameter's name, as qs counts them (`where[or][0]` has 2). */
const depthOf = (name: string) => name.match(/\[[^[\]]*\]/g)?.length ?? 0

/** Why a query parameter is too deep for Payload, or undefined. */
export const queryDepthProblem = (name: string): LocalizedText | undefined => {
  const depth = depthOf(name)
  if (depth <= MAX_QUERY_DEPTH) {
    return undefined
  }
  const shown = name.length > 120 ? `${name.slice(0, 120)}…` : name
  const isFilter = name.startsWith('where[')
  return {
    de: `Der Parameter „${shown}“ ist zu tief verschachtelt: ${depth} Klammerpaare, höchstens ${MAX_QUERY_DEPTH} sind möglich.${
      isFilter
        ? ' Das sind bis zu vier and/or-Gruppen ineinander (where[or][0][and][0][or][0][and][0][title][equals]=…). Schreiben Sie den Filter flacher: Bedingungen nebeneinander gelten zusammen (where[a][equals]=1&where[b][equals]=2), Gruppen gleicher Art lassen sich zusammenfassen, und jeder Filter lässt sich als „oder“ von „und“-Gruppen schreiben (where[or][0][and][0][a][equals]=1&where[or][0][and][1][b][equals]=2&where[or][1][c][equals]=3). Tiefer verschachtelte Filter nimmt GraphQL an (POST /api/graphql).'
        : ''
    }`,
    en: `The parameter "${shown}" is nested too deeply: ${depth} pairs of brackets, at most ${MAX_QUERY_DEPTH} are possible.${
      isFilter
        ? ' That is up to four and/or groups inside each other (where[or][0][and][0][or][0][and][0][title][equals]=…). Write the filter flatter: conditions side by side apply together (where[a][equals]=1&where[b][equals]=2), groups of the same kind can be merged, and every filter can be written as an or of and groups (where[or][0][and][0][a][equals]=1&where[or][0][and][1][b][equals]=2&where[or][1][c][equals]=3). GraphQL takes deeper filters (POST /api/graphql).'
        : ''
    }`,
  }
}
