import type { CollectionSlug, FlattenedField, Payload } from 'payload'

export type RelationsOnPath = {
  /** Collections whose fields the path reads through a relationship (`organisation.title`). */
  through: CollectionSlug[]
  /** Collections the last field of the path points to (`contacts`). */
  at: CollectionSlug[]
}

const targetsOf = (field: FlattenedField): CollectionSlug[] | undefined => {
  if (field.type === 'relationship' || field.type === 'upload') {
    return Array.isArray(field.relationTo) ? field.relationTo : [field.relationTo]
  }
  if (field.type === 'join') {
    return Array.isArray(field.collection) ? field.collection : [field.collection]
  }
  return undefined
}

/**
 * Which collections a query or sort path (`organisation.parent.title`, GraphQL's
 * `organisation__title`, `period.from`) reaches through relationships, across collections.
 * Unknown paths reach nothing: Payload refuses them itself.
 */
export const relationsOnPath = ({
  fields,
  path,
  payload,
}: {
  fields: FlattenedField[]
  path: string
  payload: Payload
}): RelationsOnPath => {
  const result: RelationsOnPath = { at: [], through: [] }
  const walk = (current: FlattenedField[], [name, ...rest]: string[]) => {
    const field = current.find((candidate) => candidate.name === name)
    if (!field) {
      return
    }
    const targets = targetsOf(field)
    if (targets && rest.length === 0) {
      result.at.push(...targets)
    } else if (targets) {
      result.through.push(...targets)
      for (const slug of targets) {
        const related = payload.collections[slug]?.config.flattenedFields
        if (related) {
          walk(related, rest)
        }
      }
    } else if (rest.length > 0 && 'flattenedFields' in field) {
      walk(field.flattenedFields, rest)
    }
  }
  walk(fields, path.replace(/__/g, '.').split('.'))
  return result
}
