CREATE TABLE "campaign_targets" (
	"campaign_id" integer NOT NULL,
	"household_id" integer NOT NULL,
	"resident_id" integer,
	"unit_id" integer NOT NULL,
	"group_id" integer,
	"added_on" date DEFAULT current_date NOT NULL,
	"removed_on" date,
	"done_at" timestamp with time zone,
	"last_outcome" text,
	"best_time" text
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "campaigns_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"parent_id" integer,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"filters" jsonb NOT NULL,
	"checklist" jsonb NOT NULL,
	"target_rate" integer NOT NULL,
	"starts_on" date NOT NULL,
	"deadline" date NOT NULL,
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"refreshed_at" timestamp with time zone,
	CONSTRAINT "campaigns_kind_check" CHECK ("campaigns"."kind" in ('VNEID_L2', 'DIGITIZE', 'ONLINE_PAYMENT', 'SKILLS', 'CUSTOM')),
	CONSTRAINT "campaigns_level_check" CHECK ("campaigns"."level" in ('PERSON', 'HOUSEHOLD')),
	CONSTRAINT "campaigns_status_check" CHECK ("campaigns"."status" in ('ACTIVE', 'CLOSED')),
	CONSTRAINT "campaigns_rate_check" CHECK ("campaigns"."target_rate" between 1 and 100)
);
--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_targets_key" ON "campaign_targets" USING btree ("campaign_id","household_id",coalesce("resident_id", 0));--> statement-breakpoint
CREATE INDEX "campaign_targets_group_idx" ON "campaign_targets" USING btree ("campaign_id","group_id");--> statement-breakpoint
CREATE INDEX "campaigns_unit_idx" ON "campaigns" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "campaigns_parent_idx" ON "campaigns" USING btree ("parent_id");