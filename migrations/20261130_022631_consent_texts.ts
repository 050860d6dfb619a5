import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE TYPE "public"."enum_netiquette_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__netiquette_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_privacy_notice_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__privacy_notice_v_version_status" AS ENUM('draft', 'published');
  CREATE TABLE "netiquette" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"text" varchar,
  	"title_en" varchar,
  	"text_en" varchar,
  	"_status" "enum_netiquette_status" DEFAULT 'draft',
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );

  CREATE TABLE "_netiquette_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"version_title" varchar,
  	"version_text" varchar,
  	"version_title_en" varchar,
  	"version_text_en" varchar,
  	"version__status" "enum__netiquette_v_version_status" DEFAULT 'draft',
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );

  CREATE TABLE "privacy_notice" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"text" varchar,
  	"title_en" varchar,
  	"text_en" varchar,
  	"_status" "enum_privacy_notice_status" DEFAULT 'draft',
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );

  CREATE TABLE "_privacy_notice_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"version_title" varchar,
  	"version_text" varchar,
  	"version_title_en" varchar,
  	"version_text_en" varchar,
  	"version__status" "enum__privacy_notice_v_version_status" DEFAULT 'draft',
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );

  CREATE INDEX "netiquette__status_idx" ON "netiquette" USING btree ("_status");
  CREATE INDEX "_netiquette_v_version_version__status_idx" ON "_netiquette_v" USING btree ("version__status");
  CREATE INDEX "_netiquette_v_created_at_idx" ON "_netiquette_v" USING btree ("created_at");
  CREATE INDEX "_netiquette_v_updated_at_idx" ON "_netiquette_v" USING btree ("updated_at");
  CREATE INDEX "_netiquette_v_latest_idx" ON "_netiquette_v" USING btree ("latest");
  CREATE INDEX "privacy_notice__status_idx" ON "privacy_notice" USING btree ("_status");
  CREATE INDEX "_privacy_notice_v_version_version__status_idx" ON "_privacy_notice_v" USING btree ("version__status");
  CREATE INDEX "_privacy_notice_v_created_at_idx" ON "_privacy_notice_v" USING btree ("created_at");
  CREATE INDEX "_privacy_notice_v_updated_at_idx" ON "_privacy_notice_v" USING btree ("updated_at");
  CREATE INDEX "_privacy_notice_v_latest_idx" ON "_privacy_notice_v" USING btree ("latest");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP TABLE "netiquette" CASCADE;
  DROP TABLE "_netiquette_v" CASCADE;
  DROP TABLE "privacy_notice" CASCADE;
  DROP TABLE "_privacy_notice_v" CASCADE;
  DROP TYPE "public"."enum_netiquette_status";
  DROP TYPE "public"."enum__netiquette_v_version_status";
  DROP TYPE "public"."enum_privacy_notice_status";
  DROP TYPE "public"."enum__privacy_notice_v_version_status";`)
}
