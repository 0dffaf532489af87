CREATE TABLE "import_mappings" (
	"framework_code" varchar(64) PRIMARY KEY NOT NULL,
	"mapping" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "peer_group_members" (
	"group_id" integer NOT NULL,
	"country_iso3" char(3) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "peer_groups" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(120) NOT NULL,
	"description" varchar(1000),
	"visibility" varchar(8) NOT NULL,
	"owner_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "peer_groups_visibility_ck" CHECK ("peer_groups"."visibility" in ('shared','private'))
);
--> statement-breakpoint
CREATE TABLE "question_crosswalk" (
	"id" serial PRIMARY KEY NOT NULL,
	"from_indicator_id" integer NOT NULL,
	"to_indicator_id" integer NOT NULL,
	"comparable" boolean NOT NULL,
	"note" varchar(1000),
	CONSTRAINT "question_crosswalk_distinct_ck" CHECK ("question_crosswalk"."from_indicator_id" <> "question_crosswalk"."to_indicator_id")
);
--> statement-breakpoint
ALTER TABLE "import_mappings" ADD CONSTRAINT "import_mappings_framework_code_frameworks_code_fk" FOREIGN KEY ("framework_code") REFERENCES "public"."frameworks"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_group_members" ADD CONSTRAINT "peer_group_members_group_id_peer_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."peer_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_group_members" ADD CONSTRAINT "peer_group_members_country_iso3_countries_iso3_fk" FOREIGN KEY ("country_iso3") REFERENCES "public"."countries"("iso3") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_groups" ADD CONSTRAINT "peer_groups_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_crosswalk" ADD CONSTRAINT "question_crosswalk_from_indicator_id_indicators_id_fk" FOREIGN KEY ("from_indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_crosswalk" ADD CONSTRAINT "question_crosswalk_to_indicator_id_indicators_id_fk" FOREIGN KEY ("to_indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "peer_group_members_uq" ON "peer_group_members" USING btree ("group_id","country_iso3");--> statement-breakpoint
CREATE INDEX "peer_groups_owner_ix" ON "peer_groups" USING btree ("owner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "question_crosswalk_pair_uq" ON "question_crosswalk" USING btree ("from_indicator_id","to_indicator_id");--> statement-breakpoint
CREATE INDEX "question_crosswalk_to_ix" ON "question_crosswalk" USING btree ("to_indicator_id");