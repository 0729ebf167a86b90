/** Fees: paid by VietQR transfer or in cash at the counter, in Vietnamese. */
export const paymentsVi = {
  payTitle: 'Nộp phí bằng VietQR',
  payHint: 'Mở ứng dụng ngân hàng, quét mã: số tiền và nội dung chuyển khoản (có mã hồ sơ) đã được điền sẵn.',
  payTo: 'Tài khoản nhận: {{name}}',
  cash: 'Thu tiền mặt {{fee}}',
  cashDone: 'Đã thu, biên lai số {{receipt}}',
};
