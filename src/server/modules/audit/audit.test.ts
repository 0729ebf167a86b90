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

describe('bulk reads of people', () => {
  const lastList = async (action: string, username: string) => {
    const [row] = await env.t.database.raw<{ details: { filter: Record<string, unknown>; rows: number } }>(
      `select details from audit_log where action = $1 and username = $2 order by id desc limit 1`,
      [action, username],
    );
    return row?.details;
  };

  it('records every page of a list of residents, households, dossiers and appointments: who, filter, rows', async () => {
    const w = env.w;
    await w.agents.teamA1.get('/api/residents?page=1&limit=2');
    expect(await lastList('resident.list', w.accounts.teamA1.username)).toMatchObject({
      filter: { search: 'none', page: 1 },
      rows: 2,
    });
    // Searching by ID number records that it was an ID search, never the number.
    await w.agents.leaderA.get('/api/residents?q=031078001234');
    const byId = await lastList('resident.list', w.accounts.leaderA.username);
    expect(byId).toMatchObject({ filter: { search: 'personalId' }, rows: 1 });
    expect(JSON.stringify(byId)).not.toContain('031078001234');

    await w.agents.headA1.get(`/api/households?unit=${w.groupA1.id}`);
    expect(await lastList('household.list', w.accounts.headA1.username)).toMatchObject({
      filter: { unit: w.groupA1.id, page: 1 },
    });

    await w.f.dossier(w.communeA);
    await w.agents.onestopA.get('/api/dossiers?queue=all&q=0912345678');
    const dossiers = await lastList('dossier.list', w.accounts.onestopA.username);
    expect(dossiers).toMatchObject({ filter: { queue: 'all', search: 'number' } });
    expect(JSON.stringify(dossiers)).not.toContain('0912345678');

    await w.f.appointment(w.communeA);
    const day = (await env.t.database.raw<{ day: string }>(`select day::text from appointments limit 1`))[0]!.day;
    await w.agents.onestopA.get(`/api/appointments?unit=${w.communeA.id}&day=${day}`);
    expect(await lastList('appointment.list', w.accounts.onestopA.username)).toMatchObject({
      filter: { unit: w.communeA.id, day },
      rows: 1,
    });
  });
});
