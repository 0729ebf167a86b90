/** One-stop shop strings, Vietnamese: the words used at a ward's counter and on its notice board. */
export const onestopVi = {
  nav: { indicators: 'Chỉ số một cửa', dossiers: 'Hồ sơ một cửa', counter: 'Nhận hồ sơ tại quầy', procedures: 'Thủ tục hành chính', lookup: 'Tra cứu hồ sơ' },
  status: {
    NEW: 'Mới đăng ký', RECEIVED: 'Đã tiếp nhận', REFUSED: 'Không được tiếp nhận', PROCESSING: 'Đang xử lý', SUPPLEMENT_REQUESTED: 'Chờ bổ sung giấy tờ',
    PAYMENT_REQUESTED: 'Chờ nộp phí, lệ phí', WITHDRAWN: 'Đã rút hồ sơ', STOPPED: 'Dừng xử lý', RESOLVED: 'Đã có kết quả', RETURNED: 'Đã trả kết quả',
  },
  action: {
    SUBMIT: 'Nộp hồ sơ', RECEIVE: 'Tiếp nhận', REFUSE: 'Từ chối tiếp nhận', REQUEST_SUPPLEMENT: 'Yêu cầu bổ sung', SUPPLEMENT: 'Đã bổ sung giấy tờ', ASSIGN: 'Giao xử lý',
    REQUEST_PAYMENT: 'Yêu cầu nộp phí', SEND_FOR_APPROVAL: 'Trình lãnh đạo duyệt', SEND_BACK: 'Trả lại để xử lý tiếp', APPROVE: 'Phê duyệt', RESOLVE: 'Hoàn thành xử lý',
    RETURN: 'Trả kết quả', WITHDRAW: 'Rút hồ sơ', STOP: 'Dừng xử lý', APOLOGIZE: 'Xin lỗi và hẹn lại ngày trả', PAY: 'Đã nộp phí, lệ phí',
  },
  queue: { all: 'Tất cả', to_receive: 'Chờ tiếp nhận', mine: 'Của tôi', due_soon: 'Sắp đến hạn', overdue: 'Quá hạn', supplement: 'Chờ bổ sung', to_approve: 'Chờ duyệt', to_return: 'Chờ trả kết quả', closed: 'Đã kết thúc' },
  channel: { IN_PERSON: 'Trực tiếp', ONLINE: 'Trực tuyến', POSTAL: 'Qua bưu chính' },
  returnMethod: { COUNTER: 'Nhận tại Bộ phận một cửa', POST: 'Gửi về nhà qua bưu điện', ONLINE: 'Nhận bản điện tử' },
  field: { HO_TICH: 'Hộ tịch', CHUNG_THUC: 'Chứng thực', CU_TRU: 'Cư trú', HO_KINH_DOANH: 'Hộ kinh doanh', BAO_TRO_XA_HOI: 'Bảo trợ xã hội', NGUOI_CO_CONG: 'Người có công', DAT_DAI: 'Đất đai', XAY_DUNG: 'Xây dựng', BAO_HIEM: 'Bảo hiểm', KHAC: 'Lĩnh vực khác' },
  time: { WORKING_DAY: '{{count}} ngày làm việc', CALENDAR_DAY: '{{count}} ngày', SAME_DAY: 'Trong ngày (nộp trước {{cutoff}})', IMMEDIATE: 'Ngay trong ngày' },
  online: { FULL: 'Nộp trực tuyến toàn trình', PARTIAL: 'Nộp trực tuyến một phần', NONE: 'Chỉ nộp trực tiếp' },
  copyType: { ORIGINAL: 'Bản chính', COPY: 'Bản sao', ELECTRONIC: 'Bản điện tử' },
  rating: { SATISFIED: 'Hài lòng', ACCEPTABLE: 'Chấp nhận được', UNSATISFIED: 'Chưa hài lòng' },
  procedure: {
    catalog: 'Thủ tục hành chính cấp xã', search: 'Tìm thủ tục (ví dụ: khai sinh, tạm trú)', time: 'Thời hạn giải quyết', fees: 'Phí, lệ phí', free: 'Không thu phí',
    documents: 'Giấy tờ cần có', count: '{{count}} bản', optional: 'không bắt buộc', howToSubmit: 'Cách nộp', postal: 'Nhận và trả kết quả qua bưu điện', postalNo: 'Không nhận qua bưu điện',
    submitOnline: 'Nộp hồ sơ trực tuyến', atCounter: 'Thủ tục này nộp tại Bộ phận một cửa của xã, phường.', legal: 'Căn cứ pháp lý', code: 'Mã thủ tục', poster: 'In áp phích mã QR (A4)', qr: 'Mã QR của thủ tục',
    channelFee: { IN_PERSON: 'Nộp trực tiếp', ONLINE: 'Nộp trực tuyến', POSTAL: 'Nộp qua bưu điện' },
  },
  submit: {
    title: 'Nộp hồ sơ: {{name}}', commune: 'Nộp tại xã, phường', chooseCommune: 'Chọn xã, phường', applicant: 'Người nộp hồ sơ', fullName: 'Họ và tên', personalId: 'Số định danh cá nhân (12 số)',
    phone: 'Số điện thoại', email: 'Thư điện tử (không bắt buộc)', address: 'Địa chỉ liên hệ (không bắt buộc)', details: 'Thông tin của thủ tục', papers: 'Giấy tờ đính kèm',
    papersHint: 'Chụp ảnh hoặc quét giấy tờ (PDF, JPEG, PNG; mỗi tệp tối đa 10 MB). Mỗi tệp được gửi ngay khi chọn.', uploading: 'Đang gửi tệp…', uploaded: 'Đã gửi', remove: 'Bỏ tệp',
    result: 'Cách nhận kết quả', postalAddress: 'Địa chỉ nhận kết quả qua bưu điện', fee: 'Phí, lệ phí phải nộp: {{fee}}', send: 'Nộp hồ sơ', sending: 'Đang nộp…',
    done: 'Đã nộp hồ sơ', yourCode: 'Mã hồ sơ của ông/bà', keepCode: 'Hãy ghi lại mã hồ sơ. Có thể theo dõi hồ sơ bằng đường dẫn dưới đây hoặc tra cứu bằng mã hồ sơ và 4 số cuối điện thoại.',
    receipt: 'Tải giấy tiếp nhận (PDF)', follow: 'Theo dõi hồ sơ', bundleAlso: 'Cùng nộp liên thông', another: 'Nộp hồ sơ khác', onBehalf: 'Nộp thay cho người dân tại quầy',
  },
  track: {
    title: 'Hồ sơ {{code}}', applicant: 'Người nộp', submitted: 'Ngày nộp', received: 'Ngày tiếp nhận', due: 'Ngày hẹn trả', extended: 'Ngày hẹn mới', overdue: 'Đã quá hạn',
    timeline: 'Quá trình giải quyết', forms: 'Phiếu, giấy tờ', form: { '01': 'Giấy tiếp nhận và hẹn trả', '02': 'Phiếu yêu cầu bổ sung', '03': 'Phiếu từ chối tiếp nhận', '04': 'Phiếu xin lỗi, hẹn lại', '05': 'Thông báo dừng xử lý' },
    withdraw: 'Rút hồ sơ', withdrawReason: 'Lý do rút hồ sơ', supplement: 'Gửi giấy tờ bổ sung', rate: 'Đánh giá sự phục vụ', rateComment: 'Góp ý thêm (không bắt buộc)', sendRating: 'Gửi đánh giá',
    thanks: 'Cảm ơn ông/bà đã đánh giá: {{rating}}', lookupTitle: 'Tra cứu hồ sơ', lookupCode: 'Mã hồ sơ', lookupPhone: '4 số cuối điện thoại đã khai khi nộp', lookupSend: 'Tra cứu', fee: 'Phí, lệ phí', paid: 'đã nộp', unpaid: 'chưa nộp', payTitle: 'Nộp phí bằng VietQR', payHint: 'Mở ứng dụng ngân hàng, quét mã: số tiền và nội dung chuyển khoản (có mã hồ sơ) đã được điền sẵn.', payTo: 'Tài khoản nhận: {{name}}',
  },
  indicators: { title: 'Chỉ số phục vụ một cửa', unit: 'Đơn vị', year: 'Năm', received: 'Hồ sơ tiếp nhận', onlineRate: 'Tỷ lệ trực tuyến', fullOnlineRate: 'Trực tuyến toàn trình', onTimeRate: 'Đúng hạn', digitizedRate: 'Số hóa', onlinePaymentRate: 'Thanh toán trực tuyến', satisfactionRate: 'Hài lòng', overdueNow: 'Đang quá hạn', byMonth: 'Hồ sơ theo tháng', communes: 'So sánh các xã, phường (xếp theo tỷ lệ đúng hạn)', other: 'Trực tiếp, bưu chính' },
  desk: {
    title: 'Hồ sơ một cửa', searchHint: 'Mã hồ sơ hoặc tên người nộp', procedure: 'Thủ tục', applicant: 'Người nộp', due: 'Hạn trả', assignee: 'Người xử lý', none: 'Không có hồ sơ nào',
    reason: 'Lý do / nội dung', newDueDate: 'Ngày hẹn trả mới', assignTo: 'Giao cho', me: 'Tôi', selectAll: 'Chọn tất cả', bulkAssign: 'Giao các hồ sơ đã chọn', assignedCount: 'Đã giao {{count}} hồ sơ',
    refusedCount: '{{count}} hồ sơ không giao được', papers: 'Giấy tờ', scan: 'Quét, đính kèm giấy tờ', resultFile: 'Đính kèm kết quả', fields: 'Nội dung kê khai', awaitingApproval: 'Đang chờ lãnh đạo duyệt',
    onTime: 'Đúng hạn', late: 'Trễ hạn', statusLink: 'Trang theo dõi của người dân', noActions: 'Không có thao tác nào ở trạng thái này', counterTitle: 'Nhận hồ sơ tại quầy', applicantContact: 'Liên hệ', cash: 'Thu tiền mặt {{fee}}', cashDone: 'Đã thu, biên lai số {{receipt}}',
  },
};
