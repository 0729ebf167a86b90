import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { monthOf, previousPeriod } from '../src/shared/scorecards.js';
import { collectErrors, phoneContext, signIn, snap, useServedApp } from './browser.js';

// The server-side renderer loaded before the app starts: on a busy machine its first import outlasts Fastify's
// 10-second plugin timeout (the web plugin imports it while registering).
beforeAll(async () => {
  await import(pathToFileURL(`${process.cwd()}/dist/ssr/entry-server.js`).href);
}, 120_000);
const env = useServedApp();
// After useServedApp's own beforeAll (hooks run in the order they are registered): the world exists by then.
beforeAll(() => seedValues());

const month = monthOf(new Date());
const previous = previousPeriod(month);
let vneidId = 0;

/**
 * The read model the dashboards read (scorecard_values), written by hand so every number on screen is known: VNeID
 * level 2 in the world's province, its two communes and commune A's two groups, this month and the month before, and
 * the province's yearly target of 80%. Parents are the sums of their children, as the refresh job writes them.
 */
async function seedValues() {
  const { province, communeA, communeB, groupA1, groupA2 } = env.w;
  const [vneid] = await env.t.database.raw<{ id: number }>(
    `select id from scorecard_indicators where code = 'VNEID_L2' and owner_unit_id is null`,
  );
  vneidId = vneid!.id;
  const rows: [number, string, number, number][] = [
    // this month: A1 30/40 = 75% (near 80%), A2 10/40 = 25%, A 40/80 = 50%, B 70/80 = 87,5%, province 110/160
    [groupA1.id, month, 30, 40],
    [groupA2.id, month, 10, 40],
    [communeA.id, month, 40, 80],
    [communeB.id, month, 70, 80],
    [province.id, month, 110, 160],
    // last month: A1 was at 50%
    [groupA1.id, previous, 20, 40],
    [groupA2.id, previous, 10, 40],
    [communeA.id, previous, 30, 80],
    [communeB.id, previous, 70, 80],
    [province.id, previous, 100, 160],
  ];
  for (const [unit, period, numerator, denominator] of rows)
    await env.t.database.raw(
      `insert into scorecard_values (unit_id, indicator_id, period, numerator, denominator, value)
       values ($1, $2, $3, $4, $5, $6)`,
      [unit, vneid!.id, period, numerator, denominator, Math.round((numerator / denominator) * 10000) / 10000],
    );
  await env.t.database.raw(
    `insert into scorecard_targets (indicator_id, unit_id, period, target) values ($1, $2, $3, 0.8)`,
    [vneid!.id, province.id, month.slice(0, 4)],
  );
  // Last month frozen by the province's snapshot; commune A publishes its VNeID rate on its public page.
  await env.t.database.raw(`update scorecard_values set frozen_at = now() where period = $1`, [previous]);
  await env.t.database.raw(
    `insert into scorecard_snapshots (province_id, period, finished_at, values, published_at)
     values ($1, $2, now(), 5, now())`,
    [province.id, previous],
  );
  await env.t.database.raw(`insert into scorecard_publications (unit_id, indicator_id) values ($1, $2)`, [
    communeA.id,
    vneid!.id,
  ]);
}

/** The VNeID cell of a unit's row in the heat table. */
const vneidCell = (page: Page, unitCode: string) =>
  page.locator(`[data-testid="scorecard-heat"] tr[data-unit="${unitCode}"] td[data-indicator="VNEID_L2"]`);

