import { and, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { Role } from '../../../shared/enums.js';
import { Permission, roleGrants } from '../../../shared/permissions.js';
import { queryRows, type Database, type Tx } from '../../db/client.js';
import { announcements, staffGroups, units } from '../../db/schema/index.js';
import { pathInScope, unitAt, unitInScope, type Scope } from '../../db/scope.js';
import { conflict, notFound, validation } from '../../lib/errors.js';
import { sanitizeAnnouncement } from '../../lib/html.js';
import type { Actor } from '../../lib/auth-context.js';
import { insertAudit } from '../audit/audit.repo.js';
import { getUnitPath } from '../units/units.service.js';
import type { Announcement, AnnouncementStatus, Category, Priority } from './announcements.schemas.js';
import { filedIn, visibleTo } from './announcement-view.js';
import { Audience, audienceSize, householdsOf, matchedPeople, type AudienceSize } from './audience.js';
import type { Channel } from './senders.js';
import { isUrgent, queueFirstMessages, queueStaffDeliveries, sendableAt, waitingReason } from './delivery-queue.js';

/**
 * Announcements written by staff: a draft filed in the writer's units, then sent (the audience resolved and its
 * households snapshotted, first messages queued) or scheduled, or cancelled. Reach is in reach.service.ts, the
 * citizens' side in public.service.ts.
 */
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

/** The roles that write announcements: where one is held, an announcement can be filed. */
const WRITERS = Object.values(Role).filter((r) => roleGrants(r, Permission.ANNOUNCEMENT_WRITE));

/**
 * Where an announcement is filed: its author's unit, the deepest unit where they hold a role that writes
 * announcements (inside the caller's scope) and that holds every target — the commune for a commune leader's
 * announcement to two groups, the group for its head's. A caller given a scope without a role row (a script) files
 * under the deepest scope unit that holds every target. Targets under different units the author holds (a head of
 * two groups writing to both) have no one author's unit: they are refused, to be written once per unit.
 */
async function filingUnit(tx: Tx, scope: Scope, userId: number, targets: string[]): Promise<number> {
  const [held] = await queryRows<{ id: number }>(
    tx,
    sql`
    select u.id from role_assignments ra
      join units u on u.id = ra.unit_id
    where ra.user_id = ${userId} and ${inArray(sql`ra.role`, WRITERS)} and ${pathInScope(sql`u.path`, scope)}
      and ${sql.join(
        targets.map((t) => sql`${t} like u.path || '%'`),
        sql` and `,
      )}
    order by u.depth desc
    limit 1`,
  );
  if (held) return held.id;
  const prefix = scope.prefixes
    .filter((p) => targets.every((t) => t.startsWith(p)))
    .sort((a, b) => b.length - a.length)[0];
  if (prefix) return unitAt(prefix, -1)!;
  throw validation([
    {
      field: 'audience.unitIds',
      code: 'SPANS_UNITS',
      message: {
        vi: 'Các nơi nhận thuộc những đơn vị khác nhau mà ông/bà phụ trách; hãy viết riêng cho từng đơn vị',
        en: 'The chosen units lie under different units you hold; write one announcement for each',
      },
    },
  ]);
}

/** The scope an announcement goes out in: its filing unit's subtree, which holds every target. */
async function filingScope(tx: Tx, unitId: number): Promise<Scope> {
  const [unit] = await tx.select({ path: units.path }).from(units).where(eq(units.id, unitId));
  return { permission: Permission.ANNOUNCEMENT_WRITE, prefixes: [unit!.path] };
}

/** The staff groups an audience names, each in the scope (404 otherwise). */
async function checkStaffGroups(tx: Tx, scope: Scope, ids: number[]): Promise<void> {
  if (!ids.length) return;
  const groups = await tx
    .select({ id: staffGroups.id })
    .from(staffGroups)
    .where(and(inArray(staffGroups.id, ids), unitInScope(staffGroups.unitId, scope)));
  if (groups.length !== new Set(ids).size)
    throw notFound({ vi: 'Không tìm thấy nhóm cán bộ đã chọn', en: 'A chosen staff group was not found' });
}

/**
 * A draft, filed under its author's unit (`filingUnit`); every target must be in the caller's units and every staff
 * group in the filing unit. The body is sanitised here, once.
 */
export async function createAnnouncement(
  database: Database,
  scope: Scope,
  input: NewAnnouncement,
  userId: number,
  actor: Actor,
  /** The SMS channel's own wording (a campaign reminder's); not part of the API's input. */
  smsText?: string,
): Promise<Row> {
  const db = database.db;
  return db.transaction(async (tx) => {
    // One after another: inside a transaction `tx` is a single connection.
    const targets: string[] = [];
    for (const id of input.audience.unitIds) targets.push(await getUnitPath(tx, id, scope));
    const unitId = await filingUnit(tx, scope, userId, targets);
    await checkStaffGroups(tx, await filingScope(tx, unitId), input.audience.staffGroupIds);
    const [row] = await tx
      .insert(announcements)
      .values({
        unitId,
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
        smsText: smsText ?? null,
        translations: Object.fromEntries(
          Object.entries(input.translations ?? {}).map(([lang, t]) => [
            lang,
            { title: t.title, bodyHtml: sanitizeAnnouncement(t.body) },
          ]),
        ),
      })
      .returning();
    await insertAudit(tx, actor, {
      action: 'announcement.create',
      entityType: 'announcement',
      entityId: row!.id,
      details: { unitId },
    });
    return row!;
  });
}

/**
 * The announcement, when it is filed in the caller's units (404 otherwise): what a change needs. Reading one that
 * only reaches into the caller's units is `viewAnnouncement` (announcement-view.ts).
 */
export async function getAnnouncement(db: Tx, scope: Scope, id: number): Promise<Row> {
  const [row] = await db
    .select()
    .from(announcements)
    .where(and(eq(announcements.id, id), unitInScope(announcements.unitId, scope)));
  if (!row) throw notFound({ vi: 'Không tìm thấy thông báo', en: 'Announcement not found' });
  return row;
}

/**
 * How a saved draft would go out if sent now: its audience sized in the scope it is sent in (its filing unit's), with
 * the split by first channel, so sending from the list asks to confirm with the same numbers the form showed.
 */
export async function draftAudience(
  db: Tx,
  scope: Scope,
  id: number,
  configured: (c: Channel) => boolean,
): Promise<AudienceSize> {
  const row = await getAnnouncement(db, scope, id);
  return audienceSize(db, await filingScope(db, row.unitId), Audience.parse(row.audience), configured);
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

/**
 * The announcements filed in the caller's units, and those scheduled or sent into them from above (the commune's, for
 * a group head: `whole` false, they see their units' part), newest first (100 at most).
 */
export async function listAnnouncements(db: Tx, scope: Scope) {
  return db
    .select({ row: announcements, whole: filedIn(scope) })
    .from(announcements)
    .where(visibleTo(scope))
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
    const counts = await dispatch(tx, await filingScope(tx, row.unitId), row, now);
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

/**
 * Snapshot and queue, in the caller's transaction (the row is locked there), inside the filing unit's subtree: the
 * audience and the staff groups cannot reach past the unit the announcement belongs to.
 */
async function dispatch(tx: Tx, scope: Scope, row: Row, now: Date): Promise<{ households: number; messages: number }> {
  const audience = Audience.parse(row.audience);
  const notBefore = sendableAt(now, isUrgent(row));
  const waiting = waitingReason(notBefore, now);
  let counts = { households: 0, messages: 0 };
  if (audience.reachHouseholds) {
    // One pass over the registry: the snapshot and the queue are written from the same resolved audience.
    [counts] = (await queryRows<{ households: number; messages: number }>(
      tx,
      sql`
      with people as (${await matchedPeople(tx, scope, audience)}),
      matched as (${householdsOf(sql`people`)}),
      snapshot as (
        insert into announcement_households (announcement_id, household_id, group_id, people)
        select ${row.id}, household_id, group_id, people from matched
        returning 1),
      queued as (${queueFirstMessages(row.id, notBefore, audience.perPerson, waiting)} returning 1)
      select (select count(*) from snapshot)::int as households,
        (select count(*) from queued)::int as messages`,
    )) as [typeof counts];
  }
  if (audience.staffGroupIds.length) {
    await checkStaffGroups(tx, scope, audience.staffGroupIds);
    const [staff] = await queryRows<{ n: number }>(
      tx,
      sql`
      with q as (${queueStaffDeliveries(row.id, audience.staffGroupIds, notBefore, waiting)} returning 1)
      select count(*)::int as n from q`,
    );
    counts.messages += staff!.n;
  }
  await tx.update(announcements).set({ status: 'SENT', sentAt: sql`now()` }).where(eq(announcements.id, row.id));
  return counts;
}

/**
 * Sends the scheduled announcements whose time has come (run every minute by the delivery worker). Each is sent in
 * the scope of the unit it is filed in (its author's), as its writer would have at that moment.
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
        // The writer's units were checked when it was written; it goes to them inside the unit it is filed in.
        const counts = await dispatch(tx, await filingScope(tx, row.unitId), row, now);
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

/**
 * The fields an announcement's response carries (never the raw row); `part` when the caller sees only their units'
 * part of it.
 */
export function presentAnnouncement(r: Row, whole = true): Announcement {
  return {
    id: r.id,
    unitId: r.unitId,
    part: !whole,
    title: r.title,
    bodyHtml: r.bodyHtml,
    category: r.category as Category,
    priority: r.priority as Priority,
    isPublic: r.isPublic,
    ackRequested: r.ackRequested,
    status: r.status as AnnouncementStatus,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
    scheduledAt: r.scheduledAt?.toISOString() ?? null,
    expiresAt: r.expiresAt?.toISOString() ?? null,
    languages: ['vi', ...Object.keys(r.translations)],
  };
}
