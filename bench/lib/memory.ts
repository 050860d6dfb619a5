/**
 * Where the server's memory goes (issue 15): Node's diagnostic report for the V8 heap by space,
 * /proc's memory map for what is resident outside it, and on request a heap snapshot summed by
 * constructor. The server is started with `serverMemoryOptions`: both are written on a signal,
 * so a run that asks for neither pays nothing.
 */
import fs from 'node:fs'
import path from 'node:path'

import { projectRoot } from '../../src/runtime/paths'

import type { ServerProcess } from './processes'

const REPORT_SIGNAL = 'SIGUSR2'
/** Ignored by Node unless asked for: a snapshot only when the run wants one. */
const SNAPSHOT_SIGNAL = 'SIGWINCH'
const WAIT_MS = 120_000
const TOP_CONSTRUCTORS = 15

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`

/** Node's arguments for a CPU profile of the server's whole run, written into `dir` when it stops. */
export const cpuProfileArgs = (dir: string): string[] => ['--cpu-prof', `--cpu-prof-dir=${dir}`]

/** Node options for the server: a diagnostic report and a heap snapshot on a signal, into `dir`. */
export const serverMemoryOptions = (dir: string): string =>
  [
    '--no-deprecation',
    '--report-on-signal',
    `--report-signal=${REPORT_SIGNAL}`,
    `--heapsnapshot-signal=${SNAPSHOT_SIGNAL}`,
    `--report-directory=${dir}`,
    `--diagnostic-dir=${dir}`,
  ].join(' ')

/** The file that appears in `dir` after `signal`, once it is written whole. */
const fileAfterSignal = async ({
  dir,
  pid,
  signal,
  suffix,
}: {
  dir: string
  pid: number
  signal: NodeJS.Signals
  suffix: string
}): Promise<string> => {
  fs.mkdirSync(dir, { recursive: true })
  // Node writes some diagnostics into the server's working folder whatever the options say.
  const folders = [dir, projectRoot]
  const filesIn = () =>
    folders.flatMap((folder) =>
      fs
        .readdirSync(folder)
        .filter((file) => file.endsWith(suffix))
        .map((file) => path.join(folder, file)),
    )
  const before = new Set(filesIn())
  process.kill(pid, signal)
  const deadline = Date.now() + WAIT_MS
  let lastSize = -1
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    const file = filesIn().find((candidate) => !before.has(candidate))
    if (!file) {
      continue
    }
    const { size } = fs.statSync(file)
    // Written whole when its size holds still for a second (reports are written at once).
    if (size > 0 && size === lastSize) {
      if (path.dirname(file) === dir) {
        return file
      }
      const moved = path.join(dir, path.basename(file))
      fs.renameSync(file, moved)
      return moved
    }
    lastSize = size
  }
  throw new Error(`No ${suffix} from process ${pid} within ${WAIT_MS / 1000} s after ${signal}.`)
}

type HeapSpace = { committedMemory?: number; memorySize?: number; used?: number }

type Resident = { anonymous: number; files: number; mallocHeap: number; rss: number }

/**
 * Resident memory by kind from /proc/<pid>/smaps (Linux), in bytes: mapped files (the node
 * binary, libraries), the main malloc arena (`[heap]`) and the other anonymous mappings (the V8
 * heap, other malloc arenas, buffers, thread stacks).
 */
const residentOf = (pid: number): Resident | undefined => {
  let text: string
  try {
    text = fs.readFileSync(`/proc/${pid}/smaps`, 'utf8')
  } catch {
    return undefined
  }
  const resident: Resident = { anonymous: 0, files: 0, mallocHeap: 0, rss: 0 }
  let name = ''
  for (const line of text.split('\n')) {
    const mapping = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \d+\s*(.*)$/.exec(line)
    if (mapping) {
      name = mapping[1]!
      continue
    }
    const rssKb = /^Rss:\s+(\d+) kB/.exec(line)?.[1]
    if (rssKb === undefined) {
      continue
    }
    const bytes = Number(rssKb) * 1024
    resident.rss += bytes
    if (name === '[heap]') {
      resident.mallocHeap += bytes
    } else if (name.startsWith('/')) {
      resident.files += bytes
    } else {
      resident.anonymous += bytes
    }
  }
  return resident
}

/** One line: the server's resident memory split into the V8 heap (by space) and the rest. */
export const describeServerMemory = async ({
  dir,
  server,
  when,
}: {
  dir: string
  server: ServerProcess
  /** When, for the line: "after start", "after the mixed load". */
  when: string
}): Promise<string> => {
  const pid = server.serverPid()
  if (pid === undefined) {
    return 'server memory: not readable here (no /proc)'
  }
  const file = await fileAfterSignal({ dir, pid, signal: REPORT_SIGNAL, suffix: '.json' })
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    javascriptHeap?: {
      externalMemory?: number
      heapSpaces?: Record<string, HeapSpace>
      mallocedMemory?: number
      totalCommittedMemory?: number
      usedMemory?: number
    }
  }
  const heap = report.javascriptHeap ?? {}
  const spaces = Object.entries(heap.heapSpaces ?? {})
    .filter(([, space]) => (space.committedMemory ?? space.memorySize ?? 0) >= 1024 * 1024)
    .sort(([, a], [, b]) => (b.committedMemory ?? 0) - (a.committedMemory ?? 0))
    .map(
      ([name, space]) =>
        `${name.replace(/_space$/, '').replaceAll('_', ' ')} ${mb(space.committedMemory ?? space.memorySize ?? 0)} (${mb(space.used ?? 0)} used)`,
    )
  const resident = residentOf(pid)
  const committed = heap.totalCommittedMemory ?? 0
  return [
    `server memory ${when} (Node's diagnostic report, /proc/<pid>/smaps):`,
    resident
      ? `resident ${mb(resident.rss)}: mapped files (node, libraries) ${mb(resident.files)}, malloc's main arena ${mb(resident.mallocHeap)}, other anonymous memory ${mb(resident.anonymous)}, of which the V8 heap committed ${mb(committed)}`
      : `V8 heap committed ${mb(committed)}`,
    `(in use or not yet collected ${mb(heap.usedMemory ?? 0)}: ${spaces.join(', ')});`,
    `external memory (buffers) ${mb(heap.externalMemory ?? 0)}, V8's malloc ${mb(heap.mallocedMemory ?? 0)}`,
  ].join(' ')
}

