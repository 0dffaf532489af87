ALTER TABLE "audit_log" ADD COLUMN "channel" varchar(16);--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "channel_detail" varchar(300);--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_channel_ck" CHECK ("audit_log"."channel" in ('grid','web','upload','token','import','cli'));