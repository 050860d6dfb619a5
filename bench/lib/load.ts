/**
 * Load generation with autocannon: fixed connection counts, a warm-up, then several runs of
 * fixed duration; scenarios measured together take turns run by run (in alternating order), so
 * a noisy moment on the machine hits each of them alike.
 */
import autocannon from 'autocannon'

export type Scenario = {
  connections: number
  name: string
  /** autocannon request definitions (cycled); `setupRequest` may vary path and body. */
  requests: autocannon.Request[]
}

export type RunResult = {
  errors: number
  /** Responses that were not 2xx, by status code. */
  non2xx: Record<string, number>
  /** Latency percentiles of the 2xx responses, in milliseconds (sub-millisecond resolution). */
  p50Ms: number
  p99Ms: number
  requestsPerSecond: number
  responses: number
  timeouts: number
}

export type Measurement = {
  connections: number
  /** Connection errors and timeouts over all measured runs. */
  errors: number
  /** Median over the measured runs, each figure on its own. */
  median: Pick<RunResult, 'p50Ms' | 'p99Ms' | 'requestsPerSecond'>
  name: string
  /** Non-2xx responses over all measured runs, by status code. */
  non2xx: Record<string, number>
  runs: RunResult[]
}

const REQUEST_TIMEOUT_SECONDS = 30

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** Nearest-rank percentile of sorted values. */
const percentile = (sorted: number[], p: number): number =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]! : Number.NaN

const runOnce = ({ scenario, seconds, url }: { scenario: Scenario; seconds: number; url: string }) =>
  new Promise<RunResult>((resolve, reject) => {
    // autocannon's own histogram counts whole milliseconds; we keep each response's time.
    const latencies: number[] = []
    const instance = autocannon(
      { connections: scenario.connections, duration: seconds, requests: scenario.requests, timeout: REQUEST_TIMEOUT_SECONDS, url },
      (err: unknown, result) => {
        if (err) {
          reject(err instanceof Error ? err : new Error(String(err)))
          return
        }
        latencies.sort((a, b) => a - b)
        const non2xx = Object.fromEntries(
          Object.entries(result.statusCodeStats ?? {})
            .filter(([status]) => !status.startsWith('2'))
            .map(([status, { count }]) => [status, count ?? 0]),
        )
        resolve({
          errors: result.errors,
          non2xx,
          p50Ms: percentile(latencies, 50),
          p99Ms: percentile(latencies, 99),
          requestsPerSecond: result.requests.average,
          responses: result.requests.total,
          timeouts: result.timeouts,
        })
      },
    )
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) {
        latencies.push(responseTime)
      }
    })
  })

const addCounts = (into: Record<string, number>, from: Record<string, number>) => {
  for (const [key, count] of Object.entries(from)) {
    into[key] = (into[key] ?? 0) + count
  }
}

/** Warms each scenario up, then runs them in turns `runs` times and takes the medians. */
export const measure = async ({
  log,
  runs,
  scenarios,
  seconds,
  url,
  warmupSeconds,
}: {
  log: (message: string) => void
  runs: number
  scenarios: Scenario[]
  seconds: number
  url: string
  warmupSeconds: number
}): Promise<Measurement[]> => {
  if (warmupSeconds > 0) {
    for (const scenario of scenarios) {
      log(`  warm-up: ${scenario.name} (${warmupSeconds} s)`)
      await runOnce({ scenario, seconds: warmupSeconds, url })
    }
  }
  const results = scenarios.map(() => [] as RunResult[])
  for (let run = 1; run <= runs; run++) {
    // A, B, then B, A: whoever runs second in a turn (after the other's garbage, say) changes.
    const order = [...scenarios.entries()]
    for (const [index, scenario] of run % 2 ? order : order.reverse()) {
      const result = await runOnce({ scenario, seconds, url })
      results[index]!.push(result)
      log(
        `  run ${run}/${runs}: ${scenario.name}: ${result.requestsPerSecond.toFixed(1)} req/s, p50 ${result.p50Ms.toFixed(2)} ms, p99 ${result.p99Ms.toFixed(2)} ms`,
      )
    }
  }
  return scenarios.map((scenario, index) => {
    const runResults = results[index]!
    const non2xx: Record<string, number> = {}
    runResults.forEach((result) => addCounts(non2xx, result.non2xx))
    return {
      connections: scenario.connections,
      errors: runResults.reduce((sum, result) => sum + result.errors, 0),
      median: {
        p50Ms: median(runResults.map((result) => result.p50Ms)),
        p99Ms: median(runResults.map((result) => result.p99Ms)),
        requestsPerSecond: median(runResults.map((result) => result.requestsPerSecond)),
      },
      name: scenario.name,
      non2xx,
      runs: runResults,
    }
  })
}
