import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Hand-written (the table is no Payload collection): the full-text search index (src/search/).
 * One row per document and version (with a date to show: an event's start, a publication's): `published` is what visitors find, `latest` (the newest
 * version, drafts included) what signed-in editors find. The vector is weighted title (A) >
 * summary (B) > body (C), made with the German configuration from folded texts, and found through
 * a GIN index per version (so that a match never reads the often TOASTed vector itself); the
 * small `head_vector` (title and summary) ranks the hits cheaply; `title_folded`
 * serves typo tolerance through pg_trgm (a trusted extension PostgreSQL ships: the database
 * owner may create it). The rows are written by the collections' hooks in the change's
 * transaction; src/search/reindex.ts fills the index for documents written before it existed.
 * The rollback keeps pg_trgm (other objects may have come to use it).
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE EXTENSION IF NOT EXISTS pg_trgm;

  CREATE TABLE "search_documents" (
    "collection" varchar NOT NULL,
    "doc_id" varchar NOT NULL,
    "version" varchar NOT NULL CHECK ("version" IN ('published', 'latest')),
    "status" varchar NOT NULL CHECK ("status" IN ('draft', 'published')),
    "slug" varchar,
    "date" timestamp(3) with time zone,
    "title" text NOT NULL,
    "summary" text NOT NULL DEFAULT '',
    "body" text NOT NULL DEFAULT '',
    "title_folded" text NOT NULL,
    "vector" tsvector NOT NULL,
    "head_vector" tsvector NOT NULL,
    "updated_at" timestamp(3) with time zone NOT NULL DEFAULT now(),
    PRIMARY KEY ("collection", "doc_id", "version")
  );
  CREATE INDEX "search_documents_published_idx" ON "search_documents" USING gin ("vector") WHERE "version" = 'published';
  CREATE INDEX "search_documents_latest_idx" ON "search_documents" USING gin ("vector") WHERE "version" = 'latest';
  CREATE INDEX "search_documents_title_trgm_idx" ON "search_documents" USING gin ("title_folded" gin_trgm_ops);`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`DROP TABLE IF EXISTS "search_documents";`)
}
