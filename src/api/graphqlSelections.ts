/**
 * Reading a GraphQL selection against Payload's schema: the fields it asks (through its
 * fragments) and the Payload field behind each (Payload keeps it in the field's `extensions`).
 * Used by the HTTP cache to know what an answer shows (httpCache/graphql.ts) and which documents
 * an answer needs (httpCache/keptGraphql.ts).
 */
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  isInterfaceType,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from 'graphql'

export type Fragments = Record<string, FragmentDefinitionNode>

/** What Payload keeps of a field in its GraphQL field's `extensions` (fieldToSchemaMap). */
export type PayloadField = {
  collection?: string | string[]
  hasMany?: boolean
  maxDepth?: number
  name?: string
  relationTo?: string | string[]
  type?: string
}

export const payloadFieldOf = (field: GraphQLField<unknown, unknown>): PayloadField | undefined =>
  (field.extensions as { field?: PayloadField } | undefined)?.field

export const fragmentsOf = (document: DocumentNode): Fragments => {
  const fragments: Fragments = {}
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments[definition.name.value] = definition
    }
  }
  return fragments
}

/** The fields a selection asks of `type`, through its fragments (each of the type it names). */
export const fieldsAsked = (
  schema: GraphQLSchema,
  fragments: Fragments,
  set: SelectionSetNode,
  type: GraphQLNamedType | undefined,
  seen: Set<string> = new Set(),
): { field: GraphQLField<unknown, unknown> | undefined; node: FieldNode }[] =>
  set.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) {
      const fields = isObjectType(type) || isInterfaceType(type) ? type.getFields() : {}
      return [{ field: fields[selection.name.value], node: selection }]
    }
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      // A fragment spread within itself is refused by validation; don't loop on one anyway.
      if (seen.has(selection.name.value)) {
        return []
      }
      seen = new Set(seen).add(selection.name.value)
    }
    const fragment =
      selection.kind === Kind.FRAGMENT_SPREAD ? fragments[selection.name.value] : selection
    if (!fragment) {
      return []
    }
    const condition = fragment.typeCondition
      ? (schema.getType(fragment.typeCondition.name.value) ?? undefined)
      : type
    return fieldsAsked(schema, fragments, fragment.selectionSet, condition, seen)
  })
