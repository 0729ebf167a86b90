/** Signing in and one's own account, in Vietnamese. */
export const authVi = {
  login: {
    title: 'Đăng nhập',
    username: 'Tên đăng nhập',
    password: 'Mật khẩu',
    submit: 'Đăng nhập',
    busy: 'Đang đăng nhập…',
  },
  account: {
    title: 'Tài khoản của tôi',
    changePassword: 'Đổi mật khẩu',
    current: 'Mật khẩu hiện tại',
    next: 'Mật khẩu mới (ít nhất 10 ký tự)',
    changed: 'Đã đổi mật khẩu. Các thiết bị khác đã bị đăng xuất.',
  },
};
