-- pg_trgm backs the accent-free search indexes (households/residents search keys). Added by hand before the generated DDL.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "units" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "units_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"parent_id" integer,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"tier" text NOT NULL,
	"path" text NOT NULL,
	"depth" integer NOT NULL,
	"legal_basis" text,
	"valid_from" date,
	"closed_at" timestamp with time zone,
	"closed_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "units_tier_check" CHECK ("units"."tier" in ('NATION', 'PROVINCE', 'COMMUNE', 'COMMUNITY', 'ZONE'))
);
--> statement-breakpoint
CREATE TABLE "role_assignments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "role_assignments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"role" text NOT NULL,
	"unit_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "role_assignments_role_check" CHECK ("role_assignments"."role" in ('SYSTEM_ADMIN', 'PROVINCE_OFFICER', 'COMMUNE_LEADER', 'ONESTOP_OFFICER', 'GROUP_HEAD', 'DIGITAL_TEAM'))
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"csrf_token" text NOT NULL,
	"ip" text,
	"user_agent" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "users_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"username" text NOT NULL,
	"full_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"locale" text DEFAULT 'vi' NOT NULL,
	"disabled_at" timestamp with time zone,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"password_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household_members" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "household_members_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"household_id" integer NOT NULL,
	"resident_id" integer NOT NULL,
	"relation" text DEFAULT 'OTHER' NOT NULL,
	"residence_type" text DEFAULT 'PERMANENT' NOT NULL,
	"joined_on" date NOT NULL,
	"left_on" date,
	"left_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "household_members_residence_check" CHECK ("household_members"."residence_type" in ('PERMANENT', 'TEMPORARY', 'TEMPORARY_ABSENT')),
	CONSTRAINT "household_members_dates_check" CHECK ("household_members"."left_on" is null or "household_members"."left_on" >= "household_members"."joined_on")
);
--> statement-breakpoint
CREATE TABLE "households" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "households_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"code" text,
	"address" text NOT NULL,
	"kind" text DEFAULT 'FAMILY' NOT NULL,
	"head_resident_id" integer,
	"search_text" text DEFAULT '' NOT NULL,
	"address_search" text DEFAULT '' NOT NULL,
	"established_on" date,
	"dissolved_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "households_kind_check" CHECK ("households"."kind" in ('FAMILY', 'BOARDING_HOUSE', 'COLLECTIVE'))
);
--> statement-breakpoint
CREATE TABLE "residents" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "residents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"full_name" text NOT NULL,
	"search_text" text NOT NULL,
	"birth_date" date NOT NULL,
	"gender" text NOT NULL,
	"personal_id_enc" text,
	"personal_id_bidx" text,
	"phone_enc" text,
	"phone_bidx" text,
	"vneid_level" text DEFAULT 'NONE' NOT NULL,
	"vneid_checked_on" date,
	"has_smartphone" boolean,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"ethnicity" text,
	"health_notes" text,
	"unit_id" integer NOT NULL,
	"household_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "residents_gender_check" CHECK ("residents"."gender" in ('MALE', 'FEMALE')),
	CONSTRAINT "residents_vneid_check" CHECK ("residents"."vneid_level" in ('NONE', 'L1', 'L2'))
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" integer,
	"username" text,
	"roles" text,
	"unit_id" integer,
	"action" text NOT NULL,
	"entity_type" text,
	"entity_id" text,
	"ip" text,
	"user_agent" text,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "import_jobs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"file" "bytea",
	"status" text DEFAULT 'QUEUED' NOT NULL,
	"mode" text DEFAULT 'DRY_RUN' NOT NULL,
	"skip_bad_rows" integer DEFAULT 0 NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"summary" jsonb,
	"failure" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_jobs_status_check" CHECK ("import_jobs"."status" in ('QUEUED', 'VALIDATING', 'VALIDATED', 'IMPORTING', 'DONE', 'FAILED')),
	CONSTRAINT "import_jobs_mode_check" CHECK ("import_jobs"."mode" in ('DRY_RUN', 'IMPORT'))
);
--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_parent_id_units_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_members" ADD CONSTRAINT "household_members_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_members" ADD CONSTRAINT "household_members_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_head_resident_id_residents_id_fk" FOREIGN KEY ("head_resident_id") REFERENCES "public"."residents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residents" ADD CONSTRAINT "residents_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residents" ADD CONSTRAINT "residents_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "units_path_key" ON "units" USING btree ("path");--> statement-breakpoint
CREATE INDEX "units_path_prefix_idx" ON "units" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "units_parent_idx" ON "units" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "units_national_code_key" ON "units" USING btree ("tier","code") WHERE "units"."tier" in ('NATION', 'PROVINCE', 'COMMUNE');--> statement-breakpoint
CREATE UNIQUE INDEX "units_local_code_key" ON "units" USING btree ("parent_id","code") WHERE "units"."tier" in ('COMMUNITY', 'ZONE');--> statement-breakpoint
CREATE UNIQUE INDEX "role_assignments_user_role_unit_key" ON "role_assignments" USING btree ("user_id","role","unit_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_key" ON "users" USING btree (lower("username"));--> statement-breakpoint
CREATE INDEX "household_members_household_idx" ON "household_members" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "household_members_resident_idx" ON "household_members" USING btree ("resident_id");--> statement-breakpoint
CREATE UNIQUE INDEX "household_members_one_current_key" ON "household_members" USING btree ("resident_id") WHERE "household_members"."left_on" is null;--> statement-breakpoint
CREATE INDEX "households_unit_idx" ON "households" USING btree ("unit_id","id");--> statement-breakpoint
CREATE INDEX "households_search_trgm_idx" ON "households" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "households_address_trgm_idx" ON "households" USING gin ("address_search" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "households_unit_code_key" ON "households" USING btree ("unit_id","code") WHERE "households"."code" is not null;--> statement-breakpoint
CREATE INDEX "residents_unit_name_idx" ON "residents" USING btree ("unit_id","search_text","id");--> statement-breakpoint
CREATE INDEX "residents_household_idx" ON "residents" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "residents_search_trgm_idx" ON "residents" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "residents_personal_id_bidx_key" ON "residents" USING btree ("personal_id_bidx");--> statement-breakpoint
CREATE INDEX "residents_phone_bidx_idx" ON "residents" USING btree ("phone_bidx");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_user_idx" ON "audit_log" USING btree ("user_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");