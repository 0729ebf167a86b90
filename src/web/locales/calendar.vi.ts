/** The working calendar: holidays and swapped working days, in Vietnamese. */
export const calendarVi = {
  title: 'Lịch làm việc',
  kind: { HOLIDAY: 'Ngày nghỉ', WORKDAY: 'Ngày làm bù' },
  addDay: 'Thêm ngày',
  remove: 'Bỏ',
  source: { RULE: 'Theo luật', ADMIN: 'Do cán bộ nhập' },
  dayName: 'Tên ngày (tiếng Việt)',
  dayNameEn: 'Tên ngày (tiếng Anh)',
};
