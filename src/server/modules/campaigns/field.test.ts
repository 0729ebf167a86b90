import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useWorld } from '../../../../test/world.js';

const env = useWorld();
// Visits lie in the past: the server takes a device clock running ahead back to its own time.
const dates = { startsOn: '2026-11-01', deadline: '2027-01-29' };
type Pack = {
  households: {
    householdId: number;
    version: number;
    people: { residentId: number; fullName: string; version: number; phoneTail: string | null }[];
  }[];
};

/** A VNeID campaign in commune A whose household hA1 (An, Bình) is given to the team account of Thôn Đông. */
async function worked({ team = true } = {}) {
  const { w } = env;
  const id = (
    await w.agents.leaderA.post('/api/campaigns', { kind: 'VNEID_L2', unitId: w.communeA.id, ...dates })
  ).json().id as number;
  if (team) {
    const teamId = (await w.agents.headA1.post('/api/teams', { unitId: w.groupA1.id, name: 'Tổ CNS thôn Đông' })).json()
      .id;
    await w.agents.headA1.post(`/api/teams/${teamId}/members`, {
      fullName: 'Thành viên có tài khoản',
      userId: w.accounts.teamA1.id,
    });
  }
  expect((await w.agents.leaderA.post(`/api/campaigns/${id}/assign`)).json()).toEqual({ assigned: 1 });
  const pack = (await w.agents.teamA1.get(`/api/campaigns/${id}/field`)).json() as Pack;
  return { id, pack, household: pack.households[0]! };
}

const visit = (
  householdId: number,
  baseVersion: number,
  at: string,
  outcome: string,
  extra: Record<string, unknown> = {},
) => ({ id: randomUUID(), householdId, baseVersion, visitedAt: at, outcome, ...extra });

/** The campaign's targets in the worked household (hA1). */
async function targets(id: number) {
  return env.t.database.raw<{
    resident_id: number;
    done: boolean;
    last_outcome: string | null;
    best_time: string | null;
  }>(
    `select resident_id, done_at is not null as done, last_outcome, best_time
     from campaign_targets
     where campaign_id = $1 and household_id = $2
     order by resident_id`,
    [id, env.w.households.hA1.id],
  );
}

