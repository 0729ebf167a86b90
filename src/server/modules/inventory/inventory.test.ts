import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useWorld } from '../../../../test/world.js';
import { queryRows } from '../../db/client.js';

// The ICT inventory: items kept by a commune and its groups, totals per kind, and the figures it suggests for the
// entered indicators. Commune B's inventory sits in the same province as a control that must never be counted.
const env = useWorld();

describe('the inventory', () => {
  it('is kept by the commune (added, changed with its version, removed; audited) and read down the tree', async () => {
    const { t, w } = env;
    const { leaderA, onestopA, headA1, province } = w.agents;
    const made = await leaderA.post('/api/inventory', {
      unitId: w.communeA.id,
      kind: 'COMPUTER',
      label: 'Máy bàn bộ phận một cửa',
      count: 4,
      year: 2021,
    });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ kind: 'COMPUTER', count: 4, year: 2021, state: 'WORKING', version: 1 });
    expect(made.json().unit).toMatchObject({ id: w.communeA.id, tier: 'COMMUNE' });

    const camera = await onestopA.post('/api/inventory', {
      unitId: w.groupA1.id,
      kind: 'CAMERA',
      count: 6,
      year: 2024,
    });
    expect(camera.statusCode).toBe(201);
    const broken = await onestopA.post('/api/inventory', {
      unitId: w.groupA1.id,
      kind: 'CAMERA',
      count: 2,
      state: 'BROKEN',
    });
    expect(broken.statusCode).toBe(201);

    const changed = await leaderA.patch(`/api/inventory/${made.json().id}`, {
      kind: 'COMPUTER',
      count: 5,
      year: 2021,
      version: 1,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ count: 5, version: 2, label: 'Máy bàn bộ phận một cửa' });
    const stale = await onestopA.patch(`/api/inventory/${made.json().id}`, { kind: 'COMPUTER', count: 6, version: 1 });
    expect(stale.statusCode).toBe(409);

    const mine = await leaderA.get(`/api/inventory?unit=${w.communeA.id}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().totals.CAMERA).toEqual({ count: 8, working: 6 });
    expect(mine.json().totals.COMPUTER).toEqual({ count: 5, working: 5 });
    expect(mine.json().totals.VIDEO_ROOM).toEqual({ count: 0, working: 0 });
    // The group head reads their group's cameras, not the commune's computers; cannot change anything.
    const group = await headA1.get(`/api/inventory?unit=${w.groupA1.id}`);
    expect(group.json().items.map((i: { kind: string }) => i.kind)).toEqual(['CAMERA', 'CAMERA']);
    expect((await headA1.get(`/api/inventory?unit=${w.communeA.id}`)).statusCode).toBe(404);
    expect((await headA1.post('/api/inventory', { unitId: w.groupA1.id, kind: 'CAMERA', count: 1 })).statusCode).toBe(
      403,
    );
    expect(
      (await province.post('/api/inventory', { unitId: w.communeA.id, kind: 'CAMERA', count: 1 })).statusCode,
    ).toBe(403);
    expect((await province.get(`/api/inventory?unit=${w.communeA.id}`)).json().items).toHaveLength(3);
    // Commune B's leader reaches none of it.
    expect((await w.agents.leaderB.get(`/api/inventory?unit=${w.communeA.id}`)).statusCode).toBe(404);
    expect(
      (await w.agents.leaderB.request({ method: 'DELETE', url: `/api/inventory/${made.json().id}` })).statusCode,
    ).toBe(404);

    const gone = await leaderA.request({ method: 'DELETE', url: `/api/inventory/${broken.json().id}` });
    expect(gone.statusCode).toBe(204);
    const audits = await queryRows<{ action: string }>(
      t.database.db,
      sql`select action from audit_log where entity_type = 'inventory_item' order by id`,
    );
    expect(audits.map((a) => a.action)).toEqual([
      'inventory.create',
      'inventory.create',
      'inventory.create',
      'inventory.update',
      'inventory.delete',
    ]);
  });

  it('is refused for an alley, a negative count or a year out of range', async () => {
    const { w } = env;
    const alley = await w.agents.leaderA.post('/api/inventory', { unitId: w.alleyA1.id, kind: 'CAMERA', count: 1 });
    expect(alley.statusCode).toBe(400);
    expect(alley.json().errors[0]).toMatchObject({ field: 'unitId', code: 'LEVEL' });
    for (const bad of [{ count: -1 }, { count: 1, year: 1970 }, { count: 1.5 }, { count: 1, state: 'LOST' }])
      expect(
        (await w.agents.leaderA.post('/api/inventory', { unitId: w.groupA1.id, kind: 'CAMERA', ...bad })).statusCode,
      ).toBe(400);
  });
});

describe('suggestions for the entered indicators', () => {
  it('counts working items of the unit and the units under it, as of the period’s year', async () => {
    const { w } = env;
    const commune = await w.f.commune({ name: 'Xã Đếm Máy' });
    const group = await w.f.group(commune);
    const other = await w.f.commune({ name: 'Xã Bên Cạnh' });
    const item = (unit: { id: number }, opts: Parameters<typeof w.f.inventoryItem>[1]) => w.f.inventoryItem(unit, opts);
    await item(commune, { kind: 'COMPUTER', count: 6, year: 2020 });
    await item(commune, { kind: 'COMPUTER', count: 4, year: 2024 });
    await item(commune, { kind: 'COMPUTER', count: 2, year: null }); // counted, but no age to add
    await item(commune, { kind: 'COMPUTER', count: 3, year: 2018, state: 'BROKEN' });
    await item(commune, { kind: 'COMPUTER', count: 5, year: 2027 }); // bought after the period
    await item(commune, { kind: 'VIDEO_ROOM', count: 1, year: 2023 });
    await item(commune, { kind: 'DIGITAL_SIGNATURE', count: 9 });
    await item(group, { kind: 'CAMERA', count: 7, year: 2025 });
    await item(group, { kind: 'CAMERA', count: 1, year: 2025, state: 'RETIRED' });
    await item(other, { kind: 'CAMERA', count: 50 });

    const res = await w.agents.admin.get(`/api/inventory/suggestions?unit=${commune.id}&period=2026`);
    expect(res.statusCode, res.body).toBe(200);
    const byCode = Object.fromEntries(
      res.json().items.map((i: { indicatorCode: string }) => [i.indicatorCode, i]),
    ) as Record<string, { indicatorId: number; numerator: number; denominator: number | null; basis: string }>;
    expect(Object.keys(byCode).sort()).toEqual([
      'CAMERAS',
      'COMPUTERS',
      'COMPUTER_AGE',
      'STAFF_DIGITAL_SIGNATURE',
      'VIDEO_ROOMS',
    ]);
    expect(byCode.COMPUTERS).toMatchObject({ numerator: 12, denominator: null, basis: '12 máy đang dùng được' });
    expect(byCode.COMPUTERS!.indicatorId).toBe(await w.f.indicatorId('COMPUTERS'));
    // (2026 − 2020) × 6 + (2026 − 2024) × 4 = 44 years over 10 machines with a year.
    expect(byCode.COMPUTER_AGE).toMatchObject({ numerator: 44, denominator: 10 });
    expect(byCode.COMPUTER_AGE!.basis).toBe('10 máy có năm mua, tổng 44 năm sử dụng (bình quân 4,4 năm)');
    expect(byCode.VIDEO_ROOMS).toMatchObject({ numerator: 1, denominator: null });
    expect(byCode.CAMERAS).toMatchObject({ numerator: 7, basis: '7 camera đang hoạt động' });
    expect(byCode.STAFF_DIGITAL_SIGNATURE).toMatchObject({ numerator: 9, denominator: null });

    // An earlier year leaves out what was bought after it; a group gets only what it measures (cameras).
    const earlier = await w.agents.admin.get(`/api/inventory/suggestions?unit=${commune.id}&period=2022-Q4`);
    const earlierComputers = earlier
      .json()
      .items.find((i: { indicatorCode: string }) => i.indicatorCode === 'COMPUTERS');
    expect(earlierComputers.numerator).toBe(8);
    expect(earlier.json().items.some((i: { indicatorCode: string }) => i.indicatorCode === 'CAMERAS')).toBe(false);
    const ofGroup = await w.agents.admin.get(`/api/inventory/suggestions?unit=${group.id}&period=2026`);
    expect(ofGroup.json().items.map((i: { indicatorCode: string }) => i.indicatorCode)).toEqual(['CAMERAS']);

    expect((await w.agents.admin.get(`/api/inventory/suggestions?unit=${commune.id}&period=2026-13`)).statusCode).toBe(
      400,
    );
  });
});
