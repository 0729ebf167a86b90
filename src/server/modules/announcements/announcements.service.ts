import { and, desc, eq, sql } from 'drizzle-orm';
import { queryRows, type Database, type Tx } from '../../db/client.js';
import { announcementHouseholds, announcements, householdMembers, residents, units } from '../../db/schema/index.js';
import { unitInScope, type Scope } from '../../db/scope.js';
import { conflict, notFound } from '../../lib/errors.js';
import { plainText, sanitizeAnnouncement } from '../../lib/html.js';
import type { Actor } from '../../plugins/auth.js';
import { insertAudit } from '../audit/audit.repo.js';
import { getUnitPath } from '../units/units.service.js';
import { Audience, matchedHouseholds } from './audience.js';
import { deliveryCounts, queueDeliveriesFrom } from './deliveries.js';

type Row = typeof announcements.$inferSelect;
export type NewAnnouncement = {
  title: string; body: string; category: Row['category']; priority: Row['priority']; audience: Audience;
  isPublic: boolean; ackRequested: boolean; expiresAt?: string;
};

/** A draft, filed under its first target unit (which the writer must hold); the body is sanitised here, once. */
export async function createAnnouncement(database: Database, scope: Scope, input: NewAnnouncement, userId: number, actor: Actor): Promise<Row> {
  const db = database.db;
  await Promise.all(input.audience.unitIds.map((id) => getUnitPath(db, id, scope)));
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(announcements).values({
      unitId: input.audience.unitIds[0]!, title: input.title, bodyHtml: sanitizeAnnouncement(input.body), category: input.category, priority: input.priority,
      audience: input.audience as unknown as Record<string, unknown>, isPublic: input.isPublic, ackRequested: input.ackRequested,
      expiresAt: input.expiresAt ? new Date(input.expiresAt) : null, createdBy: userId,
    }).returning();
    await insertAudit(tx, actor, { action: 'announcement.create', entityType: 'announcement', entityId: row!.id });
    return row!;
  });
}

export async function getAnnouncement(db: Tx, scope: Scope, id: number): Promise<Row> {
  const [row] = await db.select().from(announcements).where(and(eq(announcements.id, id), unitInScope(announcements.unitId, scope)));
  if (!row) throw notFound({ vi: 'Không tìm thấy thông báo', en: 'Announcement not found' });
  return row;
}

export async function listAnnouncements(db: Tx, scope: Scope) {
  return db.select().from(announcements).where(unitInScope(announcements.unitId, scope)).orderBy(desc(announcements.id)).limit(100);
}

/**
 * Sends: the audience is resolved now and its households snapshotted in the same transaction as the status change, so
 * the reach is measured against exactly who it went to. (Delivery over Zalo, SMS, email and push builds on this list.)
 */
export async function sendAnnouncement(database: Database, scope: Scope, id: number, actor: Actor): Promise<{ households: number; messages: number }> {
  return database.db.transaction(async (tx) => {
    const [row] = await tx.select().from(announcements).where(and(eq(announcements.id, id), unitInScope(announcements.unitId, scope))).for('update');
    if (!row) throw notFound({ vi: 'Không tìm thấy thông báo', en: 'Announcement not found' });
    if (row.status !== 'DRAFT') throw conflict({ vi: 'Thông báo này đã gửi hoặc đã hủy', en: 'This announcement was already sent or cancelled' });
    const audience = Audience.parse(row.audience);
    // One pass over the registry: the snapshot and the SMS queue are written from the same resolved audience.
    const [counts] = await queryRows<{ households: number; messages: number }>(tx, sql`
      with matched as (${await matchedHouseholds(tx, scope, audience)}),
      snapshot as (insert into announcement_households (announcement_id, household_id, group_id, people)
        select ${id}, household_id, group_id, people from matched returning 1),
      queued as (${queueDeliveriesFrom(id)} returning 1)
      select (select count(*) from snapshot)::int as households, (select count(*) from queued)::int as messages`);
    await tx.update(announcements).set({ status: 'SENT', sentAt: sql`now()` }).where(eq(announcements.id, id));
    await insertAudit(tx, actor, { action: 'announcement.send', entityType: 'announcement', entityId: id, details: { households: counts!.households, sms: counts!.messages } });
    return { households: counts!.households, messages: counts!.messages };
  });
}

