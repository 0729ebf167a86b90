import type { FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import type { Jobs } from './jobs/jobs.js';
import type { PiiCipher } from './lib/pii-cipher.js';

/**
 * The infrastructure the app is built over; tests pass PGlite and their own config (STYLE.md §3).
 * Kept apart from app.ts so modules can name it without importing the file that imports them all.
 */
export type AppDeps = {
  config: Config;
  database: Database;
  cipher: PiiCipher;
  jobs: Jobs;
};

export type App = FastifyInstance;
