import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestContext } from '../../test/helpers.js';
import { factories } from '../../test/factories.js';
import { ConfigError, loadConfig } from './config.js';

/**
 * Behind a TLS proxy the client's address and protocol come from X-Forwarded-For / -Proto, which any client can also
 * send. Only the proxies named in TRUST_PROXY are believed; everyone else's headers are ignored, so per-address
 * limits cannot be escaped by forging them. (`app.inject` connects from 127.0.0.1.)
 */
const env = (TRUST_PROXY: string) => ({
  KETNOI_ENV: 'test',
  KETNOI_DATA_KEY: Buffer.alloc(32, 1).toString('base64'),
  KETNOI_INDEX_KEY: Buffer.alloc(32, 2).toString('base64'),
  TRUST_PROXY,
});

describe('TRUST_PROXY in the configuration', () => {
  it('refuses true (any client would choose its own address) and what is not an address, CIDR or hop count', () => {
    expect(() => loadConfig(env('true'))).toThrow(ConfigError);
    expect(() => loadConfig(env('true'))).toThrow(/X-Forwarded-For/);
    for (const bad of ['yes', '10.0.0.0/33', '10.0.0.1,proxy.local', '1.2.3', '::1/129', '99']) {
      expect(() => loadConfig(env(bad)), bad).toThrow(ConfigError);
    }
  });

  it('takes a list of addresses and CIDRs, a hop count, or nothing', () => {
    expect(loadConfig(env('127.0.0.1, 10.0.0.0/8,::1,fd00::/8')).trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
      'fd00::/8',
    ]);
    expect(loadConfig(env('loopback')).trustProxy).toEqual(['loopback']);
    expect(loadConfig(env('2')).trustProxy).toBe(2);
    expect(loadConfig(env('false')).trustProxy).toBe(false);
    expect(loadConfig(env('')).trustProxy).toBe(false);
  });
});

/** Eleven wrong logins for one username, each claiming another address; the login route allows 10 a minute. */
async function forgedLogins(t: TestContext, username: string) {
  const statuses: number[] = [];
  for (let i = 1; i <= 11; i++) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-for': `203.0.113.${i}`, 'x-forwarded-proto': 'https' },
      payload: { username, password: 'sai-mat-khau' },
    });
    statuses.push(res.statusCode);
  }
  return statuses;
}

const auditedAddresses = async (t: TestContext, username: string) =>
  (
    await t.database.raw<{ ip: string }>(
      `select distinct ip from audit_log where action = 'auth.login_failed' and details->>'username' = $1`,
      [username],
    )
  ).map((r) => r.ip);

describe('a forged X-Forwarded-For from a client that is not a trusted proxy', () => {
  for (const [label, trust] of [
    ['no proxy configured', 'false'],
    ['a proxy configured elsewhere (10.0.0.0/8)', '10.0.0.0/8'],
  ] as const) {
    it(`${label}: two forged addresses hit the same rate limit, and the socket's address is audited`, async () => {
      const t = await buildTestApp({ TRUST_PROXY: trust });
      try {
        const statuses = await forgedLogins(t, 'nobody-forged');
        expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
        expect(statuses[10]).toBe(429);
        expect(await auditedAddresses(t, 'nobody-forged')).toEqual(['127.0.0.1']);
      } finally {
        await t.close();
      }
    });
  }
});

describe('through a trusted proxy', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await buildTestApp({ TRUST_PROXY: '127.0.0.1' });
  });
  afterAll(() => t.close());

  it("the client's address is the one the proxy gives, so each client has its own limit", async () => {
    const statuses = await forgedLogins(t, 'nobody-proxied');
    expect(statuses).toEqual(Array(11).fill(401));
    expect((await auditedAddresses(t, 'nobody-proxied')).length).toBe(11);
  });

  it('cookies are Secure when the proxy says the request came over https, and not when it came over http', async () => {
    const f = factories(t.database, t.cipher);
    const user = await f.user('GROUP_HEAD', await f.commune());
    const login = (proto: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-for': '203.0.113.50', 'x-forwarded-proto': proto },
        payload: { username: user.username, password: user.password },
      });
    const https = await login('https');
    expect(https.cookies.find((c) => c.name === 'ketnoi_session')!.secure).toBe(true);
    const http = await login('http');
    expect(http.cookies.find((c) => c.name === 'ketnoi_session')!.secure).toBeFalsy();
  });
});

describe('a hop count', () => {
  it('believes that many hops from the server: the address the proxy appended, not the one the client forged', async () => {
    const t = await buildTestApp({ TRUST_PROXY: '1' });
    try {
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-for': '6.6.6.6, 203.0.113.9', 'x-forwarded-proto': 'https' },
        payload: { username: 'nobody-hops', password: 'sai-mat-khau' },
      });
      expect(await auditedAddresses(t, 'nobody-hops')).toEqual(['203.0.113.9']);
    } finally {
      await t.close();
    }
  });
});
