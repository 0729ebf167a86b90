import type { Bundle, OnlineLevel, ProcedureField, TimeUnit } from '../../../shared/onestop.js';
import type { ProcedureDocument, ProcedureFee, ProcedureFormField } from '../../db/schema/onestop.js';

/**
 * The common commune-level procedures shipped with Ketnoi (DOMAIN.md §3), as data. Codes, names and the fees DOMAIN.md
 * cites come from the national list; time limits and fees it marks *unconfirmed* are defaults that a province's
 * resolution overrides: admins edit and re-publish them (a new version), they are not constants in code.
 * Local procedures (no national code in DOMAIN.md) carry a local code and `national: false`.
 */
export type CatalogEntry = {
  code: string;
  national?: boolean;
  nameVi: string;
  nameEn: string;
  field: ProcedureField;
  time: [number, TimeUnit];
  online: OnlineLevel;
  postal?: boolean;
  approval?: boolean;
  fees?: ProcedureFee[];
  documents?: ProcedureDocument[];
  fields?: ProcedureFormField[];
  bundle?: Bundle;
  legalBasis?: string;
};

const free: ProcedureFee[] = [];
const fee = (inPerson: number, online = inPerson): ProcedureFee[] => [
  { channel: 'IN_PERSON', amountVnd: inPerson },
  { channel: 'POSTAL', amountVnd: inPerson },
  { channel: 'ONLINE', amountVnd: online },
];
const doc = (nameVi: string, nameEn: string, copyType: ProcedureDocument['copyType'] = 'ORIGINAL', count = 1, required = true): ProcedureDocument =>
  ({ nameVi, nameEn, copyType, count, required });
const idPaper = doc('Giấy tờ tùy thân (CCCD/căn cước) hoặc tài khoản định danh điện tử mức 2', 'Identity card or a level-2 VNeID account', 'ORIGINAL', 1, false);
const declaration = (what: string, whatEn: string) => doc(`Tờ khai ${what} (theo mẫu)`, `${whatEn} declaration form`);
const field = (key: string, labelVi: string, labelEn: string, type: ProcedureFormField['type'] = 'text', required = true): ProcedureFormField =>
  ({ key, labelVi, labelEn, type, required });
const childFields = [field('childName', 'Họ, chữ đệm, tên người được khai sinh', "Child's full name"), field('childBirthDate', 'Ngày sinh', 'Date of birth', 'date'), field('birthPlace', 'Nơi sinh', 'Place of birth')];
const deceasedFields = [field('deceasedName', 'Họ tên người chết', 'Name of the deceased'), field('deathDate', 'Ngày chết', 'Date of death', 'date'), field('deathPlace', 'Nơi chết', 'Place of death')];
const civil = 'Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP';
const residence = 'Luật Cư trú 2020; Nghị định 154/2024/NĐ-CP';

