import { describe, expect, it } from 'vitest';
import { useWorld } from '../../../../test/world.js';
import type { Agent } from '../../../../test/helpers.js';

const env = useWorld();

type Member = {
  residentId: number;
  fullName: string;
  relation: string;
  leftOn: string | null;
  leftReason: string;
  wentToHousehold: { id: number; address: string } | null;
};
type Detail = { id: number; version: number; headName: string | null; members: Member[]; dissolvedOn: string | null };

/** A fresh family in group A1: a head, a spouse and a child. */
async function family(name = 'Đinh') {
  const h = await env.w.f.household(env.w.groupA1, { address: `Số ${Math.floor(Math.random() * 1e6)} thôn Đông` });
  const head = await env.w.f.resident(h, { fullName: `${name} Văn Cả`, head: true });
  const spouse = await env.w.f.resident(h, { fullName: `${name} Thị Hai`, gender: 'FEMALE' });
  const child = await env.w.f.resident(h, { fullName: `${name} Văn Ba`, birthDate: '2010-02-02' });
  return { h, head, spouse, child };
}
const read = async (agent: Agent, id: number) => (await agent.get(`/api/households/${id}`)).json() as Detail;
const current = (d: Detail) => d.members.filter((m) => !m.leftOn).map((m) => m.fullName);
const history = async (agent: Agent, id: number) =>
  (await agent.get(`/api/households/${id}/history`)).json().items as {
    id: number;
    kind: string;
    by: string;
    undoBlocked: string | null;
    summary: Record<string, unknown>;
  }[];

describe('POST /api/households/:id/births', () => {
  it('200: the child joins with no ID number; the history names the birth and who recorded it', async () => {
    const { h } = await family('Lò');
    const before = await read(env.w.agents.headA1, h.id);
    const res = await env.w.agents.headA1.post(`/api/households/${h.id}/births`, {
      version: before.version,
      fullName: 'Lò Thị Bé',
      birthDate: '2026-11-20',
      gender: 'FEMALE',
    });
    expect(res.statusCode).toBe(200);
    const after = await read(env.w.agents.headA1, h.id);
    expect(current(after)).toContain('Lò Thị Bé');
    const child = after.members.find((m) => m.fullName === 'Lò Thị Bé')!;
    expect(child.relation).toBe('CHILD');
    const person = (await env.w.agents.headA1.get(`/api/residents/${child.residentId}`)).json();
    expect(person).toMatchObject({ birthDate: '2026-11-20', personalIdMasked: null });
    const [entry] = await history(env.w.agents.headA1, h.id);
    expect(entry).toMatchObject({
      kind: 'BIRTH',
      by: env.w.accounts.headA1.username,
      undoBlocked: null,
      summary: { person: 'Lò Thị Bé' },
    });
  });

  it('keeps a birth known only to the month; asks for the joining day then', async () => {
    const { h } = await family('Mè');
    const v = (await read(env.w.agents.headA1, h.id)).version;
    const body = { version: v, fullName: 'Mè Văn Út', birthDate: '2026-10', gender: 'MALE' };
    expect((await env.w.agents.headA1.post(`/api/households/${h.id}/births`, body)).statusCode).toBe(400);
    const ok = await env.w.agents.headA1.post(`/api/households/${h.id}/births`, { ...body, joinedOn: '2026-10-20' });
    expect(ok.statusCode).toBe(200);
    const child = (await read(env.w.agents.headA1, h.id)).members.find((m) => m.fullName === 'Mè Văn Út')!;
    expect((await env.w.agents.headA1.get(`/api/residents/${child.residentId}`)).json().birthDate).toBe('2026-10');
  });

  it('409 for a stale version, 404 for another group, 403 for a team member, 400 for a bad date', async () => {
    const { h } = await family('Sầm');
    const v = (await read(env.w.agents.headA1, h.id)).version;
    const body = { version: v, fullName: 'Sầm Văn Nhỏ', birthDate: '2026-11-01', gender: 'MALE' };
    expect(
      (await env.w.agents.headA1.post(`/api/households/${h.id}/births`, { ...body, version: v + 3 })).statusCode,
    ).toBe(409);
    expect((await env.w.agents.headA1.post(`/api/households/${env.w.households.hA2.id}/births`, body)).statusCode).toBe(
      404,
    );
    expect((await env.w.agents.teamA1.post(`/api/households/${h.id}/births`, body)).statusCode).toBe(403);
    expect(
      (await env.w.agents.headA1.post(`/api/households/${h.id}/births`, { ...body, birthDate: '2026-02-30' }))
        .statusCode,
    ).toBe(400);
  });
});