/** Province → commune A → group Thôn Đông and back up by the breadcrumb, checking what each level shows. */
async function drillDown(page: Page, width: number) {
  const { province, communeA, groupA1 } = env.w;
  await page.goto(`${env.base}/scorecards`);
  await page.getByRole('heading', { level: 1, name: 'Chỉ số chuyển đổi số' }).waitFor();

  // The province: its communes as rows, each light in words as well as colour, and the province's total.
  const a = vneidCell(page, communeA.code);
  await a.waitFor();
  expect(await a.getAttribute('data-light')).toBe('BEHIND');
  expect(await a.locator('strong').textContent()).toBe('50%');
  expect(await a.locator('.light').textContent()).toBe('○ Chưa đạt');
  // By how much and since when: 30 points under the province's 80%, behind last month too (37,5%), no figure before.
  expect(await a.getByTestId('gap').textContent()).toBe('−30 điểm % so với chỉ tiêu');
  const [py, pm] = previous.split('-');
  expect(await a.locator('.behind-since').last().textContent()).toBe(`chưa đạt từ ${pm}/${py}`);
  expect(await vneidCell(page, env.w.communeB.code).textContent()).toContain('Đạt');
  const total = page.locator(`[data-testid="scorecard-heat"] tfoot td[data-indicator="VNEID_L2"]`);
  expect(await total.textContent()).toContain('68,8%');
  if (width <= 360) await checkPhoneLayout(page, communeA.name);
  await snap(page, `scorecards-province-${width}`);

  // Commune A: its groups as rows; the breadcrumb leads back to the province.
  await page.getByRole('link', { name: communeA.name, exact: true }).click();
  await page.waitForURL(new RegExp(`unit=${communeA.id}&period=${month}`));
  const crumbs = page.getByTestId('scorecard-breadcrumb');
  await crumbs.getByRole('link', { name: province.name }).waitFor();
  const a1 = vneidCell(page, groupA1.code);
  await a1.waitFor();
  expect(await a1.getAttribute('data-light')).toBe('NEAR');
  expect(await a1.textContent()).toContain('75%');
  await snap(page, `scorecards-commune-${width}`);

  // The group: no rows below it, its own indicator against the province's target, and how it moved.
  await page.getByRole('link', { name: groupA1.name, exact: true }).click();
  await page.waitForURL(new RegExp(`unit=${groupA1.id}&`));
  await crumbs.getByRole('link', { name: communeA.name }).waitFor();
  expect(await page.getByTestId('scorecard-heat').count()).toBe(0);
  const own = page.locator('[data-testid="scorecard-own"] [data-indicator="VNEID_L2"]');
  await own.waitFor();
  const ownText = (await own.textContent())!.replace(/\s+/g, ' ');
  expect(ownText).toContain('75%');
  expect(ownText).toContain('80% (cấp trên giao)');
  expect(ownText).toContain('30 / 40');
  expect(ownText).toContain('▲ +25 điểm % (tốt lên)');
  await page.getByTestId('scorecard-moved').getByText('+25 điểm %').waitFor();

  // Its twelve months, drawn by the shared chart with the target beside the value.
  await own.getByText('Xem xu hướng 12 tháng').click();
  const chart = page.getByTestId('scorecard-trend-VNEID_L2');
  await chart.waitFor();
  expect(await chart.locator('[data-axis="x"]').count()).toBeGreaterThan(0);
  await snap(page, `scorecards-group-${width}`);

  // Back up by the breadcrumb.
  await crumbs.getByRole('link', { name: communeA.name }).click();
  await vneidCell(page, groupA1.code).waitFor();
  await crumbs.getByRole('link', { name: province.name }).click();
  await vneidCell(page, communeA.code).waitFor();
}

/** On a phone the page is no wider than the screen: the table scrolls in its box, the units' column stays put. */
async function checkPhoneLayout(page: Page, name: string) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const box = page.locator('.heat-scroll');
  const [scrollWidth, clientWidth] = await box.evaluate((el) => [el.scrollWidth, el.clientWidth]);
  expect(scrollWidth).toBeGreaterThan(clientWidth);
  const link = page.getByRole('link', { name, exact: true });
  const before = (await link.boundingBox())!;
  expect(before.height).toBeGreaterThanOrEqual(44);
  await box.evaluate((el) => el.scrollTo({ left: 400 }));
  await page.waitForFunction(() => (document.querySelector('.heat-scroll')?.scrollLeft ?? 0) > 0);
  const after = (await link.boundingBox())!;
  expect(Math.abs(after.x - before.x)).toBeLessThan(1);
  await box.evaluate((el) => el.scrollTo({ left: 0 }));
}

