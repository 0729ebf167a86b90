import { multipartBody } from '../../test/multipart.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type TestContext } from '../../test/helpers.js';
import { fillPath, listOperations, type JsonSchema, type Operation } from '../../test/openapi.js';
import { buildWorld, type World } from '../../test/world.js';
import { INVALID_TEXT } from './plugins/input-hygiene.js';

/**
 * For every operation in the OpenAPI document, generated invalid inputs — wrong types, missing fields, huge strings,
 * unicode edge cases, SQL/HTML injection, oversized bodies — must get a 4xx problem+json, never a 5xx.
 * Runs as the system admin so authorization never hides a validation path.
 */
let t: TestContext;
let w: World;
let operations: Operation[];
beforeAll(async () => {
  // Public forms and failed sign-ins are limited per address; the sweep sends hundreds of requests from one, so lift
  // the limits here (dossiers.limits.test.ts and auth.test.ts check them).
  t = await buildTestApp({ PUBLIC_SUBMIT_PER_MINUTE: '100000', LOGIN_ADDRESS_MAX_FAILURES: '100000' });
  w = await buildWorld(t);
  operations = listOperations(t.app);
});
afterAll(() => t.close());

const nasty = [
  "' OR 1=1 --",
  "'; drop table residents; --",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '\u0000',
  '\uD800', // lone surrogate
  '\u202Eevil', // right-to-left override
  'Nguye\u0302\u0303n', // stacked combining marks
  'e\u0301'.repeat(500),
  '👨‍👩‍👧‍👦',
  '%00%27',
  '../../etc/passwd',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, sent as plain text on purpose
  '${7*7}{{7*7}}',
  ' ',
  '９９',
];
const huge = 'a'.repeat(100_000);
const wrongTypes: unknown[] = [null, 42, -1, 1.5, true, 'text', [], {}, [1, 2], { nested: { deep: [1] } }, huge];

function deref(
  schema: JsonSchema | undefined,
  doc: { components?: { schemas?: Record<string, JsonSchema> } },
): JsonSchema | undefined {
  if (schema?.$ref) return doc.components?.schemas?.[schema.$ref.split('/').pop()!];
  return schema;
}

/** A body that satisfies the schema's types as far as a generator can (used as the base that each case breaks). */
function sample(schema: JsonSchema | undefined): unknown {
  if (!schema) return undefined;
  if (schema.enum) return schema.enum[0];
  if (schema.anyOf) return sample(schema.anyOf.find((s) => s.type !== 'null'));
  const type = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
  if (type === 'object')
    return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, v]) => [k, sample(v)]));
  if (type === 'array') return [];
  if (type === 'integer' || type === 'number') return 1;
  if (type === 'boolean') return true;
  return 'Giá trị thử';
}

const INT4_MAX = 2_147_483_647;
const isInteger = (schema: JsonSchema) =>
  schema.type === 'integer' || (Array.isArray(schema.type) && schema.type.includes('integer'));

/** Every integer a schema holds at any depth, by its path ("items[].householdId"); arrays and unions are entered. */
function integerPaths(
  schema: JsonSchema | undefined,
  doc: { components?: { schemas?: Record<string, JsonSchema> } },
  path: string[] = [],
  depth = 0,
): { path: string[]; schema: JsonSchema }[] {
  const s = deref(schema, doc);
  if (!s || depth > 8) return [];
  if (isInteger(s)) return [{ path, schema: s }];
  const found: { path: string[]; schema: JsonSchema }[] = [];
  for (const [key, child] of Object.entries(s.properties ?? {}))
    found.push(...integerPaths(child, doc, [...path, key], depth + 1));
  if (s.items) found.push(...integerPaths(s.items, doc, [...path, '[]'], depth + 1));
  for (const option of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])])
    found.push(...integerPaths(option, doc, path, depth + 1));
  return found;
}

/** A sampled body with `value` put at `path`, an array on the way holding one sampled element. */
function bodyWith(
  schema: JsonSchema,
  doc: { components?: { schemas?: Record<string, JsonSchema> } },
  path: string[],
  value: unknown,
): unknown {
  const s = deref(schema, doc) ?? {};
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (head === '[]') return [bodyWith(s.items ?? {}, doc, rest, value)];
  const object = deref(s.anyOf?.find((o) => deref(o, doc)?.properties?.[head!]) ?? s, doc) ?? {};
  const base = (sample(object) ?? {}) as Record<string, unknown>;
  return { ...base, [head!]: bodyWith(object.properties?.[head!] ?? {}, doc, rest, value) };
}

