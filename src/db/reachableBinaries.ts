/**
 * PostgreSQL binaries the postgres user can run. Those in node_modules are used in place when
 * it can reach them; otherwise (a checkout in a private folder, as root) their folder is copied
 * once per PostgreSQL version and build to <relocationDir>/postgresql-<version>-<build>/.
 */
import { execFile } from 'node:child_process'
import crypto from 'node:crypto'
import { createReadStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { promisify } from 'node:util'

import type { RunAs } from './reachableByPostgresUser'

import {
  cannotReachEither,
  isReachableBy,
  makeSharedFolder,
  writingTo,
} from './reachableByPostgresUser'

const execFileAsync = promisify(execFile)

export type Binaries = { initdb: string; postgres: string }

/** The folder holding bin/, lib/ and share/ (bin/postgres finds the others relative to itself). */
const installationOf = (binaries: Binaries) => path.resolve(path.dirname(binaries.postgres), '..')

const needsOf = (binaries: Binaries): Array<['read' | 'run' | 'search', string]> => {
  const installation = installationOf(binaries)
  return [
    ['run', binaries.initdb],
    ['run', binaries.postgres],
    ['search', path.join(installation, 'lib')],
    ['read', path.join(installation, 'share', 'postgresql', 'postgres.bki')],
  ]
}

/** "postgres (PostgreSQL) 18.4" → "18.4"; a build of the same version is told apart by its hash. */
const versionOf = async (postgres: string): Promise<string> => {
  const { stdout } = await execFileAsync(postgres, ['-V'])
  return /\d+(\.\d+)*/.exec(stdout)?.[0] ?? 'unknown'
}

const fingerprintOf = async (file: string): Promise<string> => {
  const hash = crypto.createHash('sha256')
  await pipeline(createReadStream(file), hash)
  return hash.digest('hex').slice(0, 12)
}

/** Root keeps the owner; everyone may read, and run what was runnable. */
const openUp = async (folder: string): Promise<void> => {
  await fs.chmod(folder, 0o755)
  for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
    const entryPath = path.join(folder, entry.name)
    if (entry.isDirectory()) {
      await openUp(entryPath)
    } else if (entry.isFile()) {
      const { mode } = await fs.stat(entryPath)
      await fs.chmod(entryPath, mode & 0o100 ? 0o755 : 0o644)
    }
  }
}

/**
 * Copies into a private name first and renames at the end: a copy that exists is complete, and
 * of two processes copying at once the second simply drops its own.
 */
const copyOnce = async (from: string, to: string): Promise<void> => {
  const partial = `${to}.partial-${process.pid}-${crypto.randomBytes(4).toString('hex')}`
  try {
    // verbatimSymlinks: the library links are relative and must stay so, not point back here.
    await fs.cp(from, partial, { recursive: true, verbatimSymlinks: true })
    await openUp(partial)
    await fs.rename(partial, to).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EEXIST' && err.code !== 'ENOTEMPTY') {
        throw err
      }
    })
  } finally {
    await fs.rm(partial, { force: true, recursive: true })
  }
}

export const reachableBinaries = async ({
  binaries,
  log,
  relocationDir,
  runAs,
}: {
  binaries: Binaries
  log: (message: string) => void
  relocationDir: string
  runAs: RunAs
}): Promise<Binaries> => {
  if (await isReachableBy(runAs, needsOf(binaries))) {
    return binaries
  }
  const installation = installationOf(binaries)
  const [version, fingerprint] = await Promise.all([
    versionOf(binaries.postgres),
    fingerprintOf(binaries.postgres),
  ])
  const copy = path.join(relocationDir, `postgresql-${version}-${fingerprint}`)
  const copied = {
    initdb: path.join(copy, path.relative(installation, binaries.initdb)),
    postgres: path.join(copy, path.relative(installation, binaries.postgres)),
  }
  const hasCopy = await fs.access(copied.postgres).then(
    () => true,
    (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') {
        return false
      }
      throw err
    },
  )
  if (!hasCopy) {
    log(
      `The postgres user cannot reach ${installation}: copying the PostgreSQL binaries to ${copy} …`,
    )
    await writingTo({ folder: relocationDir, unreachable: installation }, async () => {
      await makeSharedFolder(relocationDir)
      await copyOnce(installation, copy)
    })
  }
  if (!(await isReachableBy(runAs, needsOf(copied)))) {
    throw cannotReachEither(relocationDir)
  }
  return copied
}
