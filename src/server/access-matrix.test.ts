import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleGrants } from '../shared/permissions.js';
import { expectations, multipart, type Target } from '../../test/access-expectations.js';
import { buildTestApp, eventually, login, type Agent, type TestContext } from '../../test/helpers.js';
import { listOperations, type Operation } from '../../test/openapi.js';
import { buildWorld, type World } from '../../test/world.js';

/**
 * For every operation in the OpenAPI document, as each role, on something inside its units and on something outside:
 * the expected allow or deny, and no personal data in any denied response. Generic over the document, so a new
 * route without an entry in test/access-expectations.ts fails here.
 */
let t: TestContext;
let w: World & { imports: { A: number; B: number } };
let operations: Operation[];

beforeAll(async () => {
  t = await buildTestApp();
  const world = await buildWorld(t);
  const csv = 'Số hộ,Địa chỉ,Họ và tên,Ngày sinh,Giới tính\n1,Số 1,Ma Văn Thử,01/01/1990,Nam';
  const upload = async (unitId: number) => {
    const target = multipart(unitId, csv);
    const res = await world.agents.admin.request({
      method: 'POST',
      url: target.url,
      payload: target.payload,
      headers: target.headers,
    });
    const id = res.json().id as number;
    await eventually(async () =>
      (await world.agents.admin.get(`/api/imports/${id}`)).json().status === 'VALIDATED' ? true : undefined,
    );
    return id;
  };
  w = Object.assign(world, { imports: { A: await upload(world.groupA1.id), B: await upload(world.groupB1.id) } });
  operations = listOperations(t.app);
});
afterAll(() => t.close());

const personalData = () => [
  'Nguyễn Văn An',
  'Trần Thị Bình',
  'Lê Đức Cường',
  'Phạm Thị Dung',
  'Hoàng Văn Em',
  '031078001234',
  '031190007777',
  '912345678',
  'Tiểu đường',
];

async function call(agent: Agent | null, op: Operation, target: Target) {
  const options = { method: op.method as 'GET', url: target.url, payload: target.payload, headers: target.headers };
  return agent ? agent.request(options) : t.app.inject(options);
}

function expectDenied(
  res: { statusCode: number; body: string; headers: Record<string, unknown> },
  statuses: number[],
  label: string,
) {
  expect(statuses, `${label} → ${res.statusCode} ${res.body.slice(0, 200)}`).toContain(res.statusCode);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  for (const secret of personalData()) expect(res.body, `${label} leaks ${secret}`).not.toContain(secret);
}

function expectAllowed(res: { statusCode: number; body: string }, label: string) {
  // Allowed means the request got past authorization: success, or a domain answer such as 400/409 for stale data.
  expect([401, 403, 404], `${label} → ${res.statusCode} ${res.body.slice(0, 300)}`).not.toContain(res.statusCode);
  expect(res.statusCode, label).toBeLessThan(500);
}

describe('access matrix', () => {
  it('has an expectation for every operation in the OpenAPI document, and no stale ones', () => {
    const keys = operations.map((o) => o.key).sort();
    expect(
      keys.filter((k) => !(k in expectations)),
      'operations without an access expectation',
    ).toEqual([]);
    expect(
      Object.keys(expectations).filter((k) => !keys.includes(k)),
      'expectations for operations that no longer exist',
    ).toEqual([]);
    expect(keys.length).toBeGreaterThan(30);
  });

  it('without a session every private operation answers 401 and reveals nothing', async () => {
    for (const op of operations) {
      const e = expectations[op.key]!;
      if ('public' in e) continue;
      expectDenied(await call(null, op, await e.inside(w)), [401], `anonymous ${op.key}`);
    }
  });

  const roles = ['admin', 'province', 'leaderA', 'onestopA', 'headA1', 'teamA1', 'leaderB'] as const;
  for (const name of roles) {
    it(`as ${name}: allowed where the role grants it inside its units, denied (403/404) otherwise`, async () => {
      const role = w.roleOf[name];
      const seesA = name !== 'leaderB';
      const seesB = name === 'admin' || name === 'province' || name === 'leaderB';
      for (const op of operations) {
        const e = expectations[op.key]!;
        if ('public' in e) continue;
        const agent = e.freshSession
          ? await login(t.app, w.accounts[name].username, w.accounts[name].password)
          : w.agents[name];
        const granted = e.permission === 'signed-in' || roleGrants(role, e.permission);
        const insideTarget = await e.inside(w);
        const label = `${name} (${role}) ${op.key} ${insideTarget.url}`;
        const res = await call(agent, op, insideTarget);
        if (!granted) expectDenied(res, [403], label);
        else if (seesA || !e.outside) expectAllowed(res, label);
        else expectDenied(res, [403, 404], label);
        if (e.outside) {
          const outsideTarget = await e.outside(w);
          const out = await call(agent, op, outsideTarget);
          const outLabel = `${name} (${role}) ${op.key} outside ${outsideTarget.url}`;
          if (!granted) expectDenied(out, [403], outLabel);
          else if (seesB) expectAllowed(out, outLabel);
          else expectDenied(out, [403, 404], outLabel);
        }
      }
    }, 120_000); // every operation twice as one role: past 30 s on a busy machine once PAKN's were added
  }
});
