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
    await leader.page.getByText('Đã gửi đến 2 hộ').waitFor();

    await leader.page.getByRole('link', { name: 'Mức độ tiếp cận' }).first().click();
    const sms = leader.page.getByTestId('delivery-SMS');
    // The worker fails the SMS at once (no provider): the page shows it after a reload at most.
    await expect
      .poll(
        async () => {
          const text = (await sms.textContent()) ?? '';
          if (!text.includes('thất bại')) await leader.page.reload();
          return (await sms.textContent()) ?? '';
        },
        { timeout: 20_000, intervals: [500, 1000, 2000] },
      )
      .toContain('thất bại: chưa cấu hình nhà cung cấp (1)');
    expect(await sms.textContent()).toContain('chưa cấu hình');
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
    await channel.getByText('Chưa cấu hình').waitFor();
    expect(await channel.textContent()).toContain('SMS provider not configured');
    await snap(leader.page, 'deliveries-channels');
    expect(leader.errors).toEqual([]);
    await leader.context.close();
  });
});
