import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "event_series_rels" ADD COLUMN "municipalities_id" integer;
  ALTER TABLE "_event_series_v_rels" ADD COLUMN "municipalities_id" integer;
  ALTER TABLE "event_series_rels" ADD CONSTRAINT "event_series_rels_municipalities_fk" FOREIGN KEY ("municipalities_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_event_series_v_rels" ADD CONSTRAINT "_event_series_v_rels_municipalities_fk" FOREIGN KEY ("municipalities_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "event_series_rels_municipalities_id_idx" ON "event_series_rels" USING btree ("municipalities_id");
  CREATE INDEX "_event_series_v_rels_municipalities_id_idx" ON "_event_series_v_rels" USING btree ("municipalities_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "event_series_rels" DROP CONSTRAINT "event_series_rels_municipalities_fk";
  
  ALTER TABLE "_event_series_v_rels" DROP CONSTRAINT "_event_series_v_rels_municipalities_fk";
  
  DROP INDEX "event_series_rels_municipalities_id_idx";
  DROP INDEX "_event_series_v_rels_municipalities_id_idx";
  ALTER TABLE "event_series_rels" DROP COLUMN "municipalities_id";
  ALTER TABLE "_event_series_v_rels" DROP COLUMN "municipalities_id";`)
}
