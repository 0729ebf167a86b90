import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login, type TestContext } from '../../../../test/helpers.js';
import { factories } from '../../../../test/factories.js';

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

  it('423 after 5 failures: the account is locked even for the right password, and the failures are audited', async () => {
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
    expectProblem(locked, 423, 'LOCKED');
    expect(locked.headers['retry-after']).toBeDefined();
    const rows = await t.database.raw<{ n: number }>(
      `select count(*)::int as n from audit_log where user_id = $1 and action = 'auth.login_failed'`,
      [user.id],
    );
    expect(rows[0]!.n).toBe(6);
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
