import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/client.js';
import { insertUnit } from '../units/units.repo.js';
import type { factories } from '../../../../test/factories.js';

type F = ReturnType<typeof factories>;
type UnitRow = Awaited<ReturnType<F['commune']>>;

/**
 * The hand-counted fixture of the compute tests, month 2026-10 (as of 31/10/2026), province 31:
 *
 * Commune X (groups G1 with alley Z1, G2), commune Y (group G3).
 *   h1 (G1, family)   r1 b.1980-05-01 L2 checked 10/09/2026, phone     → 14+, L2
 *                     r2 b.1985-02-02 L2 checked 05/11/2026             → 14+, not yet L2 on 31/10
 *                     r3 b.2012-10-31 L1                                → turns 14 on 31/10 itself: 14+
 *                     r4 b.2012 (year alone) L2                         → may still be 13 (born up to 31/12): left out
 *                     r5 moved away 15/10/2026, L2                      → not living here
 *                     r6 TEMPORARY_ABSENT, L2                           → not living here
 *                     r9 arrived 02/11/2026                             → not yet living here
 *   h2 (Z1 in G1, boarding house) r7 tenant (TEMPORARY), L2 on 01/06/2026, phone → counts in G1
 *   h3 (G1)           r8 moved away 30/09/2026                          → nobody lives there: not a household
 *   h4 (G2)           r10 b.1990-03 (month) L2 checked 31/10/2026, phone; r11 b.2012-10 (month): 14+ from 31/10/2026;
 *                     r12 died 20/10/2026
 *   h5 (G3)           r13 b.1970 L2 checked 2025, phone
 *
 *   VNEID_L2  G1 2/4 (r1, r7 of r1 r2 r3 r7)   G2 1/2   X 3/6   G3 1/1   Y 1/1   P 4/7
 *   PHONE     G1 2/5 (r1 r7 of r1 r2 r3 r4 r7) G2 1/2   X 3/7   G3 1/1   Y 1/1   P 4/8
 *   CHANNEL   h1 joined 05/10; h2 joined 03/11 (after); h4 left 10/10; h5 since January
 *             G1 1/2  G2 0/1  X 1/3  G3 1/1  Y 1/1  P 2/4
 *   REACH     A1 sent 20/10: h1 delivered, h2 failed, h4 read 21/10; A2 sent 15/09 (outside 30 days): h5
 *             G1 1/2  G2 1/1  X 2/3  G3 0/1  Y 0/1  P 2/4
 *   Dossiers of X (Vietnam days): D1 online, received 02/10, fully-online procedure, digitized, paid online,
 *     resolved 10/10 on time, result online; D2 counter, received 03/10, fully-online procedure, paid cash, resolved
 *     20/10 late, result at the counter; D3 online, withdrawn before reception; D4 counter, received 05/10 then
 *     withdrawn; D5 online, received 28/09, resolved 01/10 01:00 (30/09 18:00 UTC) on time, result online; D6 online
 *     received 01/11 01:00 (31/10 18:00 UTC): November.
 *     ONLINE 1/3  FULL_ONLINE 1/2  DIGITIZED 1/3  ON_TIME 2/3  PAID_ONLINE 1/2  E_RESULT 2/3; Y: none (no value)
 *   Feedback stats of X: 05/10 G1 answered 3, on time 2, rated 2, satisfied 1; 31/10 G2 answered 1, on time 1,
 *     rated 1, satisfied 1; 01/11 G1 answered 5 (November).  ON_TIME 3/4  SATISFIED 2/3
 *   Campaign C1 (X, 01/09–31/12): h1 r1 done 10/10, r2 not done; h4 r10 done 30/10; h2 r7 done 02/11 (after);
 *     h3 r8 removed 30/09. C2 (Y, ended 31/08): h5 done. → G1 0/2  G2 1/1  X 1/3  G3 0/0  Y 0/0  P 1/3
 *   Team at G1: m1 trained 01/05, visit 15/10; m2 trained 10/11 (after), visit 25/10 under its login; m3 left
 *     01/10; m4 joined 01/11; m5 untrained, last visit 20/09 (over 30 days). Commune team at X: m6 trained 01/01.
 *     TRAINED G1 1/3 X 2/4 P 2/4; ACTIVE G1 2/3 X 2/4 P 2/4
 *   Entered BROADBAND_HOUSEHOLDS: G1 Q4 v1 40/50 approved, v2 45/50 approved (the correction); G2 Q4 10/20
 *     submitted (not counted), G2 year 2026 12/30 approved; X none of its own → 57/80; Y Q4 30/40; P → 87/120.
 *   Entered CAMERAS (count): G3 2026 5 → G3 5, Y 5 (that one entry), X none, P 5.
 */
