import { describe, expect, it } from 'vitest';
import { useWorld } from '../../../../test/world.js';

const env = useWorld();

describe('digital technology teams', () => {
  it("sets up a group team by decision, adds members, keeps leavers in history, and stays inside the head's group", async () => {
    const { w } = env;
    const made = await w.agents.headA1.post('/api/teams', {
      unitId: w.groupA1.id,
      name: 'Tổ công nghệ số cộng đồng thôn Đông',
      decisionRef: '125/QĐ-UBND ngày 02/3/2025',
    });
    expect(made.statusCode).toBe(201);
    const id = made.json().id;
    const head = await w.agents.headA1.post(`/api/teams/${id}/members`, {
      fullName: 'Nguyễn Văn An',
      role: 'HEAD',
      phone: '0912 345 678',
      skills: ['VNeID', 'Thanh toán trực tuyến'],
    });
    const youth = await w.agents.headA1.post(`/api/teams/${id}/members`, {
      fullName: 'Trần Minh Đức',
      skills: ['Dịch vụ công'],
    });
    expect([head.statusCode, youth.statusCode]).toEqual([201, 201]);
    expect(
      (await w.agents.headA1.post(`/api/teams/${id}/members`, { fullName: 'Số sai', phone: '12345' })).statusCode,
    ).toBe(400);
    expect(
      (await w.agents.headA1.request({ method: 'DELETE', url: `/api/teams/${id}/members/${youth.json().id}` }))
        .statusCode,
    ).toBe(204);
    expect(
      (await w.agents.headA1.request({ method: 'DELETE', url: `/api/teams/${id}/members/${youth.json().id}` }))
        .statusCode,
    ).toBe(404);

    const [team] = (await w.agents.teamA1.get('/api/teams')).json().items;
    expect(team).toMatchObject({
      name: 'Tổ công nghệ số cộng đồng thôn Đông',
      unitName: 'Thôn Đông',
      decisionRef: '125/QĐ-UBND ngày 02/3/2025',
    });
    expect(team.members).toEqual([
      expect.objectContaining({
        fullName: 'Nguyễn Văn An',
        role: 'HEAD',
        hasPhone: true,
        skills: ['VNeID', 'Thanh toán trực tuyến'],
      }),
    ]);
    // A group head cannot set up a team for the next group, nor see another commune's.
    expect((await w.agents.headA1.post('/api/teams', { unitId: w.groupA2.id, name: 'Tổ thôn Tây' })).statusCode).toBe(
      404,
    );
    expect((await w.agents.leaderB.get('/api/teams')).json().items).toEqual([]);
    expect((await w.agents.leaderB.post(`/api/teams/${id}/members`, { fullName: 'Người ngoài' })).statusCode).toBe(404);
    const log = await env.t.database.raw<{ action: string }>(
      `select action from audit_log where entity_type = 'team' and entity_id = $1 order by id`,
      [String(id)],
    );
    expect(log.map((l) => l.action)).toEqual([
      'team.create',
      'team.member.add',
      'team.member.add',
      'team.member.leave',
    ]);
  });

  it('keeps the counter duty roster and shows support points to citizens', async () => {
    const { w } = env;
    const team = (
      await w.agents.leaderA.post('/api/teams', { unitId: w.communeA.id, name: 'Tổ công nghệ số xã' })
    ).json().id;
    const member = (
      await w.agents.leaderA.post(`/api/teams/${team}/members`, { fullName: 'Phạm Thu Hà', role: 'HEAD' })
    ).json().id;
    const duty = { unitId: w.communeA.id, day: '2026-12-07', shift: 'MORNING', memberId: member };
    expect((await w.agents.leaderA.post('/api/duty', duty)).statusCode).toBe(201);
    expect((await w.agents.leaderA.post('/api/duty', duty)).statusCode).toBe(409);
    expect((await w.agents.leaderA.post('/api/duty', { ...duty, shift: 'NIGHT' })).statusCode).toBe(400);
    const roster = (
      await w.agents.onestopA.get(`/api/duty?unitId=${w.communeA.id}&from=2026-12-07&to=2026-12-13`)
    ).json().items;
    expect(roster).toEqual([
      expect.objectContaining({ day: '2026-12-07', shift: 'MORNING', memberName: 'Phạm Thu Hà' }),
    ]);

    const point = await w.agents.headA1.post('/api/support-points', {
      unitId: w.groupA1.id,
      name: 'Tạp hóa Tâm Hương',
      address: 'Số 3 ngõ 3, thôn Đông',
      hours: '18:00–21:00, thứ Hai đến thứ Sáu',
      services: 'Kích hoạt VNeID mức 2, nộp hồ sơ trực tuyến',
    });
    expect(point.statusCode).toBe(201);
    const shown = await env.t.app.inject({
      method: 'GET',
      url: `/api/public/communes/${w.communeA.code}/support-points`,
    });
    expect(shown.json().items).toEqual([
      expect.objectContaining({
        name: 'Tạp hóa Tâm Hương',
        hours: '18:00–21:00, thứ Hai đến thứ Sáu',
        unitName: 'Thôn Đông',
      }),
    ]);
    expect(
      (await env.t.app.inject({ method: 'GET', url: `/api/public/communes/${w.communeB.code}/support-points` })).json()
        .items,
    ).toEqual([]);
  });

  it("links a member to a sign-in account only inside the team's units; another's or an unknown account is 404", async () => {
    const { w } = env;
    const { teamId } = await w.f.team(w.groupA1);
    const own = await w.agents.headA1.post(`/api/teams/${teamId}/members`, {
      fullName: 'Thành viên có tài khoản',
      userId: w.accounts.teamA1.id,
    });
    expect(own.statusCode, own.body).toBe(201);
    for (const userId of [w.accounts.leaderB.id, w.accounts.onestopA.id, 2_000_000]) {
      const refused = await w.agents.headA1.post(`/api/teams/${teamId}/members`, { fullName: 'Người ngoài', userId });
      expect(refused.statusCode, refused.body).toBe(404);
    }
    // The commune leader's account sits above the group: not one of the group team's units either.
    const above = await w.agents.headA1.post(`/api/teams/${teamId}/members`, {
      fullName: 'Lãnh đạo xã',
      userId: w.accounts.leaderA.id,
    });
    expect(above.statusCode).toBe(404);
  });
});
