CREATE INDEX "campaign_targets_open_resident_idx" ON "campaign_targets" USING btree ("resident_id") WHERE "campaign_targets"."resident_id" is not null and "campaign_targets"."done_at" is null and "campaign_targets"."removed_on" is null;--> statement-breakpoint
-- The same rule as 0027, driven from the people who reached level 2 instead of from the targets: their ids are
-- collected first (most registry writes reach nobody and stop there), then their open targets are found by the
-- index above. Before, the join ran from all open VNeID targets and, with the targets' statistics stale after a bulk
-- insert (a new campaign), rescanned the changed rows once per target: 300 people reaching level 2 took 1.6 s against
-- 10,000 targets, and grew with both.
CREATE OR REPLACE FUNCTION campaign_targets_follow_vneid() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  reached integer[];
BEGIN
  SELECT array_agg(n.id) INTO reached FROM new_rows n JOIN old_rows o ON o.id = n.id
  WHERE n.vneid_level = 'L2' AND o.vneid_level IS DISTINCT FROM 'L2';
  IF reached IS NULL THEN
    RETURN NULL;
  END IF;
  WITH done AS (
    UPDATE campaign_targets t
    SET done_at = now()
    FROM unnest(reached) AS r(id), campaigns c
    WHERE t.resident_id = r.id AND t.done_at IS NULL AND t.removed_on IS NULL
      AND c.id = t.campaign_id AND c.kind = 'VNEID_L2'
    RETURNING t.campaign_id, t.unit_id
  )
  UPDATE campaign_unit_counts k SET done = k.done + d.n
  FROM (SELECT campaign_id, unit_id, count(*)::int AS n FROM done GROUP BY 1, 2) d
  WHERE k.campaign_id = d.campaign_id AND k.unit_id = d.unit_id;
  RETURN NULL;
END $$;
