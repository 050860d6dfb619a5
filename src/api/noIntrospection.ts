import type { ASTVisitor, ValidationContext } from 'graphql'

import { GraphQLError } from 'graphql'

/**
 * GraphQL introspection (`__schema`, `__type`) is refused everywhere but in development. Payload's
 * own rule (`disableIntrospectionInProduction`) asks `NODE_ENV === 'production'` at run time,
 * which a server started by the tests or with another NODE_ENV doesn't say; the message is
 * Payload's, so clients get it in their language (src/i18n/payloadMessages.ts).
 */
export const noIntrospectionOutsideDevelopment = (context: ValidationContext): ASTVisitor => ({
  Field(node) {
    if (process.env.NODE_ENV === 'development') {
      return
    }
    if (node.name.value === '__schema' || node.name.value === '__type') {
      context.reportError(
        new GraphQLError(
          'GraphQL introspection is not allowed, but the query contained __schema or __type',
          { nodes: [node] },
        ),
      )
    }
  },
})
