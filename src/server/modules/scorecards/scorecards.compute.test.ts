import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factories } from '../../../../test/factories.js';
import { buildTestApp, type TestContext } from '../../../../test/helpers.js';
import { freezeMonth, refreshValues } from './scorecards.compute.js';
import { fourteenPlusCutoffs } from './scorecards.compute-registry.js';
import { buildComputeFixture, type ComputeFixture } from './scorecards.compute.test-kit.js';

const PERIOD = '2026-10';
const NOW = new Date('2026-12-07T03:00:00Z');

let t: TestContext;
let fx: ComputeFixture;

beforeAll(async () => {
  t = await buildTestApp();
  fx = await buildComputeFixture(t.database, factories(t.database, t.cipher));
  await t.database.db.transaction((tx) => refreshValues(tx, fx.province.id, PERIOD, { now: NOW }));
}, 60_000);
afterAll(() => t?.close());

type Row = { numerator: number | null; denominator: number | null; value: number | null; entryId: number | null };

async function cell(unitId: number, code: string, period = PERIOD): Promise<Row | undefined> {
  const [row] = await t.database.raw<Row>(
    `select v.numerator, v.denominator, v.value, v.entry_id as "entryId" from scorecard_values v
     join scorecard_indicators i on i.id = v.indicator_id and i.owner_unit_id is null
     where v.unit_id = $1 and i.code = $2 and v.period = $3`,
    [unitId, code, period],
  );
  return row;
}

/** a of b at each unit, as counted by hand in the fixture's description (scorecards.compute.test-kit.ts). */
async function expectCounts(code: string, counts: Record<string, [number, number] | null>) {
  const units = { ...fx.units, P: fx.province } as Record<string, { id: number }>;
  for (const [name, count] of Object.entries(counts)) {
    const row = await cell(units[name]!.id, code);
    if (count === null) {
      expect(row, `${code} at ${name}: no row`).toBeUndefined();
      continue;
    }
    const [a, b] = count;
    expect({ at: name, a: row?.numerator, b: row?.denominator }).toEqual({ at: name, a, b });
    expect(row!.value).toBe(b > 0 ? Math.round((a / b) * 10000) / 10000 : null);
  }
}

