/** Door-to-door campaigns, in Vietnamese. */
export const campaignsVi = {
  title: 'Chiến dịch đến từng nhà', new: 'Phát động chiến dịch', template: 'Loại chiến dịch', unit: 'Phạm vi', startsOn: 'Bắt đầu', deadline: 'Hạn hoàn thành',
  targetRate: 'Chỉ tiêu (%)', start: 'Phát động', started: 'Đã phát động: {{targets}} đối tượng ở {{communes}} xã, phường', target: 'chỉ tiêu {{rate}}%',
  top: 'Toàn bộ', progress: 'Đã xong {{done}}/{{targets}} ({{rate}}%)', targets: 'Đối tượng', done: 'Đã xong', rate: 'Tỷ lệ', direct: 'Trực thuộc',
  assign: 'Giao hộ cho các thành viên tổ', assigned: 'Đã giao {{count}} hộ', mine: 'Các hộ được giao cho tôi',
  burndown: 'Tiến độ về đích', burndownLabel: 'Còn {{left}} trên chỉ tiêu {{goal}}', goal: 'Đã xong {{done}}/{{goal}} theo chỉ tiêu ({{targets}} đối tượng)',
  pace: 'cần {{needed}} mỗi ngày trong {{days}} ngày còn lại (trung bình đến nay {{soFar}}/ngày)', overdue: 'đã quá hạn mà chưa đạt chỉ tiêu', daily: 'Từng ngày',
  leaderboard: 'Bảng thi đua', group: 'Thôn, tổ dân phố', team: 'Tổ công nghệ số', visits: 'Lượt thăm',
  left: 'Các hộ còn lại', letters: 'In giấy mời (PDF)', remind: 'Gửi tin nhắc các hộ còn lại', reminded: 'Đã gửi tin nhắc tới {{count}} hộ', notVisited: 'Chưa đến',
  conflicts: 'Lượt thăm cần tổ trưởng xem lại', apply: 'Vẫn ghi nhận', dismiss: 'Bỏ qua',
  conflictReasons: { HOUSEHOLD_CHANGED: 'Thông tin hộ đã thay đổi sau khi máy tải về', PERSON_CHANGED: 'Thông tin của người này đã được người khác sửa', NOT_ASSIGNED: 'Hộ đã giao cho thành viên khác' },
  guide: { deadline: 'Hạn hoàn thành: {{date}}', ended: 'Chiến dịch đã kết thúc.', steps: 'Các bước thực hiện' },
};
