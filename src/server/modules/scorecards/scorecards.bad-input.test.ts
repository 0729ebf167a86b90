import { describe, expect, it } from 'vitest';
import { useWorld } from '../../../../test/world.js';

/**
 * Scorecard numbers the schema lets through but the rules forbid (a percentage target over 100%, a set worth nothing,
 * steps over the item's maximum, a margin past half): 400 on the field, nothing half-written. The generic sweep of
 * every body is src/server/bad-input.test.ts.
 */
const env = useWorld();

describe('scorecard bad input', () => {
  it('scorecard numbers the rules forbid are refused by the rules (400 on the field), and nothing is half-written', async () => {
    const catalog = await env.w.agents.admin.get(`/api/scorecards/catalog?unit=${env.w.province.id}`);
    const vneid = catalog.json().indicators.find((i: { code: string }) => i.code === 'VNEID_L2').id;
    const target = await env.w.agents.admin.put('/api/scorecards/targets', {
      unitId: env.w.communeA.id,
      indicatorId: vneid,
      period: '2026',
      target: 1.5,
    });
    expect(target.json().errors?.[0], target.body).toMatchObject({ field: 'target', code: 'TARGET_RANGE' });
    const item = { pillarVi: 'Xã hội số', pillarEn: 'Digital society', indicatorId: vneid, maxPoints: 10 };
    const set = (items: unknown[]) =>
      env.w.agents.admin.post('/api/scorecards/sets', {
        province: env.w.province.id,
        code: 'BO_HONG',
        nameVi: 'Bộ hỏng',
        nameEn: 'Broken set',
        items,
      });
    for (const items of [
      [{ ...item, maxPoints: 0, rule: { kind: 'RATIO' } }],
      [{ ...item, rule: { kind: 'STEPS', steps: [] } }],
      [{ ...item, rule: { kind: 'STEPS', steps: [{ min: 1, points: 11 }] } }],
      [
        { ...item, rule: { kind: 'RATIO' } },
        { ...item, rule: { kind: 'RATIO' } },
      ],
      [{ ...item, indicatorId: 2_147_483_647, rule: { kind: 'RATIO' } }],
    ]) {
      const res = await set(items);
      expect(res.statusCode, res.body).toBe(400);
    }
    expect(
      (
        await env.t.database.raw<{ n: number }>("select count(*)::int as n from scorecard_sets where code = 'BO_HONG'")
      )[0]!.n,
    ).toBe(0);
    const margin = await env.w.agents.admin.put('/api/scorecards/settings', {
      province: env.w.province.id,
      nearMargin: 0.51,
      version: 0,
    });
    expect(margin.statusCode).toBe(400);
  });
});
