import { describe, expect, it } from 'vitest';
import { phoneContext, signIn, snap, useServedApp } from './browser.js';

const env = useServedApp();

describe('the registry kept by hand, in Chromium on a 360-px phone', () => {
  it('a group head records a birth and a death; the household, its head and its history change; undo is offered', async () => {
    const h = await env.w.f.household(env.w.groupA1, { address: 'Số 15, thôn Đông' });
    await env.w.f.resident(h, { fullName: 'Đặng Văn Tuấn', head: true, birthDate: '1950-02-02' });
    await env.w.f.resident(h, { fullName: 'Đặng Văn Long', birthDate: '1980-03-03' });
    await env.w.f.resident(h, { fullName: 'Phan Thị Hoa', birthDate: '1984-04-04', gender: 'FEMALE' });

    const { context, page, errors } = await phoneContext(env.browser);
    await signIn(page, env.base, env.w.accounts.headA1);
    await page.goto(`${env.base}/households/${h.id}`);
    await page.getByRole('heading', { name: 'Số 15, thôn Đông' }).waitFor();
    await page.getByText('Chủ hộ: Đặng Văn Tuấn').waitFor();
    expect(await page.getByText('Đang ở (3)').count()).toBe(1);

    // A birth: the form, then one sentence saying what will be written, then the confirmation.
    await page.getByRole('button', { name: 'Khai sinh' }).click();
    const birth = page.getByRole('region', { name: 'Khai sinh' });
    await birth.getByLabel('Họ và tên').fill('Đặng Minh Khôi');
    await birth.getByLabel('Ngày sinh', { exact: true }).fill('2026-11-20');
    await birth.getByRole('button', { name: 'Tiếp tục' }).click();
    await birth
      .getByText(
        'Ghi khai sinh: Đặng Minh Khôi, sinh 20/11/2026, vào hộ Số 15, thôn Đông với quan hệ "Con". Số định danh để trống, bổ sung sau.',
      )
      .waitFor();
    await snap(page, 'registry-birth-confirm-360');
    await birth.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByRole('link', { name: 'Đặng Minh Khôi' }).waitFor();
    await page.getByText('Đang ở (4)').waitFor();

    // A death of the head: the new head is picked in the same form.
    await page.getByRole('button', { name: 'Khai tử' }).click();
    const death = page.getByRole('region', { name: 'Khai tử' });
    await death.locator('label', { hasText: 'Người' }).locator('select').selectOption({ label: 'Đặng Văn Tuấn' });
    await death.getByLabel('Ngày mất').fill('2026-11-25');
    await death.locator('label', { hasText: 'Chủ hộ mới' }).locator('select').selectOption({ label: 'Đặng Văn Long' });
    await death.getByRole('button', { name: 'Tiếp tục' }).click();
    await death
      .getByText(
        'Ghi khai tử: Đặng Văn Tuấn mất ngày 25/11/2026 và ra khỏi hộ Số 15, thôn Đông. Chủ hộ chuyển sang Đặng Văn Long.',
      )
      .waitFor();
    await death.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByText('Chủ hộ: Đặng Văn Long').waitFor();
    await page.getByText('Đang ở (3)').waitFor();
    await page.getByText('Đã rời hộ (1)').waitFor();
    await page.getByText('25/11/2026 · Đã mất').waitFor();

    // The history names both, newest first, with who recorded them; the latest can be undone.
    const history = page.getByTestId('registry-history');
    await history.getByText('Khai tử Đặng Văn Tuấn, mất ngày 25/11/2026; chủ hộ mới: Đặng Văn Long').waitFor();
    await history.getByText('Khai sinh Đặng Minh Khôi, sinh 20/11/2026').waitFor();
    expect(await history.getByText(env.w.accounts.headA1.username, { exact: false }).count()).toBe(2);
    expect(await history.getByRole('button', { name: 'Hoàn tác' }).count()).toBe(1);
    await snap(page, 'registry-history-360');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // Only the members' tables scroll sideways, never the whole household page with its heading and buttons.
    expect(await page.evaluate(() => document.querySelector('article')!.scrollWidth)).toBeLessThanOrEqual(360);

    // Undo the death: the head and the household are as before, and the history says who undid it.
    await history.getByRole('button', { name: 'Hoàn tác' }).click();
    await page.getByText('Hoàn tác "Khai tử Đặng Văn Tuấn', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByText('Chủ hộ: Đặng Văn Tuấn').waitFor();
    await page.getByText('Đang ở (4)').waitFor();
    await history.getByText('Đã hoàn tác', { exact: false }).waitFor();
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });

  it('a group head opens a new household and its first person is offered as its head', async () => {
    const { context, page, errors } = await phoneContext(env.browser);
    await signIn(page, env.base, env.w.accounts.headA1);
    await page.goto(`${env.base}/households/new`);
    await page.getByRole('button', { name: /^Thôn Đông / }).click();
    await page.getByLabel('Địa chỉ').fill('Số 88, thôn Đông');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByRole('heading', { name: 'Số 88, thôn Đông' }).waitFor();
    await page.getByText('Chưa có chủ hộ').waitFor();

    await page.getByRole('button', { name: 'Thêm người' }).click();
    const add = page.getByRole('region', { name: 'Thêm người' });
    expect(await add.locator('label', { hasText: 'Quan hệ' }).locator('select').inputValue()).toBe('HEAD');
    await add.getByLabel('Họ và tên').fill('Lương Văn Bảy');
    await add.getByLabel('Ngày sinh').fill('1975-07-07');
    await add.getByRole('button', { name: 'Tiếp tục' }).click();
    await add.getByText('(Chủ hộ, Thường trú)', { exact: false }).waitFor();
    await add.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByText('Chủ hộ: Lương Văn Bảy').waitFor();

    // The second person is not guessed: the head is taken.
    await page.getByRole('button', { name: 'Thêm người' }).click();
    expect(await add.locator('label', { hasText: 'Quan hệ' }).locator('select').inputValue()).toBe('OTHER');
    await add.getByLabel('Họ và tên').fill('Lương Văn Tám');
    await add.getByLabel('Ngày sinh').fill('2000-08-08');
    await add.getByRole('button', { name: 'Tiếp tục' }).click();
    await add.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByText('Đang ở (2)').waitFor();

    // He splits off to his own house; the history of the first leads to the new household.
    await page.getByRole('button', { name: 'Tách hộ' }).click();
    const split = page.getByRole('region', { name: 'Tách hộ' });
    await split.getByLabel('Lương Văn Tám').check();
    await split.locator('label', { hasText: 'Chủ hộ mới' }).locator('select').selectOption({ label: 'Lương Văn Tám' });
    await split.getByLabel('Địa chỉ mới').fill('Số 90, thôn Đông');
    await split.getByRole('button', { name: 'Tiếp tục' }).click();
    await split.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByText('Đang ở (1)').waitFor();
    // His row under "Đã rời hộ" says where he went, linked.
    await page.getByText('Đã rời hộ (1)').waitFor();
    await page.getByRole('table').getByRole('link', { name: 'Số 90, thôn Đông' }).waitFor();
    await page.getByTestId('registry-history').getByRole('link', { name: 'Xem hộ liên quan' }).click();
    await page.getByRole('heading', { name: 'Số 90, thôn Đông' }).waitFor();
    await page.getByText('Chủ hộ: Lương Văn Tám').waitFor();

    // He moves back in: the merge asks his relation to the head there (his father), not "Khác" by default.
    await page.getByRole('button', { name: 'Nhập vào hộ khác' }).click();
    const merge = page.getByRole('region', { name: 'Nhập vào hộ khác' });
    await merge.getByLabel('Tìm hộ (địa chỉ hoặc tên chủ hộ)').fill('Số 88');
    await merge.getByRole('button', { name: 'Tìm', exact: true }).click();
    await merge.getByLabel('Số 88, thôn Đông', { exact: false }).check();
    await merge.getByRole('button', { name: 'Tiếp tục' }).click();
    // Not past the form while a relation is unpicked.
    expect(await merge.getByRole('button', { name: 'Xác nhận' }).count()).toBe(0);
    await merge.locator('label', { hasText: 'Lương Văn Tám' }).locator('select').selectOption({ label: 'Con' });
    await merge.getByRole('button', { name: 'Tiếp tục' }).click();
    await merge.getByText('Lương Văn Tám: Con.', { exact: false }).waitFor();
    await merge.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByText('Hộ đã đóng ngày', { exact: false }).waitFor();
    // His row under "Đã rời hộ" leads to where he went.
    await page.getByRole('link', { name: 'Số 88, thôn Đông' }).first().click();
    await page.getByRole('heading', { name: 'Số 88, thôn Đông' }).waitFor();
    await page
      .getByRole('row', { name: /Lương Văn Tám.*Con/ })
      .first()
      .waitFor();
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });

  it('a team member sees the household but no button to change it', async () => {
    const { context, page, errors } = await phoneContext(env.browser);
    await signIn(page, env.base, env.w.accounts.teamA1);
    await page.goto(`${env.base}/households/${env.w.households.hA1.id}`);
    await page.getByRole('heading', { name: 'Số 7, ngõ 3, thôn Đông' }).waitFor();
    await page.getByTestId('registry-history').waitFor({ state: 'attached' });
    for (const name of ['Khai sinh', 'Khai tử', 'Thêm người', 'Tách hộ', 'Hoàn tác'])
      expect(await page.getByRole('button', { name }).count(), name).toBe(0);
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });

  it("a commune leader corrects a person's VNeID level and tags, and moves an alley to another group", async () => {
    const { context, page, errors } = await phoneContext(env.browser);
    await signIn(page, env.base, env.w.accounts.leaderA);
    await page.goto(`${env.base}/residents/${env.w.residents.binh.id}`);
    await page.getByRole('heading', { name: 'Trần Thị Bình' }).waitFor();
    await page.getByRole('button', { name: 'Sửa điện thoại, VNeID, nhãn' }).click();
    const edit = page.getByRole('region', { name: 'Sửa thông tin' });
    await edit.locator('label', { hasText: 'Định danh điện tử' }).locator('select').selectOption({ label: 'Mức 2' });
    await edit.locator('label', { hasText: 'Nhãn' }).locator('input').fill('hộ nghèo, cần hỗ trợ');
    await edit.getByRole('button', { name: 'Tiếp tục' }).click();
    await edit.getByText('Cập nhật cho Trần Thị Bình: Định danh điện tử (VNeID), Nhãn.').waitFor();
    await edit.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByText('Mức 2').waitFor();
    await page.getByText('cần hỗ trợ', { exact: true }).waitFor();
    // Saved, said so, and written in her history (field names only) with an undo.
    await page.getByText('Đã lưu.', { exact: false }).waitFor();
    const history = page.getByTestId('registry-history');
    await history.getByText('Sửa thông tin của Trần Thị Bình: mức định danh điện tử, nhãn').waitFor();
    await snap(page, 'resident-correction-saved-360');
    await history.getByRole('button', { name: 'Hoàn tác' }).click();
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await history.getByText('Đã hoàn tác', { exact: false }).waitFor();
    await page.getByText('cần hỗ trợ', { exact: true }).waitFor({ state: 'detached' });
    expect(await page.getByText('Mức 2').count()).toBe(0);

    const { insertUnit } = await import('../src/server/modules/units/units.repo.js');
    const alley = await insertUnit(env.t.database.db, {
      parent: env.w.groupA1,
      code: 'NGO9',
      name: 'Ngõ 9',
      kind: 'ZONE',
      tier: 'ZONE',
    });
    await page.goto(`${env.base}/units`);
    await page.getByRole('button', { name: '▸' }).first().click();
    await page.getByRole('button', { name: /^Ngõ 9/ }).click();
    await page.getByRole('button', { name: 'Chuyển sang đơn vị khác' }).click();
    const move = page.getByRole('region', { name: 'Chuyển sang đơn vị khác' });
    await move.getByRole('button', { name: /^Thôn Tây/ }).click();
    await move.getByRole('button', { name: 'Tiếp tục' }).click();
    await move.getByText('Chuyển Ngõ 9 (cùng các đơn vị, hộ và người bên dưới) vào Thôn Tây.').waitFor();
    await move.getByRole('button', { name: 'Xác nhận' }).click();
    await move.waitFor({ state: 'detached' });
    const [row] = await env.t.database.raw<{ parent_id: number }>('select parent_id from units where id = $1', [
      alley.id,
    ]);
    expect(row!.parent_id).toBe(env.w.groupA2.id);
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });
});
