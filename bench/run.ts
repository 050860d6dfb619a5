/**
 * `npm run bench`: the public API against the floor (issue 7) and the ratings rows (issue 4),
 * against the production build.
 *
 * An embedded PostgreSQL under bench/.work/, a freshly migrated database filled with the
 * generated data set (lib/dataset.ts), the production build (.next-bench, reused while the
 * sources are unchanged), the real server and the floor (floor.ts) in processes of their own;
 * then autocannon in this process measures each row, and the table is printed and written to
 * bench/results.md. Everything started here is stopped again, on failure, Ctrl-C
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
import { isDeepStrictEqual } from 'node:util'

import { buildNext } from '../scripts/buildNext'
import { buildServer } from '../scripts/buildServer'
import { WIDGETS_PATH } from '../src/server/widgets'
import { buildWidgets, sizesOf } from '../widgets/build'
import { startEmbeddedPostgres } from '../src/db/embeddedPostgres'
import { projectRoot } from '../src/runtime/paths'
import {
  confirmationRequest,
  confirmTokensOf,
  createAdmin,
  createBurstEvent,
  dropDatabase,
  postgresVersion,
  randomRatingBody,
  registrationRequest,
  ratingsTableScans,
  rateThroughApi,
  readRaterCount,
  recreateDatabase,
  registrationStatuses,
} from './lib/fixtures'
import { generateDataset } from './lib/dataset'
import {
  type Measurement,
  measure,
  median,
  type RunResult,
  runOnce,
  type Scenario,
  settle,
} from './lib/load'
import {
  benchServerEnv,
  benchServerScript,
  runScript,
  startServerProcess,
  stopRunningChildren,
} from './lib/processes'
import {
  cpuPerRequest,
  describeMachine,
  loadAverage,
  markdownTable,
  type TableRow,
  writeResults,
} from './lib/report'
import {
  cpuProfileArgs,
  describeHeapSnapshot,
  describeServerMemory,
  serverMemoryOptions,
} from './lib/memory'
import { MODULE_LIST_PATH, mixedPathCycler, readPathsOf } from './lib/readPaths'
import { readBenchSettings } from './lib/settings'
import { searchRows } from './search'

const WORK_DIR = path.join(projectRoot, 'bench', '.work')
const RESULTS_FILE = path.join(projectRoot, 'bench', 'results.md')
const DATABASE = 'qn_bench'
const DIST_DIR = '.next-bench'
const RATING_CONNECTIONS = 50
const BURST_CONNECTIONS = 50
const MIXED_CONNECTIONS = 16
const RSS_SAMPLE_MS = 15_000
const SMALL_RATINGS = 10
const DIAGNOSTICS_DIR = path.join(WORK_DIR, 'diagnostics')
const OPTIMISATIONS_FILE = path.join(projectRoot, 'bench', 'optimisations.md')
/** "20 published modules with their Handlungsfelder": the floor's request, through Payload. */
const MODULE_LIST_GRAPHQL = JSON.stringify({
  query: `query { Modules(limit: 20, where: { _status: { equals: published } }) { docs { id title slug summary objective users
    targetGroups { id title slug } targetGroupNote fieldsOfAction { id title slug order } implementation steps pitfalls assessment
    contactsNote financing advice editorialAssessment { processPhase timeEffort staffEffort financialEffort participation complexity }
    ratingsLocked commentCount ratingSummary updatedAt createdAt _status }
    totalDocs limit page totalPages hasNextPage hasPrevPage nextPage prevPage pagingCounter } }`,
})
/** The same GraphQL query by GET (GraphQL over HTTP), as a CDN-friendly member site asks it. */
const MODULE_LIST_GRAPHQL_GET = `/api/graphql?query=${encodeURIComponent(
  (JSON.parse(MODULE_LIST_GRAPHQL) as { query: string }).query,
)}`
/** The GraphQL query under a new operation name each time: a new request, Payload runs. */
const uncachedGraphqlBody = (index: number) =>
  MODULE_LIST_GRAPHQL.replace('"query {', `"query List${index} {`).replace(
    /}$/,
    `,"operationName":"List${index}"}`,
  )
/** Of every this many requests of the "reads with ratings" rows, one is a rating. */
const READS_PER_RATING = 8
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
const pairedRatio = (
  big: Measurement,
  small: Measurement,
  figure: keyof Pick<RunResult, 'p50Ms' | 'p99Ms' | 'requestsPerSecond'>,
) => median(big.runs.map((run, index) => run[figure] / small.runs[index]![figure])).toFixed(2)

