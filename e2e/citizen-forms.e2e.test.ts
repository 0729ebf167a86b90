import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { tinyPng } from '../test/factories.js';
import { phoneContext, snap, useServedApp } from './browser.js';

const env = useServedApp({ PUBLIC_SUBMIT_PER_MINUTE: '1000' });
const axeSource = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

/** axe-core over the page as it stands: the findings that matter here, each with where it is. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the page's CSP (script-src 'self') does not apply to it.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (o: unknown) => Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run({ resultTypes: ['violations'] })).violations;
  });
  // Serious and critical findings, and the structure a screen reader walks by: landmarks, headings in order, labels.
  const structural = new Set(['heading-order', 'region', 'landmark-one-main', 'page-has-heading-one', 'label']);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical' || structural.has(v.id))
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Buttons, fields and menu toggles a thumb must hit that are under 44 px tall or wide (checkboxes: their label). */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('button, select, summary, input:not([type=checkbox]):not([type=radio]), header a')]
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.height < 43.5 || box.width < 43.5)
      .map(
        ({ el, box }) =>
          `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}" ${box.width}×${box.height}`,
      ),
  );
}

const headerHeight = async (page: Page) => (await page.locator('header').first().boundingBox())!.height;

describe('the submit form on a 360-px phone', () => {
  it('says what is missing on the disabled button, shows a bad ID number next to its field in Vietnamese, keeps what was typed across a failed submit and a reload', async () => {
    const { context, page, errors } = await phoneContext(env.browser);
    await page.goto(`${env.base}/p/1.004873/submit`);
    const button = page.getByTestId('submit-button');
    await button.waitFor();
    expect(await headerHeight(page)).toBeLessThanOrEqual(64);
    expect(await button.isDisabled()).toBe(true);
    const why = (await button.textContent())!;
    expect(why).toContain('Còn thiếu: ');
    for (const missing of ['Số điện thoại', 'Số định danh cá nhân', 'Mục đích sử dụng', 'Tờ khai']) {
      expect(why).toContain(missing);
    }

    await page.getByLabel('Nộp tại xã, phường').selectOption({ label: 'Xã An Hòa' });
    await page.getByLabel('Họ và tên').fill('Trần Văn Nam');
    await page.getByLabel('Số định danh cá nhân (12 số)').fill('03119000888');
    await page.getByLabel('Số điện thoại').fill('0905 444 555');
    await page.getByLabel('Mục đích sử dụng').fill('Bổ sung hồ sơ xin việc');
    await page
      .getByTestId('paper-0-file')
      .setInputFiles({ name: 'to-khai.png', mimeType: 'image/png', buffer: tinyPng });
    await page.getByText('to-khai.png — Đã gửi').waitFor();
    expect(await button.isDisabled()).toBe(false);
    await button.click();

    const message = page.getByTestId('error-personalId');
    await message.waitFor();
    expect(await message.textContent()).toBe('Số định danh cá nhân phải có 12 chữ số');
    const id = page.getByLabel('Số định danh cá nhân (12 số)');
    expect(await id.getAttribute('aria-invalid')).toBe('true');
    // The message is read with the field, and sits inside the field's own label, under the box.
    expect(await id.getAttribute('aria-describedby')).toBe(await message.getAttribute('id'));
    expect(await page.getByLabel('Họ và tên').inputValue()).toBe('Trần Văn Nam');
    expect(await page.getByTestId('dossier-code').count()).toBe(0);
    await snap(page, 'citizen-forms-bad-id');

    // A reload keeps what was typed (in this tab's session only); the file is picked again.
    await page.reload();
    await expect.poll(() => page.getByLabel('Họ và tên').inputValue()).toBe('Trần Văn Nam');
    expect(await page.getByLabel('Số điện thoại').inputValue()).toBe('0905 444 555');
    expect(await page.getByLabel('Mục đích sử dụng').inputValue()).toBe('Bổ sung hồ sơ xin việc');
    expect(await page.getByLabel('Nộp tại xã, phường').inputValue()).not.toBe('');
    expect(await button.textContent()).toContain('Tờ khai');
    expect(await page.evaluate(() => localStorage.length)).toBe(0);

    await page.getByLabel('Số định danh cá nhân (12 số)').fill('031190008888');
    await page
      .getByTestId('paper-0-file')
      .setInputFiles({ name: 'to-khai.png', mimeType: 'image/png', buffer: tinyPng });
    await page.getByText('to-khai.png — Đã gửi').waitFor();
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await page.getByTestId('dossier-code').waitFor();
    // Once sent, nothing typed stays behind in the browser.
    expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('submit-draft')))).toEqual(
      [],
    );
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });

  it('the lookup form puts a short phone ending next to its field, in English on an English page', async () => {
    const { context, page } = await phoneContext(env.browser);
    await page.goto(`${env.base}/lookup`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByLabel(/code/i).first().fill('12345-261206-0001');
    await page.getByLabel(/last 4 digits/i).fill('12');
    await page.getByRole('button', { name: 'Look up', exact: true }).click();
    expect(await page.getByTestId('error-phone').textContent()).toBe('Enter the last 4 digits of the phone number');
    await context.close();
  });
});

