import { describe, expect, it } from 'vitest';
import { tinyPng } from '../test/factories.js';
import { phoneContext, signIn, snap, useServedApp } from './browser.js';

const env = useServedApp();

/** The citizen's question through the public API (multipart, one photo), as the ask page sends it. */
async function askThroughApi(base: string, code: string) {
  const formRes = await fetch(`${base}/api/public/communes/${code}/feedback/form`);
  expect(formRes.status).toBe(200);
  const form = (await formRes.json()) as { categories: { id: number; name: string }[] };
  const category = form.categories.find((c) => c.name.startsWith('Hạ tầng')) ?? form.categories[0]!;
  const body = new FormData();
  body.set('categoryId', String(category.id));
  body.set('title', 'Đèn đường ngõ 5 hỏng');
  body.set('body', 'Đèn đường trước nhà số 12 ngõ 5 thôn Đông hỏng đã một tuần. Tôi là Nguyễn Thị Hoa, 0912 345 678.');
  body.set('name', 'Nguyễn Thị Hoa');
  body.set('phone', '0912345678');
  body.set('publishable', '1');
  body.set('website', '');
  body.set('language', 'vi');
  body.append('photos', new Blob([tinyPng], { type: 'image/png' }), 'den-duong.png');
  const res = await fetch(`${base}/api/public/communes/${code}/feedback`, { method: 'POST', body });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { code: string; token: string; statusUrl: string };
}

describe('feedback (PAKN) in Chromium', () => {
  it('a citizen asks with a photo, an officer answers and publishes, the citizen rates, the answer is on the Q&A page', async () => {
    const communeCode = env.w.communeA.code;
    const asked = await askThroughApi(env.base, communeCode);
    expect(asked.code).toMatch(/^PAKN\.\d{8}\.\d{4}$/);

    // The leader (who processes and approves in this commune) finds it in the open queue on a phone.
    const officer = await phoneContext(env.browser);
    const page = officer.page;
    await signIn(page, env.base, env.w.accounts.leaderA);
    await page.goto(`${env.base}/feedback`);
    await page.getByRole('button', { name: /^Đang xử lý/ }).waitFor();
    await page.getByRole('link', { name: asked.code }).click();
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

    // The citizen opens the status link, reads the answer and rates it.
    const citizen = await phoneContext(env.browser);
    await citizen.page.goto(`${env.base}/q/${asked.token}`);
    await citizen.page.getByText('UBND xã đã cử công nhân thay bóng đèn').waitFor();
    await citizen.page.getByRole('radio', { name: 'Hài lòng', exact: true }).check();
    await citizen.page.getByRole('button', { name: /Gửi đánh giá/ }).click();
    await citizen.page.getByText(/Cảm ơn/).waitFor();
    await snap(citizen.page, 'feedback-citizen-rated');

    // The answer is on the commune's Q&A page, masked.
    await citizen.page.goto(`${env.base}/c/${communeCode}/hoi-dap`);
    await citizen.page.getByText('Đèn đường ngõ 5 hỏng').first().waitFor();
    expect(await citizen.page.content()).not.toContain('0912');
    await snap(citizen.page, 'feedback-qa');

    // Back at the console the rating shows, and the ticket sits under "Đã xong".
    await page.reload();
    await expect.poll(() => page.getByTestId('ticket-rating').textContent()).toContain('Hài lòng');
    await page.goto(`${env.base}/feedback?view=finished`);
    await page.getByRole('link', { name: asked.code }).waitFor();
    for (const c of [officer, citizen]) {
      expect(c.errors.filter((e) => !e.includes('status of 4'))).toEqual([]);
      await c.context.close();
    }
  });
});
