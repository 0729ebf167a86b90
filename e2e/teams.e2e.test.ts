import { describe, expect, it } from 'vitest';
import { phoneContext, signIn, snap, useServedApp } from './browser.js';

const env = useServedApp();

describe('digital technology teams in Chromium', () => {
  it('a group head sets up the team, puts a member on counter duty and opens a support point that citizens then see', async () => {
    const head = await phoneContext(env.browser);
    await signIn(head.page, env.base, env.w.accounts.leaderA);
    await head.page.goto(`${env.base}/teams`);
    await head.page.getByLabel('Tên tổ').fill('Tổ công nghệ số thôn Đông');
    await head.page.getByLabel('Quyết định').fill('125/QĐ-UBND ngày 02/3/2025');
    await head.page.getByRole('button', { name: 'Thành lập', exact: true }).click();
    const team = head.page.getByTestId('team');
    await team.getByRole('heading', { name: 'Tổ công nghệ số thôn Đông' }).waitFor();
    await team.getByLabel('Họ và tên').fill('Trần Minh Đức');
    await team.getByLabel('Kỹ năng (cách nhau bởi dấu phẩy)').fill('VNeID, Dịch vụ công');
    await team.getByRole('button', { name: 'Thêm thành viên' }).click();
    await team.getByText('Trần Minh Đức · Thành viên · VNeID, Dịch vụ công').waitFor();
    await head.page.getByRole('button', { name: 'Xếp lịch trực' }).click();
    await head.page.getByTestId('duty').getByText('Sáng · Trần Minh Đức').waitFor();
    await head.page.getByLabel('Tên điểm').fill('Tạp hóa Tâm Hương');
    await head.page.getByLabel('Địa chỉ').fill('Số 3 ngõ 3, thôn Đông');
    await head.page.getByLabel('Giờ hỗ trợ').fill('18:00–21:00, thứ Hai đến thứ Sáu');
    await head.page.getByRole('button', { name: 'Thêm điểm hỗ trợ' }).click();
    await head.page.getByText('Tạp hóa Tâm Hương').first().waitFor();
    await snap(head.page, 'teams');

    const citizen = await phoneContext(env.browser);
    await citizen.page.goto(`${env.base}/c/${env.w.communeA.code}`);
    await citizen.page
      .getByTestId('support-points')
      .getByText('18:00–21:00, thứ Hai đến thứ Sáu', { exact: false })
      .waitFor();
    for (const c of [head, citizen]) {
      expect(c.errors).toEqual([]);
      await c.context.close();
    }
  });

  it('a commune leader starts a VNeID campaign and drills its progress down to the alley', async () => {
    const leader = await phoneContext(env.browser);
    await signIn(leader.page, env.base, env.w.accounts.leaderA);
    await leader.page.goto(`${env.base}/campaigns`);
    const form = leader.page.getByTestId('campaign-form');
    await form.getByLabel('Loại chiến dịch').selectOption('VNEID_L2');
    await form.getByLabel('Hạn hoàn thành').fill('2027-01-29');
    await form.getByRole('button', { name: 'Phát động' }).click();
    await leader.page.getByText(/Đã phát động: \d+ đối tượng ở 1 xã, phường/).waitFor();
    await leader.page
      .getByTestId('campaigns')
      .getByRole('link', { name: 'Định danh điện tử mức 2 cho người từ 14 tuổi' })
      .click();
    await leader.page
      .getByTestId('campaign-total')
      .getByText(/Đã xong 0\/\d+ \(0%\)/)
      .waitFor();
    await leader.page.getByTestId('campaign-units').getByRole('button', { name: 'Thôn Đông' }).click();
    await leader.page.getByTestId('campaign-units').getByRole('button', { name: 'Ngõ 3' }).waitFor();
    await snap(leader.page, 'campaign-progress');
    expect(leader.errors).toEqual([]);
    await leader.context.close();
  });
});
