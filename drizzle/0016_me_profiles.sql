CREATE TABLE "me_profile_sections" (
	"id" serial PRIMARY KEY NOT NULL,
	"country_iso3" char(3) NOT NULL,
	"section" text NOT NULL,
	"published_content" jsonb,
	"published_dataset" text,
	"published_loaded_at" timestamp with time zone,
	"approved_content" jsonb,
	"approved_by" integer,
	"approved_at" timestamp with time zone,
	"draft_content" jsonb,
	"draft_state" text,
	"draft_reason" varchar(1000),
	"draft_updated_by" integer,
	"draft_updated_at" timestamp with time zone,
	"draft_submitted_by" integer,
	"draft_submitted_at" timestamp with time zone,
	"version" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "me_profile_sections_section_ck" CHECK ("me_profile_sections"."section" in ('audience','questions','indicators','governance','timelines','me_plan','resources','reviews','learning')),
	CONSTRAINT "me_profile_sections_state_ck" CHECK ("me_profile_sections"."draft_state" in ('draft','submitted','returned')),
	CONSTRAINT "me_profile_sections_draft_ck" CHECK (("me_profile_sections"."draft_content" is null) = ("me_profile_sections"."draft_state" is null) and ("me_profile_sections"."draft_content" is null or "me_profile_sections"."draft_updated_at" is not null)),
	CONSTRAINT "me_profile_sections_approved_ck" CHECK (("me_profile_sections"."approved_content" is null) = ("me_profile_sections"."approved_at" is null)),
	CONSTRAINT "me_profile_sections_published_ck" CHECK (("me_profile_sections"."published_content" is null) = ("me_profile_sections"."published_dataset" is null) and ("me_profile_sections"."published_content" is null) = ("me_profile_sections"."published_loaded_at" is null)),
	CONSTRAINT "me_profile_sections_version_ck" CHECK ("me_profile_sections"."version" >= 0)
);
--> statement-breakpoint
ALTER TABLE "me_profile_sections" ADD CONSTRAINT "me_profile_sections_country_iso3_countries_iso3_fk" FOREIGN KEY ("country_iso3") REFERENCES "public"."countries"("iso3") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "me_profile_sections" ADD CONSTRAINT "me_profile_sections_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "me_profile_sections" ADD CONSTRAINT "me_profile_sections_draft_updated_by_users_id_fk" FOREIGN KEY ("draft_updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "me_profile_sections" ADD CONSTRAINT "me_profile_sections_draft_submitted_by_users_id_fk" FOREIGN KEY ("draft_submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "me_profile_sections_uq" ON "me_profile_sections" USING btree ("country_iso3","section");