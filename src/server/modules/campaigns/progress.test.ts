import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useWorld } from '../../../../test/world.js';

const env = useWorld();
let teamMade = false;

/**
 * A VNeID campaign in commune A since 20/11: Thôn Đông's team visited hA1 — An activated on 25/11, Bình not home
 * ("after 7 pm"); Cường in Thôn Tây is not visited yet.
 */
async function underWay() {
  const { w } = env;
  const id = (
    await w.agents.leaderA.post('/api/campaigns', {
      kind: 'VNEID_L2',
      unitId: w.communeA.id,
      startsOn: '2026-11-20',
      deadline: '2027-12-31',
    })
  ).json().id as number;
  if (!teamMade) {
    const team = (await w.agents.headA1.post('/api/teams', { unitId: w.groupA1.id, name: 'Tổ CNS thôn Đông' })).json()
      .id;
    await w.agents.headA1.post(`/api/teams/${team}/members`, {
      fullName: 'Nguyễn Thị Hoa',
      userId: w.accounts.teamA1.id,
    });
    teamMade = true;
  }
  await w.agents.leaderA.post(`/api/campaigns/${id}/assign`);
  const h = (await w.agents.teamA1.get(`/api/campaigns/${id}/field`)).json().households[0];
  const an = h.people.find((p: { fullName: string }) => p.fullName === 'Nguyễn Văn An');
  const bình = h.people.find((p: { fullName: string }) => p.fullName === 'Trần Thị Bình');
  const sent = await w.agents.teamA1.post(`/api/campaigns/${id}/visits`, {
    visits: [
      {
        id: randomUUID(),
        householdId: h.householdId,
        baseVersion: h.version,
        visitedAt: '2026-11-25T19:00:00+07:00',
        outcome: 'NOT_HOME',
        bestTime: 'Sau 19 giờ',
        people: [
          { residentId: an.residentId, outcome: 'VNEID_L2_ACTIVATED', checks: ['vneid_l2'] },
          { residentId: bình.residentId, outcome: 'NOT_HOME' },
        ],
      },
    ],
  });
  expect(sent.json().results[0].status).toBe('APPLIED');
  return id;
}

