/**
 * Entry point of `npm run worker`: runs the job queues (the mail outbox, Payload's `default`
 * queue with scheduled publications, the nightly queue with its schedules) in a process of its
 * own, for installations with several app servers, which then run with JOBS_AUTORUN=false.
 * Several workers may run: each queue is served by one of them at a time (src/events/jobsRunner.ts).
 * It serves no HTTP, except GET /healthz on WORKER_HEALTH_PORT when that is set. SIGTERM or
 * Ctrl-C lets running jobs finish (up to 30 s), then closes the database pool.
 *
 * The worker applies no migrations: the app servers do at start (or `npm run migrate`).
 */
import { environment } from './runtime/bootstrap'
// Must stay below the bootstrap import (see its comment).
import type { Server } from 'node:http'

import http from 'node:http'

import { getPayload } from 'payload'

import config from '../payload.config'
import { closePool, poolOf } from './db/closePool'
import { workerQueues } from './events/jobs'
import { startJobsRunner } from './events/jobsRunner'

const { stopDatabase } = environment

/** WORKER_HEALTH_PORT: unset, no HTTP at all; 0 picks a free port (logged). */
const healthPort = (): number | undefined => {
  const raw = process.env.WORKER_HEALTH_PORT
  if (raw === undefined || raw === '') {
    return undefined
  }
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`WORKER_HEALTH_PORT muss eine Portnummer sein, ist aber "${raw}".`)
  }
  return port
}

const main = async () => {
  const port = healthPort()
  // Without `cron: true`: Payload's own autoRun stays off here; the runner serves the queues.
  const payload = await getPayload({ config })
  const pool = poolOf(payload)
  pool?.on('error', (err: Error & { code?: string }) =>
    payload.logger.warn({
      code: err.code,
      msg: `PostgreSQL connection lost (${err.message}); the pool reconnects on demand.`,
    }),
  )
  pool?.on('connect', (client) => {
    client.on('error', (err: Error & { code?: string }) =>
      payload.logger.warn({
        code: err.code,
        msg: `PostgreSQL connection lost while in use (${err.message}).`,
      }),
    )
  })

  const queues = workerQueues()
  const runner = startJobsRunner({ connectionString: process.env.DATABASE_URL, payload, queues })

  let isStopping = false
  let health: Server | undefined
  if (port !== undefined) {
    health = http.createServer((req, res) => {
      if (req.method !== 'GET' || req.url !== '/healthz') {
        res.writeHead(404).end()
        return
      }
      res.writeHead(isStopping ? 503 : 200, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ queues: runner.status(), status: isStopping ? 'stopping' : 'ok' }))
    })
    await new Promise<void>((resolve, reject) => {
      health!.once('error', reject)
      health!.listen(port, process.env.HOST || '0.0.0.0', () => resolve())
    })
    const address = health.address()
    payload.logger.info(
      `Worker: /healthz auf Port ${typeof address === 'object' && address ? address.port : port}.`,
    )
  }
  payload.logger.info(
    `Worker läuft: Warteschlangen ${queues.map((run) => `${run.queue} (alle ${run.intervalMs / 1000} s)`).join(', ')}.`,
  )

  const stop = async () => {
    isStopping = true
    await runner.stop()
    await new Promise<void>((resolve) => (health ? health.close(() => resolve()) : resolve()))
    await payload.destroy()
    await closePool(pool)
  }
  return { payload, stop }
}

let worker: Awaited<ReturnType<typeof main>> | undefined
let shutdownStartedAt = 0
const shutdown = async (signal: NodeJS.Signals) => {
  if (shutdownStartedAt) {
    // Ctrl-C reaches us twice (terminal and npm): only a later, deliberate signal forces the exit.
    if (Date.now() - shutdownStartedAt < 2_000) {
      return
    }
    console.warn(`${signal} erneut erhalten: sofortiges Beenden.`)
    void stopDatabase()
    process.exit(1)
  }
  shutdownStartedAt = Date.now()
  console.info(`${signal} erhalten: laufende Aufträge werden beendet …`)
  try {
    await worker?.stop()
    await stopDatabase()
    process.exit(0)
  } catch (err) {
    console.error(err)
    process.exit(1)
  }
}
process.on('SIGINT', (signal) => void shutdown(signal))
process.on('SIGTERM', (signal) => void shutdown(signal))

// Fail closed, as the server does: an event loop that drains before the worker runs means a
// module import was dropped (Node 20 + tsx, payloadcms/payload#17757).
const onDrainedWhileStarting = () => {
  console.error(
    'Der Worker wurde beim Start beendet, ohne zu laufen (ein Modul-Import ging verloren). Bitte erneut starten.',
  )
  void stopDatabase().finally(() => process.exit(1))
}
process.once('beforeExit', onDrainedWhileStarting)
main()
  .then((started) => {
    worker = started
    process.off('beforeExit', onDrainedWhileStarting)
  })
  .catch(async (err: unknown) => {
    process.off('beforeExit', onDrainedWhileStarting)
    console.error(err instanceof Error ? err.message : err)
    await stopDatabase()
    process.exit(1)
  })
