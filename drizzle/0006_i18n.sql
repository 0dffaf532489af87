CREATE TABLE "translations" (
	"id" serial PRIMARY KEY NOT NULL,
	"entity_type" varchar(16) NOT NULL,
	"entity_id" integer NOT NULL,
	"field" varchar(16) NOT NULL,
	"locale" varchar(8) NOT NULL,
	"text" text NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "translations_entity_type_ck" CHECK ("translations"."entity_type" in ('indicator','objective','activity')),
	CONSTRAINT "translations_locale_ck" CHECK ("translations"."locale" in ('en','fr','es','ar'))
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "locale" varchar(8);--> statement-breakpoint
ALTER TABLE "translations" ADD CONSTRAINT "translations_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "translations_entity_field_locale_uq" ON "translations" USING btree ("entity_type","entity_id","field","locale");