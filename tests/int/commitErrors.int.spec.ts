/**
 * A COMMIT that fails fails the write (src/db/commitErrors.ts): Payload's adapter used to pass it
 * as stored, so a visitor could be told "registered" for a registration that was rolled back.
 */
import type { RunningServer } from '../../src/server/startServer'

import { sql } from '@payloadcms/db-postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestServer } from '../helpers/server'

let server: RunningServer

beforeAll(async () => {
  server = await startTestServer()
  await server.payload.db.drizzle.execute(sql`CREATE TABLE qn_commit_probe (id int)`)
})

afterAll(async () => {
  await server?.stop()
})

const probeCount = async () =>
  Number(
    (await server.payload.db.drizzle.execute(sql`SELECT count(*) AS n FROM qn_commit_probe`))
      .rows[0]!.n,
  )

/** Payload's transaction session (a drizzle transaction) for `id`. */
const sessionOf = (id: number | string) =>
  (server.payload.db.sessions ?? {})[String(id)]!.db as typeof server.payload.db.drizzle

describe('COMMIT errors', () => {
  it('should commit and roll back as before', async () => {
    const committed = await server.payload.db.beginTransaction()
    await sessionOf(committed!).execute(sql`INSERT INTO qn_commit_probe VALUES (1)`)
    await server.payload.db.commitTransaction(committed!)
    const rolledBack = await server.payload.db.beginTransaction()
    await sessionOf(rolledBack!).execute(sql`INSERT INTO qn_commit_probe VALUES (2)`)
    await server.payload.db.rollbackTransaction(rolledBack!)
    expect(await probeCount()).toBe(1)
  })

  it('should throw when the connection is gone before COMMIT, and keep nothing', async () => {
    const before = await probeCount()
    const id = await server.payload.db.beginTransaction()
    const session = sessionOf(id!)
    const { pid } = (await session.execute(sql`SELECT pg_backend_pid() AS pid`)).rows[0] as {
      pid: number
    }
    await session.execute(sql`INSERT INTO qn_commit_probe VALUES (3)`)
    // PostgreSQL ends that connection (as at a shutdown) between the write and its COMMIT.
    await server.payload.db.drizzle.execute(sql`SELECT pg_terminate_backend(${pid})`)
    await expect(server.payload.db.commitTransaction(id!)).rejects.toThrow()
    expect(await probeCount()).toBe(before)
  })
})
