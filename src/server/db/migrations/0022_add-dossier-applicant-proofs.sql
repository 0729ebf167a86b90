CREATE TABLE "dossier_lookup_failures" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dossier_lookup_failures_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"dossier_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_proofs" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"dossier_id" integer NOT NULL,
	"via" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossier_proofs_via_check" CHECK ("dossier_proofs"."via" in ('CODE', 'SUBMISSION'))
);
--> statement-breakpoint
ALTER TABLE "phone_codes" DROP CONSTRAINT "phone_codes_purpose_check";--> statement-breakpoint
ALTER TABLE "phone_codes" ADD COLUMN "dossier_id" integer;--> statement-breakpoint
ALTER TABLE "dossier_lookup_failures" ADD CONSTRAINT "dossier_lookup_failures_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_proofs" ADD CONSTRAINT "dossier_proofs_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossier_lookup_failures_dossier_idx" ON "dossier_lookup_failures" USING btree ("dossier_id","at");--> statement-breakpoint
CREATE INDEX "dossier_proofs_dossier_idx" ON "dossier_proofs" USING btree ("dossier_id","expires_at");--> statement-breakpoint
CREATE INDEX "phone_codes_dossier_idx" ON "phone_codes" USING btree ("dossier_id","created_at") WHERE "phone_codes"."dossier_id" is not null;--> statement-breakpoint
ALTER TABLE "phone_codes" ADD CONSTRAINT "phone_codes_dossier_check" CHECK (("phone_codes"."purpose" = 'DOSSIER') = ("phone_codes"."dossier_id" is not null));--> statement-breakpoint
ALTER TABLE "phone_codes" ADD CONSTRAINT "phone_codes_purpose_check" CHECK ("phone_codes"."purpose" in ('REGISTER', 'JOIN', 'DOSSIER'));--> statement-breakpoint
COMMENT ON COLUMN "phone_codes"."dossier_id" IS 'For purpose DOSSIER: the dossier whose applicant the code proves (sent to the phone on file)';--> statement-breakpoint
COMMENT ON TABLE "dossier_proofs" IS 'Short-lived proof that a caller of the public side is the applicant (SMS code to the phone on file, or the submitting client); SHA-256 of the cookie token';--> statement-breakpoint
COMMENT ON TABLE "dossier_lookup_failures" IS 'Wrong phone endings in look-ups by dossier code: 5 in an hour stop look-ups of that code for the hour';
