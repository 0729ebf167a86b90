import { and, eq, sql } from 'drizzle-orm';
import type { AppDeps } from '../../deps.js';
import { queryRows, type Tx } from '../../db/client.js';
import { units } from '../../db/schema/index.js';
import { pathInScope, type Scope } from '../../db/scope.js';
import { notFound, validation } from '../../lib/errors.js';
import { drawQr, renderPdf } from '../../lib/pdf.js';
import type { Actor } from '../../lib/auth-context.js';
import { sendPhoneCode, type CodeSender } from '../citizens/citizens.service.js';
import type { JoinCodeInput, PublicGroup } from './groups.schemas.js';
import type { Channel } from './senders.js';

/**
 * Group channels: each residential group's households join by scanning the group's QR poster and proving a phone
 * number with a one-time code (joining itself is in joining.service.ts). They choose their channels in order and a
 * language; a manage token (kept hashed) lets them change these or leave later, from the link or the device they
 * joined on. For staff: the membership rate per group and the poster.
 */
type Deps = Pick<AppDeps, 'database' | 'cipher' | 'config'>;

/** How a joining phone's one-time code can go: always by SMS; by Zalo (ZNS) when the commune has an OTP template. */
export type JoinCodeSenders = { sms: CodeSender; zns: { configured: boolean; send: CodeSender } };

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
          'Số điện thoại chưa có trong sổ của tổ thì tổ trưởng sẽ xác nhận hộ của gia đình.',
          'Chọn cách nhận thông báo (Zalo, tin nhắn SMS, email, thông báo trên điện thoại).',
          'Cần giúp đỡ? Hỏi tổ trưởng hoặc Tổ công nghệ số cộng đồng.',
        ],
        { bulletRadius: 3, paragraphGap: 6 },
      );
  });
}
