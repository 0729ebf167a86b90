import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWorld } from '../../../../test/world.js';
import { queryRows } from '../../db/client.js';
import { readSheetRows } from '../../lib/spreadsheet.js';
import { Permission } from '../../../shared/permissions.js';
import { loadDashboard } from './scorecards.dashboard.js';
import { type scorecardFixtures, seedReadFixture } from './scorecards.dashboard.test-kit.js';

const env = useWorld();
let f: ReturnType<typeof scorecardFixtures>;
const id = {} as Record<string, number>;
beforeAll(async () => {
  f = await seedReadFixture(env.t.database, env.w);
  for (const code of ['VNEID_L2', 'DOSSIER_ONLINE', 'VIDEO_ROOMS']) id[code] = (await f.indicator(code)).id;
  id.set = await f.setId();
});

describe('scorecard dashboard', () => {
  it('shows the province and its communes with targets, lights and the change since September', async () => {
    const { w } = env;
    const res = await w.agents.province.get(`/api/scorecards/dashboard?unit=${w.province.id}&period=2026-10`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.previousPeriod).toBe('2026-09');
    expect(d.frozen).toBe(true);
    expect(d.nearMargin).toBe(0.1);
    expect(d.rows.map((r: { unit: { name: string } }) => r.unit.name)).toEqual(['Phường Bình Minh', 'Xã An Hòa']);
    const v = id.VNEID_L2!;
    // 103/130 against the province's own 80% (72% or more is near); September 88/130.
    expect(d.total.cells[v]).toEqual({
      numerator: 103,
      denominator: 130,
      value: 0.7923,
      target: 0.8,
      targetInherited: false,
      light: 'NEAR',
      previous: 0.6769,
      change: 0.1154,
      behindSince: null,
    });
    const [b, a] = d.rows;
    // Commune A's own 85% for Q4 wins over the province's yearly 80%: 72.5% is under 76.5%, behind.
    expect(a.cells[v]).toMatchObject({ value: 0.725, target: 0.85, targetInherited: false, light: 'BEHIND' });
    expect(a.cells[v].change).toBe(0.125);
    expect(b.cells[v]).toMatchObject({ value: 0.9, target: 0.8, targetInherited: true, light: 'MET' });
    expect(a.cells[id.DOSSIER_ONLINE!]).toMatchObject({ value: 0.75, light: 'NO_TARGET', previous: 0.5 });
    // The total is the communes added up, numerators and denominators, not an average of their rates.
    for (const indicator of [v, id.DOSSIER_ONLINE!]) {
      expect(d.total.cells[indicator].numerator).toBe(a.cells[indicator].numerator + b.cells[indicator].numerator);
      expect(d.total.cells[indicator].denominator).toBe(
        a.cells[indicator].denominator + b.cells[indicator].denominator,
      );
    }
    expect(d.total.cells[id.VIDEO_ROOMS!]).toMatchObject({ value: 3, previous: null, change: null });
    expect(d.moved).toEqual([
      { indicatorId: v, change: 0.1154 },
      { indicatorId: id.DOSSIER_ONLINE, change: 0.0921 },
    ]);
    expect(d.indicators.length).toBe(24);
    expect(d.total.cells[d.indicators.find((i: { code: string }) => i.code === 'TEAM_ACTIVE').id].light).toBe(
      'NO_DATA',
    );
  });

  it('drills down to a commune’s groups, which inherit the commune’s target', async () => {
    const { w } = env;
    const res = await w.agents.leaderA.get(`/api/scorecards/dashboard?unit=${w.communeA.id}&period=2026-10`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.rows.map((r: { unit: { name: string } }) => r.unit.name)).toEqual(['Thôn Đông', 'Thôn Tây']);
    const v = id.VNEID_L2!;
    expect(d.rows[0].cells[v]).toMatchObject({ value: 0.8, target: 0.85, targetInherited: true, light: 'NEAR' });
    expect(d.rows[1].cells[v]).toMatchObject({ value: 0.6, light: 'BEHIND', change: 0 });
  });

  it('gives a group head their group alone, and refuses them the commune', async () => {
    const { w } = env;
    const commune = await w.agents.headA1.get(`/api/scorecards/dashboard?unit=${w.communeA.id}&period=2026-10`);
    expect(commune.statusCode).toBe(403);
    const group = await w.agents.headA1.get(`/api/scorecards/dashboard?unit=${w.groupA1.id}&period=2026-10`);
    expect(group.statusCode, group.body).toBe(200);
    const d = group.json();
    expect(d.rows).toEqual([]);
    expect(d.indicators.every((i: { levels: string[] }) => i.levels.includes('COMMUNITY'))).toBe(true);
    expect(d.total.cells[id.VNEID_L2!]).toMatchObject({ numerator: 40, denominator: 50, value: 0.8 });
    const other = await w.agents.leaderA.get(`/api/scorecards/dashboard?unit=${w.communeB.id}`);
    expect(other.statusCode).toBe(403);
  });

  it('draws an indicator’s trend with each month’s target, light and whether it is frozen', async () => {
    const { w } = env;
    const res = await w.agents.leaderA.get(
      `/api/scorecards/trend?unit=${w.communeA.id}&indicator=${id.VNEID_L2}&months=3&period=2026-10`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().points).toEqual([
      {
        period: '2026-08',
        numerator: null,
        denominator: null,
        value: null,
        target: 0.8,
        light: 'NO_DATA',
        frozen: false,
      },
      { period: '2026-09', numerator: 48, denominator: 80, value: 0.6, target: 0.8, light: 'BEHIND', frozen: true },
      { period: '2026-10', numerator: 58, denominator: 80, value: 0.725, target: 0.85, light: 'BEHIND', frozen: true },
    ]);
  });

  it('refuses a period that is not a month and a ranking without an indicator or set', async () => {
    const { w } = env;
    const bad = await w.agents.province.get(`/api/scorecards/dashboard?unit=${w.province.id}&period=2026-13`);
    expect(bad.statusCode).toBe(400);
    const none = await w.agents.province.get(`/api/scorecards/ranking?unit=${w.province.id}&period=2026-10`);
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0].field).toBe('indicator');
  });
});