describe('computed indicators against the hand-counted fixture (2026-10, as of 31/10/2026)', () => {
  it('VNEID_L2: 14+ certainly, living here, level 2 checked by the day', async () => {
    await expectCounts('VNEID_L2', { G1: [2, 4], G2: [1, 2], X: [3, 6], G3: [1, 1], Y: [1, 1], P: [4, 7] });
  });

  it('PHONE_ON_RECORD: of everyone living here, moved-away, absent and dead left out', async () => {
    await expectCounts('PHONE_ON_RECORD', { G1: [2, 5], G2: [1, 2], X: [3, 7], G3: [1, 1], Y: [1, 1], P: [4, 8] });
  });

  it('CHANNEL_HOUSEHOLDS and ANNOUNCEMENT_REACH_30D: households with someone living there', async () => {
    await expectCounts('CHANNEL_HOUSEHOLDS', { G1: [1, 2], G2: [0, 1], X: [1, 3], G3: [1, 1], Y: [1, 1], P: [2, 4] });
    await expectCounts('ANNOUNCEMENT_REACH_30D', {
      G1: [1, 2],
      G2: [1, 1],
      X: [2, 3],
      G3: [0, 1],
      Y: [0, 1],
      P: [2, 4],
    });
  });

  it('a zone (alley) has no row of its own: its boarding house counts in its group', async () => {
    expect(await cell(fx.units.Z1.id, 'VNEID_L2')).toBeUndefined();
  });

  it('dossiers: the month by Vietnam days, withdrawn ones as the one-stop indicators count them; commune and province only', async () => {
    await expectCounts('DOSSIER_ONLINE', { X: [1, 3], Y: [0, 0], P: [1, 3], G1: null });
    await expectCounts('DOSSIER_FULL_ONLINE', { X: [1, 2], P: [1, 2] });
    await expectCounts('DOSSIER_DIGITIZED', { X: [1, 3], P: [1, 3] });
    await expectCounts('DOSSIER_ON_TIME', { X: [2, 3], P: [2, 3] });
    await expectCounts('DOSSIER_PAID_ONLINE', { X: [1, 2], P: [1, 2] });
    await expectCounts('DOSSIER_E_RESULT', { X: [2, 3], Y: [0, 0], P: [2, 3] });
  });

  it('feedback: answered on time and satisfied, the month up to the day', async () => {
    await expectCounts('FEEDBACK_ON_TIME', { X: [3, 4], P: [3, 4], G1: null });
    await expectCounts('FEEDBACK_SATISFIED', { X: [2, 3], P: [2, 3] });
  });

  it('campaign completion: households whose every target was done, in campaigns running that month', async () => {
    await expectCounts('CAMPAIGN_COMPLETION', { G1: [0, 2], G2: [1, 1], X: [1, 3], G3: [0, 0], Y: [0, 0], P: [1, 3] });
  });

  it('team members trained and active on the day', async () => {
    await expectCounts('TEAM_TRAINED', { G1: [1, 3], G2: [0, 0], X: [2, 4], P: [2, 4] });
    await expectCounts('TEAM_ACTIVE', { G1: [2, 3], X: [2, 4], P: [2, 4] });
  });

  it('entered: latest approved version of the narrowest period; a commune sums its groups, a province its communes', async () => {
    await expectCounts('BROADBAND_HOUSEHOLDS', { G1: [45, 50], G2: [12, 30], X: [57, 80], Y: [30, 40], P: [87, 120] });
    expect((await cell(fx.units.G1.id, 'BROADBAND_HOUSEHOLDS'))!.entryId).toBe(fx.entries.g1Broadband);
    expect((await cell(fx.units.G2.id, 'BROADBAND_HOUSEHOLDS'))!.entryId).toBe(fx.entries.g2Broadband);
    expect((await cell(fx.units.X.id, 'BROADBAND_HOUSEHOLDS'))!.entryId).toBeNull();
    expect((await cell(fx.units.G3.id, 'BROADBAND_HOUSEHOLDS'))!.value).toBeNull();
    // A count: no denominator; from one entry all the way up, so each level names it.
    for (const unit of [fx.units.G3, fx.units.Y, fx.province]) {
      expect(await cell(unit.id, 'CAMERAS')).toEqual({
        numerator: 5,
        denominator: null,
        value: 5,
        entryId: fx.entries.g3Cameras,
      });
    }
    expect(await cell(fx.units.X.id, 'CAMERAS')).toEqual({
      numerator: null,
      denominator: null,
      value: null,
      entryId: null,
    });
  });

  it('a refresh run again writes the same rows and the same numbers', async () => {
    const before = await t.database.raw(
      `select unit_id, indicator_id, numerator, denominator, value, entry_id from scorecard_values where period = $1
       order by 1, 2`,
      [PERIOD],
    );
    const again = await t.database.db.transaction((tx) => refreshValues(tx, fx.province.id, PERIOD, { now: NOW }));
    const after = await t.database.raw(
      `select unit_id, indicator_id, numerator, denominator, value, entry_id from scorecard_values where period = $1
       order by 1, 2`,
      [PERIOD],
    );
    expect(after).toEqual(before);
    expect(again.values).toBe(before.length);
  });

  it('the month in progress is computed as of today: tomorrow’s arrivals are not counted yet', async () => {
    // As of 20/10: r5 (moved away 15/10) is gone, r12 (died 20/10) too; r2's level 2 (05/11) not yet.
    await t.database.db.transaction((tx) =>
      refreshValues(tx, fx.province.id, '2026-10', { now: new Date('2026-10-20T03:00:00Z') }),
    );
    // G1 as of 20/10: r1 r2 r3 r7 are 14+ (r3 turns 14 on 31/10: not yet) → r1 r2 r7, of whom r1 r7 have L2.
    await expectCounts('VNEID_L2', { G1: [2, 3] });
    await t.database.db.transaction((tx) => refreshValues(tx, fx.province.id, PERIOD, { now: NOW }));
    await expectCounts('VNEID_L2', { G1: [2, 4] });
  });
});

