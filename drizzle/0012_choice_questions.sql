ALTER TABLE "indicator_values" ADD COLUMN "choices" text[];--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "options" jsonb;