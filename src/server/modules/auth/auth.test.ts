import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type TestContext } from '../../../../test/helpers.js';
import { factories } from '../../../../test/factories.js';
import { addressKey } from './auth.service.js';

let t: TestContext;
let f: ReturnType<typeof factories>;
let commune: Awaited<ReturnType<ReturnType<typeof factories>['commune']>>;

beforeAll(async () => {
  t = await buildTestApp();
  f = factories(t.database, t.cipher);
  commune = await f.commune();
});
afterAll(() => t.close());

const expectProblem = (
  res: {
    statusCode: number;
    headers: Record<string, unknown>;
    json(): { title?: unknown; detail?: unknown; errors?: { field: string }[] };
  },
  status: number,
  code: string,
) => {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  const body = res.json();
  expect(body).toMatchObject({ status, code });
  expect(typeof body.title).toBe('string');
  expect(typeof body.detail).toBe('string');
  return body;
};

describe('POST /api/auth/login', () => {
  it('200: sets an httpOnly SameSite=Lax session cookie and returns roles and permissions', async () => {
    const user = await f.user('GROUP_HEAD', commune);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username.toUpperCase(), password: user.password },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'ketnoi_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.secure).toBeFalsy(); // plain HTTP in tests; Secure behind TLS
    const body = res.json();
    expect(body.roles).toEqual([
      { role: 'GROUP_HEAD', unitId: commune.id, unitCode: commune.code, unitName: commune.name },
    ]);
    expect(body.permissions).toContain('resident.read');
    expect(body.permissions).not.toContain('user.manage');
  });

  it('sets Secure on the cookie when the request came over TLS through a trusted proxy', async () => {
    const secure = await buildTestApp({ TRUST_PROXY: '127.0.0.1' });
    try {
      const sf = factories(secure.database, secure.cipher);
      const user = await sf.user('GROUP_HEAD', await sf.commune());
      const res = await secure.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { username: user.username, password: user.password },
      });
      expect(res.cookies.find((c) => c.name === 'ketnoi_session')!.secure).toBe(true);
    } finally {
      await secure.close();
    }
  });

  it('401 with a Vietnamese message by default and English on request, for a wrong password or unknown user', async () => {
    const user = await f.user('GROUP_HEAD', commune);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: 'sai-mat-khau' },
    });
    expect(expectProblem(wrong, 401, 'UNAUTHENTICATED').detail).toBe('Tên đăng nhập hoặc mật khẩu không đúng');
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-language': 'en-US' },
      payload: { username: 'nobody-here', password: 'whatever' },
    });
    expect(expectProblem(unknown, 401, 'UNAUTHENTICATED').detail).toBe('Wrong username or password');
  });

  it('locks after 5 failures: the right password then gets the same 401 as a wrong one, and is not even checked', async () => {
    const user = await f.user('GROUP_HEAD', commune);
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: user.username, password: `sai-${i}` },
      });
      expect(res.statusCode).toBe(401);
    }
    const locked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: user.password },
    });
    expect(expectProblem(locked, 401, 'UNAUTHENTICATED').detail).toBe('Tên đăng nhập hoặc mật khẩu không đúng');
    expect(locked.headers['retry-after']).toBeUndefined();
    // The audit trail tells the cases apart: five wrong passwords, then a refusal because of the lock.
    const rows = await t.database.raw<{ reason: string }>(
      `select details->>'reason' as reason from audit_log where user_id = $1 and action = 'auth.login_failed' order by id`,
      [user.id],
    );
    expect(rows.map((r) => r.reason)).toEqual(['password', 'password', 'password', 'password', 'password', 'locked']);
    // Once the lock has run out, the right password works and the count starts again.
    await t.database.raw(`update users set locked_until = now() - interval '1 second' where id = $1`, [user.id]);
    await login(t.app, user.username, user.password);
    const [after] = await t.database.raw<{ failed: number; locked: Date | null }>(
      'select failed_logins as failed, locked_until as locked from users where id = $1',
      [user.id],
    );
    expect(after).toEqual({ failed: 0, locked: null });
  });

  it('an unknown user, a wrong password and a locked account get the same answer in the same time', async () => {
    const wrong = await f.user('GROUP_HEAD', commune);
    const lockedUser = await f.user('GROUP_HEAD', commune);
    await t.database.raw(`update users set failed_logins = 5, locked_until = now() + interval '1 hour' where id = $1`, [
      lockedUser.id,
    ]);
    let n = 0;
    const attempt = async (username: string, password: string) => {
      n += 1;
      const started = performance.now();
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: `198.51.100.${n}`,
        payload: { username, password },
      });
      return { res, ms: performance.now() - started };
    };
    const cases = {
      unknown: () => attempt('khong-ai-co-ten-nay', 'sai-mat-khau'),
      wrong: async () => {
        await t.database.raw('update users set failed_logins = 0 where id = $1', [wrong.id]);
        return attempt(wrong.username, 'sai-mat-khau');
      },
      locked: () => attempt(lockedUser.username, lockedUser.password),
    };
    const times: Record<keyof typeof cases, number[]> = { unknown: [], wrong: [], locked: [] };
    const answers: Record<string, string> = {};
    for (let round = 0; round < 13; round++) {
      for (const [name, run] of Object.entries(cases) as [keyof typeof cases, () => ReturnType<typeof attempt>][]) {
        const { res, ms } = await run();
        expect(res.statusCode, name).toBe(401);
        const headers = Object.keys(res.headers).filter((h) => h !== 'date');
        answers[name] = JSON.stringify({ body: res.json(), headers: headers.sort() });
        if (round > 0) times[name].push(ms); // the first round warms up
      }
    }
    expect(answers.unknown).toBe(answers.wrong);
    expect(answers.locked).toBe(answers.wrong);
    // The fastest of each: noise from other work on the machine only ever adds time, so the minimum is the cost.
    const fastest = (xs: number[]) => Math.min(...xs);
    const base = fastest(times.wrong);
    for (const name of ['unknown', 'locked'] as const) {
      const ratio = fastest(times[name]) / base;
      const label = `${name}: ${fastest(times[name]).toFixed(1)} ms against ${base.toFixed(1)} ms`;
      expect(ratio, label).toBeGreaterThan(0.6);
      expect(ratio, label).toBeLessThan(1.6);
    }
  });

  it('20 wrong passwords at once: no more than the limit (5) are checked, the rest are refused as locked', async () => {
    const user = await f.user('GROUP_HEAD', commune);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress: `203.0.113.${i + 1}`,
          payload: { username: user.username, password: `sai-${i}` },
        }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(401));
    const reasons = await t.database.raw<{ reason: string; n: number }>(
      `select details->>'reason' as reason, count(*)::int as n from audit_log
        where user_id = $1 and action = 'auth.login_failed' group by 1 order by 1`,
      [user.id],
    );
    expect(reasons).toEqual([
      { reason: 'locked', n: 15 },
      { reason: 'password', n: 5 },
    ]);
    const [row] = await t.database.raw<{ n: number }>('select failed_logins as n from users where id = $1', [user.id]);
    expect(row!.n).toBe(5);
  });

  it('429 once one address has failed 30 times across usernames (an IPv6 address counts by its /64); others are unaffected', async () => {
    const user = await f.user('GROUP_HEAD', commune);
    for (let i = 0; i < 30; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: `2001:db8:1:2::${(i + 1).toString(16)}`,
        payload: { username: `doan-ten-${i}`, password: 'sai-mat-khau' },
      });
      expect(res.statusCode).toBe(401);
    }
    const sameBlock = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '2001:db8:1:2:ffff::9',
      payload: { username: user.username, password: user.password },
    });
    expectProblem(sameBlock, 429, 'RATE_LIMITED');
    expect(Number(sameBlock.headers['retry-after'])).toBe(15 * 60);
    const elsewhere = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '2001:db8:1:3::1',
      payload: { username: user.username, password: user.password },
    });
    expect(elsewhere.statusCode).toBe(200);
    // The refused attempt is audited and its password never checked; the account's own count is untouched.
    const [row] = await t.database.raw<{ n: number }>('select failed_logins as n from users where id = $1', [user.id]);
    expect(row!.n).toBe(0);
  });

  it('a successful sign-in does not count against its address', async () => {
    // Four people behind one address sign in nine times each (the per-username route limit is ten a minute).
    const people = await Promise.all(Array.from({ length: 4 }, () => f.user('GROUP_HEAD', commune)));
    for (let i = 0; i < 36; i++) {
      const user = people[i % 4]!;
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '192.0.2.77',
        payload: { username: user.username, password: user.password },
      });
      expect(res.statusCode, `sign-in ${i + 1}`).toBe(200);
    }
  });
});

