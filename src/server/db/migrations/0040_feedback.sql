CREATE TABLE "feedback_categories" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "feedback_categories_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"commune_id" integer NOT NULL,
	"code" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"translations" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"description_vi" text,
	"route_unit_id" integer,
	"route_role" text,
	"route_user_id" integer,
	"default_severity" text DEFAULT 'NORMAL' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_categories_severity_check" CHECK ("feedback_categories"."default_severity" in ('NORMAL', 'URGENT', 'COMPLEX'))
);
--> statement-breakpoint
CREATE TABLE "feedback_settings" (
	"commune_id" integer PRIMARY KEY NOT NULL,
	"accept_within" jsonb NOT NULL,
	"deadlines" jsonb NOT NULL,
	"reopen_days" integer NOT NULL,
	"approval_required" boolean DEFAULT false NOT NULL,
	"due_soon_hours" integer NOT NULL,
	"per_phone_per_day" integer NOT NULL,
	"per_address_per_day" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer
);
--> statement-breakpoint
CREATE TABLE "feedback_templates" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "feedback_templates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"commune_id" integer NOT NULL,
	"category_id" integer,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "open311_clients" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "open311_clients_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"commune_id" integer NOT NULL,
	"name" text NOT NULL,
	"contact" text,
	"key_hash" text NOT NULL,
	"key_prefix" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "ticket_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ticket_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"ticket_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"actor_id" integer,
	"actor_kind" text DEFAULT 'STAFF' NOT NULL,
	"body" text,
	"public" boolean DEFAULT false NOT NULL,
	"from_unit_id" integer,
	"to_unit_id" integer,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "ticket_events_kind_check" CHECK ("ticket_events"."kind" in ('CREATED', 'STATUS', 'NOTE', 'CITIZEN_MESSAGE', 'ANSWER_DRAFTED', 'ANSWER_SUBMITTED', 'ANSWER_RETURNED', 'ANSWER_SENT', 'EXTENSION_REQUESTED', 'EXTENSION_DECIDED', 'MERGED', 'ABUSE', 'PUBLISHED', 'UNPUBLISHED', 'RATED', 'REMINDED', 'NOTIFIED', 'EDITED')),
	CONSTRAINT "ticket_events_actor_check" CHECK ("ticket_events"."actor_kind" in ('STAFF', 'CITIZEN', 'SYSTEM'))
);
--> statement-breakpoint
CREATE TABLE "ticket_files" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ticket_files_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"ticket_id" integer NOT NULL,
	"event_id" integer,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"public" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_sequences" (
	"commune_id" integer NOT NULL,
	"day" text NOT NULL,
	"last" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tickets" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tickets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"lookup_token" text NOT NULL,
	"commune_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"category_id" integer NOT NULL,
	"severity" text DEFAULT 'NORMAL' NOT NULL,
	"status" text DEFAULT 'RECEIVED' NOT NULL,
	"channel" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"location_unit_id" integer,
	"address" text,
	"lat" double precision,
	"lng" double precision,
	"publishable" boolean DEFAULT false NOT NULL,
	"sender_name" text,
	"sender_phone_enc" text,
	"sender_phone_bidx" text,
	"sender_email" text,
	"sender_zalo_enc" text,
	"sender_zalo_bidx" text,
	"citizen_id" integer,
	"language" text DEFAULT 'vi' NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"assignee_id" integer,
	"created_by" integer,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"accept_due_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"due_at" timestamp with time zone NOT NULL,
	"extended_due_at" timestamp with time zone,
	"extension_requested_until" timestamp with time zone,
	"extension_reason" text,
	"answered_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"on_time" boolean,
	"reject_reason" text,
	"answer" text,
	"answer_state" text,
	"answered_by" integer,
	"answer_links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"published_at" timestamp with time zone,
	"public_title" text,
	"public_body" text,
	"public_answer" text,
	"public_search" text,
	"rating" text,
	"rating_comment" text,
	"rated_at" timestamp with time zone,
	"reopen_count" integer DEFAULT 0 NOT NULL,
	"merged_into_id" integer,
	"abuse_at" timestamp with time zone,
	"api_client_id" integer,
	"idempotency_key" text,
	"idempotency_scope" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tickets_status_check" CHECK ("tickets"."status" in ('RECEIVED', 'ACCEPTED', 'REJECTED', 'ASSIGNED', 'TRANSFERRED', 'ANSWERED', 'CLOSED')),
	CONSTRAINT "tickets_severity_check" CHECK ("tickets"."severity" in ('NORMAL', 'URGENT', 'COMPLEX')),
	CONSTRAINT "tickets_channel_check" CHECK ("tickets"."channel" in ('WEB', 'ZALO', 'COUNTER', 'HOTLINE', 'OPEN311')),
	CONSTRAINT "tickets_language_check" CHECK ("tickets"."language" in ('vi', 'en', 'ja', 'zh')),
	CONSTRAINT "tickets_answer_state_check" CHECK ("tickets"."answer_state" is null or "tickets"."answer_state" in ('DRAFT', 'PENDING', 'SENT')),
	CONSTRAINT "tickets_rating_check" CHECK ("tickets"."rating" is null or "tickets"."rating" in ('SATISFIED', 'UNSATISFIED')),
	CONSTRAINT "tickets_lat_check" CHECK ("tickets"."lat" is null or ("tickets"."lat" between -90 and 90)),
	CONSTRAINT "tickets_lng_check" CHECK ("tickets"."lng" is null or ("tickets"."lng" between -180 and 180))
);
--> statement-breakpoint
ALTER TABLE "feedback_categories" ADD CONSTRAINT "feedback_categories_commune_id_units_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_categories" ADD CONSTRAINT "feedback_categories_route_unit_id_units_id_fk" FOREIGN KEY ("route_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_categories" ADD CONSTRAINT "feedback_categories_route_user_id_users_id_fk" FOREIGN KEY ("route_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_settings" ADD CONSTRAINT "feedback_settings_commune_id_units_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_settings" ADD CONSTRAINT "feedback_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_templates" ADD CONSTRAINT "feedback_templates_commune_id_units_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_templates" ADD CONSTRAINT "feedback_templates_category_id_feedback_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."feedback_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_templates" ADD CONSTRAINT "feedback_templates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open311_clients" ADD CONSTRAINT "open311_clients_commune_id_units_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open311_clients" ADD CONSTRAINT "open311_clients_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_from_unit_id_units_id_fk" FOREIGN KEY ("from_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_to_unit_id_units_id_fk" FOREIGN KEY ("to_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_files" ADD CONSTRAINT "ticket_files_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_files" ADD CONSTRAINT "ticket_files_event_id_ticket_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."ticket_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_sequences" ADD CONSTRAINT "ticket_sequences_commune_id_units_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_commune_id_units_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_category_id_feedback_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."feedback_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_location_unit_id_units_id_fk" FOREIGN KEY ("location_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_categories_code_key" ON "feedback_categories" USING btree ("commune_id","code");--> statement-breakpoint
CREATE INDEX "feedback_templates_commune_idx" ON "feedback_templates" USING btree ("commune_id");--> statement-breakpoint
CREATE UNIQUE INDEX "open311_clients_key_key" ON "open311_clients" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "open311_clients_commune_idx" ON "open311_clients" USING btree ("commune_id");--> statement-breakpoint
CREATE INDEX "ticket_events_ticket_idx" ON "ticket_events" USING btree ("ticket_id","at");--> statement-breakpoint
CREATE INDEX "ticket_files_ticket_idx" ON "ticket_files" USING btree ("ticket_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ticket_sequences_key" ON "ticket_sequences" USING btree ("commune_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "tickets_code_key" ON "tickets" USING btree ("commune_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "tickets_lookup_token_key" ON "tickets" USING btree ("lookup_token");--> statement-breakpoint
CREATE UNIQUE INDEX "tickets_idempotency_key" ON "tickets" USING btree ("commune_id","idempotency_scope","idempotency_key") WHERE "tickets"."idempotency_key" is not null;--> statement-breakpoint
CREATE INDEX "tickets_unit_status_due_idx" ON "tickets" USING btree ("unit_id","status","due_at");--> statement-breakpoint
CREATE INDEX "tickets_commune_received_idx" ON "tickets" USING btree ("commune_id","received_at");--> statement-breakpoint
CREATE INDEX "tickets_assignee_idx" ON "tickets" USING btree ("assignee_id","status");--> statement-breakpoint
CREATE INDEX "tickets_commune_published_idx" ON "tickets" USING btree ("commune_id","published_at") WHERE "tickets"."published_at" is not null;--> statement-breakpoint
CREATE INDEX "tickets_phone_idx" ON "tickets" USING btree ("sender_phone_bidx");--> statement-breakpoint
CREATE INDEX "tickets_zalo_idx" ON "tickets" USING btree ("sender_zalo_bidx");--> statement-breakpoint
CREATE INDEX "tickets_merged_idx" ON "tickets" USING btree ("merged_into_id");