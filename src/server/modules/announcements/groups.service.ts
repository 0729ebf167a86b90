import { randomBytes, randomInt } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { AppDeps } from '../../deps.js';
import { queryRows, type Tx } from '../../db/client.js';
import { groupMembers, memberChannels, units } from '../../db/schema/index.js';
import { pathInScope, type Scope } from '../../db/scope.js';
import { notFound, validation } from '../../lib/errors.js';
import { drawQr, renderPdf } from '../../lib/pdf.js';
import { sha256 } from '../../lib/hash.js';
import type { Actor } from '../../lib/auth-context.js';
import { insertAudit } from '../audit/audit.repo.js';
import { sendPhoneCode, useCode, wrongCode, type CodeSender } from '../citizens/citizens.service.js';
import type { ChosenChannel, JoinCodeInput, JoinInput, PublicGroup } from './groups.schemas.js';
import type { Channel } from './senders.js';

/**
 * Group channels: each residential group's households join by scanning the group's QR poster, proving a phone number
 * with a one-time code, and being matched to their household in the registry (by that phone, or by an ID number
 * when the phone is not on record or is shared). They choose their channels in order and a language; a manage
 * token (kept hashed) lets them change these or leave later, from the link or the device they joined on.
 */
type Deps = Pick<AppDeps, 'database' | 'cipher' | 'config'>;

/** How a joining phone's one-time code can go: always by SMS; by Zalo (ZNS) when the commune has an OTP template. */
export type JoinCodeSenders = { sms: CodeSender; zns: { configured: boolean; send: CodeSender } };

// Link codes a follower types into Zalo: no 0/O or 1/I to misread on a phone.
const LINK_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const linkCode = () => Array.from({ length: 8 }, () => LINK_ALPHABET[randomInt(LINK_ALPHABET.length)]).join('');

/** A residential group as a citizen sees it before joining (public): its name and its commune's. */
export async function publicGroup(db: Tx, groupId: number) {
  const [g] = await queryRows<{ id: number; name: string; path: string; commune: string }>(
    db,
    sql`
    select g.id, g.name, g.path, c.name as commune
    from units g
      join units c on g.path like c.path || '%' and c.tier = 'COMMUNE'
    where g.id = ${groupId} and g.tier = 'COMMUNITY'`,
  );
  if (!g) throw notFound({ vi: 'Không tìm thấy tổ dân phố, thôn này', en: 'No such residential group' });
  return g;
}

/** A residential group before joining, with what can be offered now: the channels, the push key, how codes come. */
export async function groupBeforeJoining(
  deps: Deps,
  groupId: number,
  offer: { channels: Channel[]; zaloCodes: boolean },
): Promise<PublicGroup> {
  const g = await publicGroup(deps.database.db, groupId);
  return {
    id: g.id,
    name: g.name,
    commune: g.commune,
    channels: offer.channels,
    vapidPublicKey: deps.config.vapid?.publicKey ?? null,
    codeBy: offer.zaloCodes ? ['SMS', 'ZALO'] : ['SMS'],
  };
}

/** Sends the phone that joins a group its one-time code, by SMS or, where the commune can, by Zalo (ZNS). */
export async function sendJoinCode(
  deps: Deps,
  codes: JoinCodeSenders,
  groupId: number,
  input: JoinCodeInput,
  actor: Actor,
): Promise<void> {
  await publicGroup(deps.database.db, groupId);
  if (input.by === 'ZALO' && !codes.zns.configured) {
    throw validation([
      {
        field: 'by',
        code: 'UNAVAILABLE',
        message: {
          vi: 'Phường chưa gửi được mã qua Zalo; hãy nhận mã qua tin nhắn SMS',
          en: 'Codes cannot be sent by Zalo here yet; get one by SMS',
        },
      },
    ]);
  }
  const deliver: CodeSender = input.by === 'ZALO' ? (phone, code) => codes.zns.send(phone, code) : codes.sms;
  await sendPhoneCode(deps.database, deps.cipher, deliver, input.phone, actor, 'JOIN');
}

