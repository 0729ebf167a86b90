-- An announcement is filed under its author's unit, no longer under the first unit it targets (a commune leader's
-- announcement to Thôn Đông and Thôn Tây was filed in Thôn Đông, so Thôn Đông's head saw Thôn Tây's households in
-- its reach). The unit: the deepest one where `created_by` holds a role that writes announcements (SYSTEM_ADMIN,
-- COMMUNE_LEADER, GROUP_HEAD in src/shared/permissions.ts when this was written) and that holds every target; when
-- the author holds no such role any more, the deepest unit that holds every target (their common ancestor).
-- Targets are `audience.unitIds`; a unit's path lists its ancestors' ids, so the ancestors of the first target are
-- the only candidates for the common one.
WITH targets AS (
  SELECT a.id, a.created_by, array_agg(u.path) AS paths
  FROM announcements a
    CROSS JOIN LATERAL jsonb_array_elements_text(a.audience -> 'unitIds') AS t(unit_id)
    JOIN units u ON u.id = t.unit_id::int
  GROUP BY a.id, a.created_by
),
common AS (
  SELECT DISTINCT ON (t.id) t.id, c.id AS unit_id
  FROM targets t
    CROSS JOIN LATERAL unnest(string_to_array(trim(both '/' from t.paths[1]), '/')) AS s(unit_id)
    JOIN units c ON c.id = s.unit_id::int
  WHERE NOT EXISTS (SELECT 1 FROM unnest(t.paths) AS p(path) WHERE p.path NOT LIKE c.path || '%')
  ORDER BY t.id, c.depth DESC
),
authors AS (
  SELECT DISTINCT ON (t.id) t.id, ru.id AS unit_id
  FROM targets t
    JOIN role_assignments ra ON ra.user_id = t.created_by
      AND ra.role IN ('SYSTEM_ADMIN', 'COMMUNE_LEADER', 'GROUP_HEAD')
    JOIN units ru ON ru.id = ra.unit_id
  WHERE NOT EXISTS (SELECT 1 FROM unnest(t.paths) AS p(path) WHERE p.path NOT LIKE ru.path || '%')
  ORDER BY t.id, ru.depth DESC
)
UPDATE announcements a
SET unit_id = coalesce(au.unit_id, c.unit_id)
FROM common c
  LEFT JOIN authors au ON au.id = c.id
WHERE a.id = c.id AND a.unit_id <> coalesce(au.unit_id, c.unit_id);
