/** Households, their heads and members, in Vietnamese. */
export const householdsVi = {
  title: 'Hộ gia đình',
  head: 'Chủ hộ',
  members: 'Thành viên',
  memberCount: '{{count}} người',
  code: 'Số hộ',
  kind: 'Loại hộ',
  current: 'Đang ở',
  past: 'Đã chuyển đi',
  joined: 'Ngày đến',
  left: 'Ngày đi',
  relation: 'Quan hệ',
  residence: 'Cư trú',
  noHead: 'Chưa có chủ hộ',
};
