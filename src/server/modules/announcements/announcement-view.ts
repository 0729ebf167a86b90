import { and, eq, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { announcements } from '../../db/schema/index.js';
import { pathAlongScope, pathInScope, unitInScope, type Scope } from '../../db/scope.js';
import { notFound } from '../../lib/errors.js';

/**
 * What of an announcement a caller sees. An announcement is filed under its author's unit and may target several
 * groups: whoever's units hold the filing unit sees all of it and alone may change it (send, cancel, attach); a
 * viewer whose units are among its targets — a group head, for the commune's announcement to several groups — sees
 * it once it is scheduled or sent, and of everything it reached only their own units' part: households, phones,
 * counts, the timeline, the loudspeakers. The part is in each query (`householdInView`), never filtered afterwards.
 */
type Row = typeof announcements.$inferSelect;

/** An announcement as one caller sees it: `whole` when it is filed in their units, else only their units' part. */
export type AnnouncementView = { row: Row; whole: boolean; scope: Scope };

const notFoundError = () => notFound({ vi: 'Không tìm thấy thông báo', en: 'Announcement not found' });

/**
 * The announcement reaches into the caller's units: scheduled or sent, to households, with a target in their units
 * or above them (the commune, for a group head).
 */
export function targetsScope(scope: Scope): SQL {
  return sql`(${announcements.status} in ('SCHEDULED', 'SENT')
    and coalesce((${announcements.audience} ->> 'reachHouseholds')::boolean, true)
    and ${targetsAlong(scope)})`;
}

/**
 * One of the announcement's target units (in its `audience`) lies in the scope or above it (a commune-wide one, for a
 * group).
 */
export function targetsAlong(scope: Scope, audience: AnyColumn | SQL = announcements.audience): SQL {
  return sql`exists (
      select 1 from jsonb_array_elements_text(${audience} -> 'unitIds') as t(unit_id)
        join units tu on tu.id = t.unit_id::int
      where ${pathAlongScope(sql`tu.path`, scope)})`;
}

/** Filed in the caller's units, or reaching into them. */
export const visibleTo = (scope: Scope): SQL => or(unitInScope(announcements.unitId, scope), targetsScope(scope))!;

/** Whether the row is filed in the caller's units (a select column beside `visibleTo`). */
export const filedIn = (scope: Scope) => sql<boolean>`${unitInScope(announcements.unitId, scope)}`;

/** The announcement as the caller sees it (404 when it is neither filed in their units nor reaching into them). */
export async function viewAnnouncement(db: Tx, scope: Scope, id: number): Promise<AnnouncementView> {
  const [r] = await db
    .select({ row: announcements, whole: filedIn(scope) })
    .from(announcements)
    .where(and(eq(announcements.id, id), visibleTo(scope)));
  if (!r) throw notFoundError();
  return { row: r.row, whole: r.whole, scope };
}

/**
 * The household (a column or expression holding its id) is in the viewer's part: any household for the whole
 * announcement, else one whose unit is in the viewer's units today. A staff member's message has no household, so
 * it is outside every part.
 */
export function householdInView(view: AnnouncementView, householdId: AnyColumn | SQL): SQL {
  if (view.whole) return sql`true`;
  return sql`exists (
    select 1 from households vh join units vu on vu.id = vh.unit_id
    where vh.id = ${householdId} and ${pathInScope(sql`vu.path`, view.scope)})`;
}

/**
 * A loudspeaker broadcast (its unit's path) the viewer may see: any for the whole announcement, else those on their
 * units' speakers or on speakers above them (the commune's, heard in their group too) — never another group's.
 */
export function broadcastInView(view: AnnouncementView, unitPath: AnyColumn | SQL): SQL {
  return view.whole ? sql`true` : pathAlongScope(unitPath, view.scope);
}

/** A broadcast the viewer may mark aired or cancelled: any for the whole announcement, else on their own speakers. */
export function broadcastInHand(view: AnnouncementView, unitPath: AnyColumn | SQL): SQL {
  return view.whole ? sql`true` : pathInScope(unitPath, view.scope);
}
