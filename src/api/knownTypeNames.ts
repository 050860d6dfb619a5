import type {
  ASTVisitFn,
  ASTVisitor,
  NamedTypeNode,
  ValidationContext,
  ValidationRule,
} from 'graphql'

import { KnownTypeNamesRule } from 'graphql'

type NamedTypeVisitor = ASTVisitFn<NamedTypeNode>

/**
 * graphql-js's `KnownTypeNamesRule` with the same answers, cheaper for documents without an
 * unknown type. The original lists every type name of the schema for its "Did you mean …?"
 * suggestions whenever it validates a document, before it meets a name at all: Payload's
 * schema has thousands of types (a filter, sort and input type per field), and that list cost
 * about 1 ms of every GraphQL request, half of its validation (bench/optimisations.md). Here
 * a name the schema knows passes at once; for any other the original rule is made and decides
 * (its message, suggestions and SDL exceptions unchanged).
 */
export const knownTypeNames: ValidationRule = (context: ValidationContext): ASTVisitor => {
  const types = context.getSchema()?.getTypeMap()
  let original: NamedTypeVisitor | undefined
  return {
    NamedType(...args) {
      const [node] = args
      if (types && Object.hasOwn(types, node.name.value)) {
        return undefined
      }
      original ??= (KnownTypeNamesRule(context) as { NamedType: NamedTypeVisitor }).NamedType
      return original(...args)
    },
  }
}

/** The rules graphql-http validates with, `KnownTypeNamesRule` replaced by `knownTypeNames`. */
export const withKnownTypeNames = (rules: readonly ValidationRule[]): ValidationRule[] =>
  rules.map((rule) => (rule === KnownTypeNamesRule ? knownTypeNames : rule))
