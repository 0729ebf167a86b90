import { tinyPng } from '../test/factories.js';
import { describe, expect, it } from 'vitest';
import { useFakeSms } from '../test/fake-sms.js';
import { phoneContext, signIn, snap, useServedApp } from './browser.js';

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

describe('a citizen asked for papers, in Chromium', () => {
  it('supplies the requested paper in its own box, missing papers first; the officer finds it under that paper', async () => {
    const citizen = await phoneContext(env.browser);
    const page = citizen.page;
    await page.goto(`${env.base}/p/1.004873/submit`);
    await page.getByLabel('Nộp tại xã, phường').selectOption({ label: 'Xã An Hòa' });
    await page.getByLabel('Họ và tên').fill('Lê Thị Thu');
    await page.getByLabel('Số định danh cá nhân (12 số)').fill('031190005555');
    await page.getByLabel('Số điện thoại').fill('0905 333 444');
    await page.getByLabel('Mục đích sử dụng').fill('Đăng ký kết hôn');
    await page
      .getByTestId('paper-0-file')
      .setInputFiles({ name: 'to-khai.png', mimeType: 'image/png', buffer: tinyPng });
    await page.getByText('to-khai.png — Đã gửi').waitFor();
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    const code = (await page.getByTestId('dossier-code').textContent())!;
    await page.getByTestId('follow-link').click();
    await expect.poll(() => page.getByTestId('dossier-status').textContent()).toBe('Mới đăng ký');

    // The officer receives it and asks for the ID paper the citizen left out.
    const officer = await phoneContext(env.browser);
    await signIn(officer.page, env.base, env.w.accounts.onestopA);
    await officer.page.goto(`${env.base}/dossiers?queue=to_receive`);
    await officer.page.getByRole('link', { name: code }).click();
    await officer.page.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    await expect.poll(() => officer.page.getByTestId('dossier-status').textContent()).toBe('Đã tiếp nhận');
    await officer.page.getByRole('button', { name: 'Yêu cầu bổ sung', exact: true }).click();
    await officer.page.getByLabel('Lý do / nội dung').fill('Bổ sung ảnh chụp căn cước');
    await officer.page.locator('form').getByRole('button', { name: 'Yêu cầu bổ sung', exact: true }).click();
    await expect.poll(() => officer.page.getByTestId('dossier-status').textContent()).toBe('Chờ bổ sung giấy tờ');

    // Still within the submission's proof, the citizen sees what was asked and one box per paper, the missing first.
    await page.reload();
    const form = page.getByTestId('supplement-form');
    await form.getByText('Nội dung cán bộ yêu cầu bổ sung: Bổ sung ảnh chụp căn cước').waitFor();
    const boxes = form.locator('.paper-box');
    expect(await boxes.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))).toEqual([
      'supplement-paper-1',
      'supplement-paper-0',
      'paper-extra',
    ]);
    expect(await form.getByTestId('supplement-paper-1').textContent()).toContain('hồ sơ chưa có');
    expect(await form.getByTestId('supplement-paper-0').textContent()).toContain('hồ sơ đã có');
    // Nothing picked: the form says so instead of sending an empty supplement.
    await form.getByRole('button', { name: 'Gửi giấy tờ bổ sung' }).click();
    await form.getByRole('alert').filter({ hasText: 'Hãy chọn ít nhất một tệp để gửi' }).waitFor();
    await form
      .getByTestId('supplement-paper-1-file')
      .setInputFiles({ name: 'can-cuoc.png', mimeType: 'image/png', buffer: tinyPng });
    await form.getByText('can-cuoc.png — Đã gửi').waitFor();
    expect(await form.getByRole('alert').count()).toBe(0);
    await snap(page, 'citizen-supplement-boxes');
    await form.getByRole('button', { name: 'Gửi giấy tờ bổ sung' }).click();
    await expect.poll(() => page.getByTestId('dossier-status').textContent()).toBe('Đã tiếp nhận');

    await officer.page.reload();
    await officer.page.getByTestId('paper-line-1').getByText('can-cuoc.png').waitFor();
    expect(await officer.page.getByTestId('paper-line-0').textContent()).not.toContain('can-cuoc.png');
    expect(citizen.errors, citizen.errors.join('\n')).toEqual([]);
    await citizen.context.close();
    await officer.context.close();
  });
});
