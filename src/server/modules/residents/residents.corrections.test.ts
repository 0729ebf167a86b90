import { describe, expect, it } from 'vitest';
import { useWorld } from '../../../../test/world.js';

const env = useWorld();

const names = (res: { json(): { items: { fullName: string }[] } }) => res.json().items.map((i) => i.fullName);

describe('a correction is journaled', () => {
  it("shows in the person's and household's history without the new phone, keeps it encrypted, and undo restores it", async () => {
    const h = await env.w.f.household(env.w.groupA1, { address: 'Số 40 thôn Đông' });
    const p = await env.w.f.resident(h, { fullName: 'Tạ Văn Sửa', head: true, phone: '0912000111' });
    const before = (await env.w.agents.headA1.get(`/api/residents/${p.id}`)).json();
    const ok = await env.w.agents.headA1.patch(`/api/residents/${p.id}`, {
      version: before.version,
      phone: '0987654321',
      tags: ['hộ nghèo'],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().version).toBe(before.version + 1);

    const [entry] = (await env.w.agents.headA1.get(`/api/residents/${p.id}/history`)).json().items;
    expect(entry).toMatchObject({
      kind: 'CORRECT',
      householdIds: [h.id],
      undoBlocked: null,
      summary: { person: 'Tạ Văn Sửa', fields: ['phone', 'tags'] },
    });
    expect((await env.w.agents.headA1.get(`/api/households/${h.id}/history`)).json().items[0].id).toBe(entry.id);
    // Neither the old nor the new number is in the journal in clear.
    const [row] = await env.t.database.raw<{ doc: string }>(
      'select (summary::text || writes::text) as doc from registry_changes where id = $1',
      [entry.id],
    );
    expect(row!.doc).not.toMatch(/0912000111|912000111|0987654321|987654321/);

    const undo = await env.w.agents.headA1.post(`/api/households/${h.id}/changes/${entry.id}/undo`);
    expect(undo.statusCode, undo.body).toBe(200);
    const back = (await env.w.agents.leaderA.post(`/api/residents/${p.id}/reveal`)).json();
    expect(back.phone).toMatch(/912000111$/);
    const after = (await env.w.agents.headA1.get(`/api/residents/${p.id}`)).json();
    expect(after).toMatchObject({ tags: [], version: before.version });
    // The screen opened before the correction may save again, as after any undo.
    const again = await env.w.agents.headA1.patch(`/api/residents/${p.id}`, { version: before.version, tags: ['x'] });
    expect(again.statusCode).toBe(200);
  });

  it('renaming a head renames the household in search, and undo takes both back', async () => {
    const h = await env.w.f.household(env.w.groupA1, { address: 'Số 41 thôn Đông' });
    const p = await env.w.f.resident(h, { fullName: 'Tạ Văn Cũ', head: true });
    const v = (await env.w.agents.headA1.get(`/api/residents/${p.id}`)).json().version;
    await env.w.agents.headA1.patch(`/api/residents/${p.id}`, { version: v, fullName: 'Tạ Văn Mới' });
    expect((await env.w.agents.headA1.get(`/api/households/${h.id}`)).json().headName).toBe('Tạ Văn Mới');
    const [entry] = (await env.w.agents.headA1.get(`/api/households/${h.id}/history`)).json().items;
    expect((await env.w.agents.headA1.post(`/api/households/${h.id}/changes/${entry.id}/undo`)).statusCode).toBe(200);
    expect((await env.w.agents.headA1.get(`/api/households/${h.id}`)).json().headName).toBe('Tạ Văn Cũ');
    expect(names(await env.w.agents.headA1.get('/api/residents?q=ta%20van%20moi'))).toEqual([]);
  });
});
