/**
 * Child processes of a benchmark run: one-off scripts (migrate, recount) and the server. Each
 * runs in its own process group, so a timeout or an interrupted run can end it with everything
 * it started (tsx runs the script in a child of its own).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'

import { npmScriptEnv, npmStartArgs } from '../../scripts/buildServer'
import { projectRoot } from '../../src/runtime/paths'

const TSX_CLI = path.join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs')
const OUTPUT_TAIL_CHARS = 6000

const running = new Set<ChildProcess>()

const tailOf = (text: string) => text.slice(-OUTPUT_TAIL_CHARS).trim()

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null

const killGroup = (child: ChildProcess, signal: NodeJS.Signals) => {
  if (child.pid === undefined) {
    return
  }
  try {
    process.kill(-child.pid, signal)
  } catch {
    // The group is already gone.
  }
}

const waitForExit = (child: ChildProcess, timeoutMs: number) =>
  new Promise<boolean>((resolve) => {
    if (hasExited(child)) {
      resolve(true)
      return
    }
    const timer = setTimeout(() => resolve(false), timeoutMs)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve(true)
    })
  })

/** SIGTERM to the process (tsx passes it on to the script), SIGKILL to the group if it hangs. */
const terminate = async (child: ChildProcess, { graceMs }: { graceMs: number }) => {
  if (!hasExited(child) && child.pid !== undefined) {
    child.kill('SIGTERM')
    if (!(await waitForExit(child, graceMs))) {
      killGroup(child, 'SIGKILL')
      await waitForExit(child, 5_000)
    }
  }
  // Whatever the script left behind in its group goes too.
  killGroup(child, 'SIGKILL')
  running.delete(child)
}

/** Ends every child this run started that is still running (for cleanup after a failure). */
export const stopRunningChildren = async () => {
  await Promise.all([...running].map((child) => terminate(child, { graceMs: 10_000 })))
}

/** A compiled script (`.mjs`, `.js`) runs in plain Node, as `npm start` runs the server. */
const isCompiled = (script: string | undefined) => /\.m?js$/.test(script ?? '')

/**
 * The server a benchmark starts: as `npm start` runs it (the compiled module, built by the
 * run), or with `BENCH_SERVER=tsx` the sources through tsx, as `npm run dev` runs them.
 */
export const benchServerScript = (): string[] => {
  const choice = process.env.BENCH_SERVER ?? 'start'
  if (choice !== 'start' && choice !== 'tsx') {
    throw new Error(`BENCH_SERVER must be "start" or "tsx", not "${choice}".`)
  }
  return choice === 'tsx' ? ['src/server.ts'] : npmStartArgs()
}

/** The environment `npm start` sets (the allocator's settings), none for the sources through tsx. */
export const benchServerEnv = (): Record<string, string> =>
  process.env.BENCH_SERVER === 'tsx' ? {} : npmScriptEnv('start')

const spawnTsx = (args: string[], env: NodeJS.ProcessEnv): ChildProcess => {
  const isNode = isCompiled(args.find((arg) => !arg.startsWith('--')))
  // Lexical's production build by condition, as npm start and npm run worker load it
  // (tests/int/startScripts): its default entry can end a Node 20 process silently.
  const child = spawn(
    process.execPath,
    isNode ? args : ['--conditions=production', TSX_CLI, ...args],
    {
      cwd: projectRoot,
      detached: true,
      env: { ...process.env, NODE_OPTIONS: '--no-deprecation', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  running.add(child)
  child.once('exit', () => running.delete(child))
  return child
}

/** Runs a TypeScript script with tsx to its end; rejects (with its output) on failure or timeout. */
export const runScript = async ({
  args,
  env,
  timeoutMs,
}: {
  args: string[]
  env: NodeJS.ProcessEnv
  timeoutMs: number
}): Promise<{ exitCode: number; output: string }> => {
  const child = spawnTsx(args, env)
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()))
  const isDone = await waitForExit(child, timeoutMs)
  if (!isDone) {
    await terminate(child, { graceMs: 5_000 })
    throw new Error(
      `\`${args.join(' ')}\` did not finish within ${timeoutMs / 1000} s:\n${tailOf(output)}`,
    )
  }
  // The last output may still be in the pipes when the process has exited.
  await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 2_000))])
  killGroup(child, 'SIGKILL')
  return { exitCode: child.exitCode ?? 1, output }
}

