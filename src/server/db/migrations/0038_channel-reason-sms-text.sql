ALTER TABLE "announcements" ADD COLUMN "sms_text" text;--> statement-breakpoint
ALTER TABLE "channel_limits" ADD COLUMN "last_error_reason" text;