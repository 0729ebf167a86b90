DROP INDEX "dossiers_idempotency_key";--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "idempotency_scope" text;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "idempotency_body_hash" text;--> statement-breakpoint
-- Added by hand: keys stored before keys were scoped to a caller belong to no caller now. Nobody retries a submission
-- that old, and none of them may be replayed to anyone, so they get a scope no caller has.
UPDATE "dossiers" SET "idempotency_scope" = 'legacy', "idempotency_body_hash" = '' WHERE "idempotency_key" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_idempotency_scope_key" ON "dossiers" USING btree ("unit_id","idempotency_scope","idempotency_key") WHERE "dossiers"."idempotency_key" is not null;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_idempotency_check" CHECK ("dossiers"."idempotency_key" is null or ("dossiers"."idempotency_scope" is not null and "dossiers"."idempotency_body_hash" is not null));--> statement-breakpoint
COMMENT ON COLUMN "dossiers"."idempotency_scope" IS 'Who submitted with idempotency_key: citizen:<id>, staff:<user id> or client:<sha256 of the browser''s client id>; a key is looked up within its caller and commune only';--> statement-breakpoint
COMMENT ON COLUMN "dossiers"."idempotency_body_hash" IS 'SHA-256 of the submission as validated (keys sorted): the same key with other content is refused (422), never answered with this dossier';
