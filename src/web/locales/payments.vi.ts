/** Fees: paid by VietQR, by a transfer typed in a banking app, or in cash at the counter, in Vietnamese. */
export const paymentsVi = {
  payTitle: 'Nộp phí bằng VietQR',
  payHint: 'Mở ứng dụng ngân hàng, quét mã: số tiền và nội dung chuyển khoản (có mã hồ sơ) đã được điền sẵn.',
  payTo: 'Tài khoản nhận: {{name}}',
  orType:
    'Không quét được mã (ví dụ đang xem trang này trên chính điện thoại dùng để chuyển khoản)? Chép từng thông tin dưới đây vào ứng dụng ngân hàng:',
  bank: 'Ngân hàng',
  accountNumber: 'Số tài khoản',
  accountName: 'Chủ tài khoản',
  amount: 'Số tiền',
  purpose: 'Nội dung chuyển khoản',
  copy: 'Sao chép',
  copied: 'Đã chép',
  copyWhat: 'Sao chép {{what}}',
  paidTitle: 'Đã nộp phí, lệ phí',
  paidBy: {
    CASH: 'Đã nộp {{fee}} bằng tiền mặt tại Bộ phận một cửa lúc {{at}}.',
    VIETQR: 'Đã nộp {{fee}} bằng chuyển khoản VietQR lúc {{at}}.',
    PAYGOV: 'Đã nộp {{fee}} qua Cổng thanh toán lúc {{at}}.',
    TRANSFER:
      'Đã nộp {{fee}} bằng chuyển khoản ngân hàng ngày {{day}}; Bộ phận một cửa đã đối chiếu sao kê lúc {{at}}.',
  },
  record: {
    CASH: 'Đã thu {{fee}} tiền mặt, biên lai {{receipt}}, lúc {{at}}',
    VIETQR: 'Đã nhận {{fee}} qua VietQR lúc {{at}}',
    PAYGOV: 'Đã nhận {{fee}} qua Cổng thanh toán lúc {{at}}',
    TRANSFER: 'Đã nhận {{fee}} chuyển khoản ngày {{day}}, mã giao dịch {{reference}}',
  },
  recordedBy: 'cán bộ ghi nhận: {{name}}',
  cash: 'Thu tiền mặt {{fee}}',
  cashlessToday: 'Hôm nay không thu tiền mặt: ghi nhận chuyển khoản khi người dân đã chuyển.',
  cashDone: 'Đã thu, biên lai số {{receipt}}',
  transfer: 'Ghi nhận chuyển khoản',
  transferHint:
    'Khi sao kê tài khoản của xã có khoản chuyển {{fee}} với mã hồ sơ này (kể cả ngày không dùng tiền mặt).',
  transferAmount: 'Số tiền (đồng)',
  reference: 'Mã giao dịch trên sao kê',
  transferredOn: 'Ngày chuyển khoản',
  transferDone: 'Đã ghi nhận chuyển khoản, mã giao dịch {{reference}}',
};
