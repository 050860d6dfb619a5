/**
 * `node --import tsx bench/writes.ts`: only the write rows of `npm run bench` (rate a module at
 * 50 connections, the registration burst and its confirmations) and the server's memory, each
 * against the floor measured in the same run. For working on the write paths and the memory
 * without the 20 minutes of the whole benchmark; the figures of record come from `npm run bench`.
 *
 * The same harness as bench/run.ts (lib/*): its own embedded PostgreSQL under
 * bench/.work/writes/, a fresh database, the data set, a production build (.next-writes), the
 * server and the floor in processes of their own. Variables: BENCH_SECONDS, BENCH_RUNS,
 * BENCH_WARMUP_SECONDS, BENCH_RATINGS (default here 200,000), BENCH_BURST, BENCH_BURST_SEATS,
 * WRITES_MIXED_SECONDS (default 60; 0: no memory row), BENCH_SERVER_NODE_OPTIONS (e.g. `--cpu-prof
 * --cpu-prof-dir=bench/.work/writes/prof` or heap settings for the server process),
 * BENCH_SERVER (`start`, the default: the server as `npm start` runs it; `tsx`: the sources).
 */
import type autocannon from 'autocannon'

import crypto from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

import { buildNext } from '../scripts/buildNext'
import { buildServer } from '../scripts/buildServer'
import { startEmbeddedPostgres } from '../src/db/embeddedPostgres'
import { projectRoot } from '../src/runtime/paths'
import {
  confirmationRequest,
  confirmTokensOf,
  createAdmin,
  createBurstEvent,
  dropDatabase,
  randomRatingBody,
  registrationRequest,
  recreateDatabase,
  registrationStatuses,
} from './lib/fixtures'
import { generateDataset } from './lib/dataset'
import { measure, type RunResult, runOnce, settle } from './lib/load'
import {
  benchServerEnv,
  benchServerScript,
  runScript,
  startServerProcess,
  stopRunningChildren,
} from './lib/processes'
import { MODULE_LIST_PATH, mixedPathCycler, readPathsOf } from './lib/readPaths'
import { cpuPerRequest } from './lib/report'
import { readBenchSettings } from './lib/settings'

const WORK_DIR = path.join(projectRoot, 'bench', '.work', 'writes')
const DATABASE = 'qn_bench_writes'
const DIST_DIR = '.next-writes'

const log = (message: string) => console.info(`[writes] ${message}`)
const cleanups: (() => Promise<unknown>)[] = []
const cleanUp = async () => {
  await stopRunningChildren().catch(() => undefined)
  for (const run of cleanups.reverse()) {
    await run().catch((err: unknown) => console.error('[writes] cleanup failed:', err))
  }
}

