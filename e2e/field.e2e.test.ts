import { describe, expect, it } from 'vitest';
import { phoneContext, signIn, snap, useServedApp } from './browser.js';

const env = useServedApp();

describe('the field app in Chromium, offline', () => {
  it('records three visits with the network cut, keeps them through a reload, sends them when the network is back; its menu leads to the console and signs out keeping an unsent visit', async () => {
    const { w } = env;
    // Thôn Đông: hA1 (An, Bình) and two more households; a VNeID campaign whose households go to the team's member.
    for (const [address, name] of [
      ['Số 11 thôn Đông', 'Vũ Văn Mười Một'],
      ['Số 15 thôn Đông', 'Đặng Thị Mười Lăm'],
    ] as const) {
      const h = await w.f.household(w.groupA1, { address, code: address.split(' ')[1] });
      await w.f.resident(h, { fullName: name, birthDate: '1990-05-05', gender: 'MALE', head: true });
    }
    const id = (
      await w.agents.leaderA.post('/api/campaigns', {
        kind: 'VNEID_L2',
        unitId: w.groupA1.id,
        startsOn: '2026-11-01',
        deadline: '2027-06-30',
      })
    ).json().id;
    const team = (await w.agents.headA1.post('/api/teams', { unitId: w.groupA1.id, name: 'Tổ CNS thôn Đông' })).json()
      .id;
    await w.agents.headA1.post(`/api/teams/${team}/members`, {
      fullName: 'Nguyễn Thị Hoa',
      userId: w.accounts.teamA1.id,
    });
    expect((await w.agents.headA1.post(`/api/campaigns/${id}/assign`)).json()).toEqual({ assigned: 3 });

    const member = await phoneContext(env.browser, { serviceWorkers: true });
    const { page, context } = member;
    await signIn(page, env.base, w.accounts.teamA1);
    await page.goto(`${env.base}/field`);
    // The app must be in the service worker's hands before the network goes.
    await page
      .waitForFunction(
        async () => !!(await navigator.serviceWorker.ready) && !!navigator.serviceWorker.controller,
        undefined,
        { timeout: 20_000 },
      )
      .catch(async () => {
        await page.reload();
        await page.waitForFunction(() => !!navigator.serviceWorker.controller, undefined, { timeout: 20_000 });
      });
    const card = page
      .getByTestId('field-campaigns')
      .getByRole('listitem')
      .filter({ hasText: 'Định danh điện tử mức 2' });
    await card.getByRole('button', { name: 'Tải về máy' }).click();
    await card.getByRole('link', { name: 'Mở (3 hộ)' }).click();
    await page.getByTestId('field-households').getByRole('link', { name: 'Số 11 thôn Đông' }).waitFor();

    await context.setOffline(true);
    await page.getByTestId('network').getByText('Mất mạng').waitFor();
    const record = async (address: string, outcome: string, more?: () => Promise<void>) => {
      await page.getByTestId('field-households').getByRole('link', { name: address }).click();
      await page.getByTestId('visit-form').getByLabel(outcome, { exact: true }).check();
      await more?.();
      await page.getByRole('button', { name: 'Lưu lượt thăm' }).click();
      await page.getByTestId('field-households').waitFor();
    };
    await record('Số 7, ngõ 3, thôn Đông', 'Không có nhà', () =>
      page.getByLabel('Lúc nào nên quay lại').fill('Sau 19 giờ'),
    );
    await record('Số 11 thôn Đông', 'Đã kích hoạt mức 2');
    await record('Số 15 thôn Đông', 'Cần ra công an');
    await page.getByTestId('waiting').getByText('3 lượt thăm chờ gửi').waitFor();
    await page.getByTestId('field-pending').getByText('Đang lưu trên máy, sẽ gửi khi có mạng').first().waitFor();
    await snap(page, 'field-offline');

    // Closed and opened again with no network: the app and the three visits are still there.
    await page.reload();
    await page.getByTestId('waiting').getByText('3 lượt thăm chờ gửi').waitFor();
    await page.getByTestId('field-households').getByText('Không có nhà').waitFor();

    await context.setOffline(false);
    await page.getByTestId('waiting').getByText('Đã gửi hết').waitFor({ timeout: 20_000 });
    const stored = await env.t.database.raw<{ outcome: string; status: string }>(
      `select outcome, status from campaign_visits where campaign_id = $1 order by outcome`,
      [id],
    );
    expect(stored).toEqual([
      { outcome: 'NEEDS_POLICE_VISIT', status: 'APPLIED' },
      { outcome: 'NOT_HOME', status: 'APPLIED' },
      { outcome: 'VNEID_L2_ACTIVATED', status: 'APPLIED' },
    ]);

    // The field app's menu leads back to the console.
    const menu = page.getByTestId('field-menu');
    await menu.getByText('Menu').click();
    await menu.getByRole('link', { name: 'Về trang quản lý' }).click();
    await page.getByRole('search').waitFor();

    // A visit the server cannot take yet (its route cut) waits on the phone; signing out from the field app keeps it.
    await context.route('**/api/campaigns/*/visits', (route) => route.abort());
    await page.goto(`${env.base}/field/${id}`);
    await record('Số 7, ngõ 3, thôn Đông', 'Không có nhà', () =>
      page.getByLabel('Lúc nào nên quay lại').fill('Sau 19 giờ'),
    );
    await page.getByTestId('waiting').getByText('1 lượt thăm chờ gửi').waitFor();
    await menu.getByText('Menu').click();
    await menu
      .getByTestId('sign-out-keeps')
      .getByText('1 lượt thăm chưa gửi vẫn được giữ trên máy và sẽ tự gửi khi bạn đăng nhập lại.')
      .waitFor();
    const signOut = menu.getByRole('button', { name: 'Đăng xuất', exact: true });
    expect(await signOut.isVisible()).toBe(true);
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
    await snap(page, 'field-menu');
    await signOut.click();
    await page.getByLabel('Tên đăng nhập').waitFor();

    // Signed in again: the household list left the phone with the sign-out, the kept visit is there and goes.
    await signIn(page, env.base, w.accounts.teamA1);
    await page.goto(`${env.base}/field`);
    await card.getByRole('button', { name: 'Tải về máy' }).waitFor();
    expect(await card.getByRole('link', { name: /^Mở/ }).count()).toBe(0);
    await page.getByTestId('waiting').getByText('1 lượt thăm chờ gửi').waitFor();
    await context.unroute('**/api/campaigns/*/visits');
    await page.getByTestId('waiting').getByRole('button', { name: 'Gửi ngay' }).click();
    await page.getByTestId('waiting').getByText('Đã gửi hết').waitFor({ timeout: 20_000 });
    const [visits] = await env.t.database.raw<{ n: number }>(
      'select count(*)::int as n from campaign_visits where campaign_id = $1',
      [id],
    );
    expect(visits!.n).toBe(4);

    const head = await phoneContext(env.browser);
    await signIn(head.page, env.base, w.accounts.headA1);
    await head.page.goto(`${env.base}/campaigns/${id}`);
    await head.page.getByTestId('campaign-total').getByText('Đã xong 1/4 (25%)').waitFor();
    await head.page.getByTestId('campaign-left').getByText('Nên đến: Sau 19 giờ', { exact: false }).waitFor();
    await snap(head.page, 'campaign-after-sync');
    for (const c of [member, head]) {
      expect(
        c.errors.filter(
          (e) =>
            !e.includes('net::ERR_INTERNET_DISCONNECTED') &&
            !e.includes('Failed to fetch') &&
            !e.includes('Failed to load resource'),
        ),
      ).toEqual([]);
      await c.context.close();
    }
  }, 120_000);
});
