/**
 * What the plugins do to the host's config, once: check the collections they extend, append
 * endpoints, fields and hooks to a collection, and merge their translations.
 */
import type { CollectionConfig, Config, Endpoint, Field } from 'payload'

type Hooks = NonNullable<CollectionConfig['hooks']>

/** The named fields of a list, looking through rows, collapsibles and unnamed tabs (which add no name to the path). */
const namedFields = (fields: Field[]): Field[] =>
  fields.flatMap((field) => {
    if ('name' in field && field.name) {
      return [field]
    }
    if (field.type === 'tabs') {
      return field.tabs.flatMap((tab) =>
        'name' in tab && tab.name ? [{ ...tab, type: 'group' } as Field] : namedFields(tab.fields),
      )
    }
    return 'fields' in field ? namedFields(field.fields) : []
  })

/** The field at a dotted path (`registration.deadline`) of a collection, following groups. */
const fieldAt = (fields: Field[], path: string): Field | undefined => {
  const [head, ...rest] = path.split('.')
  const field = namedFields(fields).find(
    (candidate) => 'name' in candidate && candidate.name === head,
  )
  if (!field || !rest.length) {
    return field
  }
  return 'fields' in field ? fieldAt(field.fields, rest.join('.')) : undefined
}

/**
 * Throws when a field the plugin reads from a host collection (an option naming it) is missing,
 * or is not of the expected type: a wrong name would otherwise fail silently at run time.
 */
export const assertFields = (
  config: Config,
  slug: string,
  fields: { option: string; path: string; types?: Field['type'][] }[],
  pluginName: string,
) => {
  const collection = (config.collections ?? []).find((candidate) => candidate.slug === slug)
  for (const { option, path, types } of fields) {
    const field = collection ? fieldAt(collection.fields, path) : undefined
    if (!field) {
      throw new Error(`${pluginName}: \`${option}\` names "${path}", which ${slug} doesn't have.`)
    }
    if (types && !types.includes(field.type)) {
      throw new Error(
        `${pluginName}: \`${option}\` "${path}" is no ${types.join(' or ')} field of ${slug}.`,
      )
    }
  }
}

/** Throws when a collection the plugin should extend is missing from the config. */
export const assertCollections = (config: Config, slugs: readonly string[], pluginName: string) => {
  const missing = slugs.filter(
    (slug) => !(config.collections ?? []).some((collection) => collection.slug === slug),
  )
  if (missing.length) {
    throw new Error(`${pluginName}: unknown collection(s) ${missing.join(', ')}.`)
  }
}

/**
 * The collection with the plugin's endpoints, fields and hooks after the host's own. A host that
 * switched a collection's REST endpoints off (`endpoints: false`) keeps them off.
 */
export const extendCollection = (
  collection: CollectionConfig,
  {
    endpoints = [],
    fields = [],
    hooks = {},
  }: { endpoints?: Endpoint[]; fields?: Field[]; hooks?: { [K in keyof Hooks]?: Hooks[K] } },
): CollectionConfig => ({
  ...collection,
  endpoints:
    collection.endpoints === false ? false : [...(collection.endpoints || []), ...endpoints],
  fields: [...(collection.fields ?? []), ...fields],
  hooks: appendHooks(collection.hooks, hooks),
})

const appendHooks = (
  own: CollectionConfig['hooks'],
  added: { [K in keyof Hooks]?: Hooks[K] },
): CollectionConfig['hooks'] => ({
  ...own,
  ...Object.fromEntries(
    Object.entries(added).map(([name, list]) => [
      name,
      [
        ...((own?.[name as keyof Hooks] as unknown[] | undefined) ?? []),
        ...((list as unknown[]) ?? []),
      ],
    ]),
  ),
})

/**
 * A host's changes to a collection the plugin adds, as @payloadcms/plugin-search and
 * plugin-redirects take them: any collection setting (admin group, labels, access, hooks …) and
 * the fields as a function of the plugin's own. The slug is the plugin's option `slugs`.
 */
export type CollectionOverride = Partial<Omit<CollectionConfig, 'fields' | 'slug'>> & {
  fields?: (args: { defaultFields: Field[] }) => Field[]
}

