import { describe, expect, it } from 'vitest';
import { pdftotext } from '../test/pdftotext.js';
import { phoneContext, signIn, snap, useServedApp } from './browser.js';

const env = useServedApp();

describe('documents a commune can sign, in Chromium', () => {
  it("a commune leader sets the signer on a phone, and the commune's call letters print it", async () => {
    const leader = await phoneContext(env.browser);
    await signIn(leader.page, env.base, env.w.accounts.leaderA);
    await leader.page.goto(`${env.base}/admin/counter`);
    const signer = leader.page.getByRole('region', { name: 'Người ký văn bản' });
    await signer.getByText('ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG — ỦY BAN NHÂN DÂN XÃ AN HÒA').waitFor();
    await signer.getByLabel('Dòng chức vụ thứ hai (khi ký thay, ví dụ: PHÓ CHỦ TỊCH)').fill('PHÓ CHỦ TỊCH');
    await signer.getByLabel('Chức vụ người ký').fill('KT. CHỦ TỊCH');
    await signer.getByLabel('Họ và tên người ký').fill('Đỗ Thị Lan');
    await signer.getByRole('button', { name: 'Lưu' }).click();
    await signer.getByText('Đã lưu người ký văn bản').waitFor();
    // Nothing wider than the phone.
    expect(await leader.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await snap(leader.page, 'document-signer');

    const { campaignId } = await env.w.f.campaignWithTarget(env.w.groupA1, env.w.households.hA1.id);
    const letters = await leader.page.request.get(`${env.base}/api/campaigns/${campaignId}/letters.pdf`);
    expect(letters.status()).toBe(200);
    const text = pdftotext(Buffer.from(await letters.body()));
    expect(text).toContain('TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH');
    expect(text).toContain('Đỗ Thị Lan');
    expect(text).toMatch(/Số: 01\/GM-UBND/);

    expect(leader.errors).toEqual([]);
    await leader.context.close();
  });
});