describe('the scorecard dashboards in Chromium', () => {
  it('the province dashboard drills down to a commune and a group, on a desktop and on a 360-px phone', async () => {
    const desktop = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const page = await desktop.newPage();
    const errors = collectErrors(page);
    await signIn(page, env.base, env.w.accounts.province);
    await drillDown(page, 1280);
    expect(errors).toEqual([]);
    await desktop.close();

    const phone = await phoneContext(env.browser);
    await signIn(phone.page, env.base, env.w.accounts.province);
    await drillDown(phone.page, 360);
    expect(phone.errors).toEqual([]);
    await phone.context.close();
  });

  it('a group head sees only their group: no rows below it, no way up', async () => {
    const phone = await phoneContext(env.browser);
    await signIn(phone.page, env.base, env.w.accounts.headA1);
    await phone.page.goto(`${env.base}/scorecards`);
    const own = phone.page.locator('[data-testid="scorecard-own"] [data-indicator="VNEID_L2"]');
    await own.waitFor();
    expect(await own.textContent()).toContain('75%');
    expect(await phone.page.getByTestId('scorecard-heat').count()).toBe(0);
    expect(await phone.page.getByTestId('scorecard-breadcrumb').getByRole('link').count()).toBe(0);
    expect(phone.errors).toEqual([]);
    await phone.context.close();
  });

  it('the public page /c/:code/chi-so is drawn by the server (read without JavaScript) in Vietnamese and Japanese', async () => {
    const { communeA } = env.w;
    const [m, y] = [previous.slice(5), previous.slice(0, 4)];
    for (const [locale, heading, light] of [
      ['vi-VN', `Chỉ số chuyển đổi số của ${communeA.name}`, 'Chưa đạt chỉ tiêu'],
      ['ja-JP', `${communeA.name}のデジタル化指標`, '目標未達'],
    ] as const) {
      const context = await env.browser.newContext({
        viewport: { width: 360, height: 740 },
        locale,
        javaScriptEnabled: false,
      });
      const page = await context.newPage();
      await page.goto(`${env.base}/c/${communeA.code}/chi-so`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      const item = page.getByTestId('public-indicator');
      expect(await item.count()).toBe(1);
      // Last month, frozen: A was at 30 of 80, against the province's 80%.
      const text = (await item.textContent())!;
      expect(text).toContain(locale === 'vi-VN' ? '37,5%' : '37.5%');
      expect(text).toContain(light);
      expect(await page.locator('main').textContent()).toContain(`${m}/${y}`);
      await snap(page, `scorecards-public-${locale}`);
      await context.close();
    }
    // With JavaScript, the server's page hydrates without a mismatch (React would log one as an error).
    const phone = await phoneContext(env.browser);
    await phone.page.goto(`${env.base}/c/${communeA.code}/chi-so`);
    await phone.page.waitForFunction(() =>
      Object.keys(document.getElementById('root')!).some((k) => k.startsWith('__reactContainer')),
    );
    await phone.page.waitForLoadState('networkidle');
    expect(phone.errors).toEqual([]);
    // The commune's page links to it, now that the commune published something.
    await phone.page.goto(`${env.base}/c/${communeA.code}`);
    await phone.page.getByTestId('link-scorecard').click();
    await phone.page.getByTestId('public-indicator').waitFor();
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(phone.errors).toEqual([]);
    await phone.context.close();
  });

  it('the ranking: communes by an indicator with their change of rank, the emulation board, a monthly report', async () => {
    const { communeA, communeB } = env.w;
    const phone = await phoneContext(env.browser);
    const { page } = phone;
    await signIn(page, env.base, env.w.accounts.province);
    await page.goto(`${env.base}/scorecards/ranking?indicator=${vneidId}&period=${month}`);
    const table = page.getByTestId('scorecard-ranking');
    await table.waitFor();
    const rankOf = async (code: string) => (await table.locator(`tr[data-unit="${code}"] .rank`).textContent())?.trim();
    expect(await rankOf(communeB.code)).toBe('1');
    expect(await rankOf(communeA.code)).toBe('2');
    // A went from 37,5% to 50%: better, in words and arrow, while its place is unchanged.
    const a = (await table.locator(`tr[data-unit="${communeA.code}"]`).textContent())!;
    expect(a).toContain('▲ +12,5 điểm % (tốt lên)');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await snap(page, 'scorecards-ranking-360');

    // By the sample set: the printable emulation board is a PDF.
    await page.getByTestId('scorecard-by').selectOption({ index: 0 });
    const board = page.getByTestId('scorecard-board');
    await board.waitFor();
    const pdf = await page.request.get(`${env.base}${await board.getAttribute('href')}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');

    // A monthly report is asked for, and listed.
    const reports = page.getByTestId('scorecard-reports');
    await reports.getByRole('button', { name: /Tạo báo cáo tháng/ }).click();
    await reports.getByText('Đã đưa vào hàng chờ').waitFor();
    await reports.locator('tbody tr').first().waitFor();
    expect(phone.errors).toEqual([]);
    await phone.context.close();
  });
});
