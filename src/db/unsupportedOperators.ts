/**
 * Filter operators Payload accepts in a `where` (REST, GraphQL, the Local API) that the
 * PostgreSQL adapter cannot run: `all` (drizzle's operator map has it as a "TODO") and, on
 * anything but a point field, `near`, `within` and `intersects` (point fields are answered before
 * the map is asked). @payloadcms/drizzle 3.90.2 calls `adapter.operators[operator]` regardless,
 * and the TypeError was answered 500 (`/api/modules?where[title][all]=x`). Here each of them is
 * a refusal the client can act on: 400, the operator named, nothing run (the query is built
 * before any statement), in German through src/i18n/payloadMessages.ts.
 */
import type { postgresAdapter } from '@payloadcms/db-postgres'

import { APIError } from 'payload'

type AdapterResult = ReturnType<typeof postgresAdapter>

export const UNSUPPORTED_OPERATORS = ['all', 'intersects', 'near', 'within'] as const

/** The English message (Payload's language for its own refusals); translated for German clients. */
export const unsupportedOperatorMessage = (operator: string) =>
  `The operator "${operator}" cannot be used on this field.`

const refusal = (operator: string) => () => {
  throw new APIError(unsupportedOperatorMessage(operator), 400, null, true)
}

/** The adapter with a 400 for operators it cannot run (module comment). */
export const refusingUnsupportedOperators = (result: AdapterResult): AdapterResult => ({
  ...result,
  init: (args) => {
    const adapter = result.init(args)
    // A copy: the map is the adapter module's own object, shared by every adapter instance.
    adapter.operators = {
      ...adapter.operators,
      ...Object.fromEntries(
        UNSUPPORTED_OPERATORS.filter((operator) => !(operator in adapter.operators)).map(
          (operator) => [operator, refusal(operator)],
        ),
      ),
    }
    return adapter
  },
})
