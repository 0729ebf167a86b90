import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from './config.js';
import { FIRST_ADMIN_HINT, serve } from './server.js';

/** `serve()` as `KETNOI_ENV=production npm run ketnoi -- serve` runs it, on an embedded database in a fresh DATA_DIR. */
const dataDir = mkdtempSync(path.join(tmpdir(), 'ketnoi-prod-'));
const env = {
  KETNOI_ENV: 'production',
  KETNOI_DATA_KEY: randomBytes(32).toString('base64'),
  KETNOI_INDEX_KEY: randomBytes(32).toString('base64'),
  DATA_DIR: dataDir,
  DEMO_PASSWORD: 'demo-password-everyone-knows',
  PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'info',
  DELIVERY_WORKER: 'off',
};

async function serveCapturing() {
  const printed: string[] = [];
  const logged: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')));
  try {
    const running = await serve(loadConfig(env), { logStream: { write: (line) => void logged.push(line) } });
    return { running, printed, logged };
  } finally {
    spy.mockRestore();
  }
}

/** Every file and directory under `dir` with its permission bits. */
function modes(dir: string): { path: string; mode: number; dir: boolean }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((p) => {
    const stat = statSync(path.join(dir, p));
    return { path: p, mode: stat.mode & 0o777, dir: stat.isDirectory() };
  });
}

const cli = (args: string[], input: string) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/index.ts', ...args],
      { env: { ...process.env, ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(input);
  });

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe('serve with KETNOI_ENV=production', () => {
  it('an empty database gets no demo and prints no password, even with DEMO_PASSWORD set and old demo logins on disk; it says how to add the first administrator', async () => {
    // Left behind by a development run in the same directory: never to be printed in production.
    writeFileSync(path.join(dataDir, 'demo-logins.json'), JSON.stringify([{ username: 'admin', password: 'leaked' }]));
    const { running, printed, logged } = await serveCapturing();
    close = running.close;
    const users = await running.database.raw<{ n: number }>('select count(*)::int as n from users');
    expect(users[0]!.n).toBe(0);
    const output = [...printed, ...logged].join('\n');
    expect(output).not.toContain('demo-password-everyone-knows');
    expect(output).not.toContain('leaked');
    expect(output).not.toMatch(/Demo logins|demo commune|demo province/i);
    // No sandbox provider runs in production: nothing may pretend to deliver a commune's message.
    expect(output).not.toMatch(/sandbox/i);
    expect(existsSync(path.join(dataDir, 'sandbox-outbox.json'))).toBe(false);
    const hint = logged
      .map((l) => JSON.parse(l) as { level: number; msg: string })
      .find((l) => l.msg === FIRST_ADMIN_HINT);
    expect(hint?.level).toBe(40);
    expect(FIRST_ADMIN_HINT).toContain('user:add --username <name> --role SYSTEM_ADMIN --unit VN --password-stdin');
  });

  it('DATA_DIR and the embedded database are the owner’s alone: directories 0700, files 0600', async () => {
    const all = modes(dataDir);
    expect(all.filter((e) => e.path.startsWith('pglite')).length).toBeGreaterThan(100);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(all.filter((e) => e.dir && e.mode !== 0o700).map((e) => e.path)).toEqual([]);
    expect(all.filter((e) => !e.dir && e.path !== 'demo-logins.json' && e.mode !== 0o600).map((e) => e.path)).toEqual(
      [],
    );
  });

  it('user:add --password-stdin makes the first administrator, who can then sign in', async () => {
    const added = await cli(
      ['user:add', '--username', 'quantri', '--role', 'SYSTEM_ADMIN', '--unit', 'VN', '--password-stdin'],
      'mot-mat-khau-rat-dai\n',
    );
    expect(added, added.stderr).toMatchObject({ code: 0 });
    expect(added.stdout).toContain('Added quantri as SYSTEM_ADMIN on VN.');
    expect(added.stdout + added.stderr).not.toContain('mot-mat-khau-rat-dai');
    const refused = await cli(['user:add', '--username', 'x', '--role', 'SYSTEM_ADMIN', '--unit', 'VN'], '');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('--password-stdin');

    const { running, logged } = await serveCapturing();
    close = running.close;
    expect(logged.join('\n')).not.toContain('No accounts yet');
    const res = await running.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'quantri', password: 'mot-mat-khau-rat-dai' },
    });
    expect(res.statusCode).toBe(200);
    // Two CLI processes each boot TypeScript and open the database: on a busy two-core machine that alone can take
    // half a minute.
  }, 120_000);
});
