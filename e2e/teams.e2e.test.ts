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

  it('a commune leader gives a team member a login from the team row; the member signs in and sees their households by alley', async () => {
    const { w } = env;
    for (const n of ['103', '17']) {
      const h = await w.f.household(w.groupA1, { address: `Số ${n} thôn Đông`, code: n });
      await w.f.resident(h, { fullName: `Người Nhà Số ${n}`, birthDate: '1990-05-05', gender: 'MALE', head: true });
    }
    const team = (
      await w.agents.headA1.post('/api/teams', { unitId: w.groupA1.id, name: 'Tổ CNS có tài khoản' })
    ).json().id;
    await w.agents.headA1.post(`/api/teams/${team}/members`, { fullName: 'Hà Văn Quang', role: 'HEAD' });

    const leader = await phoneContext(env.browser);
    await signIn(leader.page, env.base, w.accounts.leaderA);
    await leader.page.goto(`${env.base}/teams`);
    const card = leader.page.getByTestId('team').filter({ hasText: 'Tổ CNS có tài khoản' });
    const row = card.getByTestId('member').filter({ hasText: 'Hà Văn Quang' });
    await row.getByText('Chưa có tài khoản').waitFor();
    await row.getByRole('button', { name: 'Cấp tài khoản' }).click();
    await row.getByLabel('Tên đăng nhập').fill('havanquang');
    await row.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const shown = await row.getByText(/Mật khẩu lần đầu của havanquang/).textContent();
    const password = shown!.match(/havanquang: (\S+)\./)![1]!;
    await row.getByText('Tài khoản: havanquang').waitFor();
    await snap(leader.page, 'team-member-login');

    // A campaign in Thôn Đông: its households go to the only member who can sign in.
    const id = (
      await w.agents.leaderA.post('/api/campaigns', {
        kind: 'VNEID_L2',
        unitId: w.groupA1.id,
        startsOn: '2026-11-01',
        deadline: '2027-06-30',
      })
    ).json().id;
    expect((await w.agents.headA1.post(`/api/campaigns/${id}/assign`)).json()).toEqual({ assigned: 3 });

    const member = await phoneContext(env.browser);
    await signIn(member.page, env.base, { username: 'havanquang', password });
    await member.page.goto(`${env.base}/field`);
    const campaign = member.page
      .getByTestId('field-campaigns')
      .getByRole('listitem')
      .filter({ hasText: 'Hạn 30/06/2027' });
    await campaign.getByRole('button', { name: 'Tải về máy' }).click();
    await campaign.getByRole('link', { name: 'Mở (3 hộ)' }).click();
    const alleys = member.page.getByTestId('field-alley');
    await alleys.first().waitFor();
    expect(await alleys.getByRole('heading').allTextContents()).toEqual(['Thôn Đông 2 hộ', 'Ngõ 3 1 hộ']);
    expect(await alleys.first().getByRole('link').allTextContents()).toEqual(['Số 17 thôn Đông', 'Số 103 thôn Đông']);
    await member.page.getByLabel('Tìm theo tên hoặc địa chỉ').fill('nguyen van an');
    expect(await alleys.getByRole('link').allTextContents()).toEqual(['Số 7, ngõ 3, thôn Đông']);
    await snap(member.page, 'field-by-alley');

    // The member reads the teams page but is offered none of the managers' forms (the server would refuse them).
    await member.page.goto(`${env.base}/teams`);
    await member.page.getByTestId('team').filter({ hasText: 'Tổ CNS có tài khoản' }).waitFor();
    for (const name of ['Thành lập', 'Xếp lịch trực', 'Thêm điểm hỗ trợ', 'Cấp tài khoản', 'Cho thôi tham gia'])
      expect(await member.page.getByRole('button', { name }).count(), name).toBe(0);

    // The whole list to a second member who has a login, from the campaign's assignment screen.
    const second = (await w.agents.headA1.post(`/api/teams/${team}/members`, { fullName: 'Đinh Thị Lan' })).json().id;
    await w.agents.leaderA.post(`/api/teams/${team}/members/${second}/login`, { username: 'dinhthilan' });
    await leader.page.goto(`${env.base}/campaigns/${id}`);
    await leader.page.getByRole('link', { name: 'Phân công, giao lại hộ' }).click();
    await leader.page.getByTestId('assignment-members').getByRole('button', { name: 'Hà Văn Quang' }).click();
    const list = leader.page.getByTestId('assignment-list');
    await list.getByText('Số 103 thôn Đông').waitFor();
    await list
      .getByLabel('Giao cả danh sách còn lại cho')
      .selectOption({ label: 'Đinh Thị Lan (Tổ CNS có tài khoản)' });
    await list.getByRole('button', { name: 'Giao tất cả' }).click();
    await leader.page.getByText('Đã giao 3 hộ cho Đinh Thị Lan').waitFor();
    await list.getByText('Không có hộ nào.').waitFor();
    await snap(leader.page, 'campaign-assignments');
    for (const c of [leader, member]) {
      expect(c.errors).toEqual([]);
      await c.context.close();
    }
  });
});
