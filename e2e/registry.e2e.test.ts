import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { titledListXlsx } from '../test/registry-sheets.js';
import { phoneContext, signIn, snap, useServedApp } from './browser.js';

const env = useServedApp();

describe('staff console in Chromium', () => {
  it('log in, find a resident typed without accents, open the household, switch language', async () => {
    const { context, page, errors } = await phoneContext(env.browser);
    await signIn(page, env.base, env.w.accounts.leaderA);
    await page.getByLabel('Tìm người hoặc hộ').fill('nguyen van an');
    await page.getByRole('button', { name: 'Tìm' }).click();
    const results = page.getByTestId('resident-results');
    await results.getByText('Nguyễn Văn An').waitFor();
    await snap(page, 'search-360');
    await results.getByText('Nguyễn Văn An').click();
    await page.getByRole('heading', { name: 'Nguyễn Văn An' }).waitFor();
    // The ID number shows masked until the leader asks for it in full (recorded in the audit log).
    expect(await page.getByText('031078001234').count()).toBe(0);
    await page.getByText('••••••••1234').waitFor();
    await page.getByRole('button', { name: 'Xem đầy đủ số định danh, số điện thoại' }).click();
    await page.getByText('031078001234').waitFor();
    await page.getByRole('link', { name: '0912 345 678' }).waitFor();
    await page.getByText('Tiểu đường').waitFor(); // sensitive, shown to a commune leader
    await page.getByRole('link', { name: 'Số 7, ngõ 3, thôn Đông' }).first().click();
    await page.getByRole('heading', { name: 'Số 7, ngõ 3, thôn Đông' }).waitFor();
    // The tab says which page it is (several tabs open, screen readers, history).
    await expect.poll(() => page.title()).toBe('Số 7, ngõ 3, thôn Đông · Kết nối');
    await page.getByRole('link', { name: 'Trần Thị Bình' }).waitFor();
    expect(await page.getByText('Đang ở (2)').count()).toBe(1);
    await snap(page, 'household-360');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Living here (2)').waitFor();
    expect(await page.getByText('Đang ở').count()).toBe(0);
    // Remembered: a reload stays in English, and the account's language is saved on the server.
    await page.reload();
    await page.getByText('Living here (2)').waitFor();
    const me = await env.t.database.raw<{ locale: string }>('select locale from users where id = $1', [
      env.w.accounts.leaderA.id,
    ]);
    expect(me[0]!.locale).toBe('en');
    // Page width fits a 360-px phone: nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });

  it('run an import with errors and see the report row by row; nothing is written', async () => {
    const { context, page, errors } = await phoneContext(env.browser);
    await signIn(page, env.base, env.w.accounts.headA1);
    await page.goto(`${env.base}/import`);
    await page.getByRole('button', { name: /Thôn Đông/ }).click();
    expect(await page.getByTestId('import-unit').textContent()).toBe('Thôn Đông');
    const csv = [
      'Số hộ,Địa chỉ,Họ và tên,Ngày sinh,Giới tính,Số định danh cá nhân,Số điện thoại',
      '1,Số 1 thôn Đông,,01/01/1990,Nam,,',
      '2,Số 2 thôn Đông,Hà Văn Hai,31/02/1990,Nam,,',
      '3,Số 3 thôn Đông,Hà Thị Ba,01/01/1990,Nữ,031090000003,09',
      '4,Số 4 thôn Đông,Hà Văn Bốn,01/01/1991,Nam,,',
    ].join('\n');
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'danh-sach.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const before = await env.t.database.raw<{ n: number }>('select count(*)::int as n from residents');
    await page.getByRole('button', { name: 'Tải lên và kiểm tra' }).click();
    const table = page.getByTestId('import-errors');
    await table.waitFor();
    const text = await table.textContent();
    expect(text).toContain('Thiếu họ và tên');
    expect(text).toContain('Ngày sinh "31/02/1990" không đúng dạng ngày/tháng/năm');
    expect(text).toContain('Giới tính trong số định danh không khớp');
    expect(text).toContain('Số điện thoại không hợp lệ');
    await page.getByText('Tệp có 4 lỗi').waitFor();
    await snap(page, 'import-errors-360');
    const after = await env.t.database.raw<{ n: number }>('select count(*)::int as n from residents');
    expect(after[0]!.n).toBe(before[0]!.n);
    // The clean row can still go in, skipping the bad ones.
    await page.getByRole('button', { name: /Bỏ qua 3 dòng lỗi/ }).click();
    await page.getByText('Đã nhập xong').waitFor();
    const final = await env.t.database.raw<{ n: number }>('select count(*)::int as n from residents');
    expect(final[0]!.n).toBe(before[0]!.n + 1);
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });

  it('import a village list with a title, a merged header and headings; download its error report; commit', async () => {
    const { context, page, errors } = await phoneContext(env.browser);
    await signIn(page, env.base, env.w.accounts.headA1);
    await page.goto(`${env.base}/import`);
    await page.getByRole('button', { name: /Thôn Đông/ }).click();
    await page.locator('input[type=file]').setInputFiles({
      name: 'danh-sach-thon-dong.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await titledListXlsx(),
    });
    await page.getByRole('button', { name: 'Tải lên và kiểm tra' }).click();
    await page.getByText('Tệp có 1 lỗi').waitFor();
    // How the file was read: the heading that set the alley, the zeros given back, the signatures left out.
    const notices = page.getByTestId('import-notices');
    await notices.getByText(/Dòng "Ngõ 3" là tên nhóm/).waitFor();
    await notices.getByText(/Số định danh 11 chữ số/).waitFor();
    await notices.getByText(/Dòng không có người/).waitFor();
    await page
      .getByTestId('import-would-do')
      .getByText(/thêm 1 hộ, 2 người/)
      .waitFor();
    await snap(page, 'import-titled-360');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('import-report-link').click(),
    ]);
    expect(download.suggestedFilename()).toBe('danh-sach-thon-dong-loi.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Dòng');
    expect(sheet.getRow(2).getCell(5).value).toBe('Lê Văn Sai');
    expect(String(sheet.getRow(2).getCell(13).value)).toContain('Giới tính phải là "Nam" hoặc "Nữ"');
    await page.getByRole('button', { name: /Bỏ qua 1 dòng lỗi/ }).click();
    await page.getByText('Đã nhập xong').waitFor();
    const history = page.getByTestId('import-history');
    await history.getByText('danh-sach-thon-dong.xlsx').first().waitFor();
    await history.getByText('1 hộ, 2 người').waitFor();
    const lanh = await env.t.database.raw<{ birth_precision: string; unit: string }>(
      `select r.birth_precision, u.name as unit from residents r join units u on u.id = r.unit_id
       where r.full_name = 'Vũ Thị Lành'`,
    );
    expect(lanh).toEqual([{ birth_precision: 'YEAR', unit: 'Ngõ 3' }]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });

  it('a commune leader adds a residential group and renames it from the units page', async () => {
    const { context, page, errors } = await phoneContext(env.browser);
    // A leader of its own: the first test saved leaderA's language as English, which a new browser picks up.
    await signIn(page, env.base, await env.w.f.user('COMMUNE_LEADER', env.w.communeA));
    await page.goto(`${env.base}/units`);
    await page.getByRole('button', { name: /Xã An Hòa/ }).click();
    const panel = page.getByTestId('unit-panel');
    await panel.getByLabel('Mã').fill('T09');
    await panel.getByLabel('Tên').first().fill('Thôn Chín');
    await panel.getByRole('button', { name: 'Tạo mới' }).click();
    await page.getByRole('button', { name: /Thôn Chín/ }).click();
    const renamed = page.getByTestId('unit-panel');
    await renamed.getByRole('heading', { name: /Thôn Chín/ }).waitFor();
    await renamed.getByLabel('Tên').last().fill('Thôn Chín Mới');
    await renamed.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('button', { name: /Thôn Chín Mới/ }).waitFor();
    const rows = await env.t.database.raw<{ name: string }>(
      `select name from units where code = 'T09' and parent_id = $1`,
      [env.w.communeA.id],
    );
    expect(rows.map((r) => r.name)).toEqual(['Thôn Chín Mới']);
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });
});
