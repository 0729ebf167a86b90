import { describe, expect, it } from 'vitest';
import { useFakeSms } from '../../../../test/fake-sms.js';
import { login } from '../../../../test/helpers.js';
import { useWorld } from '../../../../test/world.js';

const sms = useFakeSms();
const env = useWorld(sms.overrides);

type Member = { id: number; fullName: string; role: string; version: number; username: string | null };
type TeamRow = { id: number; members: Member[]; pastMembers: { fullName: string; removedBy: string | null }[] };

async function teamOf(id: number): Promise<TeamRow> {
  return (await env.w.agents.leaderA.get('/api/teams')).json().items.find((t: TeamRow) => t.id === id);
}

describe('PATCH and DELETE /api/teams/:id/members/:memberId', () => {
  it('edits a member from their row with a version check, and keeps a removed member in the past members', async () => {
    const { w } = env;
    const { teamId, memberId } = await w.f.team(w.groupA1);
    const url = `/api/teams/${teamId}/members/${memberId}`;
    const edit = await w.agents.headA1.patch(url, {
      version: 1,
      fullName: 'Lê Văn Tình',
      role: 'DEPUTY',
      phone: '0905 111 222',
      unitId: w.alleyA1.id,
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json()).toEqual({ version: 2 });
    expect((await teamOf(teamId)).members[0]).toMatchObject({
      fullName: 'Lê Văn Tình',
      role: 'DEPUTY',
      hasPhone: true,
      unitName: 'Ngõ 3',
      canSignIn: false,
    });
    // The same edit from the old row is refused; bad input, another group's unit and another commune are refused too.
    expect((await w.agents.headA1.patch(url, { version: 1, fullName: 'Cũ' })).statusCode).toBe(409);
    expect((await w.agents.headA1.patch(url, { version: 2 })).statusCode).toBe(400);
    expect((await w.agents.headA1.patch(url, { version: 2, phone: '123' })).statusCode).toBe(400);
    expect((await w.agents.headA1.patch(url, { version: 2, unitId: w.groupA2.id })).statusCode).toBe(404);
    expect((await w.agents.leaderB.patch(url, { version: 2, fullName: 'Người ngoài' })).statusCode).toBe(404);
    expect((await w.agents.teamA1.patch(url, { version: 2, fullName: 'Tự sửa' })).statusCode).toBe(403);

    expect((await w.agents.leaderB.request({ method: 'DELETE', url })).statusCode).toBe(404);
    expect((await w.agents.headA1.request({ method: 'DELETE', url })).statusCode).toBe(204);
    expect((await w.agents.headA1.request({ method: 'DELETE', url })).statusCode).toBe(404);
    expect((await w.agents.headA1.patch(url, { version: 3, fullName: 'Đã nghỉ' })).statusCode).toBe(404);
    const team = await teamOf(teamId);
    expect(team.members).toEqual([]);
    expect(team.pastMembers).toEqual([
      expect.objectContaining({ fullName: 'Lê Văn Tình', removedBy: w.accounts.headA1.fullName }),
    ]);
    const log = await env.t.database.raw<{ action: string; details: { fields?: string[] } }>(
      `select action, details from audit_log where entity_type = 'team' and entity_id = $1 order by id`,
      [String(teamId)],
    );
    expect(log).toEqual([
      { action: 'team.member.update', details: { memberId, fields: ['fullName', 'role', 'phone', 'unitId'] } },
      { action: 'team.member.leave', details: { memberId } },
    ]);
  });
});

describe('POST /api/teams/:id/members/:memberId/login', () => {
  it('gives a member a team-member login on their unit, shown once; they sign in and the row shows it', async () => {
    const { w } = env;
    const { teamId, memberId } = await w.f.team(w.groupA1);
    await w.agents.leaderA.patch(`/api/teams/${teamId}/members/${memberId}`, { version: 1, unitId: w.alleyA1.id });
    const made = await w.agents.leaderA.post(`/api/teams/${teamId}/members/${memberId}/login`, {
      username: 'tinhnguyen.ngo3',
    });
    expect(made.statusCode, made.body).toBe(201);
    const { password, username, sentTo } = made.json();
    expect([username, sentTo]).toEqual(['tinhnguyen.ngo3', null]);
    expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const member = await login(env.t.app, username, password);
    const me = (await member.get('/api/auth/me')).json();
    expect(me.roles).toEqual([expect.objectContaining({ role: 'DIGITAL_TEAM', unitId: w.alleyA1.id })]);
    expect((await teamOf(teamId)).members[0]).toMatchObject({ username: 'tinhnguyen.ngo3', canSignIn: true });

    // Once is enough: the member now has a login.
    const again = await w.agents.leaderA.post(`/api/teams/${teamId}/members/${memberId}/login`, { username: 'khac' });
    expect(again.statusCode).toBe(409);
    const log = await env.t.database.raw<{ action: string }>(
      `select action from audit_log where (entity_type = 'team' and entity_id = $1) or action = 'user.create'
       order by id desc limit 2`,
      [String(teamId)],
    );
    expect(log.map((l) => l.action)).toEqual(['team.member.login', 'user.create']);

    // Taken off the team, the login loses the team role it was made for and is signed out: no more households.
    expect((await member.get('/api/households')).statusCode).toBe(200);
    const removed = await w.agents.leaderA.request({
      method: 'DELETE',
      url: `/api/teams/${teamId}/members/${memberId}`,
    });
    expect(removed.statusCode).toBe(204);
    expect((await member.get('/api/households')).statusCode).toBe(401);
    expect(
      await env.t.database.raw(
        `select r.role from role_assignments r join users u on u.id = r.user_id where u.username = $1`,
        [username],
      ),
    ).toEqual([]);
    const [leave] = await env.t.database.raw<{ details: object }>(
      `select details from audit_log where action = 'team.member.leave' and entity_id = $1`,
      [String(teamId)],
    );
    const [account] = await env.t.database.raw<{ id: number }>('select id from users where username = $1', [username]);
    expect(leave!.details).toEqual({
      memberId,
      userId: account!.id,
      roleRevoked: 'DIGITAL_TEAM',
      unitId: w.alleyA1.id,
    });
  });

  it('refuses a taken username, a role that cannot create accounts, another commune, and an SMS without a phone', async () => {
    const { w } = env;
    const { teamId, memberId } = await w.f.team(w.groupA1);
    const url = `/api/teams/${teamId}/members/${memberId}/login`;
    const taken = await w.agents.leaderA.post(url, { username: w.accounts.teamA1.username });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('CONFLICT');
    // A group head manages the team but does not create accounts; a one-stop officer neither.
    expect((await w.agents.headA1.post(url, { username: 'thu.nhom' })).statusCode).toBe(403);
    expect((await w.agents.onestopA.post(url, { username: 'thu.motcua' })).statusCode).toBe(403);
    expect((await w.agents.leaderB.post(url, { username: 'thu.xakhac' })).statusCode).toBe(404);
    expect((await w.agents.leaderA.post(url, { username: 'có dấu' })).statusCode).toBe(400);
    expect((await w.agents.leaderA.post(url, { username: 'thu.sms', handover: 'SMS' })).statusCode).toBe(409);
    // None of the refusals left an account or a link behind.
    expect(await env.t.database.raw(`select user_id from team_members where id = $1`, [memberId])).toEqual([
      { user_id: null },
    ]);
    expect(await env.t.database.raw(`select id from users where username like 'thu.%'`)).toEqual([]);
  });

  it('sends the first password by SMS to the member phone instead of showing it', async () => {
    const { w } = env;
    const team = (await w.agents.leaderA.post('/api/teams', { unitId: w.groupA1.id, name: 'Tổ CNS SMS' })).json().id;
    const member = (
      await w.agents.leaderA.post(`/api/teams/${team}/members`, { fullName: 'Vũ Thị Hoa', phone: '0987 654 321' })
    ).json().id;
    const made = await w.agents.leaderA.post(`/api/teams/${team}/members/${member}/login`, {
      username: 'vuthihoa',
      handover: 'SMS',
    });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ username: 'vuthihoa', password: null, sentTo: '321' });
    const text = sms.messages.filter((m) => m.to === '+84987654321').at(-1)!.text;
    expect(text).toContain('vuthihoa');
    const password = text.match(/mat khau (\S+)\./)![1]!;
    await login(env.t.app, 'vuthihoa', password);
  });
});
