CREATE TABLE "feedback_daily_stats" (
	"commune_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"day" date NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"answered" integer DEFAULT 0 NOT NULL,
	"answered_on_time" integer DEFAULT 0 NOT NULL,
	"answered_extended" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"rated" integer DEFAULT 0 NOT NULL,
	"satisfied" integer DEFAULT 0 NOT NULL,
	"timed_answers" integer DEFAULT 0 NOT NULL,
	"answer_minutes" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "feedback_daily_stats_pkey" PRIMARY KEY("commune_id","unit_id","day")
);
--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "answer_working_minutes" integer;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "rejected_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "feedback_daily_stats" ADD CONSTRAINT "feedback_daily_stats_commune_id_units_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_daily_stats" ADD CONSTRAINT "feedback_daily_stats_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tickets_open_due_idx" ON "tickets" USING btree ("unit_id",coalesce("extended_due_at", "due_at"),"id") WHERE "tickets"."status" not in ('REJECTED', 'ANSWERED', 'CLOSED') and "tickets"."merged_into_id" is null and "tickets"."abuse_at" is null;--> statement-breakpoint
-- Working minutes from `a` to `b` in office hours (07:30–11:30, 13:30–17:00 Vietnam time) on working days (the
-- calendar's HOLIDAY/WORKDAY rows first, else Monday to Friday): workingMinutesBetween (calendar/working-hours.ts) in
-- SQL, for rows answered without the app (a bulk load, a hand-made fix) and the backfill below.
CREATE OR REPLACE FUNCTION feedback_working_minutes(a timestamptz, b timestamptz) RETURNS integer LANGUAGE plpgsql STABLE AS $$
DECLARE
  la timestamp := a AT TIME ZONE 'Asia/Ho_Chi_Minh';
  lb timestamp := b AT TIME ZONE 'Asia/Ho_Chi_Minh';
  d date := (a AT TIME ZONE 'Asia/Ho_Chi_Minh')::date;
  lo integer;
  hi integer;
  k text;
  total integer := 0;
BEGIN
  IF b < a THEN RETURN -feedback_working_minutes(b, a); END IF;
  WHILE d <= lb::date LOOP
    k := (SELECT c.kind FROM calendar_days c WHERE c.day = d);
    IF coalesce(k = 'WORKDAY', extract(isodow FROM d) < 6) THEN
      lo := CASE WHEN d = la::date THEN floor(extract(epoch FROM la::time) / 60)::int ELSE 0 END;
      hi := CASE WHEN d = lb::date THEN floor(extract(epoch FROM lb::time) / 60)::int ELSE 1440 END;
      total := total + greatest(0, least(hi, 690) - greatest(lo, 450)) + greatest(0, least(hi, 1020) - greatest(lo, 810));
    END IF;
    d := d + 1;
  END LOOP;
  RETURN total;
END;
$$;--> statement-breakpoint
-- Adds to one commune/unit/day row of the feedback stats.
CREATE OR REPLACE FUNCTION feedback_stats_add(commune integer, unit integer, at timestamptz, received integer, answered integer,
  on_time integer, extended integer, rejected integer, rated integer, satisfied integer, timed integer, minutes bigint)
RETURNS void LANGUAGE sql AS $$
  INSERT INTO feedback_daily_stats AS s (commune_id, unit_id, day, received, answered, answered_on_time, answered_extended,
    rejected, rated, satisfied, timed_answers, answer_minutes)
  VALUES (commune, unit, (at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, received, answered, on_time, extended, rejected, rated,
    satisfied, timed, minutes)
  ON CONFLICT (commune_id, unit_id, day) DO UPDATE SET
    received = s.received + excluded.received, answered = s.answered + excluded.answered,
    answered_on_time = s.answered_on_time + excluded.answered_on_time,
    answered_extended = s.answered_extended + excluded.answered_extended, rejected = s.rejected + excluded.rejected,
    rated = s.rated + excluded.rated, satisfied = s.satisfied + excluded.satisfied,
    timed_answers = s.timed_answers + excluded.timed_answers, answer_minutes = s.answer_minutes + excluded.answer_minutes;
$$;--> statement-breakpoint
-- One ticket's contribution, times `sign` (+1 add, -1 remove), each count on its own event's day, where the ticket sits
-- now: received on receipt, answered (on time as frozen, else by the deadline in force; with an extension; its working
-- minutes) on the answer's day, rejected on the refusal's, rated and satisfied on the rating's. A merged duplicate and
-- a ticket marked as abuse count nowhere, so marking one after it was counted takes its counts away.
CREATE OR REPLACE FUNCTION feedback_stats_apply(r tickets, sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF r.abuse_at IS NOT NULL OR r.merged_into_id IS NOT NULL THEN RETURN; END IF;
  PERFORM feedback_stats_add(r.commune_id, r.unit_id, r.received_at, sign, 0, 0, 0, 0, 0, 0, 0, 0);
  IF r.answered_at IS NOT NULL THEN
    PERFORM feedback_stats_add(r.commune_id, r.unit_id, r.answered_at, 0, sign,
      sign * coalesce(r.on_time, r.answered_at <= coalesce(r.extended_due_at, r.due_at))::int,
      sign * (r.extended_due_at IS NOT NULL)::int, 0, 0, 0,
      sign * (r.answer_working_minutes IS NOT NULL)::int, sign * coalesce(r.answer_working_minutes, 0));
  END IF;
  IF r.status = 'REJECTED' AND r.rejected_at IS NOT NULL THEN
    PERFORM feedback_stats_add(r.commune_id, r.unit_id, r.rejected_at, 0, 0, 0, 0, sign, 0, 0, 0, 0);
  END IF;
  IF r.rated_at IS NOT NULL THEN
    PERFORM feedback_stats_add(r.commune_id, r.unit_id, r.rated_at, 0, 0, 0, 0, 0, sign,
      sign * coalesce(r.rating = 'SATISFIED', false)::int, 0, 0);
  END IF;
END;
$$;--> statement-breakpoint
-- Before a row is written: the refusal's instant (the journal's last REJECTED entry, else the change's own time; none
-- unless REJECTED) and the working minutes to answer when the app did not give them (frozen once set).
CREATE OR REPLACE FUNCTION tickets_stats_fill() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status <> 'REJECTED' THEN
    NEW.rejected_at := NULL;
  ELSIF NEW.rejected_at IS NULL THEN
    NEW.rejected_at := coalesce(
      (SELECT max(e.at) FROM ticket_events e WHERE e.ticket_id = NEW.id AND e.to_status = 'REJECTED'), NEW.updated_at);
  END IF;
  IF NEW.answered_at IS NOT NULL AND NEW.answer_working_minutes IS NULL THEN
    NEW.answer_working_minutes := feedback_working_minutes(NEW.received_at, NEW.answered_at);
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION tickets_stats_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM feedback_stats_apply(OLD, -1); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM feedback_stats_apply(NEW, 1); END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
-- A REJECTED journal entry written after the ticket's change dates the refusal, as the measures always read it.
CREATE OR REPLACE FUNCTION ticket_events_rejected() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE tickets t SET rejected_at = (SELECT max(e.at) FROM ticket_events e WHERE e.ticket_id = t.id AND e.to_status = 'REJECTED')
  WHERE t.id = NEW.ticket_id AND t.status = 'REJECTED'
    AND t.rejected_at IS DISTINCT FROM (SELECT max(e.at) FROM ticket_events e WHERE e.ticket_id = t.id AND e.to_status = 'REJECTED');
  RETURN NULL;
END;
$$;--> statement-breakpoint
-- Recomputes every stats row from the tickets (after a bulk load with the triggers off, or to check the running totals).
CREATE OR REPLACE FUNCTION rebuild_feedback_daily_stats() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM feedback_daily_stats;
  INSERT INTO feedback_daily_stats (commune_id, unit_id, day, received, answered, answered_on_time, answered_extended,
    rejected, rated, satisfied, timed_answers, answer_minutes)
  SELECT t.commune_id, t.unit_id, (ev.at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date,
    count(*) FILTER (WHERE ev.kind = 'R'), count(*) FILTER (WHERE ev.kind = 'A'),
    count(*) FILTER (WHERE ev.kind = 'A' AND coalesce(t.on_time, t.answered_at <= coalesce(t.extended_due_at, t.due_at))),
    count(*) FILTER (WHERE ev.kind = 'A' AND t.extended_due_at IS NOT NULL), count(*) FILTER (WHERE ev.kind = 'X'),
    count(*) FILTER (WHERE ev.kind = 'S'), count(*) FILTER (WHERE ev.kind = 'S' AND t.rating = 'SATISFIED'),
    count(*) FILTER (WHERE ev.kind = 'A' AND t.answer_working_minutes IS NOT NULL),
    coalesce(sum(t.answer_working_minutes) FILTER (WHERE ev.kind = 'A'), 0)
  FROM tickets t CROSS JOIN LATERAL (VALUES ('R', t.received_at), ('A', t.answered_at),
    ('X', CASE WHEN t.status = 'REJECTED' THEN t.rejected_at END), ('S', t.rated_at)) AS ev(kind, at)
  WHERE t.abuse_at IS NULL AND t.merged_into_id IS NULL AND ev.at IS NOT NULL
  GROUP BY 1, 2, 3;
END;
$$;--> statement-breakpoint
-- The tickets there are: their refusal instants and working minutes, then their counts.
UPDATE tickets t SET rejected_at = coalesce(
    (SELECT max(e.at) FROM ticket_events e WHERE e.ticket_id = t.id AND e.to_status = 'REJECTED'), t.updated_at)
  WHERE t.status = 'REJECTED';--> statement-breakpoint
UPDATE tickets SET answer_working_minutes = feedback_working_minutes(received_at, answered_at) WHERE answered_at IS NOT NULL;--> statement-breakpoint
SELECT rebuild_feedback_daily_stats();--> statement-breakpoint
CREATE TRIGGER tickets_stats_fill BEFORE INSERT OR UPDATE ON tickets FOR EACH ROW EXECUTE FUNCTION tickets_stats_fill();--> statement-breakpoint
CREATE TRIGGER tickets_stats_insert AFTER INSERT OR DELETE ON tickets FOR EACH ROW EXECUTE FUNCTION tickets_stats_trigger();--> statement-breakpoint
-- Only changes that move a measure touch the stats (a note, an assignment, a publication do not).
CREATE TRIGGER tickets_stats_update AFTER UPDATE ON tickets FOR EACH ROW
  WHEN (OLD.commune_id IS DISTINCT FROM NEW.commune_id OR OLD.unit_id IS DISTINCT FROM NEW.unit_id
    OR OLD.received_at IS DISTINCT FROM NEW.received_at OR OLD.answered_at IS DISTINCT FROM NEW.answered_at
    OR OLD.on_time IS DISTINCT FROM NEW.on_time OR OLD.due_at IS DISTINCT FROM NEW.due_at
    OR OLD.extended_due_at IS DISTINCT FROM NEW.extended_due_at OR OLD.status IS DISTINCT FROM NEW.status
    OR OLD.rejected_at IS DISTINCT FROM NEW.rejected_at OR OLD.rated_at IS DISTINCT FROM NEW.rated_at
    OR OLD.rating IS DISTINCT FROM NEW.rating OR OLD.merged_into_id IS DISTINCT FROM NEW.merged_into_id
    OR OLD.abuse_at IS DISTINCT FROM NEW.abuse_at OR OLD.answer_working_minutes IS DISTINCT FROM NEW.answer_working_minutes)
  EXECUTE FUNCTION tickets_stats_trigger();--> statement-breakpoint
CREATE TRIGGER ticket_events_rejected AFTER INSERT ON ticket_events FOR EACH ROW WHEN (NEW.to_status = 'REJECTED')
  EXECUTE FUNCTION ticket_events_rejected();
