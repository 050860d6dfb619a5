import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Hand-written (no schema change): `mail_keys` (plugins/shared/sendMailTask.ts) is bookkeeping
 * of the mail outbox that no public response reads, and the mail runner writes it for every
 * mail sent; it must not invalidate the HTTP cache (migration 20261122_030000_http_cache).
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE OR REPLACE FUNCTION qn_unwatched_content_tables() RETURNS SETOF text LANGUAGE sql STABLE AS $$
    SELECT c.relname::text
    FROM pg_class c
    JOIN pg_namespace ns ON ns.oid = c.relnamespace
    WHERE ns.nspname = current_schema()
      AND c.relkind IN ('r', 'p')
      AND c.relname NOT LIKE 'payload\\_jobs%'
      AND c.relname NOT LIKE 'payload\\_locked\\_documents%'
      AND c.relname NOT LIKE 'payload\\_preferences%'
      AND c.relname NOT IN ('payload_migrations', 'payload_kv', 'users_sessions', 'mail_keys')
      AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = 'qn_content_changed')
    ORDER BY 1
  $$;
  DROP TRIGGER IF EXISTS qn_content_changed ON "mail_keys";
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  CREATE OR REPLACE FUNCTION qn_unwatched_content_tables() RETURNS SETOF text LANGUAGE sql STABLE AS $$
    SELECT c.relname::text
    FROM pg_class c
    JOIN pg_namespace ns ON ns.oid = c.relnamespace
    WHERE ns.nspname = current_schema()
      AND c.relkind IN ('r', 'p')
      AND c.relname NOT LIKE 'payload\\_jobs%'
      AND c.relname NOT LIKE 'payload\\_locked\\_documents%'
      AND c.relname NOT LIKE 'payload\\_preferences%'
      AND c.relname NOT IN ('payload_migrations', 'payload_kv', 'users_sessions')
      AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = 'qn_content_changed')
    ORDER BY 1
  $$;
  SELECT qn_watch_content_tables();
  `)
}
