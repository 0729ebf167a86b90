ALTER TABLE "group_join_requests" DROP CONSTRAINT "group_join_requests_language_check";--> statement-breakpoint
ALTER TABLE "group_members" DROP CONSTRAINT "group_members_language_check";--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "applicant_language" text DEFAULT 'vi' NOT NULL;--> statement-breakpoint
ALTER TABLE "onestop_settings" ADD COLUMN "office_address" text;--> statement-breakpoint
ALTER TABLE "onestop_settings" ADD COLUMN "office_phone" text;--> statement-breakpoint
ALTER TABLE "procedures" ADD COLUMN "translations" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_applicant_language_check" CHECK ("dossiers"."applicant_language" in ('vi', 'en', 'ja', 'zh'));--> statement-breakpoint
ALTER TABLE "group_join_requests" ADD CONSTRAINT "group_join_requests_language_check" CHECK ("group_join_requests"."language" in ('vi', 'en', 'ja', 'zh'));--> statement-breakpoint
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_language_check" CHECK ("group_members"."language" in ('vi', 'en', 'ja', 'zh'));