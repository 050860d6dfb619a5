/**
 * The data directory PostgreSQL gets when we are root (it then runs as the postgres user).
 *
 * A data dir that user can reach is used in place, as before. Otherwise (a checkout in a private
 * folder) the cluster lives in the relocation folder and the data dir becomes a symlink to it:
 *
 *   <relocationDir>/clusters/<hash of the data dir's real path>/   root, 0755
 *     origin   the data dir's real path: tells a copied checkout from a moved one
 *     data/    postgres, 0700: the cluster
 *
 * The symlink is the only claim on a relocated cluster. `rm -rf .data` removes it, so a cluster
 * found for a path without its symlink is a reset database: it is removed, never reused.
 */
import crypto from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

import type { RunAs } from './reachableByPostgresUser'

import {
  EmbeddedPostgresError,
  cannotReachEither,
  isReachableBy,
  makeSharedFolder,
  writingTo,
} from './reachableByPostgresUser'
import { readRunningCluster, stopPostmaster } from './runningCluster'

type PlaceArgs = {
  dataDir: string
  log: (message: string) => void
  relocationDir: string
  runAs: RunAs
}

const exists = async (target: string) =>
  fs.access(target).then(
    () => true,
    () => false,
  )

/** The parent must exist: the path is its real path plus the data dir's own name. */
const realPathOf = async (dataDir: string) =>
  path.join(await fs.realpath(path.dirname(dataDir)), path.basename(dataDir))

const homeOf = (relocationDir: string, origin: string) =>
  path.join(
    relocationDir,
    'clusters',
    crypto.createHash('sha256').update(origin).digest('hex').slice(0, 16),
  )

const pointsAt = async (link: string, target: string) => {
  // Not there, or not a link: it points nowhere.
  const written = await fs.readlink(link).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT' || err.code === 'EINVAL') {
      return null
    }
    throw err
  })
  return written !== null && path.resolve(path.dirname(link), written) === target
}

/** Replaces whatever is at `link` (a symlink, or nothing) in one step. */
const pointAt = async (link: string, target: string) => {
  const next = `${link}.pointer-${crypto.randomBytes(4).toString('hex')}`
  await fs.symlink(target, next)
  await fs.rename(next, link)
}

/** PostgreSQL enters its data directory and writes into it. */
const canUseAsCluster = async (runAs: RunAs, folder: string) =>
  isReachableBy(runAs, [
    ['search', folder],
    ['write', folder],
  ])

const makeClusterFolder = async (data: string, runAs: RunAs) => {
  await fs.mkdir(data, { mode: 0o700 }).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'EEXIST') {
      throw err
    }
  })
  await fs.chown(data, runAs.uid, runAs.gid)
}

const removeCluster = async ({
  dataDir,
  home,
  relocationDir,
}: {
  dataDir: string
  home: string
  relocationDir: string
}) => {
  const running = await readRunningCluster(path.join(home, 'data'))
  if (running && !(await stopPostmaster(running.pid))) {
    throw new EmbeddedPostgresError({
      de:
        `Der verwaiste PostgreSQL-Cluster in ${home} (Prozess ${running.pid}) lässt sich nicht ` +
        `beenden: beenden Sie ihn mit \`kill ${running.pid}\` und starten Sie erneut.`,
      en:
        `The orphaned PostgreSQL cluster in ${home} (process ${running.pid}) does not stop: ` +
        `end it with \`kill ${running.pid}\` and start again.`,
    })
  }
  await writingTo({ folder: relocationDir, unreachable: dataDir }, () =>
    fs.rm(home, { force: true, recursive: true }),
  )
}

const createCluster = async ({
  dataDir,
  home,
  origin,
  relocationDir,
  runAs,
}: PlaceArgs & { home: string; origin: string }) => {
  const data = path.join(home, 'data')
  await writingTo({ folder: relocationDir, unreachable: dataDir }, async () => {
    await makeSharedFolder(home)
    await fs.writeFile(path.join(home, 'origin'), `${origin}\n`, { mode: 0o644 })
    await makeClusterFolder(data, runAs)
  })
  if (!(await canUseAsCluster(runAs, data))) {
    throw cannotReachEither(relocationDir)
  }
  return data
}

