import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_comments_language" AS ENUM('de', 'en');
  CREATE TYPE "public"."enum_registrations_language" AS ENUM('de', 'en');
  ALTER TABLE "comments" ADD COLUMN "language" "enum_comments_language" DEFAULT 'de';
  ALTER TABLE "registrations" ADD COLUMN "language" "enum_registrations_language" DEFAULT 'de';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "comments" DROP COLUMN "language";
  ALTER TABLE "registrations" DROP COLUMN "language";
  DROP TYPE "public"."enum_comments_language";
  DROP TYPE "public"."enum_registrations_language";`)
}
