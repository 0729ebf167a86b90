/** Digital-technology teams, the duty roster and support points, in Vietnamese. */
export const teamsVi = {
  title: 'Tổ công nghệ số cộng đồng', decision: 'Quyết định', fullName: 'Họ và tên', role: 'Vai trò', phone: 'Số điện thoại',
  skills: 'Kỹ năng (cách nhau bởi dấu phẩy)', addMember: 'Thêm thành viên', new: 'Thành lập tổ', unit: 'Thôn, tổ dân phố hoặc xã', name: 'Tên tổ',
  create: 'Thành lập', duty: 'Lịch trực bộ phận một cửa (7 ngày tới)', day: 'Ngày', shift: 'Ca', member: 'Người trực', addDuty: 'Xếp lịch trực',
  points: 'Điểm hỗ trợ người dân', pointsPublic: 'Nơi Tổ công nghệ số hỗ trợ bà con', pointName: 'Tên điểm', address: 'Địa chỉ', hours: 'Giờ hỗ trợ',
  services: 'Hỗ trợ những việc gì', addPoint: 'Thêm điểm hỗ trợ',
  role_: { HEAD: 'Tổ trưởng', DEPUTY: 'Tổ phó', MEMBER: 'Thành viên' },
  shift_: { MORNING: 'Sáng', AFTERNOON: 'Chiều', EVENING: 'Tối' },
};