const relocate = async (args: PlaceArgs): Promise<string> => {
  const { dataDir, log, relocationDir } = args
  const origin = await realPathOf(dataDir)
  const home = homeOf(relocationDir, origin)
  if (await exists(home)) {
    log(
      `Removing the PostgreSQL cluster in ${home}: ${dataDir} no longer points to it (the data folder was reset).`,
    )
    await removeCluster({ dataDir, home, relocationDir })
  }
  const data = await createCluster({ ...args, home, origin })
  // The pointer comes right after the folder: a start in between finds its cluster, not "stale".
  await pointAt(dataDir, data)
  log(`The postgres user cannot reach ${dataDir}: it points to ${data}, where the cluster lives.`)
  return data
}

const followPointer = async (args: PlaceArgs & { target: string }): Promise<string> => {
  const { dataDir, log, relocationDir, runAs, target } = args
  const origin = await realPathOf(dataDir)
  const home = homeOf(relocationDir, origin)
  const data = path.join(home, 'data')
  if (target === data) {
    if (await exists(path.join(home, 'origin'))) {
      // Recreated if initdb failed and removed it.
      await writingTo({ folder: relocationDir, unreachable: dataDir }, () =>
        makeClusterFolder(data, runAs),
      )
      return data
    }
    log(`The PostgreSQL cluster ${dataDir} points to is gone: starting a new one in ${data}.`)
    await removeCluster({ dataDir, home, relocationDir })
    return createCluster({ ...args, home, origin })
  }

  // The symlink names the cluster of another path: this checkout was copied or moved.
  const otherHome = path.dirname(target)
  const otherOrigin = (
    await fs.readFile(path.join(otherHome, 'origin'), 'utf8').catch(() => '')
  ).trim()
  const isCopy = otherOrigin !== '' && (await pointsAt(otherOrigin, target))
  if (isCopy || !(await exists(target))) {
    if (isCopy) {
      log(
        `${dataDir} was copied from ${otherOrigin}, whose cluster stays its own: starting a new one here.`,
      )
    }
    await fs.rm(dataDir)
    return relocate(args)
  }
  if (await readRunningCluster(target)) {
    // Moved while its cluster runs: use it where it is, it moves along on a later start.
    return target
  }
  if (await exists(home)) {
    await removeCluster({ dataDir, home, relocationDir })
  }
  await writingTo({ folder: relocationDir, unreachable: dataDir }, async () => {
    await fs.rename(otherHome, home)
    await fs.writeFile(path.join(home, 'origin'), `${origin}\n`, { mode: 0o644 })
  })
  await pointAt(dataDir, data)
  log(
    `${dataDir} was moved from ${otherOrigin || 'elsewhere'}: its cluster moved along to ${data}.`,
  )
  return data
}

/** Returns the data directory to hand to PostgreSQL (the real one, without the symlink). */
export const reachableDataDir = async (args: PlaceArgs): Promise<string> => {
  const { dataDir, relocationDir, runAs } = args
  const entry = await fs.lstat(dataDir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') {
      return null
    }
    throw err
  })

  if (entry?.isSymbolicLink()) {
    const target = path.resolve(path.dirname(dataDir), await fs.readlink(dataDir))
    const isRelocated =
      path.dirname(path.dirname(target)) === path.join(relocationDir, 'clusters') &&
      path.basename(target) === 'data'
    // A symlink of the user's own making is followed, as before.
    return isRelocated
      ? followPointer({ ...args, target })
      : fs.realpath(dataDir).catch(() => dataDir)
  }

  if (entry) {
    if (await canUseAsCluster(runAs, dataDir)) {
      return dataDir
    }
    if (!entry.isDirectory() || (await fs.readdir(dataDir)).length > 0) {
      throw new EmbeddedPostgresError({
        de:
          `PostgreSQL läuft als Benutzer „postgres“, der die Datenbank in ${dataDir} nicht ` +
          'erreicht: machen Sie die Ordner darüber für andere durchsuchbar (chmod o+x) oder ' +
          `löschen Sie ${dataDir} für eine neue, leere Datenbank.`,
        en:
          `PostgreSQL runs as the user "postgres", who cannot reach the database in ${dataDir}: ` +
          'make the folders above it traversable for others (chmod o+x), or delete ' +
          `${dataDir} to start with a new, empty database.`,
      })
    }
    // Empty (made by hand, or left by a failed initdb): decided on as if it were not there.
    await fs.rmdir(dataDir)
  }
  await fs.mkdir(path.dirname(dataDir), { recursive: true })
  if (await isReachableBy(runAs, [['search', path.dirname(dataDir)]])) {
    return dataDir
  }
  return relocate(args)
}
