import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql'

import { isObjectType } from 'graphql'

type PayloadField = {
  hasMany?: boolean
  name?: string
  relationTo?: string | string[]
  type?: string
}

type Related = { id?: unknown } | number | string

const idOf = (value: unknown): unknown =>
  value && typeof value === 'object' ? (value as { id?: unknown }).id : value

/**
 * A relationship to several documents lists them in GraphQL in the order they are stored, as
 * REST and the admin do. Payload's resolver pushes each related document when its load
 * finishes, so a document another one of the page had already loaded came first ("Wohnen" before
 * "Soziale Netze" where the editor put them the other way round).
 */
export const withStoredRelationOrder = (schema: GraphQLSchema): GraphQLSchema => {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) {
      continue
    }
    for (const field of Object.values(type.getFields())) {
      const payloadField = (field.extensions as { field?: PayloadField } | undefined)?.field
      const resolve = field.resolve as GraphQLFieldResolver<Record<string, unknown>, unknown>
      const isRelation = payloadField?.type === 'relationship' || payloadField?.type === 'upload'
      const isPolymorphic = Array.isArray(payloadField?.relationTo)
      if (
        !resolve ||
        !payloadField?.name ||
        !isRelation ||
        !(payloadField.hasMany || isPolymorphic)
      ) {
        continue
      }
      const name = payloadField.name
      const keyOf = isPolymorphic
        ? (value: unknown) => {
            const { relationTo, value: related } = (value ?? {}) as {
              relationTo?: unknown
              value?: unknown
            }
            return `${String(relationTo)}:${String(idOf(related))}`
          }
        : (value: unknown) => String(idOf(value))
      field.resolve = async (parent, args, context, info) => {
        const results = await resolve(parent, args, context, info)
        const stored = parent?.[name]
        if (!Array.isArray(results) || results.length < 2 || !Array.isArray(stored)) {
          return results
        }
        const position = new Map<string, number>()
        stored.forEach((value: Related, index) => {
          const key = keyOf(value)
          if (!position.has(key)) {
            position.set(key, index)
          }
        })
        const at = (value: unknown) => position.get(keyOf(value)) ?? stored.length
        return [...(results as unknown[])].sort((a, b) => at(a) - at(b))
      }
    }
  }
  return schema
}
