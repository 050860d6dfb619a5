import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_events_custom_questions_type" AS ENUM('text', 'select');
  CREATE TYPE "public"."enum__events_v_version_custom_questions_type" AS ENUM('text', 'select');
  CREATE TYPE "public"."enum_registrations_status" AS ENUM('pending', 'confirmed', 'waitlisted', 'cancelled');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'purgeUnconfirmedRegistrations';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'purgeUnconfirmedRegistrations';
  CREATE TABLE "events_custom_questions_options" (
  	"_order" integer NOT NULL,
  	"_parent_id" varchar NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"value" varchar
  );
  
  CREATE TABLE "events_custom_questions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"label" varchar,
  	"key" varchar,
  	"type" "enum_events_custom_questions_type" DEFAULT 'text',
  	"required" boolean
  );
  
  CREATE TABLE "_events_v_version_custom_questions_options" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"value" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_events_v_version_custom_questions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"label" varchar,
  	"key" varchar,
  	"type" "enum__events_v_version_custom_questions_type" DEFAULT 'text',
  	"required" boolean,
  	"_uuid" varchar
  );
  
  CREATE TABLE "registrations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"event_id" integer NOT NULL,
  	"name" varchar NOT NULL,
  	"email" varchar NOT NULL,
  	"answers" jsonb,
  	"status" "enum_registrations_status" DEFAULT 'pending' NOT NULL,
  	"attended" boolean DEFAULT false,
  	"confirm_token_hash" varchar,
  	"confirm_expires_at" timestamp(3) with time zone,
  	"cancel_token_hash" varchar,
  	"consent_version" varchar,
  	"consent_given_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "events" ADD COLUMN "registration_open" boolean DEFAULT false;
  ALTER TABLE "events" ADD COLUMN "capacity" numeric;
  ALTER TABLE "events" ADD COLUMN "online_registration_deadline" timestamp(3) with time zone;
  ALTER TABLE "events" ADD COLUMN "has_waiting_list" boolean DEFAULT true;
  ALTER TABLE "_events_v" ADD COLUMN "version_registration_open" boolean DEFAULT false;
  ALTER TABLE "_events_v" ADD COLUMN "version_capacity" numeric;
  ALTER TABLE "_events_v" ADD COLUMN "version_online_registration_deadline" timestamp(3) with time zone;
  ALTER TABLE "_events_v" ADD COLUMN "version_has_waiting_list" boolean DEFAULT true;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "registrations_id" integer;
  ALTER TABLE "events_custom_questions_options" ADD CONSTRAINT "events_custom_questions_options_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."events_custom_questions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "events_custom_questions" ADD CONSTRAINT "events_custom_questions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_events_v_version_custom_questions_options" ADD CONSTRAINT "_events_v_version_custom_questions_options_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_events_v_version_custom_questions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_events_v_version_custom_questions" ADD CONSTRAINT "_events_v_version_custom_questions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_events_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "registrations" ADD CONSTRAINT "registrations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "events_custom_questions_options_order_idx" ON "events_custom_questions_options" USING btree ("_order");
  CREATE INDEX "events_custom_questions_options_parent_id_idx" ON "events_custom_questions_options" USING btree ("_parent_id");
  CREATE INDEX "events_custom_questions_order_idx" ON "events_custom_questions" USING btree ("_order");
  CREATE INDEX "events_custom_questions_parent_id_idx" ON "events_custom_questions" USING btree ("_parent_id");
  CREATE INDEX "_events_v_version_custom_questions_options_order_idx" ON "_events_v_version_custom_questions_options" USING btree ("_order");
  CREATE INDEX "_events_v_version_custom_questions_options_parent_id_idx" ON "_events_v_version_custom_questions_options" USING btree ("_parent_id");
  CREATE INDEX "_events_v_version_custom_questions_order_idx" ON "_events_v_version_custom_questions" USING btree ("_order");
  CREATE INDEX "_events_v_version_custom_questions_parent_id_idx" ON "_events_v_version_custom_questions" USING btree ("_parent_id");
  CREATE INDEX "registrations_event_idx" ON "registrations" USING btree ("event_id");
  CREATE INDEX "registrations_email_idx" ON "registrations" USING btree ("email");
  CREATE INDEX "registrations_status_idx" ON "registrations" USING btree ("status");
  CREATE INDEX "registrations_confirm_token_hash_idx" ON "registrations" USING btree ("confirm_token_hash");
  CREATE INDEX "registrations_confirm_expires_at_idx" ON "registrations" USING btree ("confirm_expires_at");
  CREATE INDEX "registrations_cancel_token_hash_idx" ON "registrations" USING btree ("cancel_token_hash");
  CREATE INDEX "registrations_updated_at_idx" ON "registrations" USING btree ("updated_at");
  CREATE INDEX "registrations_created_at_idx" ON "registrations" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_registrations_fk" FOREIGN KEY ("registrations_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_registrations_id_idx" ON "payload_locked_documents_rels" USING btree ("registrations_id");`)
}

// down(): the tables are dropped with CASCADE first, which already removes their foreign keys;
// IF EXISTS keeps the later explicit drops from failing (drizzle-kit's order).
export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "events_custom_questions_options" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "events_custom_questions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_events_v_version_custom_questions_options" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_events_v_version_custom_questions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "registrations" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "events_custom_questions_options" CASCADE;
  DROP TABLE "events_custom_questions" CASCADE;
  DROP TABLE "_events_v_version_custom_questions_options" CASCADE;
  DROP TABLE "_events_v_version_custom_questions" CASCADE;
  DROP TABLE "registrations" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_registrations_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'generateSeriesOccurrences', 'sendMail', 'purgeUnconfirmedComments');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'generateSeriesOccurrences', 'sendMail', 'purgeUnconfirmedComments');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_registrations_id_idx";
  ALTER TABLE "events" DROP COLUMN "registration_open";
  ALTER TABLE "events" DROP COLUMN "capacity";
  ALTER TABLE "events" DROP COLUMN "online_registration_deadline";
  ALTER TABLE "events" DROP COLUMN "has_waiting_list";
  ALTER TABLE "_events_v" DROP COLUMN "version_registration_open";
  ALTER TABLE "_events_v" DROP COLUMN "version_capacity";
  ALTER TABLE "_events_v" DROP COLUMN "version_online_registration_deadline";
  ALTER TABLE "_events_v" DROP COLUMN "version_has_waiting_list";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "registrations_id";
  DROP TYPE "public"."enum_events_custom_questions_type";
  DROP TYPE "public"."enum__events_v_version_custom_questions_type";
  DROP TYPE "public"."enum_registrations_status";`)
}
