import { and, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { Permission } from '../../../shared/permissions.js';
import { queryRows, type Database, type Tx } from '../../db/client.js';
import type { AppDeps } from '../../deps.js';
import {
  announcementFiles,
  announcementHouseholds,
  announcements,
  householdMembers,
  residents,
  staffGroups,
  units,
} from '../../db/schema/index.js';
import { unitInScope, type Scope } from '../../db/scope.js';
import { conflict, notFound } from '../../lib/errors.js';
import { plainText, sanitizeAnnouncement } from '../../lib/html.js';
import type { Actor } from '../../lib/auth-context.js';
import { insertAudit } from '../audit/audit.repo.js';
import { findCommuneByCode, getUnitPath } from '../units/units.service.js';
import { Audience, householdsOf, matchedPeople } from './audience.js';
import { validReadToken } from './links.js';
import { deliveryCounts, isUrgent, queueFirstMessages, queueStaffDeliveries, sendableAt } from './deliveries.js';

type Row = typeof announcements.$inferSelect;
export type NewAnnouncement = {
  title: string;
  body: string;
  category: Row['category'];
  priority: Row['priority'];
  audience: Audience;
  isPublic: boolean;
  ackRequested: boolean;
  expiresAt?: string;
  scheduledAt?: string;
  /** The same announcement in other languages (English), for members who chose one. */
  translations?: Record<string, { title: string; body: string }>;
};

/** A draft, filed under its first target unit (which the writer must hold); the body is sanitised here, once. */
export async function createAnnouncement(
  database: Database,
  scope: Scope,
  input: NewAnnouncement,
  userId: number,
  actor: Actor,
): Promise<Row> {
  const db = database.db;
  await Promise.all(input.audience.unitIds.map((id) => getUnitPath(db, id, scope)));
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(announcements)
      .values({
        unitId: input.audience.unitIds[0]!,
        title: input.title,
        bodyHtml: sanitizeAnnouncement(input.body),
        category: input.category,
        priority: input.priority,
        audience: input.audience as unknown as Record<string, unknown>,
        isPublic: input.isPublic,
        ackRequested: input.ackRequested,
        expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
        scheduledAt: input.scheduledAt ? new Date(input.scheduledAt) : null,
        createdBy: userId,
        translations: Object.fromEntries(
          Object.entries(input.translations ?? {}).map(([lang, t]) => [
            lang,
            { title: t.title, bodyHtml: sanitizeAnnouncement(t.body) },
          ]),
        ),
      })
      .returning();
    await insertAudit(tx, actor, { action: 'announcement.create', entityType: 'announcement', entityId: row!.id });
    return row!;
  });
}

export async function getAnnouncement(db: Tx, scope: Scope, id: number): Promise<Row> {
  const [row] = await db
    .select()
    .from(announcements)
    .where(and(eq(announcements.id, id), unitInScope(announcements.unitId, scope)));
  if (!row) throw notFound({ vi: 'Không tìm thấy thông báo', en: 'Announcement not found' });
  return row;
}

/** The announcement in the caller's units, locked for a change of status. */
async function lockInScope(tx: Tx, scope: Scope, id: number): Promise<Row> {
  const [row] = await tx
    .select()
    .from(announcements)
    .where(and(eq(announcements.id, id), unitInScope(announcements.unitId, scope)))
    .for('update');
  if (!row) throw notFound({ vi: 'Không tìm thấy thông báo', en: 'Announcement not found' });
  return row;
}

export async function listAnnouncements(db: Tx, scope: Scope) {
  return db
    .select()
    .from(announcements)
    .where(unitInScope(announcements.unitId, scope))
    .orderBy(desc(announcements.id))
    .limit(100);
}

/**
 * Sends, or schedules when the announcement names a time still ahead. Sending resolves the audience now and
 * snapshots its households in the same transaction as the status change, so the reach is measured against exactly
 * who it went to; each household's first message (and each chosen staff member's) is queued by the same statement.
 */
