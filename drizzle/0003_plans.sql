CREATE TABLE "plan_activities" (
	"id" serial PRIMARY KEY NOT NULL,
	"objective_id" integer NOT NULL,
	"code" varchar(32) NOT NULL,
	"title" varchar(500) NOT NULL,
	"sectors" text[] DEFAULT '{}'::text[] NOT NULL,
	"lead_agency" varchar(200),
	"planned_start" date,
	"planned_end" date,
	"budget" numeric(14, 2),
	"currency" char(3),
	"funding_status" varchar(8),
	"implementation_status" varchar(16) DEFAULT 'not_started' NOT NULL,
	"percent_complete" smallint,
	"illustrative" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_activities_funding_ck" CHECK ("plan_activities"."funding_status" in ('funded','partly','unfunded')),
	CONSTRAINT "plan_activities_status_ck" CHECK ("plan_activities"."implementation_status" in ('not_started','ongoing','completed','cancelled')),
	CONSTRAINT "plan_activities_percent_ck" CHECK ("plan_activities"."percent_complete" between 0 and 100),
	CONSTRAINT "plan_activities_dates_ck" CHECK ("plan_activities"."planned_end" >= "plan_activities"."planned_start"),
	CONSTRAINT "plan_activities_budget_ck" CHECK ("plan_activities"."budget" is null or ("plan_activities"."budget" >= 0 and "plan_activities"."currency" is not null))
);
--> statement-breakpoint
CREATE TABLE "plan_indicators" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"objective_id" integer,
	"indicator_id" integer NOT NULL,
	"baseline_value" double precision,
	"baseline_level" char(1),
	"baseline_year" smallint,
	"baseline_source" varchar(500),
	"direction" varchar(16) NOT NULL,
	"result_level" varchar(16),
	"sort_order" integer DEFAULT 0 NOT NULL,
	"illustrative" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "plan_indicators_direction_ck" CHECK ("plan_indicators"."direction" in ('increase','decrease','maintain')),
	CONSTRAINT "plan_indicators_result_level_ck" CHECK ("plan_indicators"."result_level" in ('input','process','output','outcome','impact')),
	CONSTRAINT "plan_indicators_level_ck" CHECK ("plan_indicators"."baseline_level" in ('A','B','C','D','E')),
	CONSTRAINT "plan_indicators_baseline_ck" CHECK (("plan_indicators"."baseline_value" is null or "plan_indicators"."baseline_level" is null) and (("plan_indicators"."baseline_value" is null and "plan_indicators"."baseline_level" is null) or "plan_indicators"."baseline_year" is not null)),
	CONSTRAINT "plan_indicators_year_ck" CHECK ("plan_indicators"."baseline_year" between 1990 and 2100)
);
--> statement-breakpoint
CREATE TABLE "plan_objectives" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"code" varchar(16) NOT NULL,
	"title" varchar(500) NOT NULL,
	"gap_objective" smallint,
	"budget" numeric(14, 2),
	"currency" char(3),
	"sort_order" integer DEFAULT 0 NOT NULL,
	"illustrative" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "plan_objectives_gap_ck" CHECK ("plan_objectives"."gap_objective" between 1 and 5),
	CONSTRAINT "plan_objectives_budget_ck" CHECK ("plan_objectives"."budget" is null or ("plan_objectives"."budget" >= 0 and "plan_objectives"."currency" is not null))
);
--> statement-breakpoint
CREATE TABLE "plan_targets" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_indicator_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"value" double precision,
	"level" char(1),
	"illustrative" boolean DEFAULT false NOT NULL,
	CONSTRAINT "plan_targets_one_ck" CHECK (("plan_targets"."value" is null) <> ("plan_targets"."level" is null)),
	CONSTRAINT "plan_targets_level_ck" CHECK ("plan_targets"."level" in ('A','B','C','D','E')),
	CONSTRAINT "plan_targets_year_ck" CHECK ("plan_targets"."year" between 1990 and 2100)
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"country_iso3" char(3) NOT NULL,
	"title" varchar(300) NOT NULL,
	"period_start" smallint NOT NULL,
	"period_end" smallint NOT NULL,
	"status" varchar(16) DEFAULT 'draft' NOT NULL,
	"generation" smallint DEFAULT 1 NOT NULL,
	"source_note" varchar(2000),
	"illustrative" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_status_ck" CHECK ("plans"."status" in ('draft','approved','implementing','closed')),
	CONSTRAINT "plans_period_ck" CHECK ("plans"."period_start" between 1990 and 2100 and "plans"."period_end" between "plans"."period_start" and 2100),
	CONSTRAINT "plans_generation_ck" CHECK ("plans"."generation" between 1 and 99)
);
--> statement-breakpoint
ALTER TABLE "plan_activities" ADD CONSTRAINT "plan_activities_objective_id_plan_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."plan_objectives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD CONSTRAINT "plan_indicators_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD CONSTRAINT "plan_indicators_objective_id_plan_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."plan_objectives"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD CONSTRAINT "plan_indicators_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_objectives" ADD CONSTRAINT "plan_objectives_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_targets" ADD CONSTRAINT "plan_targets_plan_indicator_id_plan_indicators_id_fk" FOREIGN KEY ("plan_indicator_id") REFERENCES "public"."plan_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_country_iso3_countries_iso3_fk" FOREIGN KEY ("country_iso3") REFERENCES "public"."countries"("iso3") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_activities_code_uq" ON "plan_activities" USING btree ("objective_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_indicators_uq" ON "plan_indicators" USING btree ("plan_id","indicator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_objectives_code_uq" ON "plan_objectives" USING btree ("plan_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_targets_year_uq" ON "plan_targets" USING btree ("plan_indicator_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "plans_country_generation_uq" ON "plans" USING btree ("country_iso3","generation");