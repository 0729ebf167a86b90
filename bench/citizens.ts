import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { table } from './stats.js';

/** The slow link: a QR scan on 3G far from the mast. */
const SLOW = { downloadKbit: 400, uploadKbit: 400, latencyMs: 400 };
const TARGET_MS = 3000;
const TARGET_BYTES = 120_000;

/**
 * Citizens' pages on a slow mobile link: the built app served by the real server (`npm start`'s process, with its demo
 * commune), each page opened cold in headless Chromium throttled by CDP (400 kbit/s, 400 ms), then on the fast local
 * link as the limit. Time to main content is when the page's <h1> is in the DOM and painted; bytes are what went over
 * the wire (compressed) before that. Needs `npm run build` first.
 */
export async function run(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      url: { type: 'string' },
      'data-dir': { type: 'string', default: '' },
      runs: { type: 'string', default: '3' },
    },
  });
  // `--url` (with `--data-dir`, where its demo logins are) measures a server already running, e.g. `npm start`'s.
  const server = values.url
    ? { url: values.url, dataDir: values['data-dir'], stop: async () => undefined }
    : await startServer();
  const browser = await launch();
  try {
    const pages = await citizenPages(server.url, server.dataDir);
    const rows: Record<string, string | number>[] = [];
    for (const [name, url] of pages) {
      const fast = await median(Number(values.runs), () => openCold(browser, url, null));
      const slow = await median(Number(values.runs), () => openCold(browser, url, SLOW));
      // The physical limit on the slow link: the fast time plus the bytes' transfer time and the link's latency for
      // each request content waits on in turn (the page, then its render-blocking style sheet).
      const wire = (slow.bytesBefore * 8) / (SLOW.downloadKbit * 1000);
      const limitMs = fast.contentMs + wire * 1000 + 2 * SLOW.latencyMs;
      rows.push({
        page: name,
        'fast: content': `${fast.contentMs.toFixed(0)} ms`,
        '3G: content': `${slow.contentMs.toFixed(0)} ms${slow.contentMs > TARGET_MS ? ' (over 3 s)' : ''}`,
        'bytes before content': `${(slow.bytesBefore / 1000).toFixed(1)} KB${slow.bytesBefore > TARGET_BYTES ? ' (over)' : ''}`,
        'bytes in all': `${(slow.bytesAll / 1000).toFixed(1)} KB`,
        '3G limit': `${limitMs.toFixed(0)} ms`,
        '3G / limit': `${(slow.contentMs / limitMs).toFixed(2)}×`,
        '3G / fast': `${(slow.contentMs / fast.contentMs).toFixed(1)}×`,
      });
    }
    console.log(`\n=== citizens' pages: 400 kbit/s, 400 ms latency, cold cache (median of ${values.runs})`);
    console.log(`targets: content ≤ ${TARGET_MS} ms, ≤ ${TARGET_BYTES / 1000} KB before it, ≤ 2× the 3G limit`);
    table(rows);
  } finally {
    await browser.close();
    await server.stop();
  }
}

type Measured = { contentMs: number; bytesBefore: number; bytesAll: number };

async function median(runs: number, measure: () => Promise<Measured>): Promise<Measured> {
  const all: Measured[] = [];
  for (let i = 0; i < runs; i++) all.push(await measure());
  all.sort((a, b) => a.contentMs - b.contentMs);
  return all[Math.floor(all.length / 2)]!;
}

/** One cold visit: a fresh context (empty cache, no service worker), throttled when `link` is given. */
async function openCold(browser: Browser, url: string, link: typeof SLOW | null): Promise<Measured> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    locale: 'vi-VN',
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  // Records when the main heading first stands in the DOM (with server rendering: as the HTML is parsed).
  // A string, not a function: tsx would wrap a function's inner names in a helper the page does not have.
  await page.addInitScript(`
    new MutationObserver(() => {
      if (window.contentAt === undefined && document.querySelector('main h1')?.textContent?.trim())
        window.contentAt = performance.now();
    }).observe(document, { childList: true, subtree: true, characterData: true });
  `);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (link)
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: link.latencyMs,
      downloadThroughput: (link.downloadKbit * 1000) / 8,
      uploadThroughput: (link.uploadKbit * 1000) / 8,
    });
  let start = 0;
  const finished: { at: number; bytes: number }[] = [];
  cdp.on('Network.requestWillBeSent', (e) => {
    if (!start) start = e.timestamp;
  });
  cdp.on('Network.loadingFinished', (e) =>
    finished.push({ at: (e.timestamp - start) * 1000, bytes: e.encodedDataLength }),
  );
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as unknown as { contentAt?: number }).contentAt !== undefined, null, {
    timeout: 60_000,
  });
  // Content counts once painted: the style sheet is render-blocking, so the first contentful paint can come later.
  const contentMs = await page.evaluate(async () => {
    const at = (window as unknown as { contentAt: number }).contentAt;
    for (let i = 0; i < 600; i++) {
      const paint = performance.getEntriesByName('first-contentful-paint')[0];
      if (paint) return Math.max(at, paint.startTime);
      await new Promise((r) => setTimeout(r, 50));
    }
    return at;
  });
  await page.waitForLoadState('networkidle', { timeout: 120_000 }).catch(() => undefined);
  await context.close();
  return {
    contentMs,
    bytesBefore: finished.filter((f) => f.at <= contentMs).reduce((s, f) => s + f.bytes, 0),
    bytesAll: finished.reduce((s, f) => s + f.bytes, 0),
  };
}

/** The five pages the issue names, found in the demo commune: its code from a staff login, a dossier's token. */
async function citizenPages(base: string, dataDir: string): Promise<[string, string][]> {
  const pages: [string, string][] = [
    ['/procedures', `${base}/procedures`],
    ['/p/<code>', `${base}/p/1.004873`],
    ['/lookup', `${base}/lookup`],
  ];
  if (!dataDir) return pages;
  const logins = JSON.parse(readFileSync(path.join(dataDir, 'demo-logins.json'), 'utf8')) as {
    username: string;
    password: string;
  }[];
  const officer = logins.find((l) => l.username === 'motcua')!;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: officer.username, password: officer.password }),
  });
  const cookie = (login.headers.getSetCookie() ?? []).map((c) => c.split(';')[0]).join('; ');
  const me = (await login.json()) as { roles: { unitCode: string }[] };
  pages.push(['/c/<code>', `${base}/c/${me.roles[0]!.unitCode}`]);
  const list = (await (await fetch(`${base}/api/dossiers`, { headers: { cookie } })).json()) as {
    items: { id: number }[];
  };
  const detail = (await (await fetch(`${base}/api/dossiers/${list.items[0]!.id}`, { headers: { cookie } })).json()) as {
    token: string;
  };
  pages.push(['/s/<token>', `${base}/s/${detail.token}`]);
  return pages;
}

/** `npm start`'s server on a fresh data directory (it builds the demo commune), on a free port. */
async function startServer(): Promise<{ url: string; dataDir: string; stop(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ketnoi-bench-citizens-'));
  console.log('starting the server with the demo commune (about a minute)…');
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'serve'], {
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /running on (http:\/\/\S+)/.exec(out);
      if (found) resolve(found[1]!.replace('localhost', '127.0.0.1'));
    });
    child.on('exit', (code) => reject(new Error(`the server stopped (${code}):\n${out}`)));
  });
  return {
    url,
    dataDir,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-quic'],
  });
}
