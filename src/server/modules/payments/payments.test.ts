import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useWorld } from '../../../../test/world.js';
import { localParts, weekday } from '../calendar/working-days.js';
import { parseVietQr } from './vietqr.js';

const secret = 'gateway-shared-secret-for-tests';
const env = useWorld({ PAYMENT_CALLBACK_SECRET: secret, PUBLIC_SUBMIT_PER_MINUTE: '1000' });
const today = weekday(localParts(new Date()).day);
const settings = (cashless: number[]) => ({
  codePattern: '{unit}-{yymmdd}-{seq4}',
  sameDayCutoff: '15:00',
  saturdayMorning: false,
  bankBin: '970415',
  bankAccount: '0011001932418',
  bankAccountName: 'UBND XA AN HOA',
  cashlessWeekdays: cashless,
});

function callback(body: Record<string, unknown>, sign = secret) {
  const raw = JSON.stringify(body);
  return env.t.app.inject({
    method: 'POST',
    url: '/api/public/payments/callback',
    payload: raw,
    headers: {
      'content-type': 'application/json',
      'x-signature': createHmac('sha256', sign).update(raw).digest('hex'),
    },
  });
}

describe('fees', () => {
  it('shows a VietQR code for the fee with the dossier code in the purpose, once the commune has an account', async () => {
    const before = await env.w.f.dossier(env.w.communeA);
    expect(
      (await env.t.app.inject({ method: 'GET', url: `/api/public/dossiers/${before.token}/payment` })).json(),
    ).toMatchObject({ amount: 5000, paid: false, payload: null });
    const saved = await env.w.agents.leaderA.put(`/api/onestop/settings/${env.w.communeA.id}`, settings([]));
    expect(saved.statusCode, saved.body).toBe(200);
    expect(
      (await env.w.agents.onestopA.put(`/api/onestop/settings/${env.w.communeA.id}`, settings([]))).statusCode,
    ).toBe(403);

    const res = await env.t.app.inject({ method: 'GET', url: `/api/public/dossiers/${before.token}/payment` });
    const payment = res.json();
    expect(payment).toMatchObject({ amount: 5000, paid: false, accountName: 'UBND XA AN HOA' });
    const fields = parseVietQr(payment.payload);
    expect(fields.get('01')).toBe('12');
    expect(fields.get('54')).toBe('5000');
    expect(fields.get('38')).toContain('970415');
    expect(fields.get('62')).toContain(before.code);
    const qr = await env.t.app.inject({ method: 'GET', url: payment.qrUrl });
    expect(qr.headers['content-type']).toBe('image/svg+xml');
  });

  it('marks a dossier paid from a signed gateway callback, once, whatever the retries', async () => {
    const d = await env.w.f.dossier(env.w.communeA);
    const body = { transactionId: `FT${Date.now()}`, amount: 5000, reference: `KETNOI ${d.code}` };
    expect((await callback(body, 'not-the-secret-at-all')).statusCode).toBe(403);
    expect(
      (await env.t.app.inject({ method: 'POST', url: '/api/public/payments/callback', payload: body })).statusCode,
    ).toBe(403);
    expect((await callback({ ...body, amount: 4000 })).statusCode).toBe(400);
    const paid = await callback(body);
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json()).toMatchObject({ code: d.code, alreadyRecorded: false });
    const retried = await callback(body);
    expect(retried.json()).toMatchObject({ code: d.code, alreadyRecorded: true });
    const view = (await env.t.app.inject({ method: 'GET', url: `/api/public/dossiers/${d.token}` })).json();
    expect(view.paid).toBe(true);
    expect(view.timeline.filter((e: { action: string }) => e.action === 'PAY')).toHaveLength(1);
    const [{ count }] = (await env.t.database.raw<{ count: number }>(
      'select count(*)::int as count from payments where dossier_id = $1',
      [d.id],
    )) as [{ count: number }];
    expect(count).toBe(1);
  });

  it('takes cash at the counter with a receipt, refuses it on cashless days, and resumes a dossier waiting for its fee', async () => {
    const d = await env.w.f.dossier(env.w.communeA, { receivedBy: env.w.accounts.onestopA });
    const version = (await env.w.agents.onestopA.get(`/api/dossiers/${d.id}`)).json().version;
    const asked = await env.w.agents.onestopA.post(`/api/dossiers/${d.id}/actions`, {
      action: 'REQUEST_PAYMENT',
      version,
    });
    expect(asked.json().status).toBe('PAYMENT_REQUESTED');
    const fee = asked.json().feeAmount as number;
    expect(fee).toBe(10000);

    await env.w.agents.leaderA.put(`/api/onestop/settings/${env.w.communeA.id}`, settings([today]));
    const refused = await env.w.agents.onestopA.post(`/api/dossiers/${d.id}/cash`, { amount: fee });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('không dùng tiền mặt');

    await env.w.agents.leaderA.put(`/api/onestop/settings/${env.w.communeA.id}`, settings([(today + 1) % 7]));
    const cash = await env.w.agents.onestopA.post(`/api/dossiers/${d.id}/cash`, { amount: fee });
    expect(cash.statusCode, cash.body).toBe(200);
    expect(cash.json().receiptNo).toBe(`BL-${d.code}`);
    const after = (await env.w.agents.onestopA.get(`/api/dossiers/${d.id}`)).json();
    expect(after).toMatchObject({ status: 'RECEIVED', paid: true });
    expect((await env.w.agents.onestopA.post(`/api/dossiers/${d.id}/cash`, { amount: fee })).statusCode).toBe(409);
  });

  it('checks the settings it saves: a code pattern must keep codes unique', async () => {
    const bad = await env.w.agents.leaderA.put(`/api/onestop/settings/${env.w.communeA.id}`, {
      ...settings([]),
      codePattern: '{unit}-{seq4}',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('codePattern');
  });
});
