import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useWorld } from '../../../../test/world.js';
import { dossiers } from '../../db/schema/index.js';
import { addDays, localParts, nextWorkingDay } from '../calendar/working-days.js';
import { applicantCookie } from '../dossiers/dossiers.test-kit.js';
import { recordPayment } from '../payments/payments.service.js';
import { countKeys, rateKeys } from './indicators.definitions.js';

const env = useWorld();
const today = localParts(new Date()).day;
const year = today.slice(0, 4);
const period = `from=${year}-01-01&to=${year}-12-31`;
const actor = { userId: null, username: 'test', roles: null, unitId: null, ip: '127.0.0.1', userAgent: 'test' };

async function run(id: number, ...steps: ({ action: string } & Record<string, unknown>)[]) {
  for (const step of steps) {
    const agent = ['APPROVE'].includes(step.action) ? env.w.agents.leaderA : env.w.agents.onestopA;
    if (step.action === 'APPROVE') {
      // Approval needs the result and the fee settled: here a paper result, and a waiver where nothing was paid,
      // which leaves the paid counts this test checks untouched.
      const d = (await env.w.agents.onestopA.get(`/api/dossiers/${id}`)).json() as { paid: boolean; feeAmount: number };
      const waiver = d.paid || d.feeAmount === 0 ? [] : [{ kind: 'FEE_EXEMPT', note: 'Hộ nghèo' }];
      for (const mark of [{ kind: 'RESULT' }, ...waiver]) {
        const marked = await env.w.agents.onestopA.post(`/api/dossiers/${id}/marks`, mark);
        expect(marked.statusCode, marked.body).toBe(200);
      }
    }
    const version = (await env.w.agents.onestopA.get(`/api/dossiers/${id}`)).json().version;
    const res = await agent.post(`/api/dossiers/${id}/actions`, { version, ...step });
    expect(res.statusCode, `${step.action}: ${res.body}`).toBe(200);
  }
}

async function pay(id: number, method: 'CASH' | 'VIETQR') {
  const [row] = await env.t.database.raw<{ fee_amount: number }>('select fee_amount from dossiers where id = $1', [id]);
  await recordPayment(
    env.t.database,
    eq(dossiers.id, id),
    { method, amount: row!.fee_amount, ...(method === 'VIETQR' ? { providerTxId: `TX${id}` } : {}) },
    actor,
  );
}

async function rate(dossier: { id: number; token: string }, rating: string) {
  const res = await env.t.app.inject({
    method: 'POST',
    url: `/api/public/dossiers/${dossier.token}/rating`,
    payload: { rating },
    headers: await applicantCookie(env, dossier),
  });
  expect(res.statusCode, res.body).toBe(200);
}

const pastDue = (id: number) =>
  env.t.database.raw(`update dossiers set due_at = now() - interval '2 days' where id = $1`, [id]);

const process = [{ action: 'ASSIGN' }, { action: 'SEND_FOR_APPROVAL' }, { action: 'APPROVE' }];

/**
 * Commune A's fixture, every dossier for 1.004873 (full-process online), counted by hand:
 *   A online   received, paid by VietQR, approved on time, returned, rated SATISFIED
 *   B online   received, paid in cash, approved on time, returned, rated ACCEPTABLE
 *   C counter  received, paid in cash, approved after its due date (late), returned, rated UNSATISFIED
 *   D online   submitted and waiting (never received)
 *   E online   refused at reception
 *   F online   withdrawn before reception
 *   G counter  received, then withdrawn
 *   H counter  received, due date passed, extended by an apology (Form 04), paid in cash, approved: late all the same
 *   I online   asked for a paper at reception, supplemented, received, scanned, paid by VietQR, approved on time
 *   J counter  received, then asked for a paper (still waiting for it)
 *   K counter  received, past its due date and still open (overdue now)
 * plus one received dossier in commune B, which commune A's leader never counts.
 */