describe('POST /api/residents/:id/death', () => {
  it('the head dies: the head passes to the member picked; undo brings both back', async () => {
    const { h, head, spouse } = await family('Hà');
    const person = (await env.w.agents.headA1.get(`/api/residents/${head.id}`)).json();
    // A head with people staying behind needs a new head named.
    const missing = await env.w.agents.headA1.post(`/api/residents/${head.id}/death`, {
      version: person.version,
      diedOn: '2026-11-15',
    });
    expect(missing.statusCode).toBe(400);
    const died = await env.w.agents.headA1.post(`/api/residents/${head.id}/death`, {
      version: person.version,
      diedOn: '2026-11-15',
      newHeadResidentId: spouse.id,
    });
    expect(died.statusCode).toBe(200);
    expect(died.json().householdId).toBeNull();
    expect(died.json().memberships[0]).toMatchObject({ leftOn: '2026-11-15', leftReason: 'DIED' });
    const after = await read(env.w.agents.headA1, h.id);
    expect(after.headName).toBe('Hà Thị Hai');
    expect(current(after)).not.toContain('Hà Văn Cả');
    const [entry] = await history(env.w.agents.headA1, h.id);
    expect(entry).toMatchObject({ kind: 'DEATH', summary: { person: 'Hà Văn Cả', newHead: 'Hà Thị Hai' } });
    expect((await history(env.w.agents.headA1, h.id)).length).toBeGreaterThan(0);
    const personHistory = (await env.w.agents.headA1.get(`/api/residents/${head.id}/history`)).json().items;
    expect(personHistory[0].kind).toBe('DEATH');

    const undo = await env.w.agents.headA1.post(`/api/households/${h.id}/changes/${entry!.id}/undo`);
    expect(undo.statusCode).toBe(200);
    const restored = await read(env.w.agents.headA1, h.id);
    expect(restored.headName).toBe('Hà Văn Cả');
    expect(current(restored)).toEqual(['Hà Văn Cả', 'Hà Thị Hai', 'Hà Văn Ba']);
    expect(restored.members.find((m) => m.fullName === 'Hà Thị Hai')!.relation).toBe('OTHER');
    expect((await env.w.agents.headA1.get(`/api/residents/${head.id}`)).json().householdId).toBe(h.id);
    // Undone once: a second undo is refused.
    expect((await env.w.agents.headA1.post(`/api/households/${h.id}/changes/${entry!.id}/undo`)).statusCode).toBe(409);
  });

  it('404 outside scope, 409 stale, 403 for a team member', async () => {
    const { spouse } = await family('Tạ');
    const v = (await env.w.agents.headA1.get(`/api/residents/${spouse.id}`)).json().version;
    const body = { version: v, diedOn: '2026-11-15' };
    expect((await env.w.agents.leaderB.post(`/api/residents/${spouse.id}/death`, body)).statusCode).toBe(404);
    expect((await env.w.agents.teamA1.post(`/api/residents/${spouse.id}/death`, body)).statusCode).toBe(403);
    expect(
      (await env.w.agents.headA1.post(`/api/residents/${spouse.id}/death`, { ...body, version: v + 1 })).statusCode,
    ).toBe(409);
  });
});