/** The plugin's collection with the host's override applied: settings merged, hooks appended. */
export const applyOverride = (
  collection: CollectionConfig,
  override: CollectionOverride | undefined,
): CollectionConfig => {
  if (!override) {
    return collection
  }
  const { access, admin, fields, hooks, labels, ...rest } = override
  return {
    ...collection,
    ...rest,
    access: { ...collection.access, ...access },
    admin: { ...collection.admin, ...admin },
    fields: fields ? fields({ defaultFields: collection.fields }) : collection.fields,
    hooks: hooks ? appendHooks(collection.hooks, hooks) : collection.hooks,
    labels: labels ? { ...collection.labels, ...labels } : collection.labels,
  }
}

type Translations = Record<string, Record<string, unknown>>

/**
 * The config's i18n with the plugin's German and English texts added under their namespace.
 * The host's texts win: a network may reword any of the plugin's labels by setting the same key.
 */
export const withTranslations = (
  config: Config,
  translations: { de: Translations; en: Translations },
): Config['i18n'] => {
  const existing = (config.i18n?.translations ?? {}) as Record<string, Translations | undefined>
  const merged = (language: 'de' | 'en') => {
    const host = existing[language] ?? {}
    const plugin = translations[language]
    return {
      ...host,
      ...Object.fromEntries(
        Object.entries(plugin).map(([namespace, texts]) => [
          namespace,
          { ...texts, ...(host[namespace] ?? {}) },
        ]),
      ),
    }
  }
  return {
    ...config.i18n,
    translations: { ...existing, de: merged('de'), en: merged('en') },
  }
}

/** Requests one client may send per window (0: no limit). */
export type RateLimit = { max: number; windowMs: number }

/** A plugin's `rateLimit` option checked, with the plugin's default. */
export const resolveRateLimit = (
  value: RateLimit | undefined,
  fallback: RateLimit,
  pluginName: string,
): RateLimit => {
  const limit = value ?? fallback
  if (
    !Number.isInteger(limit.max) ||
    limit.max < 0 ||
    !Number.isInteger(limit.windowMs) ||
    limit.windowMs < 1_000
  ) {
    throw new Error(
      `${pluginName}: \`rateLimit\` needs a whole \`max\` ≥ 0 (0: no limit) and \`windowMs\` ≥ 1000.`,
    )
  }
  return limit
}

/** Where the plugins tell the host what they need from it (`config.custom.quartiersnetz`). */
export const HOST_CONTRACT_KEY = 'quartiersnetz'

/**
 * A public write the host should rate-limit per client (its express edge counts in memory
 * before Payload runs): the plugin names the route and the limit its options resolved to.
 */
export type PublicWriteRoute = {
  /** What is counted; also separates limits of one plugin (comment vs. report). */
  kind: string
  limit: RateLimit
  /** The message over the limit, given the minutes until the client may try again. */
  message: (minutes: number) => { de: string; en: string }
  /** The path below the API route, `:param` for a segment, e.g. `/events/:id/registrations`. */
  path: string
  /**
   * Whether a refusal of the input (400, 413, 415, 422) counts against the limit (default):
   * `false` where a visitor who mistypes shouldn't have to wait and a refusal sends nothing.
   */
  countsInputRefusals?: boolean
}

/** When to try again, for a message over a limit: "in 1 Minute", "in 7 Minuten" (and in English). */
export const retryIn = (minutes: number): { de: string; en: string } => ({
  de: `in ${minutes} ${minutes === 1 ? 'Minute' : 'Minuten'}`,
  en: `in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`,
})

type HostContract = { publicWriteRoutes?: PublicWriteRoute[] }

/** Adds the plugin's public write routes to what the host reads at start (routes with max 0 are not limited). */
export const withPublicWriteRoutes = (
  config: Config,
  routes: PublicWriteRoute[],
): Config['custom'] => {
  const contract = (config.custom?.[HOST_CONTRACT_KEY] ?? {}) as HostContract
  return {
    ...config.custom,
    [HOST_CONTRACT_KEY]: {
      ...contract,
      publicWriteRoutes: [
        ...(contract.publicWriteRoutes ?? []),
        ...routes.filter((route) => route.limit.max > 0),
      ],
    },
  }
}

/** The public write routes the plugins of a (sanitised) config declared. */
export const publicWriteRoutesOf = (config: {
  custom?: Record<string, unknown>
}): PublicWriteRoute[] =>
  ((config.custom?.[HOST_CONTRACT_KEY] ?? {}) as HostContract).publicWriteRoutes ?? []
