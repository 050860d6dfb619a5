import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-postgres'

import { sql } from '@payloadcms/db-postgres'

/**
 * Hand-written (no schema change, so no snapshot): the change notifications of the HTTP cache
 * (migrations 20261122_030000_http_cache, 20261129_221500_http_cache_tables_from_code) say
 * WHICH rows changed, so that a rating invalidates the answers that contain its module instead
 * of every cached answer (src/server/httpCache/changeTargets.ts reads them).
 *
 * Each watched table gets four statement-level triggers (transition tables need one trigger per
 * event): INSERT, UPDATE and DELETE send, through the rows the statement touched
 * (`REFERENCING NEW/OLD TABLE`), a JSON message `{"t": table, "r": {reference: [values]}}`:
 * the row's own `id` (under the table's name), the value of every single-column foreign key
 * (under the referenced table: a `_rels` row names both documents, a registration its event),
 * and `target_collection:target_id` or `collection:doc_id` (under "@": the plugins' ratings,
 * summaries and comments name their target that way, the search index its document).
 * TRUNCATE, a statement whose message would exceed pg_notify's 8000 bytes, or a table with
 * nothing to report sends `{"t": table}`: the whole table changed.
 * Still delivered at commit only, never for a rollback; no row locks.
 *
 * What to report is read from the catalog when the triggers are attached (the trigger's one
 * argument is the query), so a table or foreign key added by a later migration is covered at the
 * next start; a trigger whose query no longer matches its table is attached again.
 *
 * Tables named qn_* are the server's own bookkeeping (e.g. the shared rate-limit counters,
 * written on every limited request), never content: not watched.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE FUNCTION qn_notify_content_rows() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    whole text := json_build_object('t', TG_TABLE_NAME)::text;
    message text;
  BEGIN
    IF TG_OP = 'TRUNCATE' OR TG_NARGS = 0 OR TG_ARGV[0] = '' THEN
      PERFORM pg_notify('qn_content_changed', whole);
      RETURN NULL;
    END IF;
    EXECUTE 'SELECT json_build_object(''t'', $1::text, ''r'', coalesce((SELECT json_object_agg(ref, vals) FROM (SELECT ref, json_agg(DISTINCT v) AS vals FROM ('
      || replace(TG_ARGV[0], '{rows}', CASE TG_OP
           WHEN 'INSERT' THEN 'qn_new'
           WHEN 'DELETE' THEN 'qn_old'
           ELSE '(SELECT * FROM qn_new UNION ALL SELECT * FROM qn_old)'
         END)
      || ') found WHERE v IS NOT NULL GROUP BY ref) grouped), ''{}''::json))::text'
      INTO message USING TG_TABLE_NAME;
    IF octet_length(message) > 7900 THEN
      message := whole;
    END IF;
    PERFORM pg_notify('qn_content_changed', message);
    RETURN NULL;
  END
  $$;

  -- The query a table's triggers run over {rows}: its id, its foreign keys, its target.
  CREATE FUNCTION qn_content_rows_query(target regclass) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT coalesce(string_agg(part, ' UNION ALL ' ORDER BY part), '')
    FROM (
      SELECT format('SELECT %L::text AS ref, r.%I::text AS v FROM {rows} r', c.relname, a.attname) AS part
      FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
      WHERE c.oid = target AND a.attname = 'id' AND NOT a.attisdropped
      UNION ALL
      SELECT format('SELECT %L::text AS ref, r.%I::text AS v FROM {rows} r', ref.relname, a.attname)
      FROM pg_constraint k
      JOIN pg_class ref ON ref.oid = k.confrelid
      JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
      WHERE k.conrelid = target AND k.contype = 'f' AND array_length(k.conkey, 1) = 1
      UNION ALL
      SELECT format('SELECT ''@''::text AS ref, r.%I::text || '':'' || r.%I::text AS v FROM {rows} r', pair.slug, pair.id)
      FROM (VALUES ('target_collection', 'target_id'), ('collection', 'doc_id')) AS pair (slug, id)
      WHERE (SELECT count(*) FROM pg_attribute a
             WHERE a.attrelid = target AND a.attname IN (pair.slug, pair.id) AND NOT a.attisdropped) = 2
    ) parts
  $$;

  CREATE OR REPLACE FUNCTION qn_unwatched_content_tables(bookkeeping text[]) RETURNS SETOF text LANGUAGE sql STABLE AS $$
    SELECT c.relname::text
    FROM pg_class c
    JOIN pg_namespace ns ON ns.oid = c.relnamespace
    WHERE ns.nspname = current_schema()
      AND c.relkind IN ('r', 'p')
      AND c.relname NOT LIKE 'qn\\_%'
      AND c.relname::text <> ALL (coalesce(bookkeeping, '{}'))
      AND (SELECT count(*) FROM pg_trigger t
           WHERE t.tgrelid = c.oid
             AND t.tgname IN ('qn_content_rows_insert', 'qn_content_rows_update', 'qn_content_rows_delete', 'qn_content_rows_truncate')
             AND (t.tgname = 'qn_content_rows_truncate'
               OR t.tgargs = convert_to(qn_content_rows_query(c.oid), 'UTF8') || '\\x00'::bytea)) < 4
    ORDER BY 1
  $$;

  CREATE OR REPLACE FUNCTION qn_watch_content_tables(bookkeeping text[]) RETURNS integer LANGUAGE plpgsql AS $$
  DECLARE
    declared text[] := coalesce(bookkeeping, '{}');
    target text;
    query text;
    added integer := 0;
  BEGIN
    DELETE FROM qn_bookkeeping_tables WHERE name <> ALL (declared);
    INSERT INTO qn_bookkeeping_tables (name) SELECT DISTINCT unnest(declared) ON CONFLICT DO NOTHING;
    -- Off bookkeeping and the server's own tables; the one trigger of before is replaced everywhere.
    FOR target, query IN
      SELECT c.relname::text, t.tgname::text
      FROM pg_trigger t
      JOIN pg_class c ON c.oid = t.tgrelid
      JOIN pg_namespace ns ON ns.oid = c.relnamespace
      WHERE ns.nspname = current_schema()
        AND (t.tgname = 'qn_content_changed'
          OR (t.tgname LIKE 'qn\\_content\\_rows\\_%' AND (c.relname::text = ANY (declared) OR c.relname LIKE 'qn\\_%')))
    LOOP
      EXECUTE format('DROP TRIGGER %I ON %I', query, target);
    END LOOP;
    FOR target IN SELECT qn_unwatched_content_tables(declared) LOOP
      query := qn_content_rows_query(target::regclass);
      EXECUTE format('DROP TRIGGER IF EXISTS qn_content_rows_insert ON %1$I;
        DROP TRIGGER IF EXISTS qn_content_rows_update ON %1$I;
        DROP TRIGGER IF EXISTS qn_content_rows_delete ON %1$I;
        DROP TRIGGER IF EXISTS qn_content_rows_truncate ON %1$I;
        CREATE TRIGGER qn_content_rows_insert AFTER INSERT ON %1$I REFERENCING NEW TABLE AS qn_new FOR EACH STATEMENT EXECUTE FUNCTION qn_notify_content_rows(%2$L);
        CREATE TRIGGER qn_content_rows_update AFTER UPDATE ON %1$I REFERENCING OLD TABLE AS qn_old NEW TABLE AS qn_new FOR EACH STATEMENT EXECUTE FUNCTION qn_notify_content_rows(%2$L);
        CREATE TRIGGER qn_content_rows_delete AFTER DELETE ON %1$I REFERENCING OLD TABLE AS qn_old FOR EACH STATEMENT EXECUTE FUNCTION qn_notify_content_rows(%2$L);
        CREATE TRIGGER qn_content_rows_truncate AFTER TRUNCATE ON %1$I FOR EACH STATEMENT EXECUTE FUNCTION qn_notify_content_rows()',
        target, query);
      added := added + 1;
    END LOOP;
    RETURN added;
  END
  $$;

  SELECT qn_watch_content_tables();
  `)
}

/** Back to one trigger per table that says only "something changed" (migration 20261129_221500). */
export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DO $$
  DECLARE
    target text;
    trigger_name text;
  BEGIN
    FOR target, trigger_name IN
      SELECT c.relname::text, t.tgname::text
      FROM pg_trigger t
      JOIN pg_class c ON c.oid = t.tgrelid
      JOIN pg_namespace ns ON ns.oid = c.relnamespace
      WHERE ns.nspname = current_schema() AND t.tgname LIKE 'qn\\_content\\_rows\\_%'
    LOOP
      EXECUTE format('DROP TRIGGER %I ON %I', trigger_name, target);
    END LOOP;
  END
  $$;

  CREATE OR REPLACE FUNCTION qn_unwatched_content_tables(bookkeeping text[]) RETURNS SETOF text LANGUAGE sql STABLE AS $$
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

  CREATE OR REPLACE FUNCTION qn_watch_content_tables(bookkeeping text[]) RETURNS integer LANGUAGE plpgsql AS $$
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

  DROP FUNCTION qn_content_rows_query(regclass);
  DROP FUNCTION qn_notify_content_rows();
  SELECT qn_watch_content_tables();
  `)
}
