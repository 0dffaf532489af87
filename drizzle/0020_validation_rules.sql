ALTER TABLE "plan_indicators" ADD COLUMN "rule_min" double precision;--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD COLUMN "rule_max" double precision;--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD COLUMN "rule_jump_percent" double precision;--> statement-breakpoint
ALTER TABLE "value_comments" ADD COLUMN "kind" varchar(16) DEFAULT 'entry' NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD CONSTRAINT "plan_indicators_rule_range_ck" CHECK ("plan_indicators"."rule_min" is null or "plan_indicators"."rule_max" is null or "plan_indicators"."rule_min" <= "plan_indicators"."rule_max");--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD CONSTRAINT "plan_indicators_rule_jump_ck" CHECK ("plan_indicators"."rule_jump_percent" > 0);--> statement-breakpoint
ALTER TABLE "value_comments" ADD CONSTRAINT "value_comments_kind_ck" CHECK ("value_comments"."kind" in ('entry','validator'));