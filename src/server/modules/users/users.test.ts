import { describe, expect, it } from 'vitest';
import { login } from '../../../../test/helpers.js';
import { useWorld } from '../../../../test/world.js';

const env = useWorld();

describe('POST /api/users', () => {
  it('a commune leader appoints a group head in their commune; the new account works', async () => {
    const res = await env.w.agents.leaderA.post('/api/users', {
      username: 'truongthon2',
      fullName: 'Trưởng thôn Tây',
      password: 'mat-khau-dai-du',
      roles: [{ role: 'GROUP_HEAD', unitId: env.w.groupA2.id }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().roles).toEqual([
      { role: 'GROUP_HEAD', unitId: env.w.groupA2.id, unitCode: 'T02', unitName: 'Thôn Tây' },
    ]);
    const agent = await login(env.t.app, 'truongthon2', 'mat-khau-dai-du');
    expect((await agent.get('/api/residents')).json().items.map((r: { fullName: string }) => r.fullName)).toEqual([
      'Lê Đức Cường',
    ]);
  });

  it('403 when granting a role outside their units or ranked at or above their own', async () => {
    expect(
      (
        await env.w.agents.leaderA.post('/api/users', {
          username: 'xmot',
          fullName: 'X Một',
          password: 'mat-khau-dai-du',
          roles: [{ role: 'GROUP_HEAD', unitId: env.w.groupB1.id }],
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await env.w.agents.leaderA.post('/api/users', {
          username: 'xhai',
          fullName: 'X Hai',
          password: 'mat-khau-dai-du',
          roles: [{ role: 'COMMUNE_LEADER', unitId: env.w.communeA.id }],
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await env.w.agents.headA1.post('/api/users', {
          username: 'xba',
          fullName: 'X Ba',
          password: 'mat-khau-dai-du',
          roles: [{ role: 'DIGITAL_TEAM', unitId: env.w.groupA1.id }],
        })
      ).statusCode,
    ).toBe(403);
  });

  it('409 for a username taken in another case', async () => {
    const res = await env.w.agents.admin.post('/api/users', {
      username: env.w.accounts.leaderA.username.toUpperCase(),
      fullName: 'Trùng tên',
      password: 'mat-khau-dai-du',
      roles: [{ role: 'DIGITAL_TEAM', unitId: env.w.groupA1.id }],
    });
    expect(res.statusCode).toBe(409);
  });
});

describe('PATCH /api/users/:id and password reset', () => {
  it('disabling ends the sessions at once and blocks login; re-enabling restores it', async () => {
    const created = (
      await env.w.agents.leaderA.post('/api/users', {
        username: 'tamthoi',
        fullName: 'Tạm Thời',
        password: 'mat-khau-dai-du',
        roles: [{ role: 'DIGITAL_TEAM', unitId: env.w.groupA1.id }],
      })
    ).json();
    const agent = await login(env.t.app, 'tamthoi', 'mat-khau-dai-du');
    expect((await env.w.agents.leaderA.patch(`/api/users/${created.id}`, { disabled: true })).json().disabled).toBe(
      true,
    );
    expect((await agent.get('/api/auth/me')).statusCode).toBe(401);
    expect(
      (
        await env.t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'tamthoi', password: 'mat-khau-dai-du' },
        })
      ).statusCode,
    ).toBe(401);
    await env.w.agents.leaderA.patch(`/api/users/${created.id}`, { disabled: false });
    await login(env.t.app, 'tamthoi', 'mat-khau-dai-du');
  });

  it('re-scopes an account (its scope changes on the next request)', async () => {
    const created = (
      await env.w.agents.leaderA.post('/api/users', {
        username: 'doivung',
        fullName: 'Đổi Vùng',
        password: 'mat-khau-dai-du',
        roles: [{ role: 'DIGITAL_TEAM', unitId: env.w.groupA1.id }],
      })
    ).json();
    const res = await env.w.agents.leaderA.patch(`/api/users/${created.id}`, {
      roles: [{ role: 'DIGITAL_TEAM', unitId: env.w.groupA2.id }],
    });
    expect(res.json().roles[0].unitId).toBe(env.w.groupA2.id);
    const agent = await login(env.t.app, 'doivung', 'mat-khau-dai-du');
    expect((await agent.get('/api/residents')).json().items.map((r: { fullName: string }) => r.fullName)).toEqual([
      'Lê Đức Cường',
    ]);
  });

  it('resets a password; leaders cannot manage accounts above them or in other communes, nor themselves', async () => {
    expect(
      (
        await env.w.agents.leaderA.post(`/api/users/${env.w.accounts.headA1.id}/password`, {
          newPassword: 'mat-khau-moi-123',
        })
      ).statusCode,
    ).toBe(200);
    await login(env.t.app, env.w.accounts.headA1.username, 'mat-khau-moi-123');
    expect(
      (await env.w.agents.leaderA.patch(`/api/users/${env.w.accounts.province.id}`, { disabled: true })).statusCode,
    ).toBe(404);
    expect(
      (await env.w.agents.onestopA.patch(`/api/users/${env.w.accounts.headA1.id}`, { disabled: true })).statusCode,
    ).toBe(403);
    expect(
      (await env.w.agents.leaderA.patch(`/api/users/${env.w.accounts.leaderB.id}`, { disabled: true })).statusCode,
    ).toBe(404);
    expect(
      (await env.w.agents.leaderA.patch(`/api/users/${env.w.accounts.leaderA.id}`, { disabled: true })).statusCode,
    ).toBe(403);
  });

  it('GET /api/users lists accounts with a role in scope only', async () => {
    const usernames = (await env.w.agents.leaderB.get('/api/users'))
      .json()
      .items.map((u: { username: string }) => u.username);
    expect(usernames).toContain(env.w.accounts.leaderB.username);
    expect(usernames).not.toContain(env.w.accounts.leaderA.username);
  });
});
