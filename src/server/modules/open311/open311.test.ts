import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, feedbackCategories, tickets } from '../../db/schema/index.js';
import { base, asText, useOpen311, xml } from './open311.test-kit.js';

// Open311 GeoReport v2 (DOMAIN-2 §2): discovery, services and posting, in JSON and XML against the spec's field
// lists, with its errors. The GET side of requests is in open311.requests.test.ts, hostile input in open311.input.test.ts.
const kit = useOpen311();
const { env, get, post, valid } = kit;
const serviceFields = ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'];

describe('GET /open311/v2/discovery', () => {
  it('200 in both formats with changeset, contact, key_service and the endpoint', async () => {
    const json = await get(`${base}/discovery.json`);
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    const d = json.json();
    expect(Object.keys(d).sort()).toEqual(['changeset', 'contact', 'endpoints', 'key_service']);
    expect(d.endpoints).toHaveLength(1);
    expect(Object.keys(d.endpoints[0]).sort()).toEqual(['changeset', 'formats', 'specification', 'type', 'url']);
    expect(d.endpoints[0]).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      type: 'production',
      formats: ['text/xml', 'application/json'],
    });
    expect(d.endpoints[0].url).toMatch(/\/open311\/v2$/);

    const x = await get(`${base}/discovery.xml`);
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(x.body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    const doc = xml(x.body).discovery!;
    expect(doc.changeset).toBe(d.changeset);
    expect(doc.key_service).toBe(d.key_service);
    const endpoint = (doc.endpoints as { endpoint: Record<string, unknown>[] }).endpoint[0]!;
    expect(endpoint).toMatchObject({ specification: d.endpoints[0].specification, url: d.endpoints[0].url });
    expect((endpoint.formats as { format: string[] }).format).toEqual(['text/xml', 'application/json']);
  });
});

