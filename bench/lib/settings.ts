/** What a benchmark run measures and how long, from BENCH_* environment variables. */
import type { DatasetSize } from './dataset'

export type BenchSettings = {
  /** Registrations in the burst, and the seats of its event. */
  burst: { registrations: number; seats: number }
  /** Connections of the read rows (the targets are stated for 32). */
  connections: number
  dataset: DatasetSize
  /** BENCH_CPU_PROF: the server writes a CPU profile when it stops (bench/.work/diagnostics). */
  isCpuProfile: boolean
  /** BENCH_HEAP_SNAPSHOT: a heap snapshot of the server after the mixed load, summed by constructor. */
  isHeapSnapshot: boolean
  /** Keep fsync and synchronous commit on in the benchmark's PostgreSQL. */
  isDurable: boolean
  /** Length of the mixed-load phase whose server RSS is reported. */
  mixedSeconds: number
  /**
   * `cache`: only the floor, the REST and GraphQL rows and the reads with ratings (the HTTP
   * cache's rows, a few minutes), written to bench/.work/results-cache.md; `memory`: only the
   * floor, a warm-up and the mixed load, with the server's heap and memory map after it
   * (bench/.work/results-memory.md); `search`: only the floor and the search and catalogue rows
   * (bench/.work/results-search.md); empty: every row. (The write rows alone: bench/writes.ts.)
   */
  only: '' | 'cache' | 'memory' | 'search'
  /** Modules the rating row spreads its requests over (each module's ratings are serialised). */
  ratingModules: number
  /** Measured runs per row; the table shows their medians. */
  runs: number
  /** Length of one measured run. */
  seconds: number
  /** The whole run is stopped (and cleaned up) after this. */
  timeoutMinutes: number
  warmupSeconds: number
}

const integer = (name: string, fallback: number, min: number): number => {
  const raw = process.env[name]
  if (raw === undefined || raw === '') {
    return fallback
  }
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be a whole number ≥ ${min}, not "${raw}".`)
  }
  return value
}

const onlyOf = (raw: string | undefined): BenchSettings['only'] => {
  if (!raw) {
    return ''
  }
  if (raw !== 'cache' && raw !== 'memory' && raw !== 'search') {
    throw new Error(`BENCH_ONLY must be "cache", "memory", "search" or empty, not "${raw}".`)
  }
  return raw
}

export const readBenchSettings = (): BenchSettings => {
  const seats = integer('BENCH_BURST_SEATS', 100, 1)
  return {
    burst: { registrations: integer('BENCH_BURST', 1000, 1), seats },
    connections: integer('BENCH_CONNECTIONS', 32, 1),
    dataset: {
      events: integer('BENCH_EVENTS', 2000, 10),
      modules: integer('BENCH_MODULES', 300, 30),
      municipalities: integer('BENCH_MUNICIPALITIES', 400, 10),
      projects: integer('BENCH_PROJECTS', 5000, 10),
      ratings: integer('BENCH_RATINGS', 1_000_000, 10),
    },
    isDurable: process.env.BENCH_DURABLE === '1' || process.env.BENCH_DURABLE === 'true',
    isCpuProfile: process.env.BENCH_CPU_PROF === '1' || process.env.BENCH_CPU_PROF === 'true',
    isHeapSnapshot:
      process.env.BENCH_HEAP_SNAPSHOT === '1' || process.env.BENCH_HEAP_SNAPSHOT === 'true',
    mixedSeconds: integer('BENCH_MIXED_SECONDS', 300, 10),
    only: onlyOf(process.env.BENCH_ONLY),
    ratingModules: integer('BENCH_RATING_MODULES', 8, 1),
    runs: integer('BENCH_RUNS', 3, 1),
    seconds: integer('BENCH_SECONDS', 10, 1),
    timeoutMinutes: integer('BENCH_TIMEOUT_MINUTES', 45, 1),
    warmupSeconds: integer('BENCH_WARMUP_SECONDS', 3, 0),
  }
}
