/** The unit tree: communes and wards, residential groups, alleys, in Vietnamese. */
export const unitsVi = {
  title: 'Đơn vị hành chính và thôn, tổ',
  children: 'Đơn vị trực thuộc',
  closed: 'Đã giải thể',
  addChild: 'Thêm đơn vị con',
  code: 'Mã',
  name: 'Tên',
  kind: 'Loại',
  rename: 'Đổi tên',
  close: 'Giải thể',
  closeReason: 'Lý do giải thể',
  households: 'Hộ trong đơn vị',
  residents: 'Nhân khẩu trong đơn vị',
  move: 'Chuyển sang đơn vị khác',
  moveTo: 'Chọn đơn vị cha mới trong cây',
  moveButton: 'Chuyển',
  moveConfirm: 'Chuyển {{unit}} (cùng các đơn vị, hộ và người bên dưới) vào {{parent}}.',
};