describe('GET /open311/v2/services', () => {
  it("200: the commune's active categories with the spec's fields, the same in XML", async () => {
    const json = await get(`${base}/services.json?jurisdiction_id=${kit.code}`);
    expect(json.statusCode, json.body).toBe(200);
    const services = json.json() as Record<string, unknown>[];
    expect(services.map((s) => s.service_code)).toContain('MOI_TRUONG');
    for (const s of services) expect(Object.keys(s).sort()).toEqual([...serviceFields].sort());
    expect(services.find((s) => s.service_code === 'MOI_TRUONG')).toMatchObject({
      service_name: 'Môi trường, vệ sinh',
      metadata: false,
      type: 'realtime',
    });
    const x = await get(`${base}/services.xml?jurisdiction_id=${kit.code}`);
    expect(x.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(xml(x.body).services!.service).toEqual(services.map(asText));
  });

  it('a switched-off category is not a service', async () => {
    const db = env.t.database.db;
    await db.update(feedbackCategories).set({ active: false }).where(eq(feedbackCategories.code, 'SO_HOA'));
    const services = (await get(`${base}/services.json?jurisdiction_id=${kit.code}`)).json() as {
      service_code: string;
    }[];
    expect(services.map((s) => s.service_code)).not.toContain('SO_HOA');
    await db.update(feedbackCategories).set({ active: true }).where(eq(feedbackCategories.code, 'SO_HOA'));
  });

  it('400 without jurisdiction_id (also when empty), 404 for an unknown one: the spec error list in both formats', async () => {
    for (const url of [`${base}/services.json`, `${base}/services.json?jurisdiction_id=`]) {
      const res = await get(url);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      const [error] = res.json();
      expect(Object.keys(error).sort()).toEqual(['code', 'description']);
      expect(error.code).toBe(400);
      expect(error.description).toContain('jurisdiction_id');
    }
    const x = await get(`${base}/services.xml?jurisdiction_id=99999`);
    expect(x.statusCode).toBe(404);
    expect(x.headers['content-type']).toBe('text/xml; charset=utf-8');
    const [error] = xml(x.body).errors!.error as { code: string; description: string }[];
    expect(error!.code).toBe('404');
    expect(error!.description).toContain('99999');
  });

  it('GET services/{code}: the definition (no attributes); 404 for an unknown code', async () => {
    const json = await get(`${base}/services/MOI_TRUONG.json?jurisdiction_id=${kit.code}`);
    expect(json.statusCode).toBe(200);
    expect(json.json()).toEqual({ service_code: 'MOI_TRUONG', attributes: [] });
    const x = await get(`${base}/services/MOI_TRUONG.xml?jurisdiction_id=${kit.code}`);
    expect(xml(x.body).service_definition).toEqual({ service_code: 'MOI_TRUONG', attributes: '' });
    const unknown = await get(`${base}/services/NOPE.json?jurisdiction_id=${kit.code}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()[0].description).toContain('service_code');
    const noFormat = await get(`${base}/services/MOI_TRUONG.html?jurisdiction_id=${kit.code}`);
    expect(noFormat.statusCode).toBe(404);
  });
});

describe('POST /open311/v2/requests', () => {
  it('files a ticket through createTicket (OPEN311, the client recorded, media_url a link) and answers a token', async () => {
    const res = await post('json', valid());
    expect(res.statusCode, res.body).toBe(200);
    const [answer] = res.json();
    expect(Object.keys(answer).sort()).toEqual(['account_id', 'service_notice', 'token']);
    expect(answer.token).toMatch(/^\d+-[\w-]{22}$/);
    const id = Number(answer.token.split('-')[0]);
    const [row] = await env.t.database.db.select().from(tickets).where(eq(tickets.id, id));
    expect(row).toMatchObject({
      channel: 'OPEN311',
      status: 'RECEIVED',
      communeId: env.w.communeA.id,
      senderName: 'Đinh Văn Khải',
      senderEmail: 'khai@example.com',
      lat: 21.0285,
      lng: 105.8542,
      title: 'Rác để ba ngày ở đầu ngõ 5 chưa được thu gom',
      publishable: false,
    });
    expect(row!.apiClientId).toBeGreaterThan(0);
    expect(row!.body).toContain('https://photos.example.com/rac.jpg');
    expect(row!.senderPhoneBidx).toBe(env.t.cipher.blindIndex('+84987654321', 'phone'));
    const audits = await env.t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(id)));
    expect(audits.map((a) => a.action)).toContain('feedback.open311.create');
    // The token is not the citizen's status link, which opens rating and reopening.
    expect(answer.token).not.toContain(row!.lookupToken);

    // Waiting to be accepted: the token tells no id yet; once accepted, the ticket code.
    const waiting = await get(`${base}/tokens/${answer.token}.json?jurisdiction_id=${kit.code}`);
    expect(waiting.statusCode).toBe(200);
    expect(waiting.json()).toEqual([{ service_request_id: null, token: answer.token }]);
    await env.t.database.db.update(tickets).set({ status: 'ACCEPTED' }).where(eq(tickets.id, id));
    const known = await get(`${base}/tokens/${answer.token}.xml?jurisdiction_id=${kit.code}`);
    expect(xml(known.body).service_requests!.request).toEqual([{ service_request_id: row!.code, token: answer.token }]);
  });

  it('a category routed to a person is accepted at once: the answer is the service_request_id (XML)', async () => {
    const db = env.t.database.db;
    await db
      .update(feedbackCategories)
      .set({ routeUserId: env.w.accounts.leaderA.id })
      .where(eq(feedbackCategories.code, 'AN_NINH'));
    const res = await post('xml', { ...valid(), service_code: 'AN_NINH', lat: '', long: '', address_string: 'Ngõ 5' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
    const [answer] = xml(res.body).service_requests!.request as Record<string, string>[];
    expect(answer!.service_request_id).toMatch(/^PAKN\.\d{8}\.\d{4}$/);
    expect(answer).not.toHaveProperty('token');
    await db.update(feedbackCategories).set({ routeUserId: null }).where(eq(feedbackCategories.code, 'AN_NINH'));
  });

  it('403 without a key, with a wrong one, with another commune’s, with a revoked one', async () => {
    const other = await env.w.agents.leaderB.post('/api/feedback/open311-clients', {
      communeId: env.w.communeB.id,
      name: 'Khác',
    });
    const revoked = await env.w.agents.leaderA.post('/api/feedback/open311-clients', {
      communeId: env.w.communeA.id,
      name: 'Cũ',
    });
    expect(
      (
        await env.w.agents.leaderA.request({
          method: 'DELETE',
          url: `/api/feedback/open311-clients/${revoked.json().id}`,
        })
      ).statusCode,
    ).toBe(200);
    for (const [key, says] of [
      ['', 'required'],
      ['o311_wrong', 'not valid'],
      [other.json().apiKey, 'not valid'],
      [revoked.json().apiKey, 'revoked'],
    ] as const) {
      const res = await post('json', { ...valid(), api_key: key });
      expect(res.statusCode, key).toBe(403);
      expect(res.json()[0]).toMatchObject({ code: 403 });
      expect(res.json()[0].description).toContain(says);
    }
  });

  it('404 for an unknown service_code or jurisdiction; 400 without a location, with address_id only, bad input', async () => {
    expect((await post('json', { ...valid(), service_code: 'NOPE' })).statusCode).toBe(404);
    expect((await post('json', { ...valid(), jurisdiction_id: '99999' })).statusCode).toBe(404);
    const noJurisdiction = await post('xml', { ...valid(), jurisdiction_id: '' });
    expect(noJurisdiction.statusCode).toBe(400);
    expect(xml(noJurisdiction.body).errors!.error).toHaveLength(1);
    const cases: [Record<string, string>, string][] = [
      [{ lat: '', long: '' }, 'location is required'],
      [{ lat: '', long: '', address_id: 'A-17' }, 'address_id'],
      [{ long: '' }, 'lat and long'],
      [{ lat: '91' }, 'lat'],
      [{ description: '<b>rác</b>' }, 'HTML'],
      [{ description: 'x'.repeat(4001) }, 'description'],
      [{ media_url: 'javascript:alert(1)' }, 'media_url'],
      [{ phone: '12' }, 'phone'],
      [{ email: 'not-an-email' }, 'email'],
    ];
    for (const [change, says] of cases) {
      const res = await post('json', { ...valid(), ...change });
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      expect(res.json()[0].description, JSON.stringify(change)).toContain(says);
    }
    const nul = await post('json', { ...valid(), description: 'a\u0000b' });
    expect(nul.statusCode).toBe(400);
  });
});

describe('POST /open311/v2/requests per phone', () => {
  it("429 past the commune's daily limit of new requests from one phone (feedback settings, 5 by default)", async () => {
    const one = { ...valid(), phone: '0911 222 333', email: '' };
    for (let i = 0; i < 5; i++) expect((await post('json', one)).statusCode).toBe(200);
    const sixth = await post('json', one);
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json()[0].description).toContain('phone');
    expect((await post('json', { ...one, phone: '0911 222 334' })).statusCode).toBe(200);
  });
});
