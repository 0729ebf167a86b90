import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type Database, type Tx } from '../../db/client.js';
import { announcementFiles, announcementHouseholds, announcements, units } from '../../db/schema/index.js';
import type { AppDeps } from '../../deps.js';
import { conflict, notFound } from '../../lib/errors.js';
import { plainText } from '../../lib/html.js';
import { Permission } from '../../../shared/permissions.js';
import { findCommuneByCode } from '../units/units.service.js';
import { targetsAlong } from './announcement-view.js';
import { validReadToken } from './links.js';

/**
 * Announcements as citizens see them, without a staff login: a commune's public feed, one announcement opened by
 * anyone (a public one) or by a household's signed link, and that household's "read" and acknowledgement.
 */
type Deps = Pick<AppDeps, 'database' | 'cipher' | 'config'>;

export type HouseholdLink = { householdId: number; token: string };

/**
 * A commune's public feed: public announcements filed in it or sent to it (one filed above, for the whole province or
 * for this commune), not expired, newest first.
 */
export async function publicFeed(db: Tx, communeCode: string) {
  const commune = await findCommuneByCode(db, communeCode);
  const sentTo = targetsAlong({ permission: Permission.ANNOUNCEMENT_WRITE, prefixes: [commune.path] }, sql`a.audience`);
  const rows = await queryRows<{
    id: number;
    title: string;
    body_html: string;
    category: string;
    priority: string;
    sent_at: Date;
    ack_requested: boolean;
    unit_name: string;
  }>(
    db,
    sql`
    select a.id, a.title, a.body_html, a.category, a.priority, a.sent_at, a.ack_requested, u.name as unit_name
    from announcements a
      join units u on u.id = a.unit_id
    where (u.path like ${`${commune.path}%`} or ${sentTo}) and a.status = 'SENT' and a.is_public
      and (a.expires_at is null or a.expires_at > now())
    order by a.sent_at desc
    limit 50`,
  );
  return {
    commune: commune.name,
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      bodyHtml: r.body_html,
      text: plainText(r.body_html),
      category: r.category,
      priority: r.priority,
      sentAt: new Date(r.sent_at).toISOString(),
      ackRequested: r.ack_requested,
      unitName: r.unit_name,
    })),
  };
}

/**
 * One announcement as a citizen opens it: anyone may read a public one; a household's signed link (from its SMS,
 * email, Zalo or push message) opens the one sent to it. Drafts, cancelled and expired ones are not shown.
 */
export async function openAnnouncement(deps: Deps, id: number, link?: HouseholdLink) {
  const db = deps.database.db;
  const [row] = await db
    .select({ a: announcements, unitName: units.name })
    .from(announcements)
    .innerJoin(units, eq(units.id, announcements.unitId))
    .where(
      and(
        eq(announcements.id, id),
        eq(announcements.status, 'SENT'),
        sql`(${announcements.expiresAt} is null or ${announcements.expiresAt} > now())`,
      ),
    );
  const recipient =
    link && validReadToken(deps, id, link.householdId, link.token)
      ? (
          await db
            .select()
            .from(announcementHouseholds)
            .where(
              and(
                eq(announcementHouseholds.announcementId, id),
                eq(announcementHouseholds.householdId, link.householdId),
              ),
            )
        )[0]
      : undefined;
  if (!row || (!row.a.isPublic && !recipient))
    throw notFound({
      vi: 'Không tìm thấy thông báo, hoặc thông báo đã hết hạn',
      en: 'Announcement not found, or it has expired',
    });
  const files = await db
    .select({ id: announcementFiles.id, name: announcementFiles.name, size: announcementFiles.size })
    .from(announcementFiles)
    .where(eq(announcementFiles.announcementId, id));
  const a = row.a;
  return {
    id: a.id,
    title: a.title,
    bodyHtml: a.bodyHtml,
    category: a.category,
    priority: a.priority,
    ackRequested: a.ackRequested,
    unitName: row.unitName,
    sentAt: a.sentAt!.toISOString(),
    translations: a.translations,
    files,
    acknowledged: recipient ? recipient.acknowledgedAt !== null : null,
  };
}

/** Records that a household opened its announcement (its signed link); the first time counts. */
export async function markRead(deps: Deps, id: number, link: HouseholdLink, acknowledge = false): Promise<void> {
  const valid =
    validReadToken(deps, id, link.householdId, link.token) &&
    (await recordRead(deps.database.db, id, link.householdId, acknowledge ? { acknowledgedBy: null } : undefined));
  if (!valid) throw notFound({ vi: 'Liên kết không hợp lệ', en: 'The link is not valid' });
}

/**
 * A signed-in citizen acknowledges for their household: a recipient household where the registry has the account's
 * phone — proven by a code when the account was made — for a current member. The ID number typed at sign-up proves
 * nothing on its own (anyone can type a neighbour's); it only tells apart several recipient households that list the
 * same phone, when it is that member's own. Still several, or none: nothing is recorded.
 */
export async function acknowledge(
  database: Database,
  announcementId: number,
  citizen: { id: number; phoneBidx: string; personalIdBidx: string },
): Promise<void> {
  const db = database.db;
  const households = await queryRows<{ householdId: number; samePerson: boolean }>(
    db,
    sql`
    select a.household_id as "householdId", bool_or(r.personal_id_bidx = ${citizen.personalIdBidx}) as "samePerson"
    from announcement_households a
      join household_members m on m.household_id = a.household_id and m.left_on is null
      join residents r on r.id = m.resident_id
    where a.announcement_id = ${announcementId} and r.phone_bidx = ${citizen.phoneBidx}
    group by a.household_id`,
  );
  const own = households.length > 1 ? households.filter((h) => h.samePerson) : households;
  if (households.length > 1 && own.length !== 1)
    throw conflict({
      vi: 'Số điện thoại của ông/bà có trong nhiều hộ nhận thông báo này; hãy xác nhận bằng đường dẫn gửi đến hộ',
      en: "Your phone is listed in several of this announcement's households; acknowledge from the link sent to yours",
    });
  if (own.length !== 1 || !(await recordRead(db, announcementId, own[0]!.householdId, { acknowledgedBy: citizen.id })))
    throw notFound({
      vi: 'Hộ của ông/bà không thuộc danh sách nhận thông báo này',
      en: 'Your household is not among the recipients of this announcement',
    });
}

/**
 * A recipient household read the announcement (and, when asked, acknowledged it); the first time counts. False when
 * the household is not among its recipients.
 */
async function recordRead(
  db: Tx,
  announcementId: number,
  householdId: number,
  ack?: { acknowledgedBy: number | null },
): Promise<boolean> {
  const updated = await db
    .update(announcementHouseholds)
    .set({
      readAt: sql`coalesce(${announcementHouseholds.readAt}, now())`,
      ...(ack
        ? {
            acknowledgedAt: sql`coalesce(${announcementHouseholds.acknowledgedAt}, now())`,
            ...(ack.acknowledgedBy !== null ? { acknowledgedBy: ack.acknowledgedBy } : {}),
          }
        : {}),
    })
    .where(
      and(
        eq(announcementHouseholds.announcementId, announcementId),
        eq(announcementHouseholds.householdId, householdId),
      ),
    )
    .returning({ householdId: announcementHouseholds.householdId });
  return updated.length > 0;
}
