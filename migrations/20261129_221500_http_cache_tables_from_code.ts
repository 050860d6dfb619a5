import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-postgres'

import { sql } from '@payloadcms/db-postgres'

/**
 * Hand-written (no schema change): which tables' writes are no content change for the HTTP
 * cache (migration 20261122_030000_http_cache) is bookkeeping that no public answer reads, and
 * that is known to whoever owns the table, not to a migration. The owners declare it in code
 * (src/server/httpCache/bookkeeping.ts for Payload's own, plugins/shared/sendMailTask.ts for
 * the mail outbox), and the server passes the tables at every start:
 *
 * - qn_unwatched_content_tables(bookkeeping) lists the tables neither watched nor bookkeeping;
 * - qn_watch_content_tables(bookkeeping) attaches the trigger to those, takes it off tables
 *   declared bookkeeping since they were watched, and records the list in
 *   qn_bookkeeping_tables.
 *
 * The functions without arguments keep working on the recorded list: for servers started before
 * this migration (several servers, updated one after the other) and for anyone checking by
 * hand. Until a server declares, the list is what was bookkeeping before: the tables without
 * the trigger now.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE TABLE qn_bookkeeping_tables (name text PRIMARY KEY);

  INSERT INTO qn_bookkeeping_tables (name)
    SELECT c.relname::text
    FROM pg_class c
    JOIN pg_namespace ns ON ns.oid = c.relnamespace
    WHERE ns.nspname = current_schema()
      AND c.relkind IN ('r', 'p')
      AND c.relname <> 'qn_bookkeeping_tables'
      AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = 'qn_content_changed');

  CREATE FUNCTION qn_unwatched_content_tables(bookkeeping text[]) RETURNS SETOF text LANGUAGE sql STABLE AS $$
    SELECT c.relname::text
    FROM pg_class c
    JOIN pg_namespace ns ON ns.oid = c.relnamespace
    WHERE ns.nspname = current_schema()
      AND c.relkind IN ('r', 'p')
      AND c.relname <> 'qn_bookkeeping_tables'
      AND c.relname::text <> ALL (coalesce(bookkeeping, '{}'))
      AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = 'qn_content_changed')
    ORDER BY 1
  $$;

  CREATE FUNCTION qn_watch_content_tables(bookkeeping text[]) RETURNS integer LANGUAGE plpgsql AS $$
  DECLARE
    declared text[] := coalesce(bookkeeping, '{}');
    target text;
    added integer := 0;
  BEGIN
    DELETE FROM qn_bookkeeping_tables WHERE name <> ALL (declared);
    INSERT INTO qn_bookkeeping_tables (name) SELECT DISTINCT unnest(declared) ON CONFLICT DO NOTHING;
    FOR target IN
      SELECT c.relname::text
      FROM pg_trigger t
      JOIN pg_class c ON c.oid = t.tgrelid
      JOIN pg_namespace ns ON ns.oid = c.relnamespace
      WHERE ns.nspname = current_schema() AND t.tgname = 'qn_content_changed' AND c.relname::text = ANY (declared)
    LOOP
      EXECUTE format('DROP TRIGGER qn_content_changed ON %I', target);
    END LOOP;
    FOR target IN SELECT qn_unwatched_content_tables(declared) LOOP
      EXECUTE format(
        'CREATE TRIGGER qn_content_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION qn_notify_content_changed()',
        target
      );
      added := added + 1;
    END LOOP;
    RETURN added;
  END
  $$;

  CREATE OR REPLACE FUNCTION qn_unwatched_content_tables() RETURNS SETOF text LANGUAGE sql STABLE AS $$
    SELECT qn_unwatched_content_tables(ARRAY(SELECT name FROM qn_bookkeeping_tables))
  $$;

  CREATE OR REPLACE FUNCTION qn_watch_content_tables() RETURNS integer LANGUAGE sql AS $$
    SELECT qn_watch_content_tables(ARRAY(SELECT name FROM qn_bookkeeping_tables))
  $$;
  `)
}

/**
 * Back to the functions of migrations 20261122_030000_http_cache (qn_watch_content_tables) and
 * 20261122_043500_http_cache_bookkeeping (qn_unwatched_content_tables), word for word, and to
 * the triggers they imply: attached to every table but theirs, taken off theirs.
 */
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
      AND c.relname NOT IN ('payload_migrations', 'payload_kv', 'users_sessions', 'mail_keys')
      AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = 'qn_content_changed')
    ORDER BY 1
  $$;

  CREATE OR REPLACE FUNCTION qn_watch_content_tables() RETURNS integer LANGUAGE plpgsql AS $$
  DECLARE
    name text;
    added integer := 0;
  BEGIN
    FOR name IN SELECT qn_unwatched_content_tables() LOOP
      EXECUTE format(
        'CREATE TRIGGER qn_content_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION qn_notify_content_changed()',
        name
      );
      added := added + 1;
    END LOOP;
    RETURN added;
  END
  $$;

  DROP FUNCTION qn_watch_content_tables(text[]);
  DROP FUNCTION qn_unwatched_content_tables(text[]);
  DROP TABLE qn_bookkeeping_tables;

  DO $$
  DECLARE
    target text;
  BEGIN
    FOR target IN
      SELECT c.relname::text
      FROM pg_trigger t
      JOIN pg_class c ON c.oid = t.tgrelid
      JOIN pg_namespace ns ON ns.oid = c.relnamespace
      WHERE ns.nspname = current_schema()
        AND t.tgname = 'qn_content_changed'
        AND (c.relname LIKE 'payload\\_jobs%'
          OR c.relname LIKE 'payload\\_locked\\_documents%'
          OR c.relname LIKE 'payload\\_preferences%'
          OR c.relname IN ('payload_migrations', 'payload_kv', 'users_sessions', 'mail_keys'))
    LOOP
      EXECUTE format('DROP TRIGGER qn_content_changed ON %I', target);
    END LOOP;
  END
  $$;
  SELECT qn_watch_content_tables();
  `)
}
