import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, eventually, login, type Agent, type TestContext } from '../../test/helpers.js';
import { factories } from '../../test/factories.js';
import { isDatabaseUnreachable } from './plugins/errors.js';

/**
 * While the database is away the API answers 503 with Retry-After (never a 500), /healthz says "down", and both
 * recover by themselves when it is back. On PostgreSQL the app reaches its database through a TCP proxy this test
 * cuts and restores, so the shared server and other tests are not disturbed.
 */

describe('what counts as "the database is unreachable"', () => {
  it('refused and reset connections, server shutdown and start-up SQLSTATEs, node-postgres lost connections', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const wrapped = Object.assign(new Error('Failed query: select 1\nparams: '), { cause: refused });
    const everyAddress = Object.assign(new AggregateError([refused], ''), { code: undefined });
    const shutdown = Object.assign(new Error('terminating connection due to administrator command'), {
      code: '57P01',
      severity: 'FATAL',
    });
    const starting = Object.assign(new Error('the database system is starting up'), { code: '57P03' });
    const lost = new Error('Connection terminated unexpectedly');
    const protocol = Object.assign(new Error('connection failure'), { code: '08006' });
    for (const e of [refused, wrapped, everyAddress, shutdown, starting, lost, protocol])
      expect(isDatabaseUnreachable(e), e.message).toBe(true);
    const unique = Object.assign(new Error('duplicate key'), { code: '23505', severity: 'ERROR' });
    for (const e of [unique, new Error('something else'), new TypeError('x is undefined')])
      expect(isDatabaseUnreachable(e), e.message).toBe(false);
  });
});

describe('GET /healthz when the database does not answer', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('503 { status: "down" } with Retry-After, then 200 again as soon as it answers', async () => {
    const raw = t.database.raw;
    t.database.raw = () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    try {
      const down = await t.app.inject({ method: 'GET', url: '/healthz' });
      expect(down.statusCode).toBe(503);
      expect(down.json()).toEqual({ status: 'down', database: t.database.kind });
      expect(down.headers['retry-after']).toBe('10');
    } finally {
      t.database.raw = raw;
    }
    const up = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(up.json()).toEqual({ status: 'ok', database: t.database.kind });
  });
});

/** A TCP proxy to PostgreSQL that can be cut (every connection dropped, new ones refused) and restored. */
async function cuttableProxy(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;
  const open = () =>
    new Promise<void>((resolve, reject) => {
      server = net.createServer((client) => {
        const upstream = net.connect(target);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('error', () => undefined);
          s.on('close', () => {
            sockets.delete(s);
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream).pipe(client);
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });
  await open();
  return {
    get port() {
      return port;
    },
    async cut() {
      const closed = new Promise((resolve) => server!.close(resolve));
      for (const s of sockets) s.destroy();
      await closed;
    },
    restore: open,
  };
}

const withPostgres = process.env.TEST_DATABASE_URL ? describe : describe.skip;

withPostgres('PostgreSQL goes away under a running app, then comes back', () => {
  let t: TestContext;
  let proxy: Awaited<ReturnType<typeof cuttableProxy>>;
  let admin: Agent;
  beforeAll(async () => {
    const real = new URL(process.env.TEST_DATABASE_URL!);
    proxy = await cuttableProxy({ host: real.hostname, port: Number(real.port || 5432) });
    t = await buildTestApp(
      {},
      {
        via: (url) => {
          const proxied = new URL(url);
          proxied.hostname = '127.0.0.1';
          proxied.port = String(proxy.port);
          return proxied;
        },
      },
    );
    const f = factories(t.database, t.cipher);
    const user = await f.user('SYSTEM_ADMIN', await f.commune());
    admin = await login(t.app, user.username, user.password);
  });
  afterAll(async () => {
    await proxy?.restore().catch(() => undefined);
    await t?.close();
  });

  it('503 with Retry-After on every request that needs it and "down" from /healthz; all well again after', async () => {
    expect((await admin.get('/api/residents')).statusCode).toBe(200);
    await proxy.cut();

    const health = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(503);
    expect(health.json()).toEqual({ status: 'down', database: 'postgres' });
    for (const res of [
      await admin.get('/api/residents'),
      await admin.post('/api/households', { unitId: 1, address: 'Số 1' }),
      await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'a', password: 'b' } }),
    ]) {
      expect(res.statusCode, res.body).toBe(503);
      expect(res.json()).toMatchObject({ code: 'UNAVAILABLE' });
      expect(res.headers['retry-after']).toBe('10');
    }

    await proxy.restore();
    await eventually(async () => {
      const res = await t.app.inject({ method: 'GET', url: '/healthz' });
      return res.statusCode === 200 ? res : undefined;
    });
    expect((await admin.get('/api/residents')).statusCode).toBe(200);
  }, 60_000);
});