export const freePort = (): Promise<number> =>
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

export type ServerProcess = {
  /** CPU time (user + system) the process group has used so far, in ms (Linux /proc; 0 elsewhere). */
  cpuMs: () => number
  /** The process id of the server itself (the group's largest process, not tsx's launcher). */
  serverPid: () => number | undefined
  /** Resident memory of the process group's largest process (the server, not tsx's launcher), in bytes. */
  rssBytes: () => number
  /** SIGTERM (the server drains and closes its pool), SIGKILL after a grace period. */
  stop: () => Promise<void>
  url: string
}

/**
 * Calls `visit` with the /proc folder of every process of a group (Linux; nothing elsewhere)
 * and its `stat` fields after the command name (which may hold spaces): state ppid pgrp ….
 */
const forEachInGroup = (
  groupId: number | undefined,
  visit: (folder: string, fields: string[]) => void,
) => {
  if (groupId === undefined || !fs.existsSync('/proc')) {
    return
  }
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue
    }
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      if (Number(fields[2]) === groupId) {
        visit(`/proc/${entry}`, fields)
      }
    } catch {
      // The process ended meanwhile.
    }
  }
}

/** The process of a group with the largest resident set, and that set (Linux /proc; 0 elsewhere). */
const largestInGroup = (groupId: number | undefined): { pid?: number; rssBytes: number } => {
  let largest: { pid?: number; rssBytes: number } = { rssBytes: 0 }
  forEachInGroup(groupId, (folder) => {
    const rssKb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`${folder}/status`, 'utf8'))?.[1]
    const rssBytes = Number(rssKb ?? 0) * 1024
    if (rssBytes > largest.rssBytes) {
      largest = { pid: Number(path.basename(folder)), rssBytes }
    }
  })
  return largest
}

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on Linux unless told otherwise). */
const ticksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
  } catch {
    return 100
  }
})()

/** User and system CPU time of every process of a group, in ms (Linux /proc; 0 elsewhere). */
const groupCpuMs = (groupId: number | undefined): number => {
  let ticks = 0
  // utime and stime are the 12th and 13th fields after the command name.
  forEachInGroup(groupId, (_, fields) => {
    ticks += Number(fields[11]) + Number(fields[12])
  })
  return (ticks * 1000) / ticksPerSecond
}

/**
 * Starts the server in a process of its own (the load generator must not share its CPU time
 * with the server's event loop) and waits until /readyz answers 200. Its output goes to
 * `logFile`. `script` is a TypeScript source run through tsx (src/server.ts, as `npm run dev`)
 * or a compiled module run by plain Node (`npmStartArgs()`: as `npm start`), after Node's
 * options if any.
 */
export const startServerProcess = async ({
  env,
  logFile,
  readyPath = '/readyz',
  script = 'src/server.ts',
  timeoutMs,
}: {
  env: NodeJS.ProcessEnv
  logFile: string
  /** Answers 200 once the process serves requests. */
  readyPath?: string
  /** The script, or Node's options and the script (`npmStartArgs()`). */
  script?: string | string[]
  timeoutMs: number
}): Promise<ServerProcess> => {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const child = spawnTsx(Array.isArray(script) ? script : [script], {
    ...env,
    HOST: '127.0.0.1',
    PORT: String(port),
    SERVER_URL: url,
  })
  const log = fs.createWriteStream(logFile)
  let tail = ''
  const keep = (chunk: Buffer) => {
    log.write(chunk)
    tail = (tail + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const stop = async () => {
    await terminate(child, { graceMs: 20_000 })
    log.end()
  }

  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (hasExited(child)) {
      await stop()
      throw new Error(`The server exited during start (code ${child.exitCode}):\n${tailOf(tail)}`)
    }
    const status = await fetch(`${url}${readyPath}`, { signal: AbortSignal.timeout(2_000) })
      .then((response) => response.status)
      .catch(() => 0)
    if (status === 200) {
      return {
        cpuMs: () => groupCpuMs(child.pid),
        rssBytes: () => largestInGroup(child.pid).rssBytes,
        serverPid: () => largestInGroup(child.pid).pid,
        stop,
        url,
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  await stop()
  throw new Error(`The server was not ready within ${timeoutMs / 1000} s:\n${tailOf(tail)}`)
}