describe('the monthly snapshot', () => {
  it('refuses a month that has not ended', async () => {
    await expect(freezeMonth(t.database, fx.province.id, '2026-12', { now: NOW })).rejects.toMatchObject({
      status: 400,
      fieldErrors: [expect.objectContaining({ field: 'period', code: 'PERIOD_NOT_ENDED' })],
    });
  });

  it('freezes the month; later edits and refreshes leave it as it was; a second run changes nothing', async () => {
    const first = await freezeMonth(t.database, fx.province.id, PERIOD, { now: NOW });
    expect(first.alreadyFrozen).toBe(false);
    const [{ n }] = (await t.database.raw<{ n: number }>(
      `select count(*)::int as n from scorecard_values v join units u on u.id = v.unit_id
       where v.period = $1 and u.path like $2 and v.frozen_at is not null`,
      [PERIOD, `${fx.province.path}%`],
    )) as [{ n: number }];
    expect(first.values).toBe(n);
    const [run] = await t.database.raw<{ finishedAt: Date | null; values: number }>(
      `select finished_at as "finishedAt", values from scorecard_snapshots where province_id = $1 and period = $2`,
      [fx.province.id, PERIOD],
    );
    expect(run).toEqual({ finishedAt: NOW, values: n });

    // A late correction of G1's broadband and a resident's level 2 dated in October: the frozen month ignores both.
    await t.database.raw(
      `insert into scorecard_entries (indicator_id, unit_id, period, version, numerator, denominator, status)
       values ($1, $2, '2026-Q4', 3, 50, 50, 'APPROVED')`,
      [fx.indicators.broadband, fx.units.G1.id],
    );
    await t.database.raw(`update residents set vneid_level = 'L2', vneid_checked_on = '2026-10-05' where id = $1`, [
      fx.residents.r3.id,
    ]);
    await t.database.db.transaction((tx) => refreshValues(tx, fx.province.id, PERIOD, { now: NOW }));
    await expectCounts('BROADBAND_HOUSEHOLDS', { G1: [45, 50], X: [57, 80], P: [87, 120] });
    await expectCounts('VNEID_L2', { G1: [2, 4], P: [4, 7] });

    // The trigger refuses a direct change too.
    await expect(
      t.database.raw(`update scorecard_values set numerator = 0 where unit_id = $1 and period = $2`, [
        fx.units.G1.id,
        PERIOD,
      ]),
    ).rejects.toThrow(/frozen/);

    const second = await freezeMonth(t.database, fx.province.id, PERIOD, { now: new Date('2026-12-08T03:00:00Z') });
    expect(second).toEqual({ id: first.id, values: first.values, alreadyFrozen: true });

    // The open month takes the correction: November as of its end sees version 3.
    await t.database.db.transaction((tx) => refreshValues(tx, fx.province.id, '2026-11', { now: NOW }));
    expect(await cell(fx.units.G1.id, 'BROADBAND_HOUSEHOLDS', '2026-11')).toMatchObject({
      numerator: 50,
      denominator: 50,
    });
  });
});

