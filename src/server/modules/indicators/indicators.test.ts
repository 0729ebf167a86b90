import { describe, expect, it } from 'vitest';
import { useWorld } from '../../../../test/world.js';
import { localParts } from '../calendar/working-days.js';
import { applicantCookie } from '../dossiers/dossiers.test-kit.js';

const env = useWorld();
const year = localParts(new Date()).day.slice(0, 4);
const period = `from=${year}-01-01&to=${year}-12-31`;

async function run(id: number, ...steps: ({ action: string } & Record<string, unknown>)[]) {
  for (const step of steps) {
    const agent = ['APPROVE'].includes(step.action) ? env.w.agents.leaderA : env.w.agents.onestopA;
    if (step.action === 'APPROVE') {
      // Approval needs the result and the fee settled: here a paper result and a waiver, which leave the paid
      // counts this test checks untouched.
      for (const mark of [{ kind: 'RESULT' }, { kind: 'FEE_EXEMPT', note: 'Hộ nghèo' }]) {
        const marked = await env.w.agents.onestopA.post(`/api/dossiers/${id}/marks`, mark);
        expect(marked.statusCode, marked.body).toBe(200);
      }
    }
    const version = (await env.w.agents.onestopA.get(`/api/dossiers/${id}`)).json().version;
    const res = await agent.post(`/api/dossiers/${id}/actions`, { version, ...step });
    expect(res.statusCode, `${step.action}: ${res.body}`).toBe(200);
  }
}

describe('one-stop indicators', () => {
  it('counts by channel and derives the Decision 766 rates, kept in step with every change', async () => {
    const officer = env.w.accounts.onestopA;
    const onTime = await env.w.f.dossier(env.w.communeA);
    await run(
      onTime.id,
      { action: 'RECEIVE' },
      { action: 'ASSIGN', assigneeId: officer.id },
      { action: 'SEND_FOR_APPROVAL' },
      { action: 'APPROVE' },
      { action: 'RETURN' },
    );
    const rated = await env.t.app.inject({
      method: 'POST',
      url: `/api/public/dossiers/${onTime.token}/rating`,
      payload: { rating: 'SATISFIED' },
      headers: await applicantCookie(env, onTime),
    });
    expect(rated.statusCode, rated.body).toBe(200);

    const late = await env.w.f.dossier(env.w.communeA, { receivedBy: officer });
    await env.t.database.raw(`update dossiers set due_at = now() - interval '2 days' where id = $1`, [late.id]);
    await run(
      late.id,
      { action: 'ASSIGN', assigneeId: officer.id },
      { action: 'SEND_FOR_APPROVAL' },
      { action: 'APPROVE' },
    );
    const waiting = await env.w.f.dossier(env.w.communeA, { receivedBy: officer });
    await env.t.database.raw(`update dossiers set due_at = now() - interval '1 day' where id = $1`, [waiting.id]);
    await env.w.f.dossierFile(waiting.id);
    await env.w.f.dossier(env.w.communeB);

    const res = await env.w.agents.leaderA.get(`/api/indicators/onestop?unit=${env.w.communeA.id}&${period}`);
    expect(res.statusCode, res.body).toBe(200);
    const { totals, months, communes } = res.json();
    expect(totals).toMatchObject({
      received: 3,
      online: 1,
      inPerson: 2,
      resolved: 2,
      onTime: 1,
      rated: 1,
      satisfied: 1,
      // The online dossier came with its declaration as a file; the late one has a scan.
      digitized: 2,
      overdueNow: 1,
      onlineRate: 0.3333,
      onTimeRate: 0.5,
      satisfactionRate: 1,
      fullOnlineRate: 0.3333,
      digitizedRate: 0.6667,
    });
    expect(months).toHaveLength(1);
    expect(communes.map((c: { name: string }) => c.name)).toEqual([env.w.communeA.name]);

    // The running totals equal a recomputation from the dossiers themselves.
    const before = await env.t.database.raw('select * from dossier_daily_stats order by unit_id, day');
    await env.t.database.raw('select rebuild_dossier_daily_stats()');
    expect(await env.t.database.raw('select * from dossier_daily_stats order by unit_id, day')).toEqual(before);

    // The province compares its communes; another commune's leader sees nothing of commune A.
    const province = (
      await env.w.agents.province.get(`/api/indicators/onestop?unit=${env.w.province.id}&${period}`)
    ).json();
    expect(province.totals.received).toBe(4);
    expect(province.communes.find((c: { unitId: number }) => c.unitId === env.w.communeA.id).received).toBe(3);
    expect(
      (await env.w.agents.leaderB.get(`/api/indicators/onestop?unit=${env.w.communeA.id}&${period}`)).statusCode,
    ).toBe(404);
  });

  it('exports one row per commune as a spreadsheet, and refuses a backwards period', async () => {
    const csv = await env.w.agents.province.get(
      `/api/indicators/onestop/export?unit=${env.w.province.id}&${period}&format=csv`,
    );
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Tỷ lệ đúng hạn (%)');
    expect(csv.body).toContain(env.w.communeA.name);
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
