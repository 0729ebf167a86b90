ALTER TABLE "import_jobs" ADD COLUMN "report" jsonb;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "notices" jsonb DEFAULT '[]'::jsonb NOT NULL;