describe('campaign field work', () => {
  it('packs only my households for offline use, stores a retried upload once, and writes VNeID level 2 back to the registry', async () => {
    const { w } = env;
    const { id, pack, household } = await worked();
    expect(pack.households).toHaveLength(1);
    expect(household.people.map((p) => p.fullName)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình']);
    // The phone travels as its last digits only.
    expect(household.people[0]!.phoneTail).toBe('•••••••••678');
    const an = household.people[0]!;
    const visits = [
      visit(household.householdId, household.version, '2026-11-02T11:00:00+07:00', 'NOT_HOME', {
        bestTime: 'Sau 19 giờ',
      }),
      visit(household.householdId, household.version, '2026-11-02T19:30:00+07:00', 'NEEDS_POLICE_VISIT', {
        people: [
          {
            residentId: an.residentId,
            outcome: 'VNEID_L2_ACTIVATED',
            version: an.version,
            vneidLevel: 'L2',
            phone: '0987 654 321',
          },
        ],
      }),
    ];
    const first = await w.agents.teamA1.post(`/api/campaigns/${id}/visits`, { visits });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().results.map((r: { status: string }) => r.status)).toEqual(['APPLIED', 'APPLIED']);
    const again = await w.agents.teamA1.post(`/api/campaigns/${id}/visits`, { visits });
    expect(again.json().results.map((r: { status: string }) => r.status)).toEqual(['DUPLICATE', 'DUPLICATE']);
    expect(await env.t.database.raw(`select 1 from campaign_visits where campaign_id = $1`, [id])).toHaveLength(2);

    expect(await targets(id)).toEqual(
      expect.arrayContaining([
        { resident_id: an.residentId, done: true, last_outcome: 'VNEID_L2_ACTIVATED', best_time: null },
        {
          resident_id: household.people[1]!.residentId,
          done: false,
          last_outcome: 'NEEDS_POLICE_VISIT',
          best_time: null,
        },
      ]),
    );
    const [person] = await env.t.database.raw<{ vneid_level: string; vneid_checked_on: string; phone_bidx: string }>(
      `select vneid_level, vneid_checked_on::text, phone_bidx from residents where id = $1`,
      [an.residentId],
    );
    expect(person).toMatchObject({
      vneid_level: 'L2',
      vneid_checked_on: '2026-11-02',
      phone_bidx: env.t.cipher.blindIndex('+84987654321', 'phone'),
    });
    const [log] = await env.t.database.raw<{ username: string; details: { fields: string[]; via: string } }>(
      `select username, details from audit_log
       where action = 'resident.update' and entity_id = $1
       order by id desc limit 1`,
      [String(an.residentId)],
    );
    expect(log).toMatchObject({
      username: w.accounts.teamA1.username,
      details: { fields: ['vneidLevel', 'phone'], via: 'campaign.visit' },
    });
    expect((await w.agents.leaderA.get(`/api/campaigns/${id}/progress`)).json().total).toMatchObject({ done: 1 });

    // The device's next visit to An still carries the version it downloaded: its own change is not a conflict.
    const later = visit(household.householdId, household.version, '2026-11-03T19:00:00+07:00', 'DONE', {
      people: [{ residentId: an.residentId, version: an.version, phone: '0987 654 322' }],
    });
    expect(
      (await w.agents.teamA1.post(`/api/campaigns/${id}/visits`, { visits: [later] })).json().results[0].status,
    ).toBe('APPLIED');
  });

  it('applies visits in the order they happened, whatever order they arrive in', async () => {
    const { w } = env;
    const { id, household } = await worked();
    const evening = visit(household.householdId, household.version, '2026-11-05T19:00:00+07:00', 'DONE');
    const morning = visit(household.householdId, household.version, '2026-11-05T09:00:00+07:00', 'NOT_HOME', {
      bestTime: 'Buổi tối',
    });
    await w.agents.teamA1.post(`/api/campaigns/${id}/visits`, { visits: [evening] });
    await w.agents.teamA1.post(`/api/campaigns/${id}/visits`, { visits: [morning] });
    for (const t of await targets(id)) expect(t).toMatchObject({ done: true, last_outcome: 'DONE', best_time: null });
    // Within one upload too.
    const { id: second, household: h2 } = await worked({ team: false });
    const a = visit(h2.householdId, h2.version, '2026-11-06T20:00:00+07:00', 'NOT_HOME', { bestTime: 'Chủ nhật' });
    const b = visit(h2.householdId, h2.version, '2026-11-06T08:00:00+07:00', 'REFUSED');
    await w.agents.teamA1.post(`/api/campaigns/${second}/visits`, { visits: [a, b] });
    for (const t of await targets(second))
      expect(t).toMatchObject({ done: false, last_outcome: 'NOT_HOME', best_time: 'Chủ nhật' });
  });

  it('flags a visit made against a household changed since download for the group head, who applies or dismisses it', async () => {
    const { w } = env;
    const { id, household } = await worked();
    const current = (await w.agents.leaderA.get(`/api/households/${household.householdId}`)).json();
    expect(
      (
        await w.agents.leaderA.patch(`/api/households/${household.householdId}`, {
          version: current.version,
          address: 'Số 7A, ngõ 3, thôn Đông',
        })
      ).statusCode,
    ).toBe(200);
    const old = visit(household.householdId, household.version, '2026-11-07T18:00:00+07:00', 'DONE');
    const second = visit(household.householdId, household.version, '2026-11-07T18:05:00+07:00', 'REFUSED');
    const sent = (await w.agents.teamA1.post(`/api/campaigns/${id}/visits`, { visits: [old, second] })).json().results;
    expect(sent).toEqual([
      { id: old.id, status: 'CONFLICT', conflict: 'HOUSEHOLD_CHANGED' },
      { id: second.id, status: 'CONFLICT', conflict: 'HOUSEHOLD_CHANGED' },
    ]);
    for (const t of await targets(id)) expect(t.done).toBe(false);

    expect((await w.agents.teamA1.get(`/api/campaigns/${id}/conflicts`)).statusCode).toBe(403);
    const listed = await w.agents.headA1.get(`/api/campaigns/${id}/conflicts`);
    expect(listed.statusCode, listed.body).toBe(200);
    const list = listed.json().items;
    expect(list.map((c: { id: string }) => c.id).sort()).toEqual([old.id, second.id].sort());
    expect(list[0]).toMatchObject({
      address: 'Số 7A, ngõ 3, thôn Đông',
      conflict: 'HOUSEHOLD_CHANGED',
      baseVersion: household.version,
      version: household.version + 1,
    });
    expect(
      (await w.agents.leaderB.post(`/api/campaigns/${id}/visits/${old.id}/resolve`, { action: 'APPLY' })).statusCode,
    ).toBe(404);
    expect(
      (await w.agents.headA1.post(`/api/campaigns/${id}/visits/${old.id}/resolve`, { action: 'APPLY' })).statusCode,
    ).toBe(204);
    expect(
      (await w.agents.headA1.post(`/api/campaigns/${id}/visits/${second.id}/resolve`, { action: 'DISMISS' }))
        .statusCode,
    ).toBe(204);
    expect(
      (await w.agents.headA1.post(`/api/campaigns/${id}/visits/${old.id}/resolve`, { action: 'DISMISS' })).statusCode,
    ).toBe(409);
    for (const t of await targets(id)) expect(t).toMatchObject({ done: true, last_outcome: 'DONE' });
    expect((await w.agents.headA1.get(`/api/campaigns/${id}/conflicts`)).json().items).toEqual([]);
    const kept = await env.t.database.raw<{ status: string; resolved_by: number }>(
      `select status, resolved_by from campaign_visits where campaign_id = $1 order by visited_at`,
      [id],
    );
    expect(kept).toEqual([
      { status: 'RESOLVED', resolved_by: w.accounts.headA1.id },
      { status: 'DISMISSED', resolved_by: w.accounts.headA1.id },
    ]);
  });

  it('flags a field update to a person someone else changed since download', async () => {
    const { w } = env;
    const { id, household } = await worked();
    const an = household.people[0]!;
    const now = (await w.agents.leaderA.get(`/api/residents/${an.residentId}`)).json();
    expect(
      (await w.agents.leaderA.patch(`/api/residents/${an.residentId}`, { version: now.version, phone: '0911 000 111' }))
        .statusCode,
    ).toBe(200);
    const v = visit(household.householdId, household.version, '2026-11-08T18:00:00+07:00', 'DONE', {
      people: [{ residentId: an.residentId, version: an.version, phone: '0987 000 999' }],
    });
    expect(
      (await w.agents.teamA1.post(`/api/campaigns/${id}/visits`, { visits: [v] })).json().results[0],
    ).toMatchObject({ status: 'CONFLICT', conflict: 'PERSON_CHANGED' });
    const [person] = await env.t.database.raw<{ phone_bidx: string }>(
      `select phone_bidx from residents where id = $1`,
      [an.residentId],
    );
    expect(person!.phone_bidx).toBe(env.t.cipher.blindIndex('+84911000111', 'phone'));
  });

  it("keeps a member to their own area: another group's household is refused, through sync as online", async () => {
    const { w } = env;
    const { id, household } = await worked();
    const elsewhere = visit(w.households.hA2.id, 1, '2026-11-09T18:00:00+07:00', 'DONE');
    const r = (await w.agents.teamA1.post(`/api/campaigns/${id}/visits`, { visits: [elsewhere] })).json().results[0];
    expect(r).toMatchObject({ status: 'REJECTED', error: { code: 'NOT_IN_CAMPAIGN' } });
    expect(await env.t.database.raw(`select 1 from campaign_visits where id = $1`, [elsewhere.id])).toHaveLength(0);
    expect((await w.agents.leaderB.get(`/api/campaigns/${id}/field`)).statusCode).toBe(404);
    expect((await w.agents.headA1.get(`/api/campaigns/${id}/field`)).json().households).toEqual([]);
    // Fields the campaign does not allow, and checklist items it does not have, are refused with why.
    const bad = [
      visit(household.householdId, household.version, '2026-11-09T18:00:00+07:00', 'DONE', {
        people: [{ residentId: null, checks: ['pays_online'] }],
      }),
      visit(household.householdId, household.version, '2026-11-09T18:00:00+07:00', 'DONE', {
        people: [{ residentId: w.residents.cuong.id, version: 1, vneidLevel: 'L2' }],
      }),
    ];
    expect(
      (await w.agents.teamA1.post(`/api/campaigns/${id}/visits`, { visits: bad }))
        .json()
        .results.map((x: { error: { code: string } }) => x.error.code),
    ).toEqual(['CHECKLIST', 'NOT_A_TARGET']);
    // A field update without the version it was made against is refused at the boundary, and nothing is written.
    const noVersion = visit(household.householdId, household.version, '2026-11-09T18:00:00+07:00', 'DONE', {
      people: [{ residentId: household.people[0]!.residentId, vneidLevel: 'L2' }],
    });
    expect(
      (
        await w.agents.teamA1.post(`/api/campaigns/${id}/visits`, {
          visits: [visit(household.householdId, household.version, '2026-11-09T18:00:00+07:00', 'DONE'), noVersion],
        })
      ).statusCode,
    ).toBe(400);
    expect(await env.t.database.raw(`select 1 from campaign_visits where campaign_id = $1`, [id])).toHaveLength(0);
  });

  it('takes a 10,000-visit upload in batches, resumes one interrupted halfway, and stores each visit once', async () => {
    const { w } = env;
    const { id, household } = await worked();
    const start = Date.parse('2026-11-10T07:00:00+07:00');
    const all = Array.from({ length: 10_000 }, (_, i) =>
      visit(
        household.householdId,
        household.version,
        new Date(start + i * 60_000).toISOString(),
        i === 9_999 ? 'DONE' : 'NOT_HOME',
        { bestTime: `Lần ${i}` },
      ),
    );
    const batches = Array.from({ length: 20 }, (_, i) => all.slice(i * 500, (i + 1) * 500));
    // The connection drops after the 8th batch reached the server: its answer never came, so the device
    // resends from it.
    for (const b of batches.slice(0, 8))
      expect((await w.agents.teamA1.post(`/api/campaigns/${id}/visits`, { visits: b })).statusCode).toBe(200);
    const counts = { APPLIED: 0, DUPLICATE: 0 } as Record<string, number>;
    for (const b of batches.slice(7)) {
      for (const r of (await w.agents.teamA1.post(`/api/campaigns/${id}/visits`, { visits: b })).json().results)
        counts[r.status] = (counts[r.status] ?? 0) + 1;
    }
    expect(counts).toEqual({ APPLIED: 6_000, DUPLICATE: 500 });
    const [stored] = await env.t.database.raw<{ n: number; distinct: number }>(
      `select count(*)::int as n, count(distinct id)::int as distinct from campaign_visits where campaign_id = $1`,
      [id],
    );
    expect(stored).toEqual({ n: 10_000, distinct: 10_000 });
    for (const t of await targets(id)) expect(t).toMatchObject({ done: true, last_outcome: 'DONE' });
  }, 120_000);
});
