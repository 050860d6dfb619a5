/**
 * What the `postgres` system user can reach. As root, PostgreSQL runs as that user, who cannot
 * enter a private folder (a checkout under /root, a `mktemp -d`): then the binaries and the
 * cluster are kept in a root-owned, world-readable folder instead (reachableBinaries.ts,
 * reachableDataDir.ts), and what cannot work ends in an EmbeddedPostgresError.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'

const execFileAsync = promisify(execFile)

/** Where the binaries (postgresql-<version>-<build>/) and relocated clusters (clusters/) go. */
export const DEFAULT_RELOCATION_DIR = '/var/lib/quartiersnetz'

/** The user PostgreSQL runs as when we are root. */
export type RunAs = { gid: number; uid: number }

/** `search` is the right to pass through a folder; `run` to execute a file. */
type Need = 'read' | 'run' | 'search' | 'write'

const TEST_FLAGS: Record<Need, string> = { read: '-r', run: '-x', search: '-x', write: '-w' }

/** A message for a person (German, then English), about something they have to change. */
export class EmbeddedPostgresError extends Error {
  constructor({ de, en }: { de: string; en: string }) {
    super(`${de}\n${en}`)
    this.name = 'EmbeddedPostgresError'
  }
}

/**
 * Asks the system, as the postgres user: the process is started with the same uid and gid (and,
 * as Node does, no supplementary groups) as PostgreSQL will be, so ACLs and every parent folder
 * count exactly as they will for PostgreSQL.
 */
export const isReachableBy = async (
  runAs: RunAs,
  needs: Array<[Need, string]>,
): Promise<boolean> => {
  const args = needs.flatMap(([need, target]) => [TEST_FLAGS[need], target])
  try {
    await execFileAsync(
      '/bin/sh',
      ['-c', 'while [ $# -gt 0 ]; do test "$1" "$2" || exit 1; shift 2; done', 'sh', ...args],
      { cwd: '/', gid: runAs.gid, uid: runAs.uid },
    )
    return true
  } catch (err) {
    if ((err as { code?: unknown }).code === 1) {
      return false
    }
    throw err
  }
}

const WRITE_ERRORS = new Set(['EACCES', 'EDQUOT', 'ENOSPC', 'ENOTDIR', 'EPERM', 'EROFS'])

/**
 * Runs a change inside the relocation folder; a refusal by the file system (read-only, no space,
 * not a folder) becomes the one sentence a person needs, naming both folders.
 */
export const writingTo = async <T>(
  { folder, unreachable }: { folder: string; unreachable: string },
  change: () => Promise<T>,
): Promise<T> => {
  try {
    return await change()
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (!code || !WRITE_ERRORS.has(code)) {
      throw err
    }
    throw new EmbeddedPostgresError({
      de:
        `PostgreSQL läuft als Benutzer „postgres“, der ${unreachable} nicht erreicht, und ${folder} ` +
        `lässt sich dafür nicht beschreiben (${code}): machen Sie ${folder} für root beschreibbar, ` +
        'starten Sie als normaler Benutzer oder setzen Sie DATABASE_URL auf einen vorhandenen PostgreSQL-Server.',
      en:
        `PostgreSQL runs as the user "postgres", who cannot reach ${unreachable}, and ${folder} ` +
        `cannot be written to instead (${code}): make ${folder} writable for root, run as an ` +
        'ordinary user, or set DATABASE_URL to an existing PostgreSQL server.',
    })
  }
}

/** The relocated place is no better: a parent of the relocation folder shuts the postgres user out. */
export const cannotReachEither = (folder: string): EmbeddedPostgresError =>
  new EmbeddedPostgresError({
    de:
      `PostgreSQL läuft als Benutzer „postgres“, der auch ${folder} nicht erreicht: machen Sie ` +
      `${folder} und die Ordner darüber für andere durchsuchbar (chmod o+x), starten Sie als ` +
      'normaler Benutzer oder setzen Sie DATABASE_URL auf einen vorhandenen PostgreSQL-Server.',
    en:
      `PostgreSQL runs as the user "postgres", who cannot reach ${folder} either: make ${folder} ` +
      'and the folders above it traversable for others (chmod o+x), run as an ordinary user, or ' +
      'set DATABASE_URL to an existing PostgreSQL server.',
  })

/**
 * Creates `folder` and its missing parents as root-owned, world-readable folders (0755 whatever
 * root's umask is); folders that already exist keep their mode.
 */
export const makeSharedFolder = async (folder: string): Promise<void> => {
  const firstCreated = await fs.mkdir(folder, { mode: 0o755, recursive: true })
  if (!firstCreated) {
    return
  }
  for (let current = folder; ; current = path.dirname(current)) {
    await fs.chmod(current, 0o755)
    if (current === firstCreated || current === path.dirname(current)) {
      return
    }
  }
}
