import { beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../../../test/helpers.js';
import { pdfText } from '../../../../test/pdf-text.js';
import { useWorld } from '../../../../test/world.js';
import { scorecardPublications } from '../../db/schema/index.js';
import { refreshValues } from './scorecards.compute.js';
import { type scorecardFixtures, seedReadFixture } from './scorecards.dashboard.test-kit.js';

const env = useWorld();
let f: ReturnType<typeof scorecardFixtures>;
let setId: number;
beforeAll(async () => {
  f = await seedReadFixture(env.t.database, env.w);
  setId = await f.setId();
});

/** The text as one line, so a cell wrapped in a narrow column still reads as written. */
const flat = (pdf: Buffer) => pdfText(pdf).replace(/\s+/g, ' ');

describe('scorecard PDFs', () => {
  it('prints the emulation board of the province’s communes with the national header and a signature block', async () => {
    const { w } = env;
    const res = await w.agents.province.get(
      `/api/scorecards/board.pdf?unit=${w.province.id}&period=2026-10&set=${setId}`,
    );
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = flat(res.rawPayload);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('BẢNG XẾP HẠNG THI ĐUA');
    expect(text).toContain('Bộ chỉ số chuyển đổi số cấp xã (mẫu)');
    // A first with 270 points (of 1.000), up one place; B second with 255, down one.
    expect(text).toContain('Điểm (tối đa 1.000)');
    expect(text).toMatch(/1\s*Xã An Hòa\s*270 điểm\s*2\s*Tăng 1/);
    expect(text).toMatch(/2\s*Phường Bình Minh\s*255 điểm\s*1\s*Giảm 1/);
    expect(text).toContain('TM. ỦY BAN NHÂN DÂN');
    expect(text).toContain('CHỦ TỊCH');
  });

  it('refuses a commune the province’s board for a month not published', async () => {
    const { w } = env;
    const res = await w.agents.leaderA.get(
      `/api/scorecards/board.pdf?unit=${w.province.id}&period=2026-10&set=${setId}`,
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('NOT_PUBLISHED');
  });

  it('draws the monthly report in a job: indicators against targets, the groups’ chart, what moved, notes', async () => {
    const { w } = env;
    const asked = await w.agents.leaderA.post('/api/scorecards/reports', { unit: w.communeA.id, period: '2026-10' });
    expect(asked.statusCode, asked.body).toBe(202);
    const { id } = asked.json();
    const done = await eventually(async () => {
      const list = await w.agents.leaderA.get(`/api/scorecards/reports?unit=${w.communeA.id}`);
      const item = list.json().items.find((i: { id: number }) => i.id === id);
      return item.status === 'DONE' || item.status === 'FAILED' ? item : undefined;
    });
    expect(done).toMatchObject({ status: 'DONE', period: '2026-10', fileName: expect.stringContaining('.pdf') });
    const file = await w.agents.leaderA.get(`/api/scorecards/reports/${id}/file`);
    expect(file.statusCode).toBe(200);
    const text = flat(file.rawPayload);
    expect(text).toContain('ỦY BAN NHÂN DÂN XÃ AN HÒA');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Về việc kết quả thực hiện chỉ số chuyển đổi số tháng 10/2026');
    expect(text).toContain('có 1 chỉ số đã giao chỉ tiêu: đạt 0, gần đạt 0, chưa đạt 1');
    // VNeID: 72,5% against the commune's 85% for Q4, behind; 12,5 points up on September.
    expect(text).toMatch(
      /Người từ 14 tuổi có tài khoản định danh điện tử mức 2\s*72,5%\s*85%\s*Chưa đạt\s*\+12,5 điểm %/,
    );
    // The groups' chart: A1 200 × 80% = 160 points, A2 200 × 60% = 120.
    expect(text).toMatch(/1\. Thôn Đông\s*160 điểm/);
    expect(text).toMatch(/2\. Thôn Tây\s*120 điểm/);
    expect(text).toContain('- Hồ sơ tiếp nhận trực tuyến: +25 điểm %.');
    expect(text).toContain('Số liệu tháng 10/2026 đã được chốt');
    expect(text).toContain('Nơi nhận:');
    // A report of a unit outside the caller's reach is not found; another commune cannot list A's.
    expect((await w.agents.leaderB.get(`/api/scorecards/reports/${id}/file`)).statusCode).toBe(404);
    expect((await w.agents.leaderB.get(`/api/scorecards/reports?unit=${w.communeA.id}`)).statusCode).toBe(403);
  });
});

describe('reading what the refresh job wrote', () => {
  it('shows the province’s own values as its communes’ numerators and denominators added up', async () => {
    const { w, t } = env;
    await t.database.db.transaction((tx) =>
      refreshValues(tx, w.province.id, '2026-12', { now: new Date('2026-12-05T03:00:00Z') }),
    );
    const res = await w.agents.province.get(`/api/scorecards/dashboard?unit=${w.province.id}&period=2026-12`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    const vneid = (await f.indicator('VNEID_L2')).id;
    // The world's residents aged 14+ living in communes A and B.
    expect(d.total.cells[vneid].denominator).toBeGreaterThan(0);
    let compared = 0;
    for (const indicator of d.indicators) {
      const total = d.total.cells[indicator.id];
      if (total.denominator === null || !indicator.levels.includes('COMMUNE')) continue;
      const sum = (key: 'numerator' | 'denominator') =>
        d.rows.reduce(
          (s: number, r: { cells: Record<string, Record<string, number | null>> }) =>
            s + (r.cells[indicator.id]![key] ?? 0),
          0,
        );
      expect([indicator.code, total.numerator, total.denominator]).toEqual([
        indicator.code,
        sum('numerator'),
        sum('denominator'),
      ]);
      compared++;
    }
    expect(compared).toBeGreaterThan(0);
  });
});

describe('scorecard values for other systems and the public page', () => {
  it('gives the frozen month’s values under a unit, and 404 for a month not frozen', async () => {
    const { w } = env;
    const res = await w.agents.province.get(`/api/scorecards/snapshots/2026-10/values?unit=${w.communeA.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.publishedAt).toBeNull();
    expect(d.values).toContainEqual({
      unitCode: w.communeA.code,
      unitName: 'Xã An Hòa',
      tier: 'COMMUNE',
      indicatorCode: 'VNEID_L2',
      numerator: 58,
      denominator: 80,
      value: 0.725,
      target: 0.85,
      light: 'BEHIND',
    });
    // Commune A, its two groups: VNeID each, dossiers and video rooms for the commune.
    expect(d.values).toHaveLength(5);
    expect(
      (await w.agents.province.get(`/api/scorecards/snapshots/2026-11/values?unit=${w.communeA.id}`)).statusCode,
    ).toBe(404);
    const doc = (await env.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.components.schemas.ScorecardSnapshotValues.examples[0].values[0].indicatorCode).toBe('VNEID_L2');
  });

  it('shows a commune’s published indicators to anyone, the last frozen month with a trend of frozen months', async () => {
    const { w, t } = env;
    const vneid = await f.indicator('VNEID_L2');
    await t.database.db.insert(scorecardPublications).values({ unitId: w.communeA.id, indicatorId: vneid.id });
    await f.value(w.communeA.id, 'VNEID_L2', '2026-11', 60, 80); // open month: not shown
    const res = await t.app.inject({ method: 'GET', url: `/api/public/communes/${w.communeA.code}/scorecard` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toContain('max-age');
    expect(res.json()).toEqual({
      commune: { code: w.communeA.code, name: 'Xã An Hòa' },
      period: '2026-10',
      items: [
        {
          code: 'VNEID_L2',
          nameVi: 'Người từ 14 tuổi có tài khoản định danh điện tử mức 2',
          nameEn: 'Residents aged 14+ with a level-2 VNeID account',
          measure: 'PERCENT',
          unitVi: '',
          unitEn: '',
          value: 0.725,
          target: 0.85,
          light: 'BEHIND',
          trend: [
            { period: '2026-09', value: 0.6 },
            { period: '2026-10', value: 0.725 },
          ],
        },
      ],
    });
    const b = await t.app.inject({ method: 'GET', url: `/api/public/communes/${w.communeB.code}/scorecard` });
    expect(b.json().items).toEqual([]);
    const unknown = await t.app.inject({ method: 'GET', url: '/api/public/communes/99999/scorecard' });
    expect(unknown.statusCode).toBe(404);
  });
});
