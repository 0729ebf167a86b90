ALTER TABLE "household_members" ALTER COLUMN "joined_on" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "residents" ADD COLUMN "birth_precision" text DEFAULT 'DAY' NOT NULL;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "report" jsonb;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "notices" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "residents" ADD CONSTRAINT "residents_birth_precision_check" CHECK ("residents"."birth_precision" in ('DAY', 'MONTH', 'YEAR'));