describe('undo', () => {
  it('refuses an older change once a later one touched the records, then allows it after the later is undone', async () => {
    const { h, spouse, child } = await family('Vi');
    const v1 = (await read(env.w.agents.headA1, h.id)).version;
    expect(
      (await env.w.agents.headA1.post(`/api/households/${h.id}/head`, { version: v1, residentId: spouse.id }))
        .statusCode,
    ).toBe(200);
    const v2 = (await read(env.w.agents.headA1, h.id)).version;
    expect(
      (await env.w.agents.headA1.post(`/api/households/${h.id}/head`, { version: v2, residentId: child.id }))
        .statusCode,
    ).toBe(200);
    const [latest, earlier] = await history(env.w.agents.headA1, h.id);
    expect(earlier!.undoBlocked).toBe('LATER_CHANGE');
    expect(latest!.undoBlocked).toBeNull();
    const refused = await env.w.agents.headA1.post(`/api/households/${h.id}/changes/${earlier!.id}/undo`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/thay đổi sau đó/);
    // Someone in another commune cannot undo it at all.
    expect((await env.w.agents.leaderB.post(`/api/households/${h.id}/changes/${latest!.id}/undo`)).statusCode).toBe(
      404,
    );
    expect((await env.w.agents.headA1.post(`/api/households/${h.id}/changes/${latest!.id}/undo`)).statusCode).toBe(200);
    expect((await read(env.w.agents.headA1, h.id)).headName).toBe('Vi Thị Hai');
    expect((await env.w.agents.headA1.post(`/api/households/${h.id}/changes/${earlier!.id}/undo`)).statusCode).toBe(
      200,
    );
    const back = await read(env.w.agents.headA1, h.id);
    expect(back.headName).toBe('Vi Văn Cả');
    expect(back.members.find((m) => m.fullName === 'Vi Văn Cả')!.relation).toBe('HEAD');
  });

  it('undoes a birth: the child is removed, the household as it was', async () => {
    const { h } = await family('Khổng');
    const v = (await read(env.w.agents.headA1, h.id)).version;
    await env.w.agents.headA1.post(`/api/households/${h.id}/births`, {
      version: v,
      fullName: 'Khổng Minh Bé',
      birthDate: '2026-11-01',
      gender: 'MALE',
    });
    const [entry] = await history(env.w.agents.headA1, h.id);
    expect((await env.w.agents.headA1.post(`/api/households/${h.id}/changes/${entry!.id}/undo`)).statusCode).toBe(200);
    expect(current(await read(env.w.agents.headA1, h.id))).not.toContain('Khổng Minh Bé');
    expect((await env.w.agents.headA1.get('/api/residents?q=khong%20minh%20be')).json().items).toHaveLength(0);
  });
});

