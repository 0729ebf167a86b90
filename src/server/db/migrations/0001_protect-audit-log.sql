-- The audit log is append-only: the application role may insert but never rewrite or erase history.
-- A trigger (rather than REVOKE) so the rule holds on the embedded database too, where there is one role.
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();--> statement-breakpoint
COMMENT ON COLUMN residents.personal_id_enc IS 'AES-256-GCM ciphertext (base64 iv|tag|body) of the 12-digit personal ID; key KETNOI_DATA_KEY';--> statement-breakpoint
COMMENT ON COLUMN residents.personal_id_bidx IS 'HMAC-SHA256 blind index of the personal ID (key KETNOI_INDEX_KEY), exact lookup only';--> statement-breakpoint
COMMENT ON COLUMN residents.phone_enc IS 'AES-256-GCM ciphertext of the phone number in E.164 (+84...)';--> statement-breakpoint
COMMENT ON COLUMN residents.ethnicity IS 'Sensitive personal data (Decree 13/2023): readable only with resident.readSensitive';--> statement-breakpoint
COMMENT ON COLUMN residents.health_notes IS 'Sensitive personal data (Decree 13/2023): readable only with resident.readSensitive';--> statement-breakpoint
COMMENT ON COLUMN units.path IS 'Materialised chain of ids, e.g. /1/12/340/: scope checks are a prefix match';--> statement-breakpoint
-- Vietnamese order for names shown in lists (Đ after D, "Thôn 2" before "Thôn 10"); ICU, so the same on PGlite and PostgreSQL.
CREATE COLLATION IF NOT EXISTS vi_num (provider = icu, locale = 'vi-u-kn-true');
--> statement-breakpoint
-- A household and its head are written in one batch (imports): check the head link at commit, not per statement.
ALTER TABLE households ALTER CONSTRAINT households_head_resident_id_residents_id_fk DEFERRABLE INITIALLY DEFERRED;
