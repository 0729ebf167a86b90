CREATE TABLE "group_join_requests" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "group_join_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"group_id" integer NOT NULL,
	"phone_enc" text NOT NULL,
	"phone_bidx" text NOT NULL,
	"language" text DEFAULT 'vi' NOT NULL,
	"channels_enc" text NOT NULL,
	"note_enc" text,
	"token_hash" text NOT NULL,
	"status" text DEFAULT 'PENDING' NOT NULL,
	"household_id" integer,
	"member_id" integer,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_join_requests_language_check" CHECK ("group_join_requests"."language" in ('vi', 'en')),
	CONSTRAINT "group_join_requests_status_check" CHECK ("group_join_requests"."status" in ('PENDING', 'CONFIRMED', 'REFUSED', 'WITHDRAWN'))
);
--> statement-breakpoint
ALTER TABLE "group_join_requests" ADD CONSTRAINT "group_join_requests_group_id_units_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_join_requests" ADD CONSTRAINT "group_join_requests_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_join_requests" ADD CONSTRAINT "group_join_requests_member_id_group_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."group_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_join_requests" ADD CONSTRAINT "group_join_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "group_join_requests_token_key" ON "group_join_requests" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "group_join_requests_pending_key" ON "group_join_requests" USING btree ("group_id","phone_bidx") WHERE "group_join_requests"."status" = 'PENDING';--> statement-breakpoint
CREATE INDEX "group_join_requests_group_idx" ON "group_join_requests" USING btree ("group_id","status","created_at");--> statement-breakpoint
COMMENT ON COLUMN group_join_requests.phone_enc IS 'AES-256-GCM ciphertext of the phone that proved itself with a code, E.164';--> statement-breakpoint
COMMENT ON COLUMN group_join_requests.channels_enc IS 'AES-256-GCM ciphertext of the chosen channels as JSON (may hold an email address or a push subscription)';--> statement-breakpoint
COMMENT ON COLUMN group_join_requests.note_enc IS 'AES-256-GCM ciphertext of what the person wrote for the group head (a name, an address)';--> statement-breakpoint
COMMENT ON COLUMN group_join_requests.token_hash IS 'SHA-256 of the token the device keeps; it becomes the member''s manage token once confirmed';
