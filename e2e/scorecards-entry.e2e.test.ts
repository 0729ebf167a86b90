import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { phoneContext, signIn, snap, useServedApp } from './browser.js';

const env = useServedApp();

/** A one-page PDF small enough to read: what a commune scans from the operator's report. */
const reportPdf = Buffer.from(
  [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
    '',
  ].join('\n'),
);

/** Elements sticking out of the 360-px screen (outside boxes that scroll sideways on purpose). */
const overflowing = (page: Page) =>
  page.evaluate(() => {
    const scrolls = (e: Element | null): boolean =>
      !!e && (['auto', 'scroll', 'hidden'].includes(getComputedStyle(e).overflowX) || scrolls(e.parentElement));
    return [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !scrolls(e.parentElement))
      .slice(0, 5)
      .map((e) => `${e.tagName}.${e.className} ${e.textContent?.slice(0, 40)}`);
  });

describe('scorecards: entered values in Chromium on a 360-px phone', () => {
  it('a commune enters a value with evidence and sends it; the province opens the evidence and approves it; the value is locked', async () => {
    // The commune leader types in the quarter's broadband households, with the operator's report attached.
    const commune = await phoneContext(env.browser);
    const page = commune.page;
    await signIn(page, env.base, env.w.accounts.leaderA);
    await page.goto(`${env.base}/scorecards/entries`);
    const card = page.getByTestId('entry-BROADBAND_HOUSEHOLDS');
    await card.waitFor();
    expect(await card.getByTestId('entry-status').textContent()).toBe('Chưa nhập');
    await card.getByTestId('entry-start').click();
    // The two numbers carry the indicator's own words, not "numerator" and "denominator".
    await card.getByLabel('Số hộ có Internet băng rộng cố định').fill('312');
    await card.getByLabel('Tổng số hộ').fill('400');
    await card.getByLabel('Ghi chú').fill('Theo báo cáo của VNPT và Viettel, quý này.');
    await card.locator('input[type=file]').setInputFiles({
      name: 'bao-cao-nha-mang.pdf',
      mimeType: 'application/pdf',
      buffer: reportPdf,
    });
    expect(await overflowing(page)).toEqual([]);
    await card.getByTestId('entry-submit').click();
    await expect.poll(() => card.getByTestId('entry-status').textContent()).toBe('Chờ tỉnh duyệt');
    expect(await card.getByTestId('entry-value').textContent()).toContain('78%');
    expect(await card.getByTestId('entry-evidence').textContent()).toContain('bao-cao-nha-mang.pdf');
    // Sent: no form to change it any more.
    expect(await card.getByTestId('entry-form').count()).toBe(0);
    await snap(page, 'scorecards-entry-sent');

    // The province officer finds it in the queue, opens the evidence and approves it.
    const province = await phoneContext(env.browser);
    const queue = province.page;
    await signIn(queue, env.base, env.w.accounts.province);
    await queue.goto(`${env.base}/scorecards/entries`);
    const waiting = queue.getByTestId('approvals').locator('li.card', { hasText: 'Xã An Hòa' });
    await waiting.waitFor();
    expect(await waiting.getByTestId('approval-value').textContent()).toContain('78%');
    // The province enters nothing itself: no entry form on its page.
    expect(await queue.getByTestId('entry-board').count()).toBe(0);
    const link = waiting.getByRole('link', { name: 'bao-cao-nha-mang.pdf' });
    const evidence = await queue.request.get(`${env.base}${await link.getAttribute('href')}`);
    expect(evidence.status()).toBe(200);
    expect(evidence.headers()['content-type']).toContain('application/pdf');
    expect((await evidence.body()).subarray(0, 8).toString()).toBe('%PDF-1.4');
    expect(await overflowing(queue)).toEqual([]);
    await snap(queue, 'scorecards-approval-queue');
    await waiting.getByTestId('approval-approve').click();
    await queue.getByText('Đã duyệt: Hộ gia đình có cáp quang, Internet băng rộng cố định của Xã An Hòa.').waitFor();
    await expect.poll(() => waiting.count()).toBe(0);

    // Back at the commune: approved and locked; a correction would be a new version.
    await page.reload();
    await card.waitFor();
    await expect.poll(() => card.getByTestId('entry-status').textContent()).toBe('Đã duyệt');
    await card.getByTestId('entry-locked').waitFor();
    expect(await card.getByTestId('entry-form').count()).toBe(0);
    await card.getByTestId('entry-correct').click();
    await card.getByTestId('entry-form').waitFor();
    await card.getByLabel('Số hộ có Internet băng rộng cố định').fill('320');
    await card.getByTestId('entry-submit').click();
    await expect.poll(() => card.getByTestId('entry-status').textContent()).toBe('Chờ tỉnh duyệt');
    expect(await card.textContent()).toContain('Phiên bản 2');
    await card.getByText('Lịch sử các phiên bản').click();
    await expect.poll(() => card.getByTestId('entry-history').locator('li').count()).toBe(2);
    await snap(page, 'scorecards-entry-correction');

    // The province returns the correction with a reason, which the commune reads on its card.
    await queue.reload();
    const correction = queue.getByTestId('approvals').locator('li.card', { hasText: 'Xã An Hòa' });
    await correction.getByTestId('approval-return').click();
    await correction.getByLabel('Lý do trả lại').fill('Thiếu biên bản xác nhận của nhà mạng cho số mới.');
    await correction.getByTestId('approval-return-send').click();
    await queue.getByText('Đã trả lại:', { exact: false }).waitFor();
    await expect.poll(() => correction.count()).toBe(0);
    await page.reload();
    await expect.poll(() => card.getByTestId('entry-status').textContent()).toBe('Bị trả lại');
    expect(await card.getByTestId('entry-return-reason').textContent()).toContain('Thiếu biên bản');
    // Returned: the form is open again to fix it.
    await card.getByTestId('entry-form').waitFor();

    expect(commune.errors).toEqual([]);
    expect(province.errors).toEqual([]);
    await commune.context.close();
    await province.context.close();
  });

  it('targets: the province sets one, a commune may tighten it but is told beside the field when it loosens it', async () => {
    const year = String(new Date().getUTCFullYear() + 1);
    const catalog = (await env.w.agents.province.get(`/api/scorecards/catalog?unit=${env.w.province.id}`)).json();
    const broadband = catalog.indicators.find((i: { code: string }) => i.code === 'BROADBAND_HOUSEHOLDS');
    const set = await env.w.agents.province.put('/api/scorecards/targets', {
      unitId: env.w.province.id,
      indicatorId: broadband.id,
      period: year,
      target: 0.8,
    });
    expect(set.statusCode, set.body).toBe(200);

    const { page, errors, context } = await phoneContext(env.browser);
    await signIn(page, env.base, env.w.accounts.leaderA);
    await page.goto(`${env.base}/scorecards/targets`);
    await page.getByTestId('target-period').selectOption({ label: `Năm ${year}` });
    const card = page.getByTestId('target-BROADBAND_HOUSEHOLDS');
    await expect.poll(() => card.getByTestId('target-inherited').textContent()).toContain('80%');
    // Looser than the province's 80%: refused, the words under the field.
    await card.getByLabel('Chỉ tiêu của đơn vị').fill('70');
    await card.getByRole('button', { name: 'Lưu' }).click();
    await card.getByTestId('error-target').waitFor();
    expect(await card.getByTestId('error-target').textContent()).toContain('80%');
    expect(await card.getByLabel('Chỉ tiêu của đơn vị').getAttribute('aria-invalid')).toBe('true');
    expect(await overflowing(page)).toEqual([]);
    await snap(page, 'scorecards-target-looser');
    // Stricter: kept, and it is the target in force.
    await card.getByLabel('Chỉ tiêu của đơn vị').fill('90');
    await card.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => card.textContent()).toContain('Chỉ tiêu áp dụng: 90%');
    expect(await card.getByTestId('error-target').count()).toBe(0);
    // The browser logs the refused request itself; nothing else may fail.
    expect(errors.filter((e) => !e.includes('status of 400'))).toEqual([]);
    await context.close();
  });

  it('settings: the province adds its own indicator and switches it off, builds its own set, freezes and publishes a month; the commune leader picks what its public page shows', async () => {
    const province = await phoneContext(env.browser);
    const admin = province.page;
    await signIn(admin, env.base, env.w.accounts.province);
    await admin.goto(`${env.base}/admin/scorecards`);
    // Shipped indicators are every province's: one province cannot switch them, so it is not offered.
    await admin.getByTestId('catalog-CASHLESS_SHOPS').waitFor();
    expect(await admin.getByTestId('catalog-CASHLESS_SHOPS').getByRole('button').count()).toBe(0);
    await admin.getByTestId('catalog-add').click();
    const form = admin.getByTestId('indicator-form');
    await form.getByLabel('Mã').fill('HP_ZALO_OA');
    await form.getByLabel('Tên tiếng Việt').fill('Hộ theo dõi kênh Zalo của xã');
    await form.getByLabel('Tên tiếng Anh').fill('Households following the commune channel');
    await form.getByLabel('Nguồn số liệu').selectOption('CHANNEL_HOUSEHOLDS');
    await form.getByRole('button', { name: 'Lưu' }).click();
    const own = admin.getByTestId('catalog-HP_ZALO_OA');
    await own.getByText('Của tỉnh').waitFor();
    await own.getByRole('button', { name: 'Sửa' }).click();
    await own.getByLabel('Đang dùng').uncheck();
    await own.getByRole('button', { name: 'Lưu' }).click();
    await own.getByText('Đã tắt').waitFor();
    // The province has no commune page of its own to choose for.
    expect(await admin.getByTestId('scorecard-publications').count()).toBe(0);
    // Its own scored set: one pillar, one indicator scored in steps.
    const sets = admin.getByTestId('scorecard-sets');
    await sets.getByTestId('set-add').click();
    const editor = sets.getByTestId('set-editor');
    await editor.getByLabel('Mã').fill('HP_2027');
    await editor.getByLabel('Tên tiếng Việt').fill('Bộ chỉ số chuyển đổi số cấp xã năm 2027');
    await editor.getByLabel('Tên tiếng Anh').fill('Commune digital set 2027');
    await editor.getByRole('button', { name: 'Thêm chỉ số vào bộ' }).click();
    const item = editor.getByTestId('set-item');
    await item.getByLabel('Trụ cột (tiếng Việt)').fill('Hạ tầng số');
    await item.getByLabel('Trụ cột (tiếng Anh)').fill('Digital infrastructure');
    await item.getByLabel('Chỉ số').selectOption({ label: 'VIDEO_ROOMS — Phòng họp trực tuyến' });
    await item.getByLabel('Cách chấm').selectOption('STEPS');
    await item.getByRole('button', { name: 'Thêm mức' }).click();
    await item.getByLabel('Từ giá trị').nth(0).fill('2');
    await item.getByLabel('Từ giá trị').nth(1).fill('1');
    await item.getByLabel('Được điểm').nth(1).fill('30');
    await editor.getByRole('button', { name: 'Lưu' }).click();
    await sets.getByTestId('set-HP_2027').getByText('Tổng điểm tối đa: 50').waitFor();

    // Last month frozen by hand (the nightly job would), then published to the communes.
    const snapshots = admin.getByTestId('scorecard-snapshots');
    await snapshots.getByRole('button', { name: 'Chốt số liệu tháng' }).click();
    await snapshots.getByText(/^Đã chốt Tháng/).waitFor();
    await snapshots.getByRole('button', { name: 'Công bố cho các xã' }).click();
    await snapshots.getByText(/^Đã công bố lúc/).waitFor();
    expect(await overflowing(admin)).toEqual([]);
    await snap(admin, 'scorecards-admin-province');

    const leader = await phoneContext(env.browser);
    await signIn(leader.page, env.base, env.w.accounts.leaderA);
    await leader.page.goto(`${env.base}/admin/scorecards`);
    const choice = leader.page.getByTestId('scorecard-publications');
    await choice.getByText('Hộ gia đình có cáp quang', { exact: false }).waitFor();
    // The catalog's managing parts are the province's; a switched-off indicator is not offered.
    expect(await leader.page.getByTestId('scorecard-catalog').count()).toBe(0);
    expect(await choice.getByText('Hộ theo dõi kênh Zalo').count()).toBe(0);
    await choice.getByLabel('Hộ gia đình có cáp quang, Internet băng rộng cố định').check();
    await choice.getByRole('button', { name: 'Lưu' }).click();
    await choice.getByText('Đã lưu').waitFor();
    const saved = (await env.w.agents.leaderA.get(`/api/scorecards/publications?unit=${env.w.communeA.id}`)).json();
    expect(saved.indicatorIds).toHaveLength(1);
    expect(province.errors).toEqual([]);
    expect(leader.errors).toEqual([]);
    await province.context.close();
    await leader.context.close();
  });

  it('inventory: the commune lists its computers, and the computers indicator starts from them', async () => {
    const { page, errors, context } = await phoneContext(env.browser);
    await signIn(page, env.base, env.w.accounts.onestopA);
    await page.goto(`${env.base}/inventory`);
    await page.getByTestId('inventory-add').click();
    const form = page.getByTestId('inventory-form');
    await form.getByLabel('Loại').selectOption('COMPUTER');
    await form.getByLabel('Tên, mô tả').fill('Máy tính bộ phận một cửa');
    await form.getByLabel('Số lượng').fill('12');
    await form.getByLabel('Năm mua, lắp đặt').fill('2021');
    await form.getByRole('button', { name: 'Lưu' }).click();
    const computers = page.getByTestId('inventory-COMPUTER');
    await computers.getByText('Máy tính bộ phận một cửa').waitFor();
    expect(await overflowing(page)).toEqual([]);
    await snap(page, 'scorecards-inventory');

    await page.goto(`${env.base}/scorecards/entries`);
    const card = page.getByTestId('entry-COMPUTERS');
    await card.getByTestId('entry-start').click();
    await card.getByTestId('entry-suggestion').waitFor();
    expect(await card.getByTestId('entry-suggestion').textContent()).toContain('12');
    expect(await card.getByLabel('Số máy tính đang dùng được tại trụ sở').inputValue()).toBe('12');
    expect(errors).toEqual([]);
    await context.close();
  });
});
