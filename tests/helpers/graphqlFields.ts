/**
 * Queries asking Payload's GraphQL schema for everything: every field of a type a query can ask
 * without arguments, the collections' list queries, the document type of a list.
 */
import {
  getNamedType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  isInterfaceType,
  isLeafType,
  isNonNullType,
  isObjectType,
  isUnionType,
} from 'graphql'

type PayloadField = { name?: string; relationTo?: string | string[]; type?: string }

const payloadFieldOf = (field: GraphQLField<unknown, unknown>) =>
  (field.extensions as { field?: PayloadField } | undefined)?.field

type Options = {
  /** A related document is asked only for these of its collection's fields (`defaultPopulate`). */
  populateOf?: (collection: string) => Record<string, unknown> | undefined
  /** Ask the joins too (default). */
  withJoins?: boolean
}

/** Every field of a type a query can ask without arguments, relationships `depth` levels deep. */
export const everyField = (
  type: GraphQLNamedType,
  depth: number,
  options: Options = {},
  shown?: Record<string, unknown>,
): string | undefined => {
  const { populateOf, withJoins = true } = options
  if (isUnionType(type)) {
    const members = type
      .getTypes()
      .map((member) => {
        const fields = everyField(member, depth, options, shown)
        return fields ? `... on ${member.name} { ${fields} }` : undefined
      })
      .filter(Boolean)
    return members.length ? `__typename ${members.join(' ')}` : undefined
  }
  if (!isObjectType(type) && !isInterfaceType(type)) {
    return undefined
  }
  const fields = Object.values(type.getFields() as Record<string, GraphQLField<unknown, unknown>>)
    .filter((field) => !field.args.some((arg) => isNonNullType(arg.type)))
    .filter((field) => withJoins || payloadFieldOf(field)?.type !== 'join')
    .filter(
      (field) =>
        !shown || field.name === 'id' || shown[payloadFieldOf(field)?.name ?? field.name] === true,
    )
    .map((field) => {
      const named = getNamedType(field.type)
      if (isLeafType(named)) {
        return field.name
      }
      if (depth === 0) {
        return undefined
      }
      const payloadField = payloadFieldOf(field)
      const isRelation = payloadField?.type === 'relationship' || payloadField?.type === 'upload'
      const relatedShown =
        isRelation && populateOf && typeof payloadField.relationTo === 'string'
          ? populateOf(payloadField.relationTo)
          : undefined
      const inner = everyField(named, depth - 1, options, isRelation ? relatedShown : undefined)
      return inner ? `${field.name} { ${inner} }` : undefined
    })
    .filter(Boolean)
  return fields.length ? fields.join(' ') : undefined
}

/** The collections' list queries (`Modules`, `Projects`, …), not their versions. */
export const listQueries = (query: GraphQLObjectType) =>
  Object.values(query.getFields()).filter((field) => {
    const type = getNamedType(field.type)
    return (
      field.args.some((arg) => arg.name === 'select') &&
      !field.name.startsWith('versions') &&
      isObjectType(type) &&
      'docs' in type.getFields()
    )
  })

/** The document type of a list query. */
export const docsOf = (field: GraphQLField<unknown, unknown>) =>
  getNamedType(
    (getNamedType(field.type) as GraphQLObjectType).getFields().docs!.type,
  ) as GraphQLObjectType
