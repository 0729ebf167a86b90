import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/server/app.js';
import type { App } from '../src/server/deps.js';
import { loadConfig, type Config } from '../src/server/config.js';
import { openDatabase, type Database } from '../src/server/db/client.js';
import { createJobs, type Jobs } from '../src/server/jobs/jobs.js';
import { createPiiCipher, type PiiCipher } from '../src/server/lib/pii-cipher.js';
import { startSandbox, type Sandbox } from '../src/server/modules/sandbox/sandbox.js';

export type TestContext = {
  app: App;
  database: Database;
  cipher: PiiCipher;
  jobs: Jobs;
  config: Config;
  /** With `buildTestApp(…, { sandbox: true })`: the running sandbox providers. */
  sandbox?: Sandbox;
  close(): Promise<void>;
};

/** A fresh copy of the migrated template: PGlite from the dump, or a PostgreSQL database cloned from the template. */
async function openTestDatabase(via?: (url: URL) => URL): Promise<{ database: Database; drop(): Promise<void> }> {
  const templateDatabase = inject('templateDatabase');
  if (templateDatabase) {
    const url = process.env.TEST_DATABASE_URL!;
    const name = `ketnoi_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${templateDatabase}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    const database = await openDatabase({ kind: 'postgres', url: (via ? via(target) : target).toString(), max: 5 });
    return {
      database,
      drop: async () => {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const dump = readFileSync(inject('templateDump'));
  const database = await openDatabase({ kind: 'pglite', loadDataDir: new Blob([dump]) });
  return { database, drop: async () => undefined };
}

/** Builds the real app over a fresh database, with fresh random keys. Call `close()` in afterAll. */
export async function buildTestApp(
  overrides: Record<string, string> = {},
  options: {
    serveWeb?: boolean;
    logger?: NonNullable<Parameters<typeof buildApp>[1]>['logger'];
    /** PostgreSQL only: how the app reaches its database (e.g. through a proxy a test can cut). */
    via?: (url: URL) => URL;
    /** Runs the sandbox providers (modules/sandbox) with the app pointed at them; reports wait for flushReports(). */
    sandbox?: boolean;
  } = {},
): Promise<TestContext> {
  const { database, drop } = await openTestDatabase(options.via);
  const loaded = loadConfig({
    KETNOI_ENV: 'test',
    KETNOI_DATA_KEY: randomBytes(32).toString('base64'),
    KETNOI_INDEX_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'silent',
    ...overrides,
  });
  const sandbox = options.sandbox ? await startSandbox(loaded, { reportDelayMs: 0, port: 0 }) : undefined;
  const config = sandbox?.config ?? loaded;
  const cipher = createPiiCipher(config.keys);
  const jobs = createJobs(database);
  await jobs.start();
  const app = await buildApp(
    { config, database, cipher, jobs, sandbox },
    { serveWeb: options.serveWeb, logger: options.logger },
  );
  sandbox?.attach((c) =>
    app.inject({
      method: 'POST',
      url: c.url,
      payload: c.body,
      headers: { 'content-type': 'application/json', ...c.headers },
    }),
  );
  await app.ready();
  return {
    app,
    database,
    cipher,
    jobs,
    config,
    sandbox,
    async close() {
      await sandbox?.close();
      await app.close();
      await jobs.stop();
      await database.close();
      await drop();
    },
  };
}

/** A signed-in client: keeps the session cookie and sends the CSRF token on state-changing requests. */
export type Agent = {
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  cookie: string;
  csrf: string;
};

export async function login(app: App, username: string, password: string): Promise<Agent> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = String(res.cookies.find((c) => c.name === 'ketnoi_session')!.value);
  const csrf = res.json().csrfToken as string;
  const agent: Agent = {
    cookie,
    csrf,
    request: (options) =>
      app.inject({
        ...options,
        cookies: { ketnoi_session: cookie, ...(options.cookies ?? {}) },
        headers: { 'x-csrf-token': csrf, ...(options.headers ?? {}) },
      }),
    get: (url, headers) => agent.request({ method: 'GET', url, headers }),
    post: (url, body) => agent.request({ method: 'POST', url, payload: body as InjectOptions['payload'] }),
    patch: (url, body) => agent.request({ method: 'PATCH', url, payload: body as InjectOptions['payload'] }),
    put: (url, body) => agent.request({ method: 'PUT', url, payload: body as InjectOptions['payload'] }),
  };
  return agent;
}

/** Polls until `check` returns a value (for background jobs), failing after `ms`. */
export async function eventually<T>(check: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}
