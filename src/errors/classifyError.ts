/**
 * What an unexpected error means for the client. Payload answers every error that is not its
 * own with 500; but a database that is unreachable, restarting or out of connections is a
 * temporary state (503, try again), and a value the database refuses (class 22, "data
 * exception": an id that is no number, a date out of range, a NUL) is the client's input (400).
 * Saying so is what lets clients and operators act: retry later, or fix the request.
 */

export type ErrorClass = 'bad-input' | 'conflict' | 'unavailable'

/** SQLSTATEs of a database that can't serve now (connection, shutdown, resources, timeouts). */
const isUnavailableCode = (code: string) =>
  code.startsWith('08') || // connection exception
  code.startsWith('53') || // insufficient resources (too many connections, out of memory)
  code.startsWith('57P') || // admin/crash shutdown, cannot connect now
  code === '57014' || // query canceled (statement timeout)
  code === '40001' || // serialization failure: retrying succeeds
  code === '40P01' || // deadlock detected: retrying succeeds
  code === '55P03' // lock not available (lock timeout)

/** Node's socket errors on the way to the database. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
])

/** node-postgres' own messages for a pool or client that can't reach the database. */
const UNAVAILABLE_MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /connection terminated/i,
  /client has encountered a connection error/i,
  /cannot use a pool after calling end/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /terminating connection due to administrator command/i,
  // @payloadcms/drizzle rethrows a failed BEGIN as a new Error without its cause.
  /cannot begin transaction/i,
]

/** The error and what it wraps (drizzle's cause, GraphQL's originalError), outermost first. */
export const chainOf = (err: unknown): unknown[] => {
  const chain: unknown[] = []
  let current = err
  while (current && typeof current === 'object' && chain.length < 10) {
    chain.push(current)
    const { cause, originalError } = current as { cause?: unknown; originalError?: unknown }
    current = cause ?? originalError
  }
  return chain
}

export const classifyError = (err: unknown): ErrorClass | undefined => {
  for (const link of chainOf(err)) {
    const { code, message, name } = link as { code?: unknown; message?: unknown; name?: unknown }
    // The plugins' in-process queues refuse work they can't take now (plugins/shared/concurrencyLimit.ts).
    if (name === 'OverloadedError') {
      return 'unavailable'
    }
    if (typeof code === 'string') {
      if (isUnavailableCode(code) || NETWORK_CODES.has(code)) {
        return 'unavailable'
      }
      if (code.startsWith('22') || code === '23502' || code === '23503' || code === '23514') {
        return 'bad-input'
      }
      if (code === '23505') {
        return 'conflict'
      }
    }
    if (
      typeof message === 'string' &&
      UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))
    ) {
      return 'unavailable'
    }
  }
  // JSON.parse on input Payload reads itself (e.g. a multipart `_payload` that the edge didn't see).
  return chainOf(err).some((link) => link instanceof SyntaxError) ? 'bad-input' : undefined
}