type Snapshot = {
  nodes: number[]
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } }
  strings: string[]
}

/**
 * A heap snapshot of the server (after a full collection: only what is alive), summed by
 * constructor: the largest `TOP_CONSTRUCTORS` by their objects' own size.
 */
export const describeHeapSnapshot = async ({
  dir,
  server,
}: {
  dir: string
  server: ServerProcess
}): Promise<string> => {
  const pid = server.serverPid()
  if (pid === undefined) {
    return 'heap snapshot: not possible here (no /proc)'
  }
  const file = await fileAfterSignal({
    dir,
    pid,
    signal: SNAPSHOT_SIGNAL,
    suffix: '.heapsnapshot',
  })
  const snapshot = JSON.parse(fs.readFileSync(file, 'utf8')) as Snapshot
  const fields = snapshot.snapshot.meta.node_fields
  const types = snapshot.snapshot.meta.node_types[0]
  const width = fields.length
  const typeAt = fields.indexOf('type')
  const nameAt = fields.indexOf('name')
  const sizeAt = fields.indexOf('self_size')
  const totals = new Map<string, { count: number; size: number }>()
  let all = 0
  for (let index = 0; index < snapshot.nodes.length; index += width) {
    const type = types[snapshot.nodes[index + typeAt]!]!
    const size = snapshot.nodes[index + sizeAt]!
    all += size
    // Objects by constructor; strings, code, arrays and the rest by their kind.
    const key =
      type === 'object' || type === 'closure'
        ? `${type === 'closure' ? 'closure ' : ''}${snapshot.strings[snapshot.nodes[index + nameAt]!]}`
        : `(${type})`
    const total = totals.get(key) ?? { count: 0, size: 0 }
    total.count += 1
    total.size += size
    totals.set(key, total)
  }
  const top = [...totals.entries()]
    .sort(([, a], [, b]) => b.size - a.size)
    .slice(0, TOP_CONSTRUCTORS)
    .map(([key, { count, size }]) => `${key} ${mb(size)} (${count.toLocaleString('en-US')})`)
  return `heap snapshot after the mixed load (${path.relative(process.cwd(), file)}): ${mb(all)} alive; by constructor, own size: ${top.join(', ')}`
}
