CREATE TABLE "inventory_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inventory_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"kind" text NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"count" integer DEFAULT 1 NOT NULL,
	"year" integer,
	"state" text DEFAULT 'WORKING' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inventory_items_kind_check" CHECK ("inventory_items"."kind" in ('COMPUTER', 'BROADBAND_LINE', 'VIDEO_ROOM', 'CAMERA', 'DIGITAL_SIGNATURE', 'OFFICIAL_EMAIL')),
	CONSTRAINT "inventory_items_state_check" CHECK ("inventory_items"."state" in ('WORKING', 'BROKEN', 'RETIRED')),
	CONSTRAINT "inventory_items_count_check" CHECK ("inventory_items"."count" >= 0),
	CONSTRAINT "inventory_items_year_check" CHECK ("inventory_items"."year" is null or "inventory_items"."year" between 1980 and 2100)
);
--> statement-breakpoint
CREATE TABLE "scorecard_entries" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "scorecard_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"indicator_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"period" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"numerator" double precision NOT NULL,
	"denominator" double precision,
	"note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'DRAFT' NOT NULL,
	"return_reason" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_by" integer,
	"submitted_at" timestamp with time zone,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"corrects_id" integer,
	"row_version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "scorecard_entries_status_check" CHECK ("scorecard_entries"."status" in ('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED')),
	CONSTRAINT "scorecard_entries_period_check" CHECK ("scorecard_entries"."period" ~ '^[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$'),
	CONSTRAINT "scorecard_entries_values_check" CHECK ("scorecard_entries"."numerator" >= 0 and ("scorecard_entries"."denominator" is null or "scorecard_entries"."denominator" > 0))
);
--> statement-breakpoint
CREATE TABLE "scorecard_evidence" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "scorecard_evidence_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"entry_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scorecard_indicators" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "scorecard_indicators_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"owner_unit_id" integer,
	"code" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"formula_vi" text DEFAULT '' NOT NULL,
	"formula_en" text DEFAULT '' NOT NULL,
	"measure" text NOT NULL,
	"unit_vi" text DEFAULT '' NOT NULL,
	"unit_en" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"source" text,
	"levels" text[] NOT NULL,
	"direction" text DEFAULT 'HIGHER' NOT NULL,
	"period_kind" text DEFAULT 'MONTH' NOT NULL,
	"near_margin" double precision,
	"active" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scorecard_indicators_measure_check" CHECK ("scorecard_indicators"."measure" in ('PERCENT', 'COUNT', 'AVERAGE')),
	CONSTRAINT "scorecard_indicators_kind_check" CHECK ("scorecard_indicators"."kind" in ('COMPUTED', 'ENTERED')),
	CONSTRAINT "scorecard_indicators_direction_check" CHECK ("scorecard_indicators"."direction" in ('HIGHER', 'LOWER')),
	CONSTRAINT "scorecard_indicators_period_check" CHECK ("scorecard_indicators"."period_kind" in ('MONTH', 'QUARTER', 'YEAR')),
	CONSTRAINT "scorecard_indicators_source_check" CHECK (("scorecard_indicators"."kind" = 'COMPUTED' and "scorecard_indicators"."source" in ('VNEID_L2', 'PHONE_ON_RECORD', 'CHANNEL_HOUSEHOLDS', 'ANNOUNCEMENT_REACH_30D', 'DOSSIER_ONLINE', 'DOSSIER_FULL_ONLINE', 'DOSSIER_ON_TIME', 'DOSSIER_PAID_ONLINE', 'DOSSIER_E_RESULT', 'DOSSIER_DIGITIZED', 'FEEDBACK_ON_TIME', 'FEEDBACK_SATISFIED', 'CAMPAIGN_COMPLETION', 'TEAM_TRAINED', 'TEAM_ACTIVE')) or ("scorecard_indicators"."kind" = 'ENTERED' and "scorecard_indicators"."source" is null))
);
--> statement-breakpoint
CREATE TABLE "scorecard_publications" (
	"unit_id" integer NOT NULL,
	"indicator_id" integer NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "scorecard_publications_unit_id_indicator_id_pk" PRIMARY KEY("unit_id","indicator_id")
);
--> statement-breakpoint
CREATE TABLE "scorecard_reports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "scorecard_reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"period" text NOT NULL,
	"status" text DEFAULT 'QUEUED' NOT NULL,
	"error" text,
	"file_name" text,
	"content" "bytea",
	"requested_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "scorecard_reports_status_check" CHECK ("scorecard_reports"."status" in ('QUEUED', 'RUNNING', 'DONE', 'FAILED'))
);
--> statement-breakpoint
CREATE TABLE "scorecard_set_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "scorecard_set_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"set_id" integer NOT NULL,
	"pillar_vi" text NOT NULL,
	"pillar_en" text NOT NULL,
	"indicator_id" integer NOT NULL,
	"max_points" double precision NOT NULL,
	"rule" jsonb NOT NULL,
	"evidence_required" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "scorecard_set_items_points_check" CHECK ("scorecard_set_items"."max_points" > 0)
);
--> statement-breakpoint
CREATE TABLE "scorecard_sets" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "scorecard_sets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"owner_unit_id" integer,
	"code" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"basis" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scorecard_settings" (
	"unit_id" integer PRIMARY KEY NOT NULL,
	"near_margin" double precision DEFAULT 0.1 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scorecard_snapshots" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "scorecard_snapshots_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"province_id" integer NOT NULL,
	"period" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"values" integer DEFAULT 0 NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" integer
);
--> statement-breakpoint
CREATE TABLE "scorecard_targets" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "scorecard_targets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"indicator_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"period" text NOT NULL,
	"target" double precision NOT NULL,
	"set_by" integer,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scorecard_targets_period_check" CHECK ("scorecard_targets"."period" ~ '^[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$')
);
--> statement-breakpoint
CREATE TABLE "scorecard_values" (
	"unit_id" integer NOT NULL,
	"indicator_id" integer NOT NULL,
	"period" text NOT NULL,
	"numerator" double precision,
	"denominator" double precision,
	"value" double precision,
	"entry_id" integer,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"frozen_at" timestamp with time zone,
	CONSTRAINT "scorecard_values_unit_id_indicator_id_period_pk" PRIMARY KEY("unit_id","indicator_id","period")
);
--> statement-breakpoint
ALTER TABLE "team_members" ADD COLUMN "trained_on" date;--> statement-breakpoint
ALTER TABLE "inventory_items" ADD CONSTRAINT "inventory_items_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_items" ADD CONSTRAINT "inventory_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_entries" ADD CONSTRAINT "scorecard_entries_indicator_id_scorecard_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."scorecard_indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_entries" ADD CONSTRAINT "scorecard_entries_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_entries" ADD CONSTRAINT "scorecard_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_entries" ADD CONSTRAINT "scorecard_entries_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_entries" ADD CONSTRAINT "scorecard_entries_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_evidence" ADD CONSTRAINT "scorecard_evidence_entry_id_scorecard_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."scorecard_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_evidence" ADD CONSTRAINT "scorecard_evidence_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_indicators" ADD CONSTRAINT "scorecard_indicators_owner_unit_id_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_publications" ADD CONSTRAINT "scorecard_publications_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_publications" ADD CONSTRAINT "scorecard_publications_indicator_id_scorecard_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."scorecard_indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_reports" ADD CONSTRAINT "scorecard_reports_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_reports" ADD CONSTRAINT "scorecard_reports_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_set_items" ADD CONSTRAINT "scorecard_set_items_set_id_scorecard_sets_id_fk" FOREIGN KEY ("set_id") REFERENCES "public"."scorecard_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_set_items" ADD CONSTRAINT "scorecard_set_items_indicator_id_scorecard_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."scorecard_indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_sets" ADD CONSTRAINT "scorecard_sets_owner_unit_id_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_settings" ADD CONSTRAINT "scorecard_settings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_snapshots" ADD CONSTRAINT "scorecard_snapshots_province_id_units_id_fk" FOREIGN KEY ("province_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_snapshots" ADD CONSTRAINT "scorecard_snapshots_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_targets" ADD CONSTRAINT "scorecard_targets_indicator_id_scorecard_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."scorecard_indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_targets" ADD CONSTRAINT "scorecard_targets_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_targets" ADD CONSTRAINT "scorecard_targets_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_values" ADD CONSTRAINT "scorecard_values_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_values" ADD CONSTRAINT "scorecard_values_indicator_id_scorecard_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."scorecard_indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_values" ADD CONSTRAINT "scorecard_values_entry_id_scorecard_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."scorecard_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inventory_items_unit_idx" ON "inventory_items" USING btree ("unit_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "scorecard_entries_version_key" ON "scorecard_entries" USING btree ("indicator_id","unit_id","period","version");--> statement-breakpoint
CREATE INDEX "scorecard_entries_unit_idx" ON "scorecard_entries" USING btree ("unit_id","period");--> statement-breakpoint
CREATE INDEX "scorecard_entries_status_idx" ON "scorecard_entries" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "scorecard_evidence_entry_idx" ON "scorecard_evidence" USING btree ("entry_id");--> statement-breakpoint
CREATE UNIQUE INDEX "scorecard_indicators_code_key" ON "scorecard_indicators" USING btree (coalesce("owner_unit_id", 0),"code");--> statement-breakpoint
CREATE INDEX "scorecard_reports_unit_idx" ON "scorecard_reports" USING btree ("unit_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "scorecard_set_items_key" ON "scorecard_set_items" USING btree ("set_id","indicator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "scorecard_sets_code_key" ON "scorecard_sets" USING btree (coalesce("owner_unit_id", 0),"code");--> statement-breakpoint
CREATE UNIQUE INDEX "scorecard_snapshots_key" ON "scorecard_snapshots" USING btree ("province_id","period");--> statement-breakpoint
CREATE UNIQUE INDEX "scorecard_targets_key" ON "scorecard_targets" USING btree ("indicator_id","unit_id","period");--> statement-breakpoint
CREATE INDEX "scorecard_values_period_idx" ON "scorecard_values" USING btree ("period","indicator_id");
--> statement-breakpoint
-- A frozen month never changes: the report already sent stays what it was (issue 17).
CREATE OR REPLACE FUNCTION scorecard_values_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.frozen_at IS NOT NULL THEN
    RAISE EXCEPTION 'scorecard value of unit % indicator % for % is frozen', OLD.unit_id, OLD.indicator_id, OLD.period
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;--> statement-breakpoint
CREATE TRIGGER scorecard_values_frozen BEFORE UPDATE OR DELETE ON scorecard_values
  FOR EACH ROW EXECUTE FUNCTION scorecard_values_frozen();--> statement-breakpoint
-- An approved entry is locked: a correction is a new version. Only its link to a later correction may not change either.
CREATE OR REPLACE FUNCTION scorecard_entries_locked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'APPROVED' THEN
    RAISE EXCEPTION 'scorecard entry % is approved and locked', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;--> statement-breakpoint
CREATE TRIGGER scorecard_entries_locked BEFORE UPDATE OR DELETE ON scorecard_entries
  FOR EACH ROW EXECUTE FUNCTION scorecard_entries_locked();--> statement-breakpoint
-- The shipped catalog (owner null). Provinces add their own rows; these can be switched off, not deleted.
INSERT INTO scorecard_indicators (code, name_vi, name_en, formula_vi, formula_en, measure, unit_vi, unit_en, kind, source, levels, direction, period_kind, position) VALUES
('VNEID_L2', 'Người từ 14 tuổi có tài khoản định danh điện tử mức 2', 'Residents aged 14+ with a level-2 VNeID account',
 'Số người từ 14 tuổi đang cư trú có VNeID mức 2 / số người từ 14 tuổi đang cư trú (cuối kỳ)', 'Residents aged 14+ living here with VNeID level 2 / residents aged 14+ living here (end of period)',
 'PERCENT', '', '', 'COMPUTED', 'VNEID_L2', '{COMMUNITY,COMMUNE,PROVINCE}', 'HIGHER', 'MONTH', 10),
('PHONE_ON_RECORD', 'Người dân có số điện thoại trong sổ', 'Residents with a phone number on record',
 'Số người đang cư trú có số điện thoại / số người đang cư trú (số điện thoại như sổ ghi hiện nay: sổ không lưu lịch sử số điện thoại)', 'Residents living here with a phone on record / residents living here (phones as recorded now: the registry keeps no history of phones)',
 'PERCENT', '', '', 'COMPUTED', 'PHONE_ON_RECORD', '{COMMUNITY,COMMUNE,PROVINCE}', 'HIGHER', 'MONTH', 20),
('CHANNEL_HOUSEHOLDS', 'Hộ tham gia kênh thông tin của thôn, tổ dân phố', 'Households in their group''s channel',
 'Số hộ có ít nhất một người nhận tin qua kênh của thôn, tổ / số hộ', 'Households with at least one member receiving the group''s channel / households',
 'PERCENT', '', '', 'COMPUTED', 'CHANNEL_HOUSEHOLDS', '{COMMUNITY,COMMUNE,PROVINCE}', 'HIGHER', 'MONTH', 30),
('ANNOUNCEMENT_REACH_30D', 'Hộ nhận được thông báo trong 30 ngày', 'Households reached by an announcement in 30 days',
 'Số hộ nhận được ít nhất một thông báo trong 30 ngày tính đến cuối kỳ / số hộ', 'Households that received at least one announcement in the 30 days to the end of the period / households',
 'PERCENT', '', '', 'COMPUTED', 'ANNOUNCEMENT_REACH_30D', '{COMMUNITY,COMMUNE,PROVINCE}', 'HIGHER', 'MONTH', 40),
('DOSSIER_ONLINE', 'Hồ sơ tiếp nhận trực tuyến', 'Dossiers received online',
 'Số hồ sơ tiếp nhận trực tuyến / số hồ sơ tiếp nhận trong kỳ', 'Dossiers received online / dossiers received in the period',
 'PERCENT', '', '', 'COMPUTED', 'DOSSIER_ONLINE', '{COMMUNE,PROVINCE}', 'HIGHER', 'MONTH', 50),
('DOSSIER_FULL_ONLINE', 'Hồ sơ trực tuyến toàn trình', 'Dossiers fully online',
 'Số hồ sơ trực tuyến thuộc TTHC toàn trình / số hồ sơ tiếp nhận thuộc TTHC toàn trình', 'Online dossiers of fully-online procedures / dossiers received of fully-online procedures',
 'PERCENT', '', '', 'COMPUTED', 'DOSSIER_FULL_ONLINE', '{COMMUNE,PROVINCE}', 'HIGHER', 'MONTH', 60),
('DOSSIER_ON_TIME', 'Hồ sơ giải quyết đúng hạn', 'Dossiers resolved on time',
 'Số hồ sơ giải quyết đúng hạn / số hồ sơ đã giải quyết trong kỳ', 'Dossiers resolved on time / dossiers resolved in the period',
 'PERCENT', '', '', 'COMPUTED', 'DOSSIER_ON_TIME', '{COMMUNE,PROVINCE}', 'HIGHER', 'MONTH', 70),
('DOSSIER_PAID_ONLINE', 'Hồ sơ nộp phí trực tuyến', 'Dossiers paid online',
 'Số hồ sơ nộp phí, lệ phí trực tuyến / số hồ sơ đã nộp phí, lệ phí', 'Dossiers whose fees were paid online / dossiers whose fees were paid',
 'PERCENT', '', '', 'COMPUTED', 'DOSSIER_PAID_ONLINE', '{COMMUNE,PROVINCE}', 'HIGHER', 'MONTH', 80),
('DOSSIER_E_RESULT', 'Hồ sơ trả kết quả điện tử', 'Dossiers with an electronic result',
 'Số hồ sơ có kết quả điện tử / số hồ sơ đã giải quyết trong kỳ', 'Dossiers with an electronic result / dossiers resolved in the period',
 'PERCENT', '', '', 'COMPUTED', 'DOSSIER_E_RESULT', '{COMMUNE,PROVINCE}', 'HIGHER', 'MONTH', 90),
('DOSSIER_DIGITIZED', 'Hồ sơ được số hóa', 'Dossiers digitized',
 'Số hồ sơ được số hóa thành phần / số hồ sơ tiếp nhận trong kỳ', 'Dossiers with digitized papers / dossiers received in the period',
 'PERCENT', '', '', 'COMPUTED', 'DOSSIER_DIGITIZED', '{COMMUNE,PROVINCE}', 'HIGHER', 'MONTH', 100),
('FEEDBACK_ON_TIME', 'Phản ánh, kiến nghị trả lời đúng hạn', 'Questions and reports answered on time',
 'Số phản ánh, kiến nghị trả lời đúng hạn / số đã trả lời trong kỳ', 'Questions and reports answered on time / answered in the period',
 'PERCENT', '', '', 'COMPUTED', 'FEEDBACK_ON_TIME', '{COMMUNE,PROVINCE}', 'HIGHER', 'MONTH', 110),
('FEEDBACK_SATISFIED', 'Người dân hài lòng với trả lời phản ánh, kiến nghị', 'Citizens satisfied with answers',
 'Số đánh giá hài lòng / số đánh giá trong kỳ', 'Satisfied ratings / ratings in the period',
 'PERCENT', '', '', 'COMPUTED', 'FEEDBACK_SATISFIED', '{COMMUNE,PROVINCE}', 'HIGHER', 'MONTH', 120),
('CAMPAIGN_COMPLETION', 'Hộ đã được hỗ trợ trong chiến dịch', 'Campaign households done',
 'Số hộ đã xong trong các chiến dịch đang chạy / số hộ được giao', 'Households done in running campaigns / households assigned',
 'PERCENT', '', '', 'COMPUTED', 'CAMPAIGN_COMPLETION', '{COMMUNITY,COMMUNE,PROVINCE}', 'HIGHER', 'MONTH', 130),
('TEAM_TRAINED', 'Thành viên Tổ công nghệ số cộng đồng đã được tập huấn', 'Digital team members trained',
 'Số thành viên đã được tập huấn / số thành viên', 'Members trained / members',
 'PERCENT', '', '', 'COMPUTED', 'TEAM_TRAINED', '{COMMUNITY,COMMUNE,PROVINCE}', 'HIGHER', 'MONTH', 140),
('TEAM_ACTIVE', 'Thành viên Tổ công nghệ số cộng đồng hoạt động', 'Digital team members active',
 'Số thành viên có lượt đi hỗ trợ trong 30 ngày tính đến cuối kỳ / số thành viên', 'Members with a visit in the 30 days to the end of the period / members',
 'PERCENT', '', '', 'COMPUTED', 'TEAM_ACTIVE', '{COMMUNITY,COMMUNE,PROVINCE}', 'HIGHER', 'MONTH', 150),
('BROADBAND_HOUSEHOLDS', 'Hộ gia đình có cáp quang, Internet băng rộng cố định', 'Households with fixed broadband',
 'Số hộ có Internet băng rộng cố định / tổng số hộ (theo số liệu nhà mạng)', 'Households with fixed broadband / households (from the operators'' figures)',
 'PERCENT', '', '', 'ENTERED', NULL, '{COMMUNITY,COMMUNE,PROVINCE}', 'HIGHER', 'QUARTER', 200),
('STAFF_OFFICIAL_EMAIL', 'Cán bộ, công chức có thư điện tử công vụ', 'Staff with an official email',
 'Số cán bộ, công chức có thư công vụ / số cán bộ, công chức', 'Staff with an official mailbox / staff',
 'PERCENT', '', '', 'ENTERED', NULL, '{COMMUNE,PROVINCE}', 'HIGHER', 'QUARTER', 210),
('STAFF_DIGITAL_SIGNATURE', 'Cán bộ, công chức có chữ ký số', 'Staff with a digital signature',
 'Số cán bộ, công chức được cấp chữ ký số / số cán bộ, công chức', 'Staff issued a digital signature / staff',
 'PERCENT', '', '', 'ENTERED', NULL, '{COMMUNE,PROVINCE}', 'HIGHER', 'QUARTER', 220),
('CITIZEN_DIGITAL_SIGNATURES', 'Chữ ký số cá nhân cấp cho người dân', 'Personal digital signatures issued to citizens',
 'Số chữ ký số cá nhân (chữ ký số công cộng, ký số từ xa) đã cấp cho người dân trên địa bàn', 'Personal digital signatures issued to residents',
 'COUNT', 'chữ ký', 'signatures', 'ENTERED', NULL, '{COMMUNE,PROVINCE}', 'HIGHER', 'QUARTER', 230),
('CASHLESS_SHOPS', 'Cơ sở kinh doanh chấp nhận thanh toán không dùng tiền mặt', 'Shops accepting cashless payment',
 'Số cơ sở kinh doanh có mã QR, POS / số cơ sở kinh doanh', 'Shops with a QR code or card terminal / shops',
 'PERCENT', '', '', 'ENTERED', NULL, '{COMMUNITY,COMMUNE,PROVINCE}', 'HIGHER', 'QUARTER', 240),
('COMPUTERS', 'Máy tính phục vụ công việc', 'Computers in use',
 'Số máy tính đang dùng được tại trụ sở (theo danh mục thiết bị)', 'Working computers at the office (from the inventory)',
 'COUNT', 'máy', 'computers', 'ENTERED', NULL, '{COMMUNE,PROVINCE}', 'HIGHER', 'YEAR', 250),
('COMPUTER_AGE', 'Tuổi bình quân của máy tính', 'Average age of computers',
 'Tổng số năm sử dụng của các máy tính / số máy tính', 'Total years in use of the computers / computers',
 'AVERAGE', 'năm', 'years', 'ENTERED', NULL, '{COMMUNE,PROVINCE}', 'LOWER', 'YEAR', 260),
('VIDEO_ROOMS', 'Phòng họp trực tuyến', 'Video-conference rooms',
 'Số điểm cầu họp trực tuyến đang dùng được', 'Working video-conference rooms',
 'COUNT', 'phòng', 'rooms', 'ENTERED', NULL, '{COMMUNE,PROVINCE}', 'HIGHER', 'YEAR', 270),
('CAMERAS', 'Camera an ninh, giám sát', 'Security cameras',
 'Số camera giám sát đang hoạt động trên địa bàn', 'Working security cameras',
 'COUNT', 'camera', 'cameras', 'ENTERED', NULL, '{COMMUNITY,COMMUNE,PROVINCE}', 'HIGHER', 'YEAR', 280);
--> statement-breakpoint
-- A sample scored set in the DTI pattern (ratio × max points, or steps). No commune-level set is published
-- nationally (DOMAIN-2 §3, unconfirmed): a province replaces it with its own.
INSERT INTO scorecard_sets (code, name_vi, name_en, basis) VALUES
('CDS_XA_MAU', 'Bộ chỉ số chuyển đổi số cấp xã (mẫu)', 'Commune digital-transformation set (sample)',
 'Bộ mẫu theo cách chấm điểm DTI (tỷ lệ × điểm tối đa); tỉnh thay bằng bộ chỉ số của mình');
--> statement-breakpoint
INSERT INTO scorecard_set_items (set_id, pillar_vi, pillar_en, indicator_id, max_points, rule, evidence_required, position)
SELECT s.id, p.pillar_vi, p.pillar_en, i.id, p.points, p.rule::jsonb, p.evidence, p.pos
FROM scorecard_sets s
CROSS JOIN (VALUES
  ('Chính quyền số', 'Digital government', 'DOSSIER_ONLINE', 100, '{"kind":"RATIO"}', false, 10),
  ('Chính quyền số', 'Digital government', 'DOSSIER_FULL_ONLINE', 50, '{"kind":"RATIO"}', false, 20),
  ('Chính quyền số', 'Digital government', 'DOSSIER_ON_TIME', 100, '{"kind":"RATIO"}', false, 30),
  ('Chính quyền số', 'Digital government', 'DOSSIER_DIGITIZED', 50, '{"kind":"RATIO"}', false, 40),
  ('Chính quyền số', 'Digital government', 'DOSSIER_PAID_ONLINE', 50, '{"kind":"RATIO"}', false, 50),
  ('Chính quyền số', 'Digital government', 'FEEDBACK_ON_TIME', 50, '{"kind":"RATIO"}', false, 60),
  ('Xã hội số', 'Digital society', 'VNEID_L2', 200, '{"kind":"RATIO"}', false, 70),
  ('Xã hội số', 'Digital society', 'CHANNEL_HOUSEHOLDS', 50, '{"kind":"RATIO"}', false, 80),
  ('Xã hội số', 'Digital society', 'TEAM_ACTIVE', 50, '{"kind":"RATIO"}', false, 90),
  ('Kinh tế số', 'Digital economy', 'CASHLESS_SHOPS', 100, '{"kind":"RATIO"}', true, 100),
  ('Hạ tầng số', 'Digital infrastructure', 'BROADBAND_HOUSEHOLDS', 100, '{"kind":"RATIO"}', true, 110),
  ('Hạ tầng số', 'Digital infrastructure', 'STAFF_DIGITAL_SIGNATURE', 50, '{"kind":"RATIO"}', true, 120),
  ('Hạ tầng số', 'Digital infrastructure', 'VIDEO_ROOMS', 50, '{"kind":"STEPS","steps":[{"min":2,"points":50},{"min":1,"points":30}]}', true, 130)
) AS p(pillar_vi, pillar_en, code, points, rule, evidence, pos)
JOIN scorecard_indicators i ON i.owner_unit_id IS NULL AND i.code = p.code
WHERE s.owner_unit_id IS NULL AND s.code = 'CDS_XA_MAU';
