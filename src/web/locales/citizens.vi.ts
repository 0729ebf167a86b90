/** Citizens' own accounts, in Vietnamese. */
export const citizensVi = {
  account: 'Tài khoản của tôi',
  signIn: 'Đăng nhập',
  signUp: 'Đăng ký tài khoản',
  signOut: 'Đăng xuất',
  phone: 'Số điện thoại',
  password: 'Mật khẩu',
  newPassword: 'Mật khẩu (ít nhất 10 ký tự)',
  sendCode: 'Gửi mã xác thực qua SMS',
  codeSent: 'Đã gửi mã 6 số đến {{phone}}',
  code: 'Mã xác thực (6 số)',
  create: 'Tạo tài khoản',
  myDossiers: 'Hồ sơ của tôi',
  noDossiers: 'Chưa có hồ sơ nào',
  submittingAs: 'Nộp với tài khoản: {{name}}',
  or: 'hoặc',
  hint: 'Có tài khoản thì không phải khai lại thông tin mỗi lần nộp, và xem được mọi hồ sơ của mình.',
};
