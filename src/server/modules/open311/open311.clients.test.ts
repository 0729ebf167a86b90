import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useWorld } from '../../../../test/world.js';
import { auditLog, open311Clients } from '../../db/schema/index.js';
import { hashApiKey } from './open311.service.js';

// The api_keys a commune issues to Open311 client apps: shown once, kept hashed, revocable; and the POST limit per key.
const env = useWorld({ PUBLIC_SUBMIT_PER_MINUTE: '3' });
const url = '/api/feedback/open311-clients';

describe('POST /api/feedback/open311-clients', () => {
  it('201: the key is shown once and only its hash and first characters are kept', async () => {
    const { t, w } = env;
    const res = await w.agents.leaderA.post(url, { communeId: w.communeA.id, name: 'Phố Xanh', contact: 'a@b.vn' });
    expect(res.statusCode, res.body).toBe(201);
    const issued = res.json();
    expect(issued.apiKey).toMatch(/^o311_[\w-]{43}$/);
    expect(issued).toMatchObject({ communeId: w.communeA.id, name: 'Phố Xanh', contact: 'a@b.vn', revokedAt: null });
    expect(issued.keyPrefix).toBe(issued.apiKey.slice(0, 9));
    const [row] = await t.database.db.select().from(open311Clients).where(eq(open311Clients.id, issued.id));
    expect(row!.keyHash).toBe(hashApiKey(issued.apiKey));
    expect(JSON.stringify(row)).not.toContain(issued.apiKey);
    const list = await w.agents.leaderA.get(`${url}?communeId=${w.communeA.id}`);
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(issued.apiKey);
    expect(list.json().items.map((c: { id: number }) => c.id)).toContain(issued.id);
    expect(Object.keys(list.json().items[0]).sort()).toEqual(
      ['communeId', 'contact', 'createdAt', 'id', 'keyPrefix', 'lastUsedAt', 'name', 'revokedAt'].sort(),
    );
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(issued.id)));
    expect(audits.map((a) => a.action)).toContain('feedback.open311_client.issue');
  });

  it('404 for a commune outside the caller’s units or a unit that is not a commune; 403 without the permission; 400 without a name', async () => {
    const { w } = env;
    expect((await w.agents.leaderA.post(url, { communeId: w.communeB.id, name: 'X' })).statusCode).toBe(404);
    expect((await w.agents.leaderA.post(url, { communeId: w.groupA1.id, name: 'X' })).statusCode).toBe(404);
    expect((await w.agents.leaderA.get(`${url}?communeId=${w.communeB.id}`)).statusCode).toBe(404);
    expect((await w.agents.onestopA.post(url, { communeId: w.communeA.id, name: 'X' })).statusCode).toBe(403);
    expect((await w.agents.leaderA.post(url, { communeId: w.communeA.id, name: ' ' })).statusCode).toBe(400);
  });
});

describe('DELETE /api/feedback/open311-clients/:id', () => {
  it('200: revoked once (the first date kept), the key refused from then on; 404 outside the caller’s units', async () => {
    const { t, w } = env;
    const issued = (await w.agents.leaderA.post(url, { communeId: w.communeA.id, name: 'Cũ' })).json();
    const del = () => w.agents.leaderA.request({ method: 'DELETE', url: `${url}/${issued.id}` });
    const first = await del();
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().revokedAt).not.toBeNull();
    const again = await del();
    expect(again.json().revokedAt).toBe(first.json().revokedAt);
    const post = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        jurisdiction_id: w.communeA.code,
        api_key: issued.apiKey,
        service_code: 'KHAC',
        address_string: 'Thôn Đông',
      }).toString(),
    });
    expect(post.statusCode).toBe(403);
    expect(post.json()[0].description).toContain('revoked');
    const byB = await w.agents.leaderB.request({ method: 'DELETE', url: `${url}/${issued.id}` });
    expect(byB.statusCode).toBe(404);
  });
});

describe('POST /open311/v2/requests limits', () => {
  it('429 in the spec’s error format past the per-minute limit of one key; another key still posts', async () => {
    const { t, w } = env;
    const keyOf = async (name: string) =>
      (await w.agents.leaderA.post(url, { communeId: w.communeA.id, name })).json().apiKey as string;
    const [one, two] = [await keyOf('Một'), await keyOf('Hai')];
    const send = (apiKey: string) =>
      t.app.inject({
        method: 'POST',
        url: '/open311/v2/requests.xml',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          jurisdiction_id: w.communeA.code,
          api_key: apiKey,
          service_code: 'KHAC',
          address_string: 'Thôn Tây',
          description: 'Đèn đường hỏng',
        }).toString(),
      });
    for (let i = 0; i < 3; i++) expect((await send(one)).statusCode).toBe(200);
    const limited = await send(one);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(limited.body).toContain('<code>429</code>');
    expect((await send(two)).statusCode).toBe(200);
  });
});
