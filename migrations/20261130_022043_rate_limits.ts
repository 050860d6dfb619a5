import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-postgres'

import { sql } from '@payloadcms/db-postgres'

/**
 * Hand-written (no Payload schema, so no snapshot): the per-client rate-limit counters that all
 * servers share (src/server/rateLimitStore.ts). A key is an HMAC of limiter, kind and client
 * address; a row lives for its window (the servers delete ended windows every minute).
 *
 * UNLOGGED: counters are written on every limited request and need no crash safety; after a
 * crash (or on a promoted standby) PostgreSQL starts them empty, which only resets the limits.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE UNLOGGED TABLE qn_rate_limits (
    key text PRIMARY KEY,
    hits integer NOT NULL,
    reset_at timestamptz NOT NULL
  );
  CREATE INDEX qn_rate_limits_reset_at_idx ON qn_rate_limits (reset_at);`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP TABLE IF EXISTS qn_rate_limits;`)
}
