import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql'

import { isObjectType } from 'graphql'

import { payloadFieldOf } from './graphqlSelections'

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
      const payloadField = payloadFieldOf(field)
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
        // Each stored value takes the next loaded document with its key (a document stored
        // twice is listed twice where it is stored); the unreadable ones stay out.
        const loaded = new Map<string, unknown[]>()
        for (const result of results as unknown[]) {
          const key = keyOf(result)
          loaded.set(key, [...(loaded.get(key) ?? []), result])
        }
        const ordered: unknown[] = []
        stored.forEach((value: Related) => {
          const next = loaded.get(keyOf(value))?.shift()
          if (next !== undefined) {
            ordered.push(next)
          }
        })
        for (const rest of loaded.values()) {
          ordered.push(...rest)
        }
        return ordered
      }
    }
  }
  return schema
}
