import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { tickets } from '../../db/schema/index.js';
import { asText, base, useOpen311, xml } from './open311.test-kit.js';

// The GET side of Open311 requests: published tickets only and no personal data, the spec's fields in JSON and XML,
// the 90-day window, filters, paging, tokens.
const kit = useOpen311();
const { env, get, post, valid } = kit;
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
    const json = await get(`${base}/requests.json?jurisdiction_id=${kit.code}`);
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

    const x = await get(`${base}/requests.xml?jurisdiction_id=${kit.code}`);
    expect(x.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(xml(x.body).service_requests!.request).toEqual(rows.map(asText));

    for (const body of [json.body, x.body]) {
      for (const secret of ['Khải', 'khai@example.com', '987654321', '21.0285', 'photos.example.com', 'ngõ 5'])
        expect(body, secret).not.toContain(secret);
    }
  });

  it('GET requests/{id}: a published one in both formats; 404 while unpublished or hidden as abuse', async () => {
    const json = await get(`${base}/requests/${published.code}.json?jurisdiction_id=${kit.code}`);
    expect(json.statusCode).toBe(200);
    expect(json.json()).toHaveLength(1);
    expect(json.json()[0].service_request_id).toBe(published.code);
    const x = await get(`${base}/requests/${published.code}.xml?jurisdiction_id=${kit.code}`);
    expect(xml(x.body).service_requests!.request).toEqual(json.json().map(asText));
    const unpublished = await get(`${base}/requests/${hidden.code}.json?jurisdiction_id=${kit.code}`);
    expect(unpublished.statusCode).toBe(404);
    expect(unpublished.body).not.toContain('Khải');
    // Another commune's endpoint does not know it.
    expect(
      (await get(`${base}/requests/${published.code}.json?jurisdiction_id=${env.w.communeB.code}`)).statusCode,
    ).toBe(404);
    const abuse = await filed();
    await publish(abuse.id);
    await db().update(tickets).set({ abuseAt: new Date() }).where(eq(tickets.id, abuse.id));
    expect((await get(`${base}/requests/${abuse.code}.json?jurisdiction_id=${kit.code}`)).statusCode).toBe(404);
  });

  it('the 90-day window by default, a given range, and the errors for a bad or too wide one', async () => {
    const old = await filed();
    const longAgo = new Date(Date.now() - 100 * 86_400_000);
    await publish(old.id, longAgo);
    const recent = (await get(`${base}/requests.json?jurisdiction_id=${kit.code}`)).json() as {
      service_request_id: string;
    }[];
    expect(recent.map((r) => r.service_request_id)).not.toContain(old.code);
    const iso = (d: Date) => d.toISOString();
    const start = iso(new Date(longAgo.getTime() - 86_400_000));
    const end = iso(new Date(longAgo.getTime() + 86_400_000));
    const ranged = await get(
      `${base}/requests.json?jurisdiction_id=${kit.code}&start_date=${encodeURIComponent(start)}&end_date=${encodeURIComponent(end)}`,
    );
    expect(ranged.json().map((r: { service_request_id: string }) => r.service_request_id)).toEqual([old.code]);
    // start_date alone: the 90 days from it.
    const fromStart = await get(
      `${base}/requests.json?jurisdiction_id=${kit.code}&start_date=${encodeURIComponent(start)}`,
    );
    expect(fromStart.json().map((r: { service_request_id: string }) => r.service_request_id)).toContain(old.code);
    // service_request_id overrides the window.
    const byId = await get(
      `${base}/requests.json?jurisdiction_id=${kit.code}&service_request_id=${old.code},${published.code}`,
    );
    expect(
      byId
        .json()
        .map((r: { service_request_id: string }) => r.service_request_id)
        .sort(),
    ).toEqual([old.code, published.code].sort());

    const wide = await get(
      `${base}/requests.json?jurisdiction_id=${kit.code}&start_date=2026-01-01T00:00:00%2B07:00&end_date=2026-06-01T00:00:00%2B07:00`,
    );
    expect(wide.statusCode).toBe(400);
    expect(wide.json()[0].description).toContain('90 days');
    const reversed = await get(
      `${base}/requests.json?jurisdiction_id=${kit.code}&start_date=2026-06-01T00:00:00Z&end_date=2026-05-01T00:00:00Z`,
    );
    expect(reversed.statusCode).toBe(400);
    for (const bad of ['yesterday', '2026-13-01T00:00:00Z', '2026-06-01T00:00:00']) {
      const res = await get(`${base}/requests.xml?jurisdiction_id=${kit.code}&start_date=${encodeURIComponent(bad)}`);
      expect(res.statusCode, bad).toBe(400);
      expect((xml(res.body).errors!.error as { description: string }[])[0]!.description).toContain('start_date');
    }
  });

  it('filters by status and service_code, and pages with page/page_size', async () => {
    const second = await filed({ service_code: 'HA_TANG' });
    await publish(second.id);
    const list = async (q: string) =>
      (
        (await get(`${base}/requests.json?jurisdiction_id=${kit.code}&${q}`)).json() as { service_request_id: string }[]
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
    expect((await get(`${base}/requests.json?jurisdiction_id=${kit.code}&status=pending`)).statusCode).toBe(400);
    expect((await get(`${base}/requests.json?jurisdiction_id=${kit.code}&page_size=1001`)).statusCode).toBe(400);
  });

  it('tokens: 404 for a forged or unknown one; unknown resources are the spec 404', async () => {
    const [first] = (await post('json', { ...valid(), phone: '' })).json();
    const forged = first.token.replace(/-.*/, '-AAAAAAAAAAAAAAAAAAAAAA');
    expect((await get(`${base}/tokens/${forged}.json?jurisdiction_id=${kit.code}`)).statusCode).toBe(404);
    expect((await get(`${base}/tokens/nope.json?jurisdiction_id=${kit.code}`)).statusCode).toBe(404);
    expect((await get(`${base}/tokens/${first.token}.json?jurisdiction_id=${env.w.communeB.code}`)).statusCode).toBe(
      404,
    );
    const missing = await get(`${base}/nothing.json`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()[0].code).toBe(404);
  });
});
