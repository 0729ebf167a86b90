/** The sandbox outbox (what each demo phone received), in Vietnamese. */
export const sandboxVi = {
  title: 'Hộp thư thử nghiệm',
  banner: 'Hộp thư thử nghiệm — không gửi thật',
  explain:
    'Máy chủ đang chạy các nhà cung cấp giả lập (Zalo, ZNS, SMS, email, thông báo đẩy). Tin nhắn chỉ đến hộp thư này, không đến điện thoại của ai. Chọn một số điện thoại để xem máy đó nhận được gì, mở liên kết trong tin như người dân và bấm xác nhận.',
  rules:
    'Để thử lỗi: số điện thoại tận cùng {{refused}} bị nhà mạng từ chối; tận cùng {{unreachable}} không liên lạc được (báo lỗi sau khi gửi); email {{mailbox}}@… không có hộp thư.',
  notRunning: 'Hộp thư thử nghiệm chỉ có khi chạy bản trình diễn (npm start), không bao giờ có ở máy chủ thật.',
  stands: 'Đang giả lập',
  mailbox: 'Số điện thoại hoặc email',
  pick: '— Chọn —',
  count_one: '{{count}} tin',
  count_other: '{{count}} tin',
  refresh: 'Làm mới',
  empty: 'Chưa có tin nào đến đây.',
  noMailboxes: 'Chưa có tin nhắn nào được gửi qua hộp thư thử nghiệm.',
  open: 'Mở liên kết trong tin',
  to: 'Gửi tới',
  oa: {
    title: 'Nhắn tin tới Zalo OA của xã',
    explain:
      'Gửi như một người dân nhắn tin tới Zalo OA: tin nhắn thành phản ánh, kiến nghị (hoặc được thêm vào phản ánh đang mở của người đó). Lời đáp của OA và câu trả lời của cán bộ hiện trong hộp thư của số điện thoại này.',
    phone: 'Số điện thoại người gửi',
    text: 'Nội dung tin nhắn',
    send: 'Gửi tới OA',
    sent: 'Đã gửi. Lời đáp của OA hiện bên dưới.',
    off: 'Máy chủ đang dùng Zalo OA thật, không gửi thử được từ đây.',
  },
  channel: {
    ZALO: 'Zalo (OA)',
    ZNS: 'Zalo ZNS',
    SMS: 'Tin nhắn SMS',
    EMAIL: 'Email',
    PUSH: 'Thông báo đẩy',
  },
  status: {
    accepted: 'Đã nhận',
    refused: 'Bị từ chối',
    undeliverable: 'Không đến được',
  },
};
