import { describe, expect, it } from 'vitest';
import { tinyPng } from '../test/factories.js';
import { phoneContext, signIn, snap, useServedApp } from './browser.js';

const env = useServedApp();
const png = (name: string) => ({ name, mimeType: 'image/png', buffer: tinyPng });

describe('a dossier carries what its procedure requires, in Chromium', () => {
  it('a birth bundle submitted with each paper in its box; the officer sees the linked dossiers; approval waits for the result and fee', async () => {
    const citizen = await phoneContext(env.browser);
    const page = citizen.page;
    await page.goto(`${env.base}/p/1.001193`);
    await page.getByTestId('submit-online').click();
    await page.getByLabel('Nộp tại xã, phường').selectOption({ label: 'Xã An Hòa' });
    await page.getByLabel('Họ và tên').fill('Phạm Thị Mai');
    await page.getByLabel('Số định danh cá nhân (12 số)').fill('031190007777');
    await page.getByLabel('Số điện thoại').fill('0905 000 333');
    // The residence registration goes with it: its own field and papers join the form, each asked once.
    await page.getByRole('checkbox', { name: 'Đăng ký thường trú' }).check();
    await page.getByLabel('Họ, chữ đệm, tên người được khai sinh').fill('Phạm Gia Bảo');
    await page.getByLabel('Ngày sinh', { exact: true }).fill('2026-11-02');
    await page.getByLabel('Nơi sinh', { exact: true }).fill('Trạm y tế xã');
    await page.getByLabel('Địa chỉ đăng ký thường trú').fill('Số 7, ngõ 3, thôn Đông');
    expect(await page.getByLabel('Họ, chữ đệm, tên người được khai sinh').count()).toBe(1);
    // Five papers, one box each: the birth's three (the ID optional), the residence's two.
    await page.getByTestId('paper-4').waitFor();
    expect(await page.getByTestId('paper-4').textContent()).toContain('Giấy tờ chứng minh chỗ ở hợp pháp');
    await page.getByTestId('paper-0-file').setInputFiles(png('to-khai-khai-sinh.png'));
    await page.getByText('to-khai-khai-sinh.png — Đã gửi').waitFor();
    await page.getByTestId('paper-1-file').setInputFiles(png('giay-chung-sinh.png'));
    await page.getByText('giay-chung-sinh.png — Đã gửi').waitFor();
    // Without the residence papers, the button names what is missing and cannot be pressed.
    const button = page.getByTestId('submit-button');
    expect(await button.isDisabled()).toBe(true);
    expect(await button.textContent()).toContain('Còn thiếu: ');
    expect(await button.textContent()).toContain('Giấy tờ chứng minh chỗ ở hợp pháp');
    await page.getByTestId('paper-3-file').setInputFiles(png('ct01.png'));
    await page.getByText('ct01.png — Đã gửi').waitFor();
    await page.getByTestId('paper-4-file').setInputFiles(png('hop-dong-thue-nha.png'));
    await page.getByText('hop-dong-thue-nha.png — Đã gửi').waitFor();
    await snap(page, 'onestop-bundle-papers');
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    const code = (await page.getByTestId('dossier-code').textContent())!;
    const also = (await page.getByTestId('submitted').textContent())!;
    const linkedCode = also.match(/Cùng nộp liên thông: (\d{5}-\d{6}-\d{4})/)![1]!;

    // The officer opens the birth registration and sees its papers, and the residence dossier linked to it.
    const officer = await phoneContext(env.browser);
    await signIn(officer.page, env.base, env.w.accounts.onestopA);
    await officer.page.goto(`${env.base}/dossiers?queue=to_receive`);
    await officer.page.getByRole('link', { name: code }).click();
    await officer.page.getByTestId('paper-line-1').getByText('giay-chung-sinh.png').waitFor();
    await officer.page.getByTestId('linked-dossiers').getByRole('link', { name: linkedCode }).click();
    await expect.poll(() => officer.page.getByTestId('dossier-code').textContent()).toBe(linkedCode);
    await officer.page.getByText('Số 7, ngõ 3, thôn Đông').waitFor();
    await officer.page.getByTestId('paper-line-1').getByText('hop-dong-thue-nha.png').waitFor();
    await officer.page.getByTestId('linked-dossiers').getByRole('link', { name: code }).waitFor();
    await snap(officer.page, 'onestop-bundle-officer');

    // The residence dossier goes to the leader before its result and fee are there: no approve button, the reason.
    await officer.page.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    await expect.poll(() => officer.page.getByTestId('dossier-status').textContent()).toBe('Đã tiếp nhận');
    await officer.page.getByRole('button', { name: 'Giao xử lý', exact: true }).click();
    await officer.page.getByLabel('Giao cho').selectOption({ index: 0 });
    await officer.page.locator('form').getByRole('button', { name: 'Giao xử lý', exact: true }).click();
    await expect.poll(() => officer.page.getByTestId('dossier-status').textContent()).toBe('Đang xử lý');
    await officer.page.getByRole('button', { name: 'Trình lãnh đạo duyệt', exact: true }).click();
    await officer.page.getByText('Đang chờ lãnh đạo duyệt').waitFor();
    const dossierUrl = officer.page.url();

    const leader = await phoneContext(env.browser);
    await signIn(leader.page, env.base, env.w.accounts.leaderA);
    await leader.page.goto(dossierUrl);
    const blocked = leader.page.getByTestId('blocked');
    await blocked.waitFor();
    expect(await blocked.textContent()).toContain('Phê duyệt khi có đủ: kết quả');
    expect(await leader.page.getByRole('button', { name: 'Phê duyệt', exact: true }).count()).toBe(0);
    await snap(leader.page, 'onestop-approval-blocked');

    // The officer notes the paper result and takes the fee in cash; then the leader can approve.
    await officer.page.getByRole('button', { name: 'Ghi nhận kết quả bản giấy', exact: true }).click();
    await officer.page.getByTestId('result-state').getByText('Kết quả là bản giấy').waitFor();
    await officer.page.getByRole('button', { name: /^Thu tiền mặt/ }).click();
    await officer.page
      .getByTestId('fee-state')
      .getByText(/^Đã nộp/)
      .waitFor();
    await leader.page.reload();
    await leader.page.getByRole('button', { name: 'Phê duyệt', exact: true }).click();
    await expect.poll(() => leader.page.getByTestId('dossier-status').textContent()).toBe('Đã có kết quả');
    for (const c of [citizen, officer, leader]) {
      expect(c.errors.filter((e) => !e.includes('status of 4'))).toEqual([]);
      await c.context.close();
    }
  });

  it('at the counter, a paper handed over on paper is ticked in its box; one neither ticked nor scanned is named', async () => {
    const officer = await phoneContext(env.browser);
    const page = officer.page;
    await signIn(page, env.base, env.w.accounts.onestopA);
    await page.goto(`${env.base}/counter/1.004873`);
    await page.getByLabel('Nộp tại xã, phường').selectOption({ label: 'Xã An Hòa' });
    await page.getByLabel('Họ và tên').fill('Hoàng Văn Quý');
    await page.getByLabel('Số định danh cá nhân (12 số)').fill('031085009999');
    await page.getByLabel('Số điện thoại').fill('0912 888 999');
    await page.getByLabel('Mục đích sử dụng').fill('Đăng ký kết hôn');
    const button = page.getByTestId('submit-button');
    expect(await button.isDisabled()).toBe(true);
    expect(await button.textContent()).toContain('Còn thiếu: Tờ khai');
    await page.getByTestId('paper-0-on-paper').check();
    await snap(page, 'onestop-counter-on-paper');
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    const code = (await page.getByTestId('dossier-code').textContent())!;
    await page.goto(`${env.base}/dossiers?queue=all&q=${code}`);
    await page.getByRole('link', { name: code }).click();
    await page.getByTestId('paper-line-0').getByText('đã nhận bản giấy').waitFor();
    expect(await page.getByTestId('paper-line-1').textContent()).toContain('không bắt buộc');
    expect(officer.errors.filter((e) => !e.includes('status of 4'))).toEqual([]);
    await officer.context.close();
  });
});
