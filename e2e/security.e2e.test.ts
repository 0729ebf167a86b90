import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { phoneContext, useServedApp } from './browser.js';

const env = useServedApp();

describe('the Content-Security-Policy in a real browser', () => {
  it('the built app has no inline script, runs and registers its service worker under the CSP; the API docs render under theirs', async () => {
    const html = readFileSync('dist/web/index.html', 'utf8');
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    expect(
      scripts.filter((tag) => !/\bsrc=/.test(tag)),
      'inline <script> in dist/web/index.html',
    ).toEqual([]);
    expect(html).not.toMatch(/\son[a-z]+=/i);

    const c = await phoneContext(env.browser, { serviceWorkers: true });
    const res = await c.page.goto(env.base);
    expect(res!.headers()['content-security-policy']).toContain("script-src 'self'");
    await c.page.getByLabel('Tên đăng nhập').waitFor();
    const registered = await c.page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      return registration.active?.scriptURL;
    });
    expect(registered).toBe(`${env.base}/sw.js`);

    await c.page.goto(`${env.base}/api/docs`);
    await c.page.locator('.opblock-summary-path[data-path="/api/auth/login"]').waitFor();
    expect(c.errors, c.errors.join('\n')).toEqual([]);
    await c.context.close();
  });
});
