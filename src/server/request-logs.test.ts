import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestContext } from '../../test/helpers.js';
import { buildWorld, type World } from '../../test/world.js';

/**
 * The request log holds no personal data: what Fastify logs for each request and what the error handler logs for a
 * failure, captured from the logger's own output stream.
 */
const ID_NUMBER = '031190001111';
const PHONE = '0912345678';
const lines: string[] = [];
let t: TestContext;
let w: World;
beforeAll(async () => {
  const web = mkdtempSync(path.join(tmpdir(), 'ketnoi-web-'));
  writeFileSync(path.join(web, 'index.html'), '<!doctype html><div id="root"></div>');
  t = await buildTestApp(
    { WEB_DIST: web },
    { serveWeb: true, logger: { level: 'info', stream: { write: (line: string) => void lines.push(line) } } },
  );
  w = await buildWorld(t);
});
afterAll(() => t.close());

const logged = () => lines.map((l) => JSON.parse(l) as Record<string, unknown> & { msg: string });

describe('request logs', () => {
  it('name the route, never the URL: no ID number, phone or token from a path or a query string', async () => {
    lines.length = 0;
    const { token } = await w.f.dossier(w.communeA);
    await w.agents.admin.get(`/api/residents?q=${ID_NUMBER}`);
    await w.agents.admin.get(`/api/residents?q=${PHONE}&page=1`);
    await t.app.inject({ method: 'GET', url: `/api/public/dossiers/${token}` });
    await t.app.inject({ method: 'GET', url: `/s/${token}` });
    await t.app.inject({ method: 'GET', url: `/api/public/membership?phone=${PHONE}` });
    await t.app.inject({ method: 'GET', url: `/api/no-such/${ID_NUMBER}?phone=${PHONE}` });
    const text = lines.join('\n');
    for (const secret of [ID_NUMBER, PHONE, token]) expect(text).not.toContain(secret);
    const routes = logged()
      .filter((l) => l.msg === 'incoming request')
      .map((l) => (l.req as { route: string }).route);
    expect(routes).toEqual(
      expect.arrayContaining(['/api/residents', '/api/public/dossiers/:token', '/*', '/api/public/membership']),
    );
  });

  it('a database failure is logged by SQLSTATE, constraint and table, never with the bound values or the detail', async () => {
    // A uniqueness the service does not know about, so the violation reaches the error handler.
    await t.database.raw('create unique index probe_support_points_address on support_points (address)');
    const point = {
      unitId: w.communeA.id,
      name: 'Điểm hỗ trợ',
      address: `Số nhà ${ID_NUMBER}, ${PHONE}`,
      hours: '8-17h',
    };
    expect((await w.agents.admin.post('/api/support-points', point)).statusCode).toBe(201);
    lines.length = 0;
    const again = await w.agents.admin.post('/api/support-points', point);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('CONFLICT');
    const text = lines.join('\n');
    expect(text).not.toContain(ID_NUMBER);
    expect(text).not.toContain(PHONE);
    expect(text).not.toMatch(/params|already exists|Key \(/);
    const failure = logged().find((l) => (l.err as { sqlState?: string } | undefined)?.sqlState === '23505');
    expect(failure?.err).toMatchObject({ constraint: 'probe_support_points_address', table: 'support_points' });
  });
});
