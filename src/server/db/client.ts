import { errorForLog } from '../lib/logging.js';
import { chmodSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema/index.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** What a repository function takes: the database or an open transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

export type DatabaseKind = 'pglite' | 'postgres';

/**
 * One handle over either database. `raw` runs a parameterised statement and returns rows; it is the escape hatch
 * for bulk statements (unnest inserts, COPY-sized batches) that read badly in the query builder.
 */
export type Database = {
  kind: DatabaseKind;
  db: Db;
  raw<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** The underlying PGlite instance (embedded only): pg-boss needs it. */
  pglite?: PGlite;
  pool?: pg.Pool;
  close(): Promise<void>;
};

export type DatabaseOptions =
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob }
  | { kind: 'postgres'; url: string; max?: number };

// PostgreSQL returns `date` as a string; keep it that way (no timezone shifts on birth dates).
pg.types.setTypeParser(1082, (v: string) => v);

/**
 * Directories 0700 and files 0600 under `dir`. PGlite unpacks its initial cluster with files open to everyone (0666)
 * whatever the umask, and those files are the registry: only the account running Ketnoi may read them.
 */
export function restrictToOwner(dir: string): void {
  chmodSync(dir, 0o700);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const where = path.join(dir, entry.name);
    if (entry.isDirectory()) restrictToOwner(where);
    else if (entry.isFile()) chmodSync(where, 0o600);
  }
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.kind === 'pglite') {
    const { dataDir } = options;
    if (dataDir) mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const pglite = await PGlite.create({ dataDir, loadDataDir: options.loadDataDir, extensions: { pg_trgm } });
    // After creation (the unpacked cluster, files rewritten at start-up) and again on close (anything made since).
    if (dataDir) restrictToOwner(dataDir);
    const db = drizzlePglite(pglite, { schema }) as unknown as Db;
    return {
      kind: 'pglite',
      db,
      pglite,
      async raw<T>(text: string, params?: unknown[]) {
        const result = await pglite.query<T>(text, params);
        return result.rows;
      },
      async close() {
        await pglite.close();
        if (dataDir) restrictToOwner(dataDir);
      },
    };
  }
  // A server that does not answer fails a request after 5 s (a 503 from the error plugin) instead of hanging it.
  const pool = new pg.Pool({ connectionString: options.url, max: options.max ?? 10, connectionTimeoutMillis: 5000 });
  // An idle connection dropped by the server (restart, failover) must not crash the process; the pool reconnects.
  pool.on('error', (error) => console.error('[db] idle connection error:', JSON.stringify(errorForLog(error))));
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    pool,
    async raw<T>(text: string, params?: unknown[]) {
      const result = await pool.query(text, params as unknown[]);
      return result.rows as T[];
    },
    close: () => pool.end(),
  };
}

/** Whether the database answers a trivial query within `ms` (the health check's question). */
export async function databaseAnswers(database: Database, ms = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const query = database.raw('select 1').then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Rows of a `db.execute(sql)` result: PGlite and node-postgres both answer `{ rows }`. */
export async function queryRows<T>(tx: Tx, query: SQL): Promise<T[]> {
  const result = (await tx.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

type CsvValue = string | number | boolean | null | undefined | readonly string[];

/** One CSV field for COPY: NULL unquoted-empty, text quoted (so '' stays an empty string), arrays as PG literals. */
function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  const text = Array.isArray(value)
    ? `{${value.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`
    : (value as string);
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * COPY rows into a table inside the caller's transaction: the bulk path for imports (PostgreSQL's fastest way in).
 * Reaches the connection drizzle holds for the transaction (`session.client`: a pg PoolClient, or PGlite's
 * transaction); the import tests run this on both databases.
 */
export async function copyInto(
  tx: Tx,
  kind: DatabaseKind,
  table: string,
  columns: string[],
  rows: CsvValue[][],
): Promise<void> {
  if (rows.length === 0) return;
  const csv = rows.map((r) => r.map(csvField).join(',')).join('\n');
  const source = kind === 'pglite' ? "'/dev/blob'" : 'STDIN';
  const statement = `COPY ${table} (${columns.join(', ')}) FROM ${source} WITH (FORMAT csv)`;
  const client = (tx as unknown as { session: { client: unknown } }).session.client;
  if (kind === 'pglite') {
    await (client as { query(sql: string, params: unknown[], options: { blob: Blob }): Promise<unknown> }).query(
      statement,
      [],
      { blob: new Blob([csv]) },
    );
    return;
  }
  await pipeline(Readable.from([csv]), (client as pg.PoolClient).query(copyFrom(statement)));
}
