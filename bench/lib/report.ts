/** The table a run prints and writes to bench/results.md, with what is needed to compare runs. */
import fs from 'node:fs/promises'
import os from 'node:os'

export type TableRow = {
  name: string
  notes: string
  p50Ms: number
  p99Ms: number
  /** req/s divided by the floor's req/s (absent for rows where it means nothing). */
  ratioToFloor?: number
  requestsPerSecond: number
}

export type Machine = {
  cpuModel: string
  cpus: number
  memoryGiB: number
  node: string
  postgres: string
}

export const describeMachine = (postgres: string): Machine => ({
  cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
  cpus: os.availableParallelism(),
  memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
  node: process.version,
  postgres,
})

/** Load averages (1, 5, 15 min), to show how busy the machine was with other work. */
export const loadAverage = (): string =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ')

/** The server's CPU time per request of a row (ServerProcess.cpuMs over the row). */
export const cpuPerRequest = (cpuMs: number, requests: number): string =>
  `server CPU ${(cpuMs / Math.max(1, requests)).toFixed(1)} ms per request`

export const formatMs = (ms: number): string =>
  Number.isNaN(ms) ? '–' : ms < 10 ? ms.toFixed(2) : ms.toFixed(1)

export const formatRate = (perSecond: number): string =>
  perSecond < 100 ? perSecond.toFixed(1) : Math.round(perSecond).toString()

export const markdownTable = (rows: TableRow[]): string =>
  [
    '| row | req/s | p50 ms | p99 ms | × floor | notes |',
    '|---|---:|---:|---:|---:|---|',
    ...rows.map(
      (row) =>
        `| ${row.name} | ${formatRate(row.requestsPerSecond)} | ${formatMs(row.p50Ms)} | ${formatMs(row.p99Ms)} | ${row.ratioToFloor === undefined ? '–' : row.ratioToFloor.toFixed(2)} | ${row.notes} |`,
    ),
  ].join('\n')

export const writeResults = async ({
  appendix = '',
  file,
  lines,
  machine,
  settings,
  startedAt,
  table,
}: {
  /** Markdown appended after the run's figures (bench/optimisations.md: before/after of the fixes). */
  appendix?: string
  file: string
  /** Further lines below the table (ratios, setup timings, load averages). */
  lines: string[]
  machine: Machine
  settings: string
  startedAt: Date
  table: string
}) => {
  const text = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (see README.md); each run replaces this file.',
    '',
    `- date: ${startedAt.toISOString()}`,
    `- machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB RAM, Node ${machine.node}, PostgreSQL ${machine.postgres}`,
    `- settings: ${settings}`,
    '',
    table,
    '',
    ...lines.map((line) => `- ${line}`),
    '',
    ...(appendix ? [appendix.trim(), ''] : []),
  ].join('\n')
  await fs.writeFile(file, text)
}
