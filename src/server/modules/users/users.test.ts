import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type TestContext } from '../../../../test/helpers.js';
import { buildWorld, type World } from '../../../../test/world.js';

let t: TestContext;
let w: World;
beforeAll(async () => {
  t = await buildTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

describe('POST /api/users', () => {
  it('a commune leader appoints a group head in their commune; the new account works', async () => {
    const res = await w.agents.leaderA.post('/api/users', { username: 'truongthon2', fullName: 'Trưởng thôn Tây', password: 'mat-khau-dai-du', roles: [{ role: 'GROUP_HEAD', unitId: w.groupA2.id }] });
    expect(res.statusCode).toBe(201);
    expect(res.json().roles).toEqual([{ role: 'GROUP_HEAD', unitId: w.groupA2.id, unitCode: 'T02', unitName: 'Thôn Tây' }]);
    const agent = await login(t.app, 'truongthon2', 'mat-khau-dai-du');
    expect((await agent.get('/api/residents')).json().items.map((r: { fullName: string }) => r.fullName)).toEqual(['Lê Đức Cường']);
  });

  it('403 when granting a role outside their units or ranked at or above their own', async () => {
    expect((await w.agents.leaderA.post('/api/users', { username: 'xmot', fullName: 'X Một', password: 'mat-khau-dai-du', roles: [{ role: 'GROUP_HEAD', unitId: w.groupB1.id }] })).statusCode).toBe(403);
    expect((await w.agents.leaderA.post('/api/users', { username: 'xhai', fullName: 'X Hai', password: 'mat-khau-dai-du', roles: [{ role: 'COMMUNE_LEADER', unitId: w.communeA.id }] })).statusCode).toBe(403);
    expect((await w.agents.headA1.post('/api/users', { username: 'xba', fullName: 'X Ba', password: 'mat-khau-dai-du', roles: [{ role: 'DIGITAL_TEAM', unitId: w.groupA1.id }] })).statusCode).toBe(403);
  });

  it('409 for a username taken in another case', async () => {
    const res = await w.agents.admin.post('/api/users', { username: w.accounts.leaderA.username.toUpperCase(), fullName: 'Trùng tên', password: 'mat-khau-dai-du', roles: [{ role: 'DIGITAL_TEAM', unitId: w.groupA1.id }] });
    expect(res.statusCode).toBe(409);
  });
});

describe('PATCH /api/users/:id and password reset', () => {
  it('disabling ends the sessions at once and blocks login; re-enabling restores it', async () => {
    const created = (await w.agents.leaderA.post('/api/users', { username: 'tamthoi', fullName: 'Tạm Thời', password: 'mat-khau-dai-du', roles: [{ role: 'DIGITAL_TEAM', unitId: w.groupA1.id }] })).json();
    const agent = await login(t.app, 'tamthoi', 'mat-khau-dai-du');
    expect((await w.agents.leaderA.patch(`/api/users/${created.id}`, { disabled: true })).json().disabled).toBe(true);
    expect((await agent.get('/api/auth/me')).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'tamthoi', password: 'mat-khau-dai-du' } })).statusCode).toBe(401);
    await w.agents.leaderA.patch(`/api/users/${created.id}`, { disabled: false });
    await login(t.app, 'tamthoi', 'mat-khau-dai-du');
  });

  it('re-scopes an account (its scope changes on the next request)', async () => {
    const created = (await w.agents.leaderA.post('/api/users', { username: 'doivung', fullName: 'Đổi Vùng', password: 'mat-khau-dai-du', roles: [{ role: 'DIGITAL_TEAM', unitId: w.groupA1.id }] })).json();
    const res = await w.agents.leaderA.patch(`/api/users/${created.id}`, { roles: [{ role: 'DIGITAL_TEAM', unitId: w.groupA2.id }] });
    expect(res.json().roles[0].unitId).toBe(w.groupA2.id);
    const agent = await login(t.app, 'doivung', 'mat-khau-dai-du');
    expect((await agent.get('/api/residents')).json().items.map((r: { fullName: string }) => r.fullName)).toEqual(['Lê Đức Cường']);
  });

  it('resets a password; leaders cannot manage accounts above them or in other communes, nor themselves', async () => {
    expect((await w.agents.leaderA.post(`/api/users/${w.accounts.headA1.id}/password`, { newPassword: 'mat-khau-moi-123' })).statusCode).toBe(200);
    await login(t.app, w.accounts.headA1.username, 'mat-khau-moi-123');
    expect((await w.agents.leaderA.patch(`/api/users/${w.accounts.province.id}`, { disabled: true })).statusCode).toBe(404);
    expect((await w.agents.onestopA.patch(`/api/users/${w.accounts.headA1.id}`, { disabled: true })).statusCode).toBe(403);
    expect((await w.agents.leaderA.patch(`/api/users/${w.accounts.leaderB.id}`, { disabled: true })).statusCode).toBe(404);
    expect((await w.agents.leaderA.patch(`/api/users/${w.accounts.leaderA.id}`, { disabled: true })).statusCode).toBe(403);
  });

  it('GET /api/users lists accounts with a role in scope only', async () => {
    const usernames = (await w.agents.leaderB.get('/api/users')).json().items.map((u: { username: string }) => u.username);
    expect(usernames).toContain(w.accounts.leaderB.username);
    expect(usernames).not.toContain(w.accounts.leaderA.username);
  });
});
