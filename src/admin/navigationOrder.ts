import type { CollectionConfig, Plugin } from 'payload'

type Group = { de: string; en: string }

/** A group's German label (groups here are `{ de, en }` or plain text). */
const germanOf = (group: unknown): string | undefined =>
  typeof group === 'string'
    ? group
    : group && typeof group === 'object' && 'de' in group && typeof group.de === 'string'
      ? group.de
      : undefined

/**
 * The admin's navigation (and Payload's list of collections) shows groups in the order their
 * first collection appears in the config, and the plugins add theirs at the end. This sorts
 * the collections, the plugins' included, by their group's place in `order`; inside a group
 * they keep the order they were configured in, and collections of other groups follow.
 */
export const orderNavigationGroups =
  (order: readonly Group[]): Plugin =>
  (config) => {
    const rank = (collection: CollectionConfig) => {
      const group = germanOf(collection.admin?.group)
      const index = order.findIndex((entry) => entry.de === group)
      return index === -1 ? order.length : index
    }
    return {
      ...config,
      // Array.prototype.sort is stable: a group's collections keep their order.
      collections: [...(config.collections ?? [])].sort((a, b) => rank(a) - rank(b)),
    }
  }
