import { free, fee, doc, idPaper, field, type CatalogEntry } from './parts.js';

/** Household business. */
export const business: CatalogEntry[] = [
  ...(
    [
      ['1.001612', 'Đăng ký thành lập hộ kinh doanh', 'Registration of a household business', 100000],
      [
        '2.000720',
        'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh',
        'Change of household-business registration details',
        50000,
      ],
      ['1.001570', 'Tạm ngừng hoạt động hộ kinh doanh', 'Suspension of a household business', 0],
      ['1.001266', 'Chấm dứt hoạt động hộ kinh doanh', 'Closure of a household business', 0],
      [
        '2.000575',
        'Cấp lại Giấy chứng nhận đăng ký hộ kinh doanh',
        'Re-issue of a household-business certificate',
        50000,
      ],
    ] as const
  ).map(
    ([code, nameVi, nameEn, amount]): CatalogEntry => ({
      code,
      nameVi,
      nameEn,
      field: 'HO_KINH_DOANH',
      time: [3, 'WORKING_DAY'],
      online: 'FULL',
      fees: amount ? fee(amount, amount / 2) : free,
      documents: [doc('Giấy đề nghị (theo mẫu)', 'Application form'), idPaper],
      fields: [field('businessName', 'Tên hộ kinh doanh', 'Business name')],
      legalBasis: 'Nghị định 168/2025/NĐ-CP',
    }),
  ),
];
