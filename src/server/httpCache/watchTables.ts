/**
 * Has every table of the schema watched by the change trigger, except the declared bookkeeping
 * (bookkeeping.ts): qn_watch_content_tables() (migration 20261129_221500_http_cache_tables_from_code)
 * attaches the trigger to tables added since the last start, takes it off tables now declared
 * bookkeeping, and records the list for those who call it without one.
 */
import type { Payload } from 'payload'
import type pg from 'pg'

/** Returns the tables still not watched (none, unless the DDL failed). */
export const watchTables = async ({
  bookkeepingTables,
  client,
  logger,
}: {
  bookkeepingTables: string[]
  client: pg.Client
  logger: Payload['logger']
}): Promise<string[]> => {
  try {
    const { rows } = await client.query<{ added: number }>(
      'SELECT qn_watch_content_tables($1::text[]) AS added',
      [bookkeepingTables],
    )
    if (rows[0]?.added) {
      logger.info({
        msg: `HTTP cache: change notifications added to ${rows[0].added} new table(s).`,
      })
    }
  } catch (err) {
    // Another process may have added the same trigger at the same moment; the check below decides.
    logger.warn({ err, msg: 'HTTP cache: could not add change notifications to new tables.' })
  }
  try {
    const { rows } = await client.query<{ name: string }>(
      'SELECT qn_unwatched_content_tables($1::text[]) AS name',
      [bookkeepingTables],
    )
    return rows.map((row) => row.name)
  } catch {
    return ['(migration 20261129_221500_http_cache_tables_from_code not applied)']
  }
}
