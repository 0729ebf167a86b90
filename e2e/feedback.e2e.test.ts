import { describe, expect, it } from 'vitest';
import { tinyPng } from '../test/factories.js';
import { phoneContext, signIn, snap, useServedApp } from './browser.js';

const env = useServedApp();

describe('feedback (PAKN) in Chromium', () => {
  it('a citizen asks with a photo, an officer answers and publishes, the citizen rates, the answer is on the Q&A page', async () => {
    const communeCode = env.w.communeA.code;
    // The citizen asks on a 360-px phone, with a photo, on the commune's page.
    const citizen = await phoneContext(env.browser);
    const ask = citizen.page;
    await ask.goto(`${env.base}/c/${communeCode}/phan-anh`);
    await ask.getByTestId('feedback-form').waitFor();
    await ask.getByLabel('Lĩnh vực').selectOption({ label: 'Hạ tầng (đường, điện, nước)' });
    await ask.getByLabel('Tiêu đề').fill('Đèn đường ngõ 5 hỏng');
    await ask
      .locator('textarea[name=body]')
      .fill('Đèn đường trước nhà số 12 ngõ 5 thôn Đông hỏng đã một tuần. Tôi là Nguyễn Thị Hoa, 0912 345 678.');
    await ask.locator('input[type=file][name=photos]').setInputFiles({
      name: 'den-duong.png',
      mimeType: 'image/png',
      buffer: tinyPng,
    });
    await ask.locator('input[name=publishable]').check();
    await ask.locator('input[name=name]').fill('Nguyễn Thị Hoa');
    await ask.locator('input[name=phone]').fill('0912 345 678');
    expect(await ask.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await ask.getByTestId('feedback-send').click();
    await ask.getByTestId('feedback-sent').waitFor();
    const code = (await ask.getByTestId('feedback-code').textContent())!.trim();
    expect(code).toMatch(/^PAKN\.\d{8}\.\d{4}$/);
    await snap(ask, 'feedback-citizen-sent');
    await ask.getByTestId('feedback-follow').click();
    await ask.getByTestId('ticket-status').waitFor();
    const statusUrl = ask.url();
    expect(statusUrl).toMatch(/\/q\/[^/]+$/);

    // The leader (who processes and approves in this commune) finds it in the open queue on a phone.
    const officer = await phoneContext(env.browser);
    const page = officer.page;
    await signIn(page, env.base, env.w.accounts.leaderA);
    await page.goto(`${env.base}/feedback`);
    await page.getByRole('button', { name: /^Đang xử lý/ }).waitFor();
    await page.getByRole('link', { name: code }).click();
    await expect.poll(() => page.getByTestId('ticket-status').textContent()).toBe('Mới tiếp nhận');
    // The sender with the full phone number (staff only), the photo, the journal.
    expect(await page.getByTestId('ticket-sender').textContent()).toContain('Nguyễn Thị Hoa');
    expect(await page.getByTestId('ticket-sender').textContent()).toMatch(/0912\s?345\s?678/);
    await page.locator('.photos img').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await snap(page, 'feedback-officer-ticket');

    await page.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    await expect.poll(() => page.getByTestId('ticket-status').textContent()).toBe('Đã tiếp nhận');
    await page
      .getByLabel('Nội dung trả lời')
      .fill(
        'UBND xã đã cử công nhân thay bóng đèn trước nhà số 12 ngõ 5 ngày hôm nay. Cảm ơn bà Nguyễn Thị Hoa đã phản ánh.',
      );
    await page.getByRole('button', { name: 'Gửi trả lời', exact: true }).click();
    await expect.poll(() => page.getByTestId('ticket-status').textContent()).toBe('Đã trả lời');

    // Publication: the preview comes masked from the server; the officer publishes it with the photo.
    await page.getByRole('button', { name: 'Chuẩn bị đăng công khai' }).click();
    const publicBody = page.getByLabel('Câu hỏi công khai');
    await expect.poll(() => publicBody.inputValue()).not.toBe('');
    expect(await publicBody.inputValue()).not.toContain('0912');
    expect(await publicBody.inputValue()).not.toContain('Nguyễn Thị Hoa');
    await page.locator('.photo-pick input[type=checkbox]').first().check();
    await snap(page, 'feedback-publication');
    await page.getByRole('button', { name: 'Đăng công khai', exact: true }).click();
    await page.getByTestId('published').waitFor();
    const journal = await page.getByTestId('ticket-journal').textContent();
    expect(journal).toContain('Người dân thấy');
    await snap(page, 'feedback-answered');

    // The citizen opens the status link again, reads the answer and rates it.
    await ask.goto(statusUrl);
    await ask.getByTestId('ticket-answer').getByText('UBND xã đã cử công nhân thay bóng đèn').waitFor();
    await ask.getByRole('radio', { name: 'Hài lòng', exact: true }).check();
    await ask.getByTestId('send-rating').click();
    await ask.getByTestId('ticket-rated').waitFor();
    await snap(ask, 'feedback-citizen-rated');

    // The answer is on the commune's Q&A page, masked.
    await ask.goto(`${env.base}/c/${communeCode}/hoi-dap`);
    await ask.getByTestId('qa-item').filter({ hasText: 'Đèn đường ngõ 5 hỏng' }).waitFor();
    expect(await ask.content()).not.toContain('0912');
    expect(await ask.content()).not.toContain('Nguyễn Thị Hoa');
    await snap(ask, 'feedback-qa');

    // Back at the console the rating shows, and the ticket sits under "Đã xong".
    await page.reload();
    await expect.poll(() => page.getByTestId('ticket-rating').textContent()).toContain('Hài lòng');
    await page.goto(`${env.base}/feedback?view=finished`);
    await page.getByRole('link', { name: code }).waitFor();
    for (const c of [officer, citizen]) {
      expect(c.errors.filter((e) => !e.includes('status of 4'))).toEqual([]);
      await c.context.close();
    }
  });
});