const describeErrors = (measurement: Measurement): string => {
  const non2xx = Object.entries(measurement.non2xx)
  const parts = [
    non2xx.length
      ? `unexpected status: ${non2xx.map(([status, count]) => `${count}× ${status}`).join(', ')}`
      : 'unexpected status: 0',
  ]
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

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`

/** Least-squares slope of (seconds, bytes) samples, in MB per minute. */
const slopeMbPerMinute = (samples: { bytes: number; seconds: number }[]) => {
  const n = samples.length
  if (n < 2) {
    return 0
  }
  const meanX = samples.reduce((sum, s) => sum + s.seconds, 0) / n
  const meanY = samples.reduce((sum, s) => sum + s.bytes, 0) / n
  const covariance = samples.reduce((sum, s) => sum + (s.seconds - meanX) * (s.bytes - meanY), 0)
  const variance = samples.reduce((sum, s) => sum + (s.seconds - meanX) ** 2, 0)
  return variance ? ((covariance / variance) * 60) / 1024 / 1024 : 0
}

/** A GET cycling through paths; `isUncached` makes every URL new (a cache miss, Payload's full path). */
const cyclingGet = (
  paths: string[],
  { headers, isUncached = false }: { headers?: Record<string, string>; isUncached?: boolean } = {},
): autocannon.Request => {
  let next = 0
  return {
    headers,
    method: 'GET',
    setupRequest: (request) => {
      const index = next++
      const base = paths[index % paths.length]!
      return {
        ...request,
        path: isUncached ? `${base}${base.includes('?') ? '&' : '?'}bench-miss=${index}` : base,
      }
    },
  }
}

const main = async () => {
  const settings = readBenchSettings()
  const startedAt = new Date()
  const loadBefore = loadAverage()
  const timings: string[] = []
  const notes: string[] = []
  await fs.mkdir(WORK_DIR, { recursive: true })

  const watchdog = setTimeout(() => {
    console.error(
      `[bench] Not finished after ${settings.timeoutMinutes} min (BENCH_TIMEOUT_MINUTES): stopping.`,
    )
    void cleanUp().finally(() => process.exit(1))
  }, settings.timeoutMinutes * 60_000)
  watchdog.unref()

  const cluster = await timed(timings, 'PostgreSQL start', () =>
    startEmbeddedPostgres({
      dataDir: path.join(WORK_DIR, 'postgres'),
      isDurable: settings.isDurable,
      log,
    }),
  )
  cleanups.push({ name: 'stop PostgreSQL', run: cluster.stop })
  const adminUrl = cluster.urlFor('postgres')
  const databaseUrl = cluster.urlFor(DATABASE)
  await recreateDatabase(adminUrl, DATABASE)
  cleanups.push({
    name: 'drop the benchmark database',
    run: () => dropDatabase(adminUrl, DATABASE),
  })
  const machine = describeMachine(await postgresVersion(adminUrl))

  const env: NodeJS.ProcessEnv = {
    DATA_DIR: path.join(WORK_DIR, 'data'),
    DATABASE_URL: databaseUrl,
    // The burst comes from one address: the per-client registration limit would refuse it.
    EVENT_REGISTRATION_RATE_LIMIT_MAX: '0',
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
    (async () => {
      await timed(timings, 'migrate', async () => {
        const { exitCode, output } = await runScript({
          args: ['scripts/payload.ts', 'migrate'],
          env: { ...env, LOG_LEVEL: 'info' },
          timeoutMs: 5 * 60_000,
        })
        if (exitCode !== 0) {
          throw new Error(`migrate failed (exit code ${exitCode}):\n${output.slice(-4000)}`)
        }
      })
    })(),
    timed(timings, `production build (${DIST_DIR}, reused when current)`, () =>
      buildNext({ isVerbose: false, log: (message) => log(message) }).finally(
        dropDistDirFromTsconfig,
      ),
    ),
    // The server as `npm start` runs it (dist/server/server.mjs); BENCH_SERVER=tsx: the sources.
    timed(timings, 'server build', () => buildServer({ log })),
  ])
  const { dataset: size } = settings
  const dataset = await timed(
    timings,
    `data set (${formatCount(size.municipalities)} municipalities, ${formatCount(size.projects)} projects, ${formatCount(size.modules)} modules, ${formatCount(size.events)} events, ${formatCount(size.ratings)} ratings) + VACUUM ANALYZE`,
    () => generateDataset({ databaseUrl, size }),
  )

  const server = await timed(timings, 'server start', () =>
    // The first start builds the search index of the data set (written past the hooks).
    startServerProcess({
      // A diagnostic report and a heap snapshot on a signal (lib/memory.ts).
      env: {
        ...benchServerEnv(),
        ...env,
        NODE_OPTIONS: serverMemoryOptions(DIAGNOSTICS_DIR),
      },
      logFile: path.join(WORK_DIR, 'server.log'),
      // Node refuses --cpu-prof in NODE_OPTIONS: an argument before the script.
      script: [
        ...(settings.isCpuProfile ? cpuProfileArgs(DIAGNOSTICS_DIR) : []),
        ...benchServerScript(),
      ],
      timeoutMs: 10 * 60_000,
    }),
  )
  cleanups.push({ name: 'stop the server', run: server.stop })
  log(`server ready at ${server.url} (log: bench/.work/server.log)`)
  const floor = await timed(timings, 'floor start', () =>
    startServerProcess({
      env: { DATABASE_URL: databaseUrl, NODE_ENV: 'production' },
      logFile: path.join(WORK_DIR, 'floor.log'),
      readyPath: '/modules',
      script: 'bench/floor.ts',
      timeoutMs: 60_000,
    }),
  )
  cleanups.push({ name: 'stop the floor', run: floor.stop })

  const token = await createAdmin(server.url)
  const { bigModuleId, smallModuleId } = dataset
  await rateThroughApi({ baseUrl: server.url, count: SMALL_RATINGS, moduleId: smallModuleId })
  const fixed = await timed(timings, 'ratings:recount --fix', () =>
    recount({ env, shouldFix: true }),
  )
  log(`recount: ${fixed.checked} summaries checked, ${fixed.differences} differences fixed`)
  const bigRatings = Math.floor(size.ratings / 2)
  for (const [id, expected] of [
    [smallModuleId, SMALL_RATINGS],
    [bigModuleId, bigRatings],
  ] as const) {
    const raterCount = await readRaterCount({ baseUrl: server.url, moduleId: id })
    if (raterCount !== expected) {
      throw new Error(`Module ${id} reports ${raterCount} raters, expected ${expected}.`)
    }
  }

  // The floor must answer what Payload answers, or the ratio means nothing.
  const [payloadList, floorList] = await Promise.all([
    fetch(`${server.url}${MODULE_LIST_PATH}`).then(
      (response) => response.json() as Promise<unknown>,
    ),
    fetch(`${floor.url}/modules`).then((response) => response.json() as Promise<unknown>),
  ])
  const isFloorEqual = isDeepStrictEqual(payloadList, floorList)
  const listBytes = Buffer.byteLength(JSON.stringify(payloadList))
  notes.push(
    `floor check: the floor's JSON ${isFloorEqual ? 'equals' : 'DIFFERS FROM'} Payload's for ${MODULE_LIST_PATH} (${formatCount(listBytes)} bytes, parsed and compared deeply)`,
  )
  if (!isFloorEqual) {
    log('WARNING: the floor answers differently from Payload; see bench/results.md')
  }
  const listEtag = (await fetch(`${server.url}${MODULE_LIST_PATH}`)).headers.get('etag')
  if (!listEtag) {
    throw new Error('The module list has no ETag: is the HTTP cache on (HTTP_CACHE)?')
  }

  const datasetPaths = readPathsOf(dataset)
  const { eventPaths, projectPaths, slugPaths } = datasetPaths

  const measureAll = (scenarios: Scenario[]) =>
    measure({
      log,
      runs: settings.runs,
      scenarios,
      seconds: settings.seconds,
      url: server.url,
      warmupSeconds: settings.warmupSeconds,
    })
  const measureFloor = (scenarios: Scenario[]) =>
    measure({
      log,
      runs: settings.runs,
      scenarios,
      seconds: settings.seconds,
      url: floor.url,
      warmupSeconds: settings.warmupSeconds,
    })
  const { connections } = settings
  const rows: TableRow[] = []
  const rssAtStart = server.rssBytes()
  notes.push(
    await describeServerMemory({
      dir: DIAGNOSTICS_DIR,
      server,
      when: 'after start and data checks',
    }),
  )

  // A new visitor rating one of a few modules: the rating row, and one request of the mixed load.
  const ratingModuleIds = dataset.moduleIds.slice(2, 2 + settings.ratingModules)
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
  /** The write rows (ratings, the registration burst and its confirmations), as their table rows. */
  const measureWrites = async (): Promise<TableRow[]> => {
    const writeRows: TableRow[] = []
    log(`row: ratings at ${RATING_CONNECTIONS} connections over ${settings.ratingModules} modules`)
    const [rating] = await measureAll([
      { connections: RATING_CONNECTIONS, name: 'rate', requests: [rateRequest] },
    ])
    const ratingRow: TableRow = {
      name: `rate a module (POST), ${RATING_CONNECTIONS} connections`,
      notes: `a new visitor per request over ${ratingModuleIds.length} modules, ${formatCount(size.ratings)} ratings in the table; ${describeErrors(rating!)}`,
      ratioToFloor: ratio(rating!),
      ...rating!.median,
    }
    writeRows.push(ratingRow)

    log(
      `row: registration burst, ${formatCount(settings.burst.registrations)} for ${settings.burst.seats} seats`,
    )
    const eventId = await createBurstEvent({
      baseUrl: server.url,
      seats: settings.burst.seats,
      token,
    })
    await settle(server.url)
    // The server's CPU time per request: a figure the machine's other work hardly changes.
    const cpuBeforeBurst = server.cpuMs()
    const registered = await runOnce({
      amount: settings.burst.registrations,
      scenario: {
        connections: BURST_CONNECTIONS,
        name: 'register',
        requests: [registrationRequest(eventId)],
      },
      seconds: 0,
      url: server.url,
    })
    const burstCpuMs = server.cpuMs() - cpuBeforeBurst
    const confirmTokens = await confirmTokensOf(databaseUrl)
    await settle(server.url)
    const cpuBeforeConfirmations = server.cpuMs()
    const confirmed = await runOnce({
      amount: confirmTokens.length,
      scenario: {
        connections: BURST_CONNECTIONS,
        name: 'confirm',
        requests: [confirmationRequest(confirmTokens)],
      },
      seconds: 0,
      url: server.url,
    })
    const confirmationsCpuMs = server.cpuMs() - cpuBeforeConfirmations
    const statuses = await registrationStatuses(databaseUrl, eventId)
    const seatsCheck = `afterwards ${Object.entries(statuses)
      .map(([status, n]) => `${n} ${status}`)
      .join(', ')} (expected ${settings.burst.seats} confirmed)`
    const burstNotes = (result: RunResult) =>
      `p95 ${result.p95Ms.toFixed(1)} ms; ${
        Object.keys(result.non2xx).length
          ? `non-2xx: ${Object.entries(result.non2xx)
              .map(([status, n]) => `${n}× ${status}`)
              .join(', ')}`
          : 'non-2xx: 0'
      }${result.errors ? `; errors: ${result.errors}` : ''}`
    writeRows.push(
      {
        name: `registration burst: ${formatCount(settings.burst.registrations)} POST /api/events/:id/registrations, ${BURST_CONNECTIONS} conn.`,
        notes: `${formatCount(registered.responses)} answered; ${burstNotes(registered)}; ${cpuPerRequest(burstCpuMs, registered.responses)}`,
        p50Ms: registered.p50Ms,
        p99Ms: registered.p99Ms,
        ratioToFloor: registered.requestsPerSecond / floorRate,
        requestsPerSecond: registered.requestsPerSecond,
      },
      {
        name: `… then the ${formatCount(confirmTokens.length)} confirmations (POST to the mailed links), ${BURST_CONNECTIONS} conn.`,
        notes: `${seatsCheck}; ${burstNotes(confirmed)}; ${cpuPerRequest(confirmationsCpuMs, confirmed.responses)}`,
        p50Ms: confirmed.p50Ms,
        p99Ms: confirmed.p99Ms,
        ratioToFloor: confirmed.requestsPerSecond / floorRate,
        requestsPerSecond: confirmed.requestsPerSecond,
      },
    )
    return writeRows
  }

  /**
   * The mixed load: what member sites and visitors do together for BENCH_MIXED_SECONDS, with
   * the server's RSS sampled throughout and its memory described after it.
   */
  const measureMixed = async (): Promise<{ notes: string[]; row: TableRow; trend: number }> => {
    log(
      `mixed load for ${settings.mixedSeconds} s at ${MIXED_CONNECTIONS} connections, RSS every ${RSS_SAMPLE_MS / 1000} s`,
    )
    const mixedPaths = mixedPathCycler(datasetPaths)
    const rssBefore = server.rssBytes()
    const samples: { bytes: number; seconds: number }[] = [{ bytes: rssBefore, seconds: 0 }]
    const mixedStarted = Date.now()
    const sampler = setInterval(
      () => samples.push({ bytes: server.rssBytes(), seconds: (Date.now() - mixedStarted) / 1000 }),
      RSS_SAMPLE_MS,
    )
    await settle(server.url)
    const mixed = await runOnce({
      scenario: {
        connections: MIXED_CONNECTIONS,
        // The conditional GETs among them answer 304.
        expectedStatus: 'ok',
        name: 'mixed',
        requests: [
          { method: 'GET', setupRequest: (request) => ({ ...request, path: mixedPaths() }) },
          { method: 'GET', setupRequest: (request) => ({ ...request, path: mixedPaths() }) },
          { headers: { 'if-none-match': listEtag }, method: 'GET', path: MODULE_LIST_PATH },
          { method: 'GET', setupRequest: (request) => ({ ...request, path: mixedPaths() }) },
          {
            body: MODULE_LIST_GRAPHQL,
            headers: { 'content-type': 'application/json' },
            method: 'POST',
            path: '/api/graphql',
          },
          { method: 'GET', setupRequest: (request) => ({ ...request, path: mixedPaths() }) },
          { ...rateRequest },
          { method: 'GET', setupRequest: (request) => ({ ...request, path: mixedPaths() }) },
        ],
      },
      seconds: settings.mixedSeconds,
      url: server.url,
    })
    clearInterval(sampler)
    const rssAfter = server.rssBytes()
    samples.push({ bytes: rssAfter, seconds: (Date.now() - mixedStarted) / 1000 })
    const laterHalf = samples.filter((sample) => sample.seconds >= settings.mixedSeconds / 2)
    const trend = slopeMbPerMinute(laterHalf)
    const mixedNotes = [
      `server RSS: ${megabytes(rssAtStart)} after start and data checks, ${megabytes(rssBefore)} before the mixed load, ${megabytes(rssAfter)} after it`,
      await describeServerMemory({ dir: DIAGNOSTICS_DIR, server, when: 'after the mixed load' }),
    ]
    if (settings.isHeapSnapshot) {
      mixedNotes.push(await describeHeapSnapshot({ dir: DIAGNOSTICS_DIR, server }))
    }
    return {
      notes: mixedNotes,
      row: {
        name: `mixed load for ${formatCount(Math.round((settings.mixedSeconds / 60) * 10) / 10)} min, ${MIXED_CONNECTIONS} conn.: server RSS ${megabytes(rssBefore)} before → ${megabytes(rssAfter)} after`,
        notes: `lists, details (all ${formatCount(slugPaths.length)} projects), 304s, GraphQL and ratings; RSS trend over the second half ${trend >= 0 ? '+' : ''}${trend.toFixed(1)} MB/min (samples: ${samples.map((sample) => Math.round(sample.bytes / 1024 / 1024)).join(', ')} MB); ${describeErrors({ ...mixed, connections: MIXED_CONNECTIONS, median: mixed, name: 'mixed', runs: [mixed] } as Measurement)}`,
        p50Ms: mixed.p50Ms,
        p99Ms: mixed.p99Ms,
        ratioToFloor: mixed.requestsPerSecond / floorRate,
        requestsPerSecond: mixed.requestsPerSecond,
      },
      trend,
    }
  }

  /** BENCH_ONLY: the rows measured so far, to bench/.work/results-<only>.md (results.md untouched). */
  const writeOnly = async (only: 'cache' | 'memory' | 'search', measured: TableRow[]) => {
    const table = markdownTable(measured)
    const lines = [
      ...notes,
      `setup: ${timings.join(', ')}`,
      `load average (1/5/15 min) before: ${loadBefore}, after: ${loadAverage()}`,
    ]
    console.info(`\n${table}\n\n${lines.map((line) => `- ${line}`).join('\n')}\n`)
    await writeResults({
      appendix: '',
      file: path.join(WORK_DIR, `results-${only}.md`),
      lines,
      machine,
      settings: `BENCH_ONLY=${only}, BENCH_SECONDS=${settings.seconds}, BENCH_RUNS=${settings.runs} (medians), BENCH_CONNECTIONS=${connections}`,
      startedAt,
      table,
    })
    log(
      `written to bench/.work/results-${only}.md (BENCH_ONLY=${only}: bench/results.md untouched)`,
    )
  }

  // Floor and the same request through Payload take turns run by run.
  log(`rows: floor, REST and GraphQL at ${connections} connections`)
  const floorScenario: Scenario = {
    connections,
    name: 'floor',
    requests: [{ method: 'GET', path: '/modules' }],
  }
  const [floorResult] = await measureFloor([floorScenario])
  const floorRate = floorResult!.median.requestsPerSecond
  const ratio = (measurement: Measurement) => measurement.median.requestsPerSecond / floorRate

  let graphqlIndex = 0
  const floorRow: TableRow = {
    name: `floor: node:http + pg, 20 modules with Handlungsfelder, ${connections} conn.`,
    notes: `one SQL statement; ${describeErrors(floorResult!)}`,
    ratioToFloor: 1,
    ...floorResult!.median,
  }
  const uncachedGraphqlRequest: autocannon.Request = {
    headers: { 'content-type': 'application/json' },
    method: 'POST',
    path: '/api/graphql',
    setupRequest: (request) => ({ ...request, body: uncachedGraphqlBody(graphqlIndex++) }),
  }

  if (settings.only === 'search') {
    const searchOnly = await searchRows({
      connections,
      databaseUrl,
      env,
      floorRate,
      log,
      measure: measureAll,
    })
    await writeOnly('search', [floorRow, ...searchOnly])
    return
  }

  if (settings.only === 'memory') {
    // What the rows before it leave in memory: kept documents, GraphQL's schemas, answers.
    log('warm-up: uncached REST and GraphQL lists')
    const [rest, graphqlWarm] = await measureAll([
      {
        connections,
        name: 'REST list (uncached)',
        requests: [cyclingGet([MODULE_LIST_PATH], { isUncached: true })],
      },
      { connections, name: 'GraphQL list (uncached)', requests: [uncachedGraphqlRequest] },
    ])
    const mixed = await measureMixed()
    notes.push(...mixed.notes)
    await writeOnly('memory', [
      floorRow,
      { name: 'REST list uncached', notes: '', ratioToFloor: ratio(rest!), ...rest!.median },
      {
        name: 'GraphQL list uncached',
        notes: '',
        ratioToFloor: ratio(graphqlWarm!),
        ...graphqlWarm!.median,
      },
      mixed.row,
    ])
    return
  }

  const [restCached, restUncached, graphql, graphqlPost, graphqlGet] = await measureAll([
    {
      connections,
      name: 'REST list (cache)',
      requests: [{ method: 'GET', path: MODULE_LIST_PATH }],
    },
    {
      connections,
      name: 'REST list (uncached)',
      requests: [cyclingGet([MODULE_LIST_PATH], { isUncached: true })],
    },
    {
      connections,
      name: 'GraphQL list (uncached)',
      requests: [uncachedGraphqlRequest],
    },
    {
      connections,
      name: 'GraphQL list (POST, repeated)',
      requests: [
        {
          body: MODULE_LIST_GRAPHQL,
          headers: { 'content-type': 'application/json' },
          method: 'POST',
          path: '/api/graphql',
        },
      ],
    },
    {
      connections,
      name: 'GraphQL list (GET, repeated)',
      requests: [{ method: 'GET', path: MODULE_LIST_GRAPHQL_GET }],
    },
  ])
  rows.push(
    floorRow,
    {
      name: `REST \`${MODULE_LIST_PATH}\`, ${connections} conn., served from the cache`,
      notes: `the same URL again and again (a member site's front page); ${describeErrors(restCached!)}`,
      ratioToFloor: ratio(restCached!),
      ...restCached!.median,
    },
    {
      name: `… uncached (a new URL per request: the list's query runs every time)`,
      notes: `its documents as Payload wrote them for earlier lists (kept documents; the row without them follows the reads with ratings); ${describeErrors(restUncached!)}`,
      ratioToFloor: ratio(restUncached!),
      ...restUncached!.median,
    },
    {
      name: `GraphQL, the same list and fields, ${connections} conn., uncached`,
      notes: `POST, a new operation name per request (never from memory: Payload runs the list's query, the documents are those kept, as for the uncached REST row); ${describeErrors(graphql!)}`,
      ratioToFloor: ratio(graphql!),
      ...graphql!.median,
    },
    {
      name: `… repeated: the same POST body, from the server's memory`,
      notes: `${(graphqlPost!.median.requestsPerSecond / graphql!.median.requestsPerSecond).toFixed(1)}× uncached; ${describeErrors(graphqlPost!)}`,
      ratioToFloor: ratio(graphqlPost!),
      ...graphqlPost!.median,
    },
    {
      name: `… repeated: GET /api/graphql?query=… (ETag, cacheable by CDNs)`,
      notes: `${(graphqlGet!.median.requestsPerSecond / graphql!.median.requestsPerSecond).toFixed(1)}× uncached; ${describeErrors(graphqlGet!)}`,
      ratioToFloor: ratio(graphqlGet!),
      ...graphqlGet!.median,
    },
  )

  const hotSlugPaths = slugPaths.slice(0, 50)
  // Reads with ratings: member sites read what is cached while visitors rate modules. Measured
  // as the cache works (a rating drops only the answers that show its module), then on a
  // second server with HTTP_CACHE_TARGETED=false (every write drops every answer, as before).
  const readPaths = [
    MODULE_LIST_PATH,
    ...eventPaths.slice(0, 20),
    ...projectPaths,
    ...hotSlugPaths,
    ...dataset.moduleIds.slice(0, 50).map((id) => `/api/modules/${id}`),
  ]
  const readsWithRatings = (name: string): Scenario => {
    let nextRated = 0
    return {
      connections: MIXED_CONNECTIONS,
      name,
      requests: [
        ...Array.from({ length: READS_PER_RATING - 1 }, () => cyclingGet(readPaths)),
        {
          headers: { 'content-type': 'application/json' },
          method: 'POST',
          setupRequest: (request) => ({
            ...request,
            body: randomRatingBody(),
            path: `/api/modules/${dataset.moduleIds[nextRated++ % dataset.moduleIds.length]}/ratings`,
          }),
        },
      ],
    }
  }
  log(`rows: reads with ratings (1 in ${READS_PER_RATING}) at ${MIXED_CONNECTIONS} connections`)
  const [targeted] = await measureAll([readsWithRatings('reads with ratings')])
  // The same server also shows the uncached list as Payload reads it whole (no kept documents).
  const untargetedServer = await timed(
    timings,
    'second server (HTTP_CACHE_TARGETED=false, HTTP_CACHE_DOCUMENTS=false)',
    () =>
      startServerProcess({
        env: {
          ...benchServerEnv(),
          ...env,
          HTTP_CACHE_DOCUMENTS: 'false',
          HTTP_CACHE_TARGETED: 'false',
        },
        logFile: path.join(WORK_DIR, 'server-untargeted.log'),
        script: benchServerScript(),
        timeoutMs: 3 * 60_000,
      }),
  )
  let untargeted: Measurement
  let restWhole: Measurement
  let graphqlWhole: Measurement
  let graphqlWholeIndex = 0
  try {
    ;[untargeted, restWhole, graphqlWhole] = (await measure({
      log,
      runs: settings.runs,
      scenarios: [
        readsWithRatings('reads with ratings, every write drops everything'),
        {
          connections,
          name: 'REST list (uncached, no kept documents)',
          requests: [cyclingGet([MODULE_LIST_PATH], { isUncached: true })],
        },
        {
          connections,
          name: 'GraphQL list (uncached, no kept documents)',
          requests: [
            {
              headers: { 'content-type': 'application/json' },
              method: 'POST',
              path: '/api/graphql',
              setupRequest: (request) => ({
                ...request,
                body: uncachedGraphqlBody(graphqlWholeIndex++),
              }),
            },
          ],
        },
      ],
      seconds: settings.seconds,
      url: untargetedServer.url,
      warmupSeconds: settings.warmupSeconds,
    })) as [Measurement, Measurement, Measurement]
  } finally {
    await untargetedServer.stop()
  }
  rows.push(
    {
      name: `reads with ratings: ${READS_PER_RATING - 1} cached reads (lists, details) per rating, ${MIXED_CONNECTIONS} conn.`,
      notes: `a rating drops the answers that show its module; reads cycle over ${readPaths.length} URLs, ratings over all ${dataset.moduleIds.length} modules; ${describeErrors(targeted!)}`,
      ratioToFloor: ratio(targeted!),
      ...targeted!.median,
    },
    {
      name: `REST list uncached, Payload reading every document (HTTP_CACHE_DOCUMENTS=false), ${connections} conn.`,
      notes: `as before lists were made from kept documents; ${(restUncached!.median.requestsPerSecond / restWhole.median.requestsPerSecond).toFixed(1)}× this with them; ${describeErrors(restWhole)}`,
      ratioToFloor: ratio(restWhole),
      ...restWhole.median,
    },
    {
      name: `GraphQL uncached, Payload resolving every field (HTTP_CACHE_DOCUMENTS=false), ${connections} conn.`,
      notes: `as before GraphQL lists were made from kept documents; ${(graphql!.median.requestsPerSecond / graphqlWhole.median.requestsPerSecond).toFixed(1)}× this with them; ${describeErrors(graphqlWhole)}`,
      ratioToFloor: ratio(graphqlWhole),
      ...graphqlWhole.median,
    },
    {
      name: '… every write dropping every answer (as before: HTTP_CACHE_TARGETED=false)',
      notes: `${(targeted!.median.requestsPerSecond / untargeted.median.requestsPerSecond).toFixed(1)}× this with targeted drops; ${describeErrors(untargeted)}`,
      ratioToFloor: ratio(untargeted),
      ...untargeted.median,
    },
  )

  if (settings.only === 'cache') {
    await writeOnly('cache', rows)
    return
  }

  log(`rows: member-site lists and detail by slug at ${connections} connections`)
  const [eventsCached, eventsUncached, projectsCached, projectsUncached, slugCached, slugUncached] =
    await measureAll([
      { connections, name: 'events (cache)', requests: [cyclingGet(eventPaths)] },
      {
        connections,
        name: 'events (uncached)',
        requests: [cyclingGet(eventPaths, { isUncached: true })],
      },
      { connections, name: 'projects (cache)', requests: [cyclingGet(projectPaths)] },
      {
        connections,
        name: 'projects (uncached)',
        requests: [cyclingGet(projectPaths, { isUncached: true })],
      },
      { connections, name: 'slug (cache)', requests: [cyclingGet(hotSlugPaths)] },
      {
        connections,
        name: 'slug (uncached)',
        requests: [cyclingGet(slugPaths, { isUncached: true })],
      },
    ])
  rows.push(
    {
      name: `events of a municipality in a date range (REST, depth 1), ${connections} conn., cache`,
      notes: `cycling over ${dataset.eventMunicipalityIds.length} municipalities; ${describeErrors(eventsCached!)}`,
      ratioToFloor: ratio(eventsCached!),
      ...eventsCached!.median,
    },
    {
      name: '… uncached',
      notes: describeErrors(eventsUncached!),
      ratioToFloor: ratio(eventsUncached!),
      ...eventsUncached!.median,
    },
    {
      name: `projects of a Handlungsfeld (REST, depth 1), ${connections} conn., cache`,
      notes: `cycling over ${dataset.fieldOfActionIds.length} Handlungsfelder; ${describeErrors(projectsCached!)}`,
      ratioToFloor: ratio(projectsCached!),
      ...projectsCached!.median,
    },
    {
      name: '… uncached',
      notes: describeErrors(projectsUncached!),
      ratioToFloor: ratio(projectsUncached!),
      ...projectsUncached!.median,
    },
    {
      name: `project by slug (REST, depth 1), ${connections} conn., cache`,
      notes: `cycling over ${hotSlugPaths.length} projects; ${describeErrors(slugCached!)}`,
      ratioToFloor: ratio(slugCached!),
      ...slugCached!.median,
    },
    {
      name: '… uncached',
      notes: `cycling over all ${formatCount(slugPaths.length)} published projects; ${describeErrors(slugUncached!)}`,
      ratioToFloor: ratio(slugUncached!),
      ...slugUncached!.median,
    },
  )

  log(`row: conditional GET (304) at ${connections} connections`)
  const [notModified] = await measureAll([
    {
      connections,
      expectedStatus: 304,
      name: '304',
      requests: [{ headers: { 'if-none-match': listEtag }, method: 'GET', path: MODULE_LIST_PATH }],
    },
  ])
  const notModifiedFactor =
    notModified!.median.requestsPerSecond / restUncached!.median.requestsPerSecond
  rows.push({
    name: `conditional GET of the REST list, matching ETag → 304, ${connections} conn.`,
    notes: `${notModifiedFactor.toFixed(1)}× the uncached REST list (target ≥ 5×); ${describeErrors(notModified!)}`,
    ratioToFloor: ratio(notModified!),
    ...notModified!.median,
  })

  // The visitor widgets: their size (the budget is 35 KB with gzip for all elements) and what
  // serving the immutable bundle to a page's visitors costs.
  const widgetSizes = sizesOf(await buildWidgets())
  const loader = await (await fetch(`${server.url}${WIDGETS_PATH}quartiersnetz.js`)).text()
  const bundlePath = `${WIDGETS_PATH}${/\.\/(quartiersnetz-[0-9a-f]+\.js)/.exec(loader)?.[1] ?? 'missing.js'}`
  log(`row: the widgets' bundle (gzip) at ${connections} connections`)
  const [widgetBundle] = await measureAll([
    {
      connections,
      name: 'widgets',
      requests: [{ headers: { 'accept-encoding': 'gzip' }, method: 'GET', path: bundlePath }],
    },
  ])
  rows.push({
    name: `visitor widgets: all elements ${(widgetSizes.gzipBytes / 1024).toFixed(1)} KB gzip (${(widgetSizes.brotliBytes / 1024).toFixed(1)} KB brotli, ${(widgetSizes.bytes / 1024).toFixed(1)} KB raw), GET of the bundle, ${connections} conn.`,
    notes: `budget ≤ 35 KB gzip: ${widgetSizes.gzipBytes <= 35 * 1024 ? 'met' : 'NOT met'}; immutable, from memory, precompressed; ${describeErrors(widgetBundle!)}`,
    ratioToFloor: ratio(widgetBundle!),
    ...widgetBundle!.median,
  })

  // Issue 4: a module's read must cost the same with 10 and with many ratings (uncached reads).
  await new Promise((resolve) => setTimeout(resolve, STATS_SETTLE_MS))
  const scansBeforeReads = await ratingsTableScans(databaseUrl)
  for (const readConnections of [1, connections]) {
    log(
      `rows: module read (uncached) at ${readConnections} connection(s), ${SMALL_RATINGS} vs ${formatCount(bigRatings)} ratings`,
    )
    const [small, big] = await measureAll([
      {
        connections: readConnections,
        name: `read, ${SMALL_RATINGS} ratings`,
        requests: [cyclingGet([`/api/modules/${smallModuleId}`], { isUncached: true })],
      },
      {
        connections: readConnections,
        name: `read, ${formatCount(bigRatings)} ratings`,
        requests: [cyclingGet([`/api/modules/${bigModuleId}`], { isUncached: true })],
      },
    ])
    const paired = {
      p50: pairedRatio(big!, small!, 'p50Ms'),
      p99: pairedRatio(big!, small!, 'p99Ms'),
      rate: pairedRatio(big!, small!, 'requestsPerSecond'),
    }
    notes.push(
      `read ${formatCount(bigRatings)} ÷ ${SMALL_RATINGS} ratings at ${readConnections} connection(s), median of the paired runs: p50 ×${paired.p50}, p99 ×${paired.p99}, req/s ×${paired.rate} (≈1 expected)`,
    )
    rows.push(
      {
        name: `read a module (GET, uncached), ${SMALL_RATINGS} ratings, ${readConnections} conn.`,
        notes: describeErrors(small!),
        ratioToFloor: ratio(small!),
        ...small!.median,
      },
      {
        name: `read a module (GET, uncached), ${formatCount(bigRatings)} ratings, ${readConnections} conn.`,
        notes: `vs ${SMALL_RATINGS} ratings (paired runs): p50 ×${paired.p50}, req/s ×${paired.rate}; ${describeErrors(big!)}`,
        ratioToFloor: ratio(big!),
        ...big!.median,
      },
    )
  }
  await new Promise((resolve) => setTimeout(resolve, STATS_SETTLE_MS))
  notes.push(
    `scans of the ratings table (pg_stat_user_tables) during the module reads: ${(await ratingsTableScans(databaseUrl)) - scansBeforeReads} (0 expected: a read uses the summary only)`,
  )

  const writeRows = await measureWrites()
  // The rating row's notes get the recount after the mixed load.
  const ratingRow = writeRows[0]!
  rows.push(...writeRows)

  // Mixed load: what member sites and visitors do together, while the server's memory is watched.
  const mixed = await measureMixed()
  rows.push(mixed.row)
  notes.push(...mixed.notes)
  const { trend } = mixed

  // Full-text search and the method catalogue, uncached (bench/search.ts).
  rows.push(
    ...(await searchRows({ connections, databaseUrl, env, floorRate, log, measure: measureAll })),
  )

  // The ratings of the rating row and the mixed load ran in parallel: their summaries must still equal a recount.
  const check = await timed(timings, 'ratings:recount (check)', () =>
    recount({ env, shouldFix: false }),
  )
  ratingRow.notes += `; recount after all rating rows: ${check.differences} differences in ${check.checked} summaries`

  const restTargetMet = ratio(restCached!) >= 0.5 && restCached!.median.p99Ms <= 50
  notes.unshift(
    `targets (2 cores): REST list ≥ 0.5× floor and p99 ≤ 50 ms at ${connections} connections: ${restTargetMet ? 'met' : 'NOT met'} (${ratio(restCached!).toFixed(2)}×, p99 ${restCached!.median.p99Ms.toFixed(1)} ms; uncached ${ratio(restUncached!).toFixed(2)}×, p99 ${restUncached!.median.p99Ms.toFixed(0)} ms); ` +
      `304 ≥ 5× uncached: ${notModifiedFactor >= 5 ? 'met' : 'NOT met'} (${notModifiedFactor.toFixed(1)}×); ` +
      `no RSS growth trend: ${Math.abs(trend) < 5 ? 'met' : 'check'} (${trend.toFixed(1)} MB/min over the second half)`,
  )

  const table = markdownTable(rows)
  const settingsLine = [
    `BENCH_SECONDS=${settings.seconds}`,
    `BENCH_WARMUP_SECONDS=${settings.warmupSeconds}`,
    `BENCH_RUNS=${settings.runs} (medians)`,
    `BENCH_CONNECTIONS=${connections}`,
    `data set ${formatCount(size.municipalities)} / ${formatCount(size.projects)} / ${formatCount(size.modules)} / ${formatCount(size.events)} / ${formatCount(size.ratings)} (BENCH_MUNICIPALITIES / _PROJECTS / _MODULES / _EVENTS / _RATINGS)`,
    `BENCH_MIXED_SECONDS=${settings.mixedSeconds}`,
    `BENCH_BURST=${settings.burst.registrations} for BENCH_BURST_SEATS=${settings.burst.seats}`,
    `PostgreSQL ${settings.isDurable ? 'durable (fsync on)' : 'fsync and synchronous_commit off (BENCH_DURABLE=1 for on)'}`,
    `DATABASE_POOL_SIZE=${process.env.DATABASE_POOL_SIZE || '10'}`,
    'production build, LOG_LEVEL=warn, rate limits off, HTTP cache on (default settings), autocannon in the bench process on the same machine',
  ].join(', ')
  const lines = [
    ...notes,
    `setup: ${timings.join(', ')}`,
    `load average (1/5/15 min) before: ${loadBefore}, after: ${loadAverage()}. Other work on the machine makes the figures noisy; compare ratios within a run, not absolute figures across runs.`,
  ]
  const optimisations = await fs.readFile(OPTIMISATIONS_FILE, 'utf8').catch(() => '')
  console.info(`\n${table}\n\n${lines.map((line) => `- ${line}`).join('\n')}\n`)
  await writeResults({
    appendix: optimisations,
    file: RESULTS_FILE,
    lines,
    machine,
    settings: settingsLine,
    startedAt,
    table,
  })
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
