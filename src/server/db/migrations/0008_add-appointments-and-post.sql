CREATE TABLE "appointment_slots" (
	"unit_id" integer NOT NULL,
	"day" date NOT NULL,
	"slot_start" text NOT NULL,
	"booked" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "appointment_slots_pkey" PRIMARY KEY("unit_id","day","slot_start"),
	CONSTRAINT "appointment_slots_booked_check" CHECK ("appointment_slots"."booked" >= 0)
);
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "appointments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"day" date NOT NULL,
	"slot_start" text NOT NULL,
	"token" text NOT NULL,
	"full_name" text NOT NULL,
	"phone_enc" text NOT NULL,
	"phone_bidx" text NOT NULL,
	"procedure_code" text,
	"status" text DEFAULT 'BOOKED' NOT NULL,
	"queue_number" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointments_status_check" CHECK ("appointments"."status" in ('BOOKED', 'CANCELLED', 'CHECKED_IN'))
);
--> statement-breakpoint
CREATE TABLE "postal_shipments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "postal_shipments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"dossier_id" integer NOT NULL,
	"direction" text NOT NULL,
	"carrier" text DEFAULT 'VNPost' NOT NULL,
	"tracking_number" text NOT NULL,
	"status" text DEFAULT 'CREATED' NOT NULL,
	"address" text,
	"fee_amount" integer DEFAULT 0 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "postal_shipments_direction_check" CHECK ("postal_shipments"."direction" in ('IN', 'OUT')),
	CONSTRAINT "postal_shipments_status_check" CHECK ("postal_shipments"."status" in ('CREATED', 'IN_TRANSIT', 'DELIVERED', 'RETURNED_TO_SENDER', 'LOST'))
);
--> statement-breakpoint
CREATE TABLE "queue_counters" (
	"unit_id" integer NOT NULL,
	"day" date NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "queue_counters_pkey" PRIMARY KEY("unit_id","day")
);
--> statement-breakpoint
ALTER TABLE "onestop_settings" ADD COLUMN "counter_hours" text DEFAULT '07:30-11:30,13:30-17:00' NOT NULL;--> statement-breakpoint
ALTER TABLE "onestop_settings" ADD COLUMN "slot_minutes" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "onestop_settings" ADD COLUMN "slot_capacity" integer DEFAULT 4 NOT NULL;--> statement-breakpoint
ALTER TABLE "onestop_settings" ADD COLUMN "no_appointment_weekdays" integer[] DEFAULT '{}'::integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "appointment_slots" ADD CONSTRAINT "appointment_slots_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postal_shipments" ADD CONSTRAINT "postal_shipments_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postal_shipments" ADD CONSTRAINT "postal_shipments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_counters" ADD CONSTRAINT "queue_counters_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "appointments_token_key" ON "appointments" USING btree ("token");--> statement-breakpoint
CREATE INDEX "appointments_unit_day_idx" ON "appointments" USING btree ("unit_id","day","slot_start");--> statement-breakpoint
CREATE UNIQUE INDEX "postal_shipments_tracking_key" ON "postal_shipments" USING btree ("carrier","tracking_number");--> statement-breakpoint
CREATE INDEX "postal_shipments_dossier_idx" ON "postal_shipments" USING btree ("dossier_id");