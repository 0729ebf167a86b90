import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dossierKit } from '../src/server/modules/dossiers/dossiers.test-kit.js';
import { phoneContext, useServedApp } from './browser.js';

// Citizens' pages on 3G (issue 15): each arrives drawn by the server, readable before (or without) any script, then
// the app takes it over; static files go out precompressed and cached for good, pages revalidated by ETag.

const env = useServedApp({ PUBLIC_SUBMIT_PER_MINUTE: '1000' });
const kit = dossierKit(env);
const get = (url: string, headers: Record<string, string> = {}) =>
  env.t.app.inject({ method: 'GET', url, headers: { 'accept-language': 'vi-VN,vi;q=0.9', ...headers } });
/** The text a person reads: the page's markup without tags or React's text separators. */
const textOf = (html: string) =>
  html
    .replace(/<!-- -->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe('citizen pages in the first HTML response', () => {
  it('a procedure: its name, what to bring and the fee, in the title and <html lang>', async () => {
    const res = await get('/p/1.004873');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="vi"');
    expect(res.body).toContain('<title>Cấp Giấy xác nhận tình trạng hôn nhân · Kết nối</title>');
    const text = textOf(res.body);
    expect(text).toContain('Giấy tờ cần có');
    expect(text).toContain('Nộp trực tiếp: 10.000 đ');
    // The data it was drawn from, for the client to take over without asking again, and a word for no-script phones.
    expect(res.body).toContain('<script type="application/json" id="ssr-state">');
    expect(res.body).toContain('<noscript>');
  });

  it('the catalog, lookup and the commune page', async () => {
    expect(textOf((await get('/procedures')).body)).toContain('Cấp Giấy xác nhận tình trạng hôn nhân');
    expect((await get('/lookup')).body).toMatch(/<main[^>]*>.*<h1>[^<]+<\/h1>/s);
    expect(textOf((await get(`/c/${env.w.communeA.code}`)).body)).toContain('Xã An Hòa');
  });

  it("a dossier's status page: its code and status", async () => {
    const dossier = await kit.submitOnline();
    const res = await get(`/s/${dossier.token}`);
    expect(textOf(res.body)).toContain(dossier.code);
    expect(res.body).toMatch(/data-testid="dossier-status">[^<]+</);
  });

  it('in the language the person chose (the `lang` cookie), else Accept-Language, else Vietnamese', async () => {
    expect((await get('/p/1.004873', { 'accept-language': 'en-GB,en;q=0.8' })).body).toContain('<html lang="en"');
    expect((await get('/p/1.004873', { 'accept-language': 'en', cookie: 'lang=vi' })).body).toContain(
      '<html lang="vi"',
    );
    expect((await get('/p/1.004873', { 'accept-language': 'fr' })).body).toContain('<html lang="vi"');
  });

  it('the staff console keeps the app shell', async () => {
    const res = await get('/residents');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<div id="root"></div>');
  });

  it('says on a page drawn only by scripts (/me, the console) that it needs JavaScript; a drawn page has one note', async () => {
    for (const path of ['/me', '/residents']) {
      expect((await get(path)).body).toContain('Trang này cần JavaScript');
    }
    const drawn = (await get('/p/1.004873')).body;
    expect(drawn.match(/<noscript/g)).toHaveLength(1);
    expect(drawn).not.toContain('Trang này cần JavaScript');
  });
});

describe('compression and caching', () => {
  const script = readdirSync('dist/web/assets').find((f) => /^index-.*\.js$/.test(f))!;

  it('hashed assets: brotli or gzip by Accept-Encoding, cached a year as immutable', async () => {
    const br = await get(`/assets/${script}`, { 'accept-encoding': 'gzip, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const gzip = await get(`/assets/${script}`, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers.vary).toContain('accept-encoding');
  });

  it('pages: no-cache with an ETag, and a 304 when it has not changed', async () => {
    const first = await get('/p/1.004873', { 'accept-encoding': 'br' });
    expect(first.headers['cache-control']).toBe('no-cache');
    expect(first.headers['content-encoding']).toBe('br');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^".+"$/);
    expect((await get('/p/1.004873', { 'if-none-match': etag })).statusCode).toBe(304);
    const shell = await get('/');
    expect(shell.headers['cache-control']).toBe('no-cache');
    expect(shell.headers.etag).toBeTruthy();
  });

  it('API JSON past 1 KB is compressed on the fly; a small answer is not', async () => {
    const list = await get('/api/public/procedures', { 'accept-encoding': 'gzip' });
    expect(list.headers['content-encoding']).toBe('gzip');
    const small = await get('/api/public/procedures?q=zzzz', { 'accept-encoding': 'gzip' });
    expect(small.headers['content-encoding']).toBeUndefined();
  });
});

describe('citizen pages in Chromium', () => {
  it('reads a procedure with JavaScript turned off, and follows its links', async () => {
    const context = await env.browser.newContext({
      viewport: { width: 360, height: 740 },
      locale: 'vi-VN',
      javaScriptEnabled: false,
      serviceWorkers: 'block',
    });
    const page = await context.newPage();
    await page.goto(`${env.base}/p/1.004873`);
    await page.getByRole('heading', { level: 1, name: 'Cấp Giấy xác nhận tình trạng hôn nhân' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('10.000 đ');
    expect(await page.title()).toBe('Cấp Giấy xác nhận tình trạng hôn nhân · Kết nối');
    // Playwright's text search skips <noscript>, so the note is read by its element.
    expect(await page.locator('p.noscript').textContent()).toContain('xin bật JavaScript');
    expect(await page.locator('p.noscript').isVisible()).toBe(true);
    await page.getByRole('navigation').getByRole('link', { name: 'Thủ tục hành chính' }).click();
    await page.waitForURL(`${env.base}/procedures`);
    await page.getByRole('link', { name: 'Cấp Giấy xác nhận tình trạng hôn nhân' }).waitFor();
    await context.close();
  });

  it('the same page is taken over by the app: no hydration error, and links then move without reloading', async () => {
    const { context, page, errors } = await phoneContext(env.browser);
    await page.goto(`${env.base}/procedures`);
    // hydrateRoot marks its container once React owns the server's markup.
    await page.waitForFunction(() =>
      Object.keys(document.getElementById('root')!).some((k) => k.startsWith('__reactContainer')),
    );
    await page.evaluate(() => {
      (window as unknown as { stayed: boolean }).stayed = true;
    });
    await page.getByRole('link', { name: 'Cấp Giấy xác nhận tình trạng hôn nhân' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cấp Giấy xác nhận tình trạng hôn nhân' }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    expect(await page.title()).toBe('Cấp Giấy xác nhận tình trạng hôn nhân · Kết nối');
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });

  it('every server-drawn citizen page hydrates without a mismatch', async () => {
    const dossier = await kit.submitOnline();
    const commune = env.w.communeA.code;
    const form = await (await fetch(`${env.base}/api/public/communes/${commune}/feedback/form`)).json();
    const report = new FormData();
    report.set('categoryId', String(form.categories[0].id));
    report.set('title', 'Cống bị tắc');
    report.set('body', 'Cống đầu thôn Đông bị tắc, nước tràn ra đường.');
    report.set('phone', '0905 777 888');
    const sent = await fetch(`${env.base}/api/public/communes/${commune}/feedback`, { method: 'POST', body: report });
    const { context, page, errors } = await phoneContext(env.browser);
    for (const path of [
      '/p/1.004873',
      `/s/${dossier.token}`,
      `/c/${env.w.communeA.code}`,
      `/c/${commune}/phan-anh`,
      `/c/${commune}/hoi-dap`,
      (await sent.json()).statusUrl,
      '/lookup',
      '/book',
      '/p/1.004873/submit',
    ]) {
      await page.goto(`${env.base}${path}`);
      await page.waitForFunction(() =>
        Object.keys(document.getElementById('root')!).some((k) => k.startsWith('__reactContainer')),
      );
      await page.waitForLoadState('networkidle');
      expect(errors, `${path}: ${errors.join('\n')}`).toEqual([]);
    }
    await context.close();
  });
});
