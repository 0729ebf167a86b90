-- Indicators count what happened, on the day it happened (issue 13, item 6). Until now every count landed on the day
-- of submission and "received" counted every submission, waiting or refused. Now each count lands on its own event's
-- day (Vietnam time): received (with its channel, full-online and digitized shares) on the day of receipt, resolved
-- and on time on the day of resolution, rated and satisfied on the day of the rating, paid on the day of payment.
-- "Satisfied" is the top level of the scale only (SATISFIED); "acceptable" is not satisfied (docs/decisions.md).
-- The dossier list filtered by indicator (`?indicator=&from=&to=`) uses the same conditions (indicators.definitions.ts).

-- The local (Vietnam, UTC+7, no daylight saving) calendar day of an instant.
CREATE OR REPLACE FUNCTION local_day(t timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ((t AT TIME ZONE 'UTC') + interval '7 hours')::date
$$;--> statement-breakpoint

-- One dossier's contribution to its commune's days, times `sign` (+1 add, -1 remove): up to four days, one per event.
CREATE OR REPLACE FUNCTION dossier_stats_apply(r dossiers, sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF r.received_at IS NOT NULL THEN
    INSERT INTO dossier_daily_stats AS s (unit_id, day, received, online, in_person, postal, full_online_base, full_online, digitized)
    VALUES (r.unit_id, local_day(r.received_at), sign,
      sign * (r.channel = 'ONLINE')::int, sign * (r.channel = 'IN_PERSON')::int, sign * (r.channel = 'POSTAL')::int,
      sign * r.full_online_eligible::int, sign * (r.full_online_eligible AND r.channel = 'ONLINE')::int,
      sign * r.digitized::int)
    ON CONFLICT (unit_id, day) DO UPDATE SET
      received = s.received + excluded.received, online = s.online + excluded.online,
      in_person = s.in_person + excluded.in_person, postal = s.postal + excluded.postal,
      full_online_base = s.full_online_base + excluded.full_online_base, full_online = s.full_online + excluded.full_online,
      digitized = s.digitized + excluded.digitized;
  END IF;
  IF r.resolved_at IS NOT NULL THEN
    INSERT INTO dossier_daily_stats AS s (unit_id, day, resolved, on_time)
    VALUES (r.unit_id, local_day(r.resolved_at), sign, sign * coalesce(r.on_time, false)::int)
    ON CONFLICT (unit_id, day) DO UPDATE SET resolved = s.resolved + excluded.resolved, on_time = s.on_time + excluded.on_time;
  END IF;
  IF r.rating IS NOT NULL AND r.rated_at IS NOT NULL THEN
    INSERT INTO dossier_daily_stats AS s (unit_id, day, rated, satisfied)
    VALUES (r.unit_id, local_day(r.rated_at), sign, sign * (r.rating = 'SATISFIED')::int)
    ON CONFLICT (unit_id, day) DO UPDATE SET rated = s.rated + excluded.rated, satisfied = s.satisfied + excluded.satisfied;
  END IF;
  IF r.paid_at IS NOT NULL THEN
    INSERT INTO dossier_daily_stats AS s (unit_id, day, paid, paid_online)
    VALUES (r.unit_id, local_day(r.paid_at), sign, sign * r.paid_online::int)
    ON CONFLICT (unit_id, day) DO UPDATE SET paid = s.paid + excluded.paid, paid_online = s.paid_online + excluded.paid_online;
  END IF;
END;
$$;--> statement-breakpoint

DROP TRIGGER IF EXISTS dossiers_stats_update ON dossiers;--> statement-breakpoint
-- Only changes that move an indicator touch the stats rows (a reassignment or an apology does not).
CREATE TRIGGER dossiers_stats_update AFTER UPDATE ON dossiers FOR EACH ROW
  WHEN (OLD.channel IS DISTINCT FROM NEW.channel OR OLD.unit_id IS DISTINCT FROM NEW.unit_id
    OR OLD.received_at IS DISTINCT FROM NEW.received_at
    OR OLD.full_online_eligible IS DISTINCT FROM NEW.full_online_eligible OR OLD.digitized IS DISTINCT FROM NEW.digitized
    OR OLD.resolved_at IS DISTINCT FROM NEW.resolved_at OR OLD.on_time IS DISTINCT FROM NEW.on_time
    OR OLD.rating IS DISTINCT FROM NEW.rating OR OLD.rated_at IS DISTINCT FROM NEW.rated_at
    OR OLD.paid_at IS DISTINCT FROM NEW.paid_at OR OLD.paid_online IS DISTINCT FROM NEW.paid_online)
  EXECUTE FUNCTION dossier_stats_trigger();--> statement-breakpoint

-- On time is frozen at resolution (Decision 766): once resolved, neither the moment nor the verdict changes, whatever
-- later happens to the due date (an apology, a correction) or whoever writes to the row.
CREATE OR REPLACE FUNCTION dossier_on_time_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'dossier %: resolution and on-time status are frozen once resolved', OLD.id
    USING ERRCODE = 'check_violation';
END;
$$;--> statement-breakpoint
CREATE TRIGGER dossiers_on_time_frozen BEFORE UPDATE ON dossiers FOR EACH ROW
  WHEN (OLD.resolved_at IS NOT NULL
    AND (NEW.resolved_at IS DISTINCT FROM OLD.resolved_at OR NEW.on_time IS DISTINCT FROM OLD.on_time))
  EXECUTE FUNCTION dossier_on_time_frozen();--> statement-breakpoint

-- Recomputes every stats row from the dossiers (after a bulk load with triggers off, or to check the running totals).
CREATE OR REPLACE FUNCTION rebuild_dossier_daily_stats() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM dossier_daily_stats;
  INSERT INTO dossier_daily_stats (unit_id, day, received, online, in_person, postal, full_online_base, full_online, digitized, resolved, on_time, rated, satisfied, paid, paid_online)
  SELECT unit_id, day, sum(received), sum(online), sum(in_person), sum(postal), sum(full_online_base), sum(full_online),
    sum(digitized), sum(resolved), sum(on_time), sum(rated), sum(satisfied), sum(paid), sum(paid_online)
  FROM (
    SELECT unit_id, local_day(received_at) AS day, count(*) AS received,
      count(*) FILTER (WHERE channel = 'ONLINE') AS online, count(*) FILTER (WHERE channel = 'IN_PERSON') AS in_person,
      count(*) FILTER (WHERE channel = 'POSTAL') AS postal, count(*) FILTER (WHERE full_online_eligible) AS full_online_base,
      count(*) FILTER (WHERE full_online_eligible AND channel = 'ONLINE') AS full_online,
      count(*) FILTER (WHERE digitized) AS digitized, 0 AS resolved, 0 AS on_time, 0 AS rated, 0 AS satisfied, 0 AS paid, 0 AS paid_online
    FROM dossiers WHERE received_at IS NOT NULL GROUP BY 1, 2
    UNION ALL
    SELECT unit_id, local_day(resolved_at), 0, 0, 0, 0, 0, 0, 0, count(*), count(*) FILTER (WHERE coalesce(on_time, false)), 0, 0, 0, 0
    FROM dossiers WHERE resolved_at IS NOT NULL GROUP BY 1, 2
    UNION ALL
    SELECT unit_id, local_day(rated_at), 0, 0, 0, 0, 0, 0, 0, 0, 0, count(*), count(*) FILTER (WHERE rating = 'SATISFIED'), 0, 0
    FROM dossiers WHERE rating IS NOT NULL AND rated_at IS NOT NULL GROUP BY 1, 2
    UNION ALL
    SELECT unit_id, local_day(paid_at), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, count(*), count(*) FILTER (WHERE paid_online)
    FROM dossiers WHERE paid_at IS NOT NULL GROUP BY 1, 2
  ) parts GROUP BY 1, 2;
END;
$$;--> statement-breakpoint

SELECT rebuild_dossier_daily_stats();
