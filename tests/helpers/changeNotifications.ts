/**
 * Cuts the HTTP cache's listening connection (src/server/httpCache/contentChanges.ts) and runs
 * `meanwhile` on a connection of its own while nobody listens: its notifications are lost, as
 * when the connection drops in production. The server reconnects after its first retry.
 */
import pg from 'pg'
import { expect } from 'vitest'

export const whileNotificationsAreCut = async (
  meanwhile: (client: pg.Client) => Promise<unknown>,
): Promise<void> => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await client.connect()
  try {
    const { rowCount } = await client.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'quartiersnetz-http-cache' AND datname = current_database()`,
    )
    expect(rowCount).toBe(1)
    await meanwhile(client)
  } finally {
    await client.end()
  }
}
