CREATE TABLE "registry_changes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "registry_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"household_ids" integer[] NOT NULL,
	"resident_ids" integer[] NOT NULL,
	"summary" jsonb NOT NULL,
	"writes" jsonb NOT NULL,
	"versions_after" jsonb NOT NULL,
	"user_id" integer,
	"username" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"undone_at" timestamp with time zone,
	"undone_by" text,
	CONSTRAINT "registry_changes_kind_check" CHECK ("registry_changes"."kind" in ('ADD_MEMBER', 'BIRTH', 'DEATH', 'MOVE', 'LEAVE', 'HEAD', 'RELOCATE', 'SPLIT', 'MERGE'))
);
--> statement-breakpoint
ALTER TABLE "household_members" ADD COLUMN "came_from" text;--> statement-breakpoint
ALTER TABLE "household_members" ADD COLUMN "went_to" text;--> statement-breakpoint
CREATE INDEX "registry_changes_households_idx" ON "registry_changes" USING gin ("household_ids");--> statement-breakpoint
CREATE INDEX "registry_changes_residents_idx" ON "registry_changes" USING gin ("resident_ids");