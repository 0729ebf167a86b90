import { sql } from 'drizzle-orm';
import { Permission } from '../../shared/permissions.js';
import { queryRows, type Database } from '../db/client.js';
import { memberChannels } from '../db/schema/index.js';
import type { PiiCipher } from '../lib/pii-cipher.js';
import { createAnnouncement, sendAnnouncement } from '../modules/announcements/announcements.service.js';
import { Audience } from '../modules/announcements/audience.js';
import { sandboxFollowerId, sandboxPushSubscription } from '../modules/sandbox/sandbox.rules.js';
import type { UnitRow } from '../modules/units/units.repo.js';

type Channel = { channel: 'ZALO' | 'ZNS' | 'SMS' | 'EMAIL' | 'PUSH'; address: string };

/**
 * Six households of the first group, each reached another way, so the sandbox outbox shows every channel and both
 * kinds of failure. Their heads' phones are set to these numbers (the registry, the member and the channel agree):
 * pick one in the outbox to read what that phone received.
 */
export const SANDBOX_PERSONAS: { phone: string; channels: (phone: string, pushBase: string) => Channel[] }[] = [
  // Zalo OA first: the follower id the sandbox knows this phone by.
  {
    phone: '+84912000101',
    channels: (p) => [
      { channel: 'ZALO', address: sandboxFollowerId(p) },
      { channel: 'SMS', address: p },
    ],
  },
  {
    phone: '+84912000102',
    channels: (p) => [
      { channel: 'ZNS', address: p },
      { channel: 'SMS', address: p },
    ],
  },
  {
    phone: '+84912000103',
    channels: (p, base) => [
      { channel: 'PUSH', address: JSON.stringify(sandboxPushSubscription(base, p)) },
      { channel: 'SMS', address: p },
    ],
  },
  // A number the SMS gateway refuses (ends in 000): the email after it is tried.
  {
    phone: '+84912345000',
    channels: (p) => [
      { channel: 'SMS', address: p },
      { channel: 'EMAIL', address: 'tran.thi.lan@example.vn' },
    ],
  },
  // Accepted, then reported out of reach (ends in 999): the ZNS message after it goes to a second phone.
  {
    phone: '+84912345999',
    channels: (p) => [
      { channel: 'SMS', address: p },
      { channel: 'ZNS', address: '+84912000105' },
    ],
  },
  { phone: '+84912000106', channels: () => [{ channel: 'EMAIL', address: 'le.van.duc@example.vn' }] },
];

/**
 * The sandbox's part of the demo: the personas' channels, and an urgent notice to the first group sent at once, so
 * the delivery worker puts it through the sandbox providers as soon as the app runs (urgent: it goes whatever the
 * hour; non-urgent messages wait out 21:00–07:00). `pushBase` is where the sandbox's push service listens.
 */
export async function seedSandboxDemo(
  database: Database,
  cipher: PiiCipher,
  commune: UnitRow,
  leader: { id: number },
  pushBase: string,
): Promise<{ announcementId: number }> {
  const db = database.db;
  const [group] = await queryRows<{ id: number }>(
    db,
    sql`select id from units where parent_id = ${commune.id} and tier = 'COMMUNITY' order by code limit 1`,
  );
  const members = await queryRows<{ id: number; resident_id: number }>(
    db,
    sql`select id, resident_id from group_members where group_id = ${group!.id} and left_at is null
        and resident_id is not null order by id limit ${SANDBOX_PERSONAS.length}`,
  );
  for (const [i, member] of members.entries()) {
    const persona = SANDBOX_PERSONAS[i]!;
    const phoneEnc = cipher.encrypt(persona.phone);
    const phoneBidx = cipher.blindIndex(persona.phone, 'phone');
    await db.execute(
      sql`update residents set phone_enc = ${phoneEnc}, phone_bidx = ${phoneBidx} where id = ${member.resident_id}`,
    );
    await db.execute(
      sql`update group_members set phone_enc = ${phoneEnc}, phone_bidx = ${phoneBidx} where id = ${member.id}`,
    );
    await db.execute(sql`delete from member_channels where member_id = ${member.id}`);
    await db.insert(memberChannels).values(
      persona.channels(persona.phone, pushBase).map((c, rank) => ({
        memberId: member.id,
        channel: c.channel,
        rank: rank + 1,
        addressEnc: cipher.encrypt(c.address),
        addressBidx:
          c.channel === 'PUSH'
            ? cipher.blindIndex((JSON.parse(c.address) as { endpoint: string }).endpoint, 'push')
            : c.channel === 'ZALO'
              ? cipher.blindIndex(c.address, 'zalo')
              : null,
      })),
    );
  }
  const scope = { permission: Permission.ANNOUNCEMENT_WRITE, prefixes: [commune.path] };
  const who = { userId: leader.id, username: 'demo', roles: null, unitId: null, ip: '127.0.0.1', userAgent: 'demo' };
  const notice = await createAnnouncement(
    database,
    scope,
    {
      title: 'Tạm ngừng cấp nước sáng mai',
      body:
        '<p>Công ty cấp nước tạm ngừng cấp nước từ 7 giờ đến 11 giờ sáng mai để sửa đường ống chính.</p>' +
        '<p>Đề nghị bà con chủ động trữ nước. Khi nhận được tin, xin bấm "Xác nhận hộ đã nhận".</p>',
      category: 'EVENT',
      priority: 'URGENT',
      isPublic: true,
      ackRequested: true,
      audience: Audience.parse({ unitIds: [group!.id] }),
    },
    leader.id,
    who,
  );
  await sendAnnouncement(database, scope, notice.id, who);
  return { announcementId: notice.id };
}
