/**
 * Runs Payload's CLI (migrate, migrate:create, generate:types, generate:importmap, jobs:run …)
 * with our environment: the embedded PostgreSQL when DATABASE_URL is unset, and a secret.
 *
 * `npx payload` can exit 0 having done nothing on Node 20 (payloadcms/payload#16381): here the
 * config and the config's bin scripts are imported first and Payload's bin is imported by path
 * and awaited. Payload's bin ends with process.exit(); we stop the embedded cluster we started
 * before the exit happens.
 *
 * Even so, Node 20 with tsx now and then drops a dynamic import and the process ends with nothing
 * done (seen once in about 200 runs). The command therefore runs in a child process; a child
 * that ends that way exits with EX_TEMPFAIL and is started again, up to three times in all.
 */
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const require = createRequire(import.meta.url)

/** Set in the child that runs the command. */
const CHILD_MARK = 'QN_PAYLOAD_CLI_CHILD'
/** sysexits.h EX_TEMPFAIL: the command did not run; trying again is safe. */
const IMPORT_LOST = 75
const ATTEMPTS = 3

// Generating types or the import map reads the config only; no database is needed.
const needsDatabase = !(process.argv[2] ?? '').startsWith('generate:')

const runCommand = async () => {
  const { closePool, poolOf } = await import('../src/db/closePool')
  const { prepareEnvironment } = await import('../src/runtime/prepareEnvironment')

  /** Payload's bin keeps its instance in getPayload's process-wide cache. */
  const closeCachedPayloadPools = async () => {
    const cache = (globalThis as { _payload?: Map<string, { payload?: { db: unknown } | null }> })
      ._payload
    await Promise.all(
      [...(cache?.values() ?? [])].map((entry) =>
        entry.payload ? closePool(poolOf(entry.payload)) : undefined,
      ),
    )
  }

  if (!needsDatabase) {
    process.env.DATABASE_URL ||= 'postgres://unused@127.0.0.1:1/unused'
  }
  const { stopDatabase } = await prepareEnvironment({
    isProduction: process.env.NODE_ENV === 'production',
    log: (message) => console.info(message),
  })

  const exit = process.exit.bind(process)
  let exitCode: number | undefined
  process.exit = ((code?: number) => {
    if (exitCode !== undefined) {
      // Payload's bin exits 0 after a script that already asked to exit: a failure must stay a
      // failure. The shutdown under way exits when it is done.
      exitCode ||= code ?? 0
      return undefined as never
    }
    exitCode = code ?? 0
    // Connections that PostgreSQL closes while we stop it are expected now, not a failure.
    process.on('uncaughtException', (err: Error & { code?: string }) => {
      if (err.code !== '57P01') {
        console.error(err)
        exit(1)
      }
    })
    // Close Payload's pool before PostgreSQL stops, or its idle connections error out.
    void closeCachedPayloadPools()
      .then(stopDatabase)
      .finally(() => exit(exitCode))
    return undefined as never
  }) as typeof process.exit

  // Fail closed: Payload's bin ends every command with an explicit exit. If the event loop
  // drains first, a dynamic import was dropped (Node 20 + tsx, payloadcms/payload#17757) and
  // nothing was done: say so and exit 1 instead of a silent 0.
  process.once('beforeExit', () => {
    console.error(
      'Der Payload-Befehl endete, ohne ausgeführt zu werden (ein Modul-Import ging verloren).',
    )
    process.exit(IMPORT_LOST)
  })

  process.env.DISABLE_PAYLOAD_HMR = 'true'
  // Fail here, loudly, if the config cannot be loaded, instead of inside Payload's bin. Payload's
  // bin imports the config and the chosen bin script again: both are in the module cache then.
  const config = await (await import('../payload.config')).default
  await Promise.all(
    (config.bin ?? []).map((script) => import(pathToFileURL(script.scriptPath).href)),
  )

  // payload's package.json is not exported: resolve its entry (dist/index.js) and go from there.
  const payloadDist = path.dirname(require.resolve('payload'))
  const { bin } = (await import(pathToFileURL(path.join(payloadDist, 'bin/index.js')).href)) as {
    bin: () => Promise<void>
  }
  await bin()
}

/** Runs the command in a child process and starts it again if it ended having done nothing. */
const runWithRetries = async () => {
  for (let attempt = 1; ; attempt++) {
    const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
      env: { ...process.env, [CHILD_MARK]: '1' },
      stdio: 'inherit',
    })
    const forward = (signal: NodeJS.Signals) => child.kill(signal)
    process.on('SIGTERM', forward)
    const code = await new Promise<number>((resolve) =>
      child.once('exit', (exitCode, signal) =>
        resolve(exitCode ?? (signal === 'SIGINT' ? 130 : 1)),
      ),
    )
    process.off('SIGTERM', forward)
    if (code !== IMPORT_LOST) {
      return code
    }
    if (attempt === ATTEMPTS) {
      console.error(
        `Der Payload-Befehl wurde ${ATTEMPTS}-mal ohne Ergebnis beendet. Bitte erneut ausführen.`,
      )
      return 1
    }
    console.error(`Neuer Versuch (${attempt + 1} von ${ATTEMPTS}) …`)
  }
}

const main = process.env[CHILD_MARK]
  ? runCommand().then(() => undefined)
  : runWithRetries().then((code) => process.exit(code))

main.catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
