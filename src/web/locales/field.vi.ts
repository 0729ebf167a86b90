/** The field app (door-to-door visits, offline), in Vietnamese. */
export const fieldVi = {
  title: 'Đi từng nhà', online: 'Có mạng', offline: 'Mất mạng — vẫn ghi được', waiting: '{{count}} lượt thăm chờ gửi', allSent: 'Đã gửi hết',
  sending: 'Đang gửi…', sendNow: 'Gửi ngay', signedOut: 'Phiên đăng nhập đã hết, hãy đăng nhập lại để gửi',
  intro: 'Tải danh sách hộ về máy khi có mạng; khi đi từng nhà không cần mạng, máy sẽ tự gửi khi có sóng.',
  deadline: 'Hạn {{date}}', open: 'Mở ({{count}} hộ)', refresh: 'Tải lại', download: 'Tải về máy', downloadedAt: 'Đã tải lúc {{at}}',
  none: 'Chưa có chiến dịch nào đang chạy.', noneOffline: 'Chưa tải chiến dịch nào về máy. Hãy mở lại khi có mạng.',
  left: 'Còn {{left}}/{{total}} hộ', showAll: 'Hiện cả hộ đã xong', bestTimeWas: 'Nên đến: {{time}}', notDownloaded: 'Chiến dịch này chưa được tải về máy.', back: 'Quay lại',
  pendingTitle: 'Chưa gửi xong', notSentYet: 'Đang lưu trên máy, sẽ gửi khi có mạng', discard: 'Bỏ lượt này', conflict: 'Chờ tổ trưởng xem lại',
  notYours: 'Hộ này không có trong danh sách của bạn.', chooseOutcome: 'Hãy chọn kết quả lượt thăm', badPhone: 'Số điện thoại của {{name}} chưa đúng',
  outcome: 'Kết quả', bestTime: 'Lúc nào nên quay lại', bestTimeHint: 'Ví dụ: sau 19 giờ, Chủ nhật', alreadyDone: 'đã xong',
  personOutcome: 'Kết quả của người này', sameAsVisit: 'Như kết quả chung', vneidLevel: 'Định danh điện tử', phone: 'Số điện thoại mới', phoneNow: 'hiện tại {{tail}}',
  lastSync: 'Gửi lần cuối {{at}}', note: 'Ghi chú', save: 'Lưu lượt thăm', cancel: 'Hủy',
  levels: { NONE: 'Chưa có', L1: 'Mức 1', L2: 'Mức 2' },
  outcomes: {
    DONE: 'Đã xong', VNEID_L2_ACTIVATED: 'Đã kích hoạt mức 2', NEEDS_POLICE_VISIT: 'Cần ra công an', NO_SMARTPHONE: 'Không có điện thoại thông minh',
    NOT_HOME: 'Không có nhà', REFUSED: 'Từ chối', MOVED: 'Đã chuyển đi',
  },
};
