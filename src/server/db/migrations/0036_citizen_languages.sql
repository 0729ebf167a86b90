ALTER TABLE "onestop_settings" ADD COLUMN "office_address" text;--> statement-breakpoint
ALTER TABLE "onestop_settings" ADD COLUMN "office_phone" text;--> statement-breakpoint
ALTER TABLE "procedures" ADD COLUMN "translations" jsonb DEFAULT '{}'::jsonb NOT NULL;