describe('moving in and out', () => {
  it('moves a person to another household and back by undo; leaves for outside with a place', async () => {
    const a = await family('Lục');
    const b = await family('Âu');
    const v = (await env.w.agents.headA1.get(`/api/residents/${a.child.id}`)).json().version;
    const moved = await env.w.agents.headA1.post(`/api/residents/${a.child.id}/move`, {
      householdId: b.h.id,
      movedOn: '2026-11-01',
      relation: 'OTHER',
      version: v,
    });
    expect(moved.statusCode).toBe(200);
    expect(current(await read(env.w.agents.headA1, b.h.id))).toContain('Lục Văn Ba');
    const [entry] = await history(env.w.agents.headA1, a.h.id);
    expect(entry).toMatchObject({ kind: 'MOVE' });
    expect((await env.w.agents.headA1.post(`/api/households/${a.h.id}/changes/${entry!.id}/undo`)).statusCode).toBe(
      200,
    );
    expect(current(await read(env.w.agents.headA1, a.h.id))).toContain('Lục Văn Ba');
    expect(current(await read(env.w.agents.headA1, b.h.id))).not.toContain('Lục Văn Ba');

    const v2 = (await env.w.agents.headA1.get(`/api/residents/${a.child.id}`)).json().version;
    const left = await env.w.agents.headA1.post(`/api/residents/${a.child.id}/leave`, {
      leftOn: '2026-11-10',
      reason: 'Chuyển đi nơi khác',
      wentTo: 'Phường Cầu Giấy, Hà Nội',
      version: v2,
    });
    expect(left.statusCode).toBe(200);
    expect(left.json().memberships[0]).toMatchObject({ wentTo: 'Phường Cầu Giấy, Hà Nội', leftOn: '2026-11-10' });
    expect(
      (
        await env.w.agents.headA1.post(`/api/residents/${a.child.id}/leave`, {
          leftOn: '2026-11-10',
          reason: 'x',
          version: v2,
        })
      ).statusCode,
    ).toBe(409);
  });

  it('a person moving in from outside: where from is kept; a tenant arrives and departs from a boarding house', async () => {
    const house = await env.w.f.household(env.w.groupA1, { address: 'Nhà trọ Bình An', kind: 'BOARDING_HOUSE' });
    const v = (await read(env.w.agents.headA1, house.id)).version;
    const tenant = await env.w.agents.headA1.post('/api/residents', {
      householdId: house.id,
      householdVersion: v,
      fullName: 'Đào Văn Thuê',
      birthDate: '2000-01-01',
      gender: 'MALE',
      relation: 'TENANT',
      residenceType: 'TEMPORARY',
      joinedOn: '2026-09-01',
      cameFrom: 'Nam Định',
    });
    expect(tenant.statusCode).toBe(201);
    expect(tenant.json().memberships[0]).toMatchObject({ cameFrom: 'Nam Định', joinedOn: '2026-09-01' });
    const stale = await env.w.agents.headA1.post('/api/residents', {
      householdId: house.id,
      householdVersion: v,
      fullName: 'Đào Văn Muộn',
      birthDate: '2000-01-01',
      gender: 'MALE',
      joinedOn: '2026-09-01',
    });
    expect(stale.statusCode).toBe(409);
    const left = await env.w.agents.headA1.post(`/api/residents/${tenant.json().id}/leave`, {
      leftOn: '2026-11-30',
      reason: 'Trả phòng',
      version: tenant.json().version,
    });
    expect(left.statusCode).toBe(200);
    const after = await read(env.w.agents.headA1, house.id);
    expect(after.members.find((m) => m.fullName === 'Đào Văn Thuê')).toMatchObject({ leftReason: 'Trả phòng' });
  });
});

