/**
 * `npm run bench`: the ratings benchmark (issue 4) against the production build.
 *
 * An embedded PostgreSQL under bench/.work/, a freshly migrated database, the production build
 * (.next-bench, reused while the sources are unchanged) and the real server in a process of
 * its own; then autocannon in this process measures each row, and the table is printed and
 * written to bench/results.md. Everything started here is stopped again, on failure, Ctrl-C
 * and after BENCH_TIMEOUT_MINUTES too. Only loopback addresses are used.
 *
 * Run as `node --import tsx bench/run.ts`, not through the tsx CLI: the CLI SIGKILLs its child
 * when the child doesn't confirm a signal within a few tens of milliseconds, which a process
 * busy generating load can't promise, and then nothing would stop PostgreSQL.
 */
import type autocannon from 'autocannon'

import crypto from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

import { buildNext } from '../scripts/buildNext'
import { startEmbeddedPostgres } from '../src/db/embeddedPostgres'
import { projectRoot } from '../src/runtime/paths'
import {
  createAdmin,
  createModules,
  dropDatabase,
  insertRatings,
  postgresVersion,
  randomRatingBody,
  ratingsTableScans,
  rateThroughApi,
  readRaterCount,
  recreateDatabase,
} from './lib/fixtures'
import { type Measurement, measure, median, type RunResult, type Scenario } from './lib/load'
import { runScript, startServerProcess, stopRunningChildren } from './lib/processes'
import { describeMachine, loadAverage, markdownTable, type TableRow, writeResults } from './lib/report'
import { readBenchSettings } from './lib/settings'

const WORK_DIR = path.join(projectRoot, 'bench', '.work')
const RESULTS_FILE = path.join(projectRoot, 'bench', 'results.md')
const DATABASE = 'qn_bench'
const DIST_DIR = '.next-bench'
const RATING_CONNECTIONS = 50
const READ_CONNECTIONS = [1, 32]
const SMALL_RATINGS = 10
/** Backends report table statistics when idle within 10 s; wait a little longer. */
const STATS_SETTLE_MS = 12_000

const log = (message: string) => console.info(`[bench] ${message}`)

// Stopped in reverse order: server, then database, then cluster.
const cleanups: { name: string; run: () => Promise<unknown> }[] = []
let cleaning: Promise<void> | undefined
const cleanUp = () =>
  (cleaning ??= (async () => {
    await stopRunningChildren().catch(() => undefined)
    for (const { name, run } of cleanups.reverse()) {
      await run().catch((err: unknown) => console.error(`[bench] cleanup "${name}" failed:`, err))
    }
  })())

