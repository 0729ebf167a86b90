CREATE TABLE "payments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "payments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"dossier_id" integer NOT NULL,
	"amount" integer NOT NULL,
	"method" text NOT NULL,
	"provider_tx_id" text,
	"receipt_no" text,
	"received_by" integer,
	"paid_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_method_check" CHECK ("payments"."method" in ('CASH', 'VIETQR', 'PAYGOV')),
	CONSTRAINT "payments_amount_check" CHECK ("payments"."amount" >= 0)
);
--> statement-breakpoint
ALTER TABLE "onestop_settings" ADD COLUMN "bank_bin" text;--> statement-breakpoint
ALTER TABLE "onestop_settings" ADD COLUMN "bank_account" text;--> statement-breakpoint
ALTER TABLE "onestop_settings" ADD COLUMN "bank_account_name" text;--> statement-breakpoint
ALTER TABLE "onestop_settings" ADD COLUMN "cashless_weekdays" integer[] DEFAULT '{}'::integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_received_by_users_id_fk" FOREIGN KEY ("received_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payments_provider_tx_key" ON "payments" USING btree ("provider_tx_id") WHERE "payments"."provider_tx_id" is not null;--> statement-breakpoint
CREATE INDEX "payments_dossier_idx" ON "payments" USING btree ("dossier_id");