export async function sendAnnouncement(
  database: Database,
  scope: Scope,
  id: number,
  actor: Actor,
  now = new Date(),
): Promise<{ status: 'SENT' | 'SCHEDULED'; households: number; messages: number }> {
  const result = await database.db.transaction(async (tx) => {
    const row = await lockInScope(tx, scope, id);
    if (row.status !== 'DRAFT')
      throw conflict({
        vi: 'Thông báo này đã gửi, đã hẹn giờ hoặc đã hủy',
        en: 'This announcement was already sent, scheduled or cancelled',
      });
    if (row.scheduledAt && row.scheduledAt > now) {
      await tx.update(announcements).set({ status: 'SCHEDULED' }).where(eq(announcements.id, id));
      await insertAudit(tx, actor, {
        action: 'announcement.schedule',
        entityType: 'announcement',
        entityId: id,
        details: { at: row.scheduledAt.toISOString() },
      });
      return { status: 'SCHEDULED' as const, households: 0, messages: 0 };
    }
    const counts = await dispatch(tx, scope, row);
    await insertAudit(tx, actor, {
      action: 'announcement.send',
      entityType: 'announcement',
      entityId: id,
      details: counts,
    });
    return { status: 'SENT' as const, ...counts };
  });
  await refreshStatistics(database, result.households + result.messages);
  return result;
}

/**
 * A large send adds more rows to the snapshot and delivery tables than autovacuum has seen: until it analyzes them,
 * the planner takes the new announcement for a handful of rows and the reach view — the page watched right after
 * sending — joins them by nested loops (16 s instead of 50 ms at province scale). So the sender analyzes them itself.
 */
async function refreshStatistics(database: Database, rows: number): Promise<void> {
  if (rows >= 1000) await database.raw('analyze announcement_households, deliveries');
}

/** Snapshot and queue, in the caller's transaction (the row is locked there). */
async function dispatch(tx: Tx, scope: Scope, row: Row): Promise<{ households: number; messages: number }> {
  const audience = Audience.parse(row.audience);
  const notBefore = sendableAt(new Date(), isUrgent(row));
  let counts = { households: 0, messages: 0 };
  if (audience.reachHouseholds) {
    // One pass over the registry: the snapshot and the queue are written from the same resolved audience.
    [counts] = (await queryRows<{ households: number; messages: number }>(
      tx,
      sql`
      with people as (${await matchedPeople(tx, scope, audience)}),
      matched as (${householdsOf(sql`people`)}),
      snapshot as (insert into announcement_households (announcement_id, household_id, group_id, people)
        select ${row.id}, household_id, group_id, people from matched returning 1),
      queued as (${queueFirstMessages(row.id, notBefore, audience.perPerson)} returning 1)
      select (select count(*) from snapshot)::int as households, (select count(*) from queued)::int as messages`,
    )) as [typeof counts];
  }
  if (audience.staffGroupIds.length) {
    const groups = await tx
      .select({ id: staffGroups.id })
      .from(staffGroups)
      .where(and(inArray(staffGroups.id, audience.staffGroupIds), unitInScope(staffGroups.unitId, scope)));
    if (groups.length !== audience.staffGroupIds.length)
      throw notFound({ vi: 'Không tìm thấy nhóm cán bộ đã chọn', en: 'A chosen staff group was not found' });
    const [staff] = await queryRows<{ n: number }>(
      tx,
      sql`with q as (${queueStaffDeliveries(row.id, audience.staffGroupIds, notBefore)} returning 1) select count(*)::int as n from q`,
    );
    counts.messages += staff!.n;
  }
  await tx.update(announcements).set({ status: 'SENT', sentAt: sql`now()` }).where(eq(announcements.id, row.id));
  return counts;
}

/**
 * Sends the scheduled announcements whose time has come (run every minute by the delivery worker). Each is sent in
 * the scope of its own commune, as its writer would have at that moment.
 */
export async function sendScheduled(database: Database, now = new Date()): Promise<number> {
  const due = await database.db
    .select({ id: announcements.id })
    .from(announcements)
    .where(and(eq(announcements.status, 'SCHEDULED'), lte(announcements.scheduledAt, now)))
    .limit(20);
  for (const { id } of due) {
    await database.db
      .transaction(async (tx) => {
        const [row] = await tx
          .select()
          .from(announcements)
          .where(and(eq(announcements.id, id), eq(announcements.status, 'SCHEDULED')))
          .for('update', { skipLocked: true });
        if (!row) return;
        const [unit] = await tx.select({ path: units.path }).from(units).where(eq(units.id, row.unitId));
        // The writer's units were checked when it was written; it goes to them inside the commune it was filed in.
        const communePath = `${unit!.path.split('/').slice(0, 4).join('/')}/`;
        const counts = await dispatch(tx, { permission: Permission.ANNOUNCEMENT_WRITE, prefixes: [communePath] }, row);
        const scheduler: Actor = {
          userId: row.createdBy,
          username: null,
          roles: 'SCHEDULER',
          unitId: row.unitId,
          ip: '127.0.0.1',
          userAgent: 'ketnoi scheduler',
        };
        await insertAudit(tx, scheduler, {
          action: 'announcement.send',
          entityType: 'announcement',
          entityId: id,
          details: { ...counts, scheduled: true },
        });
        return counts;
      })
      .then((counts) => refreshStatistics(database, counts ? counts.households + counts.messages : 0));
  }
  return due.length;
}

