import { describe, expect, it } from 'vitest';
import { phoneContext, signIn, snap, useServedApp } from './browser.js';

const env = useServedApp();

describe('staff contact details, in Chromium on a 360-px phone', () => {
  it('a group head gives their phone on /account (a wrong one is marked beside the box); the leader sees it masked', async () => {
    const head = await env.w.f.user('GROUP_HEAD', env.w.groupA1);
    const { context, page, errors } = await phoneContext(env.browser);
    await signIn(page, env.base, head);
    await page.goto(`${env.base}/account`);
    const contact = page.getByRole('region', { name: 'Email, số điện thoại' });
    await contact.getByLabel('Số điện thoại').fill('0123');
    await contact.getByRole('button', { name: 'Lưu' }).click();
    await contact.getByText('Số điện thoại chưa đúng, ví dụ 0912 345 678').waitFor();
    await snap(page, 'account-contact-error-360');

    await contact.getByLabel('Số điện thoại').fill('0912 345 678');
    await contact.getByLabel('Email').fill('truongthon1@gmail.com');
    await contact.getByRole('button', { name: 'Lưu' }).click();
    await contact.getByText('Đã lưu').waitFor();
    expect(await contact.getByLabel('Số điện thoại').inputValue()).toBe('+84912345678');
    const save = await contact.getByRole('button', { name: 'Lưu' }).boundingBox();
    expect(save!.height).toBeGreaterThanOrEqual(44);
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();

    const leader = await phoneContext(env.browser);
    await signIn(leader.page, env.base, env.w.accounts.leaderA);
    await leader.page.goto(`${env.base}/users`);
    const card = leader.page.locator('li.card', { hasText: head.username });
    await card.getByText('t•••@gmail.com · •••••••5678').waitFor();
    expect(await card.getByText('truongthon1').count()).toBe(0);
    await snap(leader.page, 'users-contact-masked-360');
    expect(leader.errors, leader.errors.join('\n')).toEqual([]);
    await leader.context.close();
  });
});
