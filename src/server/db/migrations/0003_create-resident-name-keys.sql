-- Name search at province scale. Every resident gets one key per word-start suffix of the folded name
-- ("nguyen van hung", "van hung", "hung"); a B-tree in byte order answers "names starting with what was typed, at any
-- word" with a range scan that is already sorted, so a page of results costs a few index pages (pg_trgm on common
-- Vietnamese names had to intersect posting lists of hundreds of thousands of rows). The unit id rides in the index
-- so the caller's scope is checked without visiting the table. Maintained by statement-level triggers, so every
-- write path (API, import COPY, demo data, later modules) keeps it right.
CREATE TABLE resident_name_keys (
  key text COLLATE "C" NOT NULL,
  resident_id integer NOT NULL,
  unit_id integer NOT NULL
);--> statement-breakpoint
CREATE INDEX resident_name_keys_key_idx ON resident_name_keys (key, resident_id) INCLUDE (unit_id);--> statement-breakpoint
CREATE INDEX resident_name_keys_resident_idx ON resident_name_keys (resident_id);--> statement-breakpoint
COMMENT ON TABLE resident_name_keys IS 'Derived from residents.search_text by trigger: word-start suffixes for prefix search';--> statement-breakpoint
CREATE OR REPLACE FUNCTION resident_name_keys_of(search_text text) RETURNS SETOF text LANGUAGE sql IMMUTABLE AS $$
  SELECT DISTINCT array_to_string(words[i:], ' ')
  FROM (SELECT string_to_array(search_text, ' ') AS words) w, generate_subscripts(w.words, 1) AS i
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION resident_name_keys_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO resident_name_keys (key, resident_id, unit_id)
  SELECT k, n.id, n.unit_id FROM new_rows n, resident_name_keys_of(n.search_text) AS k;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION resident_name_keys_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  CREATE TEMP TABLE IF NOT EXISTS resident_name_keys_changed (id integer) ON COMMIT DROP;
  DELETE FROM resident_name_keys_changed;
  INSERT INTO resident_name_keys_changed
  SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
  WHERE n.search_text IS DISTINCT FROM o.search_text OR n.unit_id IS DISTINCT FROM o.unit_id;
  DELETE FROM resident_name_keys k USING resident_name_keys_changed c WHERE k.resident_id = c.id;
  INSERT INTO resident_name_keys (key, resident_id, unit_id)
  SELECT k, n.id, n.unit_id FROM new_rows n JOIN resident_name_keys_changed c ON c.id = n.id, resident_name_keys_of(n.search_text) AS k;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER residents_name_keys_insert AFTER INSERT ON residents
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION resident_name_keys_after_insert();--> statement-breakpoint
CREATE TRIGGER residents_name_keys_update AFTER UPDATE ON residents
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION resident_name_keys_after_update();--> statement-breakpoint
CREATE OR REPLACE FUNCTION resident_name_keys_after_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE resident_name_keys;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER residents_name_keys_truncate AFTER TRUNCATE ON residents
  FOR EACH STATEMENT EXECUTE FUNCTION resident_name_keys_after_truncate();--> statement-breakpoint
INSERT INTO resident_name_keys (key, resident_id, unit_id)
SELECT k, r.id, r.unit_id FROM residents r, resident_name_keys_of(r.search_text) AS k;
