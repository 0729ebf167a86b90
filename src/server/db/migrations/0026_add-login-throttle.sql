CREATE TABLE "login_address_attempts" (
	"address" text PRIMARY KEY NOT NULL,
	"failures" integer NOT NULL,
	"window_started_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "login_address_attempts_window_idx" ON "login_address_attempts" USING btree ("window_started_at");--> statement-breakpoint
COMMENT ON TABLE "login_address_attempts" IS 'Sign-in attempts per client address (IPv6 by /64) in the current window, across usernames: the per-address cap (LOGIN_ADDRESS_MAX_FAILURES per LOGIN_ADDRESS_WINDOW_MINUTES). Counted before the password is checked, given back on success.';
