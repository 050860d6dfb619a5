import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'sendRegistrationReminders';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'anonymiseRegistrations';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'sendRegistrationReminders';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'anonymiseRegistrations';
  CREATE TABLE "mail_keys" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"claimed_at" timestamp(3) with time zone,
  	"sent_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "registrations" ALTER COLUMN "event_id" DROP NOT NULL;
  ALTER TABLE "registrations" ALTER COLUMN "name" DROP NOT NULL;
  ALTER TABLE "registrations" ALTER COLUMN "email" DROP NOT NULL;
  ALTER TABLE "registrations" ADD COLUMN "confirmed_at" timestamp(3) with time zone;
  ALTER TABLE "registrations" ADD COLUMN "anonymised_at" timestamp(3) with time zone;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "mail_keys_id" integer;
  CREATE UNIQUE INDEX "mail_keys_key_idx" ON "mail_keys" USING btree ("key");
  CREATE INDEX "mail_keys_updated_at_idx" ON "mail_keys" USING btree ("updated_at");
  CREATE INDEX "mail_keys_created_at_idx" ON "mail_keys" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_mail_keys_fk" FOREIGN KEY ("mail_keys_id") REFERENCES "public"."mail_keys"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "registrations_anonymised_at_idx" ON "registrations" USING btree ("anonymised_at");
  CREATE INDEX "payload_locked_documents_rels_mail_keys_id_idx" ON "payload_locked_documents_rels" USING btree ("mail_keys_id");
  -- The plugin now reads the events' own deadline (registration.deadline): keep what was set.
  UPDATE "events" SET "registration_deadline" = COALESCE("registration_deadline", "online_registration_deadline");
  UPDATE "_events_v" SET "version_registration_deadline" = COALESCE("version_registration_deadline", "version_online_registration_deadline");
  UPDATE "registrations" SET "confirmed_at" = "updated_at" WHERE "status" = 'confirmed';
  ALTER TABLE "events" DROP COLUMN "online_registration_deadline";
  ALTER TABLE "_events_v" DROP COLUMN "version_online_registration_deadline";`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "mail_keys" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "mail_keys" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_mail_keys_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'generateSeriesOccurrences', 'sendMail', 'purgeUnconfirmedComments', 'purgeUnconfirmedRegistrations');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'generateSeriesOccurrences', 'sendMail', 'purgeUnconfirmedComments', 'purgeUnconfirmedRegistrations');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "registrations_anonymised_at_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_mail_keys_id_idx";
  -- Anonymised registrations and those of deleted events can't satisfy NOT NULL: erase them.
  DELETE FROM "registrations" WHERE "event_id" IS NULL OR "name" IS NULL OR "email" IS NULL;
  ALTER TABLE "registrations" ALTER COLUMN "event_id" SET NOT NULL;
  ALTER TABLE "registrations" ALTER COLUMN "name" SET NOT NULL;
  ALTER TABLE "registrations" ALTER COLUMN "email" SET NOT NULL;
  ALTER TABLE "events" ADD COLUMN "online_registration_deadline" timestamp(3) with time zone;
  ALTER TABLE "_events_v" ADD COLUMN "version_online_registration_deadline" timestamp(3) with time zone;
  UPDATE "events" SET "online_registration_deadline" = "registration_deadline";
  UPDATE "_events_v" SET "version_online_registration_deadline" = "version_registration_deadline";
  ALTER TABLE "registrations" DROP COLUMN "confirmed_at";
  ALTER TABLE "registrations" DROP COLUMN "anonymised_at";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "mail_keys_id";`)
}
