import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../src/server/demo/seed.js';
import { login } from '../test/helpers.js';
import { phoneContext, signIn, snap, useServedApp } from './browser.js';

const env = useServedApp();
const PASSWORD = 'mat-khau-demo-dai';

/** The table under a chart, opened with its button: each row's date and its cells' numbers by series. */
async function readTable(chart: Locator) {
  await chart.getByRole('button', { name: 'Xem bảng số liệu' }).click();
  const table = chart.locator('table');
  await table.waitFor();
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => ({
      at: row.getAttribute('data-at'),
      ...Object.fromEntries(
        [...row.querySelectorAll('td')].map((td) => [
          td.getAttribute('data-series'),
          td.getAttribute('data-value') === '' ? null : Number(td.getAttribute('data-value')),
        ]),
      ),
    })),
  );
}

/** The time axis's labels: at least two, and dates as dd/MM (or a month as MM/yyyy). */
async function expectDatedAxis(chart: Locator, pattern: RegExp) {
  const labels = await chart.locator('text[data-axis="x"]').allTextContents();
  expect(labels.filter((l) => pattern.test(l)).length, labels.join(' ')).toBeGreaterThanOrEqual(2);
  const values = await chart.locator('text[data-axis="y"]').allTextContents();
  expect(values.length).toBeGreaterThanOrEqual(2);
  expect(values[0]).toMatch(/^0%?$/);
}

/** On paper: the chart and its table both show (the table closed on screen first), the button and tooltip do not. */
async function expectPrinted(page: Page, chart: Locator) {
  await chart.getByRole('button', { name: 'Ẩn bảng số liệu' }).click();
  expect(await chart.locator('table').isVisible()).toBe(false);
  await page.emulateMedia({ media: 'print' });
  expect(await chart.locator('svg.chart-svg').isVisible()).toBe(true);
  expect(await chart.locator('table').isVisible()).toBe(true);
  expect(await chart.locator('.chart-toggle').isVisible()).toBe(false);
  await page.emulateMedia({ media: 'screen' });
}

/** The chart alone, its table open, for a person to look at beside the whole page. */
async function snapChart(chart: Locator, name: string) {
  mkdirSync('test-results', { recursive: true });
  // The console's sticky bar would cover the top of a chart taller than the screen in the picture.
  // (Set through the DOM: the CSP refuses a <style> tag, rightly.)
  await chart.page().evaluate(() => {
    const top = document.querySelector<HTMLElement>('.top');
    if (top) top.style.position = 'static';
  });
  await chart.screenshot({ path: `test-results/${name}.png` });
}

