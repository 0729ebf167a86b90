import { eq } from 'drizzle-orm';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWorld } from '../../../../test/world.js';
import { auditLog, feedbackCategories, tickets } from '../../db/schema/index.js';

// Open311 GeoReport v2 (DOMAIN-2 §2): every endpoint in JSON and XML against the spec's field lists, its errors, the
// 90-day window and paging, and the rule that the GET side shows published tickets only, without personal data.
const env = useWorld({ PUBLIC_SUBMIT_PER_MINUTE: '1000' });
const base = '/open311/v2';

const serviceFields = ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'];
const requestFields = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
];

/** XML parsed back with every value as text and every list element an array, to compare with the JSON. */
const parser = new XMLParser({
  parseTagValue: false,
  isArray: (name) => ['service', 'request', 'error', 'endpoint', 'format'].includes(name),
});
const xml = (body: string) => parser.parse(body) as Record<string, Record<string, unknown>>;
/** JSON values as the XML says them: text, empty for null. */
const asText = (row: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? '' : String(v)]));

let code: string;
let apiKey: string;
const get = (url: string) => env.t.app.inject({ method: 'GET', url });
const post = (format: 'json' | 'xml', fields: Record<string, string>) =>
  env.t.app.inject({
    method: 'POST',
    url: `${base}/requests.${format}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });
const valid = () => ({
  jurisdiction_id: code,
  api_key: apiKey,
  service_code: 'MOI_TRUONG',
  lat: '21.0285',
  long: '105.8542',
  description: 'Rác để ba ngày ở đầu ngõ 5 chưa được thu gom',
  first_name: 'Văn Khải',
  last_name: 'Đinh',
  phone: '0987 654 321',
  email: 'khai@example.com',
  media_url: 'https://photos.example.com/rac.jpg',
});

beforeAll(async () => {
  code = env.w.communeA.code;
  const res = await env.w.agents.leaderA.post('/api/feedback/open311-clients', {
    communeId: env.w.communeA.id,
    name: 'Ứng dụng Phố Xanh',
    contact: 'dev@phoxanh.example',
  });
  expect(res.statusCode, res.body).toBe(201);
  apiKey = res.json().apiKey;
});

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
    const json = await get(`${base}/services.json?jurisdiction_id=${code}`);
    expect(json.statusCode, json.body).toBe(200);
    const services = json.json() as Record<string, unknown>[];
    expect(services.map((s) => s.service_code)).toContain('MOI_TRUONG');
    for (const s of services) expect(Object.keys(s).sort()).toEqual([...serviceFields].sort());
    expect(services.find((s) => s.service_code === 'MOI_TRUONG')).toMatchObject({
      service_name: 'Môi trường, vệ sinh',
      metadata: false,
      type: 'realtime',
    });
    const x = await get(`${base}/services.xml?jurisdiction_id=${code}`);
    expect(x.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(xml(x.body).services!.service).toEqual(services.map(asText));
  });

  it('a switched-off category is not a service', async () => {
    const db = env.t.database.db;
    await db.update(feedbackCategories).set({ active: false }).where(eq(feedbackCategories.code, 'SO_HOA'));
    const services = (await get(`${base}/services.json?jurisdiction_id=${code}`)).json() as { service_code: string }[];
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
    const json = await get(`${base}/services/MOI_TRUONG.json?jurisdiction_id=${code}`);
    expect(json.statusCode).toBe(200);
    expect(json.json()).toEqual({ service_code: 'MOI_TRUONG', attributes: [] });
    const x = await get(`${base}/services/MOI_TRUONG.xml?jurisdiction_id=${code}`);
    expect(xml(x.body).service_definition).toEqual({ service_code: 'MOI_TRUONG', attributes: '' });
    const unknown = await get(`${base}/services/NOPE.json?jurisdiction_id=${code}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()[0].description).toContain('service_code');
    const noFormat = await get(`${base}/services/MOI_TRUONG.html?jurisdiction_id=${code}`);
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
    const waiting = await get(`${base}/tokens/${answer.token}.json?jurisdiction_id=${code}`);
    expect(waiting.statusCode).toBe(200);
    expect(waiting.json()).toEqual([{ service_request_id: null, token: answer.token }]);
    await env.t.database.db.update(tickets).set({ status: 'ACCEPTED' }).where(eq(tickets.id, id));
    const known = await get(`${base}/tokens/${answer.token}.xml?jurisdiction_id=${code}`);
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

describe('GET /open311/v2/requests', () => {
  const db = () => env.t.database.db;
  let published: { id: number; code: string };
  let hidden: { id: number; code: string };

  /** Files one through the API, then stands in for the officer who answered and published it. */
  async function filed(fields: Record<string, string> = {}) {
    const res = await post('json', { ...valid(), phone: '', ...fields });
    const id = Number(res.json()[0].token.split('-')[0]);
    const [row] = await db().select().from(tickets).where(eq(tickets.id, id));
    return { id, code: row!.code };
  }
  async function publish(id: number, at?: Date) {
    await db()
      .update(tickets)
      .set({
        status: 'ANSWERED',
        answeredAt: new Date(),
        publishedAt: new Date(),
        publicTitle: 'Rác ở đầu ngõ',
        publicBody: 'Rác để ba ngày ở đầu ngõ chưa được thu gom',
        publicAnswer: 'Đội vệ sinh đã thu gom ngày 08/12/2026',
        ...(at ? { receivedAt: at } : {}),
      })
      .where(eq(tickets.id, id));
  }

  beforeAll(async () => {
    published = await filed();
    await publish(published.id);
    hidden = await filed({ description: 'Nhà ông Đinh Văn Khải số 12 xả rác' });
  });

  it('lists published tickets only, with exactly the spec fields and no personal data, in JSON and XML', async () => {
    const json = await get(`${base}/requests.json?jurisdiction_id=${code}`);
    expect(json.statusCode, json.body).toBe(200);
    const rows = json.json() as Record<string, unknown>[];
    const codes = rows.map((r) => r.service_request_id);
    expect(codes).toContain(published.code);
    expect(codes).not.toContain(hidden.code);
    const row = rows.find((r) => r.service_request_id === published.code)!;
    expect(Object.keys(row).sort()).toEqual([...requestFields].sort());
    expect(row).toMatchObject({
      status: 'closed',
      status_notes: 'Đội vệ sinh đã thu gom ngày 08/12/2026',
      description: 'Rác để ba ngày ở đầu ngõ chưa được thu gom',
      service_code: 'MOI_TRUONG',
      service_name: 'Môi trường, vệ sinh',
      agency_responsible: 'Xã An Hòa',
      address: null,
      lat: null,
      long: null,
      media_url: null,
    });
    for (const field of ['requested_datetime', 'updated_datetime', 'expected_datetime'])
      expect(row[field], field).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);

    const x = await get(`${base}/requests.xml?jurisdiction_id=${code}`);
    expect(x.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(xml(x.body).service_requests!.request).toEqual(rows.map(asText));

    for (const body of [json.body, x.body]) {
      for (const secret of ['Khải', 'khai@example.com', '987654321', '21.0285', 'photos.example.com', 'ngõ 5'])
        expect(body, secret).not.toContain(secret);
    }
  });

  it('GET requests/{id}: a published one in both formats; 404 while unpublished or hidden as abuse', async () => {
    const json = await get(`${base}/requests/${published.code}.json?jurisdiction_id=${code}`);
    expect(json.statusCode).toBe(200);
    expect(json.json()).toHaveLength(1);
    expect(json.json()[0].service_request_id).toBe(published.code);
    const x = await get(`${base}/requests/${published.code}.xml?jurisdiction_id=${code}`);
    expect(xml(x.body).service_requests!.request).toEqual(json.json().map(asText));
    const unpublished = await get(`${base}/requests/${hidden.code}.json?jurisdiction_id=${code}`);
    expect(unpublished.statusCode).toBe(404);
    expect(unpublished.body).not.toContain('Khải');
    // Another commune's endpoint does not know it.
    expect(
      (await get(`${base}/requests/${published.code}.json?jurisdiction_id=${env.w.communeB.code}`)).statusCode,
    ).toBe(404);
    const abuse = await filed();
    await publish(abuse.id);
    await db().update(tickets).set({ abuseAt: new Date() }).where(eq(tickets.id, abuse.id));
    expect((await get(`${base}/requests/${abuse.code}.json?jurisdiction_id=${code}`)).statusCode).toBe(404);
  });

  it('the 90-day window by default, a given range, and the errors for a bad or too wide one', async () => {
    const old = await filed();
    const longAgo = new Date(Date.now() - 100 * 86_400_000);
    await publish(old.id, longAgo);
    const recent = (await get(`${base}/requests.json?jurisdiction_id=${code}`)).json() as {
      service_request_id: string;
    }[];
    expect(recent.map((r) => r.service_request_id)).not.toContain(old.code);
    const iso = (d: Date) => d.toISOString();
    const start = iso(new Date(longAgo.getTime() - 86_400_000));
    const end = iso(new Date(longAgo.getTime() + 86_400_000));
    const ranged = await get(
      `${base}/requests.json?jurisdiction_id=${code}&start_date=${encodeURIComponent(start)}&end_date=${encodeURIComponent(end)}`,
    );
    expect(ranged.json().map((r: { service_request_id: string }) => r.service_request_id)).toEqual([old.code]);
    // start_date alone: the 90 days from it.
    const fromStart = await get(
      `${base}/requests.json?jurisdiction_id=${code}&start_date=${encodeURIComponent(start)}`,
    );
    expect(fromStart.json().map((r: { service_request_id: string }) => r.service_request_id)).toContain(old.code);
    // service_request_id overrides the window.
    const byId = await get(
      `${base}/requests.json?jurisdiction_id=${code}&service_request_id=${old.code},${published.code}`,
    );
    expect(
      byId
        .json()
        .map((r: { service_request_id: string }) => r.service_request_id)
        .sort(),
    ).toEqual([old.code, published.code].sort());

    const wide = await get(
      `${base}/requests.json?jurisdiction_id=${code}&start_date=2026-01-01T00:00:00%2B07:00&end_date=2026-06-01T00:00:00%2B07:00`,
    );
    expect(wide.statusCode).toBe(400);
    expect(wide.json()[0].description).toContain('90 days');
    const reversed = await get(
      `${base}/requests.json?jurisdiction_id=${code}&start_date=2026-06-01T00:00:00Z&end_date=2026-05-01T00:00:00Z`,
    );
    expect(reversed.statusCode).toBe(400);
    for (const bad of ['yesterday', '2026-13-01T00:00:00Z', '2026-06-01T00:00:00']) {
      const res = await get(`${base}/requests.xml?jurisdiction_id=${code}&start_date=${encodeURIComponent(bad)}`);
      expect(res.statusCode, bad).toBe(400);
      expect((xml(res.body).errors!.error as { description: string }[])[0]!.description).toContain('start_date');
    }
  });

  it('filters by status and service_code, and pages with page/page_size', async () => {
    const second = await filed({ service_code: 'HA_TANG' });
    await publish(second.id);
    const list = async (q: string) =>
      (
        (await get(`${base}/requests.json?jurisdiction_id=${code}&${q}`)).json() as { service_request_id: string }[]
      ).map((r) => r.service_request_id);
    const all = await list('');
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(await list('service_code=HA_TANG')).toEqual([second.code]);
    expect(await list('service_code=HA_TANG,MOI_TRUONG')).toEqual(all);
    expect(await list('status=closed')).toEqual(all);
    expect(await list('status=open')).toEqual([]);
    expect(await list('status=')).toEqual(all);
    expect(await list('page_size=1')).toEqual([all[0]]);
    expect(await list('page_size=1&page=2')).toEqual([all[1]]);
    expect(await list('page_size=1&page=1000')).toEqual([]);
    expect((await get(`${base}/requests.json?jurisdiction_id=${code}&status=pending`)).statusCode).toBe(400);
    expect((await get(`${base}/requests.json?jurisdiction_id=${code}&page_size=1001`)).statusCode).toBe(400);
  });

  it('tokens: 404 for a forged or unknown one; unknown resources are the spec 404', async () => {
    const [first] = (await post('json', { ...valid(), phone: '' })).json();
    const forged = first.token.replace(/-.*/, '-AAAAAAAAAAAAAAAAAAAAAA');
    expect((await get(`${base}/tokens/${forged}.json?jurisdiction_id=${code}`)).statusCode).toBe(404);
    expect((await get(`${base}/tokens/nope.json?jurisdiction_id=${code}`)).statusCode).toBe(404);
    expect((await get(`${base}/tokens/${first.token}.json?jurisdiction_id=${env.w.communeB.code}`)).statusCode).toBe(
      404,
    );
    const missing = await get(`${base}/nothing.json`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()[0].code).toBe(404);
  });
});

describe('Open311 bad input', () => {
  const hostile = [
    "' OR 1=1 --",
    '<script>alert(1)</script>',
    '\u0000',
    '\uD800',
    '../../etc/passwd',
    'x'.repeat(5000),
    '👨‍👩‍👧‍👦',
    '%00',
    '-1',
    '1e309',
  ];
  /** Never a 5xx, and every refusal in the spec's error list (never problem+json). */
  function expectSpecAnswer(
    res: { statusCode: number; body: string; headers: Record<string, unknown> },
    label: string,
  ) {
    expect(res.statusCode, `${label} → ${res.body.slice(0, 200)}`).toBeLessThan(500);
    if (res.statusCode >= 400) {
      expect(String(res.headers['content-type']), label).toMatch(/^(application\/json|text\/xml); charset=utf-8$/);
      expect(res.body, label).toMatch(/"description"|<description>/);
    }
  }

  it('hostile values in every query parameter and path of the GET side: 4xx in the spec format, never 5xx', async () => {
    const params = ['jurisdiction_id', 'service_request_id', 'service_code', 'start_date', 'end_date', 'status'];
    // A lone surrogate cannot be percent-encoded as UTF-8: send the bytes a broken client would.
    const encode = (value: string) => (value === '\uD800' ? '%ED%A0%80' : encodeURIComponent(value));
    for (const value of hostile) {
      const v = encode(value);
      for (const p of [...params, 'page', 'page_size']) {
        const q = p === 'jurisdiction_id' ? `jurisdiction_id=${v}` : `jurisdiction_id=${code}&${p}=${v}`;
        expectSpecAnswer(await get(`${base}/requests.json?${q}`), `requests ${p}=${value.slice(0, 20)}`);
      }
      for (const path of ['services', 'requests', 'tokens']) {
        const res = await get(`${base}/${path}/${v}.xml?jurisdiction_id=${code}`);
        // A path that is not UTF-8, or a segment past the router's 100 characters, is refused before any route is
        // chosen (plugins/errors.ts frameworkErrors: 400 problem+json for every path alike).
        if (value === '\uD800' || v.length > 100) expect(res.statusCode).toBe(400);
        else expectSpecAnswer(res, `${path}/${value.slice(0, 20)}`);
      }
    }
  });

  it('hostile values in every POST field, a JSON body, and an oversized body: 4xx in the spec format, never 5xx', async () => {
    const fields = Object.keys(valid()).concat(['address_string', 'address_id', 'publishable', 'device_id']);
    for (const value of hostile) {
      for (const field of fields) {
        const res = await post('xml', { ...valid(), phone: '', [field]: value });
        expectSpecAnswer(res, `POST ${field}=${value.slice(0, 20)}`);
      }
    }
    const json = await env.t.app.inject({
      method: 'POST',
      url: `${base}/requests.json`,
      payload: { jurisdiction_id: code, api_key: apiKey, service_code: 42, lat: [] },
    });
    expect(json.statusCode).toBe(400);
    expectSpecAnswer(json, 'JSON body');
    const huge = await env.t.app.inject({
      method: 'POST',
      url: `${base}/requests.json`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `description=${'a'.repeat(70_000)}`,
    });
    expect(huge.statusCode).toBe(413);
    expectSpecAnswer(huge, 'oversized');
  });
});
