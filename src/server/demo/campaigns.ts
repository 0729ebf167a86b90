import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { Permission } from '../../shared/permissions.js';
import { queryRows, type Database } from '../db/client.js';
import { supportPoints, teamMembers, teams } from '../db/schema/index.js';
import { hashPassword } from '../lib/passwords.js';
import type { PiiCipher } from '../lib/pii-cipher.js';
import { assignAutomatically } from '../modules/campaigns/assignment.js';
import { createCampaign } from '../modules/campaigns/campaigns.service.js';
import { syncVisits } from '../modules/campaigns/field.js';
import type { SyncVisitsInput } from '../modules/campaigns/field.schemas.js';
import type { UnitRow } from '../modules/units/units.repo.js';
import { insertUser, replaceRoles } from '../modules/users/users.repo.js';
import { addDays, localParts } from '../modules/calendar/working-days.js';

const actor = { userId: null, username: 'demo', roles: null, unitId: null, ip: '127.0.0.1', userAgent: 'demo' };
const DAY = 86_400_000;
const day = (ahead: number) => addDays(localParts(new Date()).day, ahead);

/**
 * The campaign screens on first start: thôn 1's digital technology team (the `sotuso` login is one of its members)
 * with an evening support point, and a VNeID level-2 campaign started three weeks ago. The first groups' teams have
 * visited at different paces, so the burndown, the households left (some "after 7 pm") and the leaderboard all show.
 */