/** Reach per residential group: households targeted, read, acknowledged; and the households not yet acknowledged. */
export async function reachOf(db: Tx, scope: Scope, id: number) {
  const row = await getAnnouncement(db, scope, id);
  // One pass over the recipients: a household is reached when any of its messages was delivered.
  const groups = await queryRows<{ unitId: number | null; name: string | null; targeted: number; reached: number; read: number; acknowledged: number }>(db, sql`
    with delivered as (select distinct household_id from deliveries where announcement_id = ${id} and status = 'delivered')
    select a.group_id as "unitId", g.name, count(*)::int as targeted, count(dl.household_id)::int as reached,
      count(a.read_at)::int as read, count(a.acknowledged_at)::int as acknowledged
    from announcement_households a left join delivered dl on dl.household_id = a.household_id left join units g on g.id = a.group_id
    where a.announcement_id = ${id} group by a.group_id, g.name order by g.name collate vi_num`);
  const pending = await queryRows<{ householdId: number; address: string; groupName: string | null; headName: string | null }>(db, sql`
    select h.id as "householdId", h.address, g.name as "groupName", r.full_name as "headName"
    from announcement_households a join households h on h.id = a.household_id
    left join units g on g.id = a.group_id left join residents r on r.id = h.head_resident_id
    where a.announcement_id = ${id} and a.acknowledged_at is null
    order by a.group_id, a.household_id limit 500`);
  // Sorted here for people (group, then address, the Vietnamese way): 500 rows at most, cheaper than an ICU sort of
  // every recipient in the database.
  const vi = new Intl.Collator('vi', { numeric: true });
  pending.sort((x, y) => vi.compare(x.groupName ?? '', y.groupName ?? '') || vi.compare(x.address, y.address));
  const withReach = groups.map((g) => ({ ...g, name: g.name ?? '' }));
  const total = (k: 'targeted' | 'reached' | 'read' | 'acknowledged') => withReach.reduce((n, g) => n + g[k], 0);
  return {
    id: row.id, status: row.status,
    totals: { targeted: total('targeted'), reached: total('reached'), read: total('read'), acknowledged: total('acknowledged') },
    deliveries: await deliveryCounts(db, id), groups: withReach, notAcknowledged: pending,
  };
}

/** A commune's public feed: public announcements sent inside it and not expired, newest first. */
export async function publicFeed(db: Tx, communeCode: string) {
  const [commune] = await db.select({ path: units.path, name: units.name }).from(units).where(and(eq(units.code, communeCode), eq(units.tier, 'COMMUNE')));
  if (!commune) throw notFound({ vi: `Không có xã, phường mã ${communeCode}`, en: `No commune or ward has code ${communeCode}` });
  const rows = await queryRows<{ id: number; title: string; body_html: string; category: string; priority: string; sent_at: Date; ack_requested: boolean; unit_name: string }>(db, sql`
    select a.id, a.title, a.body_html, a.category, a.priority, a.sent_at, a.ack_requested, u.name as unit_name
    from announcements a join units u on u.id = a.unit_id
    where u.path like ${`${commune.path}%`} and a.status = 'SENT' and a.is_public and (a.expires_at is null or a.expires_at > now())
    order by a.sent_at desc limit 50`);
  return {
    commune: commune.name,
    items: rows.map((r) => ({ id: r.id, title: r.title, bodyHtml: r.body_html, text: plainText(r.body_html), category: r.category, priority: r.priority, sentAt: new Date(r.sent_at).toISOString(), ackRequested: r.ack_requested, unitName: r.unit_name })),
  };
}

/**
 * A signed-in citizen acknowledges for their household: the household is the one the registry lists them in now
 * (matched by their ID number's blind index); it must be among the announcement's recipients.
 */
export async function acknowledge(database: Database, announcementId: number, citizen: { id: number; personalIdBidx: string }): Promise<void> {
  const db = database.db;
  const [member] = await db.select({ householdId: householdMembers.householdId }).from(residents)
    .innerJoin(householdMembers, and(eq(householdMembers.residentId, residents.id), sql`${householdMembers.leftOn} is null`))
    .where(eq(residents.personalIdBidx, citizen.personalIdBidx)).limit(1);
  const notRecipient = () => notFound({ vi: 'Hộ của ông/bà không thuộc danh sách nhận thông báo này', en: 'Your household is not among the recipients of this announcement' });
  if (!member) throw notRecipient();
  const updated = await db.update(announcementHouseholds)
    .set({ acknowledgedAt: sql`coalesce(${announcementHouseholds.acknowledgedAt}, now())`, readAt: sql`coalesce(${announcementHouseholds.readAt}, now())`, acknowledgedBy: citizen.id })
    .where(and(eq(announcementHouseholds.announcementId, announcementId), eq(announcementHouseholds.householdId, member.householdId)))
    .returning({ householdId: announcementHouseholds.householdId });
  if (updated.length === 0) throw notRecipient();
}
