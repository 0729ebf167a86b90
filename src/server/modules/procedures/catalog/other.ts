import { free, fee, doc, type CatalogEntry } from './parts.js';

/** Other. */
export const other: CatalogEntry[] = [
  {
    code: '1.013225',
    nameVi: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
    nameEn: 'Building permit for a detached house',
    field: 'XAY_DUNG',
    time: [15, 'WORKING_DAY'],
    online: 'PARTIAL',
    fees: fee(75000),
    documents: [
      doc('Đơn đề nghị cấp giấy phép xây dựng', 'Permit application'),
      doc('Giấy tờ về quyền sử dụng đất', 'Land-use papers', 'COPY'),
      doc('Bản vẽ thiết kế xây dựng', 'Building drawings', 'COPY', 2),
    ],
    legalBasis: 'Luật Xây dựng 2014 (sửa đổi 2020)',
  },
  {
    code: '2.000950',
    nameVi: 'Công nhận tổ trưởng tổ hòa giải',
    nameEn: 'Recognition of a reconciliation team leader',
    field: 'KHAC',
    time: [5, 'WORKING_DAY'],
    online: 'NONE',
    fees: free,
    documents: [doc('Văn bản đề nghị của trưởng ban công tác Mặt trận', 'Proposal of the Front work committee')],
    legalBasis: 'Luật Hòa giải ở cơ sở 2013',
  },
  {
    code: '2.000930',
    nameVi: 'Thôi làm tổ trưởng tổ hòa giải',
    nameEn: 'Stepping down as reconciliation team leader',
    field: 'KHAC',
    time: [5, 'WORKING_DAY'],
    online: 'NONE',
    fees: free,
    documents: [doc('Văn bản đề nghị', 'Proposal')],
    legalBasis: 'Luật Hòa giải ở cơ sở 2013',
  },
];
