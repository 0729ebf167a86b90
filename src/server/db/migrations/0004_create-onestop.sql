CREATE TABLE "calendar_days" (
	"day" date PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"source" text DEFAULT 'ADMIN' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_days_kind_check" CHECK ("calendar_days"."kind" in ('HOLIDAY', 'WORKDAY')),
	CONSTRAINT "calendar_days_source_check" CHECK ("calendar_days"."source" in ('RULE', 'ADMIN'))
);
--> statement-breakpoint
CREATE TABLE "dossier_counters" (
	"unit_id" integer NOT NULL,
	"day" date NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "dossier_counters_pkey" PRIMARY KEY("unit_id","day")
);
--> statement-breakpoint
CREATE TABLE "dossier_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dossier_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"dossier_id" integer NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_user_id" integer,
	"actor_name" text,
	"reason" text,
	"form_type" text,
	"data" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossier_events_actor_check" CHECK ("dossier_events"."actor_kind" in ('STAFF', 'APPLICANT', 'SYSTEM'))
);
--> statement-breakpoint
CREATE TABLE "dossier_files" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dossier_files_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"dossier_id" integer,
	"upload_key" text,
	"kind" text NOT NULL,
	"label" text,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossier_files_kind_check" CHECK ("dossier_files"."kind" in ('UPLOAD', 'SCAN', 'RESULT')),
	CONSTRAINT "dossier_files_mime_check" CHECK ("dossier_files"."mime" in ('application/pdf', 'image/jpeg', 'image/png'))
);
--> statement-breakpoint
CREATE TABLE "dossiers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dossiers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"lookup_token" text NOT NULL,
	"unit_id" integer NOT NULL,
	"procedure_id" integer NOT NULL,
	"bundle_id" integer,
	"channel" text NOT NULL,
	"status" text DEFAULT 'NEW' NOT NULL,
	"awaiting_approval" boolean DEFAULT false NOT NULL,
	"status_before_supplement" text,
	"applicant_name" text NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"applicant_pid_enc" text,
	"applicant_pid_bidx" text,
	"applicant_phone_enc" text,
	"applicant_phone_bidx" text,
	"applicant_email" text,
	"applicant_address" text,
	"resident_id" integer,
	"form_data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"return_method" text NOT NULL,
	"postal_address" text,
	"fee_amount" integer DEFAULT 0 NOT NULL,
	"paid_at" timestamp with time zone,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"received_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"extended_due_at" timestamp with time zone,
	"paused_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"returned_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"on_time" boolean,
	"assignee_id" integer,
	"created_by" integer,
	"rating" text,
	"rating_comment" text,
	"rated_at" timestamp with time zone,
	"idempotency_key" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossiers_status_check" CHECK ("dossiers"."status" in ('NEW', 'RECEIVED', 'REFUSED', 'PROCESSING', 'SUPPLEMENT_REQUESTED', 'PAYMENT_REQUESTED', 'WITHDRAWN', 'STOPPED', 'RESOLVED', 'RETURNED')),
	CONSTRAINT "dossiers_channel_check" CHECK ("dossiers"."channel" in ('IN_PERSON', 'ONLINE', 'POSTAL')),
	CONSTRAINT "dossiers_return_method_check" CHECK ("dossiers"."return_method" in ('COUNTER', 'POST', 'ONLINE')),
	CONSTRAINT "dossiers_rating_check" CHECK ("dossiers"."rating" is null or "dossiers"."rating" in ('SATISFIED', 'ACCEPTABLE', 'UNSATISFIED')),
	CONSTRAINT "dossiers_post_address_check" CHECK ("dossiers"."return_method" <> 'POST' or "dossiers"."postal_address" is not null)
);
--> statement-breakpoint
CREATE TABLE "onestop_settings" (
	"unit_id" integer PRIMARY KEY NOT NULL,
	"code_pattern" text DEFAULT '{unit}-{yymmdd}-{seq4}' NOT NULL,
	"same_day_cutoff" text DEFAULT '15:00' NOT NULL,
	"saturday_morning" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "procedures" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "procedures_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"national" boolean DEFAULT true NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"field" text NOT NULL,
	"time_amount" integer DEFAULT 0 NOT NULL,
	"time_unit" text NOT NULL,
	"online_level" text NOT NULL,
	"postal_allowed" boolean DEFAULT true NOT NULL,
	"requires_approval" boolean DEFAULT true NOT NULL,
	"fees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"documents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"form_fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"bundle" text,
	"legal_basis" text,
	"status" text DEFAULT 'DRAFT' NOT NULL,
	"effective_from" date,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "procedures_status_check" CHECK ("procedures"."status" in ('DRAFT', 'PUBLISHED', 'RETIRED')),
	CONSTRAINT "procedures_time_unit_check" CHECK ("procedures"."time_unit" in ('WORKING_DAY', 'CALENDAR_DAY', 'SAME_DAY', 'IMMEDIATE')),
	CONSTRAINT "procedures_online_level_check" CHECK ("procedures"."online_level" in ('FULL', 'PARTIAL', 'NONE')),
	CONSTRAINT "procedures_bundle_check" CHECK ("procedures"."bundle" is null or "procedures"."bundle" in ('BIRTH', 'DEATH'))
);
--> statement-breakpoint
ALTER TABLE "dossier_counters" ADD CONSTRAINT "dossier_counters_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_events" ADD CONSTRAINT "dossier_events_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_events" ADD CONSTRAINT "dossier_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_files" ADD CONSTRAINT "dossier_files_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_files" ADD CONSTRAINT "dossier_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onestop_settings" ADD CONSTRAINT "onestop_settings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossier_events_dossier_idx" ON "dossier_events" USING btree ("dossier_id","id");--> statement-breakpoint
CREATE INDEX "dossier_files_dossier_idx" ON "dossier_files" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "dossier_files_unclaimed_idx" ON "dossier_files" USING btree ("created_at") WHERE "dossier_files"."dossier_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_code_key" ON "dossiers" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_idempotency_key" ON "dossiers" USING btree ("idempotency_key") WHERE "dossiers"."idempotency_key" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_lookup_token_key" ON "dossiers" USING btree ("lookup_token");--> statement-breakpoint
CREATE INDEX "dossiers_unit_status_due_idx" ON "dossiers" USING btree ("unit_id","status","due_at");--> statement-breakpoint
CREATE INDEX "dossiers_unit_submitted_idx" ON "dossiers" USING btree ("unit_id","submitted_at");--> statement-breakpoint
CREATE INDEX "dossiers_assignee_idx" ON "dossiers" USING btree ("assignee_id","status");--> statement-breakpoint
CREATE INDEX "dossiers_bundle_idx" ON "dossiers" USING btree ("bundle_id");--> statement-breakpoint
CREATE INDEX "dossiers_applicant_pid_idx" ON "dossiers" USING btree ("applicant_pid_bidx");--> statement-breakpoint
CREATE UNIQUE INDEX "procedures_code_version_key" ON "procedures" USING btree ("code","version");--> statement-breakpoint
CREATE UNIQUE INDEX "procedures_published_code_key" ON "procedures" USING btree ("code") WHERE "procedures"."status" = 'PUBLISHED';--> statement-breakpoint
-- A dossier's history is evidence (on-time handling, Decision 766): events are appended, never rewritten.
CREATE OR REPLACE FUNCTION dossier_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'dossier_events is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
CREATE TRIGGER dossier_events_append_only BEFORE UPDATE OR DELETE ON dossier_events
  FOR EACH ROW EXECUTE FUNCTION dossier_events_refuse_change();--> statement-breakpoint
COMMENT ON COLUMN dossiers.applicant_pid_enc IS 'AES-256-GCM ciphertext of the applicant''s personal ID; key KETNOI_DATA_KEY';--> statement-breakpoint
COMMENT ON COLUMN dossiers.lookup_token IS 'Random token of the public status link and the receipt QR; never derived from personal data';