/** The household in the group whose current member has this phone (or this ID number, which decides when given). */
async function matchHousehold(tx: Tx, deps: Deps, groupPath: string, phone: string, personalId?: string) {
  const by = personalId
    ? sql`r.personal_id_bidx = ${deps.cipher.blindIndex(personalId, 'pid')}`
    : sql`r.phone_bidx = ${deps.cipher.blindIndex(phone, 'phone')}`;
  const rows = await queryRows<{ household_id: number; resident_id: number; address: string }>(
    tx,
    sql`
    select distinct h.id as household_id, r.id as resident_id, h.address
    from residents r
      join household_members m on m.resident_id = r.id and m.left_on is null
      join households h on h.id = m.household_id and h.dissolved_on is null
      join units u on u.id = h.unit_id
    where ${by} and u.path like ${`${groupPath}%`}
    limit 2`,
  );
  if (rows.length === 0) {
    throw notFound({
      vi: personalId
        ? 'Không tìm thấy số định danh này trong danh sách hộ của tổ; vui lòng liên hệ tổ trưởng'
        : 'Số điện thoại này chưa có trong danh sách hộ của tổ; hãy nhập số định danh cá nhân (CCCD) của một người trong hộ',
      en: personalId
        ? "This ID number is not on the group's household list; please contact your group head"
        : "This phone number is not on the group's household list; enter the personal ID number of someone in your household",
    });
  }
  if (rows.length > 1 && new Set(rows.map((r) => r.household_id)).size > 1) {
    throw validation([
      {
        field: 'personalId',
        code: 'AMBIGUOUS',
        message: {
          vi: 'Số điện thoại này có ở nhiều hộ; hãy nhập số định danh cá nhân (CCCD) để xác định đúng hộ',
          en: 'This phone is listed in several households; enter a personal ID number to pick yours',
        },
      },
    ]);
  }
  return rows[0]!;
}

/** The rows of a member's channels, in order; Zalo waits for its link code, the others start active. */
function channelRows(deps: Deps, memberId: number, phone: string, chosen: ChosenChannel[]) {
  const seen = new Set<string>();
  return chosen
    .filter((c) => !seen.has(c.channel) && seen.add(c.channel))
    .map((c, i) => {
      const base = { memberId, channel: c.channel, rank: i + 1 };
      switch (c.channel) {
        case 'ZALO':
          return { ...base, linkCode: linkCode(), active: false };
        case 'EMAIL': {
          if (!c.email)
            throw validation([
              {
                field: `channels.${i}.email`,
                code: 'REQUIRED',
                message: { vi: 'Hãy nhập địa chỉ email', en: 'Enter an email address' },
              },
            ]);
          return { ...base, addressEnc: deps.cipher.encrypt(c.email) };
        }
        case 'PUSH': {
          if (!c.subscription)
            throw validation([
              {
                field: `channels.${i}.subscription`,
                code: 'REQUIRED',
                message: {
                  vi: 'Trình duyệt chưa cho phép nhận thông báo',
                  en: 'The browser has not allowed notifications',
                },
              },
            ]);
          // Browsers' push services are all https; plain http is let through only for a local test push service.
          if (deps.config.production && !c.subscription.endpoint.startsWith('https://')) {
            throw validation([
              {
                field: `channels.${i}.subscription`,
                code: 'PUSH_ENDPOINT',
                message: {
                  vi: 'Địa chỉ nhận thông báo của trình duyệt không hợp lệ',
                  en: 'The browser push endpoint is not valid',
                },
              },
            ]);
          }
          const json = JSON.stringify({ endpoint: c.subscription.endpoint, keys: c.subscription.keys });
          return {
            ...base,
            addressEnc: deps.cipher.encrypt(json),
            addressBidx: deps.cipher.blindIndex(c.subscription.endpoint, 'push'),
          };
        }
        default:
          return { ...base, addressEnc: deps.cipher.encrypt(phone) };
      }
    });
}

/**
 * Joins a household to its group's channel once the phone's code checks out. Joining again with the same phone for
 * the same household (a new phone, a new browser) replaces that member's channels and token.
 */