const timed = async <T>(timings: string[], label: string, run: () => Promise<T>): Promise<T> => {
  const started = Date.now()
  const result = await run()
  timings.push(`${label} ${((Date.now() - started) / 1000).toFixed(1)} s`)
  log(`${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return result
}

const formatCount = (value: number) => value.toLocaleString('en-US')

/**
 * big ÷ small for one figure, as the median over the paired runs: the two ran back to back, so
 * each pair saw about the same load from whatever else the machine was doing.
 */
const pairedRatio = (big: Measurement, small: Measurement, figure: keyof Pick<RunResult, 'p50Ms' | 'p99Ms' | 'requestsPerSecond'>) =>
  median(big.runs.map((run, index) => run[figure] / small.runs[index]![figure])).toFixed(2)

const describeErrors = (measurement: Measurement): string => {
  const non2xx = Object.entries(measurement.non2xx)
  const parts = [non2xx.length ? `non-2xx: ${non2xx.map(([status, count]) => `${count}× ${status}`).join(', ')}` : 'non-2xx: 0']
  if (measurement.errors) {
    parts.push(`connection errors/timeouts: ${measurement.errors}`)
  }
  return parts.join('; ')
}

/**
 * Next adds its dist dir to tsconfig.json's "include" on a build; take out only our entries
 * (other builds may be running beside this one).
 */
const dropDistDirFromTsconfig = async () => {
  const file = path.join(projectRoot, 'tsconfig.json')
  const tsconfig = JSON.parse(await fs.readFile(file, 'utf8')) as { include?: string[] }
  const include = tsconfig.include?.filter((entry) => !entry.startsWith(`${DIST_DIR}/`))
  if (include && include.length !== tsconfig.include?.length) {
    await fs.writeFile(file, `${JSON.stringify({ ...tsconfig, include }, null, 2)}\n`)
  }
}

/** `ratings:recount`: exit code 0 means no differences (or all fixed); its summary line. */
const recount = async ({ env, shouldFix }: { env: NodeJS.ProcessEnv; shouldFix: boolean }) => {
  const { exitCode, output } = await runScript({
    args: ['scripts/payload.ts', 'ratings:recount', ...(shouldFix ? ['--fix'] : [])],
    env: { ...env, LOG_LEVEL: 'info' },
    timeoutMs: 10 * 60_000,
  })
  const summary = /(\d+) Bewertungsübersichten geprüft, (\d+) Abweichungen/.exec(output)
  if (!summary || (shouldFix && exitCode !== 0)) {
    throw new Error(`ratings:recount failed (exit code ${exitCode}):\n${output.slice(-4000)}`)
  }
  return { checked: Number(summary[1]), differences: Number(summary[2]) }
}

const main = async () => {
  const settings = readBenchSettings()
  const startedAt = new Date()
  const loadBefore = loadAverage()
  const timings: string[] = []
  await fs.mkdir(WORK_DIR, { recursive: true })

  const watchdog = setTimeout(() => {
    console.error(`[bench] Not finished after ${settings.timeoutMinutes} min (BENCH_TIMEOUT_MINUTES): stopping.`)
    void cleanUp().finally(() => process.exit(1))
  }, settings.timeoutMinutes * 60_000)
  watchdog.unref()

  const cluster = await timed(timings, 'PostgreSQL start', () =>
    startEmbeddedPostgres({ dataDir: path.join(WORK_DIR, 'postgres'), isDurable: settings.isDurable, log }),
  )
  cleanups.push({ name: 'stop PostgreSQL', run: cluster.stop })
  const adminUrl = cluster.urlFor('postgres')
  const databaseUrl = cluster.urlFor(DATABASE)
  await recreateDatabase(adminUrl, DATABASE)
  cleanups.push({ name: 'drop the benchmark database', run: () => dropDatabase(adminUrl, DATABASE) })
  const machine = describeMachine(await postgresVersion(adminUrl))

  const env: NodeJS.ProcessEnv = {
    DATA_DIR: path.join(WORK_DIR, 'data'),
    DATABASE_URL: databaseUrl,
    JOBS_AUTORUN: 'false',
    LOG_LEVEL: 'warn',
    NEXT_DIST_DIR: DIST_DIR,
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production',
    PAYLOAD_SECRET: crypto.randomBytes(32).toString('hex'),
    RATINGS_PER_CLIENT_PER_HOUR: '0',
  }
  // buildNext reads the dist dir from the environment and passes it on to next build.
  process.env.NEXT_DIST_DIR = DIST_DIR
  await Promise.all([
    timed(timings, 'migrate', async () => {
      const { exitCode, output } = await runScript({ args: ['scripts/payload.ts', 'migrate'], env: { ...env, LOG_LEVEL: 'info' }, timeoutMs: 5 * 60_000 })
      if (exitCode !== 0) {
        throw new Error(`migrate failed (exit code ${exitCode}):\n${output.slice(-4000)}`)
      }
    }),
    timed(timings, `production build (${DIST_DIR}, reused when current)`, () =>
      buildNext({ isVerbose: false, log: (message) => log(message) }).finally(dropDistDirFromTsconfig),
    ),
  ])

  const server = await timed(timings, 'server start', () =>
    startServerProcess({ env, logFile: path.join(WORK_DIR, 'server.log'), timeoutMs: 3 * 60_000 }),
  )
  cleanups.push({ name: 'stop the server', run: server.stop })
  log(`server ready at ${server.url} (log: bench/.work/server.log)`)

  const token = await createAdmin(server.url)
  const ratingModuleIds = await createModules({
    baseUrl: server.url,
    titles: Array.from({ length: settings.ratingModules }, (_, i) => `Bewertungsmodul ${i + 1}`),
    token,
  })
  const [smallId, bigId] = await createModules({ baseUrl: server.url, titles: ['Lesemodul klein', 'Lesemodul groß'], token })
  await rateThroughApi({ baseUrl: server.url, count: SMALL_RATINGS, moduleId: smallId! })
  await timed(timings, `INSERT of ${formatCount(settings.ratings)} ratings + VACUUM ANALYZE`, () =>
    insertRatings({ count: settings.ratings, databaseUrl, moduleId: bigId! }),
  )
  const fixed = await timed(timings, 'ratings:recount --fix', () => recount({ env, shouldFix: true }))
  log(`recount: ${fixed.checked} summaries checked, ${fixed.differences} differences fixed`)
  for (const [id, expected] of [
    [smallId!, SMALL_RATINGS],
    [bigId!, settings.ratings],
  ] as const) {
    const raterCount = await readRaterCount({ baseUrl: server.url, moduleId: id })
    if (raterCount !== expected) {
      throw new Error(`Module ${id} reports ${raterCount} raters, expected ${expected}.`)
    }
  }

  const measureAll = (scenarios: Scenario[]) =>
    measure({ log, runs: settings.runs, scenarios, seconds: settings.seconds, url: server.url, warmupSeconds: settings.warmupSeconds })

  log(`row 1: ratings at ${RATING_CONNECTIONS} connections over ${settings.ratingModules} modules`)
  let nextModule = 0
  const rateRequest: autocannon.Request = {
    headers: { 'content-type': 'application/json' },
    method: 'POST',
    // No cookie and no token: every request is a new visitor, so every rating is a new row.
    setupRequest: (request) => ({
      ...request,
      body: randomRatingBody(),
      path: `/api/modules/${ratingModuleIds[nextModule++ % ratingModuleIds.length]}/ratings`,
    }),
  }
  const [rating] = await measureAll([{ connections: RATING_CONNECTIONS, name: 'rate', requests: [rateRequest] }])
  const rows: TableRow[] = [
    {
      name: `rate a module (POST), ${RATING_CONNECTIONS} connections`,
      notes: `a new visitor per request over ${settings.ratingModules} modules; ${describeErrors(rating!)}`,
      ...rating!.median,
    },
  ]

  const ratios: string[] = []
  // Independent of timing noise: reading a module must not touch its ratings at all.
  await new Promise((resolve) => setTimeout(resolve, STATS_SETTLE_MS))
  const scansBeforeReads = await ratingsTableScans(databaseUrl)
  for (const connections of READ_CONNECTIONS) {
    log(`rows 2/3: module read at ${connections} connection(s), ${SMALL_RATINGS} vs ${formatCount(settings.ratings)} ratings`)
    const [small, big] = await measureAll([
      { connections, name: `read, ${SMALL_RATINGS} ratings`, requests: [{ method: 'GET', path: `/api/modules/${smallId}` }] },
      { connections, name: `read, ${formatCount(settings.ratings)} ratings`, requests: [{ method: 'GET', path: `/api/modules/${bigId}` }] },
    ])
    const ratio = { p50: pairedRatio(big!, small!, 'p50Ms'), p99: pairedRatio(big!, small!, 'p99Ms'), rate: pairedRatio(big!, small!, 'requestsPerSecond') }
    ratios.push(
      `read ${formatCount(settings.ratings)} ÷ ${SMALL_RATINGS} ratings at ${connections} connection(s), median of the paired runs: p50 ×${ratio.p50}, p99 ×${ratio.p99}, req/s ×${ratio.rate} (≈1 expected)`,
    )
    rows.push(
      { name: `read a module (GET), ${SMALL_RATINGS} ratings, ${connections} conn.`, notes: describeErrors(small!), ...small!.median },
      {
        name: `read a module (GET), ${formatCount(settings.ratings)} ratings, ${connections} conn.`,
        notes: `vs ${SMALL_RATINGS} ratings (paired runs): p50 ×${ratio.p50}, req/s ×${ratio.rate}; ${describeErrors(big!)}`,
        ...big!.median,
      },
    )
  }

  await new Promise((resolve) => setTimeout(resolve, STATS_SETTLE_MS))
  const readScans = (await ratingsTableScans(databaseUrl)) - scansBeforeReads
  ratios.push(`scans of the ratings table (pg_stat_user_tables) during all read rows: ${readScans} (0 expected: a read uses the summary only)`)

  // The ratings of row 1 ran 50 at a time: their summaries must still equal a recount.
  const check = await timed(timings, 'ratings:recount (check)', () => recount({ env, shouldFix: false }))
  rows[0]!.notes += `; recount afterwards: ${check.differences} differences in ${check.checked} summaries`

  const table = markdownTable(rows)
  const settingsLine = [
    `BENCH_SECONDS=${settings.seconds}`,
    `BENCH_WARMUP_SECONDS=${settings.warmupSeconds}`,
    `BENCH_RUNS=${settings.runs} (medians)`,
    `BENCH_RATINGS=${settings.ratings}`,
    `BENCH_RATING_MODULES=${settings.ratingModules}`,
    `PostgreSQL ${settings.isDurable ? 'durable (fsync on)' : 'fsync and synchronous_commit off (BENCH_DURABLE=1 for on)'}`,
    `DATABASE_POOL_SIZE=${process.env.DATABASE_POOL_SIZE || '10'}`,
    'production build, LOG_LEVEL=warn, rate limit off, autocannon in the bench process on the same machine',
  ].join(', ')
  const lines = [
    ...ratios,
    `setup: ${timings.join(', ')}`,
    `load average (1/5/15 min) before: ${loadBefore}, after: ${loadAverage()}. Other work on the machine makes the figures noisy; compare ratios within a run, not absolute figures across runs.`,
  ]
  console.info(`\n${table}\n\n${lines.map((line) => `- ${line}`).join('\n')}\n`)
  await writeResults({ file: RESULTS_FILE, lines, machine, settings: settingsLine, startedAt, table })
  log('written to bench/results.md')
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.error(`[bench] ${signal}: stopping the server and PostgreSQL …`)
    void cleanUp().finally(() => process.exit(130))
  })
}

try {
  await main()
  await cleanUp()
  process.exit(0)
} catch (err) {
  console.error('[bench] failed:', err instanceof Error ? err.message : err)
  await cleanUp()
  process.exit(1)
}
