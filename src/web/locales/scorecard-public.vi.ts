/** The public page of a commune's published indicators (/c/:code/chi-so), in Vietnamese. */
export const scorecardPublicVi = {
  title: 'Chỉ số chuyển đổi số của {{commune}}',
  link: 'Chỉ số chuyển đổi số',
  asOf: 'Số liệu chốt cuối tháng {{month}}.',
  noPeriod: 'Chưa có tháng nào được chốt số liệu.',
  none: 'Xã chưa công bố chỉ số nào.',
  back: 'Về trang của xã',
  target: 'Chỉ tiêu: {{target}}',
  noTarget: 'Chưa giao chỉ tiêu',
  trend: '12 tháng gần nhất',
  month: 'Tháng',
  value: 'Giá trị',
  light: {
    MET: 'Đạt chỉ tiêu',
    NEAR: 'Gần đạt chỉ tiêu',
    BEHIND: 'Chưa đạt chỉ tiêu',
    NO_TARGET: 'Chưa có chỉ tiêu',
    NO_DATA: 'Chưa có số liệu',
  },
};
