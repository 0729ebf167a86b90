ALTER TABLE "dossiers" ADD COLUMN "applicant_language" text DEFAULT 'vi' NOT NULL;--> statement-breakpoint
ALTER TABLE "onestop_settings" ADD COLUMN "office_address" text;--> statement-breakpoint
ALTER TABLE "onestop_settings" ADD COLUMN "office_phone" text;--> statement-breakpoint
ALTER TABLE "procedures" ADD COLUMN "translations" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_applicant_language_check" CHECK ("dossiers"."applicant_language" in ('vi', 'en', 'ja', 'zh'));