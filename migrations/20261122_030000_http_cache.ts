import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Hand-written (no schema change, so no snapshot): the server's HTTP cache (src/server/httpCache.ts)
 * answers 304 and serves cached public GETs only while nothing has changed since. Every write to
 * a table a public response may be read from tells it so: a statement-level trigger calls
 * pg_notify('qn_content_changed'), which PostgreSQL delivers at commit (never for a rollback),
 * folds into one notification per transaction and takes no row locks, so writers don't queue
 * behind one another (as they would on a shared counter row) and can't deadlock with the
 * plugins' advisory locks.
 *
 * qn_watch_content_tables() attaches the trigger to every table of the schema that lacks it,
 * except Payload's bookkeeping (jobs, locks, preferences, migrations, key-value store, sessions),
 * which no public response reads and which the job runner writes every few seconds. The server
 * calls it again at start, so tables added by later migrations are covered without a change here.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE OR REPLACE FUNCTION qn_notify_content_changed() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM pg_notify('qn_content_changed', '');
    RETURN NULL;
  END
  $$;

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

  SELECT qn_watch_content_tables();
  `)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DO $$
  DECLARE
    target regclass;
  BEGIN
    FOR target IN SELECT t.tgrelid::regclass FROM pg_trigger t WHERE t.tgname = 'qn_content_changed' LOOP
      EXECUTE format('DROP TRIGGER IF EXISTS qn_content_changed ON %s', target);
    END LOOP;
  END
  $$;
  DROP FUNCTION IF EXISTS qn_watch_content_tables();
  DROP FUNCTION IF EXISTS qn_unwatched_content_tables();
  DROP FUNCTION IF EXISTS qn_notify_content_changed();
  `)
}
