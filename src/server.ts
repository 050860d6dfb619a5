/**
 * Entry point of `npm run dev` and `npm start`: prepares the environment (embedded PostgreSQL
 * unless DATABASE_URL is set, a secret in development), starts the server, and shuts down in
 * order on SIGINT/SIGTERM: stop accepting, drain requests, close the pool, stop PostgreSQL.
 */
import { prepareEnvironment } from './runtime/prepareEnvironment'

const isProduction = process.env.NODE_ENV === 'production'
process.env.NEXT_TELEMETRY_DISABLED = '1'

const main = async () => {
  const { isEmbedded, stopDatabase } = await prepareEnvironment({
    isProduction,
    log: (message) => console.info(message),
  })
  const { startServer } = await import('./server/startServer')

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

  try {
    server = await startServer({ hasDemoAdmin: !isProduction && isEmbedded, isDev: !isProduction })
  } catch (err) {
    await stopDatabase()
    throw err
  }
  server.payload.logger.info(`Quartiersnetz läuft: ${server.url}/admin (${isProduction ? 'Produktion' : 'Entwicklung'})`)
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  if (err instanceof Error && err.stack && !isProduction) {
    console.error(err.stack)
  }
  process.exit(1)
})
