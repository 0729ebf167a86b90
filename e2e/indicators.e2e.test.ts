import { describe, expect, it } from 'vitest';
import { seedOnestopYear } from '../src/server/demo/onestop-year.js';
import { phoneContext, signIn, snap, useServedApp } from './browser.js';

const env = useServedApp();

describe('the leader’s indicators in Chromium on a 360-px phone', () => {
  it('reads a year of the demo counter: rates over their counts, how each is counted, every number opening its list', async () => {
    const commune = env.w.communeA;
    await seedOnestopYear(
      env.t.database,
      env.t.cipher,
      commune,
      { officer: env.w.accounts.onestopA, leader: env.w.accounts.leaderA },
      { seed: 2025 },
    );
    const leader = await phoneContext(env.browser);
    await signIn(leader.page, env.base, env.w.accounts.leaderA);
    await leader.page.goto(`${env.base}/indicators`);
    const onTime = leader.page.locator('[data-rate="onTimeRate"]');
    await onTime.waitFor();
    // "Đúng hạn 9x,y% n / d": a percentage the Vietnamese way, then the counts it divides.
    const text = (await onTime.textContent())!.replace(/\s+/g, ' ');
    const [, percent, numerator, denominator] = text.match(/(\d+(?:,\d)?)% ([\d.]+) \/ ([\d.]+)/) ?? [];
    expect(percent, text).toBeDefined();
    const n = Number(numerator!.replaceAll('.', ''));
    const d = Number(denominator!.replaceAll('.', ''));
    expect(Number(percent!.replace(',', '.'))).toBeCloseTo(Math.round((n / d) * 1000) / 10, 5);
    await leader.page.getByTestId('indicator-definitions').getByText('“Chấp nhận được” không phải hài lòng').waitFor();
    // Nothing wider than the phone but the communes' table, which scrolls inside its box.
    expect(await leader.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await snap(leader.page, 'indicators-demo-year');

    // The numerator opens the list of exactly those dossiers.
    await onTime.locator('[data-indicator="onTime"]').click();
    await leader.page.getByTestId('indicator-filter').getByText(`${n} hồ sơ`).waitFor();
    expect(await leader.page.getByTestId('dossier-results').locator('li').count()).toBe(Math.min(n, 25));
    await snap(leader.page, 'indicators-demo-year-list');
    expect(leader.errors).toEqual([]);
    await leader.context.close();
  });
});
