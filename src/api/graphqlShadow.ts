import type { GraphQLFieldConfigMap, GraphQLFieldResolver } from 'graphql'

import {
  getNamedType,
  GraphQLError,
  type GraphQLField,
  GraphQLInterfaceType,
  GraphQLList,
  type GraphQLNamedType,
  GraphQLNonNull,
  GraphQLObjectType,
  type GraphQLOutputType,
  GraphQLSchema,
  GraphQLUnionType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
} from 'graphql'

import { payloadFieldOf } from './graphqlSelections'

type Parent = Record<string, unknown>

/** A resolver meeting a value it can't answer as Payload's resolver would: Payload answers. */
export class NotFromDocuments extends GraphQLError {
  constructor() {
    super('Not answerable from the documents as read.')
  }
}

const isDocument = (value: unknown): value is Parent =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A rich text value with a node Payload's GraphQL would populate anew (upload, link, relation). */
const hasRelatedNode = (value: unknown): boolean => {
  if (Array.isArray(value)) {
    return value.some(hasRelatedNode)
  }
  if (!isDocument(value)) {
    return false
  }
  for (const key in value) {
    if (key === 'relationTo' || (key === 'type' && /block/i.test(String(value[key])))) {
      return true
    }
    const child = value[key]
    if (typeof child === 'object' && child !== null && hasRelatedNode(child)) {
      return true
    }
  }
  return false
}

const notFromDocuments = (): never => {
  throw new NotFromDocuments()
}

/**
 * A document's field as Payload's GraphQL resolver would answer it, from the document as its REST
 * API reads it (relationships populated to the depth the query needs); NotFromDocuments where
 * that can't be told (a relationship not populated, a rich text node Payload populates anew, a
 * join, a resolver this doesn't know).
 */
const resolverOf = (
  field: GraphQLField<unknown, unknown>,
): GraphQLFieldResolver<Parent, unknown, Record<string, unknown>> | undefined => {
  if (!field.resolve) {
    return undefined
  }
  const payloadField = payloadFieldOf(field)
  const name = payloadField?.name ?? field.name
  switch (payloadField?.type) {
    case 'join':
      return notFromDocuments
    case 'relationship':
    case 'upload': {
      if (Array.isArray(payloadField.relationTo)) {
        return notFromDocuments
      }
      return (parent, args) => {
        if (Object.keys(args).length) {
          return notFromDocuments()
        }
        const value = parent[name]
        if (payloadField.hasMany) {
          if (value === null || value === undefined) {
            return []
          }
          return Array.isArray(value) && value.every(isDocument) ? value : notFromDocuments()
        }
        if (value === null || value === undefined) {
          return null
        }
        return isDocument(value) ? value : notFromDocuments()
      }
    }
    case 'richText':
      return (parent, args) => {
        const value = parent[name]
        return args.depth !== undefined || hasRelatedNode(value) ? notFromDocuments() : value
      }
    case 'group':
    case undefined:
      // A group's or a named tab's fields (Payload's resolver adds the parent's id for joins).
      return (parent) => ({ ...(parent[name] as Parent | undefined), _id: parent._id ?? parent.id })
    default:
      // A field whose GraphQL name differs from its name.
      return (parent) => parent[name]
  }
}

/**
 * Payload's GraphQL schema without its resolvers: the same types, scalars and enums (so values
 * are written alike), answering from documents already read (graphqlFromDocuments.ts). Its query
 * fields read the root value; it has no mutations.
 */
export const shadowSchemaOf = (schema: GraphQLSchema): GraphQLSchema => {
  const shadows = new Map<string, GraphQLNamedType>()
  const queryType = schema.getQueryType()

  const shadowOf = <T extends GraphQLNamedType>(type: T): T => {
    if (!isObjectType(type) && !isInterfaceType(type) && !isUnionType(type)) {
      return type
    }
    const known = shadows.get(type.name)
    if (known) {
      return known as T
    }
    const fields = (): GraphQLFieldConfigMap<Parent, unknown> => {
      const config: GraphQLFieldConfigMap<Parent, unknown> = {}
      for (const field of Object.values(
        (type as GraphQLInterfaceType | GraphQLObjectType).getFields(),
      )) {
        config[field.name] = {
          args: Object.fromEntries(
            field.args.map((arg) => [arg.name, { defaultValue: arg.defaultValue, type: arg.type }]),
          ),
          resolve: type === queryType ? undefined : resolverOf(field),
          type: wrappedOf(field.type),
        }
      }
      return config
    }
    let shadow: GraphQLNamedType
    if (isObjectType(type)) {
      shadow = new GraphQLObjectType({
        fields,
        interfaces: () => type.getInterfaces().map(shadowOf),
        name: type.name,
      })
    } else if (isInterfaceType(type)) {
      shadow = new GraphQLInterfaceType({
        fields,
        interfaces: () => type.getInterfaces().map(shadowOf),
        name: type.name,
        resolveType: type.resolveType,
      })
    } else {
      shadow = new GraphQLUnionType({
        name: type.name,
        resolveType: (type as GraphQLUnionType).resolveType,
        types: () => (type as GraphQLUnionType).getTypes().map(shadowOf),
      })
    }
    shadows.set(type.name, shadow)
    return shadow as T
  }
  const wrappedOf = (type: GraphQLOutputType): GraphQLOutputType => {
    if (isNonNullType(type)) {
      return new GraphQLNonNull(wrappedOf(type.ofType))
    }
    if (isListType(type)) {
      return new GraphQLList(wrappedOf(type.ofType))
    }
    return shadowOf(getNamedType(type))
  }

  const mutationType = schema.getMutationType()
  return new GraphQLSchema({
    query: queryType ? shadowOf(queryType) : null,
    types: Object.values(schema.getTypeMap())
      .filter((type) => !type.name.startsWith('__') && type !== mutationType)
      .map(shadowOf),
  })
}
