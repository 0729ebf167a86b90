import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phoneContext, snap, useServedApp } from './browser.js';

/** A local SMS gateway (the documented POST {to, text} shape) so the test can read the code a phone would get. */
const texts: { to: string; text: string }[] = [];
let gateway: Server;
const overrides: Record<string, string> = {};
beforeAll(async () => {
  gateway = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      texts.push(JSON.parse(body) as { to: string; text: string });
      res.writeHead(200).end('{}');
    });
  });
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  overrides.SMS_GATEWAY_URL = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/sms`;
});
const env = useServedApp(overrides);
afterAll(() => new Promise<void>((resolve) => gateway.close(() => resolve())));

describe('a citizen account in Chromium', () => {
  it('opens an account with the SMS code, submits without retyping, and finds the dossier under "my dossiers"', async () => {
    const { context, page, errors } = await phoneContext(env.browser);
    await page.goto(`${env.base}/me`);
    const signUp = page.locator('form').filter({ hasText: 'Đăng ký tài khoản' });
    await signUp.getByLabel('Số điện thoại').fill('0905 222 333');
    await signUp.getByRole('button', { name: 'Gửi mã xác thực qua SMS' }).click();
    await page.getByText('Đã gửi mã 6 số').waitFor();
    const code = texts.at(-1)!.text.match(/(\d{6})/)![1]!;
    expect(texts.at(-1)!.to).toBe('+84905222333');
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
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    const dossierCode = (await page.getByTestId('dossier-code').textContent())!;

    await page.goto(`${env.base}/me`);
    await expect.poll(() => page.getByTestId('my-dossiers').textContent()).toContain(dossierCode);
    await snap(page, 'citizen-my-dossiers');
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });
});
