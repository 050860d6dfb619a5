import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { closePool, poolOf } from '../../src/db/closePool'
import { committedMigrations as migrations } from '../../src/db/committedMigrations'
import { projectRoot } from '../../src/runtime/paths'
import { createDatabase, databaseUrl, dropDatabase, withClient } from '../helpers/cluster'

const adminUrl = process.env.QN_TEST_ADMIN_URL!
const emptyDatabase = `qn_empty_${process.pid}`
let payload: Payload

type DrizzleKit = {
  generateDrizzleJson: (schema: unknown) => Promise<unknown>
  generateMigration: (before: unknown, after: unknown) => Promise<string[]>
}

const tableNames = async (url: string) =>
  withClient(url, async (client) => {
    const { rows } = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    )
    return rows.map((row) => row.table_name)
  })

beforeAll(async () => {
  // An empty database, not the migrated template the other files copy.
  await dropDatabase(adminUrl, emptyDatabase)
  await createDatabase(adminUrl, emptyDatabase)
  process.env.DATABASE_URL = databaseUrl(adminUrl, emptyDatabase)
  const { getPayload } = await import('payload')
  const { default: config } = await import('../../payload.config')
  payload = await getPayload({ config })
})

afterAll(async () => {
  await payload?.destroy()
  await closePool(poolOf(payload))
  await dropDatabase(adminUrl, emptyDatabase)
})

describe('migrations', () => {
  it('should apply every migration to an empty database', async () => {
    expect(await tableNames(process.env.DATABASE_URL!)).toEqual([])
    await payload.db.migrate({ migrations })
    const tables = await tableNames(process.env.DATABASE_URL!)
    expect(tables).toEqual(expect.arrayContaining(['users', 'media', 'payload_migrations']))
    const { docs } = await payload.find({ collection: 'payload-migrations', limit: 0 })
    expect(docs.map((doc) => doc.name).sort()).toEqual(
      migrations.map((migration) => migration.name).sort(),
    )
  })

  it('should roll every migration back and apply them again', async () => {
    // Payload's migrate:down reads .ts files itself, which only works under tsx: run the
    // committed down() functions the same way, newest first.
    for (const migration of [...migrations].reverse()) {
      await migration.down({ db: payload.db.drizzle, payload, req: { payload } as never })
    }
    // The initial migration's down() drops the migrations table too: the database is empty again.
    expect(await tableNames(process.env.DATABASE_URL!)).toEqual([])
    await payload.db.migrate({ migrations })
    expect(await tableNames(process.env.DATABASE_URL!)).toEqual(
      expect.arrayContaining(['users', 'media']),
    )
  })

  it('should match the config: no schema change is missing a migration (drift)', async () => {
    const dir = path.join(projectRoot, 'migrations')
    const latest = fs
      .readdirSync(dir)
      .filter((file) => file.endsWith('.json'))
      .sort()
      .at(-1)
    expect(latest, 'migrations/ holds no snapshot').toBeDefined()
    const before = JSON.parse(fs.readFileSync(path.join(dir, latest!), 'utf8')) as unknown
    const kit = (
      payload.db as unknown as { requireDrizzleKit: () => DrizzleKit }
    ).requireDrizzleKit()
    const after = await kit.generateDrizzleJson(
      (payload.db as unknown as { schema: unknown }).schema,
    )
    const statements = await kit.generateMigration(before, after)
    expect(
      statements,
      'the config changed the schema: run `npm run migrate:create -- <name>` and commit it',
    ).toEqual([])
  })
})
