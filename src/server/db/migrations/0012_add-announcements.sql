CREATE TABLE "announcement_households" (
	"announcement_id" integer NOT NULL,
	"household_id" integer NOT NULL,
	"group_id" integer,
	"people" integer NOT NULL,
	"read_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" integer,
	CONSTRAINT "announcement_households_pkey" PRIMARY KEY("announcement_id","household_id")
);
--> statement-breakpoint
CREATE TABLE "announcements" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "announcements_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"title" text NOT NULL,
	"body_html" text NOT NULL,
	"category" text NOT NULL,
	"priority" text DEFAULT 'NORMAL' NOT NULL,
	"audience" jsonb NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	"ack_requested" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'DRAFT' NOT NULL,
	"expires_at" timestamp with time zone,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "announcements_status_check" CHECK ("announcements"."status" in ('DRAFT', 'SENT', 'CANCELLED')),
	CONSTRAINT "announcements_category_check" CHECK ("announcements"."category" in ('POLICY', 'HEALTH', 'CAMPAIGN', 'EMERGENCY', 'EVENT', 'PROCEDURE')),
	CONSTRAINT "announcements_priority_check" CHECK ("announcements"."priority" in ('NORMAL', 'HIGH', 'URGENT'))
);
--> statement-breakpoint
ALTER TABLE "announcement_households" ADD CONSTRAINT "announcement_households_announcement_id_announcements_id_fk" FOREIGN KEY ("announcement_id") REFERENCES "public"."announcements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcement_households" ADD CONSTRAINT "announcement_households_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcement_households" ADD CONSTRAINT "announcement_households_group_id_units_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcement_households" ADD CONSTRAINT "announcement_households_acknowledged_by_citizens_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcements" ADD CONSTRAINT "announcements_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcements" ADD CONSTRAINT "announcements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "announcement_households_group_idx" ON "announcement_households" USING btree ("announcement_id","group_id");--> statement-breakpoint
CREATE INDEX "announcements_unit_idx" ON "announcements" USING btree ("unit_id","id");