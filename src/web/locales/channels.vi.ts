/** Group channels, the citizen's member page and the loudspeaker: Vietnamese as people in a ward say it. */
export const channelsVi = {
  channel_: { ZALO: 'Zalo', ZNS: 'Tin Zalo theo số điện thoại', SMS: 'Tin nhắn SMS', EMAIL: 'Email', PUSH: 'Thông báo trên điện thoại này' },
  join: {
    sendCodeZalo: 'Nhận mã qua Zalo',
    title: 'Tham gia kênh thông tin {{group}}', intro: '{{commune}}. Nhận thông báo của tổ và của phường qua cách ông/bà quen dùng.',
    phone: 'Số điện thoại', sendCode: 'Gửi mã xác thực', codeSent: 'Đã gửi mã 6 số về máy {{phone}}', code: 'Mã xác thực',
    personalId: 'Số định danh cá nhân (CCCD) của một người trong hộ — chỉ cần khi số điện thoại chưa có trong danh sách của tổ',
    channels: 'Nhận thông báo qua (theo thứ tự ưu tiên)', email: 'Địa chỉ email', language: 'Ngôn ngữ', submit: 'Tham gia',
    done: 'Đã tham gia. Hộ: {{address}}', zaloStep: 'Để nhận qua Zalo: quan tâm Official Account của phường rồi nhắn mã {{code}}',
    manage: 'Xem thông báo và đổi cách nhận', pushDenied: 'Trình duyệt chưa cho phép nhận thông báo',
  },
  member: {
    title: 'Kênh thông tin {{group}}', channels: 'Cách nhận thông báo', on: 'Đang nhận', off: 'Đã tắt', turnOff: 'Tắt', turnOn: 'Bật lại',
    waitingZalo: 'Chờ liên kết Zalo: nhắn mã {{code}} cho Official Account', announcements: 'Thông báo gửi đến hộ', unread: 'Chưa xem',
    leave: 'Rời kênh', left: 'Đã rời kênh thông tin của tổ.', notJoined: 'Máy này chưa tham gia kênh nào. Hãy quét mã QR của tổ để tham gia.',
  },
  open: { attachments: 'Tệp đính kèm', confirm: 'Xác nhận hộ đã nhận', confirmed: 'Đã xác nhận. Cảm ơn ông/bà!', english: 'Đọc bằng tiếng Anh', vietnamese: 'Đọc bằng tiếng Việt' },
  groups: {
    title: 'Kênh thông tin các tổ', rate: 'Tỷ lệ hộ tham gia', households: 'Số hộ', members: 'Hộ đã tham gia', poster: 'In áp phích mã QR',
    staff: 'Nhóm cán bộ', newStaff: 'Tạo nhóm', staffName: 'Tên nhóm', kind: 'Loại nhóm', addMember: 'Thêm người', fullName: 'Họ và tên', role: 'Chức vụ', phone: 'Số điện thoại', email: 'Email',
    kind_: { GROUP_HEADS: 'Trưởng thôn, tổ trưởng', PARTY_CELLS: 'Bí thư chi bộ', ASSOCIATION: 'Đoàn thể, hội', OTHER: 'Khác' },
  },
  extra: {
    tags: 'Nhãn của người dân (cách nhau bởi dấu phẩy)',
    notReached: 'Các hộ chưa nhận được tin (giao Tổ công nghệ số đến tận nhà)', download: 'Tải danh sách (Excel)',
    perPerson: 'Nội dung riêng cho từng người (mỗi người nhận một tin, thay vì mỗi hộ một tin)',
    gender: 'Giới tính', vneid: 'Mức định danh điện tử (VNeID)', anyone: 'Tất cả', scheduledAt: 'Hẹn giờ gửi', expiresAt: 'Hết hạn lúc', english: 'Bản tiếng Anh (không bắt buộc)',
    englishTitle: 'Tiêu đề tiếng Anh', englishBody: 'Nội dung tiếng Anh', staffGroups: 'Gửi cả các nhóm cán bộ', cancel: 'Hủy', scheduled: 'Đã hẹn giờ gửi lúc {{at}}',
    overTime: 'Tiếp cận theo thời gian', bulletin: 'Bản tin đọc trên loa (PDF)', audio: 'Tệp âm thanh đọc tự động', broadcasts: 'Lịch phát loa', airAt: 'Giờ phát', addBroadcast: 'Thêm lượt phát',
    attach: 'Đính kèm tệp (PDF, ảnh)', attached: 'Đã đính kèm {{name}}',
  },
  templates: {
    title: 'Mẫu tin soạn sẵn', pick: 'Chọn mẫu', preview: 'Xem trước trên từng kênh', missing: 'Còn thiếu: {{names}}', segments: '{{count}} tin ({{encoding}})',
    tooLong: 'quá dài, sẽ bị cắt', use: 'Dùng nội dung này', new: 'Tạo mẫu mới', name: 'Tên mẫu', save: 'Lưu mẫu',
  },
};
