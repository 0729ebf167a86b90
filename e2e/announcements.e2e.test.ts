import { describe, expect, it } from 'vitest';
import { useFakeSms } from '../test/fake-sms.js';
import { eventually } from '../test/helpers.js';
import { phoneContext, signIn, snap, useServedApp } from './browser.js';

const sms = useFakeSms();
const env = useServedApp(sms.overrides);

describe('announcements in Chromium', () => {
  it('write, target two groups, preview, send; a citizen sees it and acknowledges; the reach view updates', async () => {
    const leader = await phoneContext(env.browser);
    await signIn(leader.page, env.base, env.w.accounts.leaderA);
    await leader.page.goto(`${env.base}/announcements`);
    // A template with ((placeholders)), previewed per channel, then copied into the form.
    const templates = leader.page.getByTestId('templates');
    await templates.getByText('Mẫu tin soạn sẵn').click();
    await templates.getByLabel('Tên mẫu').fill('Họp thôn');
    await templates.getByLabel('Tiêu đề').fill('Họp ((thon))');
    await templates.getByLabel('Nội dung').fill('Kính mời bà con họp lúc ((gio)) tại nhà văn hóa.');
    await templates.getByRole('button', { name: 'Lưu mẫu' }).click();
    await templates.getByLabel('Chọn mẫu').selectOption({ label: 'Họp thôn' });
    await templates.getByLabel('((thon))').fill('thôn Đông');
    await templates.getByLabel('((gio))').fill('19:30');
    await templates.getByRole('button', { name: 'Xem trước trên từng kênh' }).click();
    const preview = templates.getByTestId('template-preview');
    await preview.getByText('2 tin (UCS-2)', { exact: false }).waitFor();
    expect(await preview.textContent()).toContain('summary: 46/400');
    await preview.getByRole('button', { name: 'Dùng nội dung này' }).click();
    const form = leader.page.getByTestId('announcement-form');
    expect(await form.getByLabel('Tiêu đề', { exact: true }).inputValue()).toBe('Họp thôn Đông');
    await form.getByLabel('Tiêu đề', { exact: true }).fill('Treo cờ Tổ quốc ngày 2/9');
    await form.getByLabel('Nội dung', { exact: true }).fill('Đề nghị các hộ treo cờ từ sáng 1/9.\n\nCảm ơn bà con.');
    await form.getByLabel('Loại tin').selectOption('EVENT');
    // Urgent, so the SMS goes now whatever the hour: non-urgent messages wait out 21:00–07:00 (Vietnam time).
    await form.getByLabel('Mức độ').selectOption('URGENT');
    await form.getByLabel('Thôn Đông').check();
    await form.getByLabel('Thôn Tây').check();
    await form.getByLabel('Đề nghị các hộ xác nhận đã nhận').check();
    await form.getByRole('button', { name: 'Tính số người nhận' }).click();
    await expect.poll(() => leader.page.getByTestId('audience-size').textContent()).toBe('Sẽ đến 2 hộ, 3 người');
    await form.getByRole('button', { name: 'Lưu nháp' }).click();
    // "Gửi" on the draft asks first, with the same audience and channel split the form showed.
    await leader.page.getByTestId('announcements').getByRole('button', { name: 'Gửi', exact: true }).click();
    const confirm = leader.page.getByTestId('send-confirm');
    await confirm.getByText('Sẽ đến 2 hộ, 3 người').waitFor();
    await confirm.getByTestId('reach-split').waitFor();
    await snap(leader.page, 'announcement-send-confirm');
    await confirm.getByRole('button', { name: 'Gửi ngay đến 2 hộ' }).click();
    await leader.page.getByText('Đã gửi đến 2 hộ').waitFor();

    // A digital-team member typing the address gets one clear sentence, not a form whose data calls are refused.
    const team = await phoneContext(env.browser);
    await signIn(team.page, env.base, env.w.accounts.teamA1);
    await team.page.goto(`${env.base}/announcements`);
    await team.page.getByText('Bạn không có quyền xem trang này', { exact: false }).waitFor();
    expect(await team.page.getByTestId('announcement-form').count()).toBe(0);
    await team.context.close();

    // Nguyễn Văn An opens an account with his phone, reads the commune's page and acknowledges.
    const citizen = await phoneContext(env.browser);
    await citizen.page.goto(`${env.base}/me`);
    const signUp = citizen.page.locator('form').filter({ hasText: 'Đăng ký tài khoản' });
    await signUp.getByLabel('Số điện thoại').fill('0912345678');
    await signUp.getByRole('button', { name: 'Gửi mã xác thực qua SMS' }).click();
    await citizen.page.getByText('Đã gửi mã 6 số').waitFor();
    await signUp.getByLabel('Mã xác thực (6 số)').fill(sms.codeSentTo('+84912345678'));
    await signUp.getByLabel('Họ và tên').fill('Nguyễn Văn An');
    await signUp.getByLabel('Số định danh cá nhân (12 số)').fill('031078001234');
    await signUp.getByLabel('Mật khẩu (ít nhất 10 ký tự)').fill('mat-khau-cua-an');
    await signUp.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await citizen.page.getByRole('heading', { name: 'Hồ sơ của tôi' }).waitFor();
    await citizen.page.goto(`${env.base}/c/${env.w.communeA.code}`);
    await citizen.page.getByRole('heading', { name: 'Treo cờ Tổ quốc ngày 2/9' }).waitFor();
    await citizen.page.getByText('Đề nghị các hộ treo cờ từ sáng 1/9.').waitFor();
    await citizen.page.getByRole('button', { name: 'Gia đình tôi đã nhận' }).click();
    await citizen.page.getByText('Đã xác nhận, cảm ơn ông/bà').waitFor();
    await snap(citizen.page, 'announcement-feed');

    await leader.page.getByRole('link', { name: 'Mức độ tiếp cận' }).click();
    const reach = leader.page.getByTestId('reach');
    // Thôn Đông: 1 household targeted, 1 reached by SMS (the head has a phone), 1 read, 1 acknowledged.
    await expect.poll(() => reach.textContent()).toContain('Thôn Đông1111');
    expect(await reach.textContent()).toContain('Thôn Tây1000');
    await leader.page.getByTestId('not-reached').getByText('Nhà trọ Hạnh Phúc, thôn Tây').waitFor();
    await snap(leader.page, 'announcement-reach');
    for (const c of [leader, citizen]) {
      expect(c.errors).toEqual([]);
      await c.context.close();
    }
  });

  it("a household joins its group's channel from the poster link, opens the message's link, acknowledges; the group's rate shows it", async () => {
    const citizen = await phoneContext(env.browser);
    await citizen.page.goto(`${env.base}/g/${env.w.groupA2.id}`);
    await citizen.page.getByRole('heading', { name: 'Tham gia kênh thông tin Thôn Tây' }).waitFor();
    // Cường's phone is not on the household list: the page says only that the group head will confirm.
    // A short number: the button can still be pressed, and says what is wrong beside the field (it was only greyed).
    await citizen.page.getByLabel('Số điện thoại', { exact: true }).fill('12345');
    await citizen.page.getByRole('button', { name: 'Gửi mã xác thực' }).click();
    await citizen.page.getByText('Số điện thoại chưa đúng, ví dụ 0912 345 678').waitFor();
    await citizen.page.getByRole('textbox', { name: /^Số điện thoại/ }).fill('0966111222');
    await citizen.page.getByRole('button', { name: 'Gửi mã xác thực' }).click();
    await citizen.page.getByText('Đã gửi mã 6 số về máy 0966111222').waitFor();
    await citizen.page.getByLabel('Mã xác thực', { exact: true }).fill(sms.codeSentTo('+84966111222'));
    await citizen.page.getByLabel(/Họ tên và địa chỉ/).fill('Lê Đức Cường, nhà trọ Hạnh Phúc');
    await citizen.page.getByLabel('Tin nhắn SMS').check();
    await citizen.page.getByRole('button', { name: 'Tham gia' }).click();
    await citizen.page.getByText('Đã gửi yêu cầu, tổ trưởng sẽ xác nhận.').waitFor();
    await snap(citizen.page, 'group-join-pending');
    await citizen.page.getByRole('link', { name: 'Xem thông báo và đổi cách nhận' }).click();
    await citizen.page.getByText('Yêu cầu tham gia đang chờ tổ trưởng xác nhận.').waitFor();

    // The commune confirms him into the boarding house, found by its address.
    const leader = await phoneContext(env.browser);
    await signIn(leader.page, env.base, env.w.accounts.leaderA);
    await leader.page.goto(`${env.base}/groups`);
    const request = leader.page.getByTestId('join-request').filter({ hasText: '0966 111 222' });
    await request.getByText('Lê Đức Cường, nhà trọ Hạnh Phúc').waitFor();
    await request.getByLabel('Tìm hộ trong tổ (địa chỉ, tên chủ hộ)').fill('Nhà trọ');
    await request.getByLabel('Nhà trọ Hạnh Phúc, thôn Tây').check();
    await snap(leader.page, 'group-join-request');
    await request.getByRole('button', { name: 'Xác nhận vào hộ này' }).click();
    await leader.page.getByText('Không có yêu cầu nào đang chờ.').waitFor();
    // 1 household, 1 joined
    await expect.poll(() => leader.page.getByTestId('group-rates').textContent()).toContain('Thôn Tây1');
    await leader.page.goto(`${env.base}/announcements`);
    const form = leader.page.getByTestId('announcement-form');
    await form.getByLabel('Tiêu đề', { exact: true }).fill('Phun thuốc diệt muỗi');
    await form.getByLabel('Nội dung', { exact: true }).fill('Sáng thứ Bảy, các hộ đóng cửa 1 giờ.');
    await form.getByLabel('Mức độ').selectOption('URGENT');
    await form.getByLabel('Thôn Tây').check();
    await form.getByLabel('Đề nghị các hộ xác nhận đã nhận').check();
    await form.getByRole('button', { name: 'Lưu nháp' }).click();
    await leader.page.getByTestId('announcements').getByRole('button', { name: 'Gửi', exact: true }).first().click();
    await leader.page.getByRole('button', { name: 'Gửi ngay đến 1 hộ' }).click();
    await leader.page.getByText('Đã gửi đến 1 hộ').waitFor();

    const message = await eventually(async () =>
      sms.messages.find((m) => m.to === '+84966111222' && m.text.startsWith('Phun thuốc')),
    );
    const link = new URL(/https?:\S+/.exec(message.text)![0]);
    await citizen.page.goto(`${env.base}${link.pathname}${link.search}`);
    await citizen.page.getByRole('heading', { name: 'Phun thuốc diệt muỗi' }).waitFor();
    await citizen.page.getByRole('button', { name: 'Xác nhận hộ đã nhận' }).click();
    await citizen.page.getByText('Đã xác nhận. Cảm ơn ông/bà!').waitFor();
    await citizen.page.goto(`${env.base}/m`);
    await citizen.page.getByTestId('member-announcements').getByText('Phun thuốc diệt muỗi').waitFor();
    await snap(citizen.page, 'member-page');

    await leader.page.getByRole('link', { name: 'Mức độ tiếp cận' }).first().click();
    // Thôn Tây: targeted, reached (SMS), read (the link was opened), acknowledged.
    await expect.poll(() => leader.page.getByTestId('reach').textContent()).toContain('Thôn Tây1111');
    await leader.page.getByTestId('reach-chart').waitFor();
    await snap(leader.page, 'announcement-reach-chart');
    for (const c of [leader, citizen]) {
      expect(c.errors).toEqual([]);
      await c.context.close();
    }
  });
});
