import { describe, expect, it } from 'vitest';
import { tinyPng } from '../test/factories.js';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { phoneContext, signIn, snap, useServedApp } from './browser.js';

const env = useServedApp();

/**
 * What sticks out of a 360-px screen (nothing should, but inside a box that scrolls sideways, as the tabs do): each
 * element's tag, class and first words.
 */
const overflowing = (page: Page) =>
  page.evaluate(() => {
    const scrolls = (e: Element | null): boolean =>
      !!e && (['auto', 'scroll', 'hidden'].includes(getComputedStyle(e).overflowX) || scrolls(e.parentElement));
    return [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !scrolls(e.parentElement))
      .slice(0, 5)
      .map((e) => `${e.tagName}.${e.className} ${e.textContent?.slice(0, 40)}`);
  });

const axeSource = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

/** axe-core's serious findings and the structure a screen reader walks by (as citizen-forms.e2e checks its pages). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (o: unknown) => Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run({ resultTypes: ['violations'] })).violations;
  });
  const structural = new Set(['heading-order', 'landmark-one-main', 'page-has-heading-one', 'label']);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical' || structural.has(v.id))
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Buttons and fields a thumb must hit that are under 44 px (inline links in text are not counted). */
const smallTargets = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('main button, main select, main input:not([type=checkbox]):not([type=radio])')]
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.height < 43.5 || box.width < 43.5)
      .map(({ el, box }) => `${el.tagName} "${(el.textContent ?? '').trim().slice(0, 30)}" ${box.width}×${box.height}`),
  );

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
    expect(await overflowing(ask)).toEqual([]);
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
    expect(await overflowing(page)).toEqual([]);
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
    expect(await publicBody.inputValue()).not.toMatch(/345[\s.]?678/);
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
    // The phone in any spelling (not a bare "0912": a timestamp in the page may hold those digits).
    expect(await ask.content()).not.toMatch(/345[\s.]?678/);
    expect(await ask.content()).not.toContain('Nguyễn Thị Hoa');
    await snap(ask, 'feedback-qa');
    // Taken off and put back. The citizen's rating changed the ticket since the page was drawn: the first try is
    // refused as stale and reloads the ticket, the second goes through.
    await page.getByRole('button', { name: 'Gỡ khỏi trang hỏi đáp' }).click();
    await page.getByTestId('publication').getByRole('alert').waitFor();
    await page.getByRole('button', { name: 'Gỡ khỏi trang hỏi đáp' }).click();
    await page.getByText('Chưa đăng lên trang hỏi đáp của xã.').waitFor();
    await page.getByRole('button', { name: 'Chuẩn bị đăng công khai' }).click();
    await expect.poll(() => page.getByLabel('Câu hỏi công khai').inputValue()).not.toBe('');
    await page.getByRole('button', { name: 'Đăng công khai', exact: true }).click();
    await page.getByTestId('published').waitFor();

    // Back at the console the rating shows, and the ticket sits under "Đã xong".
    await expect.poll(() => page.getByTestId('ticket-rating').textContent()).toContain('Hài lòng');
    await page.getByRole('button', { name: 'Đóng phản ánh', exact: true }).click();
    await expect.poll(() => page.getByTestId('ticket-status').textContent()).toBe('Đã đóng');
    await page.goto(`${env.base}/feedback?view=finished`);
    await page.getByRole('link', { name: code }).waitFor();
    for (const c of [officer, citizen]) {
      expect(c.errors.filter((e) => !e.includes('status of 4'))).toEqual([]);
      await c.context.close();
    }
  });

  it('the leader requires approval and adds a template; an officer records a hotline call, answers with the template; the leader approves from the approval tab', async () => {
    const leader = await phoneContext(env.browser);
    await signIn(leader.page, env.base, env.w.accounts.leaderA);
    await leader.page.goto(`${env.base}/admin/feedback`);
    const settings = leader.page.getByTestId('feedback-settings');
    await settings.getByLabel('Lãnh đạo duyệt từng câu trả lời trước khi gửi').check();
    await settings.getByRole('button', { name: 'Lưu', exact: true }).click();
    await settings.getByText('Đã lưu').waitFor();
    const templates = leader.page.getByTestId('feedback-templates');
    await templates.getByRole('button', { name: 'Thêm mẫu' }).click();
    await templates.getByLabel('Tên mẫu').fill('Đã tiếp thu');
    await templates.getByLabel('Nội dung mẫu').fill('UBND xã đã tiếp thu ý kiến của ông/bà và sẽ kiểm tra thực tế.');
    await templates.getByRole('button', { name: 'Lưu', exact: true }).click();
    await templates.getByText('Đã tiếp thu', { exact: true }).waitFor();
    expect(await overflowing(leader.page)).toEqual([]);
    await snap(leader.page, 'feedback-settings');
    // A category's Japanese name, for residents who ask in Japanese.
    const categories = leader.page.getByTestId('feedback-categories');
    const environment = categories.locator('li').filter({ hasText: 'Môi trường, vệ sinh' });
    await environment.getByRole('button', { name: 'Sửa', exact: true }).click();
    await environment.getByLabel('Tên (tiếng Nhật)').fill('環境・衛生');
    await environment.getByRole('button', { name: 'Lưu', exact: true }).click();
    await environment.getByText('環境・衛生').waitFor();

    // The one-stop officer takes a call on the hotline and records it for the caller.
    const officer = await phoneContext(env.browser);
    const page = officer.page;
    await signIn(page, env.base, env.w.accounts.onestopA);
    await page.goto(`${env.base}/feedback`);
    await page.getByRole('link', { name: 'Ghi nhận phản ánh' }).click();
    await page.getByLabel('Đường dây nóng').check();
    await page.locator('select[name=categoryId]').selectOption({ label: 'Môi trường, vệ sinh' });
    await page.getByLabel('Tiêu đề').fill('Rác thải đổ trộm bờ kênh');
    await page.getByLabel('Nội dung', { exact: true }).fill('Có người đổ rác xây dựng ra bờ kênh thôn Tây về đêm.');
    await page.getByLabel('Họ và tên người gửi').fill('Lê Văn Tám');
    await page.getByLabel('Số điện thoại').fill('0987 654 321');
    await page.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
    await expect.poll(() => page.getByTestId('ticket-status').textContent()).toBe('Mới tiếp nhận');
    const code = (await page.getByTestId('ticket-code').textContent())!;
    await page.getByText('Đường dây nóng').first().waitFor();
    await page.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    await expect.poll(() => page.getByTestId('ticket-status').textContent()).toBe('Đã tiếp nhận');
    // Only what this role may do: an officer approves nothing and marks no abuse.
    expect(await page.getByRole('button', { name: 'Đánh dấu vi phạm' }).count()).toBe(0);
    await page.getByTestId('answer-template').selectOption({ label: 'Đã tiếp thu' });
    expect(await page.getByLabel('Nội dung trả lời').inputValue()).toContain('đã tiếp thu ý kiến');
    await page.getByRole('button', { name: 'Gửi trả lời', exact: true }).click();
    await expect.poll(() => page.getByTestId('answer-state').textContent()).toContain('chờ lãnh đạo duyệt');
    await snap(page, 'feedback-answer-pending');
    expect(await page.getByRole('button', { name: 'Duyệt trả lời' }).count()).toBe(0);
    await page.getByLabel('Ghi chú nội bộ (người dân không thấy)').fill('Đã báo công an xã theo dõi.');
    await page.getByRole('button', { name: 'Thêm ghi chú' }).click();
    await page.getByTestId('ticket-journal').getByText('Đã báo công an xã theo dõi.').waitFor();
    expect(await page.getByTestId('ticket-journal').locator('li.internal').count()).toBeGreaterThan(0);

    // The leader sees it under "Chờ duyệt", with its count, and approves: the answer goes out.
    await leader.page.goto(`${env.base}/feedback?view=approval`);
    await expect.poll(() => leader.page.locator('[data-view=approval]').textContent()).toContain('(1)');
    expect(await overflowing(leader.page)).toEqual([]);
    await snap(leader.page, 'feedback-queue-approval');
    await leader.page.getByRole('link', { name: code }).click();
    // Returned once with what to change; the officer sends it again; then approved.
    await leader.page.getByRole('button', { name: 'Trả lại để sửa', exact: true }).click();
    await leader.page.getByLabel('Cần sửa những gì').fill('Ghi rõ ngày kiểm tra.');
    await leader.page.locator('form').getByRole('button', { name: 'Trả lại để sửa', exact: true }).click();
    await leader.page.getByTestId('ticket-journal').getByText('Ghi rõ ngày kiểm tra.').waitFor();
    await page.reload();
    await page.getByLabel('Nội dung trả lời').fill('UBND xã sẽ kiểm tra bờ kênh thôn Tây vào thứ Hai tới.');
    await page.getByRole('button', { name: 'Gửi trả lời', exact: true }).click();
    await expect.poll(() => page.getByTestId('answer-state').textContent()).toContain('chờ lãnh đạo duyệt');
    await leader.page.reload();
    await leader.page.getByRole('button', { name: 'Duyệt trả lời', exact: true }).click();
    await expect.poll(() => leader.page.getByTestId('ticket-status').textContent()).toBe('Đã trả lời');
    for (const c of [leader, officer]) {
      expect(c.errors.filter((e) => !e.includes('status of 4'))).toEqual([]);
      await c.context.close();
    }
  });

  it('the leader assigns, asks and grants an extension, merges a duplicate found by its code, transfers to a group and rejects', async () => {
    const [first, duplicate, forGroup, spam] = [
      await env.w.f.ticket(env.w.communeA),
      await env.w.f.ticket(env.w.communeA),
      await env.w.f.ticket(env.w.communeA),
      await env.w.f.ticket(env.w.communeA),
    ];
    const leader = await phoneContext(env.browser);
    const page = leader.page;
    await signIn(page, env.base, env.w.accounts.leaderA);
    const status = () => page.getByTestId('ticket-status').textContent();
    const actions = page.getByTestId('ticket-actions');

    // Assigned to the one-stop officer, picked from the people who may handle it.
    await page.goto(`${env.base}/feedback/${first.id}`);
    await actions.getByRole('button', { name: 'Giao xử lý', exact: true }).click();
    const officer = page.getByLabel('Giao cho');
    await expect.poll(() => officer.locator('option').count()).toBeGreaterThan(0);
    await officer.selectOption({ index: 0 });
    await actions.locator('form').getByRole('button', { name: 'Giao xử lý', exact: true }).click();
    await expect.poll(status).toBe('Đang xử lý');

    // An extension asked for and granted: the journal has both, the due date says it was extended.
    await actions.getByRole('button', { name: 'Xin gia hạn', exact: true }).click();
    const until = new Date(Date.now() + 40 * 86400_000).toISOString().slice(0, 10);
    await page.getByLabel('Gia hạn đến ngày').fill(until);
    await actions.locator('form').getByLabel('Lý do').fill('Cần khảo sát hiện trường cùng điện lực.');
    await actions.locator('form').getByRole('button', { name: 'Xin gia hạn', exact: true }).click();
    await actions.getByRole('button', { name: 'Quyết định gia hạn', exact: true }).click();
    await actions.locator('form').getByRole('radio', { name: 'Đồng ý', exact: true }).check();
    await actions.locator('form').getByRole('button', { name: 'Quyết định gia hạn', exact: true }).click();
    await page.getByTestId('ticket-journal').getByText('Quyết định gia hạn').waitFor();
    await page.getByText('(đã gia hạn)').waitFor();
    const [y, m, d] = until.split('-');
    await page.getByText(`${d}/${m}/${y}`).first().waitFor();

    // The duplicate is merged into the first, found by typing its code.
    await page.goto(`${env.base}/feedback/${duplicate.id}`);
    await actions.getByRole('button', { name: 'Gộp phản ánh trùng', exact: true }).click();
    await page.getByLabel('Tìm phản ánh gốc theo mã hoặc tiêu đề').fill(first.code);
    await page.getByRole('radio', { name: new RegExp(first.code.replaceAll('.', '\\.')) }).check();
    await actions.locator('form').getByRole('button', { name: 'Gộp phản ánh trùng', exact: true }).click();
    await page.getByRole('link', { name: `#${first.id}` }).waitFor();
    await page.goto(`${env.base}/feedback/${first.id}`);
    await page.getByRole('link', { name: duplicate.code }).waitFor();

    // Transferred to a residential group with a note.
    await page.goto(`${env.base}/feedback/${forGroup.id}`);
    await actions.getByRole('button', { name: 'Chuyển đơn vị', exact: true }).click();
    await page.getByLabel('Chuyển đến').selectOption({ label: 'Thôn Đông' });
    await actions.locator('form').getByLabel('Ghi chú').fill('Thôn Đông kiểm tra giúp.');
    await actions.locator('form').getByRole('button', { name: 'Chuyển đơn vị', exact: true }).click();
    await expect.poll(status).toBe('Đã chuyển');
    await page.getByTestId('ticket-journal').getByText('Thôn Đông kiểm tra giúp.').waitFor();

    // Rejected with a reason.
    await page.goto(`${env.base}/feedback/${spam.id}`);
    await actions.getByRole('button', { name: 'Từ chối', exact: true }).click();
    await actions.locator('form').getByLabel('Lý do').fill('Nội dung không thuộc thẩm quyền của xã.');
    await actions.locator('form').getByRole('button', { name: 'Từ chối', exact: true }).click();
    await expect.poll(status).toBe('Từ chối');
    expect(await overflowing(page)).toEqual([]);
    await snap(page, 'feedback-rejected');
    expect(leader.errors.filter((e) => !e.includes('status of 4'))).toEqual([]);
    await leader.context.close();
  });

  it('the console pages pass axe and keep tap targets of 44 px on a phone', async () => {
    const made = await env.w.f.ticket(env.w.communeA, { withFile: true });
    const leader = await phoneContext(env.browser);
    const page = leader.page;
    await signIn(page, env.base, env.w.accounts.leaderA);
    const pages: [string, () => Promise<unknown>][] = [
      ['/feedback', () => page.getByTestId('ticket-total').waitFor()],
      [`/feedback/${made.id}`, () => page.getByTestId('ticket-actions').waitFor()],
      ['/feedback/new', () => page.locator('select[name=categoryId] option').first().waitFor({ state: 'attached' })],
      ['/admin/feedback', () => page.getByTestId('feedback-settings').waitFor()],
    ];
    for (const [path, ready] of pages) {
      await page.goto(`${env.base}${path}`);
      await ready();
      expect(await seriousViolations(page), path).toEqual([]);
      expect(await smallTargets(page), path).toEqual([]);
      expect(await overflowing(page), path).toEqual([]);
    }
    // The answer editor and the action forms, opened.
    await page.goto(`${env.base}/feedback/${made.id}`);
    await page.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    await page.getByTestId('answer-editor').waitFor();
    await page.getByRole('button', { name: 'Chuyển đơn vị', exact: true }).click();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
    expect(leader.errors.filter((e) => !e.includes('status of 4'))).toEqual([]);
    await leader.context.close();
  });
});
