CREATE TABLE "dossier_daily_stats" (
	"unit_id" integer NOT NULL,
	"day" date NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"online" integer DEFAULT 0 NOT NULL,
	"in_person" integer DEFAULT 0 NOT NULL,
	"postal" integer DEFAULT 0 NOT NULL,
	"full_online_base" integer DEFAULT 0 NOT NULL,
	"full_online" integer DEFAULT 0 NOT NULL,
	"digitized" integer DEFAULT 0 NOT NULL,
	"resolved" integer DEFAULT 0 NOT NULL,
	"on_time" integer DEFAULT 0 NOT NULL,
	"rated" integer DEFAULT 0 NOT NULL,
	"satisfied" integer DEFAULT 0 NOT NULL,
	"paid" integer DEFAULT 0 NOT NULL,
	"paid_online" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "dossier_daily_stats_pkey" PRIMARY KEY("unit_id","day")
);
--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "paid_online" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "full_online_eligible" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "digitized" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "dossier_daily_stats" ADD CONSTRAINT "dossier_daily_stats_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- One dossier's contribution to its commune-day of submission (Vietnam time), times `sign` (+1 add, -1 remove).
CREATE OR REPLACE FUNCTION dossier_stats_apply(r dossiers, sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO dossier_daily_stats AS s (unit_id, day, received, online, in_person, postal, full_online_base, full_online, digitized, resolved, on_time, rated, satisfied, paid, paid_online)
  VALUES (
    r.unit_id, ((r.submitted_at AT TIME ZONE 'UTC') + interval '7 hours')::date, sign,
    sign * (r.channel = 'ONLINE')::int, sign * (r.channel = 'IN_PERSON')::int, sign * (r.channel = 'POSTAL')::int,
    sign * r.full_online_eligible::int, sign * (r.full_online_eligible AND r.channel = 'ONLINE')::int,
    sign * r.digitized::int,
    sign * (r.resolved_at IS NOT NULL)::int, sign * (r.resolved_at IS NOT NULL AND coalesce(r.on_time, false))::int,
    sign * (r.rating IS NOT NULL)::int, sign * coalesce(r.rating IN ('SATISFIED', 'ACCEPTABLE'), false)::int,
    sign * (r.paid_at IS NOT NULL)::int, sign * (r.paid_at IS NOT NULL AND r.paid_online)::int)
  ON CONFLICT (unit_id, day) DO UPDATE SET
    received = s.received + excluded.received, online = s.online + excluded.online, in_person = s.in_person + excluded.in_person,
    postal = s.postal + excluded.postal, full_online_base = s.full_online_base + excluded.full_online_base,
    full_online = s.full_online + excluded.full_online, digitized = s.digitized + excluded.digitized,
    resolved = s.resolved + excluded.resolved, on_time = s.on_time + excluded.on_time, rated = s.rated + excluded.rated,
    satisfied = s.satisfied + excluded.satisfied, paid = s.paid + excluded.paid, paid_online = s.paid_online + excluded.paid_online;
END;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION dossier_stats_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM dossier_stats_apply(OLD, -1); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM dossier_stats_apply(NEW, 1); END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER dossiers_stats_insert AFTER INSERT OR DELETE ON dossiers FOR EACH ROW EXECUTE FUNCTION dossier_stats_trigger();--> statement-breakpoint
-- Only changes that move an indicator touch the stats row (a reassignment or an apology does not).
CREATE TRIGGER dossiers_stats_update AFTER UPDATE ON dossiers FOR EACH ROW
  WHEN (OLD.channel IS DISTINCT FROM NEW.channel OR OLD.unit_id IS DISTINCT FROM NEW.unit_id OR OLD.submitted_at IS DISTINCT FROM NEW.submitted_at
    OR OLD.full_online_eligible IS DISTINCT FROM NEW.full_online_eligible OR OLD.digitized IS DISTINCT FROM NEW.digitized
    OR OLD.resolved_at IS DISTINCT FROM NEW.resolved_at OR OLD.on_time IS DISTINCT FROM NEW.on_time OR OLD.rating IS DISTINCT FROM NEW.rating
    OR OLD.paid_at IS DISTINCT FROM NEW.paid_at OR OLD.paid_online IS DISTINCT FROM NEW.paid_online)
  EXECUTE FUNCTION dossier_stats_trigger();--> statement-breakpoint
-- Recomputes every stats row from the dossiers (after a bulk load with triggers off, or to check the running totals).
CREATE OR REPLACE FUNCTION rebuild_dossier_daily_stats() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM dossier_daily_stats;
  INSERT INTO dossier_daily_stats (unit_id, day, received, online, in_person, postal, full_online_base, full_online, digitized, resolved, on_time, rated, satisfied, paid, paid_online)
  SELECT unit_id, ((submitted_at AT TIME ZONE 'UTC') + interval '7 hours')::date, count(*),
    count(*) FILTER (WHERE channel = 'ONLINE'), count(*) FILTER (WHERE channel = 'IN_PERSON'), count(*) FILTER (WHERE channel = 'POSTAL'),
    count(*) FILTER (WHERE full_online_eligible), count(*) FILTER (WHERE full_online_eligible AND channel = 'ONLINE'),
    count(*) FILTER (WHERE digitized), count(*) FILTER (WHERE resolved_at IS NOT NULL), count(*) FILTER (WHERE resolved_at IS NOT NULL AND coalesce(on_time, false)),
    count(*) FILTER (WHERE rating IS NOT NULL), count(*) FILTER (WHERE rating IN ('SATISFIED', 'ACCEPTABLE')),
    count(*) FILTER (WHERE paid_at IS NOT NULL), count(*) FILTER (WHERE paid_at IS NOT NULL AND paid_online)
  FROM dossiers GROUP BY 1, 2;
END;
$$;