export async function joinGroup(deps: Deps, groupId: number, input: JoinInput, actor: Actor) {
  const phoneBidx = deps.cipher.blindIndex(input.phone, 'phone');
  const token = randomBytes(24).toString('base64url');
  const result = await deps.database.db.transaction(async (tx) => {
    const group = await publicGroup(tx, groupId);
    if (!(await useCode(tx, phoneBidx, input.code))) return null;
    const match = await matchHousehold(tx, deps, group.path, input.phone, input.personalId);
    const [existing] = await tx
      .select({ id: groupMembers.id })
      .from(groupMembers)
      .where(
        and(
          eq(groupMembers.householdId, match.household_id),
          eq(groupMembers.phoneBidx, phoneBidx),
          isNull(groupMembers.leftAt),
        ),
      )
      .for('update');
    let memberId: number;
    if (existing) {
      memberId = existing.id;
      await tx
        .update(groupMembers)
        .set({ language: input.language, manageTokenHash: sha256(token), groupId })
        .where(eq(groupMembers.id, memberId));
      await tx
        .delete(memberChannels)
        .where(
          and(
            eq(memberChannels.memberId, memberId),
            sql`not exists (select 1 from deliveries d where d.member_channel_id = ${memberChannels.id})`,
          ),
        );
      await tx
        .update(memberChannels)
        .set({ active: false, rank: sql`${memberChannels.rank} + 1000` })
        .where(eq(memberChannels.memberId, memberId));
    } else {
      const [m] = await tx
        .insert(groupMembers)
        .values({
          groupId,
          householdId: match.household_id,
          residentId: match.resident_id,
          phoneEnc: deps.cipher.encrypt(input.phone),
          phoneBidx,
          language: input.language,
          manageTokenHash: sha256(token),
        })
        .returning({ id: groupMembers.id });
      memberId = m!.id;
    }
    const rows = channelRows(deps, memberId, input.phone, input.channels);
    const made = rows.length ? await tx.insert(memberChannels).values(rows).returning() : [];
    await insertAudit(tx, actor, {
      action: 'group.join',
      entityType: 'household',
      entityId: match.household_id,
      details: { groupId, channels: rows.map((r) => r.channel) },
    });
    return {
      memberId,
      groupName: group.name,
      address: match.address,
      zaloLinkCode: made.find((c) => c.channel === 'ZALO')?.linkCode ?? null,
    };
  });
  if (!result) throw wrongCode();
  return { ...result, manageToken: token, zaloOaId: deps.config.zalo.oaId ?? null };
}

/** Membership per residential group in the caller's scope: households, households with an active member, the rate. */
export async function membershipRates(db: Tx, scope: Scope) {
  const rows = await queryRows<{ unitId: number; name: string; households: number; members: number }>(
    db,
    sql`
    select g.id as "unitId", g.name, count(h.id)::int as households,
      count(h.id) filter (where exists (
        select 1 from group_members gm where gm.household_id = h.id and gm.left_at is null))::int as members
    from units g
      join units u on u.path like g.path || '%'
      join households h on h.unit_id = u.id and h.dissolved_on is null
    where g.tier = 'COMMUNITY' and ${pathInScope(sql`g.path`, scope)}
    group by g.id, g.name
    order by g.name collate vi_num`,
  );
  return rows.map((r) => ({ ...r, rate: r.households ? Math.round((r.members / r.households) * 1000) / 10 : 0 }));
}

/** The A4 poster a group head pins up: the QR code to join, and how to do it, in plain Vietnamese. */
export async function groupPoster(deps: Deps, db: Tx, scope: Scope, groupId: number): Promise<Buffer> {
  const [g] = await db
    .select({ id: units.id, name: units.name, path: units.path })
    .from(units)
    .where(and(eq(units.id, groupId), eq(units.tier, 'COMMUNITY'), pathInScope(sql`${units.path}`, scope)));
  if (!g) throw notFound({ vi: 'Không tìm thấy tổ dân phố, thôn này', en: 'No such residential group' });
  const { commune } = await publicGroup(db, groupId);
  const url = `${deps.config.publicUrl}/g/${g.id}`;
  return renderPdf({ title: `Kênh thông tin ${g.name}` }, (doc) => {
    doc.font('bold').fontSize(16).text(commune.toUpperCase(), { align: 'center' });
    doc.fontSize(28).text(`KÊNH THÔNG TIN ${g.name.toUpperCase()}`, { align: 'center' }).moveDown(0.5);
    doc
      .font('regular')
      .fontSize(15)
      .text('Quét mã để nhận thông báo của tổ và phường qua Zalo, tin nhắn, email hoặc điện thoại.', {
        align: 'center',
      });
    drawQr(doc, url, (doc.page.width - 300) / 2, doc.y + 20, 300);
    doc.y += 340;
    doc.fontSize(14).text(url, { align: 'center' }).moveDown();
    doc
      .fontSize(13)
      .list(
        [
          'Mở camera hoặc Zalo, quét mã QR ở trên.',
          'Nhập số điện thoại, rồi nhập mã xác thực gửi về máy.',
          'Chọn cách nhận thông báo (Zalo, tin nhắn SMS, email, thông báo trên điện thoại).',
          'Cần giúp đỡ? Hỏi tổ trưởng hoặc Tổ công nghệ số cộng đồng.',
        ],
        { bulletRadius: 3, paragraphGap: 6 },
      );
  });
}
