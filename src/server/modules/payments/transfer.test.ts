import { describe, expect, it } from 'vitest';
import { useWorld } from '../../../../test/world.js';
import { addDays, localParts, weekday } from '../calendar/working-days.js';
import { parseVietQr } from './vietqr.js';

const env = useWorld({ PUBLIC_SUBMIT_PER_MINUTE: '1000' });
const today = localParts(new Date()).day;
let n = 0;
const ref = () => `FT${Date.now() % 1_000_000}${++n}`;
const account = (cashless: number[]) => ({
  codePattern: '{unit}-{yymmdd}-{seq4}',
  sameDayCutoff: '15:00',
  saturdayMorning: false,
  bankBin: '970415',
  bankAccount: '113000000009',
  bankAccountName: 'UBND XA AN HOA',
  bankName: 'VietinBank',
  cashlessWeekdays: cashless,
});
const feeOf = async (id: number) => (await env.w.agents.onestopA.get(`/api/dossiers/${id}`)).json().feeAmount as number;
const transfer = (id: number, body: Record<string, unknown>) =>
  env.w.agents.onestopA.post(`/api/dossiers/${id}/transfer`, body);
const paymentOf = async (token: string) =>
  (await env.t.app.inject({ method: 'GET', url: `/api/public/dossiers/${token}/payment` })).json();

