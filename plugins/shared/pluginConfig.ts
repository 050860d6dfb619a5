/**
 * What the plugins do to the host's config, once: check the collections they extend, append
 * endpoints, fields and hooks to a collection, and merge their translations.
 */
import type { CollectionConfig, Config, Endpoint, Field } from 'payload'

type Hooks = NonNullable<CollectionConfig['hooks']>

/** Throws when a collection the plugin should extend is missing from the config. */
export const assertCollections = (config: Config, slugs: readonly string[], pluginName: string) => {
  const missing = slugs.filter((slug) => !(config.collections ?? []).some((collection) => collection.slug === slug))
  if (missing.length) {
    throw new Error(`${pluginName}: unknown collection(s) ${missing.join(', ')}.`)
  }
}

/** The collection with the plugin's endpoints, fields and hooks after the host's own. */
export const extendCollection = (
  collection: CollectionConfig,
  { endpoints = [], fields = [], hooks = {} }: { endpoints?: Endpoint[]; fields?: Field[]; hooks?: { [K in keyof Hooks]?: Hooks[K] } },
): CollectionConfig => ({
  ...collection,
  endpoints: [...(collection.endpoints || []), ...endpoints],
  fields: [...(collection.fields ?? []), ...fields],
  hooks: {
    ...collection.hooks,
    ...Object.fromEntries(
      Object.entries(hooks).map(([name, added]) => [name, [...((collection.hooks?.[name as keyof Hooks] as unknown[] | undefined) ?? []), ...((added as unknown[]) ?? [])]]),
    ),
  },
})

/** The config's i18n with the plugin's German and English texts added. */
export const withTranslations = (config: Config, translations: { de: object; en: object }): Config['i18n'] => {
  const existing = config.i18n?.translations ?? {}
  return {
    ...config.i18n,
    translations: {
      ...existing,
      de: { ...existing.de, ...translations.de },
      en: { ...existing.en, ...translations.en },
    },
  }
}
