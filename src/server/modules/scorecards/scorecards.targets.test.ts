import { describe, expect, it } from 'vitest';
import { useWorld } from '../../../../test/world.js';
import { effectiveTargets } from './scorecards.repo.js';

// Targets per indicator, unit and period: set by the province, inherited down (province → commune → group), each
// unit's narrowest period counting for it, the strictest along the chain in force; a unit may only tighten.
const env = useWorld();

type Item = {
  indicatorId: number;
  own: { id: number; target: number; period: string } | null;
  inherited: { target: number; period: string; setBy: { id: number; name: string } } | null;
  effective: number | null;
};

async function ids() {
  const { w } = env;
  const res = await w.agents.admin.get(`/api/scorecards/catalog?unit=${w.province.id}`);
  const byCode = (code: string) => res.json().indicators.find((i: { code: string }) => i.code === code).id as number;
  return { vneid: byCode('VNEID_L2'), age: byCode('COMPUTER_AGE'), online: byCode('DOSSIER_ONLINE') };
}

async function itemOf(unitId: number, period: string, indicatorId: number): Promise<Item> {
  const res = await env.w.agents.province.get(`/api/scorecards/targets?unit=${unitId}&period=${period}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items.find((i: Item) => i.indicatorId === indicatorId);
}

const set = (agent: keyof typeof env.w.agents, body: Record<string, unknown>) =>
  env.w.agents[agent].put('/api/scorecards/targets', body);

describe('target inheritance', () => {
  it('province → commune → group: inherited, tightened only, narrowest period per unit, strictest in force', async () => {
    const { w } = env;
    const { vneid } = await ids();
    // The province asks 80% for the year.
    expect(
      (await set('province', { unitId: w.province.id, indicatorId: vneid, period: '2026', target: 0.8 })).statusCode,
    ).toBe(200);
    let item = await itemOf(w.groupA1.id, '2026-11', vneid);
    expect(item).toMatchObject({ own: null, effective: 0.8, inherited: { target: 0.8, period: '2026' } });
    expect(item.inherited!.setBy.id).toBe(w.province.id);

    // Commune A may not ask less; the refusal names who set what, in words.
    const looser = await set('leaderA', { unitId: w.communeA.id, indicatorId: vneid, period: '2026', target: 0.75 });
    expect(looser.statusCode, looser.body).toBe(400);
    expect(looser.json().errors[0]).toMatchObject({ field: 'target', code: 'TARGET_LOOSER' });
    expect(looser.json().errors[0].message).toContain('80%');
    // A looser quarter or month is just as looser: the year's target covers them.
    expect(
      (await set('leaderA', { unitId: w.communeA.id, indicatorId: vneid, period: '2026-11', target: 0.79 })).json()
        .errors[0].code,
    ).toBe('TARGET_LOOSER');
    const tighter = await set('leaderA', { unitId: w.communeA.id, indicatorId: vneid, period: '2026', target: 0.85 });
    expect(tighter.statusCode, tighter.body).toBe(200);
    expect(tighter.json().items[0]).toMatchObject({ own: { target: 0.85, period: '2026' }, effective: 0.85 });
    item = await itemOf(w.groupA1.id, '2026-11', vneid);
    expect(item).toMatchObject({ effective: 0.85, inherited: { target: 0.85, setBy: { id: w.communeA.id } } });
    expect((await itemOf(w.groupB1.id, '2026-11', vneid)).effective).toBe(0.8);

    // The province eases November (a ramp): commune B follows it, commune A's own yearly 85% still holds.
    expect(
      (await set('province', { unitId: w.province.id, indicatorId: vneid, period: '2026-11', target: 0.7 })).statusCode,
    ).toBe(200);
    expect((await itemOf(w.groupB1.id, '2026-11', vneid)).effective).toBe(0.7);
    expect((await itemOf(w.groupB1.id, '2026-12', vneid)).effective).toBe(0.8);
    expect((await itemOf(w.groupA1.id, '2026-11', vneid)).effective).toBe(0.85);

    // A group head sets nothing; the leader sets a stricter quarter for group A1, then a month that is stricter than
    // what the group inherits for November (85%) though milder than its own quarter: its own narrowest counts for it.
    expect(
      (await set('headA1', { unitId: w.groupA1.id, indicatorId: vneid, period: '2026', target: 0.99 })).statusCode,
    ).toBe(403);
    expect(
      (await set('leaderA', { unitId: w.groupA1.id, indicatorId: vneid, period: '2026-Q4', target: 0.9 })).statusCode,
    ).toBe(200);
    expect((await itemOf(w.groupA1.id, '2026-10', vneid)).effective).toBe(0.9);
    expect(
      (await set('leaderA', { unitId: w.groupA1.id, indicatorId: vneid, period: '2026-11', target: 0.86 })).statusCode,
    ).toBe(200);
    item = await itemOf(w.groupA1.id, '2026-11', vneid);
    expect(item).toMatchObject({
      own: { target: 0.86, period: '2026-11' },
      inherited: { target: 0.85 },
      effective: 0.86,
    });
    expect((await itemOf(w.groupA2.id, '2026-11', vneid)).effective).toBe(0.85);
    // The quarter and the year ask with their own keys: the quarter sees quarter and year targets only.
    expect((await itemOf(w.groupA1.id, '2026-Q4', vneid)).effective).toBe(0.9);
    expect((await itemOf(w.groupA1.id, '2026', vneid)).effective).toBe(0.85);

    // The province later raises the year to 95%: nobody below stays looser (December), November keeps its ramp.
    expect(
      (await set('province', { unitId: w.province.id, indicatorId: vneid, period: '2026', target: 0.95 })).statusCode,
    ).toBe(200);
    item = await itemOf(w.groupA1.id, '2026-12', vneid);
    expect(item).toMatchObject({ effective: 0.95, inherited: { target: 0.95, setBy: { id: w.province.id } } });
    expect(await itemOf(w.communeA.id, '2026-12', vneid)).toMatchObject({ own: { target: 0.85 }, effective: 0.95 });
    expect((await itemOf(w.groupA1.id, '2026-11', vneid)).effective).toBe(0.86);

    // The dashboards' batch read agrees with the per-unit answer, unit by unit.
    const units = [w.province, w.communeA, w.communeB, w.groupA1, w.groupA2, w.groupB1];
    for (const period of ['2026-11', '2026-12', '2026-Q4', '2026', '2025-11']) {
      const batch = await effectiveTargets(env.t.database.db, units, [{ id: vneid, direction: 'HIGHER' }], period);
      for (const unit of units) {
        const one = await itemOf(unit.id, period, vneid);
        const got = batch.get(`${unit.id}:${vneid}`);
        expect(got?.target ?? null, `${unit.id} ${period}`).toBe(one.effective);
        if (got) expect(got.inherited, `${unit.id} ${period}`).toBe(one.own?.target !== got.target);
      }
    }
    // No target for another year.
    expect((await itemOf(w.groupA1.id, '2025-11', vneid)).effective).toBeNull();
  });

  it('removing a target: the inherited one applies again; only the unit’s own reach may remove it', async () => {
    const { w } = env;
    const { vneid } = await ids();
    const own = (await itemOf(w.communeA.id, '2027', vneid)).own;
    expect(own).toBeNull();
    await set('province', { unitId: w.province.id, indicatorId: vneid, period: '2027', target: 0.6 });
    const made = await set('leaderA', { unitId: w.communeA.id, indicatorId: vneid, period: '2027', target: 0.7 });
    const id = made.json().items[0].own.id;
    const provinceTarget = (await itemOf(w.province.id, '2027', vneid)).own!.id;
    expect(
      (await w.agents.leaderA.request({ method: 'DELETE', url: `/api/scorecards/targets/${provinceTarget}` }))
        .statusCode,
    ).toBe(404);
    expect(
      (await w.agents.leaderB.request({ method: 'DELETE', url: `/api/scorecards/targets/${id}` })).statusCode,
    ).toBe(404);
    expect(
      (await w.agents.leaderA.request({ method: 'DELETE', url: `/api/scorecards/targets/${id}` })).statusCode,
    ).toBe(204);
    expect(await itemOf(w.groupA2.id, '2027-03', vneid)).toMatchObject({ effective: 0.6, inherited: { target: 0.6 } });
    const audit = await env.t.database.raw<{ action: string }>(
      "select action from audit_log where entity_type = 'scorecard_target' and entity_id = $1 order by id",
      [String(id)],
    );
    expect(audit.map((a) => a.action)).toEqual(['scorecard.target.set', 'scorecard.target.delete']);
  });

  it('lower is better: a stricter target is a smaller one; percentages stay within 0–100%; levels apply', async () => {
    const { w } = env;
    const { age, online, vneid } = await ids();
    await set('province', { unitId: w.province.id, indicatorId: age, period: '2026', target: 5 });
    const looser = await set('leaderA', { unitId: w.communeA.id, indicatorId: age, period: '2026', target: 6 });
    expect(looser.json().errors[0]).toMatchObject({ field: 'target', code: 'TARGET_LOOSER' });
    expect(looser.json().errors[0].message).toContain('5 năm');
    const tighter = await set('leaderA', { unitId: w.communeA.id, indicatorId: age, period: '2026', target: 4.5 });
    expect(tighter.json().items[0]).toMatchObject({ effective: 4.5, inherited: { target: 5 } });
    const over = await set('leaderA', { unitId: w.communeA.id, indicatorId: vneid, period: '2028', target: 1.5 });
    expect(over.json().errors[0]).toMatchObject({ field: 'target', code: 'TARGET_RANGE' });
    // Online dossiers are a commune's business, not a group's; an alley is not scored at all.
    const group = await set('leaderA', { unitId: w.groupA1.id, indicatorId: online, period: '2026', target: 0.5 });
    expect(group.json().errors[0]).toMatchObject({ field: 'indicatorId', code: 'NOT_AT_LEVEL' });
    const alley = await set('leaderA', { unitId: w.alleyA1.id, indicatorId: vneid, period: '2026', target: 0.99 });
    expect(alley.json().errors[0]).toMatchObject({ field: 'unitId', code: 'NOT_SCORED' });
    // The group's list holds only what is measured at its level.
    const list = await w.agents.headA1.get(`/api/scorecards/targets?unit=${w.groupA1.id}&period=2026-11`);
    const listed = list.json().items.map((i: Item) => i.indicatorId);
    expect(listed).toContain(vneid);
    expect(listed).not.toContain(online);
    expect((await w.agents.headA1.get(`/api/scorecards/targets?unit=${w.groupA2.id}&period=2026-11`)).statusCode).toBe(
      404,
    );
    // Another province's indicator, or an unknown one, is not in this catalog.
    const unknown = await set('province', { unitId: w.communeA.id, indicatorId: 999_999, period: '2026', target: 0.5 });
    expect(unknown.json().errors[0]).toMatchObject({ field: 'indicatorId', code: 'NOT_IN_CATALOG' });
  });

  it('effectiveTargets in a batch: lower is better, ties go to the unit itself, no leaking across provinces', async () => {
    const { w, t } = env;
    const cameras = (await w.agents.admin.get(`/api/scorecards/catalog?unit=${w.province.id}`))
      .json()
      .indicators.find((i: { code: string }) => i.code === 'CAMERAS').id as number;
    const put = (unitId: number, period: string, target: number) =>
      t.database.raw('insert into scorecard_targets (indicator_id, unit_id, period, target) values ($1, $2, $3, $4)', [
        cameras,
        unitId,
        period,
        target,
      ]);
    // Written straight to the table, as a state the API reaches over time (the province tightened after the communes).
    await put(w.province.id, '2030', 10);
    await put(w.communeA.id, '2030', 10); // the same as the province's: its own
    await put(w.communeB.id, '2030-Q1', 8); // milder than the province's year, set before the province raised it
    await put(w.groupA2.id, '2030-02', 4);
    await put(w.otherProvince.id, '2030', 99);
    const units = [w.province, w.communeA, w.communeB, w.groupA1, w.groupA2, w.groupB1, w.communeC, w.groupC1];
    const read = async (period: string, direction: 'HIGHER' | 'LOWER') => {
      const got = await effectiveTargets(t.database.db, units, [{ id: cameras, direction }], period);
      return Object.fromEntries(
        units.map((u) => {
          const e = got.get(`${u.id}:${cameras}`);
          return [u.id, e ? `${e.target}${e.inherited ? '↑' : ''}@${e.period}` : null];
        }),
      );
    };
    // More cameras is better: the strictest is the largest along each chain.
    expect(await read('2030-02', 'HIGHER')).toEqual({
      [w.province.id]: '10@2030',
      [w.communeA.id]: '10@2030',
      [w.communeB.id]: '10↑@2030',
      [w.groupA1.id]: '10↑@2030',
      [w.groupA2.id]: '10↑@2030',
      [w.groupB1.id]: '10↑@2030',
      [w.communeC.id]: '99↑@2030',
      [w.groupC1.id]: '99↑@2030',
    });
    // Read as if fewer were better, the same rows give the smallest along each chain, each unit's narrowest period.
    expect(await read('2030-02', 'LOWER')).toMatchObject({
      [w.communeA.id]: '10@2030',
      [w.communeB.id]: '8@2030-Q1',
      [w.groupA2.id]: '4@2030-02',
      [w.groupB1.id]: '8↑@2030-Q1',
    });
    // Outside the quarter commune B's target does not reach; another year has none at all.
    expect((await read('2030-05', 'LOWER'))[w.groupB1.id]).toBe('10↑@2030');
    expect(Object.values(await read('2031-01', 'HIGHER')).every((v) => v === null)).toBe(true);
    expect((await effectiveTargets(t.database.db, [], [{ id: cameras, direction: 'HIGHER' }], '2030')).size).toBe(0);
  });
});
