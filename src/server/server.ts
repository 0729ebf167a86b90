import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { openDatabase, queryRows, type Database } from './db/client.js';
import { migrateDatabase } from './db/migrate.js';
import { seedDemo, type DemoLogin } from './demo/seed.js';
import { createJobs } from './jobs/jobs.js';
import { createPiiCipher } from './lib/pii-cipher.js';
import { wakeDeliveries } from './modules/announcements/deliveries.js';
import { startSandbox } from './modules/sandbox/sandbox.js';
import { sql } from 'drizzle-orm';

/** The database named by the config: PostgreSQL when DATABASE_URL is set, else PGlite persisted in DATA_DIR. */
export async function openConfiguredDatabase(config: Config): Promise<Database> {
  if (config.databaseUrl) return openDatabase({ kind: 'postgres', url: config.databaseUrl });
  // DATA_DIR holds the embedded database, the development keys and the demo logins: the owner's alone.
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  chmodSync(config.dataDir, 0o700);
  return openDatabase({ kind: 'pglite', dataDir: path.join(config.dataDir, 'pglite') });
}

const loginsFile = (config: Config) => path.join(config.dataDir, 'demo-logins.json');

/** What an empty production database says at start-up: how to make the first account. */
export const FIRST_ADMIN_HINT =
  'No accounts yet. Create the first administrator with: npm run ketnoi -- user:add --username <name> ' +
  '--role SYSTEM_ADMIN --unit VN --password-stdin  (then sign in and add the others from the console; ' +
  '--unit takes any unit code: VN is the nation, 01…96 the provinces)';

async function countUsers(database: Database): Promise<number> {
  const [row] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from users`);
  return row!.n;
}

/**
 * Migrates, serves the API and the web app, and closes everything cleanly on SIGINT/SIGTERM. Outside production an
 * empty database first gets the demo province and its logins are printed (on every start); production never builds
 * the demo nor prints a password, whatever DEMO_PASSWORD says, and an empty database logs how to add the first
 * administrator instead.
 */
export async function serve(
  loaded: Config,
  options: { seedDemo?: boolean; logStream?: { write(line: string): void } } = {},
) {
  // Outside production, `npm start` runs the sandbox providers first: unconfigured channels are pointed at them.
  const sandbox = loaded.sandbox.enabled ? await startSandbox(loaded, { log: (line) => console.log(line) }) : undefined;
  const config = sandbox?.config ?? loaded;
  const database = await openConfiguredDatabase(config);
  await migrateDatabase(database);
  const cipher = createPiiCipher(config.keys);
  const demo = (options.seedDemo ?? true) && !config.production;
  let logins: DemoLogin[] | undefined;
  const users = await countUsers(database);
  if (demo && users === 0) {
    console.log('Empty database: building the demo province…');
    const built = await seedDemo(database, cipher, {
      residents: 1200,
      seed: 2025,
      password: config.demoPassword,
      sandboxPushBase: sandbox?.base,
    });
    logins = built.logins;
    // Kept (mode 600, under DATA_DIR, never in git) so the random demo passwords can be printed on every start.
    writeFileSync(loginsFile(config), JSON.stringify(logins, null, 2), { mode: 0o600 });
    chmodSync(loginsFile(config), 0o600);
  } else if (demo && existsSync(loginsFile(config))) {
    logins = JSON.parse(readFileSync(loginsFile(config), 'utf8')) as DemoLogin[];
  }
  if (sandbox && !config.zalo.feedbackCommune) {
    // The demo's OA files questions from people outside any group channel under its first commune.
    const [first] = await queryRows<{ code: string }>(
      database.db,
      sql`select code from units where tier = 'COMMUNE' and closed_at is null order by id limit 1`,
    );
    config.zalo.feedbackCommune = first?.code;
  }
  const jobs = createJobs(database);
  await jobs.start();
  const logger = { level: config.logLevel, ...(options.logStream ? { stream: options.logStream } : {}) };
  const app = await buildApp({ config, database, cipher, jobs, sandbox }, { logger, serveWeb: true });
  // The providers' callbacks (signed delivery reports, Zalo events) go through the app's own routes.
  // A report of an undeliverable message queues the household's next channel: the worker is woken for it at once.
  sandbox?.attach(async (c) => {
    await app.inject({
      method: 'POST',
      url: c.url,
      payload: c.body,
      headers: { 'content-type': 'application/json', ...c.headers },
    });
    wakeDeliveries({ jobs });
  });
  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${(app.server.address() as { port: number }).port}`;
  console.log(`\nKetnoi is running on ${url}  (database: ${database.kind})`);
  console.log(`API docs: ${url}/api/docs`);
  if (sandbox) {
    const used = Object.entries(sandbox.channels)
      .filter(([, on]) => on)
      .map(([c]) => c);
    console.log(`Sandbox providers (not production; nothing is really sent): ${used.join(', ')}`);
    console.log(`Sandbox outbox: ${url}/sandbox  (sign in as lanhdao, totruong or admin)`);
    // The demo's notice (and anything queued while stopped) goes through the sandbox now, not in a minute.
    wakeDeliveries({ jobs });
  }
  if (logins) {
    console.log('\nDemo logins (tên đăng nhập / mật khẩu):');
    for (const l of logins) console.log(`  ${l.username.padEnd(10)} ${l.password.padEnd(16)} ${l.role} — ${l.unit}`);
  } else if (users === 0) {
    app.log.warn(FIRST_ADMIN_HINT);
  }
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await app.close();
      await jobs.stop();
      await database.close();
      await sandbox?.close();
    })());
  const onSignal = () => void close().then(() => process.exit(0));
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return { app, database, jobs, url, close };
}
