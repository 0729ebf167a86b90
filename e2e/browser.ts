import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { buildTestApp, type TestContext } from '../test/helpers.js';
import { buildWorld, type World } from '../test/world.js';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium, headless; the flags keep it off the (closed) network at start-up. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
  if (!executablePath) throw new Error('Chromium is not installed: apt-get install -y chromium');
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Saves a screenshot under test-results/ (kept by CI as an artefact for a human to look at). */
export async function snap(page: Page, name: string) {
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: `test-results/${name}.png`, fullPage: true });
}

/**
 * Content-Security-Policy violations any page of this file reported. Tests filter their console errors (an offline
 * test expects failed fetches), so these are kept apart and checked after every test by useServedApp: the CSP the
 * server sends must never block anything the app does.
 */
export const cspViolations: string[] = [];
const CSP_MESSAGE = /Content Security Policy|CSP violation/i;

/** Reports every violation as a console error, including those a browser would only fire as an event. */
async function watchCsp(context: BrowserContext) {
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}`),
    );
  });
}

/** Collects a page's console errors and uncaught exceptions, and its CSP violations apart. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (CSP_MESSAGE.test(m.text())) cspViolations.push(`${page.url()}: ${m.text()}`);
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/**
 * A phone-sized page (360 × 740), Vietnamese, with console errors collected. Service workers are blocked unless a
 * test is about working offline (they would otherwise serve a cached app between tests).
 */
export async function phoneContext(
  browser: Browser,
  options: { serviceWorkers?: boolean; locale?: string } = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    locale: options.locale ?? 'vi-VN',
    serviceWorkers: options.serviceWorkers ? 'allow' : 'block',
  });
  await watchCsp(context);
  const page = await context.newPage();
  return { context, page, errors: collectErrors(page) };
}

/** Signs in through the login form and waits for the console's search box. */
export async function signIn(page: Page, base: string, account: { username: string; password: string }) {
  await page.goto(base);
  await page.getByLabel('Tên đăng nhập').fill(account.username);
  await page.getByLabel('Mật khẩu').fill(account.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('search').waitFor();
}

/**
 * The usual end-to-end setup: the built app served on a free port over a fresh database and world, and Chromium.
 * Fields are filled in by beforeAll: read them inside tests (`env.w`, `env.base`).
 */
export function useServedApp(overrides: Record<string, string> = {}): {
  t: TestContext;
  w: World;
  browser: Browser;
  base: string;
} {
  const env = {} as { t: TestContext; w: World; browser: Browser; base: string };
  beforeAll(async () => {
    env.t = await buildTestApp({ WEB_DIST: './dist/web', ...overrides }, { serveWeb: true });
    env.w = await buildWorld(env.t);
    await env.t.app.listen({ port: 0, host: '127.0.0.1' });
    env.base = `http://127.0.0.1:${(env.t.app.server.address() as AddressInfo).port}`;
    env.browser = await launchBrowser();
  });
  afterEach(() => {
    const seen = cspViolations.splice(0);
    expect(seen, seen.join('\n')).toEqual([]);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.t?.close();
  });
  return env;
}
