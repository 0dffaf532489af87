CREATE TABLE "plan_interventions" (
	"id" serial PRIMARY KEY NOT NULL,
	"objective_id" integer NOT NULL,
	"code" varchar(32) NOT NULL,
	"title" varchar(1000) NOT NULL,
	"strategic_objective_code" varchar(32),
	"strategic_objective_title" varchar(1000),
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "plan_interventions_strategic_ck" CHECK (("plan_interventions"."strategic_objective_code" is null) = ("plan_interventions"."strategic_objective_title" is null))
);
--> statement-breakpoint
CREATE TABLE "plan_objective_budgets" (
	"objective_id" integer NOT NULL,
	"plan_year" smallint NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"source" varchar(500),
	CONSTRAINT "plan_objective_budgets_objective_id_plan_year_pk" PRIMARY KEY("objective_id","plan_year"),
	CONSTRAINT "plan_objective_budgets_year_ck" CHECK ("plan_objective_budgets"."plan_year" between 1 and 50),
	CONSTRAINT "plan_objective_budgets_amount_ck" CHECK ("plan_objective_budgets"."amount" >= 0)
);
--> statement-breakpoint
ALTER TABLE "plan_activities" DROP CONSTRAINT "plan_activities_status_ck";--> statement-breakpoint
ALTER TABLE "plan_activities" ALTER COLUMN "lead_agency" SET DATA TYPE varchar(300);--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "calculation" text;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "collection_method" text;--> statement-breakpoint
ALTER TABLE "plan_activities" ADD COLUMN "intervention_id" integer;--> statement-breakpoint
ALTER TABLE "plan_activities" ADD COLUMN "timeline" varchar(300);--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD COLUMN "intervention_id" integer;--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD COLUMN "activity_id" integer;--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD COLUMN "planning_element_kind" varchar(16);--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD COLUMN "planning_element" text;--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD COLUMN "type_text" text;--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD COLUMN "target_text" text;--> statement-breakpoint
ALTER TABLE "plan_objectives" ADD COLUMN "published_rate" numeric(5, 1);--> statement-breakpoint
ALTER TABLE "plan_objectives" ADD COLUMN "published_rate_note" text;--> statement-breakpoint
ALTER TABLE "plan_objectives" ADD COLUMN "published_rate_source" text;--> statement-breakpoint
ALTER TABLE "plan_interventions" ADD CONSTRAINT "plan_interventions_objective_id_plan_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."plan_objectives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_objective_budgets" ADD CONSTRAINT "plan_objective_budgets_objective_id_plan_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."plan_objectives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_interventions_code_uq" ON "plan_interventions" USING btree ("objective_id","code");--> statement-breakpoint
ALTER TABLE "plan_activities" ADD CONSTRAINT "plan_activities_intervention_id_plan_interventions_id_fk" FOREIGN KEY ("intervention_id") REFERENCES "public"."plan_interventions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD CONSTRAINT "plan_indicators_intervention_id_plan_interventions_id_fk" FOREIGN KEY ("intervention_id") REFERENCES "public"."plan_interventions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD CONSTRAINT "plan_indicators_activity_id_plan_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."plan_activities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_activities_intervention_ix" ON "plan_activities" USING btree ("intervention_id");--> statement-breakpoint
ALTER TABLE "plan_activities" ADD CONSTRAINT "plan_activities_status_ck" CHECK ("plan_activities"."implementation_status" in ('not_started','ongoing','completed','cancelled','not_reported'));--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD CONSTRAINT "plan_indicators_element_ck" CHECK ("plan_indicators"."planning_element_kind" in ('objective','intervention','activity') and "plan_indicators"."planning_element" is not null or "plan_indicators"."planning_element_kind" is null);--> statement-breakpoint
ALTER TABLE "plan_objectives" ADD CONSTRAINT "plan_objectives_published_rate_ck" CHECK ("plan_objectives"."published_rate" between 0 and 100);--> statement-breakpoint
ALTER TABLE "plan_objectives" ADD CONSTRAINT "plan_objectives_published_source_ck" CHECK (("plan_objectives"."published_rate" is null and "plan_objectives"."published_rate_note" is null) or "plan_objectives"."published_rate_source" is not null);