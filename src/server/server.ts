import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { openDatabase, queryRows, type Database } from './db/client.js';
import { migrateDatabase } from './db/migrate.js';
import { seedDemo, type DemoLogin } from './demo/seed.js';
import { createJobs } from './jobs/jobs.js';
import { createPiiCipher } from './lib/pii-cipher.js';
import { sql } from 'drizzle-orm';

/** The database named by the config: PostgreSQL when DATABASE_URL is set, else PGlite persisted in DATA_DIR. */
export async function openConfiguredDatabase(config: Config): Promise<Database> {
  return config.databaseUrl
    ? openDatabase({ kind: 'postgres', url: config.databaseUrl })
    : openDatabase({ kind: 'pglite', dataDir: path.join(config.dataDir, 'pglite') });
}

const loginsFile = (config: Config) => path.join(config.dataDir, 'demo-logins.json');

/**
 * Migrates, seeds the demo commune when the database has no residents, serves the API and the web app,
 * and closes everything cleanly on SIGINT/SIGTERM.
 */
export async function serve(config: Config, options: { seedDemo: boolean } = { seedDemo: true }) {
  const database = await openConfiguredDatabase(config);
  await migrateDatabase(database);
  const cipher = createPiiCipher(config.keys);
  let logins: DemoLogin[] | undefined;
  const [{ n }] = (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from users`)) as [
    { n: number },
  ];
  if (options.seedDemo && n === 0) {
    console.log('Empty database: building the demo commune…');
    const demo = await seedDemo(database, cipher, { residents: 1200, seed: 2025, password: config.demoPassword });
    logins = demo.logins;
    // Kept (mode 600, under DATA_DIR, never in git) so the random demo passwords can be printed on every start.
    writeFileSync(loginsFile(config), JSON.stringify(logins, null, 2), { mode: 0o600 });
  } else if (existsSync(loginsFile(config))) {
    logins = JSON.parse(readFileSync(loginsFile(config), 'utf8')) as DemoLogin[];
  }
  const jobs = createJobs(database);
  await jobs.start();
  const app = await buildApp(
    { config, database, cipher, jobs },
    { logger: { level: config.logLevel }, serveWeb: true },
  );
  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${(app.server.address() as { port: number }).port}`;
  console.log(`\nKetnoi is running on ${url}  (database: ${database.kind})`);
  console.log(`API docs: ${url}/api/docs`);
  if (logins) {
    console.log('\nDemo logins (tên đăng nhập / mật khẩu):');
    for (const l of logins) console.log(`  ${l.username.padEnd(10)} ${l.password.padEnd(16)} ${l.role} — ${l.unit}`);
  }
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await app.close();
    await jobs.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  return { app, database, jobs, url };
}