async function fixture() {
  const officer = env.w.accounts.onestopA;
  const atCounter = () => env.w.f.dossier(env.w.communeA, { receivedBy: officer });
  const online = () => env.w.f.dossier(env.w.communeA);
  const [A, B, C, D, E, F, G, H, I, J, K] = [
    await online(),
    await online(),
    await atCounter(),
    await online(),
    await online(),
    await online(),
    await atCounter(),
    await atCounter(),
    await online(),
    await atCounter(),
    await atCounter(),
  ];
  await run(A!.id, { action: 'RECEIVE' });
  await pay(A!.id, 'VIETQR');
  await run(A!.id, ...process, { action: 'RETURN' });
  await rate(A!, 'SATISFIED');

  await run(B!.id, { action: 'RECEIVE' });
  await pay(B!.id, 'CASH');
  await run(B!.id, ...process, { action: 'RETURN' });
  await rate(B!, 'ACCEPTABLE');

  await pay(C!.id, 'CASH');
  await pastDue(C!.id);
  await run(C!.id, ...process, { action: 'RETURN' });
  await rate(C!, 'UNSATISFIED');

  await run(E!.id, { action: 'REFUSE', reason: 'Không thuộc thẩm quyền của xã' });
  await run(F!.id, { action: 'WITHDRAW', reason: 'Công dân xin rút' });
  await run(G!.id, { action: 'WITHDRAW', reason: 'Công dân xin rút' });

  await pastDue(H!.id);
  await run(H!.id, {
    action: 'APOLOGIZE',
    reason: 'Cần xác minh thêm',
    newDueDate: nextWorkingDay(addDays(today, 10), new Map()),
  });
  await pay(H!.id, 'CASH');
  await run(H!.id, ...process);

  await run(
    I!.id,
    { action: 'REQUEST_SUPPLEMENT', reason: 'Thiếu bản sao giấy tờ tùy thân' },
    { action: 'SUPPLEMENT' },
    { action: 'RECEIVE' },
  );
  await env.w.f.dossierFile(I!.id);
  await pay(I!.id, 'VIETQR');
  await run(I!.id, ...process);

  await run(J!.id, { action: 'REQUEST_SUPPLEMENT', reason: 'Thiếu tờ khai' });
  await pastDue(K!.id);
  await env.w.f.dossier(env.w.communeB, { receivedBy: env.w.accounts.onestopA });
  return { A: A!, C: C!, D: D! };
}

