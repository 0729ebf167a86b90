import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { useFakeSms } from '../test/fake-sms.js';
import { localParts } from '../src/server/modules/calendar/working-days.js';
import { dossierKit, minimalPdf } from '../src/server/modules/dossiers/dossiers.test-kit.js';
import { phoneContext, signIn, snap, useServedApp } from './browser.js';

const sms = useFakeSms();
const env = useServedApp(sms.overrides);

describe('fees without a gateway, results to the citizen, in Chromium', () => {
  it('a dossier paid by a recorded transfer, returned electronically and downloaded by the citizen', async () => {
    // The commune's account, set by its leader; a copy of an extract is signed by the officer (no leader's approval).
    const settings = await env.w.agents.leaderA.put(`/api/onestop/settings/${env.w.communeA.id}`, {
      codePattern: '{unit}-{yymmdd}-{seq4}',
      sameDayCutoff: '15:00',
      saturdayMorning: false,
      bankBin: '970415',
      bankAccount: '113000000009',
      bankAccountName: 'UBND XA AN HOA',
      bankName: 'VietinBank',
      // Every day cashless: the transfer is still recorded.
      cashlessWeekdays: [0, 1, 2, 3, 4, 5, 6],
    });
    expect(settings.statusCode, settings.body).toBe(200);
    await env.t.database.raw(`update procedures set requires_approval = false where code = '2.000635'`);
    const submitted = await env.t.app.inject({
      method: 'POST',
      url: '/api/public/dossiers',
      payload: {
        unitCode: env.w.communeA.code,
        procedureCode: '2.000635',
        applicant: { fullName: 'Lý Thị Ngọc', personalId: '031190006666', phone: '0905 333 444' },
        fields: { copies: '2' },
        returnMethod: 'ONLINE',
        // The declaration the procedure requires, scanned into its box.
        uploads: await dossierKit(env).requiredPapers('2.000635'),
      },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const { id, code, token } = submitted.json() as { id: number; code: string; token: string };
    const fee = (await env.w.agents.onestopA.get(`/api/dossiers/${id}`)).json().feeAmount as number;
    expect(fee).toBeGreaterThan(0);
    const feeText = `${fee.toLocaleString('vi-VN')} đ`;

    // The citizen pays from the phone that shows the page: the details beside the code, each with a copy button.
    const citizen = await phoneContext(env.browser);
    const page = citizen.page;
    await citizen.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.base });
    await page.goto(`${env.base}/s/${token}`);
    await page.getByTestId('vietqr').waitFor();
    expect(await page.getByTestId('pay-bank').textContent()).toBe('VietinBank');
    expect(await page.getByTestId('pay-accountNumber').textContent()).toBe('113000000009');
    expect(await page.getByTestId('pay-amount').textContent()).toBe(feeText);
    expect(await page.getByTestId('pay-purpose').textContent()).toBe(`KETNOI ${code}`);
    await page.getByRole('button', { name: 'Sao chép số tài khoản' }).click();
    await page.getByRole('button', { name: 'Sao chép số tài khoản' }).getByText('Đã chép').waitFor();
    await snap(page, 'onestop-pay-by-transfer');

    // The officer sees it on the statement and records it, then attaches the result and returns it online.
    const officer = await phoneContext(env.browser);
    const desk = officer.page;
    await signIn(desk, env.base, env.w.accounts.onestopA);
    await desk.goto(`${env.base}/dossiers/${id}`);
    await desk.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    await expect.poll(() => desk.getByTestId('dossier-status').textContent()).toBe('Đã tiếp nhận');
    await desk.getByRole('button', { name: 'Giao xử lý', exact: true }).click();
    await desk.getByLabel('Giao cho').selectOption({ index: 0 });
    await desk.locator('form').getByRole('button', { name: 'Giao xử lý', exact: true }).click();
    await expect.poll(() => desk.getByTestId('dossier-status').textContent()).toBe('Đang xử lý');
    // A cashless day: no cash button, the transfer instead.
    await desk.getByTestId('cashless-today').waitFor();
    expect(await desk.getByRole('button', { name: /^Thu tiền mặt/ }).count()).toBe(0);
    await desk.getByTestId('record-transfer').locator('summary').click();
    expect(await desk.getByLabel('Số tiền (đồng)').inputValue()).toBe(String(fee));
    await desk.getByLabel('Mã giao dịch trên sao kê').fill('FT26340123456');
    await desk.getByTestId('record-transfer').getByRole('button', { name: 'Ghi nhận chuyển khoản' }).click();
    await desk.getByText('Đã ghi nhận chuyển khoản, mã giao dịch FT26340123456').waitFor();
    await desk
      .getByTestId('payment-record')
      .getByText(/mã giao dịch FT26340123456 · cán bộ ghi nhận: /)
      .waitFor();
    await snap(desk, 'onestop-transfer-recorded');

    // Completing waits for the result, and says so; the officer scans the signed extract into the dossier.
    expect(await desk.getByRole('button', { name: 'Hoàn thành xử lý', exact: true }).count()).toBe(0);
    await desk.getByTestId('blocked').getByText('kết quả (tệp hoặc bản giấy)').waitFor();
    await desk.getByLabel('Quét, đính kèm giấy tờ').selectOption('RESULT');
    await desk
      .getByLabel('Giấy tờ', { exact: true })
      .setInputFiles({ name: 'ban-sao-trich-luc.pdf', mimeType: 'application/pdf', buffer: minimalPdf });
    await desk.getByRole('button', { name: 'Giấy tờ +' }).click();
    await desk.getByRole('link', { name: 'ban-sao-trich-luc.pdf' }).first().waitFor();
    await desk.getByRole('button', { name: 'Hoàn thành xử lý', exact: true }).click();
    await expect.poll(() => desk.getByTestId('dossier-status').textContent()).toBe('Đã có kết quả');
    // With the file on record, the online return is open (the API test covers it refused without one).
    expect(await desk.getByTestId('return-hint').count()).toBe(0);
    await desk.getByRole('button', { name: 'Trả kết quả', exact: true }).click();
    await expect.poll(() => desk.getByTestId('dossier-status').textContent()).toBe('Đã trả kết quả');

    // The citizen's page: no code any more, how and when it was paid; the result after confirming by SMS.
    await page.reload();
    await expect.poll(() => page.getByTestId('dossier-status').textContent()).toBe('Đã trả kết quả');
    const today = localParts(new Date()).day;
    const day = `${today.slice(8, 10)}/${today.slice(5, 7)}/${today.slice(0, 4)}`;
    await page.getByTestId('fee-paid').getByText(`Đã nộp ${feeText} bằng chuyển khoản ngân hàng ngày ${day}`).waitFor();
    expect(await page.getByTestId('vietqr').count()).toBe(0);
    await page.getByText('Kết quả điện tử đã có').waitFor();
    await page.getByRole('button', { name: /^Gửi mã xác nhận đến số điện thoại/ }).click();
    await page.getByLabel('Mã xác nhận (6 số)').fill(sms.codeSentTo('+84905333444'));
    await page.getByRole('button', { name: 'Xác nhận', exact: true }).click();
    await page.getByTestId('results').waitFor();
    await snap(page, 'onestop-result-download');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Tải kết quả: ban-sao-trich-luc.pdf' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('ban-sao-trich-luc.pdf');
    expect((await readFile((await download.path())!)).equals(minimalPdf)).toBe(true);
    const audited = await env.t.database.raw(
      `select 1 from audit_log where action = 'dossier.result.download' and entity_id = $1`,
      [id],
    );
    expect(audited).toHaveLength(1);
    for (const c of [citizen, officer]) {
      expect(c.errors.filter((e) => !e.includes('status of 4'))).toEqual([]);
      await c.context.close();
    }
  });
});