describe('who is certainly 14 on a day (born on or before `day`; a month or a year known only, before `month` / `year`)', () => {
  it('the month’s last day, a year’s last day, and 29 February', () => {
    expect(fourteenPlusCutoffs('2026-10-31')).toEqual({ day: '2012-10-31', month: '2012-11-01', year: '2012-01-01' });
    expect(fourteenPlusCutoffs('2026-10-30')).toEqual({ day: '2012-10-30', month: '2012-10-01', year: '2012-01-01' });
    expect(fourteenPlusCutoffs('2026-12-31')).toEqual({ day: '2012-12-31', month: '2013-01-01', year: '2013-01-01' });
    expect(fourteenPlusCutoffs('2026-12-30').year).toBe('2012-01-01');
    // Born 29/02/2012: not yet 14 on 28/02/2026, 14 on 01/03/2026.
    expect(fourteenPlusCutoffs('2026-02-28').day).toBe('2012-02-28');
    expect(fourteenPlusCutoffs('2026-03-01').day).toBe('2012-03-01');
    expect(fourteenPlusCutoffs('2028-02-29')).toEqual({ day: '2014-02-28', month: '2014-03-01', year: '2014-01-01' });
  });
});

describe('a level 2 recorded without the day it was checked (an imported list)', () => {
  it('counts from the day the record was made, not before', async () => {
    const f = factories(t.database, t.cipher);
    const { h5 } = fx.households;
    const G3 = fx.units.G3;
    // In G3 at the end of November: r13 (level 2 since 2025) alone, 1 of 1, as the fixture has it.
    for (const made of ['2026-09-01T03:00:00Z', '2026-12-01T03:00:00Z']) {
      const r = await f.resident(h5, { birthDate: '1988-08-08' });
      await t.database.raw(
        `update residents set vneid_level = 'L2', vneid_checked_on = null, created_at = $2 where id = $1`,
        [r.id, made],
      );
    }
    await t.database.db.transaction((tx) => refreshValues(tx, fx.province.id, '2026-11', { now: NOW }));
    // The one on record since September counts; the one recorded on 01/12 is an adult without a known level 2 yet.
    expect(await cell(G3.id, 'VNEID_L2', '2026-11')).toMatchObject({ numerator: 2, denominator: 3 });
  });
});

describe('a frozen month keeps the target it was judged against', () => {
  it('stamps target and light when freezing; a target edited later moves only the open months', async () => {
    const { loadDashboard } = await import('./scorecards.dashboard.js');
    const { Permission } = await import('../../../shared/permissions.js');
    const vneid = (
      await t.database.raw<{ id: number }>(
        `select id from scorecard_indicators where owner_unit_id is null and code = 'VNEID_L2'`,
      )
    )[0]!.id;
    await t.database.raw(
      `insert into scorecard_targets (indicator_id, unit_id, period, target) values ($1, $2, '2026', 0.5)`,
      [vneid, fx.province.id],
    );
    await freezeMonth(t.database, fx.province.id, '2026-09', { now: NOW });
    const [stamped] = await t.database.raw<{ target: number; light: string; inherited: boolean }>(
      `select target, light, target_inherited as inherited from scorecard_values
       where unit_id = $1 and indicator_id = $2 and period = '2026-09'`,
      [fx.province.id, vneid],
    );
    expect(stamped).toMatchObject({ target: 0.5, inherited: false });
    expect(['MET', 'NEAR', 'BEHIND']).toContain(stamped!.light);

    await t.database.raw(`update scorecard_targets set target = 0.95 where indicator_id = $1 and unit_id = $2`, [
      vneid,
      fx.province.id,
    ]);
    const scope = { permission: Permission.SCORECARD_READ, prefixes: [fx.province.path] };
    const frozen = await loadDashboard(t.database.db, scope, { unit: fx.province.id, period: '2026-09' }, NOW);
    expect(frozen.total.cells[vneid]).toMatchObject({ target: 0.5, light: stamped!.light });
    const open = await loadDashboard(t.database.db, scope, { unit: fx.province.id, period: '2026-11' }, NOW);
    expect(open.total.cells[vneid]).toMatchObject({ target: 0.95, light: 'BEHIND' });
  });
});
