import { describe, expect, it } from 'vitest';
import { tinyPng } from '../test/factories.js';
import { useFakeSms } from '../test/fake-sms.js';
import { phoneContext, signIn, snap, useServedApp } from './browser.js';

const sms = useFakeSms();
const env = useServedApp(sms.overrides);

const windowsExe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64), Buffer.from('PE\0\0'), Buffer.alloc(200)]);

describe('one-stop shop in Chromium', () => {
  it('scan to page, submit online with an upload, officer receives and processes, leader approves, officer returns, citizen confirms with an SMS code and rates', async () => {
    // The citizen scans the QR code on the wall: it opens /p/<code> on a phone, no login.
    const citizen = await phoneContext(env.browser);
    const page = citizen.page;
    await page.goto(`${env.base}/p/1.004873`);
    await page.getByRole('heading', { name: 'Cấp Giấy xác nhận tình trạng hôn nhân' }).waitFor();
    await page.getByText('3 ngày làm việc').waitFor();
    await snap(page, 'onestop-procedure-page');
    await page.getByTestId('submit-online').click();

    await page.getByLabel('Nộp tại xã, phường').selectOption({ label: 'Xã An Hòa' });
    await page.getByLabel('Họ và tên').fill('Trần Văn Minh');
    await page.getByLabel('Số định danh cá nhân (12 số)').fill('031085004444');
    await page.getByLabel('Số điện thoại').fill('0905 111 222');
    await page.getByLabel('Mục đích sử dụng').fill('Đăng ký kết hôn');
    // A program renamed to look like a PDF is refused with a clear message; a real photo goes through, into the
    // declaration's own box.
    await page
      .getByTestId('paper-0-file')
      .setInputFiles({ name: 'giay-to.pdf', mimeType: 'application/pdf', buffer: windowsExe });
    await page.getByRole('alert').filter({ hasText: 'Chỉ nhận tệp PDF, JPEG hoặc PNG' }).waitFor();
    await page
      .getByTestId('paper-0-file')
      .setInputFiles({ name: 'can-cuoc.png', mimeType: 'image/png', buffer: tinyPng });
    await page.getByText('can-cuoc.png — Đã gửi').waitFor();
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    const code = (await page.getByTestId('dossier-code').textContent())!;
    expect(code).toMatch(new RegExp(`^${env.w.communeA.code}-\\d{6}-\\d{4}$`));
    await snap(page, 'onestop-submitted');
    await page.getByTestId('follow-link').click();
    await expect.poll(() => page.getByTestId('dossier-status').textContent()).toBe('Mới đăng ký');
    const statusUrl = page.url();

    // The one-stop officer receives it, takes it on and sends it to the leader.
    const officer = await phoneContext(env.browser);
    await signIn(officer.page, env.base, env.w.accounts.onestopA);
    await officer.page.goto(`${env.base}/dossiers?queue=to_receive`);
    await officer.page.getByRole('link', { name: code }).click();
    await officer.page.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    await expect.poll(() => officer.page.getByTestId('dossier-status').textContent()).toBe('Đã tiếp nhận');
    await officer.page.getByRole('button', { name: 'Giao xử lý', exact: true }).click();
    await officer.page.getByLabel('Giao cho').selectOption({ index: 0 });
    await officer.page.locator('form').getByRole('button', { name: 'Giao xử lý', exact: true }).click();
    await expect.poll(() => officer.page.getByTestId('dossier-status').textContent()).toBe('Đang xử lý');
    await officer.page.getByRole('button', { name: 'Trình lãnh đạo duyệt', exact: true }).click();
    await officer.page.getByText('Đang chờ lãnh đạo duyệt').waitFor();
    // Approval needs the result and the fee: the certificate is issued on paper, the fee taken in cash.
    await officer.page.getByRole('button', { name: 'Ghi nhận kết quả bản giấy', exact: true }).click();
    await officer.page.getByTestId('result-state').getByText('Kết quả là bản giấy').waitFor();
    await officer.page.getByRole('button', { name: /^Thu tiền mặt/ }).click();
    await officer.page
      .getByTestId('fee-state')
      .getByText(/^Đã nộp/)
      .waitFor();
    await snap(officer.page, 'onestop-officer-dossier');

    // The leader approves from the approval queue.
    const leader = await phoneContext(env.browser);
    await signIn(leader.page, env.base, env.w.accounts.leaderA);
    await leader.page.goto(`${env.base}/dossiers?queue=to_approve`);
    await leader.page.getByRole('link', { name: code }).click();
    await leader.page.getByRole('button', { name: 'Phê duyệt', exact: true }).click();
    await expect.poll(() => leader.page.getByTestId('dossier-status').textContent()).toBe('Đã có kết quả');

    // The officer returns the result at the counter.
    await officer.page.goto(`${env.base}/dossiers?queue=to_return`);
    await officer.page.getByRole('link', { name: code }).click();
    await officer.page.getByRole('button', { name: 'Trả kết quả', exact: true }).click();
    await expect.poll(() => officer.page.getByTestId('dossier-status').textContent()).toBe('Đã trả kết quả');

    // Days later the citizen scans the receipt's QR code on another phone: the link shows the whole timeline
    // (initials only), but rating takes a code sent to the phone given with the dossier.
    const back = await phoneContext(env.browser);
    const later = back.page;
    await later.goto(statusUrl);
    await expect.poll(() => later.getByTestId('dossier-status').textContent()).toBe('Đã trả kết quả');
    const timeline = await later.getByTestId('timeline').textContent();
    for (const step of ['Nộp hồ sơ', 'Tiếp nhận', 'Giao xử lý', 'Trình lãnh đạo duyệt', 'Phê duyệt', 'Trả kết quả'])
      expect(timeline).toContain(step);
    expect(await later.content()).not.toContain('Trần Văn Minh');
    await later.getByText('T.V.M.').waitFor();
    // Deadlines read in Vietnam's time whatever the phone's zone (this browser runs in UTC): due at 17:00.
    await later.getByText(/\d{2}\/\d{2}\/\d{4} 17:00/).waitFor();
    expect(await later.getByRole('button', { name: 'Gửi đánh giá', exact: true }).count()).toBe(0);
    expect(await later.getByRole('link', { name: 'Giấy tiếp nhận và hẹn trả' }).count()).toBe(0);
    await snap(later, 'onestop-status-link-holder');
    await later.getByRole('button', { name: /^Gửi mã xác nhận đến số điện thoại …\u2060?222$/ }).click();
    await later.getByText(/Đã gửi mã 6 số/).waitFor();
    expect(sms.messages.at(-1)!.to).toBe('+84905111222');
    await later.getByLabel('Mã xác nhận (6 số)').fill(sms.codeSentTo('+84905111222'));
    await later.getByRole('button', { name: 'Xác nhận', exact: true }).click();
    await later.getByTestId('confirmed').waitFor();
    await later.getByRole('link', { name: 'Giấy tiếp nhận và hẹn trả' }).waitFor();
    await later.getByRole('radio', { name: 'Hài lòng', exact: true }).check();
    await later.getByRole('button', { name: 'Gửi đánh giá', exact: true }).click();
    await later.getByText('Cảm ơn ông/bà đã đánh giá: Hài lòng').waitFor();
    await snap(later, 'onestop-status-rated');
    // The leader sees it counted in the commune's indicators: each rate over its counts, how each is counted, and
    // every number opening the list of the dossiers it counts.
    await leader.page.goto(`${env.base}/indicators`);
    await expect.poll(async () => leader.page.getByTestId('indicator-totals').textContent()).toContain('Đã tiếp nhận');
    expect(await leader.page.getByTestId('indicator-totals').textContent()).toMatch(/^1Đã tiếp nhận/);
    const satisfaction = leader.page.locator('[data-rate="satisfactionRate"]');
    expect((await satisfaction.textContent())!.replace(/\s+/g, ' ')).toContain('100% 1 / 1');
    await leader.page.getByTestId('indicator-definitions').getByText('“Chấp nhận được” không phải hài lòng').waitFor();
    // The page fits a 360-px phone: nothing wider than the screen but the table, which scrolls in its box.
    expect(await leader.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await snap(leader.page, 'onestop-indicators');
    await leader.page.getByTestId('indicator-totals').locator('[data-indicator="onTime"]').click();
    await leader.page.getByTestId('indicator-filter').getByText('1 hồ sơ').waitFor();
    await leader.page.getByRole('link', { name: code }).waitFor();
    await snap(leader.page, 'onestop-indicator-list');
    for (const c of [citizen, back, officer, leader]) {
      expect(c.errors.filter((e) => !e.includes('status of 4'))).toEqual([]);
      await c.context.close();
    }
  });

  it('a citizen books a time at the counter; the officer checks them in with a queue number; the province re-issues a procedure', async () => {
    const citizen = await phoneContext(env.browser);
    await citizen.page.goto(`${env.base}/book`);
    await citizen.page.getByLabel('Nộp tại xã, phường').selectOption({ label: 'Xã An Hòa' });
    await citizen.page.locator('fieldset button:not([disabled])').first().click();
    await citizen.page.getByLabel('Họ và tên').fill('Đặng Thị Thu');
    await citizen.page.getByLabel('Số điện thoại').fill('0912 345 111');
    await citizen.page.getByRole('button', { name: 'Đặt lịch hẹn', exact: true }).click();
    const booked = await citizen.page.getByTestId('booked').textContent();
    const when = booked!.match(/lúc (\d{2}:\d{2}) ngày (\d{2})\/(\d{2})\/(\d{4})/);
    expect(when, booked!).not.toBeNull();
    const [, , dd, mm, yyyy] = when!;

    const officer = await phoneContext(env.browser);
    await signIn(officer.page, env.base, env.w.accounts.onestopA);
    await officer.page.goto(`${env.base}/appointments`);
    await officer.page.getByLabel('Ngày').fill(`${yyyy}-${mm}-${dd}`);
    await officer.page.getByText('Đặng Thị Thu').waitFor();
    await officer.page.getByRole('button', { name: 'Đã đến, lấy số', exact: true }).click();
    await officer.page.getByText('Số 1').waitFor();

    // The commune leader sets the counter up: the fee account and a day the counter is closed.
    const leader = await phoneContext(env.browser);
    await signIn(leader.page, env.base, env.w.accounts.leaderA);
    await leader.page.goto(`${env.base}/admin/counter`);
    await leader.page.getByLabel('Mã ngân hàng (BIN, 6 số)').fill('970415');
    await leader.page.getByLabel('Số tài khoản nhận phí').fill('113000000009');
    await leader.page.getByLabel('Ngày Bộ phận một cửa đóng cửa (mỗi dòng một ngày, dd/mm/yyyy)').fill('02/01/2099');
    await leader.page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await leader.page.getByText('Đã lưu cài đặt').waitFor();
    const saved = (await leader.page.evaluate(
      async (id) => (await fetch(`/api/onestop/settings/${id}`)).json(),
      env.w.communeA.id,
    )) as { bankBin: string; closedDays: string[] };
    expect(saved).toMatchObject({ bankBin: '970415', closedDays: ['2099-01-02'] });
    await leader.context.close();

    const province = await phoneContext(env.browser);
    await signIn(province.page, env.base, env.w.accounts.province);
    await province.page.goto(`${env.base}/admin/procedures`);
    await province.page.getByRole('searchbox').fill('1.004222');
    await province.page.getByRole('button', { name: 'Tạo phiên bản mới', exact: true }).click();
    await province.page.getByLabel('Lệ phí nộp trực tuyến (đồng)').fill('0');
    await province.page.getByRole('button', { name: 'Lưu bản nháp', exact: true }).click();
    await province.page.getByRole('button', { name: 'Công bố', exact: true }).click();
    await province.page.getByText('Phiên bản 2').waitFor();
    const published = (await env.t.app.inject({ method: 'GET', url: '/api/public/procedures/1.004222' })).json();
    expect(published.version).toBe(2);
    expect(published.fees.find((f: { channel: string }) => f.channel === 'ONLINE').amountVnd).toBe(0);
    await snap(province.page, 'onestop-procedure-admin');
    for (const c of [citizen, officer, province]) {
      expect(c.errors).toEqual([]);
      await c.context.close();
    }
  });
});