/** Nothing on the page wider than the phone (tables scroll inside their own box). */
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe('charts a person can read, on the demo commune in Chromium at 360 px', () => {
  it('the burndown, reach over time and indicator trends: dated axes, a table of the API’s numbers, printable', async () => {
    await seedDemo(env.t.database, env.t.cipher, { residents: 300, seed: 7, password: PASSWORD });
    const api = await login(env.t.app, 'lanhdao', PASSWORD);
    const { page, context, errors } = await phoneContext(env.browser);
    await signIn(page, env.base, { username: 'lanhdao', password: PASSWORD });

    // The VNeID campaign's burndown: days as dd/MM, what is left each day as the API counts it.
    const [campaign] = (await api.get('/api/campaigns')).json().items;
    const history = (await api.get(`/api/campaigns/${campaign.id}/history`)).json();
    await page.goto(`${env.base}/campaigns/${campaign.id}`);
    const burndown = page.getByTestId('burndown-chart');
    await burndown.locator('svg.chart-svg').waitFor();
    await expectDatedAxis(burndown, /^\d\d\/\d\d$/);
    expect(await burndown.getByText('Theo kế hoạch', { exact: false }).count()).toBe(1);
    // A tap on the chart shows that day's numbers.
    await burndown.locator('svg.chart-svg').click({ position: { x: 200, y: 80 } });
    await expect.poll(() => burndown.locator('.chart-tip').textContent()).toMatch(/\d\d\/\d\d\/\d{4}Còn phải làm: \d+/);
    expect(await readTable(burndown)).toEqual(
      history.days.map((d: { day: string; done: number; total: number; left: number }) => ({
        at: d.day,
        left: d.left,
        done: d.done,
        total: d.total,
      })),
    );
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    await snap(page, 'chart-burndown');
    await snapChart(burndown, 'chart-burndown-alone');
    await expectPrinted(page, burndown);

    // The flag-day announcement's reach: hours with the date under them, the API's cumulative counts row by row.
    const [flagDay] = (await api.get('/api/announcements')).json().items;
    const timeline = (await api.get(`/api/announcements/${flagDay.id}/reach/timeline`)).json();
    expect(timeline.length).toBeGreaterThan(0);
    await page.goto(`${env.base}/announcements/${flagDay.id}`);
    const reach = page.getByTestId('reach-over-time');
    await reach.locator('svg.chart-svg').waitFor();
    await expectDatedAxis(reach, /^(\d\d:00|\d\d\/\d\d)$/);
    expect((await reach.locator('text[data-axis="x"]').allTextContents()).some((l) => /^\d\d\/\d\d$/.test(l))).toBe(
      true,
    );
    const rows = await readTable(reach);
    // The first row is the nought the lines start from, the hour before the first household was reached.
    expect(rows[0]).toMatchObject({ reached: 0, read: 0, acknowledged: 0 });
    expect(rows.slice(1)).toEqual(timeline);
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    await snap(page, 'chart-reach');
    await snapChart(reach, 'chart-reach-alone');
    await expectPrinted(page, reach);

    // The indicators: dossiers per month and each rate's trend, with the counts it divides.
    await page.goto(`${env.base}/indicators`);
    const months = page.getByTestId('indicator-months');
    await months.locator('svg.chart-svg').waitFor();
    const me = (await api.get('/api/auth/me')).json();
    const today = new Date(Date.now() + 7 * 3600_000);
    const to = today.toISOString().slice(0, 10);
    const from = new Date(today.getTime() - 365 * 86400_000).toISOString().slice(0, 10);
    const indicators = (
      await api.get(`/api/indicators/onestop?unit=${me.roles[0].unitId}&from=${from}&to=${to}`)
    ).json();
    type MonthRow = {
      month: string;
      received: number;
      online: number;
      onTimeRate: { value: number | null; numerator: number; denominator: number };
    };
    expect(indicators.months.length).toBeGreaterThan(6);
    await expectDatedAxis(months, /^\d\d\/\d{4}$/);
    expect(await readTable(months)).toEqual(
      indicators.months.map((m: MonthRow) => ({
        at: m.month,
        online: m.online,
        other: m.received - m.online,
        received: m.received,
      })),
    );
    const onTime = page.getByTestId('trend-onTimeRate');
    await expectDatedAxis(onTime, /^\d\d\/\d{4}$/);
    expect(await onTime.locator('text[data-axis="y"]').last().textContent()).toBe('100%');
    expect(await readTable(onTime)).toEqual(
      indicators.months.map((m: MonthRow) => ({
        at: m.month,
        rate: m.onTimeRate.value === null ? null : Math.round(m.onTimeRate.value * 1000) / 10,
        numerator: m.onTimeRate.numerator,
        denominator: m.onTimeRate.denominator,
      })),
    );
    expect(await page.getByTestId('indicator-trends').locator('figure').count()).toBe(6);
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    await snap(page, 'chart-indicators');
    await snapChart(months, 'chart-months-alone');
    await snapChart(onTime, 'chart-on-time-alone');
    await expectPrinted(page, onTime);
    await page.emulateMedia({ media: 'print' });
    await snap(page, 'chart-indicators-print');
    await snapChart(months, 'chart-months-print');
    await page.emulateMedia({ media: 'screen' });

    // On a wide screen each chart is drawn again at its box's width (text stays its size), trends side by side.
    const narrow = await onTime.locator('svg.chart-svg').getAttribute('viewBox');
    await page.setViewportSize({ width: 1100, height: 800 });
    await expect.poll(() => onTime.locator('svg.chart-svg').getAttribute('viewBox')).not.toBe(narrow);
    const tops = await page
      .getByTestId('indicator-trends')
      .locator('figure')
      .evaluateAll((figures) => figures.map((f) => Math.round(f.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBeLessThan(tops.length);
    await snapChart(page.getByTestId('indicator-trends'), 'chart-trends-wide');

    expect(errors).toEqual([]);
    await context.close();
  });
});