describe('split, merge, relocate', () => {
  it('splits some members into a new household; undo takes them back and removes it', async () => {
    const { h, head, spouse, child } = await family('Quách');
    const v = (await read(env.w.agents.headA1, h.id)).version;
    const bad = await env.w.agents.headA1.post(`/api/households/${h.id}/split`, {
      version: v,
      residentIds: [child.id],
      headResidentId: spouse.id,
      address: 'Số 2 thôn Đông',
      on: '2026-11-01',
    });
    expect(bad.statusCode).toBe(400);
    const res = await env.w.agents.headA1.post(`/api/households/${h.id}/split`, {
      version: v,
      residentIds: [child.id, head.id],
      headResidentId: child.id,
      remainingHeadResidentId: spouse.id,
      address: 'Số 2 thôn Đông',
      on: '2026-11-01',
    });
    expect(res.statusCode).toBe(200);
    const created = await read(env.w.agents.headA1, res.json().householdId);
    expect(created.headName).toBe('Quách Văn Ba');
    expect(current(created).sort()).toEqual(['Quách Văn Ba', 'Quách Văn Cả']);
    const old = await read(env.w.agents.headA1, h.id);
    expect(old.headName).toBe('Quách Thị Hai');
    // The old household's "left" rows say where they went: the new household, to link to.
    const gone = old.members.filter((m) => m.leftOn);
    expect(gone.map((m) => m.wentToHousehold)).toEqual([
      { id: res.json().householdId, address: 'Số 2 thôn Đông' },
      { id: res.json().householdId, address: 'Số 2 thôn Đông' },
    ]);
    const [entry] = await history(env.w.agents.headA1, h.id);
    expect(entry!.kind).toBe('SPLIT');
    expect((await env.w.agents.headA1.post(`/api/households/${h.id}/changes/${entry!.id}/undo`)).statusCode).toBe(200);
    const back = await read(env.w.agents.headA1, h.id);
    expect(back.headName).toBe('Quách Văn Cả');
    expect(current(back)).toHaveLength(3);
    expect((await env.w.agents.headA1.get(`/api/households/${res.json().householdId}`)).statusCode).toBe(404);
  });

  it('merges one household into another: the emptied one is closed, not deleted; 404 for another group', async () => {
    const a = await family('Mạc');
    const b = await family('Ninh');
    const va = (await read(env.w.agents.headA1, a.h.id)).version;
    const vb = (await read(env.w.agents.headA1, b.h.id)).version;
    const outside = await env.w.agents.headA1.post(`/api/households/${a.h.id}/merge`, {
      version: va,
      intoHouseholdId: env.w.households.hB1.id,
      intoVersion: 1,
      on: '2026-11-01',
      relations: [],
    });
    expect(outside.statusCode).toBe(404);
    const merge = (relations: { residentId: number; relation: string }[]) =>
      env.w.agents.headA1.post(`/api/households/${a.h.id}/merge`, {
        version: va,
        intoHouseholdId: b.h.id,
        intoVersion: vb,
        on: '2026-11-01',
        relations,
      });
    // Each incoming person's relation to the new head is asked for, every one, and never "head".
    expect((await merge([{ residentId: a.head.id, relation: 'SIBLING' }])).json().errors[0].code).toBe('EVERY_MEMBER');
    expect((await merge([{ residentId: a.head.id, relation: 'HEAD' }])).statusCode).toBe(400);
    const res = await merge([
      { residentId: a.head.id, relation: 'SIBLING' },
      { residentId: a.spouse.id, relation: 'OTHER' },
      { residentId: a.child.id, relation: 'GRANDCHILD' },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const joined = (await read(env.w.agents.headA1, b.h.id)).members.filter((m) => m.fullName.startsWith('Mạc'));
    expect(Object.fromEntries(joined.map((m) => [m.fullName, m.relation]))).toEqual({
      'Mạc Văn Cả': 'SIBLING',
      'Mạc Thị Hai': 'OTHER',
      'Mạc Văn Ba': 'GRANDCHILD',
    });
    const closed = await read(env.w.agents.headA1, a.h.id);
    expect(closed.dissolvedOn).toBe('2026-11-01');
    expect(current(closed)).toEqual([]);
    expect(current(await read(env.w.agents.headA1, b.h.id))).toHaveLength(6);
    const [entry] = await history(env.w.agents.headA1, b.h.id);
    expect(entry!.kind).toBe('MERGE');
    expect((await env.w.agents.headA1.post(`/api/households/${b.h.id}/changes/${entry!.id}/undo`)).statusCode).toBe(
      200,
    );
    const reopened = await read(env.w.agents.headA1, a.h.id);
    expect(reopened.dissolvedOn).toBeNull();
    expect(reopened.headName).toBe('Mạc Văn Cả');
    expect(current(reopened)).toHaveLength(3);
  });

  it('moves a whole household to another group; its members follow; refused outside scope', async () => {
    const { h, child } = await family('Giáp');
    const v = (await read(env.w.agents.leaderA, h.id)).version;
    expect(
      (
        await env.w.agents.leaderA.post(`/api/households/${h.id}/relocate`, {
          version: v,
          unitId: env.w.groupB1.id,
        })
      ).statusCode,
    ).toBe(404);
    const res = await env.w.agents.leaderA.post(`/api/households/${h.id}/relocate`, {
      version: v,
      unitId: env.w.groupA2.id,
      address: 'Số 5 thôn Tây',
    });
    expect(res.statusCode).toBe(200);
    expect((await env.w.agents.leaderA.get(`/api/residents/${child.id}`)).json()).toMatchObject({
      unitId: env.w.groupA2.id,
      address: 'Số 5 thôn Tây',
    });
    // The group head of A1 no longer sees it.
    expect((await env.w.agents.headA1.get(`/api/households/${h.id}`)).statusCode).toBe(404);
  });
});
