/** Who signs the commune's documents, in Vietnamese. */
export const documentsVi = {
  title: 'Người ký văn bản',
  hint: 'Giấy mời, thông báo phát thanh và các phiếu của bộ phận một cửa in khối chữ ký này. Chưa có người ký thì để trống họ tên: văn bản để chỗ trống để ký tay.',
  issuer: 'Cơ quan ban hành',
  authority: 'Thẩm quyền ký',
  authorityHint: 'Ví dụ: TM. ỦY BAN NHÂN DÂN; để trống nếu ký với chức danh của mình',
  signerTitle: 'Chức vụ người ký',
  signerTitle2: 'Dòng chức vụ thứ hai (khi ký thay, ví dụ: PHÓ CHỦ TỊCH)',
  signerName: 'Họ và tên người ký',
  save: 'Lưu người ký',
  saved: 'Đã lưu người ký văn bản',
  readOnly: 'Chỉ lãnh đạo xã sửa được người ký văn bản.',
};
