import { describe, expect, it } from 'vitest';
import { phoneContext, signIn, snap, useServedApp } from './browser.js';

// No SMS gateway here: the SMS channel's provider is not configured, so every SMS fails for that reason.
const env = useServedApp();

describe('every delivery visible, in Chromium', () => {
  it('the pre-send preview shows the channel split; the reach page shows "failed: provider not configured" per channel; the channels page says why', async () => {
    const leader = await phoneContext(env.browser);
    await signIn(leader.page, env.base, env.w.accounts.leaderA);
    await leader.page.goto(`${env.base}/announcements`);
    const form = leader.page.getByTestId('announcement-form');
    await form.getByLabel('Tiêu đề', { exact: true }).fill('Phun thuốc diệt muỗi');
    await form.getByLabel('Nội dung', { exact: true }).fill('Sáng thứ Bảy đội y tế phun thuốc từng nhà.');
    await form.getByLabel('Loại tin').selectOption('HEALTH');
    await form.getByLabel('Mức độ').selectOption('URGENT');
    await form.getByLabel('Thôn Đông').check();
    await form.getByLabel('Thôn Tây').check();
    await form.getByRole('button', { name: 'Tính số người nhận' }).click();
    // An's household by SMS (his phone is on record); the boarding house has no channel at all.
    const split = leader.page.getByTestId('reach-split');
    await expect.poll(() => split.getByTestId('split-SMS').textContent()).toBe('Tin nhắn SMS: 1 hộ');
    expect(await split.getByTestId('split-none').textContent()).toBe('Không có kênh nào: 1 hộ (cần đến tận nhà)');
    expect(await split.getByTestId('split-warning').textContent()).toContain('Tin nhắn SMS chưa được cấu hình');
    await snap(leader.page, 'deliveries-preview');
    await form.getByRole('button', { name: 'Lưu nháp' }).click();
    await leader.page.getByTestId('announcements').getByRole('button', { name: 'Gửi', exact: true }).click();
    // Sending from the list asks first, with the same split and the warning for the channel not set up.
    const confirm = leader.page.getByTestId('send-confirm');
    await expect.poll(() => confirm.getByTestId('split-none').textContent()).toContain('1 hộ');
    expect(await confirm.getByTestId('split-warning').textContent()).toContain('Tin nhắn SMS chưa được cấu hình');
    await confirm.getByRole('button', { name: 'Gửi ngay đến 2 hộ' }).click();
    await leader.page.getByText('Đã gửi đến 2 hộ').waitFor();

    await leader.page.getByRole('link', { name: 'Mức độ tiếp cận' }).first().click();
    const sms = leader.page.getByTestId('deliveries');
    // The worker fails the SMS at once (no provider): the page shows it after a reload at most.
    await expect
      .poll(
        async () => {
          const text = (await sms.textContent()) ?? '';
          if (!text.includes('thất bại')) await leader.page.reload();
          return (await sms.textContent()) ?? '';
        },
        { timeout: 20_000, interval: 1000 },
      )
      .toContain('thất bại: chưa cấu hình nhà cung cấp (1)');
    expect(await leader.page.getByTestId('delivery-SMS').textContent()).toContain('chưa cấu hình');
    expect(await leader.page.getByTestId('delivery-SMS-reasons').textContent()).toBe(
      'thất bại: chưa cấu hình nhà cung cấp (1)',
    );
    const widths = await leader.page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
    // The recipients behind it, and the way their message took.
    await sms.getByRole('button', { name: 'thất bại: chưa cấu hình nhà cung cấp (1)' }).click();
    const list = leader.page.getByTestId('delivery-list');
    await list.getByText('Nguyễn Văn An').waitFor();
    expect(await list.textContent()).toContain('Tin nhắn SMS: thất bại (chưa cấu hình nhà cung cấp)');
    await snap(leader.page, 'deliveries-reach');

    await leader.page.goto(`${env.base}/channels`);
    const channel = leader.page.getByTestId('channel-SMS');
    await channel.getByText('Chưa cấu hình', { exact: true }).waitFor();
    // The reason in Vietnamese first; the provider's own English words only as a detail line.
    expect(await channel.getByTestId('channel-SMS-error').textContent()).toMatch(
      /· chưa cấu hình nhà cung cấpNhà cung cấp báo: SMS provider not configured$/,
    );
    await snap(leader.page, 'deliveries-channels');
    expect(leader.errors).toEqual([]);
    await leader.context.close();
  });

  it('a reminder shows its households, channels and estimated cost before it goes; a second one is held until a leader overrides it', async () => {
    const { campaignId } = await env.w.f.campaignWithTarget(env.w.groupA1, env.w.households.hA1.id);
    const head = await phoneContext(env.browser);
    await signIn(head.page, env.base, env.w.accounts.headA1);
    await head.page.goto(`${env.base}/campaigns/${campaignId}`);
    const remind = head.page.getByRole('button', { name: 'Gửi tin nhắc các hộ còn lại' });
    await remind.click();
    const confirm = head.page.getByTestId('reminder-confirm');
    await confirm.getByText('Sẽ nhắc 1 hộ').waitFor();
    expect(await confirm.getByTestId('split-SMS').textContent()).toBe('Tin nhắn SMS: 1 hộ');
    expect(await confirm.getByTestId('reminder-cost').textContent()).toMatch(
      /^Chi phí ước tính: 1\.700 đ \(1 tin SMS × 2 phần × 850 đ; 0 tin ZNS × 300 đ\)$/,
    );
    // The SMS itself, as it will go: short, without tone marks (GSM-7), with the link.
    await confirm.getByTestId('reminder-sms').getByText('Nội dung tin SMS (không dấu, 160 ký tự mỗi phần)').click();
    expect(await confirm.getByTestId('reminder-sms').textContent()).toContain('Nhac: nha minh chua xong');
    await snap(head.page, 'reminder-confirm');
    await confirm.getByRole('button', { name: 'Xác nhận gửi' }).click();
    await head.page.getByText('Đã gửi tin nhắc tới 1 hộ').waitFor();
    // A second reminder the same day: held, and the group head cannot override it.
    await remind.click();
    await confirm.getByTestId('reminder-blocked').waitFor();
    expect(await confirm.getByTestId('reminder-blocked').textContent()).toContain('Chỉ lãnh đạo xã');
    expect(await confirm.getByRole('button', { name: 'Xác nhận gửi' }).isDisabled()).toBe(true);
    expect(head.errors).toEqual([]);
    await head.context.close();

    const leader = await phoneContext(env.browser);
    await signIn(leader.page, env.base, env.w.accounts.leaderA);
    await leader.page.goto(`${env.base}/campaigns/${campaignId}`);
    await leader.page.getByRole('button', { name: 'Gửi tin nhắc các hộ còn lại' }).click();
    const held = leader.page.getByTestId('reminder-confirm');
    await held.getByTestId('reminder-blocked').waitFor();
    await held.getByLabel('Lý do nhắc lại sớm (lãnh đạo xác nhận)').fill('Hạn chót là ngày mai');
    await snap(leader.page, 'reminder-override');
    await held.getByRole('button', { name: 'Xác nhận gửi' }).click();
    await leader.page.getByText('Đã gửi tin nhắc tới 1 hộ').waitFor();
    expect(leader.errors).toEqual([]);
    await leader.context.close();
  });

  it('messages waiting out the night show as waiting, with when they go, not in the door-to-door list', async () => {
    const at = (local: string) => new Date(`${local}:00+07:00`);
    const made = await env.w.agents.leaderA.post('/api/announcements', {
      title: 'Tiêm chủng mở rộng',
      body: '<p>Sáng mai tại trạm y tế</p>',
      category: 'HEALTH',
      audience: { unitIds: [env.w.groupA1.id, env.w.groupA2.id] },
      scheduledAt: at('2099-01-05T06:00').toISOString(),
    });
    const id = made.json().id as number;
    await env.w.agents.leaderA.post(`/api/announcements/${id}/send`);
    // The scheduler sends it at 06:12 Vietnam time: An's SMS waits for 07:00.
    const { sendScheduled } = await import('../src/server/modules/announcements/announcements.service.js');
    await sendScheduled(env.t.database, at('2099-01-05T06:12'));
    const leader = await phoneContext(env.browser);
    await signIn(leader.page, env.base, env.w.accounts.leaderA);
    await leader.page.goto(`${env.base}/announcements/${id}`);
    const waiting = leader.page.getByTestId('waiting');
    await waiting.getByText('Đang chờ gửi: 1 hộ (chưa phải đến nhà)').waitFor();
    await waiting.getByText('1 hộ: tin sẽ đi lúc 05/01/2099 07:00').waitFor();
    // Only the boarding house, which has no channel at all, is for the team to visit.
    const visit = leader.page.getByTestId('not-reached');
    await visit.getByText('Nhà trọ Hạnh Phúc, thôn Tây').waitFor();
    expect(await visit.getByText('Số 7, ngõ 3, thôn Đông').count()).toBe(0);
    await snap(leader.page, 'reach-waiting-360');
    expect(leader.errors).toEqual([]);
    await leader.context.close();
  });
});
