CREATE TABLE "document_counters" (
	"unit_id" integer NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "document_counters_pkey" PRIMARY KEY("unit_id","year","kind"),
	CONSTRAINT "document_counters_last_number_check" CHECK ("document_counters"."last_number" >= 0)
);
--> statement-breakpoint
CREATE TABLE "document_settings" (
	"unit_id" integer PRIMARY KEY NOT NULL,
	"authority" text DEFAULT 'TM. ỦY BAN NHÂN DÂN' NOT NULL,
	"signer_title" text DEFAULT 'CHỦ TỊCH' NOT NULL,
	"signer_name" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_settings_version_check" CHECK ("document_settings"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "issued_documents" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "issued_documents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"number" integer NOT NULL,
	"label" text NOT NULL,
	"ref" text,
	"title" text NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"issued_by" integer
);
--> statement-breakpoint
ALTER TABLE "document_counters" ADD CONSTRAINT "document_counters_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_settings" ADD CONSTRAINT "document_settings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issued_documents" ADD CONSTRAINT "issued_documents_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issued_documents" ADD CONSTRAINT "issued_documents_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "issued_documents_number_key" ON "issued_documents" USING btree ("unit_id","year","kind","number");--> statement-breakpoint
CREATE UNIQUE INDEX "issued_documents_ref_key" ON "issued_documents" USING btree ("unit_id","kind","ref") WHERE "issued_documents"."ref" is not null;--> statement-breakpoint
CREATE INDEX "issued_documents_unit_issued_idx" ON "issued_documents" USING btree ("unit_id","issued_at");