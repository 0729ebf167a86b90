CREATE TABLE "dossier_paper_marks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dossier_paper_marks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"dossier_id" integer NOT NULL,
	"kind" text NOT NULL,
	"paper" integer,
	"note" text,
	"marked_by" integer,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossier_paper_marks_kind_check" CHECK ("dossier_paper_marks"."kind" in ('PAPER', 'RESULT', 'FEE_EXEMPT')),
	CONSTRAINT "dossier_paper_marks_paper_check" CHECK (("dossier_paper_marks"."kind" = 'PAPER') = ("dossier_paper_marks"."paper" is not null)),
	CONSTRAINT "dossier_paper_marks_note_check" CHECK ("dossier_paper_marks"."kind" <> 'FEE_EXEMPT' or "dossier_paper_marks"."note" is not null)
);
--> statement-breakpoint
ALTER TABLE "dossier_files" ADD COLUMN "paper" integer;--> statement-breakpoint
ALTER TABLE "dossier_paper_marks" ADD CONSTRAINT "dossier_paper_marks_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_paper_marks" ADD CONSTRAINT "dossier_paper_marks_marked_by_users_id_fk" FOREIGN KEY ("marked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossier_paper_marks_dossier_idx" ON "dossier_paper_marks" USING btree ("dossier_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_paper_marks_one_key" ON "dossier_paper_marks" USING btree ("dossier_id","kind",coalesce("paper", -1));