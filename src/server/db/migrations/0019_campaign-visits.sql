CREATE TABLE "campaign_visits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"household_id" integer NOT NULL,
	"recorded_by" integer NOT NULL,
	"member_id" integer,
	"visited_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"outcome" text NOT NULL,
	"best_time" text,
	"note" text,
	"people" jsonb NOT NULL,
	"base_version" integer NOT NULL,
	"status" text NOT NULL,
	"conflict" text,
	"resolved_by" integer,
	"resolved_at" timestamp with time zone,
	CONSTRAINT "campaign_visits_status_check" CHECK ("campaign_visits"."status" in ('APPLIED', 'CONFLICT', 'RESOLVED', 'DISMISSED')),
	CONSTRAINT "campaign_visits_outcome_check" CHECK ("campaign_visits"."outcome" in ('DONE', 'VNEID_L2_ACTIVATED', 'NEEDS_POLICE_VISIT', 'NO_SMARTPHONE', 'NOT_HOME', 'REFUSED', 'MOVED'))
);
--> statement-breakpoint
ALTER TABLE "campaign_targets" ADD COLUMN "last_visit_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "campaign_targets" ADD COLUMN "checks" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "guide" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "campaign_visits_household_idx" ON "campaign_visits" USING btree ("campaign_id","household_id");--> statement-breakpoint
CREATE INDEX "campaign_visits_conflicts_idx" ON "campaign_visits" USING btree ("campaign_id") WHERE "campaign_visits"."status" = 'CONFLICT';