describe('scorecard ranking and scores', () => {
  it('ranks the communes on an indicator: equal values share the rank, listed by name; rank change since September', async () => {
    const { w } = env;
    const res = await w.agents.province.get(
      `/api/scorecards/ranking?unit=${w.province.id}&period=2026-10&indicator=${id.DOSSIER_ONLINE}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.published).toBe(false);
    expect(d.tieRule.vi).toContain('đồng hạng');
    expect(
      d.rows.map((r: Record<string, unknown>) => [
        (r.unit as { name: string }).name,
        r.value,
        r.rank,
        r.previousRank,
        r.rankChange,
        r.change,
      ]),
    ).toEqual([
      ['Phường Bình Minh', 0.75, 1, 1, 0, -0.0833],
      ['Xã An Hòa', 0.75, 1, 2, 1, 0.25],
    ]);
    expect(d.rows[1]).toMatchObject({ numerator: 30, denominator: 40 });
  });

  it('ranks on a scored set’s total; points needing evidence count only from an approved entry with a file', async () => {
    const { w } = env;
    const res = await w.agents.province.get(
      `/api/scorecards/ranking?unit=${w.province.id}&period=2026-10&set=${id.set}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    // A: 100 × 75% + 200 × 72.5% + 50 (2 video rooms, evidenced) = 270; September 50 + 120 = 170.
    // B: 100 × 75% + 200 × 90% + 0 (1 room, no entry behind it) = 255; September 83.33 + 160 = 243.33.
    expect(
      res
        .json()
        .rows.map((r: Record<string, unknown>) => [(r.unit as { name: string }).name, r.value, r.rank, r.rankChange]),
    ).toEqual([
      ['Xã An Hòa', 270, 1, 1],
      ['Phường Bình Minh', 255, 2, -1],
    ]);
    const score = await w.agents.leaderA.get(
      `/api/scorecards/score?unit=${w.communeA.id}&period=2026-10&set=${id.set}`,
    );
    expect(score.statusCode, score.body).toBe(200);
    const s = score.json();
    expect(s.total).toBe(270);
    expect(s.maxTotal).toBe(1000);
    expect(s.pillars).toEqual([
      { pillarVi: 'Chính quyền số', pillarEn: 'Digital government', points: 75, maxPoints: 400 },
      { pillarVi: 'Xã hội số', pillarEn: 'Digital society', points: 145, maxPoints: 300 },
      { pillarVi: 'Kinh tế số', pillarEn: 'Digital economy', points: 0, maxPoints: 100 },
      { pillarVi: 'Hạ tầng số', pillarEn: 'Digital infrastructure', points: 50, maxPoints: 200 },
    ]);
    const rooms = s.items.find((i: { indicator: { code: string } }) => i.indicator.code === 'VIDEO_ROOMS');
    expect(rooms).toMatchObject({ value: 2, points: 50, evidenceOk: true });
    const b = await w.agents.province.get(`/api/scorecards/score?unit=${w.communeB.id}&period=2026-10&set=${id.set}`);
    expect(
      b.json().items.find((i: { indicator: { code: string } }) => i.indicator.code === 'VIDEO_ROOMS'),
    ).toMatchObject({ value: 1, points: 0, evidenceOk: false });
  });

  it('counts a value added up from the groups’ entries as evidenced only when every entry behind it has a file', async () => {
    const { w } = env;
    // Cashless shops, August (entered per quarter: Q3): A's groups sent one entry with a file and one without; B's
    // one group sent one with a file. The communes' values are their groups' added up, with no entry of their own.
    await f.approvedEntry(w.groupA1.id, 'CASHLESS_SHOPS', '2026-Q3', 5, true);
    await f.approvedEntry(w.groupA2.id, 'CASHLESS_SHOPS', '2026-Q3', 3, false);
    await f.approvedEntry(w.groupB1.id, 'CASHLESS_SHOPS', '2026-Q3', 5, true);
    await f.value(w.communeA.id, 'CASHLESS_SHOPS', '2026-08', 8, 10);
    await f.value(w.communeB.id, 'CASHLESS_SHOPS', '2026-08', 5, 10);
    const item = async (unitId: number) =>
      (await w.agents.province.get(`/api/scorecards/score?unit=${unitId}&period=2026-08&set=${id.set}`))
        .json()
        .items.find((i: { indicator: { code: string } }) => i.indicator.code === 'CASHLESS_SHOPS');
    expect(await item(w.communeA.id)).toMatchObject({ value: 0.8, evidenceOk: false, points: 0 });
    expect(await item(w.communeB.id)).toMatchObject({ value: 0.5, evidenceOk: true, points: 50 });
  });

  it('shows a commune the province’s ranking only for a published month, names and values only', async () => {
    const { w } = env;
    const url = (period: string) =>
      `/api/scorecards/ranking?unit=${w.province.id}&period=${period}&indicator=${id.VNEID_L2}`;
    const unpublished = await w.agents.leaderA.get(url('2026-10'));
    expect(unpublished.statusCode).toBe(403);
    expect(unpublished.json().code).toBe('NOT_PUBLISHED');
    const published = await w.agents.leaderA.get(url('2026-09'));
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().published).toBe(true);
    expect(published.json().rows.map((r: Record<string, unknown>) => [r.value, r.rank, r.numerator])).toEqual([
      [0.8, 1, null],
      [0.6, 2, null],
    ]);
    const groupHead = await w.agents.headA1.get(url('2026-09'));
    expect(groupHead.statusCode).toBe(403);
    expect(groupHead.json().code).toBe('FORBIDDEN');
  });
});

