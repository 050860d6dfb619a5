import type { Express } from 'express'
import type { Pool } from 'pg'

const READY_TIMEOUT_MS = 2_000

type HealthArgs = {
  /** The pool that serves requests: ready means this pool can reach the database now. */
  getPool: () => Pool | undefined
  isShuttingDown: () => boolean
}

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (err: unknown) => {
        clearTimeout(timer)
        reject(err)
      },
    )
  })

/** /healthz: the process is alive. /readyz: it can serve requests (database reachable, not stopping). */
export const mountHealthRoutes = (app: Express, { getPool, isShuttingDown }: HealthArgs) => {
  app.get('/healthz', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store')
    res.json({ status: 'ok' })
  })

  app.get('/readyz', async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store')
    if (isShuttingDown()) {
      res.status(503).json({ database: 'unknown', status: 'shutting-down' })
      return
    }
    const pool = getPool()
    if (!pool) {
      res.status(503).json({ database: 'not-connected', status: 'unavailable' })
      return
    }
    try {
      await withTimeout(pool.query('SELECT 1'), READY_TIMEOUT_MS)
      res.json({ database: 'ok', status: 'ok' })
    } catch {
      res.status(503).json({ database: 'unreachable', status: 'unavailable' })
    }
  })
}
