ALTER TABLE "deliveries" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "channel_limits" ADD COLUMN "price_vnd" integer;--> statement-breakpoint
ALTER TABLE "channel_limits" ADD COLUMN "last_success_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "channel_limits" ADD COLUMN "last_error_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "channel_limits" ADD COLUMN "last_error" text;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_reason_check" CHECK ("deliveries"."reason" in ('NOT_CONFIGURED', 'REFUSED', 'UNSUBSCRIBED', 'EXPIRED', 'UNDELIVERABLE', 'PROVIDER_ERROR', 'QUIET_HOURS', 'DAILY_LIMIT'));--> statement-breakpoint
-- Hand-written: failures recorded before reasons were kept get theirs from the error text the pipeline wrote.
UPDATE "deliveries" SET "reason" = CASE
    WHEN "last_error" LIKE '%provider not configured' THEN 'NOT_CONFIGURED'
    WHEN "last_error" LIKE 'expired%' THEN 'EXPIRED'
    WHEN "last_error" LIKE 'reported undeliverable%' THEN 'UNDELIVERABLE'
    WHEN "status" = 'permanent-failure' THEN 'REFUSED'
    ELSE 'PROVIDER_ERROR' END
  WHERE "status" IN ('permanent-failure', 'technical-failure', 'temporary-failure');