describe('scorecard exports', () => {
  it('exports the dashboard as .xlsx that reads back, one row per unit and indicator', async () => {
    const { w } = env;
    const res = await w.agents.province.get(
      `/api/scorecards/dashboard/export?unit=${w.province.id}&period=2026-10&format=xlsx`,
    );
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-disposition']).toContain('.xlsx');
    const rows: string[][] = [];
    for await (const row of readSheetRows('xlsx', res.rawPayload)) rows.push(row.values);
    expect(rows[0]!.slice(0, 4)).toEqual(['Mã đơn vị', 'Đơn vị', 'Mã chỉ số', 'Chỉ số']);
    const vneid = rows.find((r) => r[0] === w.province.code && r[2] === 'VNEID_L2')!;
    expect(vneid.slice(4, 9)).toEqual(['103', '130', '79.23', '80', 'Gần đạt']);
    expect(rows.length).toBe(1 + 3 * 24);
  });

  it('exports the ranking as .csv, audited', async () => {
    const { w } = env;
    const res = await w.agents.province.get(
      `/api/scorecards/ranking/export?unit=${w.province.id}&period=2026-10&set=${id.set}&format=csv`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe(
      'Hạng,Mã đơn vị,Đơn vị,Tổng điểm,Tử số,Mẫu số,Hạng tháng 09/2026,Tăng/giảm hạng,Thay đổi giá trị',
    );
    expect(lines[1]).toContain('Xã An Hòa,270');
    const audits = await queryRows<{ details: { what: string } }>(
      env.t.database.db,
      sql`select details from audit_log where action = 'scorecards.export' order by id`,
    );
    expect(audits.map((a) => a.details.what)).toEqual(['dashboard', 'ranking']);
  });
  it('says since when a unit has been behind: the first month of the run, each month against its own target', async () => {
    const { w } = env;
    const cellOfA = async () => {
      const d = (await w.agents.province.get(`/api/scorecards/dashboard?unit=${w.province.id}&period=2026-10`)).json();
      return d.rows.find((r: { unit: { id: number } }) => r.unit.id === w.communeA.id).cells[id.VNEID_L2!];
    };
    // October 72.5% against its own Q4 85%, September 60% against the province's 80%: behind both; no August figure.
    expect(await cellOfA()).toMatchObject({ light: 'BEHIND', behindSince: '2026-09' });
    // August behind as well (50%), July met (90% ≥ 80%): the run starts in August.
    await f.value(w.communeA.id, 'VNEID_L2', '2026-08', 40, 80, { frozen: true });
    await f.value(w.communeA.id, 'VNEID_L2', '2026-07', 72, 80, { frozen: true });
    expect(await cellOfA()).toMatchObject({ light: 'BEHIND', behindSince: '2026-08' });
    // A cell that is not behind says nothing.
    const d = (await w.agents.province.get(`/api/scorecards/dashboard?unit=${w.province.id}&period=2026-10`)).json();
    const b = d.rows.find((r: { unit: { id: number } }) => r.unit.id === w.communeB.id);
    expect(b.cells[id.VNEID_L2!]).toMatchObject({ light: 'MET', behindSince: null });
  });
});

describe('scorecard dashboard at province scale', () => {
  it('reads a province of 33 communes × every indicator in the same few queries as a province of two', async () => {
    const { w, t } = env;
    const db = t.database.db;
    const other = w.otherProvince;
    for (let n = 1; n <= 32; n++) await w.f.commune({ province: '01', name: `Xã Thử Quy Mô ${n}` });
    // Every unit of province 01 (itself, communeC and the 32 new communes) × every shipped indicator × two months.
    await db.execute(sql`
      insert into scorecard_values (unit_id, indicator_id, period, numerator, denominator, value)
      select u.id, i.id, p.period, (u.id % 7) + 1, 10, ((u.id % 7) + 1) / 10.0
      from units u cross join scorecard_indicators i cross join (values ('2026-09'), ('2026-10')) p(period)
      where u.path like ${`${other.path}%`} and u.tier in ('PROVINCE', 'COMMUNE') and i.owner_unit_id is null`);
    // A target every commune misses, so "behind since" is looked up for 33 communes (as for the fixture's one).
    await f.target(other.id, 'VNEID_L2', '2026', 0.95);
    const scope = { permission: Permission.SCORECARD_READ, prefixes: [w.nation.path] };
    const counted = async (unitId: number) => {
      let queries = 0;
      const counting = new Proxy(db, {
        get(target, key, receiver) {
          if (key === 'execute') queries++;
          return Reflect.get(target, key, receiver);
        },
      });
      const out = await loadDashboard(counting, scope, { unit: unitId, period: '2026-10' });
      return { out, queries };
    };
    const small = await counted(w.province.id);
    const large = await counted(other.id);
    expect(large.out.rows).toHaveLength(33);
    expect(Object.keys(large.out.rows[0]!.cells)).toHaveLength(24);
    expect(large.out.total.cells[id.VNEID_L2!]!.value).not.toBeNull();
    // No query per unit or per cell: the count does not grow with the province.
    expect(large.out.rows.every((r) => r.cells[id.VNEID_L2!]!.behindSince === '2026-09')).toBe(true);
    expect(large.queries).toBe(small.queries);
    expect(large.queries).toBeLessThanOrEqual(10);
  });
});
