import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { tinyPng } from '../test/factories.js';
import { tickets } from '../src/server/db/schema/index.js';
import { foldText } from '../src/shared/text.js';
import { collectErrors, phoneContext, snap, useServedApp } from './browser.js';

const env = useServedApp({ PUBLIC_SUBMIT_PER_MINUTE: '1000' });

describe('feedback on a 360-px phone', () => {
  it('sends a report with a photo from the commune page, shows its QR and status link, and the status page rates the answer', async () => {
    const { context, page } = await phoneContext(env.browser);
    const errors = collectErrors(page);
    await page.goto(`${env.base}/c/${env.w.communeA.code}`);
    await page.getByTestId('link-ask').click();
    await page.getByTestId('feedback-form').waitFor();

    // Sent empty: each missing field says so beside itself.
    await page.getByTestId('feedback-send').click();
    expect(await page.getByTestId('error-title').textContent()).toBe('Vui lòng điền mục này');
    expect(await page.getByTestId('error-phone').textContent()).toBe('Vui lòng điền mục này');

    await page.getByLabel('Lĩnh vực').selectOption({ label: 'Môi trường, vệ sinh' });
    await page.getByLabel('Tiêu đề').fill('Rác đổ trộm đầu ngõ');
    await page.getByLabel('Nội dung').fill('Có người đổ rác trộm ở đầu ngõ 3 mấy hôm nay, bốc mùi.');
    await page.getByLabel('Thôn, tổ dân phố hoặc ngõ').selectOption({ label: 'Thôn Đông' });
    await page.getByLabel('Ảnh chụp (không bắt buộc)').setInputFiles({
      name: 'rac.png',
      mimeType: 'image/png',
      buffer: tinyPng,
    });
    await page.getByRole('textbox', { name: /^Số điện thoại/ }).fill('0905 123 999');
    await snap(page, 'feedback-form');
    await page.getByTestId('feedback-send').click();
    await page.getByTestId('feedback-sent').waitFor();
    const code = (await page.getByTestId('feedback-code').textContent())!;
    expect(code).toMatch(/^PAKN\./);
    const qr = page.getByRole('img', { name: 'Mã QR mở trang theo dõi phản ánh' });
    await qr.waitFor();
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await snap(page, 'feedback-sent');

    await page.getByTestId('feedback-follow').click();
    await page.getByTestId('ticket-status').waitFor();
    expect(await page.getByTestId('ticket-status').textContent()).toBe('Đã gửi, chờ xã tiếp nhận');
    expect(await page.getByTestId('ticket-due').textContent()).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);

    const [row] = await env.t.database.db.select().from(tickets).where(eq(tickets.code, code));
    await env.t.database.db
      .update(tickets)
      .set({
        status: 'ANSWERED',
        answerState: 'SENT',
        answer: 'Xã đã cho dọn và đặt biển cấm đổ rác.',
        answeredAt: new Date(),
      })
      .where(eq(tickets.id, row!.id));
    await page.reload();
    await page.getByTestId('ticket-answer').waitFor();
    await page.getByLabel('Hài lòng', { exact: true }).check();
    await page.getByTestId('send-rating').click();
    await page.getByTestId('ticket-rated').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('finds a published answer in Hỏi đáp typed without accents', async () => {
    const commune = env.w.communeA.code;
    const form = await (await fetch(`${env.base}/api/public/communes/${commune}/feedback/form`)).json();
    const report = new FormData();
    report.set('categoryId', String(form.categories[0].id));
    report.set('title', 'Rác ở đầu ngõ nhà ông Tư');
    report.set('body', 'Có người đổ rác trộm ở đầu ngõ nhà ông Tư, số 5.');
    report.set('phone', '0905 123 998');
    const sent = await fetch(`${env.base}/api/public/communes/${commune}/feedback`, { method: 'POST', body: report });
    const [any] = await env.t.database.db
      .select()
      .from(tickets)
      .where(eq(tickets.code, (await sent.json()).code));
    await env.t.database.db
      .update(tickets)
      .set({
        publishedAt: new Date(),
        publicTitle: 'Đổ rác trộm ở đầu ngõ',
        publicBody: 'Có người đổ rác trộm ở đầu ngõ.',
        publicAnswer: 'Xã đã cho dọn và đặt biển cấm.',
        publicSearch: foldText('Đổ rác trộm ở đầu ngõ Có người đổ rác trộm ở đầu ngõ. Xã đã cho dọn và đặt biển cấm.'),
      })
      .where(eq(tickets.id, any!.id));
    const { context, page } = await phoneContext(env.browser);
    await page.goto(`${env.base}/c/${env.w.communeA.code}/hoi-dap`);
    await page.getByLabel('Tìm câu hỏi').fill('rac trom');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.waitForURL(/q=rac/);
    await page.getByTestId('qa-item').first().waitFor();
    expect(await page.getByTestId('qa-item').count()).toBe(1);
    await page.getByText('Đổ rác trộm ở đầu ngõ', { exact: true }).click();
    await page.getByText('Xã đã cho dọn và đặt biển cấm.').waitFor();
    // The address itself is drawn by the server: the same results without the app running.
    const html = await (await fetch(`${env.base}/c/${env.w.communeA.code}/hoi-dap?q=rac%20trom`)).text();
    expect(html).toContain('Đổ rác trộm ở đầu ngõ');
    await context.close();
  });

  it('draws the ask form in 日本語 and 中文: <html lang>, the words, the topics translated, one only in Vietnamese said so', async () => {
    // The first topics come in every language; one the commune named only in Vietnamese is marked as such.
    await env.t.database.raw(
      "update feedback_categories set translations = '{}' where commune_id = $1 and code = 'KHAC'",
      [env.w.communeA.id],
    );
    const { context, page, errors } = await phoneContext(env.browser);
    await page.goto(`${env.base}/c/${env.w.communeA.code}/phan-anh`);
    await page.getByTestId('feedback-form').waitFor();
    await page.getByRole('button', { name: '日本語' }).click();
    await page.getByRole('heading', { level: 1, name: 'Xã An Hòaへの意見・要望' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('ja');
    await page.getByRole('button', { name: '送信する' }).waitFor();
    expect(await page.getByTestId('only-vietnamese').first().textContent()).toBe('この内容はベトナム語のみです。');
    const topics = await page.getByLabel('分野').locator('option').allTextContents();
    expect(topics).toEqual(expect.arrayContaining(['土地', '環境・衛生', 'Khác']));
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { level: 1, name: '向Xã An Hòa提交反映、建议' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hans');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(errors).toEqual([]);
    await context.close();
  });
});
