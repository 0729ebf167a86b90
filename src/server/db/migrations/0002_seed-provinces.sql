-- Reference data: the nation root and the 34 provinces and centrally run cities of the 2025 reform
-- (Resolution 202/2025/QH15; codes per Decision 19/2025/QĐ-TTg). Communes are added by admins or imports.
INSERT INTO units (code, name, kind, tier, path, depth, legal_basis, valid_from)
VALUES ('VN', 'Việt Nam', 'NATION', 'NATION', '/pending/', 0, NULL, NULL);--> statement-breakpoint
UPDATE units SET path = '/' || id || '/' WHERE code = 'VN' AND tier = 'NATION';--> statement-breakpoint
INSERT INTO units (parent_id, code, name, kind, tier, path, depth, legal_basis, valid_from)
SELECT root.id, p.code, p.name, p.kind, 'PROVINCE', 'pending-' || p.code, 1, 'Nghị quyết 202/2025/QH15; Quyết định 19/2025/QĐ-TTg', DATE '2025-07-01'
FROM (SELECT id FROM units WHERE code = 'VN' AND tier = 'NATION') root,
(VALUES
  ('01', 'Thành phố Hà Nội', 'CITY'),
  ('04', 'Tỉnh Cao Bằng', 'PROVINCE'),
  ('08', 'Tỉnh Tuyên Quang', 'PROVINCE'),
  ('11', 'Tỉnh Điện Biên', 'PROVINCE'),
  ('12', 'Tỉnh Lai Châu', 'PROVINCE'),
  ('14', 'Tỉnh Sơn La', 'PROVINCE'),
  ('15', 'Tỉnh Lào Cai', 'PROVINCE'),
  ('19', 'Tỉnh Thái Nguyên', 'PROVINCE'),
  ('20', 'Tỉnh Lạng Sơn', 'PROVINCE'),
  ('22', 'Tỉnh Quảng Ninh', 'PROVINCE'),
  ('24', 'Tỉnh Bắc Ninh', 'PROVINCE'),
  ('25', 'Tỉnh Phú Thọ', 'PROVINCE'),
  ('31', 'Thành phố Hải Phòng', 'CITY'),
  ('33', 'Tỉnh Hưng Yên', 'PROVINCE'),
  ('37', 'Tỉnh Ninh Bình', 'PROVINCE'),
  ('38', 'Tỉnh Thanh Hóa', 'PROVINCE'),
  ('40', 'Tỉnh Nghệ An', 'PROVINCE'),
  ('42', 'Tỉnh Hà Tĩnh', 'PROVINCE'),
  ('44', 'Tỉnh Quảng Trị', 'PROVINCE'),
  ('46', 'Thành phố Huế', 'CITY'),
  ('48', 'Thành phố Đà Nẵng', 'CITY'),
  ('51', 'Tỉnh Quảng Ngãi', 'PROVINCE'),
  ('52', 'Tỉnh Gia Lai', 'PROVINCE'),
  ('56', 'Tỉnh Khánh Hòa', 'PROVINCE'),
  ('66', 'Tỉnh Đắk Lắk', 'PROVINCE'),
  ('68', 'Tỉnh Lâm Đồng', 'PROVINCE'),
  ('75', 'Tỉnh Đồng Nai', 'PROVINCE'),
  ('79', 'Thành phố Hồ Chí Minh', 'CITY'),
  ('80', 'Tỉnh Tây Ninh', 'PROVINCE'),
  ('82', 'Tỉnh Đồng Tháp', 'PROVINCE'),
  ('86', 'Tỉnh Vĩnh Long', 'PROVINCE'),
  ('91', 'Tỉnh An Giang', 'PROVINCE'),
  ('92', 'Thành phố Cần Thơ', 'CITY'),
  ('96', 'Tỉnh Cà Mau', 'PROVINCE')
) AS p(code, name, kind);--> statement-breakpoint
UPDATE units SET path = '/' || parent_id || '/' || id || '/' WHERE tier = 'PROVINCE';