export async function buildComputeFixture(database: Database, f: F) {
  const raw = database.raw.bind(database);
  const province = await f.province('31');
  const officer = await f.user('PROVINCE_OFFICER', province);
  const X = await f.commune({ name: 'Xã Thử Chỉ Số' });
  const Y = await f.commune({ name: 'Phường Đối Chiếu' });
  const G1 = await f.group(X, { code: 'T01', name: 'Thôn Đông' });
  const G2 = await f.group(X, { code: 'T02', name: 'Thôn Tây' });
  const G3 = await f.group(Y, { code: 'T01', name: 'Tổ dân phố 1' });
  const Z1 = await insertUnit(database.db, { parent: G1, code: 'NGO1', name: 'Ngõ 1', kind: 'ZONE', tier: 'ZONE' });

  const h1 = await f.household(G1, { address: 'Số 1 thôn Đông' });
  const h2 = await f.household(Z1, { address: 'Nhà trọ Bình An, ngõ 1', kind: 'BOARDING_HOUSE' });
  const h3 = await f.household(G1, { address: 'Số 3 thôn Đông' });
  const h4 = await f.household(G2, { address: 'Số 4 thôn Tây' });
  const h5 = await f.household(G3, { address: 'Số 5 tổ 1' });

  type Person = { birth: string; precision?: 'DAY' | 'MONTH' | 'YEAR'; l2?: string; l1?: boolean; phone?: boolean };
  const person = async (h: { id: number; unitId: number; address: string }, p: Person) => {
    const r = await f.resident(h, { birthDate: p.birth, phone: p.phone ? '+84912000111' : undefined });
    await raw(`update residents set birth_precision = $2, vneid_level = $3, vneid_checked_on = $4 where id = $1`, [
      r.id,
      p.precision ?? 'DAY',
      p.l2 ? 'L2' : p.l1 ? 'L1' : 'NONE',
      p.l2 ?? null,
    ]);
    return r;
  };
  const stay = (residentId: number, set: string, params: unknown[] = []) =>
    raw(`update household_members set ${set} where resident_id = $1`, [residentId, ...params]);

  const r1 = await person(h1, { birth: '1980-05-01', l2: '2026-09-10', phone: true });
  const r2 = await person(h1, { birth: '1985-02-02', l2: '2026-11-05' });
  const r3 = await person(h1, { birth: '2012-10-31', l1: true });
  const r4 = await person(h1, { birth: '2012-01-01', precision: 'YEAR', l2: '2026-01-01' });
  const r5 = await person(h1, { birth: '1975-01-01', l2: '2025-05-05' });
  await stay(r5.id, `left_on = '2026-10-15', left_reason = 'MOVED_OUT', went_to = 'Hà Nội'`);
  const r6 = await person(h1, { birth: '1999-01-01', l2: '2025-05-05' });
  await stay(r6.id, `residence_type = 'TEMPORARY_ABSENT'`);
  const r9 = await person(h1, { birth: '1960-01-01', l2: '2025-05-05' });
  await stay(r9.id, `joined_on = '2026-11-02'`);
  const r7 = await person(h2, { birth: '2000-07-07', l2: '2026-06-01', phone: true });
  await stay(r7.id, `residence_type = 'TEMPORARY', joined_on = '2026-02-01'`);
  const r8 = await person(h3, { birth: '1970-01-01' });
  await stay(r8.id, `left_on = '2026-09-30', left_reason = 'MOVED_OUT'`);
  const r10 = await person(h4, { birth: '1990-03-01', precision: 'MONTH', l2: '2026-10-31', phone: true });
  const r11 = await person(h4, { birth: '2012-10-01', precision: 'MONTH' });
  const r12 = await person(h4, { birth: '1940-01-01', l2: '2025-01-01' });
  await stay(r12.id, `left_on = '2026-10-20', left_reason = 'DIED'`);
  const r13 = await person(h5, { birth: '1970-01-01', precision: 'YEAR', l2: '2025-03-03', phone: true });

  // The group channel (times in UTC; a Vietnamese day starts at 17:00 UTC the day before).
  const member = (groupId: number, householdId: number, joined: string, left: string | null = null) =>
    raw(
      `insert into group_members (group_id, household_id, phone_enc, phone_bidx, manage_token_hash, joined_at, left_at)
       values ($1, $2, 'x', $3, $3, $4, $5)`,
      [groupId, householdId, randomUUID(), joined, left],
    );
  await member(G1.id, h1.id, '2026-10-05T03:00:00Z');
  await member(G1.id, h2.id, '2026-11-03T03:00:00Z');
  await member(G2.id, h4.id, '2026-09-01T03:00:00Z', '2026-10-10T03:00:00Z');
  await member(G3.id, h5.id, '2026-01-01T03:00:00Z');
  await member(G1.id, h3.id, '2026-01-01T03:00:00Z');

  const announcement = async (unitId: number, sentAt: string) => {
    const [a] = await raw<{ id: number }>(
      `insert into announcements (unit_id, title, body_html, category, audience, status, created_by, sent_at)
       values ($1, 'Thông báo lịch tiêm chủng', '<p>Lịch tiêm</p>', 'HEALTH', '{}', 'SENT', $2, $3) returning id`,
      [unitId, officer.id, sentAt],
    );
    return a!.id;
  };
  const reach = async (id: number, householdId: number, delivery: string | null, readAt: string | null = null) => {
    await raw(
      `insert into announcement_households (announcement_id, household_id, people, read_at) values ($1, $2, 1, $3)`,
      [id, householdId, readAt],
    );
    if (delivery)
      await raw(
        `insert into deliveries (announcement_id, household_id, channel, address_enc, status) values ($1, $2, 'SMS', 'x', $3)`,
        [id, householdId, delivery],
      );
  };
  const a1 = await announcement(X.id, '2026-10-20T02:00:00Z');
  await reach(a1, h1.id, 'delivered');
  await reach(a1, h2.id, 'permanent-failure');
  await reach(a1, h4.id, null, '2026-10-21T02:00:00Z');
  const a2 = await announcement(Y.id, '2026-09-15T02:00:00Z');
  await reach(a2, h5.id, 'delivered');

  const [procedure] = await raw<{ id: number }>(`select id from procedures where status = 'PUBLISHED' limit 1`);
  let n = 0;
  const dossier = (d: Record<string, unknown>) => {
    n += 1;
    const row = {
      code: `SC-${n}-${randomUUID().slice(0, 8)}`,
      lookup_token: randomUUID(),
      unit_id: X.id,
      procedure_id: procedure!.id,
      applicant_name: 'Người Nộp Thử',
      return_method: 'COUNTER',
      ...d,
    };
    const keys = Object.keys(row);
    return raw(
      `insert into dossiers (${keys.join(', ')}) values (${keys.map((_, i) => `$${i + 1}`).join(', ')})`,
      Object.values(row),
    );
  };
  await dossier({
    channel: 'ONLINE',
    status: 'RETURNED',
    received_at: '2026-10-02T02:00:00Z',
    full_online_eligible: true,
    digitized: true,
    paid_at: '2026-10-02T02:00:00Z',
    paid_online: true,
    resolved_at: '2026-10-10T02:00:00Z',
    on_time: true,
    return_method: 'ONLINE',
    submitted_at: '2026-10-01T02:00:00Z',
  });
  await dossier({
    channel: 'IN_PERSON',
    status: 'RETURNED',
    received_at: '2026-10-03T02:00:00Z',
    full_online_eligible: true,
    paid_at: '2026-10-03T02:00:00Z',
    resolved_at: '2026-10-20T02:00:00Z',
    on_time: false,
    submitted_at: '2026-10-03T02:00:00Z',
  });
  await dossier({
    channel: 'ONLINE',
    status: 'WITHDRAWN',
    submitted_at: '2026-10-04T02:00:00Z',
    closed_at: '2026-10-04T05:00:00Z',
  });
  await dossier({
    channel: 'IN_PERSON',
    status: 'WITHDRAWN',
    received_at: '2026-10-05T02:00:00Z',
    closed_at: '2026-10-06T02:00:00Z',
    submitted_at: '2026-10-05T02:00:00Z',
  });
  await dossier({
    channel: 'ONLINE',
    status: 'RESOLVED',
    received_at: '2026-09-28T02:00:00Z',
    resolved_at: '2026-09-30T18:00:00Z',
    on_time: true,
    return_method: 'ONLINE',
    submitted_at: '2026-09-27T02:00:00Z',
  });
  await dossier({
    channel: 'ONLINE',
    status: 'RECEIVED',
    received_at: '2026-10-31T18:00:00Z',
    submitted_at: '2026-10-31T18:00:00Z',
  });

  const feedback = (unitId: number, day: string, answered: number, onTime: number, rated: number, satisfied: number) =>
    raw(
      `insert into feedback_daily_stats (commune_id, unit_id, day, answered, answered_on_time, rated, satisfied)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [X.id, unitId, day, answered, onTime, rated, satisfied],
    );
  await feedback(G1.id, '2026-10-05', 3, 2, 2, 1);
  await feedback(G2.id, '2026-10-31', 1, 1, 1, 1);
  await feedback(G1.id, '2026-11-01', 5, 5, 0, 0);

  const campaign = async (unitId: number, startsOn: string, deadline: string) => {
    const [c] = await raw<{ id: number }>(
      `insert into campaigns (unit_id, kind, name, level, filters, checklist, target_rate, starts_on, deadline, created_by)
       values ($1, 'VNEID_L2', 'Vận động kích hoạt VNeID mức 2', 'PERSON', '{}', '[]', 90, $2, $3, $4) returning id`,
      [unitId, startsOn, deadline, officer.id],
    );
    return c!.id;
  };
  const target = (
    c: number,
    h: { id: number; unitId: number },
    residentId: number,
    done: string | null,
    removed: string | null = null,
  ) =>
    raw(
      `insert into campaign_targets (campaign_id, household_id, resident_id, unit_id, added_on, removed_on, done_at)
       values ($1, $2, $3, $4, '2026-09-01', $5, $6)`,
      [c, h.id, residentId, h.unitId, removed, done],
    );
  const c1 = await campaign(X.id, '2026-09-01', '2026-12-31');
  await target(c1, h1, r1.id, '2026-10-10T02:00:00Z');
  await target(c1, h1, r2.id, null);
  await target(c1, h4, r10.id, '2026-10-30T02:00:00Z');
  await target(c1, h2, r7.id, '2026-11-02T02:00:00Z');
  await target(c1, h3, r8.id, null, '2026-09-30');
  const c2 = await campaign(Y.id, '2026-06-01', '2026-08-31');
  await target(c2, h5, r13.id, '2026-08-10T02:00:00Z');

  const helper = await f.user('DIGITAL_TEAM', G1);
  const team = async (unitId: number) =>
    (
      await raw<{ id: number }>(`insert into teams (unit_id, name) values ($1, 'Tổ công nghệ số') returning id`, [
        unitId,
      ])
    )[0]!.id;
  const teamMember = async (teamId: number, m: { joined: string; left?: string; trained?: string; userId?: number }) =>
    (
      await raw<{ id: number }>(
        `insert into team_members (team_id, full_name, joined_on, left_on, trained_on, user_id)
         values ($1, 'Thành viên tổ', $2, $3, $4, $5) returning id`,
        [teamId, m.joined, m.left ?? null, m.trained ?? null, m.userId ?? null],
      )
    )[0]!.id;
  const visit = (memberId: number | null, at: string) =>
    raw(
      `insert into campaign_visits (id, campaign_id, household_id, recorded_by, member_id, visited_at, outcome, people,
         base_version, status) values ($1, $2, $3, $4, $5, $6, 'NOT_HOME', '[]', 1, 'APPLIED')`,
      [randomUUID(), c1, h1.id, helper.id, memberId, at],
    );
  const tG1 = await team(G1.id);
  const m1 = await teamMember(tG1, { joined: '2025-01-01', trained: '2026-05-01' });
  await teamMember(tG1, { joined: '2026-03-01', trained: '2026-11-10', userId: helper.id });
  await teamMember(tG1, { joined: '2025-01-01', left: '2026-10-01', trained: '2025-06-01' });
  await teamMember(tG1, { joined: '2026-11-01', trained: '2026-11-01' });
  const m5 = await teamMember(tG1, { joined: '2025-01-01' });
  await visit(m1, '2026-10-15T02:00:00Z');
  await visit(null, '2026-10-25T02:00:00Z');
  await visit(m5, '2026-09-20T02:00:00Z');
  await teamMember(await team(X.id), { joined: '2025-01-01', trained: '2026-01-01' });

  const [broadband] = await raw<{ id: number }>(
    `select id from scorecard_indicators where code = 'BROADBAND_HOUSEHOLDS'`,
  );
  const [cameras] = await raw<{ id: number }>(`select id from scorecard_indicators where code = 'CAMERAS'`);
  const entry = async (
    indicatorId: number,
    unitId: number,
    period: string,
    version: number,
    num: number,
    den: number | null,
    status = 'APPROVED',
  ) =>
    (
      await raw<{ id: number }>(
        `insert into scorecard_entries (indicator_id, unit_id, period, version, numerator, denominator, status, note)
         values ($1, $2, $3, $4, $5, $6, $7, 'Theo số liệu nhà mạng') returning id`,
        [indicatorId, unitId, period, version, num, den, status],
      )
    )[0]!.id;
  await entry(broadband!.id, G1.id, '2026-Q4', 1, 40, 50);
  const g1Broadband = await entry(broadband!.id, G1.id, '2026-Q4', 2, 45, 50);
  await entry(broadband!.id, G2.id, '2026-Q4', 1, 10, 20, 'SUBMITTED');
  const g2Broadband = await entry(broadband!.id, G2.id, '2026', 1, 12, 30);
  const yBroadband = await entry(broadband!.id, Y.id, '2026-Q4', 1, 30, 40);
  const g3Cameras = await entry(cameras!.id, G3.id, '2026', 1, 5, null);

  return {
    province,
    officer,
    units: { X, Y, G1, G2, G3, Z1 },
    households: { h1, h2, h3, h4, h5 },
    residents: { r1, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11, r12, r13 },
    indicators: { broadband: broadband!.id, cameras: cameras!.id },
    entries: { g1Broadband, g2Broadband, yBroadband, g3Cameras },
  };
}

export type ComputeFixture = Awaited<ReturnType<typeof buildComputeFixture>>;
export type { UnitRow };
