/**
 * What the portability configs share: a host that is not this project (its own auth
 * collection, its own secret and languages), as Payload's test/<feature>/config.ts files share
 * buildConfigWithDefaults. Each config gets a database of its own; `push` fills the empty
 * database with that config's tables (a throwaway test database, never a migrated one).
 */
import type { CollectionConfig, Config } from 'payload'

import { postgresAdapter } from '@payloadcms/db-postgres'
import { de } from '@payloadcms/translations/languages/de'
import { en } from '@payloadcms/translations/languages/en'

/** Sanitising a config never connects: the configs that are only inspected get this. */
export const UNUSED_DATABASE_URL = 'postgres://portability@127.0.0.1:1/unused'

export const HOST_SERVER_URL = 'http://localhost'

/** The host's editors: another slug and other labels than this project's `users`. */
export const staff: CollectionConfig = {
  slug: 'staff',
  auth: true,
  fields: [{ name: 'displayName', type: 'text' }],
  labels: {
    plural: { de: 'Mitarbeitende', en: 'Staff' },
    singular: { de: 'Mitarbeiterin', en: 'Staff member' },
  },
}

export type HostArgs = {
  /** The database this config runs on; omitted for a config that is only sanitised. */
  databaseUrl?: string
  /** The host's jobs settings (e.g. `runHooks`), merged over none. */
  jobs?: Config['jobs']
  /** The host's own texts, merged by the plugins (the host's must win). */
  translations?: Record<string, Record<string, Record<string, string>>>
}

/** Everything but collections and plugins. */
export const hostConfig = ({
  databaseUrl = UNUSED_DATABASE_URL,
  jobs,
  translations,
}: HostArgs = {}): Omit<Config, 'collections'> => ({
  ...(jobs ? { jobs } : {}),
  admin: { user: staff.slug },
  db: postgresAdapter({ pool: { connectionString: databaseUrl, max: 4 }, push: true }),
  i18n: {
    fallbackLanguage: 'de',
    supportedLanguages: { de, en },
    ...(translations
      ? { translations: translations as NonNullable<Config['i18n']>['translations'] }
      : {}),
  },
  logger: { options: { level: process.env.LOG_LEVEL || 'warn' } },
  secret: 'portability-secret-0123456789abcdef0123456789',
  serverURL: HOST_SERVER_URL,
  telemetry: false,
  typescript: { autoGenerate: false },
})
