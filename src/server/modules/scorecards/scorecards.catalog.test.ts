import { describe, expect, it } from 'vitest';
import { useWorld } from '../../../../test/world.js';

// The catalog as data: a province adds its own indicators and scored sets (pillars, points, rules); shipped rows are
// shared by every province, so only whoever manages them all switches them off. The margin; a commune's public choice.
const env = useWorld();

type Row = { id: number; code: string; active: boolean; own: boolean; version: number };

const catalog = async (agent: 'province' | 'leaderA' | 'headA1' | 'admin', unitId: number) => {
  const res = await env.w.agents[agent].get(`/api/scorecards/catalog?unit=${unitId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    indicators: Row[];
    sets: (Row & { maxTotal: number; items: unknown[] })[];
    nearMargin: number;
  };
};
const idOf = async (code: string) =>
  (await catalog('admin', env.w.province.id)).indicators.find((i) => i.code === code)!.id;

const indicator = (code: string, extra: Record<string, unknown> = {}) => ({
  province: env.w.province.id,
  code,
  nameVi: 'Hộ kinh doanh có mã QR thanh toán',
  nameEn: 'Shops with a payment QR code',
  formulaVi: 'Số hộ kinh doanh có mã QR / tổng số hộ kinh doanh',
  measure: 'PERCENT',
  kind: 'ENTERED',
  levels: ['COMMUNE'],
  periodKind: 'QUARTER',
  ...extra,
});

describe('indicators', () => {
  it("a province adds its own, edits it with the version read; it shows in that province's catalog only", async () => {
    const { w } = env;
    const made = await w.agents.province.post('/api/scorecards/indicators', indicator('QR_SHOPS'));
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ code: 'QR_SHOPS', own: true, active: true, version: 1, source: null });
    expect((await catalog('headA1', w.groupA1.id)).indicators.map((i) => i.code)).toContain('QR_SHOPS');
    const elsewhere = await w.agents.admin.get(`/api/scorecards/catalog?unit=${w.groupC1.id}`);
    expect(elsewhere.json().indicators.map((i: Row) => i.code)).not.toContain('QR_SHOPS');
    expect(elsewhere.json().province.id).toBe(w.otherProvince.id);
    // Its code is taken in the province, a shipped code too (codes name one indicator in exports).
    expect((await w.agents.province.post('/api/scorecards/indicators', indicator('QR_SHOPS'))).statusCode).toBe(409);
    expect((await w.agents.province.post('/api/scorecards/indicators', indicator('VNEID_L2'))).statusCode).toBe(409);
    // Another province may use the same code for its own.
    const other = await w.agents.admin.post('/api/scorecards/indicators', {
      ...indicator('QR_SHOPS'),
      province: w.otherProvince.id,
    });
    expect(other.statusCode, other.body).toBe(201);
    // …but the officer of province 31 cannot add to province 01.
    const foreign = await w.agents.province.post('/api/scorecards/indicators', {
      ...indicator('KHAC'),
      province: w.otherProvince.id,
    });
    expect(foreign.statusCode).toBe(404);

    const id = made.json().id;
    const renamed = await w.agents.province.patch(`/api/scorecards/indicators/${id}`, {
      nameVi: 'Cửa hàng có mã QR',
      nearMargin: 0.05,
      version: 1,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ nameVi: 'Cửa hàng có mã QR', nearMargin: 0.05, version: 2 });
    expect(
      (await w.agents.province.patch(`/api/scorecards/indicators/${id}`, { active: false, version: 1 })).statusCode,
    ).toBe(409);
    const off = await w.agents.province.patch(`/api/scorecards/indicators/${id}`, { active: false, version: 2 });
    expect(off.json()).toMatchObject({ active: false, version: 3 });
    // Switched off: the manager still sees it (to switch it on), a commune leader does not.
    expect((await catalog('province', w.communeA.id)).indicators.find((i) => i.id === id)).toMatchObject({
      active: false,
    });
    expect((await catalog('leaderA', w.communeA.id)).indicators.map((i) => i.id)).not.toContain(id);
    const audit = await env.t.database.raw<{ action: string }>(
      "select action from audit_log where entity_type = 'scorecard_indicator' and entity_id = $1 order by id",
      [String(id)],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'scorecard.indicator.create',
      'scorecard.indicator.update',
      'scorecard.indicator.update',
    ]);
  });

  it('the kind decides the source: computed ones name a computation and are monthly, entered ones have none', async () => {
    const { w } = env;
    const post = (body: object) => w.agents.province.post('/api/scorecards/indicators', body);
    expect((await post(indicator('A1', { kind: 'COMPUTED', periodKind: 'MONTH' }))).json().errors[0]).toMatchObject({
      field: 'source',
      code: 'SOURCE_REQUIRED',
    });
    expect((await post(indicator('A2', { source: 'VNEID_L2' }))).json().errors[0].code).toBe('SOURCE_ENTERED');
    expect(
      (await post(indicator('A3', { kind: 'COMPUTED', source: 'VNEID_L2', periodKind: 'YEAR' }))).json().errors[0],
    ).toMatchObject({ field: 'periodKind', code: 'COMPUTED_MONTHLY' });
    expect((await post(indicator('A4', { levels: ['COMMUNE', 'COMMUNE'] }))).json().errors[0].field).toBe('levels');
    expect((await post(indicator('a lowercase code'))).statusCode).toBe(400);
    expect((await post(indicator('A5', { nearMargin: 0.9 }))).statusCode).toBe(400);
    const computed = await post(
      indicator('VNEID_14_GROUPS', { kind: 'COMPUTED', source: 'VNEID_L2', periodKind: 'MONTH' }),
    );
    expect(computed.statusCode, computed.body).toBe(201);
    // Its code and kind stay; an entered source on a computed one is refused.
    const patched = await w.agents.province.patch(`/api/scorecards/indicators/${computed.json().id}`, {
      source: null,
      version: 1,
    });
    expect(patched.json().errors[0].code).toBe('SOURCE_REQUIRED');
    const codeChange = await w.agents.province.patch(`/api/scorecards/indicators/${computed.json().id}`, {
      code: 'KHAC',
      kind: 'ENTERED',
      version: 1,
    });
    expect(codeChange.statusCode).toBe(200); // unknown keys are dropped: the code and kind are not in the patch
    expect(codeChange.json()).toMatchObject({ code: 'VNEID_14_GROUPS', kind: 'COMPUTED' });
  });

  it('a shipped indicator: only on/off and its margin, and only by whoever manages every province', async () => {
    const { w } = env;
    const phone = await idOf('PHONE_ON_RECORD');
    const row = (await catalog('admin', w.province.id)).indicators.find((i) => i.id === phone)!;
    const renamed = await w.agents.admin.patch(`/api/scorecards/indicators/${phone}`, {
      nameVi: 'Khác',
      version: row.version,
    });
    expect(renamed.json().errors[0]).toMatchObject({ field: 'nameVi', code: 'SHIPPED_FIXED' });
    // Two provinces share it here: province 31's officer may not switch it off for province 01.
    const byProvince = await w.agents.province.patch(`/api/scorecards/indicators/${phone}`, {
      active: false,
      version: row.version,
    });
    expect(byProvince.statusCode).toBe(403);
    const byAdmin = await w.agents.admin.patch(`/api/scorecards/indicators/${phone}`, {
      active: false,
      nearMargin: 0.2,
      version: row.version,
    });
    expect(byAdmin.statusCode, byAdmin.body).toBe(200);
    expect(byAdmin.json()).toMatchObject({ active: false, nearMargin: 0.2, own: false });
    expect((await catalog('leaderA', w.communeA.id)).indicators.map((i) => i.id)).not.toContain(phone);
    await w.agents.admin.patch(`/api/scorecards/indicators/${phone}`, { active: true, version: row.version + 1 });
  });
});

describe('scored sets', () => {
  it('a province builds its own set (pillars, points, ratio or steps), replaces its items, switches it off', async () => {
    const { w } = env;
    const [vneid, rooms, online] = [await idOf('VNEID_L2'), await idOf('VIDEO_ROOMS'), await idOf('DOSSIER_ONLINE')];
    const items = [
      {
        pillarVi: 'Xã hội số',
        pillarEn: 'Digital society',
        indicatorId: vneid,
        maxPoints: 150,
        rule: { kind: 'RATIO' },
      },
      {
        pillarVi: 'Hạ tầng số',
        pillarEn: 'Digital infrastructure',
        indicatorId: rooms,
        maxPoints: 50,
        rule: {
          kind: 'STEPS',
          steps: [
            { min: 2, points: 50 },
            { min: 1, points: 30 },
          ],
        },
        evidenceRequired: true,
      },
    ];
    const body = {
      province: w.province.id,
      code: 'DTI_XA_2026',
      nameVi: 'Bộ DTI cấp xã 2026',
      nameEn: 'Commune DTI 2026',
      basis: 'Kế hoạch 186/KH-UBND',
      items,
    };
    const made = await w.agents.province.post('/api/scorecards/sets', body);
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ code: 'DTI_XA_2026', own: true, maxTotal: 200, version: 1 });
    expect(made.json().items.map((i: { indicatorId: number }) => i.indicatorId)).toEqual([vneid, rooms]);
    expect((await w.agents.province.post('/api/scorecards/sets', body)).statusCode).toBe(409);
    expect((await w.agents.province.post('/api/scorecards/sets', { ...body, code: 'CDS_XA_MAU' })).statusCode).toBe(
      409,
    );

    const bad = await w.agents.province.post('/api/scorecards/sets', {
      ...body,
      code: 'BO_SAI',
      items: [
        items[0],
        { ...items[0], pillarVi: 'Lặp' },
        { ...items[0], indicatorId: online, evidenceRequired: true },
        { ...items[1], maxPoints: 40 },
        { ...items[0], indicatorId: 999_999 },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string; code: string }) => `${e.field} ${e.code}`)).toEqual([
      'items.1.indicatorId DUPLICATE',
      'items.2.evidenceRequired EVIDENCE_COMPUTED',
      'items.3.rule STEP_OVER_MAX',
      'items.4.indicatorId NOT_IN_CATALOG',
    ]);
    const noSteps = await w.agents.province.post('/api/scorecards/sets', {
      ...body,
      code: 'BO_SAI',
      items: [{ ...items[1], rule: { kind: 'STEPS', steps: [] } }],
    });
    expect(noSteps.statusCode).toBe(400);
    const zero = await w.agents.province.post('/api/scorecards/sets', {
      ...body,
      code: 'BO_SAI',
      items: [{ ...items[0], maxPoints: 0 }],
    });
    expect(zero.statusCode).toBe(400);
    // Another province's own indicator is not in this catalog.
    const foreign = await w.agents.admin.post('/api/scorecards/indicators', {
      ...indicator('CHI_TINH_01'),
      province: w.otherProvince.id,
    });
    const cross = await w.agents.province.post('/api/scorecards/sets', {
      ...body,
      code: 'BO_SAI',
      items: [{ ...items[0], indicatorId: foreign.json().id }],
    });
    expect(cross.json().errors[0]).toMatchObject({ field: 'items.0.indicatorId', code: 'NOT_IN_CATALOG' });

    const id = made.json().id;
    const replaced = await w.agents.province.put(`/api/scorecards/sets/${id}`, {
      nameVi: 'Bộ DTI cấp xã năm 2026',
      items: [
        { ...items[1], maxPoints: 60 },
        { ...items[0], indicatorId: online, maxPoints: 40 },
      ],
      version: 1,
    });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json()).toMatchObject({ nameVi: 'Bộ DTI cấp xã năm 2026', maxTotal: 100, version: 2 });
    expect(replaced.json().items.map((i: { indicatorId: number }) => i.indicatorId)).toEqual([rooms, online]);
    expect((await w.agents.province.put(`/api/scorecards/sets/${id}`, { active: false, version: 1 })).statusCode).toBe(
      409,
    );
    expect(
      (await w.agents.province.put(`/api/scorecards/sets/${id}`, { active: false, version: 2 })).json(),
    ).toMatchObject({ active: false });
    expect((await catalog('leaderA', w.communeA.id)).sets.map((s) => s.id)).not.toContain(id);
    expect((await catalog('province', w.communeA.id)).sets.find((s) => s.id === id)).toMatchObject({ active: false });
  });

  it('the shipped sample set: switched on or off only, by whoever manages every province', async () => {
    const { w } = env;
    const sample = (await catalog('admin', w.province.id)).sets.find((s) => s.code === 'CDS_XA_MAU')!;
    // Migration 0044's items added up by hand: 400 (government) + 300 (society) + 100 (economy) + 200 (infrastructure).
    expect(sample).toMatchObject({ own: false, maxTotal: 1000 });
    const rename = await w.agents.admin.put(`/api/scorecards/sets/${sample.id}`, {
      nameVi: 'Khác',
      version: sample.version,
    });
    expect(rename.json().errors[0]).toMatchObject({ field: 'nameVi', code: 'SHIPPED_FIXED' });
    expect(
      (await w.agents.province.put(`/api/scorecards/sets/${sample.id}`, { active: false, version: sample.version }))
        .statusCode,
    ).toBe(403);
    expect(
      (await w.agents.leaderA.put(`/api/scorecards/sets/${sample.id}`, { active: false, version: 1 })).statusCode,
    ).toBe(403);
  });
});

describe('settings', () => {
  it("the province's margin: default 10% at version 0, saved with the version read, read back by the catalog", async () => {
    const { w } = env;
    const first = await w.agents.province.get(`/api/scorecards/settings?province=${w.province.id}`);
    expect(first.json()).toMatchObject({ nearMargin: 0.1, version: 0, province: { id: w.province.id } });
    const saved = await w.agents.province.put('/api/scorecards/settings', {
      province: w.province.id,
      nearMargin: 0.15,
      version: 0,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ nearMargin: 0.15, version: 1 });
    expect(
      (
        await w.agents.province.put('/api/scorecards/settings', {
          province: w.province.id,
          nearMargin: 0.2,
          version: 0,
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await w.agents.province.put('/api/scorecards/settings', {
          province: w.province.id,
          nearMargin: 0.6,
          version: 1,
        })
      ).statusCode,
    ).toBe(400);
    expect((await catalog('headA1', w.groupA1.id)).nearMargin).toBe(0.15);
    // Another province keeps its own; a commune is not a province.
    expect(
      (await w.agents.admin.get(`/api/scorecards/settings?province=${w.otherProvince.id}`)).json().nearMargin,
    ).toBe(0.1);
    expect((await w.agents.province.get(`/api/scorecards/settings?province=${w.otherProvince.id}`)).statusCode).toBe(
      404,
    );
    expect((await w.agents.admin.get(`/api/scorecards/settings?province=${w.communeA.id}`)).statusCode).toBe(404);
    expect((await w.agents.leaderA.get(`/api/scorecards/settings?province=${w.province.id}`)).statusCode).toBe(403);
  });
});

describe('publications', () => {
  it("a commune leader chooses the commune's public indicators, in order; only active commune-level ones", async () => {
    const { w } = env;
    const [vneid, online, phone] = [
      await idOf('VNEID_L2'),
      await idOf('DOSSIER_ONLINE'),
      await idOf('PHONE_ON_RECORD'),
    ];
    const put = (agent: 'leaderA' | 'leaderB' | 'province', body: object) =>
      w.agents[agent].put('/api/scorecards/publications', body);
    const chosen = await put('leaderA', { unitId: w.communeA.id, indicatorIds: [online, vneid] });
    expect(chosen.statusCode, chosen.body).toBe(200);
    expect(chosen.json()).toEqual({ unitId: w.communeA.id, indicatorIds: [online, vneid] });
    const read = await w.agents.headA1.get(`/api/scorecards/publications?unit=${w.communeA.id}`);
    expect(read.json().indicatorIds).toEqual([online, vneid]);
    expect((await put('leaderB', { unitId: w.communeA.id, indicatorIds: [] })).statusCode).toBe(404);
    expect((await put('province', { unitId: w.communeA.id, indicatorIds: [] })).statusCode).toBe(403);
    expect((await put('leaderA', { unitId: w.groupA1.id, indicatorIds: [vneid] })).json().errors[0]).toMatchObject({
      field: 'unitId',
      code: 'NOT_A_COMMUNE',
    });
    const bad = await put('leaderA', { unitId: w.communeA.id, indicatorIds: [vneid, vneid, 999_999] });
    expect(bad.json().errors.map((e: { field: string; code: string }) => `${e.field} ${e.code}`)).toEqual([
      'indicatorIds.1 DUPLICATE',
      'indicatorIds.2 NOT_PUBLISHABLE',
    ]);
    // Switched off by the administrator: no longer publishable.
    const row = (await catalog('admin', w.province.id)).indicators.find((i) => i.id === phone)!;
    await w.agents.admin.patch(`/api/scorecards/indicators/${phone}`, { active: false, version: row.version });
    expect((await put('leaderA', { unitId: w.communeA.id, indicatorIds: [phone] })).json().errors[0].code).toBe(
      'NOT_PUBLISHABLE',
    );
    await w.agents.admin.patch(`/api/scorecards/indicators/${phone}`, { active: true, version: row.version + 1 });
    expect((await put('leaderA', { unitId: w.communeA.id, indicatorIds: [] })).json().indicatorIds).toEqual([]);
    const audit = await env.t.database.raw<{ details: { indicators: string[] } }>(
      "select details from audit_log where action = 'scorecard.publications' order by id",
    );
    expect(audit.map((a) => a.details.indicators)).toEqual([['DOSSIER_ONLINE', 'VNEID_L2'], []]);
  });
});
