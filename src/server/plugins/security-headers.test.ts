import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestContext } from '../../../test/helpers.js';
import { buildWorld, type World } from '../../../test/world.js';

/** A stand-in for the built web app, so these tests need no `npm run build`. */
function webDist() {
  const dir = mkdtempSync(path.join(tmpdir(), 'ketnoi-web-'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Kết nối</title><div id="root"></div>');
  return dir;
}

/** The CSP as a map of directive → sources. */
function csp(header: unknown): Map<string, string[]> {
  return new Map(
    String(header ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources]),
  );
}

let t: TestContext;
let w: World;
beforeAll(async () => {
  t = await buildTestApp({ WEB_DIST: webDist(), TRUST_PROXY: '10.1.2.3' }, { serveWeb: true });
  w = await buildWorld(t);
});
afterAll(() => t.close());

const get = (url: string, remoteAddress?: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, remoteAddress, headers });

describe('security headers on every response', () => {
  it('the web app, the API, a 404 and an error all carry the same policy', async () => {
    const urls = ['/', '/s/some-token', '/api/auth/session', '/api/nothing-here', '/api/auth/me', '/healthz'];
    // The last is refused before routing (a malformed URL), where no hook runs.
    for (const url of [...urls, '/api/residents/%E0%A4%A']) {
      const res = await get(url);
      const policy = csp(res.headers['content-security-policy']);
      expect(policy.get('default-src'), url).toEqual(["'self'"]);
      expect(policy.get('script-src'), url).toEqual(["'self'"]);
      expect(policy.get('style-src'), url).toEqual(["'self'"]);
      expect(policy.get('object-src'), url).toEqual(["'none'"]);
      expect(policy.get('frame-ancestors'), url).toEqual(["'none'"]);
      expect(policy.get('base-uri'), url).toEqual(["'self'"]);
      expect(policy.get('form-action'), url).toEqual(["'self'"]);
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['referrer-policy'], url).toBe('same-origin');
      const permissions = String(res.headers['permissions-policy']);
      for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb'])
        expect(permissions, url).toContain(`${feature}=()`);
      expect(res.headers['x-powered-by'], url).toBeUndefined();
    }
  });

  it('no inline script is allowed anywhere: no unsafe-inline, unsafe-eval or wildcard in the app policy', async () => {
    const header = String((await get('/')).headers['content-security-policy']);
    expect(header).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it('HSTS only when the request came over TLS through the trusted proxy', async () => {
    expect((await get('/')).headers['strict-transport-security']).toBeUndefined();
    // A client claiming https on its own is not believed…
    const forged = await get('/', '203.0.113.5', { 'x-forwarded-proto': 'https' });
    expect(forged.headers['strict-transport-security']).toBeUndefined();
    // …the proxy is.
    const proxied = await get('/', '10.1.2.3', { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.5' });
    expect(proxied.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('the API docs get a policy of their own, as strict on scripts and framing', async () => {
    for (const url of ['/api/docs', '/api/docs/static/swagger-initializer.js']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      const policy = csp(res.headers['content-security-policy']);
      expect(policy.get('script-src'), url).toEqual(["'self'"]);
      expect(policy.get('frame-ancestors'), url).toEqual(["'none'"]);
      expect(policy.get('img-src'), url).toEqual(["'self'", 'data:']);
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
    }
  });
});

describe('files people uploaded are downloads, never pages', () => {
  it("a dossier's paper: attachment, under its sniffed type and its own name", async () => {
    const { id } = await w.f.dossier(w.communeA);
    const file = await w.f.dossierFile(id);
    const res = await w.agents.onestopA.get(`/api/dossiers/${id}/files/${file.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="scan.png"; filename*=UTF-8''scan.png`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it("an announcement's attachment, to staff and to the public, with a Vietnamese name kept in filename*", async () => {
    const id = await w.f.announcement(w.communeA);
    const fileId = await w.f.announcementFile(id);
    await t.database.raw(`update announcement_files set name = 'Lịch họp "tổ" 1.pdf' where id = $1`, [fileId]);
    const expected = `attachment; filename="Lich hop _to_ 1.pdf"; filename*=UTF-8''L%E1%BB%8Bch%20h%E1%BB%8Dp%20%22t%E1%BB%95%22%201.pdf`;
    const staff = await w.agents.leaderA.get(`/api/announcements/${id}/files/${fileId}`);
    expect(staff.statusCode).toBe(200);
    expect(staff.headers['content-disposition']).toBe(expected);
    expect(staff.headers['content-type']).toBe('application/pdf');
    await t.database.raw(`update announcements set status = 'SENT', sent_at = now(), is_public = true where id = $1`, [
      id,
    ]);
    const open = await get(`/api/public/announcements/${id}/files/${fileId}`);
    expect(open.statusCode).toBe(200);
    expect(open.headers['content-disposition']).toBe(expected);
  });

  it('PDFs the app makes itself (the receipt) stay inline', async () => {
    const { token } = await w.f.dossier(w.communeA, { receivedBy: w.accounts.onestopA });
    // Forms need the applicant or the commune's staff (a link alone shows status): the officer prints it.
    const res = await w.agents.onestopA.get(`/api/public/dossiers/${token}/forms/01`);
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-disposition'])).toMatch(/^inline;/);
  });
});
