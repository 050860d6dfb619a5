/**
 * A COMMIT that fails must fail the request. @payloadcms/drizzle (3.90.2) runs each transaction
 * as `drizzle.transaction(…).catch(…)` and its `commitTransaction` ignores what COMMIT answers:
 * when PostgreSQL goes away between a write's last statement and its COMMIT, the write is rolled
 * back but the request goes on as if it had been stored (a registration answered 202 that is not
 * in the table; found by tests/int/overload). This wraps the adapter's two methods with the same
 * mechanism, keeping the transaction's outcome on the session, so that `commitTransaction`
 * throws the COMMIT's error (answered 503 by errors/answerHonestly.ts). Rollbacks stay as they are.
 */
import crypto from 'node:crypto'

import type { postgresAdapter } from '@payloadcms/db-postgres'

type AdapterResult = ReturnType<typeof postgresAdapter>
type PostgresAdapter = ReturnType<AdapterResult['init']>
type Session = { db: unknown; reject: () => Promise<unknown>; resolve: () => Promise<unknown> }

/** What the transaction's promise settles to: undefined when committed or rolled back on purpose. */
type Outcome = Error | undefined

const withFailingCommits = (adapter: PostgresAdapter): PostgresAdapter => {
  const sessions = adapter.sessions as Record<string, Session>
  adapter.beginTransaction = async function beginTransaction(options) {
    await adapter.initializing
    let resolve!: () => Promise<Outcome>
    let reject!: () => Promise<Outcome>
    let transaction: unknown
    let onReady!: () => void
    let onFailed!: (err: unknown) => void
    const ready = new Promise<void>((res, rej) => {
      onReady = res
      onFailed = rej
    })
    const done: Promise<Outcome> = adapter.drizzle
      .transaction(
        async (tx) => {
          transaction = tx
          await new Promise<void>((res, rej) => {
            resolve = () => {
              res()
              return done
            }
            // A rollback asked for: drizzle rolls back and rethrows this (undefined) reason.
            reject = () => {
              rej()
              return done
            }
            onReady()
          })
        },
        options || adapter.transactionOptions || undefined,
      )
      .then(
        () => undefined,
        (err: unknown) => {
          // Before the callback ran (no connection): beginning fails. After: it's the outcome.
          onFailed(err)
          return err instanceof Error ? err : undefined
        },
      )
    try {
      await ready
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err)
      adapter.payload.logger.error({ err, msg: `Error: cannot begin transaction: ${message}` })
      throw new Error(`Error: cannot begin transaction: ${message}`, { cause: err })
    }
    const id = crypto.randomUUID()
    sessions[id] = { db: transaction, reject, resolve }
    return id
  }
  adapter.commitTransaction = async function commitTransaction(incomingID = '') {
    const id = incomingID instanceof Promise ? await incomingID : incomingID
    const session = sessions[String(id)]
    if (!session) {
      // Already rolled back.
      return
    }
    // Out of the registry first, so nothing else uses it while it ends.
    delete sessions[String(id)]
    const outcome = (await session.resolve()) as Outcome
    if (outcome) {
      throw outcome
    }
  }
  return adapter
}

/** The adapter with COMMIT errors thrown (module comment). */
export const failingCommits = (result: AdapterResult): AdapterResult => ({
  ...result,
  init: (args) => withFailingCommits(result.init(args)),
})