/**
 * The compiled server (`npm run build`'s dist/server/server.mjs) as `npm start` runs it: plain
 * node, no tsx; otherwise as bench/lib/processes.ts starts src/server.ts.
 */
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`
const describe = (result: Pick<RunResult, 'p50Ms' | 'p95Ms' | 'p99Ms' | 'requestsPerSecond'>) =>
  `${result.requestsPerSecond.toFixed(1)} req/s, p50 ${result.p50Ms.toFixed(1)} ms, p95 ${result.p95Ms.toFixed(1)} ms, p99 ${result.p99Ms.toFixed(1)} ms`

const main = async () => {
  process.env.BENCH_RATINGS ??= '200000'
  const settings = readBenchSettings()
  const mixedSeconds = Number(process.env.WRITES_MIXED_SECONDS ?? 60)
  await fs.mkdir(WORK_DIR, { recursive: true })
  const cluster = await startEmbeddedPostgres({
    dataDir: path.join(WORK_DIR, 'postgres'),
    isDurable: settings.isDurable,
    log,
  })
  cleanups.push(cluster.stop)
  const adminUrl = cluster.urlFor('postgres')
  const databaseUrl = cluster.urlFor(DATABASE)
  await recreateDatabase(adminUrl, DATABASE)
  cleanups.push(() => dropDatabase(adminUrl, DATABASE))
  const env: NodeJS.ProcessEnv = {
    DATA_DIR: path.join(WORK_DIR, 'data'),
    DATABASE_URL: databaseUrl,
    EVENT_REGISTRATION_RATE_LIMIT_MAX: '0',
    JOBS_AUTORUN: 'false',
    LOG_LEVEL: 'warn',
    NEXT_DIST_DIR: DIST_DIR,
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production',
    PAYLOAD_SECRET: crypto.randomBytes(32).toString('hex'),
    RATINGS_PER_CLIENT_PER_HOUR: '0',
  }
  process.env.NEXT_DIST_DIR = DIST_DIR
  await Promise.all([
    runScript({ args: ['scripts/payload.ts', 'migrate'], env, timeoutMs: 5 * 60_000 }).then(
      ({ exitCode, output }) => {
        if (exitCode !== 0) {
          throw new Error(`migrate failed:\n${output.slice(-4000)}`)
        }
      },
    ),
    // BENCH_REUSE_BUILD=1: the build there is (e.g. only the compiled server changed).
    process.env.BENCH_REUSE_BUILD === '1'
      ? Promise.resolve()
      : buildNext({ isVerbose: false, log }),
    buildServer({ log }),
  ])
  const dataset = await generateDataset({ databaseUrl, size: settings.dataset })
  const serverOptions = process.env.BENCH_SERVER_NODE_OPTIONS
  const serverEnv = {
    ...env,
    ...(serverOptions ? { NODE_OPTIONS: `--no-deprecation ${serverOptions}` } : {}),
  }
  // The server builds the search index at its first start (the data set is written past the
  // hooks that keep it): minutes on the bench data set.
  const server = await startServerProcess({
    env: { ...benchServerEnv(), ...serverEnv },
    logFile: path.join(WORK_DIR, 'server.log'),
    script: benchServerScript(),
    timeoutMs: 10 * 60_000,
  })
  cleanups.push(server.stop)
  const floor = await startServerProcess({
    env: { DATABASE_URL: databaseUrl, NODE_ENV: 'production' },
    logFile: path.join(WORK_DIR, 'floor.log'),
    readyPath: '/modules',
    script: 'bench/floor.ts',
    timeoutMs: 60_000,
  })
  cleanups.push(floor.stop)
  // The data set writes ratings without summaries: counted once, as bench/run.ts does.
  const fixed = await runScript({
    args: ['scripts/payload.ts', 'ratings:recount', '--fix'],
    env: { ...env, LOG_LEVEL: 'info' },
    timeoutMs: 10 * 60_000,
  })
  if (fixed.exitCode !== 0) {
    throw new Error(`ratings:recount --fix failed:\n${fixed.output.slice(-4000)}`)
  }
  const token = await createAdmin(server.url)
  for (let i = 0; i < 5; i++) {
    await fetch(`${server.url}${MODULE_LIST_PATH}`).then((response) => response.arrayBuffer())
  }
  log(`server RSS after start and a handful of requests: ${mb(server.rssBytes())}`)

  const common = {
    log,
    runs: settings.runs,
    seconds: settings.seconds,
    warmupSeconds: settings.warmupSeconds,
  }
  const [floorResult] = await measure({
    ...common,
    scenarios: [
      { connections: 32, name: 'floor', requests: [{ method: 'GET', path: '/modules' }] },
    ],
    url: floor.url,
  })
  const floorRate = floorResult!.median.requestsPerSecond
  log(`floor: ${describe(floorResult!.median)}`)

  const ratingModuleIds = dataset.moduleIds.slice(2, 2 + settings.ratingModules)
  let nextModule = 0
  const rateRequest: autocannon.Request = {
    headers: { 'content-type': 'application/json' },
    method: 'POST',
    setupRequest: (request) => ({
      ...request,
      body: randomRatingBody(),
      path: `/api/modules/${ratingModuleIds[nextModule++ % ratingModuleIds.length]}/ratings`,
    }),
  }
  const [rating] = await measure({
    ...common,
    scenarios: [{ connections: 50, name: 'rate', requests: [rateRequest] }],
    url: server.url,
  })
  log(
    `rate a module, 50 conn.: ${describe(rating!.median)}, ${(rating!.median.requestsPerSecond / floorRate).toFixed(2)}× floor; non-2xx ${JSON.stringify(rating!.non2xx)}`,
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
      connections: 50,
      name: 'register',
      requests: [registrationRequest(eventId)],
    },
    seconds: 0,
    url: server.url,
  })
  log(
    `registration burst ${registered.responses}: ${describe(registered)}, ${(registered.requestsPerSecond / floorRate).toFixed(2)}× floor; ${cpuPerRequest(server.cpuMs() - cpuBeforeBurst, registered.responses)}; non-2xx ${JSON.stringify(registered.non2xx)}`,
  )
  const tokens = await confirmTokensOf(databaseUrl)
  await settle(server.url)
  const cpuBeforeConfirmations = server.cpuMs()
  const confirmed = await runOnce({
    amount: tokens.length,
    scenario: {
      connections: 50,
      name: 'confirm',
      requests: [confirmationRequest(tokens)],
    },
    seconds: 0,
    url: server.url,
  })
  log(
    `confirmations ${confirmed.responses}: ${describe(confirmed)}, ${(confirmed.requestsPerSecond / floorRate).toFixed(2)}× floor; ${cpuPerRequest(server.cpuMs() - cpuBeforeConfirmations, confirmed.responses)}; non-2xx ${JSON.stringify(confirmed.non2xx)}; statuses ${JSON.stringify(await registrationStatuses(databaseUrl, eventId))}`,
  )

  if (mixedSeconds > 0) {
    // The mix of bench/run.ts's "mixed load" row: lists, details (mostly first reads, which fill
    // the cache), module details, 304s, GraphQL and ratings, 16 connections.
    const mixedPaths = mixedPathCycler(readPathsOf(dataset))
    const listEtag = (await fetch(`${server.url}${MODULE_LIST_PATH}`)).headers.get('etag') ?? ''
    const graphql = JSON.stringify({
      query: `query { Modules(limit: 20, where: { _status: { equals: published } }) { docs { id title slug summary ratingSummary commentCount updatedAt } totalDocs } }`,
    })
    const samples: number[] = [server.rssBytes()]
    const sampler = setInterval(() => samples.push(server.rssBytes()), 15_000)
    await settle(server.url)
    const get = (): autocannon.Request => ({
      method: 'GET',
      setupRequest: (request) => ({ ...request, path: mixedPaths() }),
    })
    const mixed = await runOnce({
      scenario: {
        connections: 16,
        expectedStatus: 'ok',
        name: 'mixed',
        requests: [
          get(),
          get(),
          { headers: { 'if-none-match': listEtag }, method: 'GET', path: MODULE_LIST_PATH },
          get(),
          {
            body: graphql,
            headers: { 'content-type': 'application/json' },
            method: 'POST',
            path: '/api/graphql',
          },
          get(),
          { ...rateRequest },
          get(),
        ],
      },
      seconds: mixedSeconds,
      url: server.url,
    })
    clearInterval(sampler)
    samples.push(server.rssBytes())
    log(
      `mixed ${mixedSeconds} s: ${describe(mixed)}, ${(mixed.requestsPerSecond / floorRate).toFixed(2)}× floor; non-2xx ${JSON.stringify(mixed.non2xx)}; RSS samples ${samples.map((bytes) => Math.round(bytes / 1024 / 1024)).join(', ')} MB`,
    )
  }

  const { exitCode, output } = await runScript({
    args: ['scripts/payload.ts', 'ratings:recount'],
    env: { ...env, LOG_LEVEL: 'info' },
    timeoutMs: 10 * 60_000,
  })
  log(
    `recount (exit ${exitCode}): ${/(\d+) Bewertungsübersichten geprüft, (\d+) Abweichungen/.exec(output)?.[0] ?? output.slice(-500)}`,
  )
}

process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)))
main()
  .then(cleanUp)
  .catch(async (err: unknown) => {
    console.error(err)
    await cleanUp()
    process.exit(1)
  })
