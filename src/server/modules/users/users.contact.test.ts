import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { login } from '../../../../test/helpers.js';
import { useWorld } from '../../../../test/world.js';
import { users } from '../../db/schema/index.js';

// Staff contact details (where feedback reminders reach people): set by an account manager and by the person.
const env = useWorld();

const errorsOf = (res: { json(): { errors?: { field: string; code: string; message: string }[] } }) =>
  Object.fromEntries((res.json().errors ?? []).map((e) => [e.field, e]));

async function auditOf(action: string, entityId: number) {
  return env.t.database.raw<{ details: Record<string, unknown> }>(
    'select details from audit_log where action = $1 and entity_id = $2 order by id',
    [action, String(entityId)],
  );
}

describe('PATCH /api/users/:id — email and phone', () => {
  it('a manager sets them: stored encrypted with a blind index, listed masked, audited without the values', async () => {
    const { t, w } = env;
    const u = await w.f.user('ONESTOP_OFFICER', w.communeA);
    const res = await w.agents.leaderA.patch(`/api/users/${u.id}`, {
      email: ' Le.Van.Tam@Xa-An-Hoa.gov.vn ',
      phone: '0912 345 678',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ email: 'l•••@xa-an-hoa.gov.vn', phone: '•••••••5678', version: 2 });

    const [row] = await t.database.db.select().from(users).where(eq(users.id, u.id));
    expect(row!.email).toBe('le.van.tam@xa-an-hoa.gov.vn');
    expect(row!.phoneEnc).not.toContain('912345678');
    expect(t.cipher.decrypt(row!.phoneEnc!)).toBe('+84912345678');
    expect(row!.phoneBidx).toBe(t.cipher.blindIndex('+84912345678', 'phone'));

    const listed = (await w.agents.leaderA.get(`/api/users?q=${u.username}`)).json().items;
    expect(listed).toEqual([
      expect.objectContaining({ id: u.id, email: 'l•••@xa-an-hoa.gov.vn', phone: '•••••••5678' }),
    ]);
    expect(JSON.stringify(listed)).not.toContain('le.van.tam');

    const audits = await auditOf('user.update', u.id);
    expect(audits.at(-1)!.details).toEqual({ contact: ['email', 'phone'] });
    expect(JSON.stringify(audits)).not.toMatch(/912|le\.van/);

    // null clears one; the other stays.
    const cleared = await w.agents.leaderA.patch(`/api/users/${u.id}`, { phone: null, version: 2 });
    expect(cleared.json()).toMatchObject({ email: 'l•••@xa-an-hoa.gov.vn', phone: null, version: 3 });
    const [after] = await t.database.db.select().from(users).where(eq(users.id, u.id));
    expect(after).toMatchObject({ phoneEnc: null, phoneBidx: null });
  });

  it('400 names the field with the shared codes; 409 on a stale version', async () => {
    const { w } = env;
    const u = await w.f.user('ONESTOP_OFFICER', w.communeA);
    const bad = await w.agents.leaderA.patch(`/api/users/${u.id}`, { email: 'khong-phai-email', phone: '12345' });
    expect(bad.statusCode).toBe(400);
    const errors = errorsOf(bad);
    expect(errors['body.email']).toMatchObject({
      code: 'EMAIL',
      message: 'Địa chỉ email chưa đúng, ví dụ ten@gmail.com',
    });
    expect(errors['body.phone']).toMatchObject({
      code: 'PHONE',
      message: 'Số điện thoại chưa đúng, ví dụ 0912 345 678',
    });

    expect((await w.agents.leaderA.patch(`/api/users/${u.id}`, { phone: '0912000111', version: 1 })).statusCode).toBe(
      200,
    );
    const stale = await w.agents.leaderA.patch(`/api/users/${u.id}`, { phone: '0912000222', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
  });

  it('only within the manager’s reach: another commune’s account is missing, and without USER_MANAGE it is 403', async () => {
    const { w } = env;
    expect(
      (await w.agents.leaderA.patch(`/api/users/${w.accounts.leaderB.id}`, { email: 'b@xa-b.gov.vn' })).statusCode,
    ).toBe(404);
    expect(
      (await w.agents.onestopA.patch(`/api/users/${w.accounts.headA1.id}`, { email: 'a@xa-a.gov.vn' })).statusCode,
    ).toBe(403);
  });

  it('a new account can be made with them', async () => {
    const res = await env.w.agents.leaderA.post('/api/users', {
      username: 'co-lien-lac',
      fullName: 'Có Liên Lạc',
      password: 'mat-khau-dai-du',
      roles: [{ role: 'DIGITAL_TEAM', unitId: env.w.groupA1.id }],
      email: 'lienlac@xa-an-hoa.gov.vn',
      phone: '+84 987 654 321',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ email: 'l•••@xa-an-hoa.gov.vn', phone: '•••••••4321', version: 1 });
  });
});

describe('/api/auth/contact — the person’s own, on /account', () => {
  it('reads them in full, edits them with the version, and refuses bad input and stale edits', async () => {
    const { t, w } = env;
    const u = await w.f.user('GROUP_HEAD', w.groupA1);
    const agent = await login(t.app, u.username, u.password);
    expect((await agent.get('/api/auth/contact')).json()).toEqual({ email: null, phone: null, version: 1 });

    const saved = await agent.put('/api/auth/contact', {
      email: 'truongthon@gmail.com',
      phone: '0987 111 222',
      version: 1,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ email: 'truongthon@gmail.com', phone: '+84987111222', version: 2 });
    expect((await agent.get('/api/auth/contact')).json()).toEqual(saved.json());
    expect((await auditOf('user.contact.update', u.id)).at(-1)!.details).toEqual({ fields: ['email', 'phone'] });

    const bad = await agent.put('/api/auth/contact', { phone: '0123', version: 2 });
    expect(bad.statusCode).toBe(400);
    expect(errorsOf(bad)['body.phone']).toMatchObject({ code: 'PHONE' });
    expect((await agent.put('/api/auth/contact', { email: null, version: 1 })).statusCode).toBe(409);

    const cleared = await agent.put('/api/auth/contact', { email: null, version: 2 });
    expect(cleared.json()).toEqual({ email: null, phone: '+84987111222', version: 3 });

    // Someone else's edit moves the version on: the person's form read before it is refused.
    await w.agents.leaderA.patch(`/api/users/${u.id}`, { fullName: 'Trưởng Thôn Đổi Tên' });
    expect((await agent.put('/api/auth/contact', { email: 'x@gmail.com', version: 3 })).statusCode).toBe(409);
  });
});