/** Cancels a draft or a scheduled announcement (a sent one stays sent: people have it). */
export async function cancelAnnouncement(database: Database, scope: Scope, id: number, actor: Actor): Promise<void> {
  await database.db.transaction(async (tx) => {
    const row = await lockInScope(tx, scope, id);
    if (row.status !== 'DRAFT' && row.status !== 'SCHEDULED')
      throw conflict({ vi: 'Thông báo đã gửi thì không hủy được', en: 'A sent announcement cannot be cancelled' });
    await tx.update(announcements).set({ status: 'CANCELLED' }).where(eq(announcements.id, id));
    await insertAudit(tx, actor, { action: 'announcement.cancel', entityType: 'announcement', entityId: id });
  });
}

/** Reach per residential group: households targeted, read, acknowledged; and the households not yet acknowledged. */
export async function reachOf(db: Tx, scope: Scope, id: number) {
  const row = await getAnnouncement(db, scope, id);
  // The head's phone stays out of the view (it is in the team's spreadsheet, whose download is audited); the view
  // lists 200 of each, the spreadsheet all of them.
  const listed = async (which: 'not-reached' | 'not-acknowledged') =>
    (await householdsToVisit(db, id, which, VIEW_LIST)).map(({ phoneEnc: _, ...h }) => h);
  // Independent reads: on PostgreSQL they run side by side on the pool (PGlite takes them one after another).
  const [groups, notReached, notAcknowledged, deliveries] = await Promise.all([
    // One pass over the recipients: a household is reached when any of its messages was delivered.
    queryRows<{
      unitId: number | null;
      name: string | null;
      targeted: number;
      reached: number;
      read: number;
      acknowledged: number;
    }>(
      db,
      sql`
      with delivered as (select distinct household_id from deliveries where announcement_id = ${id} and status = 'delivered')
      select a.group_id as "unitId", g.name, count(*)::int as targeted, count(dl.household_id)::int as reached,
        count(a.read_at)::int as read, count(a.acknowledged_at)::int as acknowledged
      from announcement_households a left join delivered dl on dl.household_id = a.household_id left join units g on g.id = a.group_id
      where a.announcement_id = ${id} group by a.group_id, g.name order by g.name collate vi_num`,
    ),
    listed('not-reached'),
    row.ackRequested ? listed('not-acknowledged') : Promise.resolve([]),
    deliveryCounts(db, id),
  ]);
  const withReach = groups.map((g) => ({ ...g, name: g.name ?? '' }));
  const total = (k: 'targeted' | 'reached' | 'read' | 'acknowledged') => withReach.reduce((n, g) => n + g[k], 0);
  return {
    id: row.id,
    status: row.status,
    totals: {
      targeted: total('targeted'),
      reached: total('reached'),
      read: total('read'),
      acknowledged: total('acknowledged'),
    },
    deliveries,
    groups: withReach,
    notReached,
    notAcknowledged,
  };
}

/** Households listed in the reach view per list (the spreadsheet has them all). */
const VIEW_LIST = 200;
const vi = new Intl.Collator('vi', { numeric: true });

export type HouseholdToVisit = {
  householdId: number;
  address: string;
  groupName: string | null;
  headName: string | null;
  phoneEnc: string | null;
};

/**
 * The households the digital team should visit: those no message reached (no channel delivered), or, when an
 * acknowledgement was asked for, those that have not given it — by group, then address, the Vietnamese way.
 */
