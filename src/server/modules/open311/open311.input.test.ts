import { describe, expect, it } from 'vitest';
import { base, useOpen311 } from './open311.test-kit.js';

// Hostile input on every Open311 parameter and field: a 4xx in the spec's error list, never a 5xx or problem+json.
const kit = useOpen311();
const { env, get, post, valid } = kit;

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
        const q = p === 'jurisdiction_id' ? `jurisdiction_id=${v}` : `jurisdiction_id=${kit.code}&${p}=${v}`;
        expectSpecAnswer(await get(`${base}/requests.json?${q}`), `requests ${p}=${value.slice(0, 20)}`);
      }
      for (const path of ['services', 'requests', 'tokens']) {
        const res = await get(`${base}/${path}/${v}.xml?jurisdiction_id=${kit.code}`);
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
      payload: { jurisdiction_id: kit.code, api_key: kit.apiKey, service_code: 42, lat: [] },
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
