import crypto from 'node:crypto'
import fs from 'node:fs/promises'
import net from 'node:net'
import path from 'node:path'

import type { EmbeddedCluster } from '../../src/db/embeddedPostgres'
import type { RunningServer } from '../../src/server/startServer'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startEmbeddedPostgres } from '../../src/db/embeddedPostgres'
import { projectRoot } from '../../src/runtime/paths'
import { requestJson } from '../helpers/http'
import { startTestServer } from '../helpers/server'

// This file stops its database on purpose, so it runs on a cluster of its own.
const dataDir = path.join(
  projectRoot,
  '.test-data',
  `readiness-${crypto.randomBytes(4).toString('hex')}`,
)
let cluster: EmbeddedCluster
let port: number
let server: RunningServer

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })

const readyStatus = async () => (await requestJson(`${server.url}/readyz`)).status

const waitForStatus = async (expected: number) => {
  for (let attempt = 0; attempt < 60; attempt++) {
    if ((await readyStatus()) === expected) {
      return expected
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return readyStatus()
}

beforeAll(async () => {
  port = await freePort()
  cluster = await startEmbeddedPostgres({ dataDir, isDurable: false, port })
  process.env.DATABASE_URL = cluster.urlFor('postgres')
  server = await startTestServer()
})

afterAll(async () => {
  await server?.stop()
  await cluster?.stop()
  await fs.rm(dataDir, { force: true, recursive: true })
})

describe('/readyz follows the database', () => {
  it('should be 200 while the database runs', async () => {
    expect(await readyStatus()).toBe(200)
  })

  it('should turn 503 when the database stops and 200 when it is back, without a restart', async () => {
    await cluster.stop()
    expect(await waitForStatus(503)).toBe(503)
    // /healthz only says the process lives.
    expect((await requestJson(`${server.url}/healthz`)).status).toBe(200)

    cluster = await startEmbeddedPostgres({ dataDir, isDurable: false, port })
    expect(await waitForStatus(200)).toBe(200)

    // And the API serves again from the same process.
    const { status } = await requestJson(`${server.url}/api/users/me`)
    expect(status).toBe(200)
  })
})