describe('citizen pages on a 360-px phone', () => {
  it('pass axe-core with no serious or critical finding, keep the header within 64 px and every tap target at 44 px', async () => {
    const { context, page } = await phoneContext(env.browser);
    // A dossier to show a status page for, submitted as a citizen would.
    await page.goto(`${env.base}/p/1.004873/submit`);
    await page.getByLabel('Nộp tại xã, phường').selectOption({ label: 'Xã An Hòa' });
    await page.getByLabel('Họ và tên').fill('Đỗ Thị Lan');
    await page.getByLabel('Số định danh cá nhân (12 số)').fill('031190009999');
    await page.getByLabel('Số điện thoại').fill('0905 666 777');
    await page.getByLabel('Mục đích sử dụng').fill('Đăng ký kết hôn');
    await page
      .getByTestId('paper-0-file')
      .setInputFiles({ name: 'to-khai.png', mimeType: 'image/png', buffer: tinyPng });
    await page.getByText('to-khai.png — Đã gửi').waitFor();
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    const status = (await page.getByTestId('follow-link').getAttribute('href'))!;
    const campaign = await env.w.f.campaign(env.w.communeA);
    // A feedback report to show its status page for, sent as the ask form sends it.
    const commune = env.w.communeA.code;
    const form = await (await fetch(`${env.base}/api/public/communes/${commune}/feedback/form`)).json();
    const report = new FormData();
    report.set('categoryId', String(form.categories[0].id));
    report.set('title', 'Đèn đường hỏng');
    report.set('body', 'Đèn đường đầu thôn Đông hỏng đã một tuần.');
    report.set('phone', '0905 666 778');
    const sent = await fetch(`${env.base}/api/public/communes/${commune}/feedback`, { method: 'POST', body: report });
    const feedbackStatus = (await sent.json()).statusUrl as string;

    const pages = [
      '/procedures',
      '/p/1.004873',
      '/p/1.004873/submit',
      status,
      '/lookup',
      `/c/${env.w.communeA.code}`,
      `/c/${commune}/phan-anh`,
      `/c/${commune}/hoi-dap`,
      feedbackStatus,
      `/g/${env.w.groupA1.id}`,
      '/book',
      `/k/${campaign}`,
      '/me',
    ];
    const found: Record<string, string[]> = {};
    for (const path of pages) {
      await page.goto(`${env.base}${path}`);
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      const problems = [
        ...(await seriousViolations(page)),
        ...(await smallTargets(page)).map((s) => `small target: ${s}`),
        ...((await headerHeight(page)) > 64 ? [`header ${await headerHeight(page)} px`] : []),
        ...((await page.locator('main').count()) === 1 ? [] : ['no single <main>']),
        ...((await page.locator('footer').count()) === 1 ? [] : ['no <footer>']),
      ];
      if (problems.length) found[path] = problems;
    }
    expect(found).toEqual({});
    await context.close();
  });

  it('keeps the larger-text setting across a reload', async () => {
    const { context, page } = await phoneContext(env.browser);
    await page.goto(`${env.base}/procedures`);
    const toggle = page.getByTestId('text-size');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const rootSize = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    expect(await rootSize()).toBe('20px');
    await page.reload();
    await page.locator('main h1').first().waitFor();
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('text-large'))).toBe(true);
    expect(await rootSize()).toBe('20px');
    expect(await headerHeight(page)).toBeLessThanOrEqual(64);
    // Beside the menu, A+ and the four languages, the name still shows whole ("Kết n" before the switch was joined).
    const brand = await page.locator('header .brand').evaluate((e) => [e.scrollWidth, e.clientWidth]);
    expect(brand[0]).toBeLessThanOrEqual(brand[1]!);
    // The first screen, as the person sees it (a full-page shot of the long catalog says little).
    await page.screenshot({ path: 'test-results/citizen-larger-text.png' });
    await page.getByTestId('text-size').click();
    expect(await rootSize()).toBe('16px');
    await context.close();
  });
});
