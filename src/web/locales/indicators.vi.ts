/** The one-stop shop's indicators, in Vietnamese. */
export const indicatorsVi = {
  title: 'Chỉ số phục vụ một cửa',
  unit: 'Đơn vị',
  year: 'Năm',
  received: 'Hồ sơ tiếp nhận',
  onlineRate: 'Tỷ lệ trực tuyến',
  fullOnlineRate: 'Trực tuyến toàn trình',
  onTimeRate: 'Đúng hạn',
  digitizedRate: 'Số hóa',
  onlinePaymentRate: 'Thanh toán trực tuyến',
  satisfactionRate: 'Hài lòng',
  overdueNow: 'Đang quá hạn',
  byMonth: 'Hồ sơ theo tháng',
  communes: 'So sánh các xã, phường (xếp theo tỷ lệ đúng hạn)',
  other: 'Trực tiếp, bưu chính',
};