describe('a fee paid by bank transfer, recorded by hand', () => {
  it('shows the bank, account number, amount and note beside the QR code until paid; after, how and when', async () => {
    const none = await env.w.f.dossier(env.w.communeA);
    expect(await paymentOf(none.token)).toMatchObject({ bankName: null, accountNumber: null, purpose: null });

    // Today is a cashless day: a transfer is still recorded (cash would be refused).
    expect(
      (await env.w.agents.leaderA.put(`/api/onestop/settings/${env.w.communeA.id}`, account([weekday(today)])))
        .statusCode,
    ).toBe(200);
    const d = await env.w.f.dossier(env.w.communeA);
    const due = await paymentOf(d.token);
    expect(due).toMatchObject({
      paid: false,
      bankName: 'VietinBank',
      accountNumber: '113000000009',
      accountName: 'UBND XA AN HOA',
      purpose: `KETNOI ${d.code}`,
      paidWith: null,
    });
    // The note a payer types is the one the code carries: the callback and the officer find the dossier by it.
    expect(parseVietQr(due.payload).get('62')).toContain(due.purpose);
    const fee = await feeOf(d.id);
    expect((await env.w.agents.onestopA.post(`/api/dossiers/${d.id}/cash`, { amount: fee })).statusCode).toBe(409);

    const reference = ref();
    const res = await transfer(d.id, { amount: fee, reference: reference.toLowerCase(), transferredOn: today });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ code: d.code, receiptNo: null, alreadyRecorded: false });

    const paid = await paymentOf(d.token);
    expect(paid).toMatchObject({ paid: true, payload: null, qrUrl: null, accountNumber: null, bankName: null });
    expect(paid.paidWith).toMatchObject({ method: 'TRANSFER', transferredOn: today });
    expect(
      (await env.t.app.inject({ method: 'GET', url: `/api/public/dossiers/${d.token}/payment-qr` })).statusCode,
    ).toBe(404);
    const view = (await env.w.agents.onestopA.get(`/api/dossiers/${d.id}`)).json();
    expect(view).toMatchObject({ paid: true });
    expect(view.events.filter((e: { action: string }) => e.action === 'PAY')).toHaveLength(1);

    const [row] = (await env.t.database.raw(
      'select method, amount, reference, transferred_on::text as day, received_by from payments where dossier_id = $1',
      [d.id],
    )) as [{ method: string; amount: number; reference: string; day: string; received_by: number }];
    expect(row).toEqual({
      method: 'TRANSFER',
      amount: fee,
      reference: reference.toUpperCase(),
      day: today,
      received_by: env.w.accounts.onestopA.id,
    });
    const records = (await env.w.agents.onestopA.get(`/api/dossiers/${d.id}/payments`)).json();
    expect(records.items).toEqual([
      expect.objectContaining({
        method: 'TRANSFER',
        amount: fee,
        reference: reference.toUpperCase(),
        transferredOn: today,
        receiptNo: null,
        receivedByName: env.w.accounts.onestopA.fullName,
      }),
    ]);
    const audits = (await env.t.database.raw(
      `select user_id, details from audit_log where action = 'dossier.pay' and entity_id = $1`,
      [d.id],
    )) as { user_id: number; details: Record<string, unknown> }[];
    expect(audits).toHaveLength(1);
    expect(audits[0]!.user_id).toBe(env.w.accounts.onestopA.id);
    expect(audits[0]!.details).toMatchObject({
      method: 'TRANSFER',
      amount: fee,
      reference: reference.toUpperCase(),
      transferredOn: today,
    });
    const [{ online }] = (await env.t.database.raw('select paid_online as online from dossiers where id = $1', [
      d.id,
    ])) as [{ online: boolean }];
    expect(online).toBe(true);
  });

  it('refuses a wrong amount, a day after today or before the dossier, a reference already used, a second payment', async () => {
    const d = await env.w.f.dossier(env.w.communeA);
    const fee = await feeOf(d.id);
    expect(fee).toBeGreaterThan(0);
    const reference = ref();
    const wrong = await transfer(d.id, { amount: fee - 1, reference, transferredOn: today });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().detail).toContain('đồng');
    const future = await transfer(d.id, { amount: fee, reference, transferredOn: addDays(today, 1) });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0]).toMatchObject({ field: 'transferredOn' });
    const before = await transfer(d.id, { amount: fee, reference, transferredOn: addDays(today, -1) });
    expect(before.statusCode).toBe(400);
    expect(before.json().errors[0].message).toContain('trước ngày nộp hồ sơ');
    for (const bad of ['', 'ab', 'FT 123; drop', 'x'.repeat(41)])
      expect((await transfer(d.id, { amount: fee, reference: bad, transferredOn: today })).statusCode).toBe(400);
    expect((await transfer(d.id, { amount: fee, reference, transferredOn: '2026-02-30' })).statusCode).toBe(400);
    // Nothing above changed the dossier.
    expect((await paymentOf(d.token)).paid).toBe(false);

    expect((await transfer(d.id, { amount: fee, reference, transferredOn: today })).statusCode).toBe(200);
    const twice = await transfer(d.id, { amount: fee, reference: ref(), transferredOn: today });
    expect(twice.statusCode).toBe(409);

    const other = await env.w.f.dossier(env.w.communeA);
    const reused = await transfer(other.id, { amount: await feeOf(other.id), reference, transferredOn: today });
    expect(reused.statusCode).toBe(409);
    expect(reused.json().detail).toContain(d.code);
    expect((await paymentOf(other.token)).paid).toBe(false);
  });

  it('takes no fee on a closed dossier, and none from a dossier outside the officer’s commune', async () => {
    const d = await env.w.f.dossier(env.w.communeA, { receivedBy: env.w.accounts.onestopA });
    const { version } = (await env.w.agents.onestopA.get(`/api/dossiers/${d.id}`)).json();
    const stopped = await env.w.agents.onestopA.post(`/api/dossiers/${d.id}/actions`, {
      action: 'STOP',
      reason: 'Người nộp không bổ sung',
      version,
    });
    expect(stopped.statusCode, stopped.body).toBe(200);
    const closed = await transfer(d.id, { amount: await feeOf(d.id), reference: ref(), transferredOn: today });
    expect(closed.statusCode).toBe(409);
    const elsewhere = await env.w.f.dossier(env.w.communeB);
    expect((await env.w.agents.onestopA.get(`/api/dossiers/${elsewhere.id}/payments`)).statusCode).toBe(404);
    expect((await transfer(elsewhere.id, { amount: 5000, reference: ref(), transferredOn: today })).statusCode).toBe(
      404,
    );
  });
});