describe('one-stop indicators', () => {
  it('count what happened, each against a hand-counted fixture, and each number is the length of its list', async () => {
    const { A, C } = await fixture();
    const res = await env.w.agents.leaderA.get(`/api/indicators/onestop?unit=${env.w.communeA.id}&${period}`);
    expect(res.statusCode, res.body).toBe(200);
    const { totals, months, communes } = res.json();
    expect(totals).toMatchObject({
      received: 8, // A B C G H I J K — not D (waiting), E (refused), F (withdrawn before reception)
      online: 3, // A B I
      inPerson: 5, // C G H J K
      postal: 0,
      fullOnlineBase: 8, // every received one: 1.004873 is full-process online
      fullOnline: 3, // A B I
      digitized: 3, // A B I: online papers arrive as files (I also has a scan); counter papers were on paper
      resolved: 5, // A B C H I
      onTime: 3, // A B I — C late, H late in spite of its extension
      rated: 3, // A B C
      satisfied: 1, // A only: ACCEPTABLE (B) is not satisfied
      paid: 5, // A B C H I
      paidOnline: 2, // A I
      overdueNow: 1, // K (J waits for a paper: its clock is paused)
    });
    // Each rate carries the counts it divides.
    expect(totals.onlineRate).toEqual({ value: 0.375, numerator: 3, denominator: 8 });
    expect(totals.fullOnlineRate).toEqual({ value: 0.375, numerator: 3, denominator: 8 });
    expect(totals.onTimeRate).toEqual({ value: 0.6, numerator: 3, denominator: 5 });
    expect(totals.digitizedRate).toEqual({ value: 0.375, numerator: 3, denominator: 8 });
    expect(totals.onlinePaymentRate).toEqual({ value: 0.4, numerator: 2, denominator: 5 });
    expect(totals.satisfactionRate).toEqual({ value: 0.3333, numerator: 1, denominator: 3 });
    expect(months).toHaveLength(1);
    expect(communes.map((c: { name: string }) => c.name)).toEqual([env.w.communeA.name]);

    // The list under each number: the officers' queue filtered by the indicator and the period, the same length.
    for (const key of countKeys) {
      const list = await env.w.agents.leaderA.get(
        `/api/dossiers?queue=all&unit=${env.w.communeA.id}&indicator=${key}&${period}&limit=200`,
      );
      expect(list.statusCode, list.body).toBe(200);
      expect({ key, total: list.json().total, items: list.json().items.length }).toEqual({
        key,
        total: totals[key],
        items: totals[key],
      });
    }
    const overdue = await env.w.agents.leaderA.get(`/api/dossiers?queue=overdue&unit=${env.w.communeA.id}&limit=200`);
    expect(overdue.json().items).toHaveLength(totals.overdueNow);
    // A period with none of it counts nothing, in the numbers and the lists alike.
    const lastYear = `from=${Number(year) - 1}-01-01&to=${Number(year) - 1}-12-31`;
    const empty = (
      await env.w.agents.leaderA.get(`/api/indicators/onestop?unit=${env.w.communeA.id}&${lastYear}`)
    ).json();
    expect(empty.totals.received).toBe(0);
    expect(empty.totals.onTimeRate).toEqual({ value: null, numerator: 0, denominator: 0 });
    expect(
      (await env.w.agents.leaderA.get(`/api/dossiers?queue=all&indicator=received&${lastYear}`)).json().total,
    ).toBe(0);
    // An indicator's list needs its period.
    expect((await env.w.agents.leaderA.get('/api/dossiers?indicator=received')).statusCode).toBe(400);

    // On time is frozen at resolution: the due date moving later changes nothing, and the verdict cannot be rewritten.
    await env.t.database.raw(`update dossiers set due_at = now() - interval '30 days' where id = $1`, [A.id]);
    await expect(env.t.database.raw('update dossiers set on_time = true where id = $1', [C.id])).rejects.toThrow(
      /frozen/,
    );
    await expect(
      env.t.database.raw(`update dossiers set resolved_at = now() - interval '1 day' where id = $1`, [C.id]),
    ).rejects.toThrow(/frozen/);
    const after = (
      await env.w.agents.leaderA.get(`/api/indicators/onestop?unit=${env.w.communeA.id}&${period}`)
    ).json();
    expect(after.totals.onTime).toBe(3);

    // The running totals equal a recomputation from the dossiers themselves.
    const before = await env.t.database.raw(
      'select * from dossier_daily_stats where received + resolved + rated + paid > 0 order by unit_id, day',
    );
    await env.t.database.raw('select rebuild_dossier_daily_stats()');
    expect(await env.t.database.raw('select * from dossier_daily_stats order by unit_id, day')).toEqual(before);

    // The province compares its communes; another commune's leader sees nothing of commune A.
    const province = (
      await env.w.agents.province.get(`/api/indicators/onestop?unit=${env.w.province.id}&${period}`)
    ).json();
    expect(province.totals.received).toBe(9);
    expect(province.communes.find((c: { unitId: number }) => c.unitId === env.w.communeA.id).received).toBe(8);
    const provinceList = await env.w.agents.province.get(
      `/api/dossiers?queue=all&unit=${env.w.province.id}&indicator=received&${period}`,
    );
    expect(provinceList.json().total).toBe(9);
    expect(
      (await env.w.agents.leaderB.get(`/api/indicators/onestop?unit=${env.w.communeA.id}&${period}`)).statusCode,
    ).toBe(404);
    const leaderB = await env.w.agents.leaderB.get(
      `/api/dossiers?queue=all&unit=${env.w.communeA.id}&indicator=received&${period}`,
    );
    expect(leaderB.statusCode).toBe(404);
  });

  it('exports one row per commune with every count beside its rate, and refuses a backwards period', async () => {
    // The world carries the first test's fixture: the sheet's row for commune A says what the screen says.
    const csv = await env.w.agents.province.get(
      `/api/indicators/onestop/export?unit=${env.w.province.id}&${period}&format=csv`,
    );
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Tỷ lệ đúng hạn (%)');
    expect(csv.body).toContain('Giải quyết đúng hạn');
    const api = (await env.w.agents.province.get(`/api/indicators/onestop?unit=${env.w.province.id}&${period}`)).json();
    const a = api.communes.find((c: { unitId: number }) => c.unitId === env.w.communeA.id);
    expect(a.received).toBeGreaterThan(0);
    const rowA = csv.body.split(/\r?\n/).find((line) => line.includes(env.w.communeA.name))!;
    const percent = (r: { value: number | null }) => (r.value === null ? '' : String(Math.round(r.value * 1000) / 10));
    expect(rowA.split(',').slice(2)).toEqual([
      ...countKeys.map((k) => String(a[k])),
      ...rateKeys.map((k) => percent(a[k])),
      // The feedback (PAKN) rates beside them: no ticket in this fixture.
      percent(a.feedback.onTimeRate),
      percent(a.feedback.satisfactionRate),
    ]);
    const xlsx = await env.w.agents.province.get(`/api/indicators/onestop/export?unit=${env.w.province.id}&${period}`);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(
      (
        await env.w.agents.province.get(
          `/api/indicators/onestop?unit=${env.w.province.id}&from=${year}-12-31&to=${year}-01-01`,
        )
      ).statusCode,
    ).toBe(400);
  });
});
