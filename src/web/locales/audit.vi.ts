/** The audit log, in Vietnamese. */
export const auditVi = {
  title: 'Nhật ký truy cập và thay đổi',
  at: 'Thời điểm',
  who: 'Người thực hiện',
  action: 'Thao tác',
  entity: 'Đối tượng',
  from: 'Từ nơi',
  filterAction: 'Lọc theo thao tác (ví dụ resident.read)',
  dateFrom: 'Từ ngày',
  dateTo: 'Đến ngày',
};
