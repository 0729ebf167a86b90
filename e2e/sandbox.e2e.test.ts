import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, eventually, type TestContext } from '../test/helpers.js';
import { buildWorld, type World } from '../test/world.js';
import { sandboxFollowerId } from '../src/server/modules/sandbox/sandbox.rules.js';
import { launchBrowser, phoneContext, signIn, snap } from './browser.js';

// The app as `npm start` runs it: the sandbox providers stand in for Zalo, SMS and email, the delivery worker on.
let t: TestContext;
let w: World;
let base = '';
let browser: Browser;
beforeAll(async () => {
  t = await buildTestApp({ WEB_DIST: './dist/web' }, { serveWeb: true, sandbox: true });
  w = await buildWorld(t);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** A household head of Thôn Đông who joined the group channel with these channels, in this order. */
async function member(householdId: number, residentId: number, phone: string, channels: [string, string][]) {
  const [m] = await t.database.raw<{ id: number }>(
    `insert into group_members (group_id, household_id, resident_id, phone_enc, phone_bidx, manage_token_hash)
     values ($1, $2, $3, $4, $5, $6) returning id`,
    [
      w.groupA1.id,
      householdId,
      residentId,
      t.cipher.encrypt(phone),
      t.cipher.blindIndex(phone, 'phone'),
      randomBytes(16).toString('hex'),
    ],
  );
  for (const [rank, [channel, address]] of channels.entries())
    await t.database.raw(
      'insert into member_channels (member_id, channel, rank, address_enc) values ($1, $2, $3, $4)',
      [m!.id, channel, rank + 1, t.cipher.encrypt(address)],
    );
}

describe('the sandbox outbox in Chromium', () => {
  it('send in the demo, read it on the phone in the sandbox outbox, acknowledge, see the reach move; a refused number shows its reason', async () => {
    // Nguyễn Văn An follows the OA on Zalo; the other household's SMS number does not exist (ends in 000).
    await member(w.households.hA1.id, w.residents.an.id, '+84912345678', [
      ['ZALO', sandboxFollowerId('+84912345678')],
      ['SMS', '+84912345678'],
    ]);
    const h = await w.f.household(w.groupA1, { address: 'Số 15, thôn Đông' });
    const r = await w.f.resident(h, { head: true, phone: '+84912345000' });
    await member(h.id, r.id, '+84912345000', [
      ['SMS', '+84912345000'],
      ['EMAIL', 'tran.thi.lan@example.vn'],
    ]);

    const leader = await phoneContext(browser);
    await signIn(leader.page, base, w.accounts.leaderA);
    await leader.page.goto(`${base}/announcements`);
    const form = leader.page.getByTestId('announcement-form');
    await form.getByLabel('Tiêu đề', { exact: true }).fill('Tạm ngừng cấp nước sáng mai');
    await form.getByLabel('Nội dung', { exact: true }).fill('Ngừng cấp nước từ 7 giờ đến 11 giờ để sửa đường ống.');
    // Urgent, so it goes now whatever the hour (non-urgent messages wait out 21:00–07:00, Vietnam time).
    await form.getByLabel('Mức độ').selectOption('URGENT');
    await form.getByLabel('Thôn Đông').check();
    await form.getByLabel('Đề nghị các hộ xác nhận đã nhận').check();
    await form.getByRole('button', { name: 'Lưu nháp' }).click();
    await leader.page.getByTestId('announcements').getByRole('button', { name: 'Gửi', exact: true }).click();
    await leader.page.getByRole('button', { name: 'Gửi ngay đến 2 hộ' }).click();
    await leader.page.getByText('Đã gửi đến 2 hộ').waitFor();
    // The worker puts it through the sandbox: the Zalo message, then (after the refusal) the email.
    await eventually(async () => (t.sandbox!.store.all().some((m) => m.channel === 'EMAIL') ? true : undefined));

    // The outbox, from the console's menu.
    await leader.page.getByText('Menu').click();
    await leader.page.getByRole('link', { name: 'Hộp thư thử nghiệm' }).click();
    await leader.page.getByText('Hộp thư thử nghiệm — không gửi thật').waitFor();
    await leader.page.getByText('Menu').click();
    const pick = leader.page.getByLabel('Số điện thoại hoặc email');
    await pick.selectOption({ label: '0912 345 000 · 1 tin' });
    const refused = leader.page.getByTestId('sandbox-message');
    await refused.getByText('Bị từ chối: Số thuê bao không tồn tại (400)').waitFor();
    await pick.selectOption({ label: 'tran.thi.lan@example.vn · 1 tin' });
    await leader.page
      .getByTestId('sandbox-message')
      .filter({ hasText: 'Email' })
      .getByText('Tạm ngừng cấp nước sáng mai')
      .waitFor();
    await pick.selectOption({ label: '0912 345 678 · 1 tin' });
    const zalo = leader.page.getByTestId('sandbox-message').filter({ hasText: 'Zalo (OA)' });
    await zalo.getByText('Ngừng cấp nước từ 7 giờ', { exact: false }).waitFor();
    await snap(leader.page, 'sandbox-outbox');

    // An opens the link in his Zalo message and acknowledges.
    await zalo.getByRole('link', { name: 'Mở liên kết trong tin' }).click();
    await leader.page.getByRole('heading', { name: 'Tạm ngừng cấp nước sáng mai' }).waitFor();
    await leader.page.getByRole('button', { name: 'Xác nhận hộ đã nhận' }).click();
    await leader.page.getByText('Đã xác nhận. Cảm ơn ông/bà!').waitFor();

    // The reach: Thôn Đông, 2 households targeted, 2 reached (Zalo; email after the refused SMS), 1 read, 1 acknowledged.
    await leader.page.goto(`${base}/announcements`);
    await leader.page.getByRole('link', { name: 'Mức độ tiếp cận' }).first().click();
    await expect.poll(() => leader.page.getByTestId('reach').textContent()).toContain('Thôn Đông2211');
    await snap(leader.page, 'sandbox-reach');
    expect(leader.errors).toEqual([]);
    await leader.context.close();
  });
});