describe('addressKey', () => {
  it('keeps IPv4 addresses, unwraps IPv4-mapped ones and counts IPv6 by its /64', () => {
    expect(addressKey('203.0.113.5')).toBe('203.0.113.5');
    expect(addressKey('::ffff:203.0.113.5')).toBe('203.0.113.5');
    expect(addressKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:ffff:0:0:9')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });

  it('429 when one client hammers one username (rate limit)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'rate-limited-name', password: 'x' },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('400 with per-field errors when the body is wrong', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 42 } });
    const body = expectProblem(res, 400, 'VALIDATION');
    expect(body.errors?.map((e) => e.field)).toEqual(expect.arrayContaining(['body.username', 'body.password']));
  });
});

describe('GET /api/auth/session', () => {
  it('200 { signedIn: false } without a session, the user with one', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/session' })).json()).toEqual({
      signedIn: false,
      me: null,
    });
    const user = await f.user('DIGITAL_TEAM', commune);
    const agent = await login(t.app, user.username, user.password);
    const body = (await agent.get('/api/auth/session')).json();
    expect(body.signedIn).toBe(true);
    expect(body.me.user.username).toBe(user.username);
  });
});

describe('GET /api/auth/me and CSRF', () => {
  it('401 without a session', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/auth/me' }), 401, 'UNAUTHENTICATED');
  });

  it('403 CSRF when a state-changing request lacks the token, 200 with it', async () => {
    const user = await f.user('GROUP_HEAD', commune);
    const agent = await login(t.app, user.username, user.password);
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/auth/locale',
      cookies: { ketnoi_session: agent.cookie },
      payload: { locale: 'en' },
    });
    expectProblem(res, 403, 'CSRF');
    expect((await agent.put('/api/auth/locale', { locale: 'en' })).statusCode).toBe(200);
    expect((await agent.get('/api/auth/me')).json().user.locale).toBe('en');
  });
});

