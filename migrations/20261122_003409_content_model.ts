import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_organisations_members_function" AS ENUM('chair', 'deputy-chair', 'member', 'head', 'adviser');
  CREATE TYPE "public"."enum_organisations_history_precision" AS ENUM('day', 'month', 'year');
  CREATE TYPE "public"."enum_organisations_offer_formats_event_kinds" AS ENUM('network-meeting', 'excursion', 'study-trip', 'workshop', 'working-group', 'seminar', 'conference', 'webinar');
  CREATE TYPE "public"."enum_organisations_kind" AS ENUM('network', 'working-group', 'board', 'advisory-council', 'advisory-committee', 'office', 'competence-area', 'institution');
  CREATE TYPE "public"."enum_organisations_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__organisations_v_version_members_function" AS ENUM('chair', 'deputy-chair', 'member', 'head', 'adviser');
  CREATE TYPE "public"."enum__organisations_v_version_history_precision" AS ENUM('day', 'month', 'year');
  CREATE TYPE "public"."enum__organisations_v_version_offer_formats_event_kinds" AS ENUM('network-meeting', 'excursion', 'study-trip', 'workshop', 'working-group', 'seminar', 'conference', 'webinar');
  CREATE TYPE "public"."enum__organisations_v_version_kind" AS ENUM('network', 'working-group', 'board', 'advisory-council', 'advisory-committee', 'office', 'competence-area', 'institution');
  CREATE TYPE "public"."enum__organisations_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_people_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__people_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_municipalities_state" AS ENUM('BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH');
  CREATE TYPE "public"."enum_municipalities_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__municipalities_v_version_state" AS ENUM('BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH');
  CREATE TYPE "public"."enum__municipalities_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_program_areas_milestones_precision" AS ENUM('day', 'month', 'year');
  CREATE TYPE "public"."enum_program_areas_programme_status" AS ENUM('planned', 'running', 'completed');
  CREATE TYPE "public"."enum_program_areas_period_precision" AS ENUM('day', 'month', 'year');
  CREATE TYPE "public"."enum_program_areas_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__program_areas_v_version_milestones_precision" AS ENUM('day', 'month', 'year');
  CREATE TYPE "public"."enum__program_areas_v_version_programme_status" AS ENUM('planned', 'running', 'completed');
  CREATE TYPE "public"."enum__program_areas_v_version_period_precision" AS ENUM('day', 'month', 'year');
  CREATE TYPE "public"."enum__program_areas_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_fields_of_action_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__fields_of_action_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_projects_period_precision" AS ENUM('day', 'month', 'year');
  CREATE TYPE "public"."enum_projects_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__projects_v_version_period_precision" AS ENUM('day', 'month', 'year');
  CREATE TYPE "public"."enum__projects_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_modules_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__modules_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_events_speakers_role" AS ENUM('impulse', 'moderation', 'coordination', 'speaker');
  CREATE TYPE "public"."enum_events_audience" AS ENUM('members', 'network-municipalities', 'professionals', 'public');
  CREATE TYPE "public"."enum_events_kind" AS ENUM('network-meeting', 'excursion', 'study-trip', 'workshop', 'working-group', 'seminar', 'conference', 'webinar');
  CREATE TYPE "public"."enum_events_format" AS ENUM('online', 'on-site', 'hybrid');
  CREATE TYPE "public"."enum_events_start_tz" AS ENUM('Europe/Berlin');
  CREATE TYPE "public"."enum_events_end_tz" AS ENUM('Europe/Berlin');
  CREATE TYPE "public"."enum_events_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__events_v_version_speakers_role" AS ENUM('impulse', 'moderation', 'coordination', 'speaker');
  CREATE TYPE "public"."enum__events_v_version_audience" AS ENUM('members', 'network-municipalities', 'professionals', 'public');
  CREATE TYPE "public"."enum__events_v_version_kind" AS ENUM('network-meeting', 'excursion', 'study-trip', 'workshop', 'working-group', 'seminar', 'conference', 'webinar');
  CREATE TYPE "public"."enum__events_v_version_format" AS ENUM('online', 'on-site', 'hybrid');
  CREATE TYPE "public"."enum__events_v_version_start_tz" AS ENUM('Europe/Berlin');
  CREATE TYPE "public"."enum__events_v_version_end_tz" AS ENUM('Europe/Berlin');
  CREATE TYPE "public"."enum__events_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_event_series_recurrence_exceptions_action" AS ENUM('skip', 'move');
  CREATE TYPE "public"."enum_event_series_audience" AS ENUM('members', 'network-municipalities', 'professionals', 'public');
  CREATE TYPE "public"."enum_event_series_kind" AS ENUM('network-meeting', 'excursion', 'study-trip', 'workshop', 'working-group', 'seminar', 'conference', 'webinar');
  CREATE TYPE "public"."enum_event_series_default_format" AS ENUM('online', 'on-site', 'hybrid');
  CREATE TYPE "public"."enum_event_series_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__event_series_v_version_recurrence_exceptions_action" AS ENUM('skip', 'move');
  CREATE TYPE "public"."enum__event_series_v_version_audience" AS ENUM('members', 'network-municipalities', 'professionals', 'public');
  CREATE TYPE "public"."enum__event_series_v_version_kind" AS ENUM('network-meeting', 'excursion', 'study-trip', 'workshop', 'working-group', 'seminar', 'conference', 'webinar');
  CREATE TYPE "public"."enum__event_series_v_version_default_format" AS ENUM('online', 'on-site', 'hybrid');
  CREATE TYPE "public"."enum__event_series_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_programmes_level" AS ENUM('eu', 'federal', 'federal-state', 'state', 'municipal');
  CREATE TYPE "public"."enum_programmes_kind" AS ENUM('funding-programme', 'strategy', 'initiative');
  CREATE TYPE "public"."enum_programmes_period_precision" AS ENUM('day', 'month', 'year');
  CREATE TYPE "public"."enum_programmes_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__programmes_v_version_level" AS ENUM('eu', 'federal', 'federal-state', 'state', 'municipal');
  CREATE TYPE "public"."enum__programmes_v_version_kind" AS ENUM('funding-programme', 'strategy', 'initiative');
  CREATE TYPE "public"."enum__programmes_v_version_period_precision" AS ENUM('day', 'month', 'year');
  CREATE TYPE "public"."enum__programmes_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_publications_kind" AS ENUM('working-aid', 'guide', 'documentation', 'report');
  CREATE TYPE "public"."enum_publications_published_on_precision" AS ENUM('day', 'month', 'year');
  CREATE TYPE "public"."enum_publications_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__publications_v_version_kind" AS ENUM('working-aid', 'guide', 'documentation', 'report');
  CREATE TYPE "public"."enum__publications_v_version_published_on_precision" AS ENUM('day', 'month', 'year');
  CREATE TYPE "public"."enum__publications_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum_target_groups_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__target_groups_v_version_status" AS ENUM('draft', 'published');
  CREATE TABLE "organisations_members" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"person_id" integer,
  	"function" "enum_organisations_members_function" DEFAULT 'member',
  	"represented_municipality_id" integer,
  	"from" timestamp(3) with time zone,
  	"until" timestamp(3) with time zone
  );
  
  CREATE TABLE "organisations_history" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"date" timestamp(3) with time zone,
  	"precision" "enum_organisations_history_precision" DEFAULT 'day',
  	"title" varchar,
  	"description" varchar
  );
  
  CREATE TABLE "organisations_offer_formats_event_kinds" (
  	"order" integer NOT NULL,
  	"parent_id" varchar NOT NULL,
  	"value" "enum_organisations_offer_formats_event_kinds",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "organisations_offer_formats" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"description" varchar
  );
  
  CREATE TABLE "organisations_partners" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"role" varchar
  );
  
  CREATE TABLE "organisations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"slug" varchar,
  	"short_name" varchar,
  	"kind" "enum_organisations_kind",
  	"parent_id" integer,
  	"description" jsonb,
  	"tasks" varchar,
  	"founded_on" timestamp(3) with time zone,
  	"dissolved_on" timestamp(3) with time zone,
  	"seat_municipality_id" integer,
  	"seat_department" varchar,
  	"member_cap" numeric,
  	"members_represent_municipalities" boolean,
  	"audience" varchar,
  	"funded_by" varchar,
  	"website" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_organisations_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "organisations_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"organisations_id" integer,
  	"programmes_id" integer,
  	"people_id" integer
  );
  
  CREATE TABLE "_organisations_v_version_members" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"person_id" integer,
  	"function" "enum__organisations_v_version_members_function" DEFAULT 'member',
  	"represented_municipality_id" integer,
  	"from" timestamp(3) with time zone,
  	"until" timestamp(3) with time zone,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_organisations_v_version_history" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"date" timestamp(3) with time zone,
  	"precision" "enum__organisations_v_version_history_precision" DEFAULT 'day',
  	"title" varchar,
  	"description" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_organisations_v_version_offer_formats_event_kinds" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum__organisations_v_version_offer_formats_event_kinds",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "_organisations_v_version_offer_formats" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"description" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_organisations_v_version_partners" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"role" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_organisations_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_title" varchar,
  	"version_slug" varchar,
  	"version_short_name" varchar,
  	"version_kind" "enum__organisations_v_version_kind",
  	"version_parent_id" integer,
  	"version_description" jsonb,
  	"version_tasks" varchar,
  	"version_founded_on" timestamp(3) with time zone,
  	"version_dissolved_on" timestamp(3) with time zone,
  	"version_seat_municipality_id" integer,
  	"version_seat_department" varchar,
  	"version_member_cap" numeric,
  	"version_members_represent_municipalities" boolean,
  	"version_audience" varchar,
  	"version_funded_by" varchar,
  	"version_website" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__organisations_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "_organisations_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"organisations_id" integer,
  	"programmes_id" integer,
  	"people_id" integer
  );
  
  CREATE TABLE "people" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"honorific" varchar,
  	"name" varchar,
  	"slug" varchar,
  	"position" varchar,
  	"affiliation" varchar,
  	"municipality_id" integer,
  	"organisation_id" integer,
  	"bio" varchar,
  	"photo_id" integer,
  	"is_contact_public" boolean DEFAULT false,
  	"email" varchar,
  	"phone" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_people_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "_people_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_honorific" varchar,
  	"version_name" varchar,
  	"version_slug" varchar,
  	"version_position" varchar,
  	"version_affiliation" varchar,
  	"version_municipality_id" integer,
  	"version_organisation_id" integer,
  	"version_bio" varchar,
  	"version_photo_id" integer,
  	"version_is_contact_public" boolean DEFAULT false,
  	"version_email" varchar,
  	"version_phone" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__people_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "municipalities_memberships" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"organisation_id" integer,
  	"role" varchar,
  	"since" timestamp(3) with time zone,
  	"until" timestamp(3) with time zone
  );
  
  CREATE TABLE "municipalities" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"slug" varchar,
  	"official_name" varchar,
  	"state" "enum_municipalities_state",
  	"website" varchar,
  	"logo_id" integer,
  	"description" jsonb,
  	"coordinates_latitude" numeric,
  	"coordinates_longitude" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_municipalities_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "municipalities_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"people_id" integer
  );
  
  CREATE TABLE "_municipalities_v_version_memberships" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"organisation_id" integer,
  	"role" varchar,
  	"since" timestamp(3) with time zone,
  	"until" timestamp(3) with time zone,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_municipalities_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_name" varchar,
  	"version_slug" varchar,
  	"version_official_name" varchar,
  	"version_state" "enum__municipalities_v_version_state",
  	"version_website" varchar,
  	"version_logo_id" integer,
  	"version_description" jsonb,
  	"version_coordinates_latitude" numeric,
  	"version_coordinates_longitude" numeric,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__municipalities_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "_municipalities_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"people_id" integer
  );
  
  CREATE TABLE "program_areas_milestones" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"date" timestamp(3) with time zone,
  	"precision" "enum_program_areas_milestones_precision" DEFAULT 'day',
  	"title" varchar,
  	"description" varchar
  );
  
  CREATE TABLE "program_areas_downloads" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"file_id" integer
  );
  
  CREATE TABLE "program_areas" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"slug" varchar,
  	"municipality_id" integer,
  	"programme_status" "enum_program_areas_programme_status" DEFAULT 'running',
  	"period_from" timestamp(3) with time zone,
  	"period_until" timestamp(3) with time zone,
  	"period_precision" "enum_program_areas_period_precision" DEFAULT 'day',
  	"coordinates_latitude" numeric,
  	"coordinates_longitude" numeric,
  	"situation" jsonb,
  	"potentials" jsonb,
  	"organisation_and_partners" jsonb,
  	"perspectives" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_program_areas_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "program_areas_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"programmes_id" integer,
  	"people_id" integer
  );
  
  CREATE TABLE "_program_areas_v_version_milestones" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"date" timestamp(3) with time zone,
  	"precision" "enum__program_areas_v_version_milestones_precision" DEFAULT 'day',
  	"title" varchar,
  	"description" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_program_areas_v_version_downloads" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"file_id" integer,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_program_areas_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_title" varchar,
  	"version_slug" varchar,
  	"version_municipality_id" integer,
  	"version_programme_status" "enum__program_areas_v_version_programme_status" DEFAULT 'running',
  	"version_period_from" timestamp(3) with time zone,
  	"version_period_until" timestamp(3) with time zone,
  	"version_period_precision" "enum__program_areas_v_version_period_precision" DEFAULT 'day',
  	"version_coordinates_latitude" numeric,
  	"version_coordinates_longitude" numeric,
  	"version_situation" jsonb,
  	"version_potentials" jsonb,
  	"version_organisation_and_partners" jsonb,
  	"version_perspectives" jsonb,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__program_areas_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "_program_areas_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"programmes_id" integer,
  	"people_id" integer
  );
  
  CREATE TABLE "fields_of_action_typical_measures" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"measure" varchar
  );
  
  CREATE TABLE "fields_of_action_links" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"label" varchar,
  	"url" varchar
  );
  
  CREATE TABLE "fields_of_action" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"slug" varchar,
  	"order" numeric,
  	"introduction" jsonb,
  	"role_of_quartiersmanagement" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_fields_of_action_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "_fields_of_action_v_version_typical_measures" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"measure" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_fields_of_action_v_version_links" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"label" varchar,
  	"url" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_fields_of_action_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_title" varchar,
  	"version_slug" varchar,
  	"version_order" numeric,
  	"version_introduction" jsonb,
  	"version_role_of_quartiersmanagement" jsonb,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__fields_of_action_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "projects_awards" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"year" numeric
  );
  
  CREATE TABLE "projects_links" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"label" varchar,
  	"url" varchar
  );
  
  CREATE TABLE "projects" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"slug" varchar,
  	"teaser" varchar,
  	"body" jsonb,
  	"municipality_id" integer,
  	"program_area_id" integer,
  	"district" varchar,
  	"is_citywide" boolean,
  	"programme_role" varchar,
  	"period_from" timestamp(3) with time zone,
  	"period_until" timestamp(3) with time zone,
  	"period_precision" "enum_projects_period_precision" DEFAULT 'day',
  	"organisation_id" integer,
  	"predecessor_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_projects_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "projects_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"fields_of_action_id" integer,
  	"target_groups_id" integer,
  	"programmes_id" integer,
  	"municipalities_id" integer,
  	"people_id" integer,
  	"media_id" integer,
  	"modules_id" integer,
  	"publications_id" integer
  );
  
  CREATE TABLE "_projects_v_version_awards" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"year" numeric,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_projects_v_version_links" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"label" varchar,
  	"url" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_projects_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_title" varchar,
  	"version_slug" varchar,
  	"version_teaser" varchar,
  	"version_body" jsonb,
  	"version_municipality_id" integer,
  	"version_program_area_id" integer,
  	"version_district" varchar,
  	"version_is_citywide" boolean,
  	"version_programme_role" varchar,
  	"version_period_from" timestamp(3) with time zone,
  	"version_period_until" timestamp(3) with time zone,
  	"version_period_precision" "enum__projects_v_version_period_precision" DEFAULT 'day',
  	"version_organisation_id" integer,
  	"version_predecessor_id" integer,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__projects_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "_projects_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"fields_of_action_id" integer,
  	"target_groups_id" integer,
  	"programmes_id" integer,
  	"municipalities_id" integer,
  	"people_id" integer,
  	"media_id" integer,
  	"modules_id" integer,
  	"publications_id" integer
  );
  
  CREATE TABLE "modules_links" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"label" varchar,
  	"url" varchar
  );
  
  CREATE TABLE "modules" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"slug" varchar,
  	"summary" varchar,
  	"objective" jsonb,
  	"users" jsonb,
  	"target_group_note" varchar,
  	"implementation" jsonb,
  	"steps" jsonb,
  	"pitfalls" jsonb,
  	"assessment" jsonb,
  	"contacts_note" jsonb,
  	"financing" jsonb,
  	"advice" jsonb,
  	"editorial_assessment_process_phase" numeric,
  	"editorial_assessment_time_effort" numeric,
  	"editorial_assessment_staff_effort" numeric,
  	"editorial_assessment_financial_effort" numeric,
  	"editorial_assessment_participation" numeric,
  	"editorial_assessment_complexity" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_modules_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "modules_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"target_groups_id" integer,
  	"fields_of_action_id" integer,
  	"people_id" integer,
  	"projects_id" integer,
  	"modules_id" integer
  );
  
  CREATE TABLE "_modules_v_version_links" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"label" varchar,
  	"url" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_modules_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_title" varchar,
  	"version_slug" varchar,
  	"version_summary" varchar,
  	"version_objective" jsonb,
  	"version_users" jsonb,
  	"version_target_group_note" varchar,
  	"version_implementation" jsonb,
  	"version_steps" jsonb,
  	"version_pitfalls" jsonb,
  	"version_assessment" jsonb,
  	"version_contacts_note" jsonb,
  	"version_financing" jsonb,
  	"version_advice" jsonb,
  	"version_editorial_assessment_process_phase" numeric,
  	"version_editorial_assessment_time_effort" numeric,
  	"version_editorial_assessment_staff_effort" numeric,
  	"version_editorial_assessment_financial_effort" numeric,
  	"version_editorial_assessment_participation" numeric,
  	"version_editorial_assessment_complexity" numeric,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__modules_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "_modules_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"target_groups_id" integer,
  	"fields_of_action_id" integer,
  	"people_id" integer,
  	"projects_id" integer,
  	"modules_id" integer
  );
  
  CREATE TABLE "events_destinations" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"place" varchar,
  	"country" varchar,
  	"note" varchar
  );
  
  CREATE TABLE "events_speakers" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"person_id" integer,
  	"name" varchar,
  	"role" "enum_events_speakers_role",
  	"affiliation" varchar
  );
  
  CREATE TABLE "events_partners" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"role" varchar
  );
  
  CREATE TABLE "events_audience" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_events_audience",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"slug" varchar,
  	"kind" "enum_events_kind",
  	"format" "enum_events_format" DEFAULT 'on-site',
  	"series_id" integer,
  	"episode_number" numeric,
  	"theme" varchar,
  	"teaser" varchar,
  	"description" jsonb,
  	"start" timestamp(3) with time zone,
  	"start_tz" "enum_events_start_tz" DEFAULT 'Europe/Berlin',
  	"end" timestamp(3) with time zone,
  	"end_tz" "enum_events_end_tz" DEFAULT 'Europe/Berlin',
  	"is_cancelled" boolean,
  	"venue_name" varchar,
  	"venue_address" varchar,
  	"venue_municipality_id" integer,
  	"venue_coordinates_latitude" numeric,
  	"venue_coordinates_longitude" numeric,
  	"access_link" varchar,
  	"organiser_id" integer,
  	"fee_is_free" boolean DEFAULT true,
  	"fee_amount" numeric,
  	"fee_note" varchar,
  	"cpd_is_recognised" boolean,
  	"cpd_chamber" varchar,
  	"cpd_subject" varchar,
  	"cpd_points" numeric,
  	"registration_has_limited_seats" boolean,
  	"registration_deadline" timestamp(3) with time zone,
  	"registration_contact_email" varchar,
  	"registration_note" varchar,
  	"occurrence_key" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_events_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "events_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"municipalities_id" integer,
  	"fields_of_action_id" integer,
  	"projects_id" integer,
  	"publications_id" integer,
  	"media_id" integer
  );
  
  CREATE TABLE "_events_v_version_destinations" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"place" varchar,
  	"country" varchar,
  	"note" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_events_v_version_speakers" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"person_id" integer,
  	"name" varchar,
  	"role" "enum__events_v_version_speakers_role",
  	"affiliation" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_events_v_version_partners" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"role" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_events_v_version_audience" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum__events_v_version_audience",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "_events_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_title" varchar,
  	"version_slug" varchar,
  	"version_kind" "enum__events_v_version_kind",
  	"version_format" "enum__events_v_version_format" DEFAULT 'on-site',
  	"version_series_id" integer,
  	"version_episode_number" numeric,
  	"version_theme" varchar,
  	"version_teaser" varchar,
  	"version_description" jsonb,
  	"version_start" timestamp(3) with time zone,
  	"version_start_tz" "enum__events_v_version_start_tz" DEFAULT 'Europe/Berlin',
  	"version_end" timestamp(3) with time zone,
  	"version_end_tz" "enum__events_v_version_end_tz" DEFAULT 'Europe/Berlin',
  	"version_is_cancelled" boolean,
  	"version_venue_name" varchar,
  	"version_venue_address" varchar,
  	"version_venue_municipality_id" integer,
  	"version_venue_coordinates_latitude" numeric,
  	"version_venue_coordinates_longitude" numeric,
  	"version_access_link" varchar,
  	"version_organiser_id" integer,
  	"version_fee_is_free" boolean DEFAULT true,
  	"version_fee_amount" numeric,
  	"version_fee_note" varchar,
  	"version_cpd_is_recognised" boolean,
  	"version_cpd_chamber" varchar,
  	"version_cpd_subject" varchar,
  	"version_cpd_points" numeric,
  	"version_registration_has_limited_seats" boolean,
  	"version_registration_deadline" timestamp(3) with time zone,
  	"version_registration_contact_email" varchar,
  	"version_registration_note" varchar,
  	"version_occurrence_key" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__events_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "_events_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"municipalities_id" integer,
  	"fields_of_action_id" integer,
  	"projects_id" integer,
  	"publications_id" integer,
  	"media_id" integer
  );
  
  CREATE TABLE "event_series_recurrence_exceptions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"date" timestamp(3) with time zone,
  	"action" "enum_event_series_recurrence_exceptions_action" DEFAULT 'skip',
  	"moved_to" timestamp(3) with time zone,
  	"note" varchar
  );
  
  CREATE TABLE "event_series_audience" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_event_series_audience",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "event_series" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"slug" varchar,
  	"kind" "enum_event_series_kind",
  	"default_format" "enum_event_series_default_format" DEFAULT 'hybrid',
  	"description" jsonb,
  	"organiser_id" integer,
  	"planned_episodes" numeric,
  	"announcement_lead_days" numeric,
  	"recurrence_rule" varchar,
  	"recurrence_starts_on" timestamp(3) with time zone,
  	"recurrence_ends_on" timestamp(3) with time zone,
  	"recurrence_start_time" varchar DEFAULT '10:00',
  	"recurrence_duration_minutes" numeric DEFAULT 120,
  	"recurrence_horizon_days" numeric DEFAULT 180,
  	"recurrence_last_generated_at" timestamp(3) with time zone,
  	"venue" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_event_series_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "event_series_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"fields_of_action_id" integer
  );
  
  CREATE TABLE "_event_series_v_version_recurrence_exceptions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"date" timestamp(3) with time zone,
  	"action" "enum__event_series_v_version_recurrence_exceptions_action" DEFAULT 'skip',
  	"moved_to" timestamp(3) with time zone,
  	"note" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_event_series_v_version_audience" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum__event_series_v_version_audience",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "_event_series_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_title" varchar,
  	"version_slug" varchar,
  	"version_kind" "enum__event_series_v_version_kind",
  	"version_default_format" "enum__event_series_v_version_default_format" DEFAULT 'hybrid',
  	"version_description" jsonb,
  	"version_organiser_id" integer,
  	"version_planned_episodes" numeric,
  	"version_announcement_lead_days" numeric,
  	"version_recurrence_rule" varchar,
  	"version_recurrence_starts_on" timestamp(3) with time zone,
  	"version_recurrence_ends_on" timestamp(3) with time zone,
  	"version_recurrence_start_time" varchar DEFAULT '10:00',
  	"version_recurrence_duration_minutes" numeric DEFAULT 120,
  	"version_recurrence_horizon_days" numeric DEFAULT 180,
  	"version_recurrence_last_generated_at" timestamp(3) with time zone,
  	"version_venue" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__event_series_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "_event_series_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"fields_of_action_id" integer
  );
  
  CREATE TABLE "programmes" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"slug" varchar,
  	"short_name" varchar,
  	"level" "enum_programmes_level",
  	"kind" "enum_programmes_kind" DEFAULT 'funding-programme',
  	"state" varchar,
  	"funder" varchar,
  	"description" jsonb,
  	"period_from" timestamp(3) with time zone,
  	"period_until" timestamp(3) with time zone,
  	"period_precision" "enum_programmes_period_precision" DEFAULT 'day',
  	"predecessor_id" integer,
  	"website" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_programmes_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "_programmes_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_title" varchar,
  	"version_slug" varchar,
  	"version_short_name" varchar,
  	"version_level" "enum__programmes_v_version_level",
  	"version_kind" "enum__programmes_v_version_kind" DEFAULT 'funding-programme',
  	"version_state" varchar,
  	"version_funder" varchar,
  	"version_description" jsonb,
  	"version_period_from" timestamp(3) with time zone,
  	"version_period_until" timestamp(3) with time zone,
  	"version_period_precision" "enum__programmes_v_version_period_precision" DEFAULT 'day',
  	"version_predecessor_id" integer,
  	"version_website" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__programmes_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "publications" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"slug" varchar,
  	"kind" "enum_publications_kind",
  	"description" jsonb,
  	"published_on" timestamp(3) with time zone,
  	"published_on_precision" "enum_publications_published_on_precision" DEFAULT 'day',
  	"publisher" varchar,
  	"organisation_id" integer,
  	"file_id" integer,
  	"url" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_publications_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "publications_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"fields_of_action_id" integer
  );
  
  CREATE TABLE "_publications_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_title" varchar,
  	"version_slug" varchar,
  	"version_kind" "enum__publications_v_version_kind",
  	"version_description" jsonb,
  	"version_published_on" timestamp(3) with time zone,
  	"version_published_on_precision" "enum__publications_v_version_published_on_precision" DEFAULT 'day',
  	"version_publisher" varchar,
  	"version_organisation_id" integer,
  	"version_file_id" integer,
  	"version_url" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__publications_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  CREATE TABLE "_publications_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"fields_of_action_id" integer
  );
  
  CREATE TABLE "target_groups" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"slug" varchar,
  	"description" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_target_groups_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "_target_groups_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_title" varchar,
  	"version_slug" varchar,
  	"version_description" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__target_groups_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"latest" boolean
  );
  
  ALTER TABLE "users" ADD COLUMN "municipality_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "organisations_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "people_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "municipalities_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "program_areas_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "fields_of_action_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "projects_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "modules_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "events_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "event_series_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "programmes_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "publications_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "target_groups_id" integer;
  ALTER TABLE "organisations_members" ADD CONSTRAINT "organisations_members_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "organisations_members" ADD CONSTRAINT "organisations_members_represented_municipality_id_municipalities_id_fk" FOREIGN KEY ("represented_municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "organisations_members" ADD CONSTRAINT "organisations_members_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "organisations_history" ADD CONSTRAINT "organisations_history_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "organisations_offer_formats_event_kinds" ADD CONSTRAINT "organisations_offer_formats_event_kinds_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."organisations_offer_formats"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "organisations_offer_formats" ADD CONSTRAINT "organisations_offer_formats_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "organisations_partners" ADD CONSTRAINT "organisations_partners_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "organisations" ADD CONSTRAINT "organisations_parent_id_organisations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "organisations" ADD CONSTRAINT "organisations_seat_municipality_id_municipalities_id_fk" FOREIGN KEY ("seat_municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "organisations_rels" ADD CONSTRAINT "organisations_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "organisations_rels" ADD CONSTRAINT "organisations_rels_organisations_fk" FOREIGN KEY ("organisations_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "organisations_rels" ADD CONSTRAINT "organisations_rels_programmes_fk" FOREIGN KEY ("programmes_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "organisations_rels" ADD CONSTRAINT "organisations_rels_people_fk" FOREIGN KEY ("people_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_organisations_v_version_members" ADD CONSTRAINT "_organisations_v_version_members_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_organisations_v_version_members" ADD CONSTRAINT "_organisations_v_version_members_represented_municipality_id_municipalities_id_fk" FOREIGN KEY ("represented_municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_organisations_v_version_members" ADD CONSTRAINT "_organisations_v_version_members_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_organisations_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_organisations_v_version_history" ADD CONSTRAINT "_organisations_v_version_history_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_organisations_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_organisations_v_version_offer_formats_event_kinds" ADD CONSTRAINT "_organisations_v_version_offer_formats_event_kinds_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_organisations_v_version_offer_formats"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_organisations_v_version_offer_formats" ADD CONSTRAINT "_organisations_v_version_offer_formats_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_organisations_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_organisations_v_version_partners" ADD CONSTRAINT "_organisations_v_version_partners_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_organisations_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_organisations_v" ADD CONSTRAINT "_organisations_v_parent_id_organisations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_organisations_v" ADD CONSTRAINT "_organisations_v_version_parent_id_organisations_id_fk" FOREIGN KEY ("version_parent_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_organisations_v" ADD CONSTRAINT "_organisations_v_version_seat_municipality_id_municipalities_id_fk" FOREIGN KEY ("version_seat_municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_organisations_v_rels" ADD CONSTRAINT "_organisations_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_organisations_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_organisations_v_rels" ADD CONSTRAINT "_organisations_v_rels_organisations_fk" FOREIGN KEY ("organisations_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_organisations_v_rels" ADD CONSTRAINT "_organisations_v_rels_programmes_fk" FOREIGN KEY ("programmes_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_organisations_v_rels" ADD CONSTRAINT "_organisations_v_rels_people_fk" FOREIGN KEY ("people_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "people" ADD CONSTRAINT "people_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "people" ADD CONSTRAINT "people_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "people" ADD CONSTRAINT "people_photo_id_media_id_fk" FOREIGN KEY ("photo_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_people_v" ADD CONSTRAINT "_people_v_parent_id_people_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_people_v" ADD CONSTRAINT "_people_v_version_municipality_id_municipalities_id_fk" FOREIGN KEY ("version_municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_people_v" ADD CONSTRAINT "_people_v_version_organisation_id_organisations_id_fk" FOREIGN KEY ("version_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_people_v" ADD CONSTRAINT "_people_v_version_photo_id_media_id_fk" FOREIGN KEY ("version_photo_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "municipalities_memberships" ADD CONSTRAINT "municipalities_memberships_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "municipalities_memberships" ADD CONSTRAINT "municipalities_memberships_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "municipalities" ADD CONSTRAINT "municipalities_logo_id_media_id_fk" FOREIGN KEY ("logo_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "municipalities_rels" ADD CONSTRAINT "municipalities_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "municipalities_rels" ADD CONSTRAINT "municipalities_rels_people_fk" FOREIGN KEY ("people_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_municipalities_v_version_memberships" ADD CONSTRAINT "_municipalities_v_version_memberships_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_municipalities_v_version_memberships" ADD CONSTRAINT "_municipalities_v_version_memberships_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_municipalities_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_municipalities_v" ADD CONSTRAINT "_municipalities_v_parent_id_municipalities_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."municipalities"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_municipalities_v" ADD CONSTRAINT "_municipalities_v_version_logo_id_media_id_fk" FOREIGN KEY ("version_logo_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_municipalities_v_rels" ADD CONSTRAINT "_municipalities_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_municipalities_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_municipalities_v_rels" ADD CONSTRAINT "_municipalities_v_rels_people_fk" FOREIGN KEY ("people_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "program_areas_milestones" ADD CONSTRAINT "program_areas_milestones_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."program_areas"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "program_areas_downloads" ADD CONSTRAINT "program_areas_downloads_file_id_media_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "program_areas_downloads" ADD CONSTRAINT "program_areas_downloads_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."program_areas"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "program_areas" ADD CONSTRAINT "program_areas_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "program_areas_rels" ADD CONSTRAINT "program_areas_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."program_areas"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "program_areas_rels" ADD CONSTRAINT "program_areas_rels_programmes_fk" FOREIGN KEY ("programmes_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "program_areas_rels" ADD CONSTRAINT "program_areas_rels_people_fk" FOREIGN KEY ("people_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_program_areas_v_version_milestones" ADD CONSTRAINT "_program_areas_v_version_milestones_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_program_areas_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_program_areas_v_version_downloads" ADD CONSTRAINT "_program_areas_v_version_downloads_file_id_media_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_program_areas_v_version_downloads" ADD CONSTRAINT "_program_areas_v_version_downloads_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_program_areas_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_program_areas_v" ADD CONSTRAINT "_program_areas_v_parent_id_program_areas_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."program_areas"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_program_areas_v" ADD CONSTRAINT "_program_areas_v_version_municipality_id_municipalities_id_fk" FOREIGN KEY ("version_municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_program_areas_v_rels" ADD CONSTRAINT "_program_areas_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_program_areas_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_program_areas_v_rels" ADD CONSTRAINT "_program_areas_v_rels_programmes_fk" FOREIGN KEY ("programmes_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_program_areas_v_rels" ADD CONSTRAINT "_program_areas_v_rels_people_fk" FOREIGN KEY ("people_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "fields_of_action_typical_measures" ADD CONSTRAINT "fields_of_action_typical_measures_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."fields_of_action"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "fields_of_action_links" ADD CONSTRAINT "fields_of_action_links_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."fields_of_action"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_fields_of_action_v_version_typical_measures" ADD CONSTRAINT "_fields_of_action_v_version_typical_measures_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_fields_of_action_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_fields_of_action_v_version_links" ADD CONSTRAINT "_fields_of_action_v_version_links_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_fields_of_action_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_fields_of_action_v" ADD CONSTRAINT "_fields_of_action_v_parent_id_fields_of_action_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."fields_of_action"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "projects_awards" ADD CONSTRAINT "projects_awards_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "projects_links" ADD CONSTRAINT "projects_links_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "projects" ADD CONSTRAINT "projects_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "projects" ADD CONSTRAINT "projects_program_area_id_program_areas_id_fk" FOREIGN KEY ("program_area_id") REFERENCES "public"."program_areas"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "projects" ADD CONSTRAINT "projects_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "projects" ADD CONSTRAINT "projects_predecessor_id_projects_id_fk" FOREIGN KEY ("predecessor_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "projects_rels" ADD CONSTRAINT "projects_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "projects_rels" ADD CONSTRAINT "projects_rels_fields_of_action_fk" FOREIGN KEY ("fields_of_action_id") REFERENCES "public"."fields_of_action"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "projects_rels" ADD CONSTRAINT "projects_rels_target_groups_fk" FOREIGN KEY ("target_groups_id") REFERENCES "public"."target_groups"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "projects_rels" ADD CONSTRAINT "projects_rels_programmes_fk" FOREIGN KEY ("programmes_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "projects_rels" ADD CONSTRAINT "projects_rels_municipalities_fk" FOREIGN KEY ("municipalities_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "projects_rels" ADD CONSTRAINT "projects_rels_people_fk" FOREIGN KEY ("people_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "projects_rels" ADD CONSTRAINT "projects_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "projects_rels" ADD CONSTRAINT "projects_rels_modules_fk" FOREIGN KEY ("modules_id") REFERENCES "public"."modules"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "projects_rels" ADD CONSTRAINT "projects_rels_publications_fk" FOREIGN KEY ("publications_id") REFERENCES "public"."publications"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_projects_v_version_awards" ADD CONSTRAINT "_projects_v_version_awards_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_projects_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_projects_v_version_links" ADD CONSTRAINT "_projects_v_version_links_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_projects_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_projects_v" ADD CONSTRAINT "_projects_v_parent_id_projects_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_projects_v" ADD CONSTRAINT "_projects_v_version_municipality_id_municipalities_id_fk" FOREIGN KEY ("version_municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_projects_v" ADD CONSTRAINT "_projects_v_version_program_area_id_program_areas_id_fk" FOREIGN KEY ("version_program_area_id") REFERENCES "public"."program_areas"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_projects_v" ADD CONSTRAINT "_projects_v_version_organisation_id_organisations_id_fk" FOREIGN KEY ("version_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_projects_v" ADD CONSTRAINT "_projects_v_version_predecessor_id_projects_id_fk" FOREIGN KEY ("version_predecessor_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_projects_v_rels" ADD CONSTRAINT "_projects_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_projects_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_projects_v_rels" ADD CONSTRAINT "_projects_v_rels_fields_of_action_fk" FOREIGN KEY ("fields_of_action_id") REFERENCES "public"."fields_of_action"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_projects_v_rels" ADD CONSTRAINT "_projects_v_rels_target_groups_fk" FOREIGN KEY ("target_groups_id") REFERENCES "public"."target_groups"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_projects_v_rels" ADD CONSTRAINT "_projects_v_rels_programmes_fk" FOREIGN KEY ("programmes_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_projects_v_rels" ADD CONSTRAINT "_projects_v_rels_municipalities_fk" FOREIGN KEY ("municipalities_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_projects_v_rels" ADD CONSTRAINT "_projects_v_rels_people_fk" FOREIGN KEY ("people_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_projects_v_rels" ADD CONSTRAINT "_projects_v_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_projects_v_rels" ADD CONSTRAINT "_projects_v_rels_modules_fk" FOREIGN KEY ("modules_id") REFERENCES "public"."modules"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_projects_v_rels" ADD CONSTRAINT "_projects_v_rels_publications_fk" FOREIGN KEY ("publications_id") REFERENCES "public"."publications"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "modules_links" ADD CONSTRAINT "modules_links_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."modules"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "modules_rels" ADD CONSTRAINT "modules_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."modules"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "modules_rels" ADD CONSTRAINT "modules_rels_target_groups_fk" FOREIGN KEY ("target_groups_id") REFERENCES "public"."target_groups"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "modules_rels" ADD CONSTRAINT "modules_rels_fields_of_action_fk" FOREIGN KEY ("fields_of_action_id") REFERENCES "public"."fields_of_action"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "modules_rels" ADD CONSTRAINT "modules_rels_people_fk" FOREIGN KEY ("people_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "modules_rels" ADD CONSTRAINT "modules_rels_projects_fk" FOREIGN KEY ("projects_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "modules_rels" ADD CONSTRAINT "modules_rels_modules_fk" FOREIGN KEY ("modules_id") REFERENCES "public"."modules"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_modules_v_version_links" ADD CONSTRAINT "_modules_v_version_links_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_modules_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_modules_v" ADD CONSTRAINT "_modules_v_parent_id_modules_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."modules"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_modules_v_rels" ADD CONSTRAINT "_modules_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_modules_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_modules_v_rels" ADD CONSTRAINT "_modules_v_rels_target_groups_fk" FOREIGN KEY ("target_groups_id") REFERENCES "public"."target_groups"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_modules_v_rels" ADD CONSTRAINT "_modules_v_rels_fields_of_action_fk" FOREIGN KEY ("fields_of_action_id") REFERENCES "public"."fields_of_action"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_modules_v_rels" ADD CONSTRAINT "_modules_v_rels_people_fk" FOREIGN KEY ("people_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_modules_v_rels" ADD CONSTRAINT "_modules_v_rels_projects_fk" FOREIGN KEY ("projects_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_modules_v_rels" ADD CONSTRAINT "_modules_v_rels_modules_fk" FOREIGN KEY ("modules_id") REFERENCES "public"."modules"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "events_destinations" ADD CONSTRAINT "events_destinations_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "events_speakers" ADD CONSTRAINT "events_speakers_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "events_speakers" ADD CONSTRAINT "events_speakers_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "events_partners" ADD CONSTRAINT "events_partners_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "events_audience" ADD CONSTRAINT "events_audience_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "events" ADD CONSTRAINT "events_series_id_event_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."event_series"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "events" ADD CONSTRAINT "events_venue_municipality_id_municipalities_id_fk" FOREIGN KEY ("venue_municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "events" ADD CONSTRAINT "events_organiser_id_organisations_id_fk" FOREIGN KEY ("organiser_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "events_rels" ADD CONSTRAINT "events_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "events_rels" ADD CONSTRAINT "events_rels_municipalities_fk" FOREIGN KEY ("municipalities_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "events_rels" ADD CONSTRAINT "events_rels_fields_of_action_fk" FOREIGN KEY ("fields_of_action_id") REFERENCES "public"."fields_of_action"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "events_rels" ADD CONSTRAINT "events_rels_projects_fk" FOREIGN KEY ("projects_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "events_rels" ADD CONSTRAINT "events_rels_publications_fk" FOREIGN KEY ("publications_id") REFERENCES "public"."publications"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "events_rels" ADD CONSTRAINT "events_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_events_v_version_destinations" ADD CONSTRAINT "_events_v_version_destinations_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_events_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_events_v_version_speakers" ADD CONSTRAINT "_events_v_version_speakers_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_events_v_version_speakers" ADD CONSTRAINT "_events_v_version_speakers_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_events_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_events_v_version_partners" ADD CONSTRAINT "_events_v_version_partners_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_events_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_events_v_version_audience" ADD CONSTRAINT "_events_v_version_audience_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_events_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_events_v" ADD CONSTRAINT "_events_v_parent_id_events_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_events_v" ADD CONSTRAINT "_events_v_version_series_id_event_series_id_fk" FOREIGN KEY ("version_series_id") REFERENCES "public"."event_series"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_events_v" ADD CONSTRAINT "_events_v_version_venue_municipality_id_municipalities_id_fk" FOREIGN KEY ("version_venue_municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_events_v" ADD CONSTRAINT "_events_v_version_organiser_id_organisations_id_fk" FOREIGN KEY ("version_organiser_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_events_v_rels" ADD CONSTRAINT "_events_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_events_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_events_v_rels" ADD CONSTRAINT "_events_v_rels_municipalities_fk" FOREIGN KEY ("municipalities_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_events_v_rels" ADD CONSTRAINT "_events_v_rels_fields_of_action_fk" FOREIGN KEY ("fields_of_action_id") REFERENCES "public"."fields_of_action"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_events_v_rels" ADD CONSTRAINT "_events_v_rels_projects_fk" FOREIGN KEY ("projects_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_events_v_rels" ADD CONSTRAINT "_events_v_rels_publications_fk" FOREIGN KEY ("publications_id") REFERENCES "public"."publications"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_events_v_rels" ADD CONSTRAINT "_events_v_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "event_series_recurrence_exceptions" ADD CONSTRAINT "event_series_recurrence_exceptions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."event_series"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "event_series_audience" ADD CONSTRAINT "event_series_audience_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."event_series"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "event_series" ADD CONSTRAINT "event_series_organiser_id_organisations_id_fk" FOREIGN KEY ("organiser_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "event_series_rels" ADD CONSTRAINT "event_series_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."event_series"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "event_series_rels" ADD CONSTRAINT "event_series_rels_fields_of_action_fk" FOREIGN KEY ("fields_of_action_id") REFERENCES "public"."fields_of_action"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_event_series_v_version_recurrence_exceptions" ADD CONSTRAINT "_event_series_v_version_recurrence_exceptions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_event_series_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_event_series_v_version_audience" ADD CONSTRAINT "_event_series_v_version_audience_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_event_series_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_event_series_v" ADD CONSTRAINT "_event_series_v_parent_id_event_series_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."event_series"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_event_series_v" ADD CONSTRAINT "_event_series_v_version_organiser_id_organisations_id_fk" FOREIGN KEY ("version_organiser_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_event_series_v_rels" ADD CONSTRAINT "_event_series_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_event_series_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_event_series_v_rels" ADD CONSTRAINT "_event_series_v_rels_fields_of_action_fk" FOREIGN KEY ("fields_of_action_id") REFERENCES "public"."fields_of_action"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "programmes" ADD CONSTRAINT "programmes_predecessor_id_programmes_id_fk" FOREIGN KEY ("predecessor_id") REFERENCES "public"."programmes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_programmes_v" ADD CONSTRAINT "_programmes_v_parent_id_programmes_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."programmes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_programmes_v" ADD CONSTRAINT "_programmes_v_version_predecessor_id_programmes_id_fk" FOREIGN KEY ("version_predecessor_id") REFERENCES "public"."programmes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "publications" ADD CONSTRAINT "publications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "publications" ADD CONSTRAINT "publications_file_id_media_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "publications_rels" ADD CONSTRAINT "publications_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."publications"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "publications_rels" ADD CONSTRAINT "publications_rels_fields_of_action_fk" FOREIGN KEY ("fields_of_action_id") REFERENCES "public"."fields_of_action"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_publications_v" ADD CONSTRAINT "_publications_v_parent_id_publications_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."publications"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_publications_v" ADD CONSTRAINT "_publications_v_version_organisation_id_organisations_id_fk" FOREIGN KEY ("version_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_publications_v" ADD CONSTRAINT "_publications_v_version_file_id_media_id_fk" FOREIGN KEY ("version_file_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_publications_v_rels" ADD CONSTRAINT "_publications_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_publications_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_publications_v_rels" ADD CONSTRAINT "_publications_v_rels_fields_of_action_fk" FOREIGN KEY ("fields_of_action_id") REFERENCES "public"."fields_of_action"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_target_groups_v" ADD CONSTRAINT "_target_groups_v_parent_id_target_groups_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."target_groups"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "organisations_members_order_idx" ON "organisations_members" USING btree ("_order");
  CREATE INDEX "organisations_members_parent_id_idx" ON "organisations_members" USING btree ("_parent_id");
  CREATE INDEX "organisations_members_person_idx" ON "organisations_members" USING btree ("person_id");
  CREATE INDEX "organisations_members_represented_municipality_idx" ON "organisations_members" USING btree ("represented_municipality_id");
  CREATE INDEX "organisations_history_order_idx" ON "organisations_history" USING btree ("_order");
  CREATE INDEX "organisations_history_parent_id_idx" ON "organisations_history" USING btree ("_parent_id");
  CREATE INDEX "organisations_offer_formats_event_kinds_order_idx" ON "organisations_offer_formats_event_kinds" USING btree ("order");
  CREATE INDEX "organisations_offer_formats_event_kinds_parent_idx" ON "organisations_offer_formats_event_kinds" USING btree ("parent_id");
  CREATE INDEX "organisations_offer_formats_order_idx" ON "organisations_offer_formats" USING btree ("_order");
  CREATE INDEX "organisations_offer_formats_parent_id_idx" ON "organisations_offer_formats" USING btree ("_parent_id");
  CREATE INDEX "organisations_partners_order_idx" ON "organisations_partners" USING btree ("_order");
  CREATE INDEX "organisations_partners_parent_id_idx" ON "organisations_partners" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "organisations_slug_idx" ON "organisations" USING btree ("slug");
  CREATE INDEX "organisations_parent_idx" ON "organisations" USING btree ("parent_id");
  CREATE INDEX "organisations_seat_seat_municipality_idx" ON "organisations" USING btree ("seat_municipality_id");
  CREATE INDEX "organisations_updated_at_idx" ON "organisations" USING btree ("updated_at");
  CREATE INDEX "organisations_created_at_idx" ON "organisations" USING btree ("created_at");
  CREATE INDEX "organisations__status_idx" ON "organisations" USING btree ("_status");
  CREATE INDEX "organisations_rels_order_idx" ON "organisations_rels" USING btree ("order");
  CREATE INDEX "organisations_rels_parent_idx" ON "organisations_rels" USING btree ("parent_id");
  CREATE INDEX "organisations_rels_path_idx" ON "organisations_rels" USING btree ("path");
  CREATE INDEX "organisations_rels_organisations_id_idx" ON "organisations_rels" USING btree ("organisations_id");
  CREATE INDEX "organisations_rels_programmes_id_idx" ON "organisations_rels" USING btree ("programmes_id");
  CREATE INDEX "organisations_rels_people_id_idx" ON "organisations_rels" USING btree ("people_id");
  CREATE INDEX "_organisations_v_version_members_order_idx" ON "_organisations_v_version_members" USING btree ("_order");
  CREATE INDEX "_organisations_v_version_members_parent_id_idx" ON "_organisations_v_version_members" USING btree ("_parent_id");
  CREATE INDEX "_organisations_v_version_members_person_idx" ON "_organisations_v_version_members" USING btree ("person_id");
  CREATE INDEX "_organisations_v_version_members_represented_municipalit_idx" ON "_organisations_v_version_members" USING btree ("represented_municipality_id");
  CREATE INDEX "_organisations_v_version_history_order_idx" ON "_organisations_v_version_history" USING btree ("_order");
  CREATE INDEX "_organisations_v_version_history_parent_id_idx" ON "_organisations_v_version_history" USING btree ("_parent_id");
  CREATE INDEX "_organisations_v_version_offer_formats_event_kinds_order_idx" ON "_organisations_v_version_offer_formats_event_kinds" USING btree ("order");
  CREATE INDEX "_organisations_v_version_offer_formats_event_kinds_parent_idx" ON "_organisations_v_version_offer_formats_event_kinds" USING btree ("parent_id");
  CREATE INDEX "_organisations_v_version_offer_formats_order_idx" ON "_organisations_v_version_offer_formats" USING btree ("_order");
  CREATE INDEX "_organisations_v_version_offer_formats_parent_id_idx" ON "_organisations_v_version_offer_formats" USING btree ("_parent_id");
  CREATE INDEX "_organisations_v_version_partners_order_idx" ON "_organisations_v_version_partners" USING btree ("_order");
  CREATE INDEX "_organisations_v_version_partners_parent_id_idx" ON "_organisations_v_version_partners" USING btree ("_parent_id");
  CREATE INDEX "_organisations_v_parent_idx" ON "_organisations_v" USING btree ("parent_id");
  CREATE INDEX "_organisations_v_version_version_slug_idx" ON "_organisations_v" USING btree ("version_slug");
  CREATE INDEX "_organisations_v_version_version_parent_idx" ON "_organisations_v" USING btree ("version_parent_id");
  CREATE INDEX "_organisations_v_version_seat_version_seat_municipality_idx" ON "_organisations_v" USING btree ("version_seat_municipality_id");
  CREATE INDEX "_organisations_v_version_version_updated_at_idx" ON "_organisations_v" USING btree ("version_updated_at");
  CREATE INDEX "_organisations_v_version_version_created_at_idx" ON "_organisations_v" USING btree ("version_created_at");
  CREATE INDEX "_organisations_v_version_version__status_idx" ON "_organisations_v" USING btree ("version__status");
  CREATE INDEX "_organisations_v_created_at_idx" ON "_organisations_v" USING btree ("created_at");
  CREATE INDEX "_organisations_v_updated_at_idx" ON "_organisations_v" USING btree ("updated_at");
  CREATE INDEX "_organisations_v_latest_idx" ON "_organisations_v" USING btree ("latest");
  CREATE INDEX "_organisations_v_rels_order_idx" ON "_organisations_v_rels" USING btree ("order");
  CREATE INDEX "_organisations_v_rels_parent_idx" ON "_organisations_v_rels" USING btree ("parent_id");
  CREATE INDEX "_organisations_v_rels_path_idx" ON "_organisations_v_rels" USING btree ("path");
  CREATE INDEX "_organisations_v_rels_organisations_id_idx" ON "_organisations_v_rels" USING btree ("organisations_id");
  CREATE INDEX "_organisations_v_rels_programmes_id_idx" ON "_organisations_v_rels" USING btree ("programmes_id");
  CREATE INDEX "_organisations_v_rels_people_id_idx" ON "_organisations_v_rels" USING btree ("people_id");
  CREATE UNIQUE INDEX "people_slug_idx" ON "people" USING btree ("slug");
  CREATE INDEX "people_municipality_idx" ON "people" USING btree ("municipality_id");
  CREATE INDEX "people_organisation_idx" ON "people" USING btree ("organisation_id");
  CREATE INDEX "people_photo_idx" ON "people" USING btree ("photo_id");
  CREATE INDEX "people_updated_at_idx" ON "people" USING btree ("updated_at");
  CREATE INDEX "people_created_at_idx" ON "people" USING btree ("created_at");
  CREATE INDEX "people__status_idx" ON "people" USING btree ("_status");
  CREATE INDEX "_people_v_parent_idx" ON "_people_v" USING btree ("parent_id");
  CREATE INDEX "_people_v_version_version_slug_idx" ON "_people_v" USING btree ("version_slug");
  CREATE INDEX "_people_v_version_version_municipality_idx" ON "_people_v" USING btree ("version_municipality_id");
  CREATE INDEX "_people_v_version_version_organisation_idx" ON "_people_v" USING btree ("version_organisation_id");
  CREATE INDEX "_people_v_version_version_photo_idx" ON "_people_v" USING btree ("version_photo_id");
  CREATE INDEX "_people_v_version_version_updated_at_idx" ON "_people_v" USING btree ("version_updated_at");
  CREATE INDEX "_people_v_version_version_created_at_idx" ON "_people_v" USING btree ("version_created_at");
  CREATE INDEX "_people_v_version_version__status_idx" ON "_people_v" USING btree ("version__status");
  CREATE INDEX "_people_v_created_at_idx" ON "_people_v" USING btree ("created_at");
  CREATE INDEX "_people_v_updated_at_idx" ON "_people_v" USING btree ("updated_at");
  CREATE INDEX "_people_v_latest_idx" ON "_people_v" USING btree ("latest");
  CREATE INDEX "municipalities_memberships_order_idx" ON "municipalities_memberships" USING btree ("_order");
  CREATE INDEX "municipalities_memberships_parent_id_idx" ON "municipalities_memberships" USING btree ("_parent_id");
  CREATE INDEX "municipalities_memberships_organisation_idx" ON "municipalities_memberships" USING btree ("organisation_id");
  CREATE UNIQUE INDEX "municipalities_slug_idx" ON "municipalities" USING btree ("slug");
  CREATE INDEX "municipalities_state_idx" ON "municipalities" USING btree ("state");
  CREATE INDEX "municipalities_logo_idx" ON "municipalities" USING btree ("logo_id");
  CREATE INDEX "municipalities_updated_at_idx" ON "municipalities" USING btree ("updated_at");
  CREATE INDEX "municipalities_created_at_idx" ON "municipalities" USING btree ("created_at");
  CREATE INDEX "municipalities__status_idx" ON "municipalities" USING btree ("_status");
  CREATE INDEX "municipalities_rels_order_idx" ON "municipalities_rels" USING btree ("order");
  CREATE INDEX "municipalities_rels_parent_idx" ON "municipalities_rels" USING btree ("parent_id");
  CREATE INDEX "municipalities_rels_path_idx" ON "municipalities_rels" USING btree ("path");
  CREATE INDEX "municipalities_rels_people_id_idx" ON "municipalities_rels" USING btree ("people_id");
  CREATE INDEX "_municipalities_v_version_memberships_order_idx" ON "_municipalities_v_version_memberships" USING btree ("_order");
  CREATE INDEX "_municipalities_v_version_memberships_parent_id_idx" ON "_municipalities_v_version_memberships" USING btree ("_parent_id");
  CREATE INDEX "_municipalities_v_version_memberships_organisation_idx" ON "_municipalities_v_version_memberships" USING btree ("organisation_id");
  CREATE INDEX "_municipalities_v_parent_idx" ON "_municipalities_v" USING btree ("parent_id");
  CREATE INDEX "_municipalities_v_version_version_slug_idx" ON "_municipalities_v" USING btree ("version_slug");
  CREATE INDEX "_municipalities_v_version_version_state_idx" ON "_municipalities_v" USING btree ("version_state");
  CREATE INDEX "_municipalities_v_version_version_logo_idx" ON "_municipalities_v" USING btree ("version_logo_id");
  CREATE INDEX "_municipalities_v_version_version_updated_at_idx" ON "_municipalities_v" USING btree ("version_updated_at");
  CREATE INDEX "_municipalities_v_version_version_created_at_idx" ON "_municipalities_v" USING btree ("version_created_at");
  CREATE INDEX "_municipalities_v_version_version__status_idx" ON "_municipalities_v" USING btree ("version__status");
  CREATE INDEX "_municipalities_v_created_at_idx" ON "_municipalities_v" USING btree ("created_at");
  CREATE INDEX "_municipalities_v_updated_at_idx" ON "_municipalities_v" USING btree ("updated_at");
  CREATE INDEX "_municipalities_v_latest_idx" ON "_municipalities_v" USING btree ("latest");
  CREATE INDEX "_municipalities_v_rels_order_idx" ON "_municipalities_v_rels" USING btree ("order");
  CREATE INDEX "_municipalities_v_rels_parent_idx" ON "_municipalities_v_rels" USING btree ("parent_id");
  CREATE INDEX "_municipalities_v_rels_path_idx" ON "_municipalities_v_rels" USING btree ("path");
  CREATE INDEX "_municipalities_v_rels_people_id_idx" ON "_municipalities_v_rels" USING btree ("people_id");
  CREATE INDEX "program_areas_milestones_order_idx" ON "program_areas_milestones" USING btree ("_order");
  CREATE INDEX "program_areas_milestones_parent_id_idx" ON "program_areas_milestones" USING btree ("_parent_id");
  CREATE INDEX "program_areas_downloads_order_idx" ON "program_areas_downloads" USING btree ("_order");
  CREATE INDEX "program_areas_downloads_parent_id_idx" ON "program_areas_downloads" USING btree ("_parent_id");
  CREATE INDEX "program_areas_downloads_file_idx" ON "program_areas_downloads" USING btree ("file_id");
  CREATE UNIQUE INDEX "program_areas_slug_idx" ON "program_areas" USING btree ("slug");
  CREATE INDEX "program_areas_municipality_idx" ON "program_areas" USING btree ("municipality_id");
  CREATE INDEX "program_areas_programme_status_idx" ON "program_areas" USING btree ("programme_status");
  CREATE INDEX "program_areas_updated_at_idx" ON "program_areas" USING btree ("updated_at");
  CREATE INDEX "program_areas_created_at_idx" ON "program_areas" USING btree ("created_at");
  CREATE INDEX "program_areas__status_idx" ON "program_areas" USING btree ("_status");
  CREATE INDEX "program_areas_rels_order_idx" ON "program_areas_rels" USING btree ("order");
  CREATE INDEX "program_areas_rels_parent_idx" ON "program_areas_rels" USING btree ("parent_id");
  CREATE INDEX "program_areas_rels_path_idx" ON "program_areas_rels" USING btree ("path");
  CREATE INDEX "program_areas_rels_programmes_id_idx" ON "program_areas_rels" USING btree ("programmes_id");
  CREATE INDEX "program_areas_rels_people_id_idx" ON "program_areas_rels" USING btree ("people_id");
  CREATE INDEX "_program_areas_v_version_milestones_order_idx" ON "_program_areas_v_version_milestones" USING btree ("_order");
  CREATE INDEX "_program_areas_v_version_milestones_parent_id_idx" ON "_program_areas_v_version_milestones" USING btree ("_parent_id");
  CREATE INDEX "_program_areas_v_version_downloads_order_idx" ON "_program_areas_v_version_downloads" USING btree ("_order");
  CREATE INDEX "_program_areas_v_version_downloads_parent_id_idx" ON "_program_areas_v_version_downloads" USING btree ("_parent_id");
  CREATE INDEX "_program_areas_v_version_downloads_file_idx" ON "_program_areas_v_version_downloads" USING btree ("file_id");
  CREATE INDEX "_program_areas_v_parent_idx" ON "_program_areas_v" USING btree ("parent_id");
  CREATE INDEX "_program_areas_v_version_version_slug_idx" ON "_program_areas_v" USING btree ("version_slug");
  CREATE INDEX "_program_areas_v_version_version_municipality_idx" ON "_program_areas_v" USING btree ("version_municipality_id");
  CREATE INDEX "_program_areas_v_version_version_programme_status_idx" ON "_program_areas_v" USING btree ("version_programme_status");
  CREATE INDEX "_program_areas_v_version_version_updated_at_idx" ON "_program_areas_v" USING btree ("version_updated_at");
  CREATE INDEX "_program_areas_v_version_version_created_at_idx" ON "_program_areas_v" USING btree ("version_created_at");
  CREATE INDEX "_program_areas_v_version_version__status_idx" ON "_program_areas_v" USING btree ("version__status");
  CREATE INDEX "_program_areas_v_created_at_idx" ON "_program_areas_v" USING btree ("created_at");
  CREATE INDEX "_program_areas_v_updated_at_idx" ON "_program_areas_v" USING btree ("updated_at");
  CREATE INDEX "_program_areas_v_latest_idx" ON "_program_areas_v" USING btree ("latest");
  CREATE INDEX "_program_areas_v_rels_order_idx" ON "_program_areas_v_rels" USING btree ("order");
  CREATE INDEX "_program_areas_v_rels_parent_idx" ON "_program_areas_v_rels" USING btree ("parent_id");
  CREATE INDEX "_program_areas_v_rels_path_idx" ON "_program_areas_v_rels" USING btree ("path");
  CREATE INDEX "_program_areas_v_rels_programmes_id_idx" ON "_program_areas_v_rels" USING btree ("programmes_id");
  CREATE INDEX "_program_areas_v_rels_people_id_idx" ON "_program_areas_v_rels" USING btree ("people_id");
  CREATE INDEX "fields_of_action_typical_measures_order_idx" ON "fields_of_action_typical_measures" USING btree ("_order");
  CREATE INDEX "fields_of_action_typical_measures_parent_id_idx" ON "fields_of_action_typical_measures" USING btree ("_parent_id");
  CREATE INDEX "fields_of_action_links_order_idx" ON "fields_of_action_links" USING btree ("_order");
  CREATE INDEX "fields_of_action_links_parent_id_idx" ON "fields_of_action_links" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "fields_of_action_slug_idx" ON "fields_of_action" USING btree ("slug");
  CREATE INDEX "fields_of_action_order_idx" ON "fields_of_action" USING btree ("order");
  CREATE INDEX "fields_of_action_updated_at_idx" ON "fields_of_action" USING btree ("updated_at");
  CREATE INDEX "fields_of_action_created_at_idx" ON "fields_of_action" USING btree ("created_at");
  CREATE INDEX "fields_of_action__status_idx" ON "fields_of_action" USING btree ("_status");
  CREATE INDEX "_fields_of_action_v_version_typical_measures_order_idx" ON "_fields_of_action_v_version_typical_measures" USING btree ("_order");
  CREATE INDEX "_fields_of_action_v_version_typical_measures_parent_id_idx" ON "_fields_of_action_v_version_typical_measures" USING btree ("_parent_id");
  CREATE INDEX "_fields_of_action_v_version_links_order_idx" ON "_fields_of_action_v_version_links" USING btree ("_order");
  CREATE INDEX "_fields_of_action_v_version_links_parent_id_idx" ON "_fields_of_action_v_version_links" USING btree ("_parent_id");
  CREATE INDEX "_fields_of_action_v_parent_idx" ON "_fields_of_action_v" USING btree ("parent_id");
  CREATE INDEX "_fields_of_action_v_version_version_slug_idx" ON "_fields_of_action_v" USING btree ("version_slug");
  CREATE INDEX "_fields_of_action_v_version_version_order_idx" ON "_fields_of_action_v" USING btree ("version_order");
  CREATE INDEX "_fields_of_action_v_version_version_updated_at_idx" ON "_fields_of_action_v" USING btree ("version_updated_at");
  CREATE INDEX "_fields_of_action_v_version_version_created_at_idx" ON "_fields_of_action_v" USING btree ("version_created_at");
  CREATE INDEX "_fields_of_action_v_version_version__status_idx" ON "_fields_of_action_v" USING btree ("version__status");
  CREATE INDEX "_fields_of_action_v_created_at_idx" ON "_fields_of_action_v" USING btree ("created_at");
  CREATE INDEX "_fields_of_action_v_updated_at_idx" ON "_fields_of_action_v" USING btree ("updated_at");
  CREATE INDEX "_fields_of_action_v_latest_idx" ON "_fields_of_action_v" USING btree ("latest");
  CREATE INDEX "projects_awards_order_idx" ON "projects_awards" USING btree ("_order");
  CREATE INDEX "projects_awards_parent_id_idx" ON "projects_awards" USING btree ("_parent_id");
  CREATE INDEX "projects_links_order_idx" ON "projects_links" USING btree ("_order");
  CREATE INDEX "projects_links_parent_id_idx" ON "projects_links" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "projects_slug_idx" ON "projects" USING btree ("slug");
  CREATE INDEX "projects_municipality_idx" ON "projects" USING btree ("municipality_id");
  CREATE INDEX "projects_program_area_idx" ON "projects" USING btree ("program_area_id");
  CREATE INDEX "projects_organisation_idx" ON "projects" USING btree ("organisation_id");
  CREATE INDEX "projects_predecessor_idx" ON "projects" USING btree ("predecessor_id");
  CREATE INDEX "projects_updated_at_idx" ON "projects" USING btree ("updated_at");
  CREATE INDEX "projects_created_at_idx" ON "projects" USING btree ("created_at");
  CREATE INDEX "projects__status_idx" ON "projects" USING btree ("_status");
  CREATE INDEX "projects_rels_order_idx" ON "projects_rels" USING btree ("order");
  CREATE INDEX "projects_rels_parent_idx" ON "projects_rels" USING btree ("parent_id");
  CREATE INDEX "projects_rels_path_idx" ON "projects_rels" USING btree ("path");
  CREATE INDEX "projects_rels_fields_of_action_id_idx" ON "projects_rels" USING btree ("fields_of_action_id");
  CREATE INDEX "projects_rels_target_groups_id_idx" ON "projects_rels" USING btree ("target_groups_id");
  CREATE INDEX "projects_rels_programmes_id_idx" ON "projects_rels" USING btree ("programmes_id");
  CREATE INDEX "projects_rels_municipalities_id_idx" ON "projects_rels" USING btree ("municipalities_id");
  CREATE INDEX "projects_rels_people_id_idx" ON "projects_rels" USING btree ("people_id");
  CREATE INDEX "projects_rels_media_id_idx" ON "projects_rels" USING btree ("media_id");
  CREATE INDEX "projects_rels_modules_id_idx" ON "projects_rels" USING btree ("modules_id");
  CREATE INDEX "projects_rels_publications_id_idx" ON "projects_rels" USING btree ("publications_id");
  CREATE INDEX "_projects_v_version_awards_order_idx" ON "_projects_v_version_awards" USING btree ("_order");
  CREATE INDEX "_projects_v_version_awards_parent_id_idx" ON "_projects_v_version_awards" USING btree ("_parent_id");
  CREATE INDEX "_projects_v_version_links_order_idx" ON "_projects_v_version_links" USING btree ("_order");
  CREATE INDEX "_projects_v_version_links_parent_id_idx" ON "_projects_v_version_links" USING btree ("_parent_id");
  CREATE INDEX "_projects_v_parent_idx" ON "_projects_v" USING btree ("parent_id");
  CREATE INDEX "_projects_v_version_version_slug_idx" ON "_projects_v" USING btree ("version_slug");
  CREATE INDEX "_projects_v_version_version_municipality_idx" ON "_projects_v" USING btree ("version_municipality_id");
  CREATE INDEX "_projects_v_version_version_program_area_idx" ON "_projects_v" USING btree ("version_program_area_id");
  CREATE INDEX "_projects_v_version_version_organisation_idx" ON "_projects_v" USING btree ("version_organisation_id");
  CREATE INDEX "_projects_v_version_version_predecessor_idx" ON "_projects_v" USING btree ("version_predecessor_id");
  CREATE INDEX "_projects_v_version_version_updated_at_idx" ON "_projects_v" USING btree ("version_updated_at");
  CREATE INDEX "_projects_v_version_version_created_at_idx" ON "_projects_v" USING btree ("version_created_at");
  CREATE INDEX "_projects_v_version_version__status_idx" ON "_projects_v" USING btree ("version__status");
  CREATE INDEX "_projects_v_created_at_idx" ON "_projects_v" USING btree ("created_at");
  CREATE INDEX "_projects_v_updated_at_idx" ON "_projects_v" USING btree ("updated_at");
  CREATE INDEX "_projects_v_latest_idx" ON "_projects_v" USING btree ("latest");
  CREATE INDEX "_projects_v_rels_order_idx" ON "_projects_v_rels" USING btree ("order");
  CREATE INDEX "_projects_v_rels_parent_idx" ON "_projects_v_rels" USING btree ("parent_id");
  CREATE INDEX "_projects_v_rels_path_idx" ON "_projects_v_rels" USING btree ("path");
  CREATE INDEX "_projects_v_rels_fields_of_action_id_idx" ON "_projects_v_rels" USING btree ("fields_of_action_id");
  CREATE INDEX "_projects_v_rels_target_groups_id_idx" ON "_projects_v_rels" USING btree ("target_groups_id");
  CREATE INDEX "_projects_v_rels_programmes_id_idx" ON "_projects_v_rels" USING btree ("programmes_id");
  CREATE INDEX "_projects_v_rels_municipalities_id_idx" ON "_projects_v_rels" USING btree ("municipalities_id");
  CREATE INDEX "_projects_v_rels_people_id_idx" ON "_projects_v_rels" USING btree ("people_id");
  CREATE INDEX "_projects_v_rels_media_id_idx" ON "_projects_v_rels" USING btree ("media_id");
  CREATE INDEX "_projects_v_rels_modules_id_idx" ON "_projects_v_rels" USING btree ("modules_id");
  CREATE INDEX "_projects_v_rels_publications_id_idx" ON "_projects_v_rels" USING btree ("publications_id");
  CREATE INDEX "modules_links_order_idx" ON "modules_links" USING btree ("_order");
  CREATE INDEX "modules_links_parent_id_idx" ON "modules_links" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "modules_slug_idx" ON "modules" USING btree ("slug");
  CREATE INDEX "modules_updated_at_idx" ON "modules" USING btree ("updated_at");
  CREATE INDEX "modules_created_at_idx" ON "modules" USING btree ("created_at");
  CREATE INDEX "modules__status_idx" ON "modules" USING btree ("_status");
  CREATE INDEX "modules_rels_order_idx" ON "modules_rels" USING btree ("order");
  CREATE INDEX "modules_rels_parent_idx" ON "modules_rels" USING btree ("parent_id");
  CREATE INDEX "modules_rels_path_idx" ON "modules_rels" USING btree ("path");
  CREATE INDEX "modules_rels_target_groups_id_idx" ON "modules_rels" USING btree ("target_groups_id");
  CREATE INDEX "modules_rels_fields_of_action_id_idx" ON "modules_rels" USING btree ("fields_of_action_id");
  CREATE INDEX "modules_rels_people_id_idx" ON "modules_rels" USING btree ("people_id");
  CREATE INDEX "modules_rels_projects_id_idx" ON "modules_rels" USING btree ("projects_id");
  CREATE INDEX "modules_rels_modules_id_idx" ON "modules_rels" USING btree ("modules_id");
  CREATE INDEX "_modules_v_version_links_order_idx" ON "_modules_v_version_links" USING btree ("_order");
  CREATE INDEX "_modules_v_version_links_parent_id_idx" ON "_modules_v_version_links" USING btree ("_parent_id");
  CREATE INDEX "_modules_v_parent_idx" ON "_modules_v" USING btree ("parent_id");
  CREATE INDEX "_modules_v_version_version_slug_idx" ON "_modules_v" USING btree ("version_slug");
  CREATE INDEX "_modules_v_version_version_updated_at_idx" ON "_modules_v" USING btree ("version_updated_at");
  CREATE INDEX "_modules_v_version_version_created_at_idx" ON "_modules_v" USING btree ("version_created_at");
  CREATE INDEX "_modules_v_version_version__status_idx" ON "_modules_v" USING btree ("version__status");
  CREATE INDEX "_modules_v_created_at_idx" ON "_modules_v" USING btree ("created_at");
  CREATE INDEX "_modules_v_updated_at_idx" ON "_modules_v" USING btree ("updated_at");
  CREATE INDEX "_modules_v_latest_idx" ON "_modules_v" USING btree ("latest");
  CREATE INDEX "_modules_v_rels_order_idx" ON "_modules_v_rels" USING btree ("order");
  CREATE INDEX "_modules_v_rels_parent_idx" ON "_modules_v_rels" USING btree ("parent_id");
  CREATE INDEX "_modules_v_rels_path_idx" ON "_modules_v_rels" USING btree ("path");
  CREATE INDEX "_modules_v_rels_target_groups_id_idx" ON "_modules_v_rels" USING btree ("target_groups_id");
  CREATE INDEX "_modules_v_rels_fields_of_action_id_idx" ON "_modules_v_rels" USING btree ("fields_of_action_id");
  CREATE INDEX "_modules_v_rels_people_id_idx" ON "_modules_v_rels" USING btree ("people_id");
  CREATE INDEX "_modules_v_rels_projects_id_idx" ON "_modules_v_rels" USING btree ("projects_id");
  CREATE INDEX "_modules_v_rels_modules_id_idx" ON "_modules_v_rels" USING btree ("modules_id");
  CREATE INDEX "events_destinations_order_idx" ON "events_destinations" USING btree ("_order");
  CREATE INDEX "events_destinations_parent_id_idx" ON "events_destinations" USING btree ("_parent_id");
  CREATE INDEX "events_speakers_order_idx" ON "events_speakers" USING btree ("_order");
  CREATE INDEX "events_speakers_parent_id_idx" ON "events_speakers" USING btree ("_parent_id");
  CREATE INDEX "events_speakers_person_idx" ON "events_speakers" USING btree ("person_id");
  CREATE INDEX "events_partners_order_idx" ON "events_partners" USING btree ("_order");
  CREATE INDEX "events_partners_parent_id_idx" ON "events_partners" USING btree ("_parent_id");
  CREATE INDEX "events_audience_order_idx" ON "events_audience" USING btree ("order");
  CREATE INDEX "events_audience_parent_idx" ON "events_audience" USING btree ("parent_id");
  CREATE UNIQUE INDEX "events_slug_idx" ON "events" USING btree ("slug");
  CREATE INDEX "events_kind_idx" ON "events" USING btree ("kind");
  CREATE INDEX "events_series_idx" ON "events" USING btree ("series_id");
  CREATE INDEX "events_start_idx" ON "events" USING btree ("start");
  CREATE INDEX "events_venue_venue_municipality_idx" ON "events" USING btree ("venue_municipality_id");
  CREATE INDEX "events_organiser_idx" ON "events" USING btree ("organiser_id");
  CREATE UNIQUE INDEX "events_occurrence_key_idx" ON "events" USING btree ("occurrence_key");
  CREATE INDEX "events_updated_at_idx" ON "events" USING btree ("updated_at");
  CREATE INDEX "events_created_at_idx" ON "events" USING btree ("created_at");
  CREATE INDEX "events__status_idx" ON "events" USING btree ("_status");
  CREATE INDEX "events_rels_order_idx" ON "events_rels" USING btree ("order");
  CREATE INDEX "events_rels_parent_idx" ON "events_rels" USING btree ("parent_id");
  CREATE INDEX "events_rels_path_idx" ON "events_rels" USING btree ("path");
  CREATE INDEX "events_rels_municipalities_id_idx" ON "events_rels" USING btree ("municipalities_id");
  CREATE INDEX "events_rels_fields_of_action_id_idx" ON "events_rels" USING btree ("fields_of_action_id");
  CREATE INDEX "events_rels_projects_id_idx" ON "events_rels" USING btree ("projects_id");
  CREATE INDEX "events_rels_publications_id_idx" ON "events_rels" USING btree ("publications_id");
  CREATE INDEX "events_rels_media_id_idx" ON "events_rels" USING btree ("media_id");
  CREATE INDEX "_events_v_version_destinations_order_idx" ON "_events_v_version_destinations" USING btree ("_order");
  CREATE INDEX "_events_v_version_destinations_parent_id_idx" ON "_events_v_version_destinations" USING btree ("_parent_id");
  CREATE INDEX "_events_v_version_speakers_order_idx" ON "_events_v_version_speakers" USING btree ("_order");
  CREATE INDEX "_events_v_version_speakers_parent_id_idx" ON "_events_v_version_speakers" USING btree ("_parent_id");
  CREATE INDEX "_events_v_version_speakers_person_idx" ON "_events_v_version_speakers" USING btree ("person_id");
  CREATE INDEX "_events_v_version_partners_order_idx" ON "_events_v_version_partners" USING btree ("_order");
  CREATE INDEX "_events_v_version_partners_parent_id_idx" ON "_events_v_version_partners" USING btree ("_parent_id");
  CREATE INDEX "_events_v_version_audience_order_idx" ON "_events_v_version_audience" USING btree ("order");
  CREATE INDEX "_events_v_version_audience_parent_idx" ON "_events_v_version_audience" USING btree ("parent_id");
  CREATE INDEX "_events_v_parent_idx" ON "_events_v" USING btree ("parent_id");
  CREATE INDEX "_events_v_version_version_slug_idx" ON "_events_v" USING btree ("version_slug");
  CREATE INDEX "_events_v_version_version_kind_idx" ON "_events_v" USING btree ("version_kind");
  CREATE INDEX "_events_v_version_version_series_idx" ON "_events_v" USING btree ("version_series_id");
  CREATE INDEX "_events_v_version_version_start_idx" ON "_events_v" USING btree ("version_start");
  CREATE INDEX "_events_v_version_venue_version_venue_municipality_idx" ON "_events_v" USING btree ("version_venue_municipality_id");
  CREATE INDEX "_events_v_version_version_organiser_idx" ON "_events_v" USING btree ("version_organiser_id");
  CREATE INDEX "_events_v_version_version_occurrence_key_idx" ON "_events_v" USING btree ("version_occurrence_key");
  CREATE INDEX "_events_v_version_version_updated_at_idx" ON "_events_v" USING btree ("version_updated_at");
  CREATE INDEX "_events_v_version_version_created_at_idx" ON "_events_v" USING btree ("version_created_at");
  CREATE INDEX "_events_v_version_version__status_idx" ON "_events_v" USING btree ("version__status");
  CREATE INDEX "_events_v_created_at_idx" ON "_events_v" USING btree ("created_at");
  CREATE INDEX "_events_v_updated_at_idx" ON "_events_v" USING btree ("updated_at");
  CREATE INDEX "_events_v_latest_idx" ON "_events_v" USING btree ("latest");
  CREATE INDEX "_events_v_rels_order_idx" ON "_events_v_rels" USING btree ("order");
  CREATE INDEX "_events_v_rels_parent_idx" ON "_events_v_rels" USING btree ("parent_id");
  CREATE INDEX "_events_v_rels_path_idx" ON "_events_v_rels" USING btree ("path");
  CREATE INDEX "_events_v_rels_municipalities_id_idx" ON "_events_v_rels" USING btree ("municipalities_id");
  CREATE INDEX "_events_v_rels_fields_of_action_id_idx" ON "_events_v_rels" USING btree ("fields_of_action_id");
  CREATE INDEX "_events_v_rels_projects_id_idx" ON "_events_v_rels" USING btree ("projects_id");
  CREATE INDEX "_events_v_rels_publications_id_idx" ON "_events_v_rels" USING btree ("publications_id");
  CREATE INDEX "_events_v_rels_media_id_idx" ON "_events_v_rels" USING btree ("media_id");
  CREATE INDEX "event_series_recurrence_exceptions_order_idx" ON "event_series_recurrence_exceptions" USING btree ("_order");
  CREATE INDEX "event_series_recurrence_exceptions_parent_id_idx" ON "event_series_recurrence_exceptions" USING btree ("_parent_id");
  CREATE INDEX "event_series_audience_order_idx" ON "event_series_audience" USING btree ("order");
  CREATE INDEX "event_series_audience_parent_idx" ON "event_series_audience" USING btree ("parent_id");
  CREATE UNIQUE INDEX "event_series_slug_idx" ON "event_series" USING btree ("slug");
  CREATE INDEX "event_series_organiser_idx" ON "event_series" USING btree ("organiser_id");
  CREATE INDEX "event_series_updated_at_idx" ON "event_series" USING btree ("updated_at");
  CREATE INDEX "event_series_created_at_idx" ON "event_series" USING btree ("created_at");
  CREATE INDEX "event_series__status_idx" ON "event_series" USING btree ("_status");
  CREATE INDEX "event_series_rels_order_idx" ON "event_series_rels" USING btree ("order");
  CREATE INDEX "event_series_rels_parent_idx" ON "event_series_rels" USING btree ("parent_id");
  CREATE INDEX "event_series_rels_path_idx" ON "event_series_rels" USING btree ("path");
  CREATE INDEX "event_series_rels_fields_of_action_id_idx" ON "event_series_rels" USING btree ("fields_of_action_id");
  CREATE INDEX "_event_series_v_version_recurrence_exceptions_order_idx" ON "_event_series_v_version_recurrence_exceptions" USING btree ("_order");
  CREATE INDEX "_event_series_v_version_recurrence_exceptions_parent_id_idx" ON "_event_series_v_version_recurrence_exceptions" USING btree ("_parent_id");
  CREATE INDEX "_event_series_v_version_audience_order_idx" ON "_event_series_v_version_audience" USING btree ("order");
  CREATE INDEX "_event_series_v_version_audience_parent_idx" ON "_event_series_v_version_audience" USING btree ("parent_id");
  CREATE INDEX "_event_series_v_parent_idx" ON "_event_series_v" USING btree ("parent_id");
  CREATE INDEX "_event_series_v_version_version_slug_idx" ON "_event_series_v" USING btree ("version_slug");
  CREATE INDEX "_event_series_v_version_version_organiser_idx" ON "_event_series_v" USING btree ("version_organiser_id");
  CREATE INDEX "_event_series_v_version_version_updated_at_idx" ON "_event_series_v" USING btree ("version_updated_at");
  CREATE INDEX "_event_series_v_version_version_created_at_idx" ON "_event_series_v" USING btree ("version_created_at");
  CREATE INDEX "_event_series_v_version_version__status_idx" ON "_event_series_v" USING btree ("version__status");
  CREATE INDEX "_event_series_v_created_at_idx" ON "_event_series_v" USING btree ("created_at");
  CREATE INDEX "_event_series_v_updated_at_idx" ON "_event_series_v" USING btree ("updated_at");
  CREATE INDEX "_event_series_v_latest_idx" ON "_event_series_v" USING btree ("latest");
  CREATE INDEX "_event_series_v_rels_order_idx" ON "_event_series_v_rels" USING btree ("order");
  CREATE INDEX "_event_series_v_rels_parent_idx" ON "_event_series_v_rels" USING btree ("parent_id");
  CREATE INDEX "_event_series_v_rels_path_idx" ON "_event_series_v_rels" USING btree ("path");
  CREATE INDEX "_event_series_v_rels_fields_of_action_id_idx" ON "_event_series_v_rels" USING btree ("fields_of_action_id");
  CREATE UNIQUE INDEX "programmes_slug_idx" ON "programmes" USING btree ("slug");
  CREATE INDEX "programmes_predecessor_idx" ON "programmes" USING btree ("predecessor_id");
  CREATE INDEX "programmes_updated_at_idx" ON "programmes" USING btree ("updated_at");
  CREATE INDEX "programmes_created_at_idx" ON "programmes" USING btree ("created_at");
  CREATE INDEX "programmes__status_idx" ON "programmes" USING btree ("_status");
  CREATE INDEX "_programmes_v_parent_idx" ON "_programmes_v" USING btree ("parent_id");
  CREATE INDEX "_programmes_v_version_version_slug_idx" ON "_programmes_v" USING btree ("version_slug");
  CREATE INDEX "_programmes_v_version_version_predecessor_idx" ON "_programmes_v" USING btree ("version_predecessor_id");
  CREATE INDEX "_programmes_v_version_version_updated_at_idx" ON "_programmes_v" USING btree ("version_updated_at");
  CREATE INDEX "_programmes_v_version_version_created_at_idx" ON "_programmes_v" USING btree ("version_created_at");
  CREATE INDEX "_programmes_v_version_version__status_idx" ON "_programmes_v" USING btree ("version__status");
  CREATE INDEX "_programmes_v_created_at_idx" ON "_programmes_v" USING btree ("created_at");
  CREATE INDEX "_programmes_v_updated_at_idx" ON "_programmes_v" USING btree ("updated_at");
  CREATE INDEX "_programmes_v_latest_idx" ON "_programmes_v" USING btree ("latest");
  CREATE UNIQUE INDEX "publications_slug_idx" ON "publications" USING btree ("slug");
  CREATE INDEX "publications_organisation_idx" ON "publications" USING btree ("organisation_id");
  CREATE INDEX "publications_file_idx" ON "publications" USING btree ("file_id");
  CREATE INDEX "publications_updated_at_idx" ON "publications" USING btree ("updated_at");
  CREATE INDEX "publications_created_at_idx" ON "publications" USING btree ("created_at");
  CREATE INDEX "publications__status_idx" ON "publications" USING btree ("_status");
  CREATE INDEX "publications_rels_order_idx" ON "publications_rels" USING btree ("order");
  CREATE INDEX "publications_rels_parent_idx" ON "publications_rels" USING btree ("parent_id");
  CREATE INDEX "publications_rels_path_idx" ON "publications_rels" USING btree ("path");
  CREATE INDEX "publications_rels_fields_of_action_id_idx" ON "publications_rels" USING btree ("fields_of_action_id");
  CREATE INDEX "_publications_v_parent_idx" ON "_publications_v" USING btree ("parent_id");
  CREATE INDEX "_publications_v_version_version_slug_idx" ON "_publications_v" USING btree ("version_slug");
  CREATE INDEX "_publications_v_version_version_organisation_idx" ON "_publications_v" USING btree ("version_organisation_id");
  CREATE INDEX "_publications_v_version_version_file_idx" ON "_publications_v" USING btree ("version_file_id");
  CREATE INDEX "_publications_v_version_version_updated_at_idx" ON "_publications_v" USING btree ("version_updated_at");
  CREATE INDEX "_publications_v_version_version_created_at_idx" ON "_publications_v" USING btree ("version_created_at");
  CREATE INDEX "_publications_v_version_version__status_idx" ON "_publications_v" USING btree ("version__status");
  CREATE INDEX "_publications_v_created_at_idx" ON "_publications_v" USING btree ("created_at");
  CREATE INDEX "_publications_v_updated_at_idx" ON "_publications_v" USING btree ("updated_at");
  CREATE INDEX "_publications_v_latest_idx" ON "_publications_v" USING btree ("latest");
  CREATE INDEX "_publications_v_rels_order_idx" ON "_publications_v_rels" USING btree ("order");
  CREATE INDEX "_publications_v_rels_parent_idx" ON "_publications_v_rels" USING btree ("parent_id");
  CREATE INDEX "_publications_v_rels_path_idx" ON "_publications_v_rels" USING btree ("path");
  CREATE INDEX "_publications_v_rels_fields_of_action_id_idx" ON "_publications_v_rels" USING btree ("fields_of_action_id");
  CREATE UNIQUE INDEX "target_groups_slug_idx" ON "target_groups" USING btree ("slug");
  CREATE INDEX "target_groups_updated_at_idx" ON "target_groups" USING btree ("updated_at");
  CREATE INDEX "target_groups_created_at_idx" ON "target_groups" USING btree ("created_at");
  CREATE INDEX "target_groups__status_idx" ON "target_groups" USING btree ("_status");
  CREATE INDEX "_target_groups_v_parent_idx" ON "_target_groups_v" USING btree ("parent_id");
  CREATE INDEX "_target_groups_v_version_version_slug_idx" ON "_target_groups_v" USING btree ("version_slug");
  CREATE INDEX "_target_groups_v_version_version_updated_at_idx" ON "_target_groups_v" USING btree ("version_updated_at");
  CREATE INDEX "_target_groups_v_version_version_created_at_idx" ON "_target_groups_v" USING btree ("version_created_at");
  CREATE INDEX "_target_groups_v_version_version__status_idx" ON "_target_groups_v" USING btree ("version__status");
  CREATE INDEX "_target_groups_v_created_at_idx" ON "_target_groups_v" USING btree ("created_at");
  CREATE INDEX "_target_groups_v_updated_at_idx" ON "_target_groups_v" USING btree ("updated_at");
  CREATE INDEX "_target_groups_v_latest_idx" ON "_target_groups_v" USING btree ("latest");
  ALTER TABLE "users" ADD CONSTRAINT "users_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_organisations_fk" FOREIGN KEY ("organisations_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_people_fk" FOREIGN KEY ("people_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_municipalities_fk" FOREIGN KEY ("municipalities_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_program_areas_fk" FOREIGN KEY ("program_areas_id") REFERENCES "public"."program_areas"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_fields_of_action_fk" FOREIGN KEY ("fields_of_action_id") REFERENCES "public"."fields_of_action"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_projects_fk" FOREIGN KEY ("projects_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_modules_fk" FOREIGN KEY ("modules_id") REFERENCES "public"."modules"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_events_fk" FOREIGN KEY ("events_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_event_series_fk" FOREIGN KEY ("event_series_id") REFERENCES "public"."event_series"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_programmes_fk" FOREIGN KEY ("programmes_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_publications_fk" FOREIGN KEY ("publications_id") REFERENCES "public"."publications"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_target_groups_fk" FOREIGN KEY ("target_groups_id") REFERENCES "public"."target_groups"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "users_municipality_idx" ON "users" USING btree ("municipality_id");
  CREATE INDEX "payload_locked_documents_rels_organisations_id_idx" ON "payload_locked_documents_rels" USING btree ("organisations_id");
  CREATE INDEX "payload_locked_documents_rels_people_id_idx" ON "payload_locked_documents_rels" USING btree ("people_id");
  CREATE INDEX "payload_locked_documents_rels_municipalities_id_idx" ON "payload_locked_documents_rels" USING btree ("municipalities_id");
  CREATE INDEX "payload_locked_documents_rels_program_areas_id_idx" ON "payload_locked_documents_rels" USING btree ("program_areas_id");
  CREATE INDEX "payload_locked_documents_rels_fields_of_action_id_idx" ON "payload_locked_documents_rels" USING btree ("fields_of_action_id");
  CREATE INDEX "payload_locked_documents_rels_projects_id_idx" ON "payload_locked_documents_rels" USING btree ("projects_id");
  CREATE INDEX "payload_locked_documents_rels_modules_id_idx" ON "payload_locked_documents_rels" USING btree ("modules_id");
  CREATE INDEX "payload_locked_documents_rels_events_id_idx" ON "payload_locked_documents_rels" USING btree ("events_id");
  CREATE INDEX "payload_locked_documents_rels_event_series_id_idx" ON "payload_locked_documents_rels" USING btree ("event_series_id");
  CREATE INDEX "payload_locked_documents_rels_programmes_id_idx" ON "payload_locked_documents_rels" USING btree ("programmes_id");
  CREATE INDEX "payload_locked_documents_rels_publications_id_idx" ON "payload_locked_documents_rels" USING btree ("publications_id");
  CREATE INDEX "payload_locked_documents_rels_target_groups_id_idx" ON "payload_locked_documents_rels" USING btree ("target_groups_id");`)
}

// down(): the tables are dropped with CASCADE first, which already removes their foreign keys
// from other tables; IF EXISTS keeps the later explicit drops from failing (drizzle-kit order).
export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "organisations_members" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "organisations_history" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "organisations_offer_formats_event_kinds" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "organisations_offer_formats" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "organisations_partners" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "organisations" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "organisations_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_organisations_v_version_members" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_organisations_v_version_history" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_organisations_v_version_offer_formats_event_kinds" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_organisations_v_version_offer_formats" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_organisations_v_version_partners" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_organisations_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_organisations_v_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "people" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_people_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "municipalities_memberships" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "municipalities" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "municipalities_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_municipalities_v_version_memberships" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_municipalities_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_municipalities_v_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "program_areas_milestones" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "program_areas_downloads" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "program_areas" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "program_areas_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_program_areas_v_version_milestones" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_program_areas_v_version_downloads" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_program_areas_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_program_areas_v_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "fields_of_action_typical_measures" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "fields_of_action_links" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "fields_of_action" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_fields_of_action_v_version_typical_measures" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_fields_of_action_v_version_links" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_fields_of_action_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "projects_awards" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "projects_links" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "projects" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "projects_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_projects_v_version_awards" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_projects_v_version_links" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_projects_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_projects_v_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "modules_links" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "modules" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "modules_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_modules_v_version_links" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_modules_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_modules_v_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "events_destinations" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "events_speakers" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "events_partners" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "events_audience" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "events" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "events_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_events_v_version_destinations" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_events_v_version_speakers" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_events_v_version_partners" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_events_v_version_audience" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_events_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_events_v_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "event_series_recurrence_exceptions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "event_series_audience" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "event_series" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "event_series_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_event_series_v_version_recurrence_exceptions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_event_series_v_version_audience" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_event_series_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_event_series_v_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "programmes" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_programmes_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "publications" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "publications_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_publications_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_publications_v_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "target_groups" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_target_groups_v" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "organisations_members" CASCADE;
  DROP TABLE "organisations_history" CASCADE;
  DROP TABLE "organisations_offer_formats_event_kinds" CASCADE;
  DROP TABLE "organisations_offer_formats" CASCADE;
  DROP TABLE "organisations_partners" CASCADE;
  DROP TABLE "organisations" CASCADE;
  DROP TABLE "organisations_rels" CASCADE;
  DROP TABLE "_organisations_v_version_members" CASCADE;
  DROP TABLE "_organisations_v_version_history" CASCADE;
  DROP TABLE "_organisations_v_version_offer_formats_event_kinds" CASCADE;
  DROP TABLE "_organisations_v_version_offer_formats" CASCADE;
  DROP TABLE "_organisations_v_version_partners" CASCADE;
  DROP TABLE "_organisations_v" CASCADE;
  DROP TABLE "_organisations_v_rels" CASCADE;
  DROP TABLE "people" CASCADE;
  DROP TABLE "_people_v" CASCADE;
  DROP TABLE "municipalities_memberships" CASCADE;
  DROP TABLE "municipalities" CASCADE;
  DROP TABLE "municipalities_rels" CASCADE;
  DROP TABLE "_municipalities_v_version_memberships" CASCADE;
  DROP TABLE "_municipalities_v" CASCADE;
  DROP TABLE "_municipalities_v_rels" CASCADE;
  DROP TABLE "program_areas_milestones" CASCADE;
  DROP TABLE "program_areas_downloads" CASCADE;
  DROP TABLE "program_areas" CASCADE;
  DROP TABLE "program_areas_rels" CASCADE;
  DROP TABLE "_program_areas_v_version_milestones" CASCADE;
  DROP TABLE "_program_areas_v_version_downloads" CASCADE;
  DROP TABLE "_program_areas_v" CASCADE;
  DROP TABLE "_program_areas_v_rels" CASCADE;
  DROP TABLE "fields_of_action_typical_measures" CASCADE;
  DROP TABLE "fields_of_action_links" CASCADE;
  DROP TABLE "fields_of_action" CASCADE;
  DROP TABLE "_fields_of_action_v_version_typical_measures" CASCADE;
  DROP TABLE "_fields_of_action_v_version_links" CASCADE;
  DROP TABLE "_fields_of_action_v" CASCADE;
  DROP TABLE "projects_awards" CASCADE;
  DROP TABLE "projects_links" CASCADE;
  DROP TABLE "projects" CASCADE;
  DROP TABLE "projects_rels" CASCADE;
  DROP TABLE "_projects_v_version_awards" CASCADE;
  DROP TABLE "_projects_v_version_links" CASCADE;
  DROP TABLE "_projects_v" CASCADE;
  DROP TABLE "_projects_v_rels" CASCADE;
  DROP TABLE "modules_links" CASCADE;
  DROP TABLE "modules" CASCADE;
  DROP TABLE "modules_rels" CASCADE;
  DROP TABLE "_modules_v_version_links" CASCADE;
  DROP TABLE "_modules_v" CASCADE;
  DROP TABLE "_modules_v_rels" CASCADE;
  DROP TABLE "events_destinations" CASCADE;
  DROP TABLE "events_speakers" CASCADE;
  DROP TABLE "events_partners" CASCADE;
  DROP TABLE "events_audience" CASCADE;
  DROP TABLE "events" CASCADE;
  DROP TABLE "events_rels" CASCADE;
  DROP TABLE "_events_v_version_destinations" CASCADE;
  DROP TABLE "_events_v_version_speakers" CASCADE;
  DROP TABLE "_events_v_version_partners" CASCADE;
  DROP TABLE "_events_v_version_audience" CASCADE;
  DROP TABLE "_events_v" CASCADE;
  DROP TABLE "_events_v_rels" CASCADE;
  DROP TABLE "event_series_recurrence_exceptions" CASCADE;
  DROP TABLE "event_series_audience" CASCADE;
  DROP TABLE "event_series" CASCADE;
  DROP TABLE "event_series_rels" CASCADE;
  DROP TABLE "_event_series_v_version_recurrence_exceptions" CASCADE;
  DROP TABLE "_event_series_v_version_audience" CASCADE;
  DROP TABLE "_event_series_v" CASCADE;
  DROP TABLE "_event_series_v_rels" CASCADE;
  DROP TABLE "programmes" CASCADE;
  DROP TABLE "_programmes_v" CASCADE;
  DROP TABLE "publications" CASCADE;
  DROP TABLE "publications_rels" CASCADE;
  DROP TABLE "_publications_v" CASCADE;
  DROP TABLE "_publications_v_rels" CASCADE;
  DROP TABLE "target_groups" CASCADE;
  DROP TABLE "_target_groups_v" CASCADE;
  ALTER TABLE "users" DROP CONSTRAINT IF EXISTS "users_municipality_id_municipalities_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_organisations_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_people_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_municipalities_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_program_areas_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_fields_of_action_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_projects_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_modules_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_events_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_event_series_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_programmes_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_publications_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_target_groups_fk";
  
  DROP INDEX IF EXISTS "users_municipality_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_organisations_id_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_people_id_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_municipalities_id_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_program_areas_id_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_fields_of_action_id_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_projects_id_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_modules_id_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_events_id_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_event_series_id_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_programmes_id_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_publications_id_idx";
  DROP INDEX IF EXISTS "payload_locked_documents_rels_target_groups_id_idx";
  ALTER TABLE "users" DROP COLUMN IF EXISTS "municipality_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN IF EXISTS "organisations_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN IF EXISTS "people_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN IF EXISTS "municipalities_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN IF EXISTS "program_areas_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN IF EXISTS "fields_of_action_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN IF EXISTS "projects_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN IF EXISTS "modules_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN IF EXISTS "events_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN IF EXISTS "event_series_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN IF EXISTS "programmes_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN IF EXISTS "publications_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN IF EXISTS "target_groups_id";
  DROP TYPE "public"."enum_organisations_members_function";
  DROP TYPE "public"."enum_organisations_history_precision";
  DROP TYPE "public"."enum_organisations_offer_formats_event_kinds";
  DROP TYPE "public"."enum_organisations_kind";
  DROP TYPE "public"."enum_organisations_status";
  DROP TYPE "public"."enum__organisations_v_version_members_function";
  DROP TYPE "public"."enum__organisations_v_version_history_precision";
  DROP TYPE "public"."enum__organisations_v_version_offer_formats_event_kinds";
  DROP TYPE "public"."enum__organisations_v_version_kind";
  DROP TYPE "public"."enum__organisations_v_version_status";
  DROP TYPE "public"."enum_people_status";
  DROP TYPE "public"."enum__people_v_version_status";
  DROP TYPE "public"."enum_municipalities_state";
  DROP TYPE "public"."enum_municipalities_status";
  DROP TYPE "public"."enum__municipalities_v_version_state";
  DROP TYPE "public"."enum__municipalities_v_version_status";
  DROP TYPE "public"."enum_program_areas_milestones_precision";
  DROP TYPE "public"."enum_program_areas_programme_status";
  DROP TYPE "public"."enum_program_areas_period_precision";
  DROP TYPE "public"."enum_program_areas_status";
  DROP TYPE "public"."enum__program_areas_v_version_milestones_precision";
  DROP TYPE "public"."enum__program_areas_v_version_programme_status";
  DROP TYPE "public"."enum__program_areas_v_version_period_precision";
  DROP TYPE "public"."enum__program_areas_v_version_status";
  DROP TYPE "public"."enum_fields_of_action_status";
  DROP TYPE "public"."enum__fields_of_action_v_version_status";
  DROP TYPE "public"."enum_projects_period_precision";
  DROP TYPE "public"."enum_projects_status";
  DROP TYPE "public"."enum__projects_v_version_period_precision";
  DROP TYPE "public"."enum__projects_v_version_status";
  DROP TYPE "public"."enum_modules_status";
  DROP TYPE "public"."enum__modules_v_version_status";
  DROP TYPE "public"."enum_events_speakers_role";
  DROP TYPE "public"."enum_events_audience";
  DROP TYPE "public"."enum_events_kind";
  DROP TYPE "public"."enum_events_format";
  DROP TYPE "public"."enum_events_start_tz";
  DROP TYPE "public"."enum_events_end_tz";
  DROP TYPE "public"."enum_events_status";
  DROP TYPE "public"."enum__events_v_version_speakers_role";
  DROP TYPE "public"."enum__events_v_version_audience";
  DROP TYPE "public"."enum__events_v_version_kind";
  DROP TYPE "public"."enum__events_v_version_format";
  DROP TYPE "public"."enum__events_v_version_start_tz";
  DROP TYPE "public"."enum__events_v_version_end_tz";
  DROP TYPE "public"."enum__events_v_version_status";
  DROP TYPE "public"."enum_event_series_recurrence_exceptions_action";
  DROP TYPE "public"."enum_event_series_audience";
  DROP TYPE "public"."enum_event_series_kind";
  DROP TYPE "public"."enum_event_series_default_format";
  DROP TYPE "public"."enum_event_series_status";
  DROP TYPE "public"."enum__event_series_v_version_recurrence_exceptions_action";
  DROP TYPE "public"."enum__event_series_v_version_audience";
  DROP TYPE "public"."enum__event_series_v_version_kind";
  DROP TYPE "public"."enum__event_series_v_version_default_format";
  DROP TYPE "public"."enum__event_series_v_version_status";
  DROP TYPE "public"."enum_programmes_level";
  DROP TYPE "public"."enum_programmes_kind";
  DROP TYPE "public"."enum_programmes_period_precision";
  DROP TYPE "public"."enum_programmes_status";
  DROP TYPE "public"."enum__programmes_v_version_level";
  DROP TYPE "public"."enum__programmes_v_version_kind";
  DROP TYPE "public"."enum__programmes_v_version_period_precision";
  DROP TYPE "public"."enum__programmes_v_version_status";
  DROP TYPE "public"."enum_publications_kind";
  DROP TYPE "public"."enum_publications_published_on_precision";
  DROP TYPE "public"."enum_publications_status";
  DROP TYPE "public"."enum__publications_v_version_kind";
  DROP TYPE "public"."enum__publications_v_version_published_on_precision";
  DROP TYPE "public"."enum__publications_v_version_status";
  DROP TYPE "public"."enum_target_groups_status";
  DROP TYPE "public"."enum__target_groups_v_version_status";`)
}
