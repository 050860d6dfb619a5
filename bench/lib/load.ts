/**
 * Load generation with autocannon: fixed connection counts, a warm-up, then several runs of
 * fixed duration; scenarios measured together take turns run by run (in alternating order), so
 * a noisy moment on the machine hits each of them alike.
 */
import autocannon from 'autocannon'

export type Scenario = {
  connections: number
  /** The status every response should have (default: every 2xx), e.g. 304 for conditional GETs; 'ok' for 2xx or 304. */
  expectedStatus?: 'ok' | number
  name: string
  /** autocannon request definitions (cycled); `setupRequest` may vary path and body. */
  requests: autocannon.Request[]
}

export type RunResult = {
  errors: number
  /** Responses other than expected (2xx unless the scenario says), by status code. */
  non2xx: Record<string, number>
  /** Latency percentiles of the expected responses, in milliseconds (sub-millisecond resolution). */
  p50Ms: number
  p95Ms: number
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
  median: Pick<RunResult, 'p50Ms' | 'p95Ms' | 'p99Ms' | 'requestsPerSecond'>
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
  sorted.length
    ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
    : Number.NaN

const isExpected = ({ expectedStatus }: Scenario, status: number) =>
  expectedStatus === undefined || expectedStatus === 'ok'
    ? (status >= 200 && status < 300) || (expectedStatus === 'ok' && status === 304)
    : status === expectedStatus

/** One autocannon run: for `seconds`, or until `amount` requests are answered (a burst). */
export const runOnce = ({
  amount,
  scenario,
  seconds,
  url,
}: {
  amount?: number
  scenario: Scenario
  seconds: number
  url: string
}) =>
  new Promise<RunResult>((resolve, reject) => {
    // autocannon's own histogram counts whole milliseconds; we keep each response's time.
    const latencies: number[] = []
    const statuses: Record<string, number> = {}
    const startedAt = process.hrtime.bigint()
    const instance = autocannon(
      {
        connections: scenario.connections,
        ...(amount ? { amount } : { duration: seconds }),
        requests: scenario.requests,
        timeout: REQUEST_TIMEOUT_SECONDS,
        url,
      },
      (err: unknown, result) => {
        if (err) {
          reject(err instanceof Error ? err : new Error(String(err)))
          return
        }
        latencies.sort((a, b) => a - b)
        const elapsedSeconds = Number(process.hrtime.bigint() - startedAt) / 1e9
        resolve({
          errors: result.errors,
          non2xx: Object.fromEntries(
            Object.entries(statuses).filter(([status]) => !isExpected(scenario, Number(status))),
          ),
          p50Ms: percentile(latencies, 50),
          p95Ms: percentile(latencies, 95),
          p99Ms: percentile(latencies, 99),
          // A burst is over within seconds: its rate is responses over the time it took.
          requestsPerSecond: amount
            ? result.requests.total / elapsedSeconds
            : result.requests.average,
          responses: result.requests.total,
          timeouts: result.timeouts,
        })
      },
    )
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1
      if (isExpected(scenario, statusCode)) {
        latencies.push(responseTime)
      }
    })
  })

const addCounts = (into: Record<string, number>, from: Record<string, number>) => {
  for (const [key, count] of Object.entries(from)) {
    into[key] = (into[key] ?? 0) + count
  }
}

const SETTLE_MAX_MS = 20_000
const SETTLED_RESPONSE_MS = 25

/**
 * Waits until the server has worked off what the last run left behind: autocannon stops
 * sending at the end of a run, but the server still answers the requests in flight, and the
 * next run must not pay for them. Settled: a trivial request answered within 25 ms.
 */
export const settle = async (url: string) => {
  const deadline = Date.now() + SETTLE_MAX_MS
  while (Date.now() < deadline) {
    const started = Date.now()
    await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(SETTLE_MAX_MS) })
      .then((response) => response.arrayBuffer())
      .catch(() => undefined)
    if (Date.now() - started < SETTLED_RESPONSE_MS) {
      return
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
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
      await settle(url)
    }
  }
  const results = scenarios.map(() => [] as RunResult[])
  for (let run = 1; run <= runs; run++) {
    // A, B, then B, A: whoever runs second in a turn (after the other's garbage, say) changes.
    const order = [...scenarios.entries()]
    for (const [index, scenario] of run % 2 ? order : order.reverse()) {
      const result = await runOnce({ scenario, seconds, url })
      await settle(url)
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
        p95Ms: median(runResults.map((result) => result.p95Ms)),
        p99Ms: median(runResults.map((result) => result.p99Ms)),
        requestsPerSecond: median(runResults.map((result) => result.requestsPerSecond)),
      },
      name: scenario.name,
      non2xx,
      runs: runResults,
    }
  })
}
