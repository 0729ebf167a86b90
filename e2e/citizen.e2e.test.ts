import { tinyPng } from '../test/factories.js';
import { describe, expect, it } from 'vitest';
import { useFakeSms } from '../test/fake-sms.js';
import { phoneContext, snap, useServedApp } from './browser.js';

const sms = useFakeSms();
const env = useServedApp(sms.overrides);

describe('a citizen account in Chromium', () => {
  it('opens an account with the SMS code, submits without retyping, finds the dossier under "my dossiers" and withdraws it without a code', async () => {
    const { context, page, errors } = await phoneContext(env.browser);
    await page.goto(`${env.base}/me`);
    const signUp = page.locator('form').filter({ hasText: 'Đăng ký tài khoản' });
    await signUp.getByLabel('Số điện thoại').fill('0905 222 333');
    await signUp.getByRole('button', { name: 'Gửi mã xác thực qua SMS' }).click();
    await page.getByText('Đã gửi mã 6 số').waitFor();
    const code = sms.codeSentTo('+84905222333');
    await signUp.getByLabel('Mã xác thực (6 số)').fill(code);
    await signUp.getByLabel('Họ và tên').fill('Ngô Thị Hằng');
    await signUp.getByLabel('Số định danh cá nhân (12 số)').fill('031190006666');
    await signUp.getByLabel('Mật khẩu (ít nhất 10 ký tự)').fill('mat-khau-cua-hang');
    await signUp.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await page.getByRole('heading', { name: 'Hồ sơ của tôi' }).waitFor();

    await page.goto(`${env.base}/p/1.004873/submit`);
    await page.getByText('Nộp với tài khoản: Ngô Thị Hằng').waitFor();
    expect(await page.getByLabel('Họ và tên').count()).toBe(0);
    await page.getByLabel('Nộp tại xã, phường').selectOption({ label: 'Xã An Hòa' });
    await page.getByLabel('Mục đích sử dụng').fill('Bổ túc hồ sơ xin việc');
    // The declaration the procedure requires, in its own box.
    await page
      .getByTestId('paper-0-file')
      .setInputFiles({ name: 'to-khai.png', mimeType: 'image/png', buffer: tinyPng });
    await page.getByText('to-khai.png — Đã gửi').waitFor();
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    const dossierCode = (await page.getByTestId('dossier-code').textContent())!;

    await page.goto(`${env.base}/me`);
    await expect.poll(() => page.getByTestId('my-dossiers').textContent()).toContain(dossierCode);
    await snap(page, 'citizen-my-dossiers');

    // Signed in to the account that filed it, the citizen acts on the dossier without any code.
    const sent = sms.messages.length;
    await page.getByRole('link', { name: new RegExp(dossierCode) }).click();
    await page.getByText('Ông/bà đang đăng nhập tài khoản đã nộp hồ sơ này.').waitFor();
    await page.locator('summary', { hasText: 'Rút hồ sơ' }).click();
    await page.getByLabel('Lý do rút hồ sơ').fill('Nộp nhầm thủ tục');
    await page.locator('form').getByRole('button', { name: 'Rút hồ sơ' }).click();
    await expect.poll(() => page.getByTestId('dossier-status').textContent()).toBe('Đã rút hồ sơ');
    expect(sms.messages.length).toBe(sent);
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });
});
