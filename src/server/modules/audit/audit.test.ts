import { describe, expect, it } from 'vitest';
import { useWorld } from '../../../../test/world.js';

const env = useWorld();

describe('GET /api/audit', () => {
  it('records who read whose record, with role, unit and address, and filters by action and entity', async () => {
    await env.w.agents.headA1.get(`/api/residents/${env.w.residents.an.id}`);
    const res = await env.w.agents.leaderA.get(
      `/api/audit?action=resident.read&entityType=resident&entityId=${env.w.residents.an.id}`,
    );
    expect(res.statusCode).toBe(200);
    const [entry] = res.json().items;
    expect(entry).toMatchObject({
      username: env.w.accounts.headA1.username,
      roles: 'GROUP_HEAD@T01',
      unitId: env.w.groupA1.id,
      action: 'resident.read',
      ip: '127.0.0.1',
    });
  });

  it('logs logins; a commune leader does not see what happens in another commune', async () => {
    const own = (await env.w.agents.leaderA.get('/api/audit?action=auth.login'))
      .json()
      .items.map((e: { username: string }) => e.username);
    expect(own).toContain(env.w.accounts.headA1.username);
    expect(own).not.toContain(env.w.accounts.leaderB.username);
    const all = (await env.w.agents.admin.get('/api/audit?action=auth.login&limit=100'))
      .json()
      .items.map((e: { username: string }) => e.username);
    expect(all).toContain(env.w.accounts.leaderB.username);
  });

  it('403 for roles without audit access', async () => {
    expect((await env.w.agents.headA1.get('/api/audit')).statusCode).toBe(403);
  });

  it('is append-only: the database refuses UPDATE and DELETE', async () => {
    await expect(env.t.database.raw(`update audit_log set action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(env.t.database.raw(`delete from audit_log`)).rejects.toThrow(/append-only/);
  });

  it('exports the filtered log as CSV', async () => {
    const res = await env.w.agents.admin.get('/api/audit/export?format=csv&action=auth.login');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toContain('action');
    expect(lines.length).toBeGreaterThan(7);
    expect(lines.slice(1).every((l) => l.includes('auth.login'))).toBe(true);
  });
});