export async function householdsToVisit(
  db: Tx,
  id: number,
  which: 'not-reached' | 'not-acknowledged',
  limit: number,
): Promise<HouseholdToVisit[]> {
  const condition =
    which === 'not-reached'
      ? sql`not exists (select 1 from deliveries d where d.announcement_id = ${id} and d.household_id = a.household_id and d.status = 'delivered')`
      : sql`a.acknowledged_at is null`;
  const rows = await queryRows<HouseholdToVisit>(
    db,
    sql`
    select h.id as "householdId", h.address, g.name as "groupName", r.full_name as "headName", r.phone_enc as "phoneEnc"
    from announcement_households a join households h on h.id = a.household_id
    left join units g on g.id = a.group_id left join residents r on r.id = h.head_resident_id
    where a.announcement_id = ${id} and ${condition}
    order by a.group_id, a.household_id limit ${limit}`,
  );
  // Sorted here for people: a page's worth of rows, cheaper than an ICU sort of every recipient in the database.
  rows.sort((x, y) => vi.compare(x.groupName ?? '', y.groupName ?? '') || vi.compare(x.address, y.address));
  return rows;
}

/**
 * Reach over time, for the chart: households reached (first delivery), read and acknowledged, cumulative per hour
 * since sending. Kept apart from the reach view, which must stay fast enough to refresh while messages go out.
 */
export async function reachTimeline(db: Tx, scope: Scope, id: number) {
  await getAnnouncement(db, scope, id);
  const rows = await queryRows<{ at: Date; reached: number; read: number; acknowledged: number }>(
    db,
    sql`
    with events as (
      select date_trunc('hour', min(sent_at)) as t, 'reached' as k from deliveries
        where announcement_id = ${id} and status = 'delivered' and household_id is not null group by household_id
      union all select date_trunc('hour', read_at), 'read' from announcement_households where announcement_id = ${id} and read_at is not null
      union all select date_trunc('hour', acknowledged_at), 'acknowledged' from announcement_households where announcement_id = ${id} and acknowledged_at is not null)
    select t as at, count(*) filter (where k = 'reached')::int as reached, count(*) filter (where k = 'read')::int as read,
      count(*) filter (where k = 'acknowledged')::int as acknowledged
    from events group by t order by t`,
  );
  const total = { reached: 0, read: 0, acknowledged: 0 };
  return rows.map((r) => {
    total.reached += r.reached;
    total.read += r.read;
    total.acknowledged += r.acknowledged;
    return { at: new Date(r.at).toISOString(), ...total };
  });
}

/** A commune's public feed: public announcements sent inside it and not expired, newest first. */
export async function publicFeed(db: Tx, communeCode: string) {
  const commune = await findCommuneByCode(db, communeCode);
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
    from announcements a join units u on u.id = a.unit_id
    where u.path like ${`${commune.path}%`} and a.status = 'SENT' and a.is_public and (a.expires_at is null or a.expires_at > now())
    order by a.sent_at desc limit 50`,
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
 * A signed-in citizen acknowledges for their household: the household is the one the registry lists them in now
 * (matched by their ID number's blind index); it must be among the announcement's recipients.
 */
export async function acknowledge(
  database: Database,
  announcementId: number,
  citizen: { id: number; personalIdBidx: string },
): Promise<void> {
  const db = database.db;
  const [member] = await db
    .select({ householdId: householdMembers.householdId })
    .from(residents)
    .innerJoin(
      householdMembers,
      and(eq(householdMembers.residentId, residents.id), sql`${householdMembers.leftOn} is null`),
    )
    .where(eq(residents.personalIdBidx, citizen.personalIdBidx))
    .limit(1);
  const notRecipient = () =>
    notFound({
      vi: 'Hộ của ông/bà không thuộc danh sách nhận thông báo này',
      en: 'Your household is not among the recipients of this announcement',
    });
  if (!member || !(await recordRead(db, announcementId, member.householdId, { acknowledgedBy: citizen.id })))
    throw notRecipient();
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

export type HouseholdLink = { householdId: number; token: string };

/**
 * One announcement as a citizen opens it: anyone may read a public one; a household's signed link (from its SMS,
 * email, Zalo or push message) opens the one sent to it. Drafts, cancelled and expired ones are not shown.
 */
export async function openAnnouncement(
  deps: Pick<AppDeps, 'database' | 'cipher' | 'config'>,
  id: number,
  link?: HouseholdLink,
) {
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
export async function markRead(
  deps: Pick<AppDeps, 'database' | 'cipher' | 'config'>,
  id: number,
  link: HouseholdLink,
  acknowledge = false,
): Promise<void> {
  const valid =
    validReadToken(deps, id, link.householdId, link.token) &&
    (await recordRead(deps.database.db, id, link.householdId, acknowledge ? { acknowledgedBy: null } : undefined));
  if (!valid) throw notFound({ vi: 'Liên kết không hợp lệ', en: 'The link is not valid' });
}
