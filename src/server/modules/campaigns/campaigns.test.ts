import { describe, expect, it } from 'vitest';
import { pdfWords } from '../../../../test/documents.js';
import { useWorld } from '../../../../test/world.js';

const env = useWorld();
const dates = { startsOn: '2026-12-01', deadline: '2027-01-29' };

describe('campaigns', () => {
  it("takes a VNeID campaign's targets from the registry (14+, not yet level 2) and shows progress down to the alley", async () => {
    const { w } = env;
    await env.t.database.raw(`update residents set vneid_level = 'L2' where id = $1`, [w.residents.binh.id]);
    const made = await w.agents.leaderA.post('/api/campaigns', { kind: 'VNEID_L2', unitId: w.communeA.id, ...dates });
    expect(made.statusCode, made.body).toBe(201);
    // An (48) and Cường (25) still need level 2; Bình already has it.
    expect(made.json()).toMatchObject({ communes: 1, targets: 2 });
    const id = made.json().id;
    const commune = (await w.agents.leaderA.get(`/api/campaigns/${id}/progress`)).json();
    expect(commune).toMatchObject({
      name: 'Định danh điện tử mức 2 cho người từ 14 tuổi',
      level: 'PERSON',
      targetRate: 100,
      total: { targets: 2, done: 0, rate: 0 },
    });
    expect(commune.units.map((u: { name: string; targets: number }) => [u.name, u.targets])).toEqual([
      ['Thôn Đông', 1],
      ['Thôn Tây', 1],
    ]);
    const group = (await w.agents.headA1.get(`/api/campaigns/${id}/progress?unitId=${w.groupA1.id}`)).json();
    expect(group.units).toEqual([expect.objectContaining({ unitId: w.alleyA1.id, name: 'Ngõ 3', targets: 1 })]);
    // The group head sees their group's part, not the next group's.
    expect((await w.agents.headA1.get(`/api/campaigns/${id}/progress?unitId=${w.groupA2.id}`)).statusCode).toBe(404);
    expect((await w.agents.leaderB.get(`/api/campaigns/${id}/progress`)).statusCode).toBe(404);

    // A newcomer aged 16 joins the campaign; Cường moves away and leaves it.
    await w.f.resident(w.households.hA2, { fullName: 'Lê Thị Mới', birthDate: '2010-05-05', gender: 'FEMALE' });
    await env.t.database.raw(`update household_members set left_on = current_date where resident_id = $1`, [
      w.residents.cuong.id,
    ]);
    expect((await w.agents.leaderA.post(`/api/campaigns/${id}/refresh`)).json()).toEqual({ added: 1, removed: 1 });
    expect((await w.agents.leaderA.get(`/api/campaigns/${id}/progress`)).json().total.targets).toBe(2);
  });

  it('sees the registry: a person made level 2 by an edit or another campaign is done in every campaign, and stays done', async () => {
    const { w } = env;
    const start = (unitId: number) =>
      w.agents.leaderA.post('/api/campaigns', { kind: 'VNEID_L2', unitId, ...dates, name: `VNeID ${unitId}` });
    // The commune's campaign and the group's own overlap on group A1's people.
    const commune = (await start(w.communeA.id)).json().id as number;
    const group = (
      await w.agents.headA1.post('/api/campaigns', { kind: 'VNEID_L2', unitId: w.groupA1.id, ...dates })
    ).json().id as number;
    const done = async (id: number) => (await w.agents.leaderA.get(`/api/campaigns/${id}/progress`)).json().total;
    const before = [await done(commune), await done(group)];
    // An's level 2 is recorded by hand on his record (an edit, not a visit).
    const an = (await w.agents.leaderA.get(`/api/residents/${w.residents.an.id}`)).json();
    const edited = await w.agents.leaderA.patch(`/api/residents/${an.id}`, { version: an.version, vneidLevel: 'L2' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await done(commune)).done).toBe(before[0].done + 1);
    expect((await done(group)).done).toBe(before[1].done + 1);
    // A refresh never lowers done: An no longer matches "not yet level 2", yet stays a done target.
    await w.agents.leaderA.post(`/api/campaigns/${commune}/refresh`);
    expect(await done(commune)).toMatchObject({ targets: before[0].targets, done: before[0].done + 1 });
    // Call letters go to the households still to see, not to An.
    const left = (await w.agents.leaderA.get(`/api/campaigns/${commune}/left`)).json();
    expect(JSON.stringify(left)).not.toContain('Nguyễn Văn An');
    const letters = await w.agents.leaderA.get(`/api/campaigns/${commune}/letters.pdf`);
    expect(letters.statusCode).toBe(200);
    const words = pdfWords(letters.rawPayload);
    expect(words).toContain('giay moi');
    expect(words).not.toContain('nguyen van an');
  });

  it('lets a group head start one for their group only, and fans a province campaign out to its communes', async () => {
    const { w } = env;
    const mine = await w.agents.headA1.post('/api/campaigns', {
      kind: 'ONLINE_PAYMENT',
      unitId: w.groupA1.id,
      ...dates,
    });
    expect(mine.json()).toMatchObject({ targets: 1 });
    expect(
      (await w.agents.headA1.post('/api/campaigns', { kind: 'ONLINE_PAYMENT', unitId: w.groupA2.id, ...dates }))
        .statusCode,
    ).toBe(404);
    expect(
      (await w.agents.teamA1.post('/api/campaigns', { kind: 'ONLINE_PAYMENT', unitId: w.groupA1.id, ...dates }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await w.agents.leaderA.post('/api/campaigns', {
          kind: 'CUSTOM',
          unitId: w.communeA.id,
          startsOn: '2027-01-02',
          deadline: '2026-12-01',
        })
      ).statusCode,
    ).toBe(400);

    const province = await w.agents.province.post('/api/campaigns', {
      kind: 'DIGITIZE',
      unitId: w.province.id,
      targetRate: 90,
      ...dates,
    });
    expect(province.json()).toMatchObject({ communes: 2 });
    const drill = (await w.agents.province.get(`/api/campaigns/${province.json().id}/progress`)).json();
    expect(drill.targetRate).toBe(90);
    expect(drill.units.map((u: { name: string }) => u.name)).toEqual(['Phường Bình Minh', 'Xã An Hòa']);
    // Commune A's leader sees the commune's own part of it.
    const theirs = (await w.agents.leaderA.get('/api/campaigns'))
      .json()
      .items.filter((c: { parentId: number | null }) => c.parentId === province.json().id);
    expect(theirs).toHaveLength(1);
  });

  it("hands households to the group team's members by load, shows each member only their own, and audits a reassignment", async () => {
    const { w } = env;
    await w.f
      .household(w.groupA1, { address: 'Số 9 thôn Đông', code: '9' })
      .then((h) => w.f.resident(h, { fullName: 'Đỗ Văn Chín', birthDate: '1970-01-01', gender: 'MALE', head: true }));
    const id = (
      await w.agents.leaderA.post('/api/campaigns', { kind: 'DIGITIZE', unitId: w.communeA.id, ...dates })
    ).json().id;
    const team = (await w.agents.headA1.post('/api/teams', { unitId: w.groupA1.id, name: 'Tổ CNS thôn Đông' })).json()
      .id;
    const mine = (
      await w.agents.headA1.post(`/api/teams/${team}/members`, {
        fullName: 'Thành viên có tài khoản',
        userId: w.accounts.teamA1.id,
      })
    ).json().id;
    const other = (await w.agents.headA1.post(`/api/teams/${team}/members`, { fullName: 'Thành viên thứ hai' })).json()
      .id;
    // The second member gets a login from their team row, so both can be handed households.
    expect(
      (await w.agents.leaderA.post(`/api/teams/${team}/members/${other}/login`, { username: 'thanhvien2' })).statusCode,
    ).toBe(201);
    // Thôn Đông's two households go one to each member; Thôn Tây has no team yet, so its household waits.
    expect((await w.agents.leaderA.post(`/api/campaigns/${id}/assign`)).json()).toEqual({ assigned: 2 });
    const communeTeam = (await w.agents.leaderA.post('/api/teams', { unitId: w.communeA.id, name: 'Tổ CNS xã' })).json()
      .id;
    const officer = (
      await w.agents.leaderA.post(`/api/teams/${communeTeam}/members`, { fullName: 'Cán bộ xã', role: 'HEAD' })
    ).json().id;
    // Nobody on the commune's team can sign in yet: Thôn Tây's household stays unassigned until one can.
    expect((await w.agents.leaderA.post(`/api/campaigns/${id}/assign`)).json()).toEqual({ assigned: 0 });
    await w.agents.leaderA.post(`/api/teams/${communeTeam}/members/${officer}/login`, { username: 'canboxa' });
    expect((await w.agents.leaderA.post(`/api/campaigns/${id}/assign`)).json()).toEqual({ assigned: 1 });

    const first = (await w.agents.teamA1.get(`/api/campaigns/${id}/mine`)).json().items;
    expect(first).toHaveLength(1);
    const all = await env.t.database.raw<{ household_id: number; assigned_member_id: number }>(
      `select household_id, assigned_member_id
       from campaign_targets t join campaigns c on c.id = t.campaign_id
       where c.id = $1 and assigned_member_id = $2`,
      [id, other],
    );
    expect(all).toHaveLength(1);
    expect(
      (
        await w.agents.headA1.request({
          method: 'PUT',
          url: `/api/campaigns/${id}/households/${all[0]!.household_id}/assignee`,
          payload: { memberId: mine },
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (await w.agents.teamA1.get(`/api/campaigns/${id}/mine`))
        .json()
        .items.map((h: { address: string }) => h.address)
        .sort(),
    ).toEqual(['Số 7, ngõ 3, thôn Đông', 'Số 9 thôn Đông']);
    expect(
      (
        await w.agents.leaderB.request({
          method: 'PUT',
          url: `/api/campaigns/${id}/households/${all[0]!.household_id}/assignee`,
          payload: { memberId: mine },
        })
      ).statusCode,
    ).toBe(404);
    const [log] = await env.t.database.raw<{ details: { from: number; to: number } }>(
      `select details from audit_log where action = 'campaign.reassign' order by id desc limit 1`,
    );
    expect(log!.details).toMatchObject({ campaignId: id, from: other, to: mine });

    // A member who leaves the team: their households go to those still in it.
    expect(
      (await w.agents.headA1.request({ method: 'DELETE', url: `/api/teams/${team}/members/${mine}` })).statusCode,
    ).toBe(204);
    expect((await w.agents.leaderA.post(`/api/campaigns/${id}/assign`)).json()).toEqual({ assigned: 2 });
    expect(
      await env.t.database.raw(
        `select distinct assigned_member_id from campaign_targets where campaign_id = $1 and group_id = $2`,
        [id, w.groupA1.id],
      ),
    ).toEqual([{ assigned_member_id: other }]);
  });
});
