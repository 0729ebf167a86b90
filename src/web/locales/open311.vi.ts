/** Khóa API Open311 cấp cho ứng dụng bên ngoài (cài đặt "Phản ánh, kiến nghị"). */
export const open311Vi = {
  title: 'Ứng dụng kết nối (Open311)',
  intro:
    'Ứng dụng bên ngoài (bản đồ phản ánh, ứng dụng đô thị thông minh) gửi phản ánh vào xã qua chuẩn Open311 GeoReport v2. Mỗi ứng dụng cần một khóa API do xã cấp.',
  endpoint: 'Địa chỉ kết nối',
  jurisdiction: 'Mã xã (jurisdiction_id)',
  empty: 'Chưa cấp khóa nào.',
  name: 'Tên ứng dụng',
  contact: 'Người liên hệ (email, điện thoại)',
  key: 'Khóa',
  issuedAt: 'Ngày cấp',
  lastUsed: 'Dùng gần nhất',
  never: 'Chưa dùng',
  status: 'Trạng thái',
  active: 'Đang dùng',
  revokedOn: 'Đã thu hồi ngày {{date}}',
  issue: 'Cấp khóa mới',
  revoke: 'Thu hồi',
  confirmRevoke: 'Thu hồi khóa của "{{name}}"? Ứng dụng này sẽ không gửi được phản ánh nữa. Không thể hoàn tác.',
  issuedTitle: 'Khóa API của "{{name}}"',
  issuedOnce:
    'Hãy sao chép và gửi khóa này cho ứng dụng ngay bây giờ. Khóa chỉ hiện một lần; nếu làm mất, hãy thu hồi và cấp khóa mới.',
  copy: 'Sao chép',
  copied: 'Đã sao chép',
  done: 'Tôi đã lưu khóa',
};
