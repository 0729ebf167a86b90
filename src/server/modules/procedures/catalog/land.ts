import { fee, doc, field, type CatalogEntry } from './parts.js';

/** Land, commune level since 2025 (Hải Phòng fees as the example; provinces set their own). */
export const land: CatalogEntry[] = [
  {
    code: '1.013978',
    nameVi: 'Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận lần đầu',
    nameEn: 'First land registration and land-use certificate',
    field: 'DAT_DAI',
    time: [20, 'WORKING_DAY'],
    online: 'PARTIAL',
    fees: [
      {
        channel: 'IN_PERSON',
        amountVnd: 25000,
        noteVi: 'Chưa gồm phí thẩm định hồ sơ (100.000–170.000 đồng)',
        noteEn: 'Appraisal fee (100,000–170,000 VND) not included',
      },
      { channel: 'ONLINE', amountVnd: 0 },
    ],
    documents: [
      doc('Đơn đăng ký đất đai (theo mẫu)', 'Land registration form'),
      doc('Giấy tờ về quyền sử dụng đất', 'Land-use papers', 'COPY'),
    ],
    fields: [field('parcel', 'Thửa đất số, tờ bản đồ số', 'Parcel and map sheet numbers')],
    legalBasis: 'Luật Đất đai 2024',
  },
  {
    code: '1.012783',
    nameVi: 'Cấp đổi Giấy chứng nhận quyền sử dụng đất',
    nameEn: 'Exchange of a land-use certificate',
    field: 'DAT_DAI',
    time: [7, 'WORKING_DAY'],
    online: 'PARTIAL',
    fees: fee(25000, 0),
    documents: [
      doc('Đơn đề nghị cấp đổi', 'Exchange request'),
      doc('Giấy chứng nhận đã cấp', 'The certificate issued'),
    ],
    legalBasis: 'Luật Đất đai 2024',
  },
  {
    code: '1.012786',
    nameVi: 'Cấp lại Giấy chứng nhận quyền sử dụng đất do bị mất',
    nameEn: 'Re-issue of a lost land-use certificate',
    field: 'DAT_DAI',
    time: [10, 'WORKING_DAY'],
    online: 'PARTIAL',
    fees: fee(35000, 0),
    documents: [
      doc('Đơn đề nghị cấp lại', 'Re-issue request'),
      doc('Giấy xác nhận về việc mất giấy chứng nhận', 'Confirmation of the loss'),
    ],
    legalBasis: 'Luật Đất đai 2024',
  },
];
