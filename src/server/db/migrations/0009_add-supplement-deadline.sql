ALTER TABLE "dossiers" ADD COLUMN "supplement_due_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "dossiers_supplement_due_idx" ON "dossiers" USING btree ("supplement_due_at") WHERE "status" = 'SUPPLEMENT_REQUESTED' AND "supplement_due_at" IS NOT NULL;
