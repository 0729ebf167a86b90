import { describe, expect, it } from 'vitest';
import { useWorld } from '../../../../test/world.js';

const env = useWorld();
const dates = { startsOn: '2026-12-01', deadline: '2027-01-29' };

type Member = { memberId: number; fullName: string; canSignIn: boolean; households: number; open: number };

describe('campaign assignment and the assignment screen', () => {
  it("hands households only to members who can sign in (the others' share goes to the head), and reassigns one or a whole list", async () => {
    const { w } = env;
    for (const n of [11, 12, 13, 14, 15])
      await w.f
        .household(w.groupA1, { address: `Số ${n} thôn Đông`, code: String(n) })
        .then((h) => w.f.resident(h, { fullName: `Người Số ${n}`, birthDate: '1970-01-01', head: true }));
    const id = (
      await w.agents.headA1.post('/api/campaigns', { kind: 'DIGITIZE', unitId: w.groupA1.id, ...dates })
    ).json().id;
    const team = (await w.agents.headA1.post('/api/teams', { unitId: w.groupA1.id, name: 'Tổ CNS thôn Đông' })).json()
      .id;
    const add = async (fullName: string, extra: object = {}) =>
      (await w.agents.headA1.post(`/api/teams/${team}/members`, { fullName, ...extra })).json().id as number;
    const head = await add('Trưởng nhóm', { role: 'HEAD' });
    const youth = await add('Đoàn viên');
    const noLogin = await add('Chưa có tài khoản');
    for (const [member, username] of [
      [head, 'truongnhom'],
      [youth, 'doanvien'],
    ] as const)
      expect((await w.agents.leaderA.post(`/api/teams/${team}/members/${member}/login`, { username })).statusCode).toBe(
        201,
      );

    // Six households, three in the rotation: the member without a login's two go to the head.
    expect((await w.agents.headA1.post(`/api/campaigns/${id}/assign`)).json()).toEqual({ assigned: 6 });
    const view = (await w.agents.headA1.get(`/api/campaigns/${id}/assignments`)).json();
    const load = Object.fromEntries(view.members.map((m: Member) => [m.fullName, m.households]));
    expect(load).toEqual({ 'Trưởng nhóm': 4, 'Đoàn viên': 2, 'Chưa có tài khoản': 0 });
    expect([view.unassigned, view.stranded, view.households]).toEqual([0, 0, []]);

    // One household by hand: never to a member without a login; to one with a login, audited.
    const youthList = (await w.agents.headA1.get(`/api/campaigns/${id}/assignments?memberId=${youth}`)).json()
      .households as { householdId: number; address: string }[];
    expect(youthList).toHaveLength(2);
    const one = youthList[0]!.householdId;
    const assignee = `/api/campaigns/${id}/households/${one}/assignee`;
    const refused = await w.agents.headA1.put(assignee, { memberId: noLogin });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('chưa có tài khoản');
    expect((await w.agents.headA1.put(assignee, { memberId: head })).statusCode).toBe(204);

    // A member's whole list to another; then the head's to the youth, in one audited step.
    const move = (fromMemberId: number, toMemberId: number, agent = w.agents.headA1) =>
      agent.post(`/api/campaigns/${id}/assignments/move`, { fromMemberId, toMemberId });
    expect((await move(youth, noLogin)).statusCode).toBe(409);
    expect((await move(youth, youth)).statusCode).toBe(400);
    expect((await move(youth, head, w.agents.leaderB)).statusCode).toBe(404);
    expect((await move(youth, head, w.agents.teamA1)).statusCode).toBe(403);
    expect((await move(youth, head)).json()).toEqual({ moved: 1 });
    expect((await move(head, youth)).json()).toEqual({ moved: 6 });
    const after = (await w.agents.headA1.get(`/api/campaigns/${id}/assignments?memberId=${youth}`)).json();
    expect(after.households.map((h: { address: string }) => h.address)).toEqual([
      'Số 11 thôn Đông',
      'Số 12 thôn Đông',
      'Số 13 thôn Đông',
      'Số 14 thôn Đông',
      'Số 15 thôn Đông',
      'Số 7, ngõ 3, thôn Đông',
    ]);
    const audit = await env.t.database.raw<{ action: string; details: Record<string, number> }>(
      `select action, details from audit_log where action = 'campaign.reassign' order by id`,
    );
    expect(audit.map((a) => a.details)).toEqual([
      expect.objectContaining({ campaignId: id, to: head }),
      { from: youth, to: head, households: 1 },
      { from: head, to: youth, households: 6 },
    ]);

    // A household already held by someone who loses their login is flagged on the screen, not silently moved.
    await env.t.database.raw(`update users set disabled_at = now() where username = 'doanvien'`);
    const stranded = (await w.agents.headA1.get(`/api/campaigns/${id}/assignments`)).json();
    expect(stranded.stranded).toBe(6);
    expect(stranded.members.find((m: Member) => m.memberId === youth)).toMatchObject({ canSignIn: false, open: 6 });
    expect((await w.agents.leaderB.get(`/api/campaigns/${id}/assignments`)).statusCode).toBe(404);
    expect((await w.agents.headA1.get(`/api/campaigns/${id}/assignments?memberId=abc`)).statusCode).toBe(400);
  });
});
