import { authVi } from './auth.vi.js';
import { residentsVi } from './residents.vi.js';
import { householdsVi } from './households.vi.js';
import { unitsVi } from './units.vi.js';
import { importsVi } from './imports.vi.js';
import { usersVi } from './users.vi.js';
import { auditVi } from './audit.vi.js';
import { proceduresVi } from './procedures.vi.js';
import { calendarVi } from './calendar.vi.js';
import { dossiersVi } from './dossiers.vi.js';
import { paymentsVi } from './payments.vi.js';
import { counterVi } from './counter.vi.js';
import { citizensVi } from './citizens.vi.js';
import { indicatorsVi } from './indicators.vi.js';
import { announcementsVi } from './announcements.vi.js';
import { teamsVi } from './teams.vi.js';
import { sandboxVi } from './sandbox.vi.js';
import { campaignsVi } from './campaigns.vi.js';
import { documentsVi } from './documents.vi.js';

/** Vietnamese, the default. Written as people at a ward office say it. English (en.ts) must have every key. */
export const vi = {
  app: { name: 'Kết nối', tagline: 'Sổ hộ và nhân khẩu của xã, phường' },
  nav: {
    home: 'Trang chủ',
    residents: 'Nhân khẩu',
    households: 'Hộ gia đình',
    units: 'Đơn vị',
    import: 'Nhập danh sách',
    users: 'Tài khoản',
    audit: 'Nhật ký',
    account: 'Tài khoản của tôi',
    logout: 'Đăng xuất',
    logoutEverywhere: 'Đăng xuất mọi thiết bị',
    menu: 'Menu',
    announcements: 'Thông báo',
    appointments: 'Lịch hẹn',
    admin: 'Thủ tục và lịch làm việc',
    indicators: 'Chỉ số một cửa',
    dossiers: 'Hồ sơ một cửa',
    counter: 'Nhận hồ sơ tại quầy',
    procedures: 'Thủ tục hành chính',
    lookup: 'Tra cứu hồ sơ',
  },
  lang: { label: 'Ngôn ngữ', vi: 'Tiếng Việt', en: 'English' },
  common: {
    search: 'Tìm',
    loading: 'Đang tải…',
    noAccess: 'Bạn không có quyền xem trang này. Nếu cần, hãy nhờ quản trị viên cấp quyền.',
    none: 'Không có kết quả',
    save: 'Lưu',
    cancel: 'Hủy',
    back: 'Quay lại',
    next: 'Trang sau',
    prev: 'Trang trước',
    page: 'Trang {{page}}',
    yes: 'Có',
    no: 'Không',
    unknown: 'Chưa rõ',
    export: 'Xuất',
    exportXlsx: 'Xuất Excel',
    exportCsv: 'Xuất CSV',
    all: 'Tất cả',
    close: 'Đóng',
    create: 'Tạo mới',
    edit: 'Sửa',
    saved: 'Đã lưu',
    retry: 'Thử lại',
  },
  home: {
    greeting: 'Xin chào, {{name}}',
    searchHint: 'Gõ tên (không cần dấu), số định danh, số điện thoại hoặc địa chỉ',
    yourUnits: 'Đơn vị phụ trách',
    quick: 'Việc thường làm',
  },
  search: { placeholder: 'Ví dụ: nguyen van an, 0912345678, ngõ 3', label: 'Tìm người hoặc hộ' },
  gender: { MALE: 'Nam', FEMALE: 'Nữ' },
  vneid: { NONE: 'Chưa có', L1: 'Mức 1', L2: 'Mức 2', label: 'Định danh điện tử (VNeID)' },
  householdKind: { FAMILY: 'Hộ gia đình', BOARDING_HOUSE: 'Nhà trọ', COLLECTIVE: 'Hộ tập thể' },
  relation: {
    HEAD: 'Chủ hộ',
    SPOUSE: 'Vợ/Chồng',
    CHILD: 'Con',
    PARENT: 'Bố/Mẹ',
    SIBLING: 'Anh/Chị/Em',
    GRANDCHILD: 'Cháu',
    TENANT: 'Người thuê trọ',
    OTHER: 'Khác',
  },
  residence: { PERMANENT: 'Thường trú', TEMPORARY: 'Tạm trú', TEMPORARY_ABSENT: 'Tạm vắng' },
  role: {
    SYSTEM_ADMIN: 'Quản trị hệ thống',
    PROVINCE_OFFICER: 'Cán bộ tỉnh',
    COMMUNE_LEADER: 'Lãnh đạo UBND xã',
    ONESTOP_OFFICER: 'Cán bộ một cửa',
    GROUP_HEAD: 'Trưởng thôn / Tổ trưởng',
    DIGITAL_TEAM: 'Tổ công nghệ số cộng đồng',
  },
  unitKind: {
    NATION: 'Quốc gia',
    PROVINCE: 'Tỉnh',
    CITY: 'Thành phố',
    COMMUNE: 'Xã',
    WARD: 'Phường',
    SPECIAL_ZONE: 'Đặc khu',
    THON: 'Thôn',
    AP: 'Ấp',
    BAN: 'Bản',
    BUON: 'Buôn',
    SOC: 'Sóc',
    TO_DAN_PHO: 'Tổ dân phố',
    KHU_PHO: 'Khu phố',
    KHOM: 'Khóm',
    ZONE: 'Ngõ / khu',
  },
  chart: {
    showTable: 'Xem bảng số liệu',
    hideTable: 'Ẩn bảng số liệu',
    tableOf: 'Bảng số liệu: {{title}}',
    when: { hour: 'Giờ', day: 'Ngày', month: 'Tháng' },
  },
  errors: { network: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.', generic: 'Có lỗi xảy ra' },
  auth: authVi,
  residents: residentsVi,
  households: householdsVi,
  units: unitsVi,
  imports: importsVi,
  users: usersVi,
  audit: auditVi,
  procedures: proceduresVi,
  calendar: calendarVi,
  dossiers: dossiersVi,
  payments: paymentsVi,
  counter: counterVi,
  citizens: citizensVi,
  indicators: indicatorsVi,
  announcements: announcementsVi,
  teams: teamsVi,
  sandbox: sandboxVi,
  campaigns: campaignsVi,
  documents: documentsVi,
};
export type Messages = typeof vi;
