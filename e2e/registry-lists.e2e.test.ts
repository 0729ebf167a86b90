import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { phoneContext, signIn, snap, useServedApp } from './browser.js';

const env = useServedApp();

describe('registry lists in Chromium at 360 px', () => {
  it('filter residents by age and VNeID level, keep the filter in the URL, and download it as .xlsx', async () => {
    const db = env.t.database;
    await db.raw(`update residents set vneid_level = 'L2' where id = $1`, [env.w.residents.an.id]);
    await db.raw(`update residents set vneid_level = 'L1' where id = $1`, [env.w.residents.binh.id]);
    const { context, page, errors } = await phoneContext(env.browser);
    await signIn(page, env.base, env.w.accounts.leaderA);
    await page.goto(`${env.base}/residents`);
    const results = page.getByTestId('resident-results');
    await results.getByText('Lê Đức Cường').waitFor();

    // The panel is folded on a phone; open it, ask for 40 to 60 with VNeID level 2.
    await page.locator('.list-filters summary').click();
    await page.getByLabel('Từ', { exact: true }).fill('40');
    await page.getByLabel('Đến', { exact: true }).fill('60');
    await page.getByLabel('Định danh điện tử (VNeID)').selectOption('L2');
    await snap(page, 'registry-lists-filters-360');
    await page.getByRole('button', { name: 'Lọc', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.toString()).toBe('ageFrom=40&ageTo=60&vneidLevel=L2');
    await expect.poll(async () => (await results.locator('li').allTextContents()).length).toBe(1);
    await results.getByText('Nguyễn Văn An').waitFor();
    // The alley is named with its thôn.
    await results.getByText(/Ngõ 3 · Thôn Đông/).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await snap(page, 'registry-lists-filtered-360');

    // The URL alone brings the same list back (a bookmark, a link sent to a colleague).
    await page.reload();
    await results.getByText('Nguyễn Văn An').waitFor();
    await page.locator('.list-filters summary .badge').getByText('2').waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Xuất Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^nhan-khau-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const names = book.worksheets[0]!.getColumn(5).values.slice(2);
    expect(names).toEqual(['Nguyễn Văn An']);
    const [audit] = await db.raw<{ details: { filter: Record<string, unknown> } }>(
      `select details from audit_log where action = 'export.residents' order by id desc limit 1`,
    );
    expect(audit!.details.filter).toMatchObject({ ageFrom: 40, ageTo: 60, vneidLevel: 'L2' });
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });

  it('households: boarding houses from the panel, the unit picked a level at a time', async () => {
    const { context, page, errors } = await phoneContext(env.browser);
    await signIn(page, env.base, env.w.accounts.leaderA);
    await page.goto(`${env.base}/households`);
    const results = page.getByTestId('household-results');
    await results.getByText('Số 7, ngõ 3, thôn Đông').waitFor();
    await page.locator('.list-filters summary').click();
    await page.getByLabel('Loại hộ').selectOption('BOARDING_HOUSE');
    await page.getByRole('button', { name: 'Lọc', exact: true }).click();
    await results.getByText('Nhà trọ Hạnh Phúc, thôn Tây').waitFor();
    await expect.poll(async () => (await results.locator('li').allTextContents()).length).toBe(1);
    // Applied, the panel folds away on a phone; open it again, clear, then pick Thôn Đông and its alley.
    await page.getByRole('button', { name: 'Lọc', exact: true }).waitFor({ state: 'hidden' });
    await page.locator('.list-filters summary').click();
    await page.getByRole('button', { name: 'Bỏ lọc' }).click();
    await page.locator('.list-filters summary').click();
    await page.getByLabel('Đơn vị, cấp 1').selectOption(String(env.w.communeA.id));
    await page.getByLabel('Đơn vị, cấp 2').selectOption(String(env.w.groupA1.id));
    await page.getByLabel('Đơn vị, cấp 3').selectOption(String(env.w.alleyA1.id));
    await page.getByRole('button', { name: 'Lọc', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('unit')).toBe(String(env.w.alleyA1.id));
    await results.getByText('Số 7, ngõ 3, thôn Đông').waitFor();
    await expect.poll(async () => (await results.locator('li').allTextContents()).length).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await snap(page, 'registry-lists-households-360');
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });
});
