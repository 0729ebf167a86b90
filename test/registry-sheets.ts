import ExcelJS from 'exceljs';

/**
 * A village head's list as communes really keep it: the national motto and a title above, a place and date, a header
 * merged over two rows ("Giấy tờ, liên lạc" over the ID and phone columns), a row numbering the columns, section
 * headings ("Ngõ 3", and one that names no unit), numbers typed into number cells (a year of birth 1956, an ID that
 * lost its leading 0, a phone that lost its 0), a blank arrival date, one bad row, and the signatures under it all.
 */
export async function titledListXlsx(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('Danh sách');
  const title = (row: number, text: string, from = 'A', to = 'K') => {
    ws.getCell(`${from}${row}`).value = text;
    ws.mergeCells(`${from}${row}:${to}${row}`);
  };
  title(1, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  title(2, 'Độc lập - Tự do - Hạnh phúc');
  title(3, 'DANH SÁCH HỘ GIA ĐÌNH VÀ NHÂN KHẨU THÔN ĐÔNG');
  title(4, 'Vĩnh Bảo, ngày 05 tháng 12 năm 2026', 'I', 'K');
  const top: [string, string][] = [
    ['A', 'STT'],
    ['B', 'Số hộ'],
    ['C', 'Địa chỉ'],
    ['D', 'Họ và tên'],
    ['E', 'Ngày sinh'],
    ['F', 'Giới tính'],
    ['I', 'Quan hệ với chủ hộ'],
    ['J', 'Loại cư trú'],
    ['K', 'Ngày đến ở'],
  ];
  for (const [col, text] of top) {
    ws.getCell(`${col}6`).value = text;
    ws.mergeCells(`${col}6:${col}7`);
  }
  ws.getCell('G6').value = 'Giấy tờ, liên lạc';
  ws.mergeCells('G6:H6');
  ws.getCell('G7').value = 'Số định danh cá nhân';
  ws.getCell('H7').value = 'Số điện thoại';
  ws.getRow(8).values = Array.from({ length: 11 }, (_, i) => `(${i + 1})`);
  title(9, 'Ngõ 3');
  ws.getRow(10).values = [
    1,
    '51',
    'Số 51, ngõ 3, thôn Đông',
    'Vũ Thị Lành',
    1956,
    'Nữ',
    31156000123,
    912345678,
    'Chủ hộ',
    'Thường trú',
    '',
  ];
  ws.getRow(11).values = [
    2,
    '51',
    'Số 51, ngõ 3, thôn Đông',
    'Vũ Văn Hùng',
    '03/1980',
    'Nam',
    '',
    '',
    'Con',
    'Thường trú',
    '01/06/2001',
  ];
  title(12, 'Xóm Bãi');
  ws.getRow(13).values = [3, '52', 'Số 52 thôn Đông', 'Lê Văn Sai', '12/05/1990', 'Không rõ', '', '', 'Chủ hộ', '', ''];
  ws.getCell('B15').value = 'Người lập biểu';
  ws.getCell('I15').value = 'Trưởng thôn';
  ws.getCell('B16').value = '(Ký, ghi rõ họ tên)';
  ws.getCell('I16').value = '(Ký, ghi rõ họ tên)';
  return Buffer.from(await book.xlsx.writeBuffer());
}
