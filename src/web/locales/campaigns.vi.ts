/** Door-to-door campaigns, in Vietnamese. */
export const campaignsVi = {
  title: 'Chiến dịch đến từng nhà', new: 'Phát động chiến dịch', template: 'Loại chiến dịch', unit: 'Phạm vi', startsOn: 'Bắt đầu', deadline: 'Hạn hoàn thành',
  targetRate: 'Chỉ tiêu (%)', start: 'Phát động', started: 'Đã phát động: {{targets}} đối tượng ở {{communes}} xã, phường', target: 'chỉ tiêu {{rate}}%',
  top: 'Toàn bộ', progress: 'Đã xong {{done}}/{{targets}} ({{rate}}%)', targets: 'Đối tượng', done: 'Đã xong', rate: 'Tỷ lệ', direct: 'Trực thuộc',
  assign: 'Giao hộ cho các thành viên tổ', assigned: 'Đã giao {{count}} hộ', mine: 'Các hộ được giao cho tôi',
};
