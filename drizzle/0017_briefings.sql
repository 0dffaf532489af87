CREATE TABLE "briefing_packs" (
	"id" serial PRIMARY KEY NOT NULL,
	"session_id" integer NOT NULL,
	"format" varchar(4) NOT NULL,
	"lang" varchar(2) NOT NULL,
	"content" "bytea" NOT NULL,
	"bytes" integer NOT NULL,
	"sha256" char(64) NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "briefing_packs_format_ck" CHECK ("briefing_packs"."format" in ('pdf','xlsx'))
);
--> statement-breakpoint
CREATE TABLE "briefing_sessions" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" varchar(200) NOT NULL,
	"date" date,
	"group_type" varchar(16) NOT NULL,
	"group" varchar(2000),
	"case_study" char(3),
	"topics" text[] NOT NULL,
	"agenda" varchar(4000),
	"lang" varchar(2) NOT NULL,
	"countries" jsonb NOT NULL,
	"started_from" integer,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "briefing_sessions_lang_ck" CHECK ("briefing_sessions"."lang" in ('en','fr','es','ar'))
);
--> statement-breakpoint
ALTER TABLE "briefing_packs" ADD CONSTRAINT "briefing_packs_session_id_briefing_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."briefing_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_packs" ADD CONSTRAINT "briefing_packs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_sessions" ADD CONSTRAINT "briefing_sessions_case_study_countries_iso3_fk" FOREIGN KEY ("case_study") REFERENCES "public"."countries"("iso3") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_sessions" ADD CONSTRAINT "briefing_sessions_started_from_briefing_sessions_id_fk" FOREIGN KEY ("started_from") REFERENCES "public"."briefing_sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_sessions" ADD CONSTRAINT "briefing_sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "briefing_packs_session_ix" ON "briefing_packs" USING btree ("session_id","id");--> statement-breakpoint
CREATE INDEX "briefing_sessions_updated_ix" ON "briefing_sessions" USING btree ("updated_at");