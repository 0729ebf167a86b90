import { XMLParser } from 'fast-xml-parser';
import { beforeAll, expect } from 'vitest';
import { useWorld } from '../../../../test/world.js';

/**
 * What the Open311 test files share: a world with commune A's key issued to a client app, requests in both formats,
 * a valid POST to vary, and the XML parsed back to compare with the JSON.
 */
export const base = '/open311/v2';

/** XML parsed back with every value as text and every list element an array, to compare with the JSON. */
const parser = new XMLParser({
  parseTagValue: false,
  isArray: (name) => ['service', 'request', 'error', 'endpoint', 'format'].includes(name),
});
export const xml = (body: string) => parser.parse(body) as Record<string, Record<string, unknown>>;
/** JSON values as the XML says them: text, empty for null. */
export const asText = (row: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? '' : String(v)]));

export function useOpen311() {
  const env = useWorld({ PUBLIC_SUBMIT_PER_MINUTE: '1000' });
  const kit = {
    env,
    code: '',
    apiKey: '',
    get: (url: string) => env.t.app.inject({ method: 'GET', url }),
    post: (format: 'json' | 'xml', fields: Record<string, string>) =>
      env.t.app.inject({
        method: 'POST',
        url: `${base}/requests.${format}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(fields).toString(),
      }),
    /** A request every check accepts: a sender with a name, phone, email, a map point and a photo link. */
    valid: () => ({
      jurisdiction_id: kit.code,
      api_key: kit.apiKey,
      service_code: 'MOI_TRUONG',
      lat: '21.0285',
      long: '105.8542',
      description: 'Rác để ba ngày ở đầu ngõ 5 chưa được thu gom',
      first_name: 'Văn Khải',
      last_name: 'Đinh',
      phone: '0987 654 321',
      email: 'khai@example.com',
      media_url: 'https://photos.example.com/rac.jpg',
    }),
  };
  beforeAll(async () => {
    kit.code = env.w.communeA.code;
    const res = await env.w.agents.leaderA.post('/api/feedback/open311-clients', {
      communeId: env.w.communeA.id,
      name: 'Ứng dụng Phố Xanh',
      contact: 'dev@phoxanh.example',
    });
    expect(res.statusCode, res.body).toBe(201);
    kit.apiKey = res.json().apiKey;
  });
  return kit;
}
