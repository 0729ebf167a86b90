import type { FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import type { Jobs } from './jobs/jobs.js';
import type { PiiCipher } from './lib/pii-cipher.js';
// The one module type named here: sandbox.store.ts imports nothing of the app, so this makes no import circle.
import type { SandboxRunning } from './modules/sandbox/sandbox.store.js';

/**
 * The infrastructure the app is built over; tests pass PGlite and their own config (STYLE.md §3).
 * Kept apart from app.ts so modules can name it without importing the file that imports them all.
 */
export type AppDeps = {
  config: Config;
  database: Database;
  cipher: PiiCipher;
  jobs: Jobs;
  /** Outside production, when `npm start` runs the local sandbox providers: their outbox (modules/sandbox). */
  sandbox?: SandboxRunning;
};

export type App = FastifyInstance;
