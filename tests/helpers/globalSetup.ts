/**
 * Once per `vitest run`: a PostgreSQL cluster (embedded unless TEST_DATABASE_URL or
 * DATABASE_URL names a server), a template database with every migration applied, and a
 * production build for the tests that talk HTTP. Test files copy the template
 * (tests/helpers/perFileDatabase.ts), so no file sees another's data.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'

import { buildNext } from '../../scripts/buildNext'
import { startEmbeddedPostgres } from '../../src/db/embeddedPostgres'
import { projectRoot } from '../../src/runtime/paths'
import { committedMigrations } from '../../src/db/committedMigrations'
import { createDatabase, databaseUrl, dropDatabase, withClient } from './cluster'

/** QN_TEST_DATA_DIR lets two test runs on one machine keep separate clusters. */
const testDataDir = path.resolve(projectRoot, process.env.QN_TEST_DATA_DIR || '.test-data')

const TEST_SECRET = 'test-secret-0123456789abcdef0123456789abcdef'

const migrateOnce = async (url: string) =>
  new Promise<void>((resolve, reject) => {
    let output = ''
    const child = spawn(
      process.execPath,
      [path.join(projectRoot, 'node_modules/tsx/dist/cli.mjs'), 'scripts/payload.ts', 'migrate'],
      {
        cwd: projectRoot,
        env: { ...process.env, DATABASE_URL: url, NODE_ENV: 'test', PAYLOAD_SECRET: TEST_SECRET },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`migrate failed (${code}):\n${output}`)),
    )
  })

const appliedMigrations = async (url: string): Promise<number> =>
  withClient(url, async (client) => {
    const { rows } = await client.query<{ count: string }>(
      "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'payload_migrations'",
    )
    if (Number(rows[0]?.count) === 0) {
      return 0
    }
    const result = await client.query<{ count: string }>(
      'SELECT count(*) FROM payload_migrations WHERE batch > 0',
    )
    return Number(result.rows[0]?.count)
  })

/**
 * Migrates the template and checks that every migration is recorded: the CLI can end without
 * doing anything on Node 20 (a dropped dynamic import), so a run that did not migrate is retried.
 */
const migrate = async (url: string) => {
  const expected = committedMigrations.length
  for (let attempt = 1; attempt <= 3; attempt++) {
    await migrateOnce(url).catch((err: unknown) => {
      if (attempt === 3) {
        throw err
      }
    })
    if ((await appliedMigrations(url)) === expected) {
      return
    }
  }
  throw new Error(`The template database did not get all ${expected} migrations.`)
}

export default async function globalSetup() {
  const started = Date.now()
  const external = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL
  const cluster = external
    ? undefined
    : await startEmbeddedPostgres({ dataDir: path.join(testDataDir, 'postgres'), isDurable: false })
  const adminUrl = external ?? cluster!.urlFor('postgres')
  const template = `qn_template_${process.pid}`

  try {
    await dropDatabase(adminUrl, template)
    await createDatabase(adminUrl, template)
    await Promise.all([
      migrate(databaseUrl(adminUrl, template)),
      buildNext({ isVerbose: false, log: () => undefined }),
    ])
  } catch (err) {
    await cluster?.stop()
    throw err
  }

  process.env.QN_TEST_ADMIN_URL = adminUrl
  process.env.QN_TEST_TEMPLATE = template
  process.env.PAYLOAD_SECRET = TEST_SECRET
  process.env.NEXT_TELEMETRY_DISABLED = '1'
  console.info(
    `Test database ready in ${((Date.now() - started) / 1000).toFixed(1)} s (${external ? 'external server' : 'embedded PostgreSQL'}).`,
  )

  return async () => {
    await dropDatabase(adminUrl, template).catch(() => undefined)
    await cluster?.stop()
  }
}
