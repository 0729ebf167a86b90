import { campaignsVi } from './campaigns.vi.js';
import { fieldVi } from './field.vi.js';
import { teamsVi } from './teams.vi.js';
import { channelsVi } from './channels.vi.js';
import { onestopVi } from './onestop.vi.js';

/** Vietnamese, the default. Written as people at a ward office say it. English (en.ts) must have every key. */
export const vi = {
  app: { name: 'Kết nối', tagline: 'Sổ hộ và nhân khẩu của xã, phường' },
  nav: { home: 'Trang chủ', residents: 'Nhân khẩu', households: 'Hộ gia đình', units: 'Đơn vị', import: 'Nhập danh sách', users: 'Tài khoản', audit: 'Nhật ký', account: 'Tài khoản của tôi', logout: 'Đăng xuất', logoutEverywhere: 'Đăng xuất mọi thiết bị', menu: 'Menu' },
  lang: { label: 'Ngôn ngữ', vi: 'Tiếng Việt', en: 'English' },
  login: { title: 'Đăng nhập', username: 'Tên đăng nhập', password: 'Mật khẩu', submit: 'Đăng nhập', busy: 'Đang đăng nhập…' },
  common: { search: 'Tìm', loading: 'Đang tải…', none: 'Không có kết quả', save: 'Lưu', cancel: 'Hủy', back: 'Quay lại', next: 'Trang sau', prev: 'Trang trước', page: 'Trang {{page}}', yes: 'Có', no: 'Không', unknown: 'Chưa rõ', export: 'Xuất', exportXlsx: 'Xuất Excel', exportCsv: 'Xuất CSV', all: 'Tất cả', close: 'Đóng', create: 'Tạo mới', edit: 'Sửa', saved: 'Đã lưu', retry: 'Thử lại' },
  home: { greeting: 'Xin chào, {{name}}', searchHint: 'Gõ tên (không cần dấu), số định danh, số điện thoại hoặc địa chỉ', yourUnits: 'Đơn vị phụ trách', quick: 'Việc thường làm' },
  search: { placeholder: 'Ví dụ: nguyen van an, 0912345678, ngõ 3', label: 'Tìm người hoặc hộ' },
  gender: { MALE: 'Nam', FEMALE: 'Nữ' },
  vneid: { NONE: 'Chưa có', L1: 'Mức 1', L2: 'Mức 2', label: 'Định danh điện tử (VNeID)' },
  householdKind: { FAMILY: 'Hộ gia đình', BOARDING_HOUSE: 'Nhà trọ', COLLECTIVE: 'Hộ tập thể' },
  relation: { HEAD: 'Chủ hộ', SPOUSE: 'Vợ/Chồng', CHILD: 'Con', PARENT: 'Bố/Mẹ', SIBLING: 'Anh/Chị/Em', GRANDCHILD: 'Cháu', TENANT: 'Người thuê trọ', OTHER: 'Khác' },
  residence: { PERMANENT: 'Thường trú', TEMPORARY: 'Tạm trú', TEMPORARY_ABSENT: 'Tạm vắng' },
  role: { SYSTEM_ADMIN: 'Quản trị hệ thống', PROVINCE_OFFICER: 'Cán bộ tỉnh', COMMUNE_LEADER: 'Lãnh đạo UBND xã', ONESTOP_OFFICER: 'Cán bộ một cửa', GROUP_HEAD: 'Trưởng thôn / Tổ trưởng', DIGITAL_TEAM: 'Tổ công nghệ số cộng đồng' },
  unitKind: { NATION: 'Quốc gia', PROVINCE: 'Tỉnh', CITY: 'Thành phố', COMMUNE: 'Xã', WARD: 'Phường', SPECIAL_ZONE: 'Đặc khu', THON: 'Thôn', AP: 'Ấp', BAN: 'Bản', BUON: 'Buôn', SOC: 'Sóc', TO_DAN_PHO: 'Tổ dân phố', KHU_PHO: 'Khu phố', KHOM: 'Khóm', ZONE: 'Ngõ / khu' },
  residents: {
    title: 'Nhân khẩu', fullName: 'Họ và tên', birthDate: 'Ngày sinh', gender: 'Giới tính', personalId: 'Số định danh', phone: 'Điện thoại', unit: 'Thôn/tổ', address: 'Địa chỉ', smartphone: 'Điện thoại thông minh', tags: 'Nhãn',
    count: '{{count}} người', includeFormer: 'Gồm cả người đã chuyển đi', memberships: 'Quá trình cư trú', sensitive: 'Thông tin nhạy cảm', ethnicity: 'Dân tộc', health: 'Sức khỏe', household: 'Hộ', since: 'Từ {{date}}', until: 'đến {{date}}', now: 'đến nay', checkedOn: 'kiểm tra ngày {{date}}', openHousehold: 'Xem hộ', updateVneid: 'Cập nhật VNeID',
  },
  households: { title: 'Hộ gia đình', head: 'Chủ hộ', members: 'Thành viên', memberCount: '{{count}} người', code: 'Số hộ', kind: 'Loại hộ', current: 'Đang ở', past: 'Đã chuyển đi', joined: 'Ngày đến', left: 'Ngày đi', relation: 'Quan hệ', residence: 'Cư trú', boardingOnly: 'Chỉ nhà trọ', noHead: 'Chưa có chủ hộ' },
  units: { title: 'Đơn vị hành chính và thôn, tổ', children: 'Đơn vị trực thuộc', closed: 'Đã giải thể', addChild: 'Thêm đơn vị con', code: 'Mã', name: 'Tên', kind: 'Loại', rename: 'Đổi tên', close: 'Giải thể', closeReason: 'Lý do giải thể', households: 'Hộ trong đơn vị', residents: 'Nhân khẩu trong đơn vị' },
  import: {
    title: 'Nhập danh sách hộ và nhân khẩu', step1: '1. Tải tệp mẫu và điền danh sách', step2: '2. Chọn đơn vị và tệp (.xlsx hoặc .csv)', step3: '3. Kiểm tra và nhập',
    templateXlsx: 'Tải tệp mẫu Excel', templateCsv: 'Tải tệp mẫu CSV', unit: 'Nhập vào đơn vị', file: 'Tệp danh sách', upload: 'Tải lên và kiểm tra', uploading: 'Đang tải lên…',
    checking: 'Đang kiểm tra… {{done}} dòng', importing: 'Đang nhập… {{done}}/{{total}} dòng', clean: 'Tệp hợp lệ: {{rows}} dòng, {{households}} hộ. Chưa có gì được ghi vào sổ.',
    hasErrors: 'Tệp có {{count}} lỗi. Chưa có gì được ghi vào sổ. Hãy sửa tệp rồi tải lên lại, hoặc bỏ qua các dòng lỗi.',
    row: 'Dòng', column: 'Cột', reason: 'Lỗi', commit: 'Nhập vào sổ', commitSkipping: 'Bỏ qua {{count}} dòng lỗi và nhập phần còn lại', done: 'Đã nhập xong', failed: 'Nhập không thành công: {{reason}}',
    summary: 'Tạo mới {{householdsCreated}} hộ, {{residentsCreated}} người; cập nhật {{residentsUpdated}} người; chuyển hộ {{residentsMoved}} người; không đổi {{residentsUnchanged}} người.', again: 'Nhập tệp khác', moreErrors: 'Chỉ hiện {{shown}} lỗi đầu tiên trên tổng số {{count}}.',
  },
  users: { title: 'Tài khoản cán bộ', username: 'Tên đăng nhập', fullName: 'Họ tên', roles: 'Vai trò', status: 'Trạng thái', active: 'Đang hoạt động', disabled: 'Đã khóa', locked: 'Tạm khóa đến {{time}}', disable: 'Khóa tài khoản', enable: 'Mở khóa', resetPassword: 'Đặt lại mật khẩu', rescope: 'Đổi vai trò, đơn vị', newPassword: 'Mật khẩu mới (ít nhất 10 ký tự)', create: 'Thêm tài khoản', role: 'Vai trò', unit: 'Đơn vị', password: 'Mật khẩu' },
  audit: { title: 'Nhật ký truy cập và thay đổi', at: 'Thời điểm', who: 'Người thực hiện', action: 'Thao tác', entity: 'Đối tượng', from: 'Từ nơi', filterAction: 'Lọc theo thao tác (ví dụ resident.read)', dateFrom: 'Từ ngày', dateTo: 'Đến ngày' },
  account: { title: 'Tài khoản của tôi', changePassword: 'Đổi mật khẩu', current: 'Mật khẩu hiện tại', next: 'Mật khẩu mới (ít nhất 10 ký tự)', changed: 'Đã đổi mật khẩu. Các thiết bị khác đã bị đăng xuất.' },
  onestop: onestopVi,
  channels: channelsVi,
  teams: teamsVi,
  campaigns: campaignsVi,
  field: fieldVi,
  errors: { network: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.', generic: 'Có lỗi xảy ra' },
};
export type Messages = typeof vi;
