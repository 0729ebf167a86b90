ALTER TABLE "scorecard_values" ADD COLUMN "target" double precision;--> statement-breakpoint
ALTER TABLE "scorecard_values" ADD COLUMN "target_inherited" boolean;--> statement-breakpoint
ALTER TABLE "scorecard_values" ADD COLUMN "light" text;