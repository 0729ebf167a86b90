import { describe, expect, it } from 'vitest';
import { useWorld } from '../../../../test/world.js';

const env = useWorld();

describe('GET /api/units', () => {
  it('ships the 34 provinces with their 2025 codes under the nation', async () => {
    const res = await env.w.agents.admin.get(`/api/units?parent=${env.w.nation.id}`);
    const items = res.json().items as { code: string; kind: string; name: string }[];
    expect(items).toHaveLength(34);
    expect(items.find((u) => u.code === '31')).toMatchObject({ name: 'Thành phố Hải Phòng', kind: 'CITY' });
    expect(items.find((u) => u.code === '96')).toMatchObject({ name: 'Tỉnh Cà Mau', kind: 'PROVINCE' });
  });

  it('without a parent: the units your roles sit on, with how many units are below them', async () => {
    expect(
      (await env.w.agents.headA1.get('/api/units'))
        .json()
        .items.map((u: { id: number; childCount: number }) => [u.id, u.childCount]),
    ).toEqual([[env.w.groupA1.id, 1]]);
    expect((await env.w.agents.leaderA.get('/api/units')).json().items[0].childCount).toBe(2);
    expect((await env.w.agents.leaderA.get(`/api/units/${env.w.communeA.id}`)).json().childCount).toBe(2);
  });

  it('lists children within scope and 404s outside it', async () => {
    expect(
      (await env.w.agents.leaderA.get(`/api/units?parent=${env.w.communeA.id}`))
        .json()
        .items.map((u: { code: string }) => u.code),
    ).toEqual(['T01', 'T02']);
    expect((await env.w.agents.leaderB.get(`/api/units?parent=${env.w.communeA.id}`)).statusCode).toBe(404);
  });

  it('GET /api/units/:id gives the ancestors for a breadcrumb', async () => {
    const body = (await env.w.agents.leaderA.get(`/api/units/${env.w.alleyA1.id}`)).json();
    expect(body.ancestors.map((a: { code: string }) => a.code)).toEqual([
      'VN',
      '31',
      env.w.communeA.code,
      'T01',
      'NGO3',
    ]);
  });
});

describe('POST/PATCH /api/units, close', () => {
  it('creates a residential group and an alley under it; refuses a wrong tier or code format', async () => {
    const group = await env.w.agents.leaderA.post('/api/units', {
      parentId: env.w.communeA.id,
      code: 'T03',
      name: 'Thôn Nam',
      kind: 'THON',
    });
    expect(group.statusCode).toBe(201);
    const alley = await env.w.agents.leaderA.post('/api/units', {
      parentId: group.json().id,
      code: 'NGO1',
      name: 'Ngõ 1',
      kind: 'ZONE',
    });
    expect(alley.statusCode).toBe(201);
    expect(alley.json()).toMatchObject({ tier: 'ZONE', depth: 4 });
    const deeper = await env.w.agents.leaderA.post('/api/units', {
      parentId: alley.json().id,
      code: 'K1',
      name: 'Khu 1',
      kind: 'ZONE',
    });
    expect(deeper.statusCode).toBe(201); // any depth below groups
    expect(
      (
        await env.w.agents.leaderA.post('/api/units', {
          parentId: env.w.communeA.id,
          code: 'X',
          name: 'Tỉnh giả',
          kind: 'PROVINCE',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await env.w.agents.admin.post('/api/units', {
          parentId: env.w.province.id,
          code: '123',
          name: 'Xã sai mã',
          kind: 'COMMUNE',
        })
      ).statusCode,
    ).toBe(400);
  });

  it('409 when a code is reused, including codes of closed units', async () => {
    const unit = (
      await env.w.agents.leaderA.post('/api/units', {
        parentId: env.w.communeA.id,
        code: 'T09',
        name: 'Thôn Chín',
        kind: 'THON',
      })
    ).json();
    expect((await env.w.agents.leaderA.post(`/api/units/${unit.id}/close`, { reason: 'Sáp nhập' })).statusCode).toBe(
      200,
    );
    const again = await env.w.agents.leaderA.post('/api/units', {
      parentId: env.w.communeA.id,
      code: 'T09',
      name: 'Thôn Chín mới',
      kind: 'THON',
    });
    expect(again.statusCode).toBe(409);
    expect(
      (
        await env.w.agents.admin.post('/api/units', {
          parentId: env.w.province.id,
          code: env.w.communeA.code,
          name: 'Trùng mã',
          kind: 'COMMUNE',
        })
      ).statusCode,
    ).toBe(409);
  });

  it('renames and moves a group with its subtree; paths follow', async () => {
    const group = (
      await env.w.agents.admin.post('/api/units', {
        parentId: env.w.communeA.id,
        code: 'T05',
        name: 'Thôn Năm',
        kind: 'THON',
      })
    ).json();
    const alley = (
      await env.w.agents.admin.post('/api/units', { parentId: group.id, code: 'NGO1', name: 'Ngõ 1', kind: 'ZONE' })
    ).json();
    const moved = await env.w.agents.admin.patch(`/api/units/${group.id}`, {
      name: 'Thôn Năm Mới',
      parentId: env.w.communeB.id,
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ name: 'Thôn Năm Mới', parentId: env.w.communeB.id });
    const alleyNow = (await env.w.agents.leaderB.get(`/api/units/${alley.id}`)).json();
    expect(alleyNow.ancestors.map((a: { id: number }) => a.id)).toContain(env.w.communeB.id);
    expect((await env.w.agents.leaderA.get(`/api/units/${alley.id}`)).statusCode).toBe(404);
  });

  it('refuses to move a unit under itself, and a leader cannot edit or close their own commune', async () => {
    const res = await env.w.agents.admin.patch(`/api/units/${env.w.groupA1.id}`, { parentId: env.w.alleyA1.id });
    expect(res.statusCode).toBe(400);
    expect((await env.w.agents.leaderA.patch(`/api/units/${env.w.communeA.id}`, { name: 'Đổi tên' })).statusCode).toBe(
      403,
    );
    expect((await env.w.agents.leaderA.post(`/api/units/${env.w.communeA.id}/close`, { reason: 'x' })).statusCode).toBe(
      403,
    );
  });

  it('a closed unit takes no new households', async () => {
    const group = (
      await env.w.agents.leaderA.post('/api/units', {
        parentId: env.w.communeA.id,
        code: 'T07',
        name: 'Thôn Bảy',
        kind: 'THON',
      })
    ).json();
    await env.w.agents.leaderA.post(`/api/units/${group.id}/close`, { reason: 'Giải thể' });
    const res = await env.w.agents.leaderA.post('/api/households', { unitId: group.id, address: 'Số 1 thôn Bảy' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('UNIT_CLOSED');
    expect(
      (await env.w.agents.leaderA.get(`/api/units?parent=${env.w.communeA.id}`))
        .json()
        .items.map((u: { code: string }) => u.code),
    ).not.toContain('T07');
    expect(
      (await env.w.agents.leaderA.get(`/api/units?parent=${env.w.communeA.id}&includeClosed=true`))
        .json()
        .items.map((u: { code: string }) => u.code),
    ).toContain('T07');
  });
});