function bodyCases(schema: JsonSchema): { label: string; body: unknown }[] {
  const base = sample(schema) as Record<string, unknown>;
  const cases: { label: string; body: unknown }[] = [
    { label: 'array body', body: [] },
    { label: 'string body', body: 'hello' },
    { label: 'number body', body: 42 },
    { label: 'empty object', body: {} },
    { label: 'deep nesting', body: JSON.parse(`${'{"a":'.repeat(200)}1${'}'.repeat(200)}`) },
  ];
  for (const key of Object.keys(schema.properties ?? {})) {
    for (const value of wrongTypes)
      cases.push({ label: `${key}=${JSON.stringify(value)?.slice(0, 20)}`, body: { ...base, [key]: value } });
    for (const value of nasty)
      cases.push({ label: `${key}=${JSON.stringify(value).slice(0, 20)}`, body: { ...base, [key]: value } });
  }
  return cases;
}

const expectClientError = (
  res: { statusCode: number; headers: Record<string, unknown>; body: string },
  label: string,
) => {
  expect(res.statusCode, `${label}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
  if (res.statusCode >= 400) {
    expect(String(res.headers['content-type']), label).toContain('application/problem+json');
    const body = JSON.parse(res.body);
    expect(typeof body.code, label).toBe('string');
  }
};

describe('bad-input sweep', () => {
  it('covers every operation', () => {
    expect(operations.length).toBeGreaterThan(30);
  });

  it('every integer a request takes fits the 32-bit columns it reaches (ids, versions, counts): the schema caps it', () => {
    const doc = t.app.swagger() as { components?: { schemas?: Record<string, JsonSchema> } };
    const uncapped: string[] = [];
    for (const op of operations) {
      const found = [
        ...op.parameters.flatMap((p) => integerPaths(p.schema, doc, [`${p.in}.${p.name}`])),
        ...integerPaths(op.body, doc, ['body']),
      ];
      for (const { path, schema } of found) {
        const max = schema.maximum ?? (schema.exclusiveMaximum === undefined ? undefined : schema.exclusiveMaximum - 1);
        const min = schema.minimum ?? (schema.exclusiveMinimum === undefined ? undefined : schema.exclusiveMinimum + 1);
        if (max === undefined || max > INT4_MAX || min === undefined || min < -INT4_MAX - 1)
          uncapped.push(`${op.key} ${path.join('.')} [${min}, ${max}]`);
      }
    }
    expect(uncapped).toEqual([]);
  });

  it('integers: 2^31 is refused (400) and -1 or an id that does not exist never gives a 5xx, in every field and parameter', async () => {
    const doc = t.app.swagger() as { components?: { schemas?: Record<string, JsonSchema> } };
    const idFor = (path: string) =>
      path.startsWith('/api/users')
        ? w.accounts.teamA1.id
        : path.startsWith('/api/households')
          ? w.households.hA1.id
          : path.startsWith('/api/units')
            ? w.alleyA1.id
            : w.residents.cuong.id;
    let probes = 0;
    for (const op of operations.filter(
      (o) => o.key !== 'POST /api/auth/logout' && o.key !== 'POST /api/auth/password',
    )) {
      const url = fillPath(op.path, { id: idFor(op.path) });
      for (const p of op.parameters.filter((p) => isInteger(deref(p.schema, doc) ?? {}))) {
        for (const value of [2 ** 31, -1, INT4_MAX]) {
          const target =
            p.in === 'path'
              ? fillPath(op.path, new Proxy({}, { get: (_, name) => (name === p.name ? value : idFor(op.path)) }))
              : `${url}?${p.name}=${value}`;
          const res = await w.agents.admin.request({
            method: op.method as 'GET',
            url: target,
            payload: op.method === 'GET' ? undefined : {},
          });
          expectClientError(res, `${op.key} ${p.in} ${p.name}=${value}`);
          if (value === 2 ** 31) expect(res.statusCode, `${op.key} ${p.name}=${value}`).toBe(400);
          probes++;
        }
      }
      if (!op.body) continue;
      for (const { path } of integerPaths(op.body, doc)) {
        for (const value of [2 ** 31, -1, INT4_MAX]) {
          const payload = bodyWith(op.body, doc, path, value) as object;
          const res = await w.agents.admin.request({ method: op.method as 'POST', url, payload });
          const label = `${op.key} body.${path.join('.')}=${value}`;
          expectClientError(res, label);
          if (value === 2 ** 31) expect(res.statusCode, label).toBe(400);
          probes++;
        }
      }
    }
    expect(probes).toBeGreaterThan(100);
  }, 180_000);

  it('path parameters: non-numeric, negative, zero, overflow, injection → 4xx', async () => {
    for (const op of operations.filter((o) => o.path.includes('{'))) {
      for (const bad of [
        'abc',
        '-1',
        '0',
        '2147483648',
        '99999999999999999999',
        "1' OR '1'='1",
        '1.5',
        '%00',
        '%E0%A4%A',
      ]) {
        const url = fillPath(op.path, new Proxy({}, { get: () => bad }));
        const res = await w.agents.admin.request({
          method: op.method as 'GET',
          url: url.replace(/%25/g, '%'),
          payload: op.method === 'GET' ? undefined : {},
        });
        expectClientError(res, `${op.key} with ${bad}`);
        expect(res.statusCode, `${op.key} with ${bad}`).toBeGreaterThanOrEqual(400);
      }
    }
  }, 120_000);

  it('query parameters: wrong types, huge and hostile strings → never 5xx; wrong types → 400', async () => {
    for (const op of operations) {
      const query = op.parameters.filter((p) => p.in === 'query');
      const url = fillPath(op.path, { id: w.residents.an.id });
      for (const p of query) {
        const type = p.schema.type;
        for (const bad of [...nasty, huge.slice(0, 5000), 'abc', '-5', '1e309']) {
          // a lone surrogate cannot be put in a URL at all
          if (INVALID_TEXT.test(bad) && !bad.includes('\u0000')) continue;
          const res = await w.agents.admin.request({
            method: op.method as 'GET',
            url: `${url}?${p.name}=${encodeURIComponent(bad)}`,
            payload: op.method === 'GET' ? undefined : {},
          });
          expectClientError(res, `${op.key}?${p.name}=${bad.slice(0, 20)}`);
          if ((type === 'integer' || p.schema.enum) && !/^\d+$/.test(bad))
            expect(res.statusCode, `${op.key}?${p.name}=${bad.slice(0, 20)}`).toBe(400);
        }
      }
    }
  }, 120_000); // every operation with a query, each with a dozen malformed values

  it('JSON bodies: wrong types, missing fields, hostile strings, deep nesting → never 5xx, and nothing half-written', async () => {
    const doc = t.app.swagger() as { components?: { schemas?: Record<string, JsonSchema> } };
    // Logging out or changing the password would end the admin's session for the cases after it.
    for (const op of operations.filter(
      (o) => o.body && o.key !== 'POST /api/auth/logout' && o.key !== 'POST /api/auth/password',
    )) {
      const schema = deref(op.body, doc)!;
      const url = fillPath(op.path, {
        id: op.path.startsWith('/api/users')
          ? w.accounts.teamA1.id
          : op.path.startsWith('/api/households')
            ? w.households.hA1.id
            : op.path.startsWith('/api/units')
              ? w.alleyA1.id
              : w.residents.cuong.id,
      });
      for (const c of bodyCases(schema)) {
        const res = await w.agents.admin.request({ method: op.method as 'POST', url, payload: c.body as object });
        expectClientError(res, `${op.key} ${c.label}`);
      }
      const missing = await w.agents.admin.request({ method: op.method as 'POST', url, payload: {} });
      if ((schema.required ?? []).length) expect(missing.statusCode, `${op.key} with {}`).toBe(400);
    }
  }, 300_000); // every body-taking operation, each with a dozen malformed bodies (issue 17 added a dozen more)

  it('session-ending operations (logout, password) get the same sweep with a session of their own', async () => {
    const doc = t.app.swagger() as { components?: { schemas?: Record<string, JsonSchema> } };
    const user = await w.f.user('DIGITAL_TEAM', w.groupA1);
    let agent = await login(t.app, user.username, user.password);
    for (const op of operations.filter(
      (o) => o.key === 'POST /api/auth/logout' || o.key === 'POST /api/auth/password',
    )) {
      for (const c of bodyCases(deref(op.body, doc)!)) {
        const res = await agent.request({ method: 'POST', url: op.path, payload: c.body as object });
        expectClientError(res, `${op.key} ${c.label}`);
        if (res.statusCode === 200) agent = await login(t.app, user.username, user.password);
      }
    }
  });

  it('malformed JSON, wrong content type, oversized body → 400/415/413 problem+json', async () => {
    const malformed = await w.agents.admin.request({
      method: 'POST',
      url: '/api/residents',
      payload: '{"fullName": "An",',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.statusCode).toBe(400);
    expectClientError(malformed, 'malformed');
    const xml = await w.agents.admin.request({
      method: 'POST',
      url: '/api/residents',
      payload: '<a/>',
      headers: { 'content-type': 'application/xml' },
    });
    expect(xml.statusCode).toBe(415);
    expectClientError(xml, 'xml');
    const big = await w.agents.admin.request({
      method: 'POST',
      url: '/api/residents',
      payload: JSON.stringify({ fullName: 'x'.repeat(2 * 1024 * 1024) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(big.statusCode).toBe(413);
    expectClientError(big, 'oversized');
  });

  it('an oversized upload is refused with 413 and nothing stored', async () => {
    const big = Buffer.alloc(21 * 1024 * 1024, 0x41);
    const res = await w.agents.admin.request({
      method: 'POST',
      url: '/api/imports',
      ...multipartBody({ unitId: w.groupA1.id }, { name: 'big.csv', content: big }),
    });
    expect(res.statusCode).toBe(413);
    expectClientError(res, 'upload');
    const rows = await t.database.raw<{ n: number }>('select count(*)::int as n from import_jobs');
    expect(rows[0]!.n).toBe(0);
  });

  it('an upload cut off in the middle → 400 problem+json, on every multipart operation', async () => {
    // The OpenAPI document describes no multipart bodies (the routes read the stream themselves), so they are named.
    const dossier = await w.f.dossier(w.communeA);
    const announcement = await w.f.announcement(w.communeA);
    const entry = await w.f.scorecardEntry(w.groupA1);
    const uploads = [
      '/api/imports',
      '/api/public/uploads',
      `/api/dossiers/${dossier.id}/files`,
      `/api/announcements/${announcement}/files`,
      `/api/public/communes/${w.communeA.code}/feedback`,
      `/api/scorecards/entries/${entry.id}/evidence`,
    ];
    for (const url of uploads) {
      const whole = multipartBody(
        { unitId: w.groupA1.id, kind: 'SCAN' },
        { name: 'giay-to.pdf', content: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(50_000, 0x41)]) },
      );
      const res = await w.agents.admin.request({
        method: 'POST',
        url,
        headers: whole.headers,
        payload: whole.payload.subarray(0, whole.payload.length - 20_000),
      });
      expectClientError(res, `${url} truncated`);
      expect(res.statusCode, `${url} truncated: ${res.body.slice(0, 200)}`).toBe(400);
    }
  });

  it('dates the rules forbid are refused by the rules (400), before the database constraints could fail', async () => {
    const { cuong } = w.residents; // joined hA2 on 2010-01-01
    const leave = await w.agents.admin.post(`/api/residents/${cuong.id}/leave`, {
      leftOn: '2009-12-31',
      reason: 'Chuyển đi',
    });
    expect(leave.statusCode, leave.body).toBe(400);
    expect(leave.json().errors[0]).toMatchObject({ field: 'leftOn', code: 'BEFORE_JOINED' });
    // Into a household of its own: earlier sweeps may have closed the world's units.
    const target = await w.agents.admin.post('/api/households', { unitId: w.groupA1.id, address: 'Số 8, ngõ 8' });
    expect(target.statusCode).toBe(201);
    const move = await w.agents.admin.post(`/api/residents/${cuong.id}/move`, {
      householdId: target.json().id,
      movedOn: '2009-12-31',
    });
    expect(move.statusCode, move.body).toBe(400);
    expect(move.json().errors[0]).toMatchObject({ field: 'movedOn', code: 'BEFORE_JOINED' });
    const [still] = await t.database.raw<{ n: number }>(
      'select count(*)::int as n from household_members where resident_id = $1 and left_on is null',
      [cuong.id],
    );
    expect(still!.n).toBe(1);

    const created = await w.agents.admin.post('/api/households', {
      unitId: w.groupA1.id,
      address: 'Số 9, ngõ 9',
      establishedOn: '2020-05-01',
    });
    expect(created.statusCode).toBe(201);
    const dissolve = await w.agents.admin.patch(`/api/households/${created.json().id}`, {
      version: created.json().version,
      dissolvedOn: '2019-01-01',
    });
    expect(dissolve.statusCode, dissolve.body).toBe(400);
    expect(dissolve.json().errors[0]).toMatchObject({ field: 'dissolvedOn', code: 'BEFORE_ESTABLISHED' });
  });

  it('hostile text that is valid is stored as text and returned escaped by JSON, never executed', async () => {
    const res = await w.agents.admin.post('/api/households', {
      unitId: w.groupA1.id,
      address: "<script>alert(1)</script>'; drop table residents; --",
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().address).toBe("<script>alert(1)</script>'; drop table residents; --");
    expect((await t.database.raw<{ n: number }>('select count(*)::int as n from residents'))[0]!.n).toBeGreaterThan(0);
  });
});
