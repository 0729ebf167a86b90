-- A campaign sees the registry's truth: a person the registry records at VNeID level 2 — by a visit in another campaign,
-- an edit, an import — is done in every VNeID campaign that targets them, at once, and stays done. The registry writes
-- are many (API, imports, field sync, later modules); one statement-level trigger on residents keeps every campaign in
-- step whoever writes, and moves the per-unit counts (campaign_unit_counts) with it so progress stays one sum away.
CREATE OR REPLACE FUNCTION campaign_targets_follow_vneid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH reached AS (
    SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE n.vneid_level = 'L2' AND o.vneid_level IS DISTINCT FROM 'L2'
  ),
  done AS (
    UPDATE campaign_targets t
    SET done_at = now()
    FROM campaigns c
    WHERE c.id = t.campaign_id AND c.kind = 'VNEID_L2'
      AND t.resident_id IN (SELECT id FROM reached) AND t.done_at IS NULL AND t.removed_on IS NULL
    RETURNING t.campaign_id, t.unit_id
  )
  UPDATE campaign_unit_counts k SET done = k.done + d.n
  FROM (SELECT campaign_id, unit_id, count(*)::int AS n FROM done GROUP BY 1, 2) d
  WHERE k.campaign_id = d.campaign_id AND k.unit_id = d.unit_id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER residents_campaign_vneid AFTER UPDATE ON residents
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION campaign_targets_follow_vneid();--> statement-breakpoint
-- Targets already at level 2 in the registry before this trigger existed become done, and the counts are rebuilt.
UPDATE campaign_targets t
SET done_at = now()
FROM campaigns c, residents r
WHERE c.id = t.campaign_id AND c.kind = 'VNEID_L2' AND r.id = t.resident_id AND r.vneid_level = 'L2'
  AND t.done_at IS NULL AND t.removed_on IS NULL;--> statement-breakpoint
DELETE FROM campaign_unit_counts;--> statement-breakpoint
INSERT INTO campaign_unit_counts (campaign_id, unit_id, targets, done)
SELECT campaign_id, unit_id, count(*)::int, count(done_at)::int
FROM campaign_targets WHERE removed_on IS NULL GROUP BY campaign_id, unit_id;
