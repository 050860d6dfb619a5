/**
 * Entry point of `npm run dev` and `npm start`: the environment is prepared by the first import
 * (embedded PostgreSQL unless DATABASE_URL is set, a secret in development); then the server
 * starts, and shuts down in order on SIGINT/SIGTERM: stop accepting, drain requests, close the
 * pool, stop PostgreSQL.
 */
import { environment, isProduction } from './runtime/bootstrap'
// Must stay below the bootstrap import (see its comment).
import { startServer } from './server/startServer'

const { isEmbedded, stopDatabase } = environment

const main = async () => {
  let server: Awaited<ReturnType<typeof startServer>> | undefined
  let shutdownStartedAt = 0
  const shutdown = async (signal: NodeJS.Signals) => {
    if (shutdownStartedAt) {
      // Ctrl-C reaches us twice (from the terminal and relayed by npm/tsx): only a later,
      // deliberate second signal forces the exit.
      if (Date.now() - shutdownStartedAt < 2_000) {
        return
      }
      console.warn(`${signal} erneut erhalten: sofortiges Beenden.`)
      void stopDatabase()
      process.exit(1)
    }
    shutdownStartedAt = Date.now()
    console.info(`${signal} erhalten: laufende Anfragen werden beendet …`)
    try {
      await server?.stop()
      await stopDatabase()
      process.exit(0)
    } catch (err) {
      console.error(err)
      process.exit(1)
    }
  }
  process.on('SIGINT', (signal) => void shutdown(signal))
  process.on('SIGTERM', (signal) => void shutdown(signal))

  // Fail closed: if the event loop drains before the server listens, a module import was
  // dropped (Node 20 + tsx, payloadcms/payload#17757). Say so and stop the database instead of
  // exiting 0 in silence.
  const onDrainedWhileStarting = () => {
    console.error(
      'Der Server wurde beim Start beendet, ohne zu laufen (ein Modul-Import ging verloren). Bitte erneut starten.',
    )
    void stopDatabase().finally(() => process.exit(1))
  }
  process.once('beforeExit', onDrainedWhileStarting)
  try {
    server = await startServer({ hasDemoAdmin: !isProduction && isEmbedded, isDev: !isProduction })
  } catch (err) {
    await stopDatabase()
    throw err
  } finally {
    process.off('beforeExit', onDrainedWhileStarting)
  }
  server.payload.logger.info(
    `Quartiersnetz läuft: ${server.url}/admin (${isProduction ? 'Produktion' : 'Entwicklung'})`,
  )
  if (server.demoUrl) {
    server.payload.logger.info(
      `Demo-Seite einer Mitgliedskommune (bindet die Widgets von einer anderen Adresse ein): ${server.demoUrl}`,
    )
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  if (err instanceof Error && err.stack && !isProduction) {
    console.error(err.stack)
  }
  process.exit(1)
})