export async function seedCampaignsDemo(
  database: Database,
  cipher: PiiCipher,
  commune: UnitRow,
  group: UnitRow,
  people: { leader: { id: number }; member: { id: number; fullName: string } },
) {
  const db = database.db;
  const [team] = await db
    .insert(teams)
    .values({
      unitId: group.id,
      name: `Tổ công nghệ số cộng đồng ${group.name.toLowerCase()}`,
      decisionRef: 'Quyết định 125/QĐ-UBND ngày 02/3/2025',
    })
    .returning({ id: teams.id });
  // Lê Minh Tuấn was given a login from the team row (its password is for him: reset it on the accounts screen to try
  // it); Phạm Thu Trang has none yet, so the team's card offers her one and assignment passes her by.
  const tuan = await db.transaction(async (tx) => {
    const user = await insertUser(tx, {
      username: 'leminhtuan',
      fullName: 'Lê Minh Tuấn',
      passwordHash: await hashPassword(randomBytes(12).toString('base64url')),
    });
    await replaceRoles(tx, user.id, [{ role: 'DIGITAL_TEAM', unitId: group.id }]);
    return user;
  });
  const [own, tuanMember, trang] = await db
    .insert(teamMembers)
    .values([
      {
        teamId: team!.id,
        fullName: people.member.fullName,
        role: 'HEAD',
        userId: people.member.id,
        skills: ['VNeID', 'Dịch vụ công'],
      },
      {
        teamId: team!.id,
        fullName: 'Lê Minh Tuấn',
        role: 'MEMBER',
        phoneEnc: cipher.encrypt('+84905111222'),
        skills: ['VNeID'],
        userId: tuan.id,
      },
      { teamId: team!.id, fullName: 'Phạm Thu Trang', role: 'MEMBER', skills: ['Thanh toán trực tuyến'] },
    ])
    .returning({ id: teamMembers.id });
  await db.insert(supportPoints).values({
    unitId: group.id,
    name: 'Tạp hóa Tâm Hương',
    address: `Đầu ngõ 1, ${group.name.toLowerCase()}`,
    hours: '18:00–21:00, thứ Hai đến thứ Sáu',
  });

  const scope = { permission: Permission.CAMPAIGN_MANAGE, prefixes: [commune.path] };
  const who = { ...actor, userId: people.leader.id };
  const { id } = await createCampaign(
    database,
    scope,
    { kind: 'VNEID_L2', unitId: commune.id, startsOn: day(-21), deadline: day(35) },
    people.leader.id,
    who,
  );
  await assignAutomatically(database, scope, id, who);
  // One household was put on Trang's list by hand before anyone noticed she cannot sign in: the progress and
  // assignment screens warn about it until it is given to someone else.
  await db.execute(sql`
    update campaign_targets set assigned_member_id = ${trang!.id}
    where campaign_id = ${id} and household_id = (
      select max(household_id) from campaign_targets where campaign_id = ${id} and assigned_member_id = ${tuanMember!.id})`);

  // Visits in the first three groups at different paces over the three weeks, recorded as the teams sent them.
  const targets = await queryRows<{
    household_id: number;
    resident_id: number;
    version: number;
    rversion: number;
    g: number;
    assigned_member_id: number | null;
  }>(
    db,
    sql`
    select t.household_id, t.resident_id, h.version, r.version as rversion,
      dense_rank() over (order by t.group_id)::int as g, t.assigned_member_id
    from campaign_targets t
      join households h on h.id = t.household_id
      join residents r on r.id = t.resident_id
    where t.campaign_id = ${id} order by t.group_id, t.household_id, t.resident_id`,
  );
  const pace = [0.7, 0.45, 0.2];
  const visits: SyncVisitsInput['visits'] = [];
  targets.forEach((t, i) => {
    const share = pace[t.g - 1];
    if (share === undefined || (i * 7919) % 100 >= share * 100) return;
    const at = new Date(Date.now() - (((i * 37) % 20) + 1) * DAY - ((i * 13) % 5) * 3_600_000).toISOString();
    const kind = i % 5;
    visits.push({
      id: randomUUID(),
      householdId: t.household_id,
      baseVersion: t.version,
      visitedAt: at,
      outcome: kind === 0 ? 'NOT_HOME' : kind === 1 ? 'NEEDS_POLICE_VISIT' : 'VNEID_L2_ACTIVATED',
      ...(kind === 0 ? { bestTime: 'Sau 19 giờ' } : {}),
      people:
        kind >= 2
          ? [
              {
                residentId: t.resident_id,
                checks: ['vneid_l2'],
                outcome: 'VNEID_L2_ACTIVATED',
                version: t.rversion,
                vneidLevel: 'L2',
              },
            ]
          : [{ residentId: t.resident_id, checks: [], outcome: kind === 0 ? 'NOT_HOME' : 'NEEDS_POLICE_VISIT' }],
    });
  });
  // The households given to `sotuso` were visited from that phone, and one given to another member too: that visit
  // waits for the group head as a conflict. The rest were entered by the commune's officers.
  const mine = new Set(targets.filter((t) => t.assigned_member_id === own!.id).map((t) => t.household_id));
  const stray = targets.find((t) => t.g === 1 && t.assigned_member_id !== null && t.assigned_member_id !== own!.id);
  if (stray)
    visits.push({
      id: randomUUID(),
      householdId: stray.household_id,
      baseVersion: stray.version,
      visitedAt: new Date(Date.now() - DAY).toISOString(),
      outcome: 'NOT_HOME',
      bestTime: 'Chủ nhật',
      people: [],
    });
  const fromPhone = (v: SyncVisitsInput['visits'][number]) =>
    mine.has(v.householdId) || v.householdId === stray?.household_id;
  const senders = [
    { visits: visits.filter(fromPhone), userId: people.member.id, path: group.path, manages: false },
    { visits: visits.filter((v) => !fromPhone(v)), userId: people.leader.id, path: commune.path, manages: true },
  ];
  for (const s of senders) {
    for (let i = 0; i < s.visits.length; i += 500) {
      await syncVisits(
        database,
        { permission: Permission.CAMPAIGN_VISIT, prefixes: [s.path] },
        id,
        { visits: s.visits.slice(i, i + 500) },
        s.userId,
        s.manages,
        { ...who, userId: s.userId },
        cipher,
      );
    }
  }
}