describe('POST /api/auth/logout', () => {
  it('ends this session only, or every session with everywhere: true', async () => {
    const user = await f.user('GROUP_HEAD', commune);
    const a = await login(t.app, user.username, user.password);
    const b = await login(t.app, user.username, user.password);
    const c = await login(t.app, user.username, user.password);
    expect((await a.post('/api/auth/logout', {})).statusCode).toBe(200);
    expect((await a.get('/api/auth/me')).statusCode).toBe(401);
    expect((await b.get('/api/auth/me')).statusCode).toBe(200);
    expect((await b.post('/api/auth/logout', { everywhere: true })).statusCode).toBe(200);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });
});

describe('POST /api/auth/password', () => {
  it('changes the password, keeps this session, ends the others; the old password stops working', async () => {
    const user = await f.user('GROUP_HEAD', commune);
    const a = await login(t.app, user.username, user.password);
    const b = await login(t.app, user.username, user.password);
    const bad = await a.post('/api/auth/password', { currentPassword: 'not-it', newPassword: 'mot-mat-khau-moi' });
    expectProblem(bad, 400, 'VALIDATION');
    expect(
      (await a.post('/api/auth/password', { currentPassword: user.password, newPassword: 'mot-mat-khau-moi' }))
        .statusCode,
    ).toBe(200);
    expect((await a.get('/api/auth/me')).statusCode).toBe(200);
    expect((await b.get('/api/auth/me')).statusCode).toBe(401);
    const old = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: user.password },
    });
    expect(old.statusCode).toBe(401);
    await login(t.app, user.username, 'mot-mat-khau-moi');
  });

  it('400 when the new password is too short', async () => {
    const user = await f.user('GROUP_HEAD', commune);
    const a = await login(t.app, user.username, user.password);
    expectProblem(
      await a.post('/api/auth/password', { currentPassword: user.password, newPassword: 'short' }),
      400,
      'VALIDATION',
    );
  });
});

describe('GET /healthz', () => {
  it('reports the database kind', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.json()).toEqual({ status: 'ok', database: t.database.kind });
  });
});
