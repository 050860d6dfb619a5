import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/** The method catalogue's editorial facets of modules (src/domain/moduleFacets.ts). */

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_modules_process_phases" AS ENUM('analysis', 'planning', 'implementation', 'evaluation');
  CREATE TYPE "public"."enum_modules_participants" AS ENUM('small', 'medium', 'large', 'very-large');
  CREATE TYPE "public"."enum_modules_participation_levels" AS ENUM('inform', 'consult', 'co-decide');
  CREATE TYPE "public"."enum_modules_formats" AS ENUM('analog', 'digital', 'hybrid');
  CREATE TYPE "public"."enum_modules_duration" AS ENUM('hours', 'days', 'weeks', 'months', 'ongoing');
  CREATE TYPE "public"."enum__modules_v_version_process_phases" AS ENUM('analysis', 'planning', 'implementation', 'evaluation');
  CREATE TYPE "public"."enum__modules_v_version_participants" AS ENUM('small', 'medium', 'large', 'very-large');
  CREATE TYPE "public"."enum__modules_v_version_participation_levels" AS ENUM('inform', 'consult', 'co-decide');
  CREATE TYPE "public"."enum__modules_v_version_formats" AS ENUM('analog', 'digital', 'hybrid');
  CREATE TYPE "public"."enum__modules_v_version_duration" AS ENUM('hours', 'days', 'weeks', 'months', 'ongoing');
  CREATE TABLE "modules_process_phases" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_modules_process_phases",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "modules_participants" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_modules_participants",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "modules_participation_levels" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_modules_participation_levels",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "modules_formats" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_modules_formats",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "_modules_v_version_process_phases" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum__modules_v_version_process_phases",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "_modules_v_version_participants" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum__modules_v_version_participants",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "_modules_v_version_participation_levels" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum__modules_v_version_participation_levels",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "_modules_v_version_formats" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum__modules_v_version_formats",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  ALTER TABLE "modules" ADD COLUMN "duration" "enum_modules_duration";
  ALTER TABLE "_modules_v" ADD COLUMN "version_duration" "enum__modules_v_version_duration";
  ALTER TABLE "modules_process_phases" ADD CONSTRAINT "modules_process_phases_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."modules"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "modules_participants" ADD CONSTRAINT "modules_participants_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."modules"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "modules_participation_levels" ADD CONSTRAINT "modules_participation_levels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."modules"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "modules_formats" ADD CONSTRAINT "modules_formats_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."modules"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_modules_v_version_process_phases" ADD CONSTRAINT "_modules_v_version_process_phases_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_modules_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_modules_v_version_participants" ADD CONSTRAINT "_modules_v_version_participants_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_modules_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_modules_v_version_participation_levels" ADD CONSTRAINT "_modules_v_version_participation_levels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_modules_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_modules_v_version_formats" ADD CONSTRAINT "_modules_v_version_formats_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_modules_v"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "modules_process_phases_order_idx" ON "modules_process_phases" USING btree ("order");
  CREATE INDEX "modules_process_phases_parent_idx" ON "modules_process_phases" USING btree ("parent_id");
  CREATE INDEX "modules_participants_order_idx" ON "modules_participants" USING btree ("order");
  CREATE INDEX "modules_participants_parent_idx" ON "modules_participants" USING btree ("parent_id");
  CREATE INDEX "modules_participation_levels_order_idx" ON "modules_participation_levels" USING btree ("order");
  CREATE INDEX "modules_participation_levels_parent_idx" ON "modules_participation_levels" USING btree ("parent_id");
  CREATE INDEX "modules_formats_order_idx" ON "modules_formats" USING btree ("order");
  CREATE INDEX "modules_formats_parent_idx" ON "modules_formats" USING btree ("parent_id");
  CREATE INDEX "_modules_v_version_process_phases_order_idx" ON "_modules_v_version_process_phases" USING btree ("order");
  CREATE INDEX "_modules_v_version_process_phases_parent_idx" ON "_modules_v_version_process_phases" USING btree ("parent_id");
  CREATE INDEX "_modules_v_version_participants_order_idx" ON "_modules_v_version_participants" USING btree ("order");
  CREATE INDEX "_modules_v_version_participants_parent_idx" ON "_modules_v_version_participants" USING btree ("parent_id");
  CREATE INDEX "_modules_v_version_participation_levels_order_idx" ON "_modules_v_version_participation_levels" USING btree ("order");
  CREATE INDEX "_modules_v_version_participation_levels_parent_idx" ON "_modules_v_version_participation_levels" USING btree ("parent_id");
  CREATE INDEX "_modules_v_version_formats_order_idx" ON "_modules_v_version_formats" USING btree ("order");
  CREATE INDEX "_modules_v_version_formats_parent_idx" ON "_modules_v_version_formats" USING btree ("parent_id");`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "modules_process_phases" CASCADE;
  DROP TABLE "modules_participants" CASCADE;
  DROP TABLE "modules_participation_levels" CASCADE;
  DROP TABLE "modules_formats" CASCADE;
  DROP TABLE "_modules_v_version_process_phases" CASCADE;
  DROP TABLE "_modules_v_version_participants" CASCADE;
  DROP TABLE "_modules_v_version_participation_levels" CASCADE;
  DROP TABLE "_modules_v_version_formats" CASCADE;
  ALTER TABLE "modules" DROP COLUMN "duration";
  ALTER TABLE "_modules_v" DROP COLUMN "version_duration";
  DROP TYPE "public"."enum_modules_process_phases";
  DROP TYPE "public"."enum_modules_participants";
  DROP TYPE "public"."enum_modules_participation_levels";
  DROP TYPE "public"."enum_modules_formats";
  DROP TYPE "public"."enum_modules_duration";
  DROP TYPE "public"."enum__modules_v_version_process_phases";
  DROP TYPE "public"."enum__modules_v_version_participants";
  DROP TYPE "public"."enum__modules_v_version_participation_levels";
  DROP TYPE "public"."enum__modules_v_version_formats";
  DROP TYPE "public"."enum__modules_v_version_duration";`)
}
