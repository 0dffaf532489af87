CREATE TABLE "countries" (
	"iso3" char(3) PRIMARY KEY NOT NULL,
	"iso2" char(2),
	"m49_code" varchar(3),
	"name" text NOT NULL,
	"iso_name" text NOT NULL,
	"who_member" boolean NOT NULL,
	"who_region" varchar(4),
	"un_region" text,
	"un_subregion" text,
	"income_group" varchar(3)
);
--> statement-breakpoint
CREATE TABLE "frameworks" (
	"code" varchar(64) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" varchar(16) NOT NULL,
	"description" text,
	"source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" varchar(32) NOT NULL,
	"framework_code" varchar(64),
	"period_code" varchar(32),
	"file_name" text NOT NULL,
	"sha256" char(64) NOT NULL,
	"row_count" integer NOT NULL,
	"value_count" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_values" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"country_iso3" char(3) NOT NULL,
	"indicator_id" integer NOT NULL,
	"period_id" integer NOT NULL,
	"status" varchar(16) DEFAULT 'reported' NOT NULL,
	"level" char(1),
	"numeric_value" double precision,
	"numerator" double precision,
	"denominator" double precision,
	"text_value" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_values_level_ck" CHECK ("indicator_values"."level" in ('A','B','C','D','E')),
	CONSTRAINT "indicator_values_denominator_ck" CHECK ("indicator_values"."denominator" is null or "indicator_values"."denominator" <> 0),
	CONSTRAINT "indicator_values_status_ck" CHECK ("indicator_values"."status" in ('reported','no_data','not_applicable'))
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" serial PRIMARY KEY NOT NULL,
	"framework_code" varchar(64) NOT NULL,
	"code" varchar(32) NOT NULL,
	"question_code" varchar(32),
	"sort_order" integer NOT NULL,
	"name" text NOT NULL,
	"sub_item" text,
	"definition" text,
	"section" text,
	"measure_type" varchar(16) NOT NULL,
	"unit" text,
	"numerator_label" text,
	"denominator_label" text,
	"direction" varchar(16) DEFAULT 'increase' NOT NULL,
	"levels" jsonb,
	"gap_objective" smallint,
	"sectors" text[] DEFAULT '{}'::text[] NOT NULL,
	"result_level" varchar(16),
	"data_source" text,
	"frequency" text,
	"source_column" text,
	CONSTRAINT "indicators_gap_objective_ck" CHECK ("indicators"."gap_objective" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "periods" (
	"id" serial PRIMARY KEY NOT NULL,
	"framework_code" varchar(64) NOT NULL,
	"code" varchar(32) NOT NULL,
	"label" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL
);
--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_country_iso3_countries_iso3_fk" FOREIGN KEY ("country_iso3") REFERENCES "public"."countries"("iso3") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_framework_code_frameworks_code_fk" FOREIGN KEY ("framework_code") REFERENCES "public"."frameworks"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "periods" ADD CONSTRAINT "periods_framework_code_frameworks_code_fk" FOREIGN KEY ("framework_code") REFERENCES "public"."frameworks"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_values_key_uq" ON "indicator_values" USING btree ("country_iso3","indicator_id","period_id");--> statement-breakpoint
CREATE INDEX "indicator_values_compare_ix" ON "indicator_values" USING btree ("indicator_id","period_id","country_iso3","level");--> statement-breakpoint
CREATE UNIQUE INDEX "indicators_framework_code_uq" ON "indicators" USING btree ("framework_code","code");--> statement-breakpoint
CREATE UNIQUE INDEX "periods_framework_code_uq" ON "periods" USING btree ("framework_code","code");