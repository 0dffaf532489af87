ALTER TABLE "audit_log" ADD COLUMN "plan_id" integer;--> statement-breakpoint
CREATE INDEX "audit_log_plan_ix" ON "audit_log" USING btree ("plan_id","id");--> statement-breakpoint
UPDATE "audit_log" SET "plan_id" = "entity_id"::integer WHERE "entity_type" = 'plan' AND "entity_id" ~ '^[0-9]{1,9}$';--> statement-breakpoint
UPDATE "audit_log" SET "plan_id" = coalesce("new"->>'planId', "old"->>'planId')::integer WHERE "entity_type" IN ('plan_objective', 'plan_activity', 'plan_indicator') AND coalesce("new"->>'planId', "old"->>'planId') ~ '^[0-9]{1,9}$';
