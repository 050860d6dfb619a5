/** A cluster's running postmaster, found through the postmaster.pid in its data directory. */
import fs from 'node:fs/promises'
import path from 'node:path'

export const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The cluster already running on this data directory, if any (postmaster.pid: pid, dir, start, port). */
export const readRunningCluster = async (
  dataDir: string,
): Promise<{ pid: number; port: number } | null> => {
  const text = await fs
    .readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')
    .catch((err: NodeJS.ErrnoException) => {
      // No pid file: no cluster running there.
      if (err.code === 'ENOENT') {
        return null
      }
      throw err
    })
  if (!text) {
    return null
  }
  const lines = text.split('\n')
  const pid = Number(lines[0])
  const port = Number(lines[3])
  if (!Number.isInteger(pid) || !Number.isInteger(port) || !isAlive(pid)) {
    return null
  }
  return { pid, port }
}

/** Asks the postmaster for a fast shutdown (SIGINT) and waits up to 10 s; true once it is gone. */
export const stopPostmaster = async (pid: number): Promise<boolean> => {
  try {
    process.kill(pid, 'SIGINT')
  } catch (err) {
    // Already gone (stopped by whoever shared it): that is what was asked for.
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') {
      return true
    }
    throw err
  }
  for (let attempt = 0; attempt < 200 && isAlive(pid); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return !isAlive(pid)
}
