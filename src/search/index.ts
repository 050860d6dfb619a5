/**
 * Full-text search over the published content (issue 16): the index follows every change in
 * its transaction (hooks.ts), `GET /api/search` reads it (searchEndpoint.ts). Added to the
 * config like a plugin: the collections keep their own hooks.
 */
import type { Config, Plugin } from 'payload'

import { indexOnChange, removeOnDelete } from './hooks'
import { SEARCH_SOURCES, type SearchSource } from './sources'
import { searchEndpoint } from './searchEndpoint'

export { reindexSearch, reindexSearchIfEmpty } from './reindex'

export const searchPlugin =
  (sources: SearchSource[] = SEARCH_SOURCES): Plugin =>
  (config: Config): Config => ({
    ...config,
    collections: (config.collections ?? []).map((collection) => {
      const source = sources.find((candidate) => candidate.collection === collection.slug)
      if (!source) {
        return collection
      }
      return {
        ...collection,
        hooks: {
          ...collection.hooks,
          afterChange: [...(collection.hooks?.afterChange ?? []), indexOnChange(source)],
          afterDelete: [...(collection.hooks?.afterDelete ?? []), removeOnDelete(source)],
        },
      }
    }),
    endpoints: [...(config.endpoints ?? []), searchEndpoint(sources)],
  })
