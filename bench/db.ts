import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { loadConfig } from '../src/server/config.js';
import { openDatabase, type Database } from '../src/server/db/client.js';
import { migrateDatabase } from '../src/server/db/migrate.js';
import { queryRows } from '../src/server/db/client.js';
import { seedDemo } from '../src/server/demo/seed.js';
import type { Permission } from '../src/shared/permissions.js';
import { sql } from 'drizzle-orm';
import { createPiiCipher } from '../src/server/lib/pii-cipher.js';
import type { Jobs } from '../src/server/jobs/jobs.js';

/** Benchmarks run the work in the foreground: no background job runner. */
export const noJobs: Jobs = {
  start: async () => undefined,
  stop: async () => undefined,
  send: async () => null,
  work: async () => undefined,
};

/** Databases and COPY for the benchmarks: each run gets a database of its own, dropped afterwards. */
export async function openBenchDatabase(kind: 'postgres' | 'pglite') {
  if (kind === 'pglite') {
    // On disk, as `npm start` runs it: in-memory PGlite copies a whole relation file each time PostgreSQL extends it
    // (Emscripten's MEMFS resizes by copying), which makes a large import quadratic and measures nothing users run.
    const dataDir = mkdtempSync(join(process.env.BENCH_DATA_DIR ?? tmpdir(), 'ketnoi-bench-'));
    const database = await openDatabase({ kind: 'pglite', dataDir });
    return { database, url: '', drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `ketnoi_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    database: await openDatabase({ kind: 'postgres', url: url.toString(), max: 10 }),
    url: url.toString(),
    drop: async () => {
      // BENCH_KEEP=1 leaves the database for a look with psql (EXPLAIN of a slow step) and prints its name.
      if (process.env.BENCH_KEEP === '1') console.log(`  kept database ${name}`);
      else await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** COPY TO / COPY FROM on either database: PGlite through its /dev/blob device, PostgreSQL through pg-copy-streams. */
export async function copyOut(database: Database, query: string): Promise<Buffer> {
  if (database.kind === 'pglite') {
    const result = await database.pglite!.query(`COPY (${query}) TO '/dev/blob' WITH (FORMAT csv)`);
    return Buffer.from(await result.blob!.arrayBuffer());
  }
  const client = await database.pool!.connect();
  try {
    const chunks: Buffer[] = [];
    await pipeline(
      client.query(copyTo(`COPY (${query}) TO STDOUT WITH (FORMAT csv)`)),
      new Writable({
        write(chunk, _e, cb) {
          chunks.push(chunk);
          cb();
        },
      }),
    );
    return Buffer.concat(chunks);
  } finally {
    client.release();
  }
}

export async function copyIn(database: Database, table: string, data: Buffer) {
  if (database.kind === 'pglite') {
    await database.pglite!.query(`COPY ${table} FROM '/dev/blob' WITH (FORMAT csv)`, [], {
      blob: new Blob([new Uint8Array(data)]),
    });
    return;
  }
  const client = await database.pool!.connect();
  try {
    await pipeline(Readable.from([data]), client.query(copyFrom(`COPY ${table} FROM STDIN WITH (FORMAT csv)`)));
  } finally {
    client.release();
  }
}

/** A migrated database of its own for one benchmark run, with fresh random keys (nothing here is kept). */
export async function openMigratedBench(kind: 'postgres' | 'pglite') {
  const bench = await openBenchDatabase(kind);
  await migrateDatabase(bench.database);
  const config = loadConfig({
    KETNOI_ENV: 'test',
    KETNOI_DATA_KEY: randomBytes(32).toString('base64'),
    KETNOI_INDEX_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'silent',
  });
  return { ...bench, config, cipher: createPiiCipher(config.keys) };
}

/**
 * The demo province with `residents` people, analysed, and what a benchmark acts as: the system administrator with a
 * scope over the province for `permission`.
 */
export async function demoProvince(
  database: Database,
  cipher: ReturnType<typeof createPiiCipher>,
  residents: number,
  permission: Permission,
) {
  const start = performance.now();
  await seedDemo(database, cipher, { residents, seed: 11, password: 'benchmark-password' });
  console.log(`  demo province built in ${(performance.now() - start).toFixed(1)} ms`);
  await database.raw('vacuum (analyze)');
  const [province] = await queryRows<{ id: number; path: string }>(
    database.db,
    sql`select id, path from units where tier = 'PROVINCE' and code = '31'`,
  );
  const [admin] = await queryRows<{ id: number }>(database.db, sql`select id from users where username = 'admin'`);
  return {
    province: province!,
    admin: admin!,
    scope: { permission, prefixes: [`${province!.path.split('/').slice(0, 2).join('/')}/`] },
    actor: {
      userId: admin!.id,
      username: 'admin',
      roles: 'SYSTEM_ADMIN@VN',
      unitId: null,
      ip: 'bench',
      userAgent: 'bench',
    },
  };
}