describe('campaign progress', () => {
  it('shows the daily history, the burndown to the goal and the pace needed', async () => {
    const id = await underWay();
    const h = (await env.w.agents.leaderA.get(`/api/campaigns/${id}/history`)).json();
    expect(h).toMatchObject({ targets: 3, goal: 3, done: 1, startsOn: '2026-11-20', deadline: '2027-12-31' });
    expect(h.days[0]).toEqual({ day: '2026-11-20', done: 0, total: 0, left: 3 });
    expect(h.days.find((d: { day: string }) => d.day === '2026-11-25')).toEqual({
      day: '2026-11-25',
      done: 1,
      total: 1,
      left: 2,
    });
    expect(h.paceNeeded).toBe(Math.ceil(2 / h.daysLeft));
    // A group head's history is their group's.
    expect((await env.w.agents.headA1.get(`/api/campaigns/${id}/history`)).json()).toMatchObject({
      targets: 2,
      done: 1,
    });
  });

  it('lists the households left with who is left, the last outcome and the best time, audited and scoped', async () => {
    const { w } = env;
    const id = await underWay();
    const all = (await w.agents.leaderA.get(`/api/campaigns/${id}/left`)).json();
    expect(
      all.items.map(
        (x: {
          address: string;
          people: string[];
          lastOutcome: string | null;
          bestTime: string | null;
          member: string | null;
        }) => [x.address, x.people, x.lastOutcome, x.bestTime, x.member],
      ),
    ).toEqual([
      ['Số 7, ngõ 3, thôn Đông', ['Trần Thị Bình'], 'NOT_HOME', 'Sau 19 giờ', 'Nguyễn Thị Hoa'],
      ['Nhà trọ Hạnh Phúc, thôn Tây', ['Lê Đức Cường'], null, null, null],
    ]);
    expect((await w.agents.teamA1.get(`/api/campaigns/${id}/left`)).json().items).toHaveLength(1);
    expect((await w.agents.headA1.get(`/api/campaigns/${id}/left?unitId=${w.groupA2.id}`)).statusCode).toBe(404);
    expect((await w.agents.leaderB.get(`/api/campaigns/${id}/left`)).statusCode).toBe(404);
    expect((await w.agents.leaderA.get(`/api/campaigns/${id}/left?limit=1`)).json()).toMatchObject({
      hasMore: true,
      items: [expect.objectContaining({ address: 'Số 7, ngõ 3, thôn Đông' })],
    });
    const [log] = await env.t.database.raw<{ username: string }>(
      `select username from audit_log where action = 'campaign.left' order by id desc limit 1`,
    );
    expect(log!.username).toBe(w.accounts.leaderA.username);

    const board = (await w.agents.leaderA.get(`/api/campaigns/${id}/leaderboard`)).json();
    expect(board.groups.map((g: { rank: number; name: string; rate: number }) => [g.rank, g.name, g.rate])).toEqual([
      [1, 'Thôn Đông', 50],
      [2, 'Thôn Tây', 0],
    ]);
    expect(board.teams).toEqual([
      expect.objectContaining({ rank: 1, name: 'Tổ CNS thôn Đông', households: 1, done: 1, visits: 1, rate: 50 }),
    ]);
  });

  it('prints a call letter per household left with a QR code to the public guide', async () => {
    const { w } = env;
    const id = await underWay();
    const pdf = await w.agents.leaderA.get(`/api/campaigns/${id}/letters.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(2);
    const guide = (await env.t.app.inject({ url: `/api/public/campaigns/${id}` })).json();
    expect(guide).toMatchObject({
      name: 'Định danh điện tử mức 2 cho người từ 14 tuổi',
      active: true,
      commune: { name: 'Xã An Hòa' },
    });
    expect(guide.guide).toContain('VNeID');
    expect((await env.t.app.inject({ url: '/api/public/campaigns/999999' })).statusCode).toBe(404);
  });

  it('reminds the households left through the channels module', async () => {
    const { w } = env;
    const id = await underWay();
    // The group head's own reminder is filed under their group.
    const own = await w.agents.headA1.post(`/api/campaigns/${id}/remind`, {});
    expect(own.json()).toMatchObject({ households: 1 });
    expect((await w.agents.headA1.get('/api/announcements')).json().items[0]).toMatchObject({
      id: own.json().announcementId,
      unitId: w.groupA1.id,
      part: false,
    });
    // Thôn Đông was reminded a moment ago: the commune's reminder to both groups needs its leader's override.
    const sent = await w.agents.leaderA.post(`/api/campaigns/${id}/remind`, {
      message: 'Tối thứ Bảy tổ sẽ đến từng nhà.',
      override: { reason: 'Hạn chót là ngày mai' },
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({ households: 2 });
    const reached = await env.t.database.raw<{ household_id: number }>(
      `select household_id from announcement_households where announcement_id = $1 order by household_id`,
      [sent.json().announcementId],
    );
    expect(reached.map((r) => r.household_id)).toEqual(
      [w.households.hA1.id, w.households.hA2.id].sort((a, b) => a - b),
    );
    // The reminder is the commune's announcement: the head of Thôn Đông follows only Thôn Đông's part of it.
    const commune = (await w.agents.leaderA.get('/api/announcements')).json().items[0];
    expect(commune).toMatchObject({ id: sent.json().announcementId, unitId: w.communeA.id });
    const part = (await w.agents.headA1.get(`/api/announcements/${commune.id}/reach`)).json();
    expect(part).toMatchObject({ part: true, totals: { targeted: 1 }, groups: [{ name: 'Thôn Đông' }] });
    // The province officer may run campaigns but does not write to households.
    expect((await w.agents.province.post(`/api/campaigns/${id}/remind`, {})).statusCode).toBe(403);
  });
});
