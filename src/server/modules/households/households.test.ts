import { describe, expect, it } from 'vitest';
import { useWorld } from '../../../../test/world.js';

const env = useWorld();

describe('GET /api/households', () => {
  it("finds households by address or by the head's name, without accents", async () => {
    const byHead = (await env.w.agents.leaderA.get('/api/households?q=nguyen%20van%20an')).json();
    expect(byHead.items.map((h: { address: string }) => h.address)).toEqual(['Số 7, ngõ 3, thôn Đông']);
    expect(byHead.items[0]).toMatchObject({ headName: 'Nguyễn Văn An', memberCount: 2, kind: 'FAMILY' });
    const byAddress = (
      await env.w.agents.leaderA.get(`/api/households?q=${encodeURIComponent('nha tro hanh phuc')}`)
    ).json();
    expect(byAddress.items.map((h: { kind: string }) => h.kind)).toEqual(['BOARDING_HOUSE']);
  });

  it('filters boarding houses and stays within scope', async () => {
    expect((await env.w.agents.leaderA.get('/api/households?kind=BOARDING_HOUSE')).json().items).toHaveLength(1);
    expect((await env.w.agents.leaderB.get('/api/households')).json().items.map((h: { id: number }) => h.id)).toEqual([
      env.w.households.hB1.id,
    ]);
  });
});

describe('GET /api/households/:id', () => {
  it('lists members over time, and the boarding house its temporary residents; audited', async () => {
    const tenant = await env.w.agents.leaderA.post('/api/residents', {
      householdId: env.w.households.hA2.id,
      fullName: 'Đỗ Minh Khoa',
      birthDate: '2003-02-02',
      gender: 'MALE',
      relation: 'TENANT',
      residenceType: 'TEMPORARY',
      joinedOn: '2025-09-01',
    });
    expect(tenant.statusCode).toBe(201);
    const body = (await env.w.agents.leaderA.get(`/api/households/${env.w.households.hA2.id}`)).json();
    expect(body.members.map((m: { fullName: string; residenceType: string }) => [m.fullName, m.residenceType])).toEqual(
      expect.arrayContaining([['Đỗ Minh Khoa', 'TEMPORARY']]),
    );
    const n = await env.t.database.raw<{ n: number }>(
      `select count(*)::int as n from audit_log where action = 'household.read' and entity_id = $1`,
      [String(env.w.households.hA2.id)],
    );
    expect(n[0]!.n).toBeGreaterThan(0);
  });

  it('404 outside scope', async () => {
    expect((await env.w.agents.headA1.get(`/api/households/${env.w.households.hA2.id}`)).statusCode).toBe(404);
  });
});

describe('POST/PATCH /api/households', () => {
  it('creates a household in a group, sets the head among members, refuses a non-member head', async () => {
    const created = await env.w.agents.headA1.post('/api/households', {
      unitId: env.w.groupA1.id,
      address: 'Số 9, thôn Đông',
      kind: 'FAMILY',
      code: '9',
    });
    expect(created.statusCode).toBe(201);
    const h = created.json();
    const person = (
      await env.w.agents.headA1.post('/api/residents', {
        householdId: h.id,
        fullName: 'Vũ Văn Hùng',
        birthDate: '1970-01-01',
        gender: 'MALE',
        joinedOn: '2000-01-01',
      })
    ).json();
    const headed = await env.w.agents.headA1.patch(`/api/households/${h.id}`, {
      version: h.version + 1, // adding a member is a change to the household
      headResidentId: person.id,
    });
    expect(headed.statusCode).toBe(200);
    expect(headed.json().headName).toBe('Vũ Văn Hùng');
    expect((await env.w.agents.headA1.get('/api/households?q=vu%20van%20hung')).json().items).toHaveLength(1);
    const bad = await env.w.agents.headA1.patch(`/api/households/${h.id}`, {
      version: headed.json().version,
      headResidentId: env.w.residents.an.id,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('409 for a duplicate household number in the unit and for a stale version', async () => {
    expect(
      (
        await env.w.agents.leaderA.post('/api/households', {
          unitId: env.w.alleyA1.id,
          address: 'Số 7 khác',
          code: '7',
        })
      ).statusCode,
    ).toBe(409);
    const h = (await env.w.agents.leaderA.get(`/api/households/${env.w.households.hB1.id}`)).statusCode;
    expect(h).toBe(404);
    const current = (await env.w.agents.leaderA.get(`/api/households/${env.w.households.hA1.id}`)).json();
    expect(
      (
        await env.w.agents.leaderA.patch(`/api/households/${env.w.households.hA1.id}`, {
          version: current.version + 5,
          address: 'Số 7A',
        })
      ).statusCode,
    ).toBe(409);
  });

  it('400 when the unit is a commune (households belong to groups); 409 when dissolving with members', async () => {
    expect(
      (await env.w.agents.leaderA.post('/api/households', { unitId: env.w.communeA.id, address: 'Số 1 xã' }))
        .statusCode,
    ).toBe(400);
    const current = (await env.w.agents.leaderA.get(`/api/households/${env.w.households.hA1.id}`)).json();
    expect(
      (
        await env.w.agents.leaderA.patch(`/api/households/${env.w.households.hA1.id}`, {
          version: current.version,
          dissolvedOn: '2026-11-01',
        })
      ).statusCode,
    ).toBe(409);
  });

  it('moving a household to another group moves its members with it', async () => {
    const h = (
      await env.w.agents.leaderA.post('/api/households', { unitId: env.w.groupA1.id, address: 'Số 30 thôn Đông' })
    ).json();
    const p = (
      await env.w.agents.leaderA.post('/api/residents', {
        householdId: h.id,
        fullName: 'Mai Văn Tú',
        birthDate: '1960-01-01',
        gender: 'MALE',
        joinedOn: '2000-01-01',
      })
    ).json();
    const moved = await env.w.agents.leaderA.patch(`/api/households/${h.id}`, {
      version: h.version + 1, // adding a member is a change to the household
      unitId: env.w.groupA2.id,
    });
    expect(moved.json().unitId).toBe(env.w.groupA2.id);
    expect((await env.w.agents.leaderA.get(`/api/residents/${p.id}`)).json().unitId).toBe(env.w.groupA2.id);
  });
});
