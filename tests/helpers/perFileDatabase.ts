/**
 * Runs before each test file, in that file's own process: a fresh database copied from the
 * migrated template, and the environment the Payload config reads, set before anything
 * imports the config. The database is dropped after the file.
 */
import crypto from 'node:crypto'
import net from 'node:net'

import { afterAll } from 'vitest'

import { createDatabase, databaseUrl, dropDatabase } from './cluster'

const adminUrl = process.env.QN_TEST_ADMIN_URL
const template = process.env.QN_TEST_TEMPLATE
if (!adminUrl || !template) {
  throw new Error('tests/helpers/globalSetup.ts did not run: start the tests with `npm test`.')
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })

const database = `qn_test_${crypto.randomBytes(6).toString('hex')}`
await createDatabase(adminUrl, database, template)

const port = await freePort()
process.env.DATABASE_URL = databaseUrl(adminUrl, database)
process.env.PORT = String(port)
process.env.SERVER_URL = `http://localhost:${port}`
process.env.HOST = '127.0.0.1'
process.env.DATA_DIR = `${process.env.QN_TEST_DATA_DIR || '.test-data'}/files/${database}`
process.env.DISABLE_PAYLOAD_HMR = 'true'
process.env.LOG_LEVEL ||= 'warn'

afterAll(async () => {
  await dropDatabase(adminUrl, database)
})
