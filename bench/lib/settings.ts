/** What a benchmark run measures and how long, from BENCH_* environment variables. */
export type BenchSettings = {
  /** Keep fsync and synchronous commit on in the benchmark's PostgreSQL. */
  isDurable: boolean
  /** Ratings on the "big" module of the read rows. */
  ratings: number
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

export const readBenchSettings = (): BenchSettings => ({
  isDurable: process.env.BENCH_DURABLE === '1' || process.env.BENCH_DURABLE === 'true',
  ratings: integer('BENCH_RATINGS', 1_000_000, 10),
  ratingModules: integer('BENCH_RATING_MODULES', 8, 1),
  runs: integer('BENCH_RUNS', 3, 1),
  seconds: integer('BENCH_SECONDS', 15, 1),
  timeoutMinutes: integer('BENCH_TIMEOUT_MINUTES', 45, 1),
  warmupSeconds: integer('BENCH_WARMUP_SECONDS', 5, 0),
})
