import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_ratings_target_collection" AS ENUM('modules');
  CREATE TABLE "ratings" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"target_collection" "enum_ratings_target_collection" NOT NULL,
  	"target_id" varchar NOT NULL,
  	"values_process_phase" numeric,
  	"values_time_effort" numeric,
  	"values_staff_effort" numeric,
  	"values_financial_effort" numeric,
  	"values_participation" numeric,
  	"values_complexity" numeric,
  	"visitor_hash" varchar NOT NULL,
  	"client_hash" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "rating_summaries" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"target_collection" varchar NOT NULL,
  	"target_id" varchar NOT NULL,
  	"rater_count" numeric DEFAULT 0,
  	"process_phase_count" numeric DEFAULT 0,
  	"process_phase_sum" numeric DEFAULT 0,
  	"process_phase_mean" numeric,
  	"process_phase_distribution" jsonb,
  	"time_effort_count" numeric DEFAULT 0,
  	"time_effort_sum" numeric DEFAULT 0,
  	"time_effort_mean" numeric,
  	"time_effort_distribution" jsonb,
  	"staff_effort_count" numeric DEFAULT 0,
  	"staff_effort_sum" numeric DEFAULT 0,
  	"staff_effort_mean" numeric,
  	"staff_effort_distribution" jsonb,
  	"financial_effort_count" numeric DEFAULT 0,
  	"financial_effort_sum" numeric DEFAULT 0,
  	"financial_effort_mean" numeric,
  	"financial_effort_distribution" jsonb,
  	"participation_count" numeric DEFAULT 0,
  	"participation_sum" numeric DEFAULT 0,
  	"participation_mean" numeric,
  	"participation_distribution" jsonb,
  	"complexity_count" numeric DEFAULT 0,
  	"complexity_sum" numeric DEFAULT 0,
  	"complexity_mean" numeric,
  	"complexity_distribution" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "modules" ADD COLUMN "ratings_locked" boolean DEFAULT false;
  ALTER TABLE "_modules_v" ADD COLUMN "version_ratings_locked" boolean DEFAULT false;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "ratings_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "rating_summaries_id" integer;
  CREATE INDEX "ratings_target_collection_idx" ON "ratings" USING btree ("target_collection");
  CREATE INDEX "ratings_target_id_idx" ON "ratings" USING btree ("target_id");
  CREATE INDEX "ratings_visitor_hash_idx" ON "ratings" USING btree ("visitor_hash");
  CREATE INDEX "ratings_client_hash_idx" ON "ratings" USING btree ("client_hash");
  CREATE INDEX "ratings_updated_at_idx" ON "ratings" USING btree ("updated_at");
  CREATE INDEX "ratings_created_at_idx" ON "ratings" USING btree ("created_at");
  CREATE UNIQUE INDEX "targetCollection_targetId_visitorHash_idx" ON "ratings" USING btree ("target_collection","target_id","visitor_hash");
  CREATE INDEX "rating_summaries_target_collection_idx" ON "rating_summaries" USING btree ("target_collection");
  CREATE INDEX "rating_summaries_target_id_idx" ON "rating_summaries" USING btree ("target_id");
  CREATE INDEX "rating_summaries_rater_count_idx" ON "rating_summaries" USING btree ("rater_count");
  CREATE INDEX "rating_summaries_process_phase_process_phase_mean_idx" ON "rating_summaries" USING btree ("process_phase_mean");
  CREATE INDEX "rating_summaries_time_effort_time_effort_mean_idx" ON "rating_summaries" USING btree ("time_effort_mean");
  CREATE INDEX "rating_summaries_staff_effort_staff_effort_mean_idx" ON "rating_summaries" USING btree ("staff_effort_mean");
  CREATE INDEX "rating_summaries_financial_effort_financial_effort_mean_idx" ON "rating_summaries" USING btree ("financial_effort_mean");
  CREATE INDEX "rating_summaries_participation_participation_mean_idx" ON "rating_summaries" USING btree ("participation_mean");
  CREATE INDEX "rating_summaries_complexity_complexity_mean_idx" ON "rating_summaries" USING btree ("complexity_mean");
  CREATE INDEX "rating_summaries_updated_at_idx" ON "rating_summaries" USING btree ("updated_at");
  CREATE INDEX "rating_summaries_created_at_idx" ON "rating_summaries" USING btree ("created_at");
  CREATE UNIQUE INDEX "targetCollection_targetId_idx" ON "rating_summaries" USING btree ("target_collection","target_id");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_ratings_fk" FOREIGN KEY ("ratings_id") REFERENCES "public"."ratings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_rating_summaries_fk" FOREIGN KEY ("rating_summaries_id") REFERENCES "public"."rating_summaries"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_ratings_id_idx" ON "payload_locked_documents_rels" USING btree ("ratings_id");
  CREATE INDEX "payload_locked_documents_rels_rating_summaries_id_idx" ON "payload_locked_documents_rels" USING btree ("rating_summaries_id");`)
}

// down(): the tables are dropped with CASCADE first, which already removes their foreign keys;
// IF EXISTS keeps the later explicit drops from failing (drizzle-kit's order).
export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "ratings" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "rating_summaries" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "ratings" CASCADE;
  DROP TABLE "rating_summaries" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_ratings_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_rating_summaries_fk";
  
  DROP INDEX IF EXISTS "payload_locked_documents_rels_ratings_id_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_rating_summaries_id_idx";
  ALTER TABLE "modules" DROP COLUMN "ratings_locked";
  ALTER TABLE "_modules_v" DROP COLUMN "version_ratings_locked";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "ratings_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "rating_summaries_id";
  DROP TYPE "public"."enum_ratings_target_collection";`)
}
