CREATE TABLE "announcement_files" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "announcement_files_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"announcement_id" integer NOT NULL,
	"name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "broadcasts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "broadcasts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"announcement_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"air_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'PLANNED' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "broadcasts_status_check" CHECK ("broadcasts"."status" in ('PLANNED', 'AIRED', 'CANCELLED'))
);
--> statement-breakpoint
CREATE TABLE "channel_limits" (
	"channel" text PRIMARY KEY NOT NULL,
	"per_minute" integer NOT NULL,
	"per_day" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "channel_usage" (
	"channel" text NOT NULL,
	"window" text NOT NULL,
	"sent" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "channel_usage_pkey" PRIMARY KEY("channel","window")
);
--> statement-breakpoint
CREATE TABLE "group_members" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "group_members_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"group_id" integer NOT NULL,
	"household_id" integer NOT NULL,
	"resident_id" integer,
	"phone_enc" text NOT NULL,
	"phone_bidx" text NOT NULL,
	"language" text DEFAULT 'vi' NOT NULL,
	"manage_token_hash" text NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	"left_at" timestamp with time zone,
	CONSTRAINT "group_members_language_check" CHECK ("group_members"."language" in ('vi', 'en'))
);
--> statement-breakpoint
CREATE TABLE "member_channels" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "member_channels_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"member_id" integer NOT NULL,
	"channel" text NOT NULL,
	"rank" integer NOT NULL,
	"address_enc" text,
	"address_bidx" text,
	"link_code" text,
	"active" boolean DEFAULT true NOT NULL,
	"unsubscribed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_channels_channel_check" CHECK ("member_channels"."channel" in ('ZALO', 'ZNS', 'SMS', 'EMAIL', 'PUSH'))
);
--> statement-breakpoint
CREATE TABLE "staff_group_members" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "staff_group_members_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"staff_group_id" integer NOT NULL,
	"full_name" text NOT NULL,
	"title" text,
	"phone_enc" text,
	"email_enc" text,
	"removed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "staff_groups" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "staff_groups_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_groups_kind_check" CHECK ("staff_groups"."kind" in ('GROUP_HEADS', 'PARTY_CELLS', 'ASSOCIATION', 'OTHER'))
);
--> statement-breakpoint
CREATE TABLE "webhook_events" (
	"source" text NOT NULL,
	"event_key" text NOT NULL,
	"event_name" text NOT NULL,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "zalo_followers" (
	"follower_id" text PRIMARY KEY NOT NULL,
	"followed_at" timestamp with time zone,
	"unfollowed_at" timestamp with time zone,
	"last_interaction_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "zalo_tokens" (
	"oa_id" text PRIMARY KEY NOT NULL,
	"access_enc" text,
	"refresh_enc" text NOT NULL,
	"expires_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "phone_codes" DROP CONSTRAINT "phone_codes_purpose_check";--> statement-breakpoint
ALTER TABLE "announcements" DROP CONSTRAINT "announcements_status_check";--> statement-breakpoint
ALTER TABLE "deliveries" DROP CONSTRAINT "deliveries_channel_check";--> statement-breakpoint
ALTER TABLE "announcement_households" DROP CONSTRAINT "announcement_households_announcement_id_announcements_id_fk";
--> statement-breakpoint
ALTER TABLE "announcement_households" DROP CONSTRAINT "announcement_households_household_id_households_id_fk";
--> statement-breakpoint
ALTER TABLE "announcement_households" DROP CONSTRAINT "announcement_households_group_id_units_id_fk";
--> statement-breakpoint
ALTER TABLE "announcement_households" DROP CONSTRAINT "announcement_households_acknowledged_by_citizens_id_fk";
--> statement-breakpoint
ALTER TABLE "deliveries" DROP CONSTRAINT "deliveries_announcement_id_announcements_id_fk";
--> statement-breakpoint
ALTER TABLE "deliveries" DROP CONSTRAINT "deliveries_household_id_households_id_fk";
--> statement-breakpoint
DROP INDEX "deliveries_announcement_idx";--> statement-breakpoint
DROP INDEX "deliveries_due_idx";--> statement-breakpoint
ALTER TABLE "deliveries" ALTER COLUMN "household_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "announcements" ADD COLUMN "scheduled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "announcements" ADD COLUMN "translations" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "resident_id" integer;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "staff_member_id" integer;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "member_channel_id" integer;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "step" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "language" text DEFAULT 'vi' NOT NULL;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "provider_ref" text;--> statement-breakpoint
ALTER TABLE "announcement_files" ADD CONSTRAINT "announcement_files_announcement_id_announcements_id_fk" FOREIGN KEY ("announcement_id") REFERENCES "public"."announcements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broadcasts" ADD CONSTRAINT "broadcasts_announcement_id_announcements_id_fk" FOREIGN KEY ("announcement_id") REFERENCES "public"."announcements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broadcasts" ADD CONSTRAINT "broadcasts_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_group_id_units_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_channels" ADD CONSTRAINT "member_channels_member_id_group_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."group_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_group_members" ADD CONSTRAINT "staff_group_members_staff_group_id_staff_groups_id_fk" FOREIGN KEY ("staff_group_id") REFERENCES "public"."staff_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_groups" ADD CONSTRAINT "staff_groups_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "announcement_files_announcement_idx" ON "announcement_files" USING btree ("announcement_id");--> statement-breakpoint
CREATE INDEX "broadcasts_announcement_idx" ON "broadcasts" USING btree ("announcement_id","air_at");--> statement-breakpoint
CREATE UNIQUE INDEX "group_members_phone_key" ON "group_members" USING btree ("household_id","phone_bidx") WHERE "group_members"."left_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "group_members_token_key" ON "group_members" USING btree ("manage_token_hash");--> statement-breakpoint
CREATE INDEX "group_members_group_idx" ON "group_members" USING btree ("group_id","household_id");--> statement-breakpoint
CREATE INDEX "group_members_resident_idx" ON "group_members" USING btree ("resident_id") WHERE "group_members"."left_at" is null;--> statement-breakpoint
CREATE INDEX "member_channels_member_idx" ON "member_channels" USING btree ("member_id","rank");--> statement-breakpoint
CREATE INDEX "member_channels_address_idx" ON "member_channels" USING btree ("channel","address_bidx");--> statement-breakpoint
CREATE UNIQUE INDEX "member_channels_link_code_key" ON "member_channels" USING btree ("link_code") WHERE "member_channels"."link_code" is not null;--> statement-breakpoint
CREATE INDEX "staff_group_members_group_idx" ON "staff_group_members" USING btree ("staff_group_id");--> statement-breakpoint
CREATE INDEX "staff_groups_unit_idx" ON "staff_groups" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_events_key" ON "webhook_events" USING btree ("source","event_key");--> statement-breakpoint
CREATE UNIQUE INDEX "deliveries_household_step_key" ON "deliveries" USING btree ("announcement_id","household_id",coalesce("resident_id", 0),"step");--> statement-breakpoint
CREATE UNIQUE INDEX "deliveries_staff_step_key" ON "deliveries" USING btree ("announcement_id","staff_member_id","step") WHERE "deliveries"."staff_member_id" is not null;--> statement-breakpoint
CREATE INDEX "deliveries_sent_idx" ON "deliveries" USING btree ("channel","sent_at") WHERE "deliveries"."sent_at" is not null;--> statement-breakpoint
CREATE INDEX "deliveries_provider_ref_idx" ON "deliveries" USING btree ("provider_ref") WHERE "deliveries"."provider_ref" is not null;--> statement-breakpoint
CREATE INDEX "deliveries_due_idx" ON "deliveries" USING btree ("channel","next_attempt_at","id") WHERE "deliveries"."status" in ('created', 'temporary-failure', 'sending');--> statement-breakpoint
ALTER TABLE "phone_codes" ADD CONSTRAINT "phone_codes_purpose_check" CHECK ("phone_codes"."purpose" in ('REGISTER', 'JOIN'));--> statement-breakpoint
ALTER TABLE "announcements" ADD CONSTRAINT "announcements_status_check" CHECK ("announcements"."status" in ('DRAFT', 'SCHEDULED', 'SENT', 'CANCELLED'));--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_recipient_check" CHECK (("deliveries"."household_id" is null) <> ("deliveries"."staff_member_id" is null));--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_channel_check" CHECK ("deliveries"."channel" in ('SMS', 'EMAIL', 'ZALO', 'ZNS', 'PUSH'));--> statement-breakpoint
-- Starting limits per channel (unconfirmed: each provider's contract sets its own; staff edit these rows).
INSERT INTO "channel_limits" ("channel", "per_minute", "per_day") VALUES
  ('SMS', 600, 50000), ('ZNS', 600, 20000), ('ZALO', 600, 50000), ('EMAIL', 300, 20000), ('PUSH', 6000, 1000000);
