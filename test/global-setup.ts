import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/server/db/client.js';
import { migrateDatabase } from '../src/server/db/migrate.js';
import { createJobs } from '../src/server/jobs/jobs.js';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDump: string;
    templateDatabase: string;
  }
}

/**
 * Migrates one database (and lets pg-boss create its schema) per run. On PGlite the result is dumped to a file each
 * test file loads in ~0.5 s; on PostgreSQL (TEST_DATABASE_URL) it becomes a template database each file clones.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `ketnoi_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    const database = await openDatabase({ kind: 'postgres', url: target.toString(), max: 2 });
    await migrateDatabase(database);
    const jobs = createJobs(database, { workers: false });
    await jobs.start();
    await jobs.stop();
    await database.close();
    project.provide('templateDatabase', name);
    project.provide('templateDump', '');
    return async () => {
      await admin.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
      await admin.end();
    };
  }
  const database = await openDatabase({ kind: 'pglite' });
  await migrateDatabase(database);
  const jobs = createJobs(database, { workers: false });
  await jobs.start();
  await jobs.stop();
  const dump = (await database.pglite!.dumpDataDir('none')) as Blob;
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'ketnoi-test-')), 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('templateDump', file);
  project.provide('templateDatabase', '');
}