export const catalog: CatalogEntry[] = [
  // Civil status (hộ tịch). On-time birth, death and marriage registration are free (DOMAIN.md §3).
  { code: '1.001193', nameVi: 'Đăng ký khai sinh', nameEn: 'Birth registration', field: 'HO_TICH', time: [0, 'IMMEDIATE'], online: 'FULL', fees: free, bundle: 'BIRTH', legalBasis: civil,
    documents: [declaration('đăng ký khai sinh', 'Birth registration'), doc('Giấy chứng sinh', 'Birth certificate from the hospital'), idPaper], fields: childFields },
  { code: '1.000689', nameVi: 'Đăng ký khai sinh kết hợp nhận cha, mẹ, con', nameEn: 'Birth registration with recognition of parent and child', field: 'HO_TICH', time: [3, 'WORKING_DAY'], online: 'PARTIAL', fees: free, legalBasis: civil,
    documents: [declaration('đăng ký khai sinh và nhận cha, mẹ, con', 'Birth and parentage'), doc('Giấy chứng sinh', 'Birth certificate from the hospital'), doc('Chứng cứ chứng minh quan hệ cha, mẹ, con', 'Evidence of the parent–child relationship')], fields: childFields },
  { code: '1.003583', nameVi: 'Đăng ký khai sinh lưu động', nameEn: 'Mobile birth registration', field: 'HO_TICH', time: [5, 'WORKING_DAY'], online: 'NONE', postal: false, fees: free, legalBasis: civil, documents: [declaration('đăng ký khai sinh', 'Birth registration')], fields: childFields },
  { code: '1.004884', nameVi: 'Đăng ký lại khai sinh', nameEn: 'Re-registration of a birth', field: 'HO_TICH', time: [5, 'WORKING_DAY'], online: 'PARTIAL', fees: fee(5000), legalBasis: civil,
    documents: [declaration('đăng ký lại khai sinh', 'Birth re-registration'), doc('Bản sao giấy tờ có thông tin khai sinh', 'Copies of papers showing the birth details', 'COPY')], fields: childFields },
  { code: '1.004772', nameVi: 'Đăng ký khai sinh cho người đã có hồ sơ, giấy tờ cá nhân', nameEn: 'Birth registration for a person who already has personal papers', field: 'HO_TICH', time: [5, 'WORKING_DAY'], online: 'PARTIAL', fees: fee(5000), legalBasis: civil,
    documents: [declaration('đăng ký khai sinh', 'Birth registration'), doc('Bản sao giấy tờ cá nhân', 'Copies of personal papers', 'COPY')], fields: childFields },
  { code: '2.000528', nameVi: 'Đăng ký khai sinh có yếu tố nước ngoài tại khu vực biên giới', nameEn: 'Birth registration with a foreign element in a border area', field: 'HO_TICH', time: [5, 'WORKING_DAY'], online: 'PARTIAL', fees: fee(50000), legalBasis: civil,
    documents: [declaration('đăng ký khai sinh', 'Birth registration'), doc('Giấy chứng sinh', 'Birth certificate from the hospital'), doc('Giấy tờ tùy thân của cha, mẹ', "Parents' identity papers", 'COPY', 2)], fields: childFields },
  { code: '1.000656', nameVi: 'Đăng ký khai tử', nameEn: 'Death registration', field: 'HO_TICH', time: [0, 'IMMEDIATE'], online: 'FULL', fees: free, bundle: 'DEATH', legalBasis: civil,
    documents: [declaration('đăng ký khai tử', 'Death registration'), doc('Giấy báo tử hoặc giấy tờ thay thế', 'Death notice or a replacement paper')], fields: deceasedFields },
  { code: '1.000419', nameVi: 'Đăng ký khai tử lưu động', nameEn: 'Mobile death registration', field: 'HO_TICH', time: [5, 'WORKING_DAY'], online: 'NONE', postal: false, fees: free, legalBasis: civil, documents: [declaration('đăng ký khai tử', 'Death registration')], fields: deceasedFields },
  { code: '1.005461', nameVi: 'Đăng ký lại khai tử', nameEn: 'Re-registration of a death', field: 'HO_TICH', time: [5, 'WORKING_DAY'], online: 'PARTIAL', fees: fee(5000), legalBasis: civil, documents: [declaration('đăng ký lại khai tử', 'Death re-registration'), doc('Bản sao giấy tờ liên quan', 'Copies of related papers', 'COPY')], fields: deceasedFields },
  { code: '1.000894', nameVi: 'Đăng ký kết hôn', nameEn: 'Marriage registration', field: 'HO_TICH', time: [0, 'IMMEDIATE'], online: 'PARTIAL', postal: false, fees: free, legalBasis: civil,
    documents: [declaration('đăng ký kết hôn', 'Marriage registration'), idPaper], fields: [field('partnerName', 'Họ tên bên kia', "Partner's full name"), field('partnerBirthDate', 'Ngày sinh bên kia', "Partner's date of birth", 'date')] },
  { code: '1.000593', nameVi: 'Đăng ký kết hôn lưu động', nameEn: 'Mobile marriage registration', field: 'HO_TICH', time: [5, 'WORKING_DAY'], online: 'NONE', postal: false, fees: free, legalBasis: civil, documents: [declaration('đăng ký kết hôn', 'Marriage registration')] },
  { code: '1.004746', nameVi: 'Đăng ký lại kết hôn', nameEn: 'Re-registration of a marriage', field: 'HO_TICH', time: [5, 'WORKING_DAY'], online: 'PARTIAL', fees: fee(5000), legalBasis: civil, documents: [declaration('đăng ký lại kết hôn', 'Marriage re-registration'), doc('Bản sao giấy tờ về kết hôn', 'Copies of marriage papers', 'COPY')] },
  { code: '2.000806', nameVi: 'Đăng ký kết hôn có yếu tố nước ngoài tại khu vực biên giới', nameEn: 'Marriage registration with a foreign element in a border area', field: 'HO_TICH', time: [15, 'WORKING_DAY'], online: 'NONE', postal: false, fees: fee(50000), legalBasis: civil, documents: [declaration('đăng ký kết hôn', 'Marriage registration'), doc('Giấy tờ chứng minh tình trạng hôn nhân', 'Proof of marital status')] },
  { code: '2.002189', nameVi: 'Ghi vào Sổ hộ tịch việc kết hôn đã được giải quyết tại cơ quan có thẩm quyền của nước ngoài', nameEn: 'Recording a marriage concluded abroad', field: 'HO_TICH', time: [5, 'WORKING_DAY'], online: 'PARTIAL', fees: fee(50000), legalBasis: civil, documents: [declaration('ghi chú kết hôn', 'Marriage recording'), doc('Bản sao giấy tờ kết hôn do nước ngoài cấp', 'Copy of the foreign marriage certificate', 'COPY')] },
  { code: '1.004873', nameVi: 'Cấp Giấy xác nhận tình trạng hôn nhân', nameEn: 'Marital-status certificate', field: 'HO_TICH', time: [3, 'WORKING_DAY'], online: 'FULL', fees: fee(10000, 5000), legalBasis: civil,
    documents: [declaration('cấp Giấy xác nhận tình trạng hôn nhân', 'Marital-status certificate'), idPaper], fields: [field('purpose', 'Mục đích sử dụng', 'Purpose of use')] },
  { code: '1.004837', nameVi: 'Đăng ký giám hộ', nameEn: 'Guardianship registration', field: 'HO_TICH', time: [3, 'WORKING_DAY'], online: 'PARTIAL', fees: fee(5000), legalBasis: civil, documents: [declaration('đăng ký giám hộ', 'Guardianship'), doc('Văn bản cử người giám hộ', 'Document appointing the guardian')] },
  { code: '1.004845', nameVi: 'Đăng ký chấm dứt giám hộ', nameEn: 'Ending a guardianship', field: 'HO_TICH', time: [2, 'WORKING_DAY'], online: 'PARTIAL', fees: fee(5000), legalBasis: civil, documents: [declaration('đăng ký chấm dứt giám hộ', 'End of guardianship'), doc('Giấy tờ làm căn cứ chấm dứt giám hộ', 'Grounds for ending the guardianship')] },
  { code: '1.004859', nameVi: 'Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch', nameEn: 'Change, correction or completion of civil-status details', field: 'HO_TICH', time: [3, 'WORKING_DAY'], online: 'FULL', fees: fee(15000, 7500), legalBasis: civil,
    documents: [declaration('thay đổi, cải chính, bổ sung thông tin hộ tịch', 'Civil-status change'), doc('Giấy tờ làm căn cứ thay đổi, cải chính', 'Papers supporting the change', 'COPY')], fields: [field('change', 'Nội dung đề nghị thay đổi, cải chính', 'What should change', 'textarea')] },
  { code: '2.000635', nameVi: 'Cấp bản sao Trích lục hộ tịch', nameEn: 'Copy of a civil-status extract', field: 'HO_TICH', time: [0, 'IMMEDIATE'], online: 'FULL', fees: fee(8000), legalBasis: civil,
    documents: [doc('Tờ khai cấp bản sao trích lục hộ tịch', 'Request for a copy of an extract')], fields: [field('copies', 'Số bản sao', 'Number of copies')] },

  // Certification (chứng thực), Circular 226/2016 fees.
  { code: '2.000815', nameVi: 'Cấp bản sao có chứng thực từ bản chính', nameEn: 'Certified copy from the original', field: 'CHUNG_THUC', time: [0, 'SAME_DAY'], online: 'NONE', postal: false, approval: false,
    fees: [{ channel: 'IN_PERSON', amountVnd: 2000, noteVi: '2.000 đồng/trang; từ trang thứ ba 1.000 đồng/trang; tối đa 200.000 đồng/bản', noteEn: '2,000 VND/page; 1,000 from page 3; at most 200,000 per copy' }],
    documents: [doc('Bản chính giấy tờ cần chứng thực', 'The original to copy'), doc('Bản sao cần chứng thực', 'The copies to certify', 'COPY')], legalBasis: 'Nghị định 23/2015/NĐ-CP; Thông tư 226/2016/TT-BTC' },
  { code: '2.000884', nameVi: 'Chứng thực chữ ký trong các giấy tờ, văn bản', nameEn: 'Certification of a signature', field: 'CHUNG_THUC', time: [0, 'SAME_DAY'], online: 'NONE', postal: false, approval: false, fees: fee(10000), documents: [idPaper, doc('Giấy tờ, văn bản cần chứng thực chữ ký', 'The document to be signed')], legalBasis: 'Nghị định 23/2015/NĐ-CP' },
  { code: '2.000992', nameVi: 'Chứng thực chữ ký người dịch là cộng tác viên dịch thuật', nameEn: "Certification of a registered translator's signature", field: 'CHUNG_THUC', time: [0, 'SAME_DAY'], online: 'NONE', postal: false, approval: false, fees: fee(10000), documents: [doc('Bản dịch và giấy tờ cần dịch', 'The translation and its source')], legalBasis: 'Nghị định 23/2015/NĐ-CP' },
  { code: '2.001008', nameVi: 'Chứng thực chữ ký người dịch không phải là cộng tác viên dịch thuật', nameEn: "Certification of a translator's signature (not registered)", field: 'CHUNG_THUC', time: [0, 'SAME_DAY'], online: 'NONE', postal: false, approval: false, fees: fee(10000), documents: [doc('Bản dịch và giấy tờ cần dịch', 'The translation and its source'), doc('Bằng cấp ngoại ngữ của người dịch', "Translator's language qualification", 'COPY')], legalBasis: 'Nghị định 23/2015/NĐ-CP' },
  { code: '2.000942', nameVi: 'Cấp bản sao có chứng thực từ bản chính hợp đồng, giao dịch đã được chứng thực', nameEn: 'Certified copy of a certified contract', field: 'CHUNG_THUC', time: [2, 'WORKING_DAY'], online: 'NONE', approval: false,
    fees: [{ channel: 'IN_PERSON', amountVnd: 2000, noteVi: '2.000 đồng/trang; từ trang thứ ba 1.000 đồng/trang', noteEn: '2,000 VND/page; 1,000 from page 3' }], documents: [doc('Đơn đề nghị cấp bản sao', 'Request for a copy')], legalBasis: 'Nghị định 23/2015/NĐ-CP' },
  { code: 'LT.CT.HD', national: false, nameVi: 'Chứng thực hợp đồng, giao dịch', nameEn: 'Certification of a contract', field: 'CHUNG_THUC', time: [2, 'WORKING_DAY'], online: 'NONE', postal: false, fees: fee(50000), documents: [doc('Dự thảo hợp đồng, giao dịch', 'Draft contract'), idPaper], legalBasis: 'Nghị định 23/2015/NĐ-CP' },

  // Residence (commune police), fees per channel from DOMAIN.md §3; time limits unconfirmed.
  { code: '1.004222', nameVi: 'Đăng ký thường trú', nameEn: 'Permanent residence registration', field: 'CU_TRU', time: [7, 'WORKING_DAY'], online: 'FULL', fees: fee(20000, 10000), bundle: 'BIRTH', legalBasis: residence,
    documents: [declaration('thay đổi thông tin cư trú (CT01)', 'Residence change (CT01)'), doc('Giấy tờ chứng minh chỗ ở hợp pháp', 'Proof of lawful residence', 'COPY')], fields: [field('address', 'Địa chỉ đăng ký thường trú', 'Address to register')] },
  { code: '1.004194', nameVi: 'Đăng ký tạm trú', nameEn: 'Temporary residence registration', field: 'CU_TRU', time: [3, 'WORKING_DAY'], online: 'FULL',
    fees: [{ channel: 'IN_PERSON', amountVnd: 15000, noteVi: 'Đăng ký cho hộ gia đình, tập thể: 7.000 đồng/người', noteEn: 'For a household or collective: 7,000 VND per person' }, { channel: 'POSTAL', amountVnd: 15000 }, { channel: 'ONLINE', amountVnd: 7000, noteVi: 'Hộ gia đình, tập thể: 5.000 đồng/người', noteEn: 'Household or collective: 5,000 VND per person' }],
    documents: [declaration('thay đổi thông tin cư trú (CT01)', 'Residence change (CT01)'), doc('Giấy tờ chứng minh chỗ ở hợp pháp', 'Proof of lawful residence', 'COPY')], fields: [field('address', 'Địa chỉ tạm trú', 'Temporary address'), field('until', 'Tạm trú đến ngày', 'Until', 'date')], legalBasis: residence },
  { code: '1.002755', nameVi: 'Gia hạn tạm trú', nameEn: 'Extension of temporary residence', field: 'CU_TRU', time: [3, 'WORKING_DAY'], online: 'FULL', fees: fee(15000, 7000), documents: [declaration('thay đổi thông tin cư trú (CT01)', 'Residence change (CT01)')], fields: [field('until', 'Gia hạn đến ngày', 'Extend until', 'date')], legalBasis: residence },
  { code: '1.003197', nameVi: 'Xóa đăng ký thường trú', nameEn: 'Removal of permanent residence', field: 'CU_TRU', time: [1, 'WORKING_DAY'], online: 'FULL', fees: free, bundle: 'DEATH', documents: [declaration('thay đổi thông tin cư trú (CT01)', 'Residence change (CT01)'), doc('Giấy tờ chứng minh thuộc trường hợp xóa đăng ký', 'Proof of the grounds for removal', 'COPY')], legalBasis: residence },
  { code: '1.010028', nameVi: 'Xóa đăng ký tạm trú', nameEn: 'Removal of temporary residence', field: 'CU_TRU', time: [1, 'WORKING_DAY'], online: 'FULL', fees: free, documents: [declaration('thay đổi thông tin cư trú (CT01)', 'Residence change (CT01)')], legalBasis: residence },
  { code: '1.003677', nameVi: 'Khai báo tạm vắng', nameEn: 'Declaration of temporary absence', field: 'CU_TRU', time: [1, 'WORKING_DAY'], online: 'FULL', fees: free, documents: [declaration('thay đổi thông tin cư trú (CT01)', 'Residence change (CT01)')], fields: [field('destination', 'Nơi đến', 'Destination'), field('until', 'Tạm vắng đến ngày', 'Absent until', 'date')], legalBasis: residence },

  // Household business.
  ...([
    ['1.001612', 'Đăng ký thành lập hộ kinh doanh', 'Registration of a household business', 100000],
    ['2.000720', 'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh', 'Change of household-business registration details', 50000],
    ['1.001570', 'Tạm ngừng hoạt động hộ kinh doanh', 'Suspension of a household business', 0],
    ['1.001266', 'Chấm dứt hoạt động hộ kinh doanh', 'Closure of a household business', 0],
    ['2.000575', 'Cấp lại Giấy chứng nhận đăng ký hộ kinh doanh', 'Re-issue of a household-business certificate', 50000],
  ] as const).map(([code, nameVi, nameEn, amount]): CatalogEntry => ({
    code, nameVi, nameEn, field: 'HO_KINH_DOANH', time: [3, 'WORKING_DAY'], online: 'FULL', fees: amount ? fee(amount, amount / 2) : free,
    documents: [doc('Giấy đề nghị (theo mẫu)', 'Application form'), idPaper], fields: [field('businessName', 'Tên hộ kinh doanh', 'Business name')], legalBasis: 'Nghị định 168/2025/NĐ-CP',
  })),

  // Social affairs and people with merit.
  { code: '1.011607', nameVi: 'Công nhận hộ nghèo, hộ cận nghèo phát sinh trong năm', nameEn: 'Recognition of a poor or near-poor household', field: 'BAO_TRO_XA_HOI', time: [15, 'WORKING_DAY'], online: 'PARTIAL', fees: free, documents: [doc('Giấy đề nghị xét duyệt (theo mẫu)', 'Application form')], legalBasis: 'Nghị định 07/2021/NĐ-CP' },
  { code: '1.001699', nameVi: 'Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật', nameEn: 'Assessment of disability level and disability certificate', field: 'BAO_TRO_XA_HOI', time: [30, 'CALENDAR_DAY'], online: 'PARTIAL', fees: free, documents: [doc('Đơn đề nghị (theo mẫu)', 'Application form'), doc('Giấy tờ y tế liên quan', 'Related medical papers', 'COPY', 1, false)], legalBasis: 'Luật Người khuyết tật 2010' },
  { code: '1.001653', nameVi: 'Đổi, cấp lại Giấy xác nhận khuyết tật', nameEn: 'Re-issue of a disability certificate', field: 'BAO_TRO_XA_HOI', time: [5, 'WORKING_DAY'], online: 'FULL', fees: free, documents: [doc('Đơn đề nghị (theo mẫu)', 'Application form')], legalBasis: 'Luật Người khuyết tật 2010' },
  { code: '1.001776', nameVi: 'Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng', nameEn: 'Monthly social allowance: start, adjust or stop', field: 'BAO_TRO_XA_HOI', time: [15, 'WORKING_DAY'], online: 'PARTIAL', fees: free, documents: [doc('Tờ khai đề nghị trợ giúp xã hội (theo mẫu)', 'Social-assistance application')], legalBasis: 'Nghị định 20/2021/NĐ-CP' },
  { code: '1.001731', nameVi: 'Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội', nameEn: 'Funeral cost support', field: 'BAO_TRO_XA_HOI', time: [3, 'WORKING_DAY'], online: 'FULL', fees: free, bundle: 'DEATH', documents: [doc('Tờ khai đề nghị hỗ trợ chi phí mai táng', 'Funeral support application')], fields: deceasedFields, legalBasis: 'Nghị định 20/2021/NĐ-CP' },
  { code: '2.002307', nameVi: 'Hưởng trợ cấp mai táng phí đối với cựu chiến binh', nameEn: "Veterans' funeral allowance", field: 'NGUOI_CO_CONG', time: [10, 'WORKING_DAY'], online: 'PARTIAL', fees: free, documents: [doc('Tờ khai đề nghị (theo mẫu)', 'Application form'), doc('Trích lục khai tử', 'Death extract', 'COPY')], fields: deceasedFields, legalBasis: 'Nghị định 150/2006/NĐ-CP' },
  { code: '2.002308', nameVi: 'Hưởng chế độ mai táng phí đối với thanh niên xung phong thời kỳ chống Pháp', nameEn: "Former youth volunteers' funeral allowance", field: 'NGUOI_CO_CONG', time: [10, 'WORKING_DAY'], online: 'PARTIAL', fees: free, documents: [doc('Tờ khai đề nghị (theo mẫu)', 'Application form'), doc('Trích lục khai tử', 'Death extract', 'COPY')], fields: deceasedFields },
  { code: '1.010833', nameVi: 'Giải quyết chế độ đối với thân nhân người có công', nameEn: 'Allowances for relatives of people with merit', field: 'NGUOI_CO_CONG', time: [12, 'WORKING_DAY'], online: 'PARTIAL', fees: free, documents: [doc('Bản khai (theo mẫu)', 'Declaration form')], legalBasis: 'Nghị định 131/2021/NĐ-CP' },
  { code: '1.010803', nameVi: 'Giải quyết trợ cấp thờ cúng liệt sĩ', nameEn: 'Martyr-worship allowance', field: 'NGUOI_CO_CONG', time: [12, 'WORKING_DAY'], online: 'PARTIAL', fees: free, documents: [doc('Bản khai (theo mẫu)', 'Declaration form')], legalBasis: 'Nghị định 131/2021/NĐ-CP' },
  { code: 'LT.BHYT6', national: false, nameVi: 'Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi', nameEn: 'Health-insurance card for a child under 6', field: 'BAO_HIEM', time: [0, 'IMMEDIATE'], online: 'FULL', fees: free, bundle: 'BIRTH', documents: [], fields: childFields, legalBasis: 'Nghị định 63/2024/NĐ-CP' },
  { code: 'LT.TUAT', national: false, nameVi: 'Giải quyết trợ cấp tuất, trợ cấp mai táng (bảo hiểm xã hội)', nameEn: 'Survivor and funeral benefits (social insurance)', field: 'BAO_HIEM', time: [10, 'WORKING_DAY'], online: 'FULL', fees: free, bundle: 'DEATH', documents: [doc('Tờ khai của thân nhân', "Relative's declaration")], fields: deceasedFields, legalBasis: 'Nghị định 63/2024/NĐ-CP' },

  // Land, commune level since 2025 (Hải Phòng fees as the example; provinces set their own).
  { code: '1.013978', nameVi: 'Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận lần đầu', nameEn: 'First land registration and land-use certificate', field: 'DAT_DAI', time: [20, 'WORKING_DAY'], online: 'PARTIAL',
    fees: [{ channel: 'IN_PERSON', amountVnd: 25000, noteVi: 'Chưa gồm phí thẩm định hồ sơ (100.000–170.000 đồng)', noteEn: 'Appraisal fee (100,000–170,000 VND) not included' }, { channel: 'ONLINE', amountVnd: 0 }],
    documents: [doc('Đơn đăng ký đất đai (theo mẫu)', 'Land registration form'), doc('Giấy tờ về quyền sử dụng đất', 'Land-use papers', 'COPY')], fields: [field('parcel', 'Thửa đất số, tờ bản đồ số', 'Parcel and map sheet numbers')], legalBasis: 'Luật Đất đai 2024' },
  { code: '1.012783', nameVi: 'Cấp đổi Giấy chứng nhận quyền sử dụng đất', nameEn: 'Exchange of a land-use certificate', field: 'DAT_DAI', time: [7, 'WORKING_DAY'], online: 'PARTIAL', fees: fee(25000, 0), documents: [doc('Đơn đề nghị cấp đổi', 'Exchange request'), doc('Giấy chứng nhận đã cấp', 'The certificate issued')], legalBasis: 'Luật Đất đai 2024' },
  { code: '1.012786', nameVi: 'Cấp lại Giấy chứng nhận quyền sử dụng đất do bị mất', nameEn: 'Re-issue of a lost land-use certificate', field: 'DAT_DAI', time: [10, 'WORKING_DAY'], online: 'PARTIAL', fees: fee(35000, 0), documents: [doc('Đơn đề nghị cấp lại', 'Re-issue request'), doc('Giấy xác nhận về việc mất giấy chứng nhận', 'Confirmation of the loss')], legalBasis: 'Luật Đất đai 2024' },

  // Other.
  { code: '1.013225', nameVi: 'Cấp giấy phép xây dựng nhà ở riêng lẻ', nameEn: 'Building permit for a detached house', field: 'XAY_DUNG', time: [15, 'WORKING_DAY'], online: 'PARTIAL', fees: fee(75000), documents: [doc('Đơn đề nghị cấp giấy phép xây dựng', 'Permit application'), doc('Giấy tờ về quyền sử dụng đất', 'Land-use papers', 'COPY'), doc('Bản vẽ thiết kế xây dựng', 'Building drawings', 'COPY', 2)], legalBasis: 'Luật Xây dựng 2014 (sửa đổi 2020)' },
  { code: '2.000950', nameVi: 'Công nhận tổ trưởng tổ hòa giải', nameEn: 'Recognition of a reconciliation team leader', field: 'KHAC', time: [5, 'WORKING_DAY'], online: 'NONE', fees: free, documents: [doc('Văn bản đề nghị của trưởng ban công tác Mặt trận', 'Proposal of the Front work committee')], legalBasis: 'Luật Hòa giải ở cơ sở 2013' },
  { code: '2.000930', nameVi: 'Thôi làm tổ trưởng tổ hòa giải', nameEn: 'Stepping down as reconciliation team leader', field: 'KHAC', time: [5, 'WORKING_DAY'], online: 'NONE', fees: free, documents: [doc('Văn bản đề nghị', 'Proposal')], legalBasis: 'Luật Hòa giải ở cơ sở 2013' },
];
