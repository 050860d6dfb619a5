/**
 * Imported first by the server entry: the environment (database URL, embedded PostgreSQL,
 * secret) is ready before any later import evaluates the Payload config.
 *
 * A static import with top-level await, not a dynamic import(): on Node 20, tsx's off-thread
 * loader can drop a pending dynamic import, and the process then exits 0 with nothing done
 * (payloadcms/payload#17757; seen here about one start in five).
 */
import { EmbeddedPostgresError } from '../db/embeddedPostgres'
import { prepareEnvironment, SettingsError } from './prepareEnvironment'

process.env.NEXT_TELEMETRY_DISABLED = '1'

export const isProduction = process.env.NODE_ENV === 'production'

export const environment = await prepareEnvironment({
  isProduction,
  log: (message) => console.info(message),
}).catch((err: unknown) => {
  // A message that says what to change (the embedded database, a missing secret) needs no stack trace.
  if (err instanceof EmbeddedPostgresError || err instanceof SettingsError) {
    console.error(err.message)
    process.exit(1)
  }
  throw err
})
