import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/** Removes this migration's task slugs from Payload's job enums (PostgreSQL can't drop an enum value). */
const withoutTaskSlugs = (type: string, table: string) => sql.raw(`
  DO $$
  DECLARE kept text;
  BEGIN
    SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder) INTO kept
    FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid
    WHERE t.typname = '${type}'
      AND e.enumlabel NOT IN ('eraseCommentAbuseRecords', 'eraseRatingClientHashes');
    ALTER TABLE "${table}" ALTER COLUMN "task_slug" SET DATA TYPE text;
    DELETE FROM "${table}" WHERE "task_slug" IN ('eraseCommentAbuseRecords', 'eraseRatingClientHashes');
    DROP TYPE "public"."${type}";
    EXECUTE 'CREATE TYPE "public"."${type}" AS ENUM(' || kept || ')';
    ALTER TABLE "${table}" ALTER COLUMN "task_slug" SET DATA TYPE "public"."${type}" USING "task_slug"::"public"."${type}";
  END $$;`)

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE TYPE "public"."enum_privacy_requests_action" AS ENUM('lookup', 'export', 'erase');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE IF NOT EXISTS 'eraseCommentAbuseRecords';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE IF NOT EXISTS 'eraseRatingClientHashes';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE IF NOT EXISTS 'eraseCommentAbuseRecords';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE IF NOT EXISTS 'eraseRatingClientHashes';
  CREATE TABLE "privacy_requests" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"action" "enum_privacy_requests_action" NOT NULL,
  	"user_id" integer,
  	"record_count" numeric,
  	"counts" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );

  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "privacy_requests_id" integer;
  ALTER TABLE "privacy_requests" ADD CONSTRAINT "privacy_requests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "privacy_requests_user_idx" ON "privacy_requests" USING btree ("user_id");
  CREATE INDEX "privacy_requests_updated_at_idx" ON "privacy_requests" USING btree ("updated_at");
  CREATE INDEX "privacy_requests_created_at_idx" ON "privacy_requests" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_privacy_requests_fk" FOREIGN KEY ("privacy_requests_id") REFERENCES "public"."privacy_requests"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_privacy_requests_id_idx" ON "payload_locked_documents_rels" USING btree ("privacy_requests_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_privacy_requests_fk";
  DROP INDEX "payload_locked_documents_rels_privacy_requests_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "privacy_requests_id";
  DROP TABLE "privacy_requests" CASCADE;
  DROP TYPE "public"."enum_privacy_requests_action";`)
  await db.execute(withoutTaskSlugs('enum_payload_jobs_log_task_slug', 'payload_jobs_log'))
  await db.execute(withoutTaskSlugs('enum_payload_jobs_task_slug', 'payload_jobs'))
}
