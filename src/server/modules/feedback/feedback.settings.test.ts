import { describe, expect, it } from 'vitest';
import { useWorld } from '../../../../test/world.js';
import { fileTicket } from './feedback.test-kit.js';

// A commune's PAKN settings, categories and routing, answer templates: managed by its leader, read by its officers.
const env = useWorld();

describe('settings', () => {
  it('GET/PUT /api/feedback/settings/:communeId: defaults at version 0, saved with the version read, new deadlines apply', async () => {
    const { t, w } = env;
    const first = await w.agents.leaderA.get(`/api/feedback/settings/${w.communeA.id}`);
    expect(first.json()).toMatchObject({ version: 0, dueSoonHours: 8, approvalRequired: false });
    const saved = await w.agents.leaderA.put(`/api/feedback/settings/${w.communeA.id}`, {
      ...(first.json() as object),
      deadlines: { ...first.json().deadlines, NORMAL: { amount: 5, unit: 'WORKING_DAY' } },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, deadlines: { NORMAL: { amount: 5, unit: 'WORKING_DAY' } } });
    // Monday 07/12/2026 08:00 + 5 working days → Monday 14/12, 17:00.
    const made = await fileTicket(t, w.communeA.id, { receivedAt: new Date('2026-12-07T08:00:00+07:00') });
    expect(made.dueAt.toISOString()).toBe(new Date('2026-12-14T17:00:00+07:00').toISOString());
    expect((await w.agents.leaderA.put(`/api/feedback/settings/${w.communeA.id}`, first.json())).statusCode).toBe(409);
    expect((await w.agents.leaderA.get(`/api/feedback/settings/${w.communeB.id}`)).statusCode).toBe(404);
    expect((await w.agents.onestopA.get(`/api/feedback/settings/${w.communeA.id}`)).statusCode).toBe(403);
  });
});

describe('categories', () => {
  it('routing stays inside the commune: the unit is the commune or below it, the person processes tickets there', async () => {
    const { w } = env;
    const list = await w.agents.headA1.get(`/api/feedback/categories?communeId=${w.communeA.id}`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().map((c: { code: string }) => c.code)).toContain('MOI_TRUONG');
    const base = { communeId: w.communeA.id, code: 'CAY_XANH', nameVi: 'Cây xanh', nameEn: 'Trees' };
    const wrongUnit = await w.agents.leaderA.post('/api/feedback/categories', { ...base, routeUnitId: w.groupB1.id });
    expect(wrongUnit.statusCode).toBe(400);
    expect(wrongUnit.json().errors[0]).toMatchObject({ field: 'routeUnitId', code: 'NOT_IN_COMMUNE' });
    const wrongPerson = await w.agents.leaderA.post('/api/feedback/categories', {
      ...base,
      routeUnitId: w.groupA2.id,
      routeUserId: w.accounts.headA1.id, // heads group A1, not A2
    });
    expect(wrongPerson.json().errors[0]).toMatchObject({ field: 'routeUserId', code: 'NOT_AN_OFFICER' });
    const wrongRole = await w.agents.leaderA.post('/api/feedback/categories', { ...base, routeRole: 'DIGITAL_TEAM' });
    expect(wrongRole.json().errors[0]).toMatchObject({ field: 'routeRole' });
    const made = await w.agents.leaderA.post('/api/feedback/categories', {
      ...base,
      routeUnitId: w.groupA1.id,
      routeUserId: w.accounts.headA1.id,
      translations: { ja: { name: '樹木' } },
    });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ routeUnitName: 'Thôn Đông', routeUserId: w.accounts.headA1.id });
    expect((await w.agents.leaderA.post('/api/feedback/categories', base)).statusCode).toBe(409);

    // A ticket in it goes straight to the group head.
    const ticket = await w.agents.onestopA.post('/api/feedback/tickets', {
      communeId: w.communeA.id,
      channel: 'COUNTER',
      categoryId: made.json().id,
      title: 'Cây đổ chắn đường',
      body: 'Cây đổ sau bão ở đầu thôn Đông',
      publishable: false,
    });
    expect(ticket.json()).toMatchObject({ status: 'ASSIGNED', assigneeId: w.accounts.headA1.id, unitId: w.groupA1.id });

    const off = await w.agents.leaderA.patch(`/api/feedback/categories/${made.json().id}`, { active: false });
    expect(off.json()).toMatchObject({ active: false });
    const moved = await w.agents.leaderA.patch(`/api/feedback/categories/${made.json().id}`, {
      routeUnitId: w.groupA2.id,
    });
    expect(moved.statusCode).toBe(400); // its person does not work for group A2
    expect(
      (await w.agents.leaderB.patch(`/api/feedback/categories/${made.json().id}`, { active: true })).statusCode,
    ).toBe(404);
  });
});

describe('templates', () => {
  it('written by the leader, read by officers who answer, changed and deleted', async () => {
    const { w } = env;
    const made = await w.agents.leaderA.post('/api/feedback/templates', {
      communeId: w.communeA.id,
      title: 'Đã chuyển điện lực',
      body: 'Xã đã chuyển phản ánh của ông/bà tới Điện lực huyện.',
    });
    expect(made.statusCode, made.body).toBe(201);
    const read = await w.agents.headA1.get(`/api/feedback/templates?communeId=${w.communeA.id}`);
    expect(read.json().map((x: { id: number }) => x.id)).toContain(made.json().id);
    expect(
      (
        await w.agents.onestopA.post('/api/feedback/templates', {
          communeId: w.communeA.id,
          title: 'Mẫu',
          body: 'Cảm ơn ông/bà.',
        })
      ).statusCode,
    ).toBe(403);
    const changed = await w.agents.leaderA.patch(`/api/feedback/templates/${made.json().id}`, { title: 'Điện lực' });
    expect(changed.json()).toMatchObject({ title: 'Điện lực' });
    expect(
      (await w.agents.leaderB.patch(`/api/feedback/templates/${made.json().id}`, { title: 'Mẫu khác' })).statusCode,
    ).toBe(404);
    const gone = await w.agents.leaderA.request({ method: 'DELETE', url: `/api/feedback/templates/${made.json().id}` });
    expect(gone.statusCode).toBe(204);
    const after = await w.agents.leaderA.get(`/api/feedback/templates?communeId=${w.communeA.id}`);
    expect(after.json().map((x: { id: number }) => x.id)).not.toContain(made.json().id);
  });
});
