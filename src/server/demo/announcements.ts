import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { Permission } from '../../shared/permissions.js';
import { queryRows, type Database } from '../db/client.js';
import { groupJoinRequests, staffGroupMembers, staffGroups } from '../db/schema/index.js';
import { sha256 } from '../lib/hash.js';
import type { PiiCipher } from '../lib/pii-cipher.js';
import { createAnnouncement, sendAnnouncement } from '../modules/announcements/announcements.service.js';
import { Audience } from '../modules/announcements/audience.js';
import type { UnitRow } from '../modules/units/units.repo.js';

const actor = { userId: null, username: 'demo', roles: null, unitId: null, ip: '127.0.0.1', userAgent: 'demo' };

/**
 * The announcements screens on first start: households of the first groups joined their group channel at different
 * rates (the seeds' "90%" in one group), two requests to join waiting for the first group's head, a staff group, and
 * a flag-day announcement sent yesterday evening that some households received, read and acknowledged — so the reach
 * view shows who the team still has to visit (the commune's whole, each group head their group's part).
 */
export async function seedAnnouncementsDemo(
  database: Database,
  cipher: PiiCipher,
  commune: UnitRow,
  leader: { id: number },
) {
  const db = database.db;
  const groups = await queryRows<{ id: number }>(
    db,
    sql`select id from units where parent_id = ${commune.id} and tier = 'COMMUNITY' order by code limit 3`,
  );
  const rates = [0.9, 0.6, 0.3];
  for (const [i, g] of groups.entries()) {
    // The head of each household with a phone joins by SMS, for the first share of households in the group.
    await db.execute(sql`
      with heads as (
        select h.id as household_id, r.id as resident_id, r.phone_enc, r.phone_bidx,
          row_number() over (order by h.id) as n, count(*) over () as total
        from households h join units u on u.id = h.unit_id join residents r on r.id = h.head_resident_id
        where u.path like ${`${commune.path}${g.id}/%`} and r.phone_enc is not null),
      joined as (
        insert into group_members (group_id, household_id, resident_id, phone_enc, phone_bidx, manage_token_hash,
          joined_at)
        select ${g.id}, household_id, resident_id, phone_enc, phone_bidx, md5(random()::text || household_id),
          -- Joined over the past year, not all on the day of the seed: the scorecards' past months have members too.
          now() - (1 + abs(hashtext(household_id::text)) % 360) * interval '1 day'
        from heads where n <= total * ${rates[i]!}::numeric
        returning id, phone_enc)
      insert into member_channels (member_id, channel, rank, address_enc) select id, 'SMS', 1, phone_enc from joined`);
  }
  // Two people asked to join the first group's channel with phones the registry does not have: they wait for the
  // group head, who recognises the household and confirms (the "Kênh thông tin các tổ" page).
  const asking = [
    { phone: '+84978100201', note: 'Nguyễn Thị Mai, con dâu nhà ông Tư, xóm Giữa' },
    { phone: '+84978100202', note: 'Trần Văn Hùng, mới chuyển đến, thuê nhà số 14' },
  ];
  await db.insert(groupJoinRequests).values(
    asking.map((a) => ({
      groupId: groups[0]!.id,
      phoneEnc: cipher.encrypt(a.phone),
      phoneBidx: cipher.blindIndex(a.phone, 'phone'),
      channelsEnc: cipher.encrypt(JSON.stringify([{ channel: 'SMS' }])),
      noteEnc: cipher.encrypt(a.note),
      tokenHash: sha256(randomBytes(24).toString('base64url')),
    })),
  );
  const [staff] = await db
    .insert(staffGroups)
    .values({ unitId: commune.id, name: 'Trưởng thôn, tổ trưởng', kind: 'GROUP_HEADS' })
    .returning({ id: staffGroups.id });
  await db.insert(staffGroupMembers).values([
    {
      staffGroupId: staff!.id,
      fullName: 'Hoàng Văn Tám',
      title: 'Trưởng thôn 1',
      phoneEnc: cipher.encrypt('+84903000111'),
    },
    {
      staffGroupId: staff!.id,
      fullName: 'Ngô Thị Hà',
      title: 'Tổ trưởng tổ 2',
      emailEnc: cipher.encrypt('ha.ngo@example.vn'),
    },
  ]);
  const scope = { permission: Permission.ANNOUNCEMENT_WRITE, prefixes: [commune.path] };
  const who = { ...actor, userId: leader.id };
  const flagDay = await createAnnouncement(
    database,
    scope,
    {
      title: 'Treo cờ Tổ quốc mừng ngày Quốc khánh',
      body:
        '<p>Đề nghị các hộ gia đình treo cờ Tổ quốc từ ngày 1/9 đến hết ngày 2/9.</p>' +
        '<p>Trân trọng cảm ơn bà con.</p>',
      category: 'CAMPAIGN',
      priority: 'HIGH',
      isPublic: true,
      ackRequested: true,
      audience: Audience.parse({ unitIds: groups.map((g) => g.id), staffGroupIds: [staff!.id] }),
    },
    leader.id,
    who,
  );
  await sendAnnouncement(database, scope, flagDay.id, who);
  // Yesterday evening's sending, as the gateway confirmed it: most delivered, some refused numbers, the staff email
  // with no mail server configured, a few still waiting out the night — each with its reason, for the delivery view.
  await db.execute(sql`
    update deliveries set
      status = case when channel = 'EMAIL' then 'technical-failure' when id % 7 = 0 then 'permanent-failure'
        when id % 13 = 0 then 'created' else 'delivered' end,
      reason = case when channel = 'EMAIL' then 'NOT_CONFIGURED' when id % 7 = 0 then 'REFUSED'
        when id % 13 = 0 then 'QUIET_HOURS' end,
      next_attempt_at = case when id % 13 = 0 and id % 7 <> 0 and channel <> 'EMAIL'
        then date_trunc('day', now() + interval '1 day' + interval '7 hours') else next_attempt_at end,
      sent_at = case when channel <> 'EMAIL' and id % 7 <> 0 and id % 13 <> 0
        then now() - interval '20 hours' + (id % 180) * interval '1 minute' end,
      attempts = case when id % 13 = 0 and id % 7 <> 0 then 0 else 1 end,
      last_error = case when channel = 'EMAIL' then 'EMAIL provider not configured'
        when id % 7 = 0 then 'SMS refused by the gateway (400)' end
    where announcement_id = ${flagDay.id}`);
  await db.execute(sql`
    update channel_limits set last_success_at = now() - interval '17 hours',
      last_error_at = now() - interval '19 hours', last_error = 'SMS refused by the gateway (400)',
      last_error_reason = 'REFUSED'
    where channel = 'SMS'`);
  await db.execute(sql`
    update announcement_households set
      read_at = now() - interval '18 hours' + (household_id % 600) * interval '1 minute',
      acknowledged_at = case when household_id % 3 = 0
        then now() - interval '17 hours' + (household_id % 600) * interval '1 minute' end
    where announcement_id = ${flagDay.id} and household_id % 2 = 0
      and household_id in (
        select household_id from deliveries where announcement_id = ${flagDay.id} and status = 'delivered')`);
}
