import type { Readable } from 'node:stream';
import { sql, type SQL } from 'drizzle-orm';
import { formatPhone } from '../../../shared/phone.js';
import { queryRows, type Tx } from '../../db/client.js';
import { deliveries } from '../../db/schema/index.js';
import type { Scope } from '../../db/scope.js';
import type { AppDeps } from '../../deps.js';
import type { Actor } from '../../lib/auth-context.js';
import { streamSheet, type SheetColumn } from '../../lib/spreadsheet.js';
import { insertAudit } from '../audit/audit.repo.js';
import type { ToVisitQuery } from './announcements.schemas.js';
import { householdInView, viewAnnouncement } from './announcement-view.js';
import { deliveryCounts } from './deliveries.js';

/**
 * What a sent announcement achieved: reach per residential group, reach over time, and the households the digital
 * team still has to visit (in the view, and as an audited spreadsheet with the heads' phones). Each is the caller's
 * view of it (announcement-view.ts): all of it, or — for an announcement filed above their units — only the
 * households in their units, every query narrowed by the same condition.
 */
const vi = new Intl.Collator('vi', { numeric: true });
/** Households listed in the reach view per list (the spreadsheet has them all). */
const VIEW_LIST = 200;
/** Households in the spreadsheet at most. */
const SHEET_LIST = 100_000;

type ToVisit = ToVisitQuery['which'];

/** Reach per residential group: households targeted, read, acknowledged; and the households not yet acknowledged. */
export async function reachOf(db: Tx, scope: Scope, id: number) {
  const view = await viewAnnouncement(db, scope, id);
  const row = view.row;
  const part = (column: SQL | typeof deliveries.householdId) => householdInView(view, column);
  // The head's phone stays out of the view (it is in the team's spreadsheet, whose download is audited); the view
  // lists 200 of each, the spreadsheet all of them.
  const listed = async (which: ToVisit) =>
    (await householdsToVisit(db, id, which, VIEW_LIST, part(sql`a.household_id`))).map(({ phoneEnc: _, ...h }) => h);
  // Independent reads: on PostgreSQL they run side by side on the pool (PGlite takes them one after another).
  const [groups, notReached, notAcknowledged, byStatus, waiting] = await Promise.all([
    reachPerGroup(db, id, part(sql`a.household_id`)),
    listed('not-reached'),
    row.ackRequested ? listed('not-acknowledged') : Promise.resolve([]),
    deliveryCounts(db, id, part(deliveries.householdId)),
    waitingOf(db, id, part(sql`a.household_id`)),
  ]);
  const withReach = groups.map((g) => ({ ...g, name: g.name ?? '' }));
  const total = (k: 'targeted' | 'reached' | 'read' | 'acknowledged') => withReach.reduce((n, g) => n + g[k], 0);
  return {
    id: row.id,
    status: row.status,
    part: !view.whole,
    totals: {
      targeted: total('targeted'),
      reached: total('reached'),
      read: total('read'),
      acknowledged: total('acknowledged'),
    },
    deliveries: byStatus,
    groups: withReach,
    notReached,
    notAcknowledged,
    waiting,
  };
}

/** A message still on its way: queued (the night, a schedule, a daily limit), retrying, or with the provider. */
const IN_FLIGHT = sql`('created', 'temporary-failure', 'sending')`;

/**
 * The households not reached yet whose message is still on its way, by when it goes (to the minute; `at` null when
 * it is due already and only waits for the worker or the provider). They are not the digital team's to visit yet.
 */
async function waitingOf(db: Tx, id: number, inPart: SQL) {
  const rows = await queryRows<{ at: Date | null; households: number }>(
    db,
    sql`
    with waiting as (
      select a.household_id, min(d.next_attempt_at) as next_at
      from announcement_households a
        join deliveries d on d.announcement_id = a.announcement_id and d.household_id = a.household_id
      where a.announcement_id = ${id} and d.status in ${IN_FLIGHT} and ${inPart}
        and not exists (
          select 1 from deliveries x
          where x.announcement_id = ${id} and x.household_id = a.household_id and x.status = 'delivered')
      group by a.household_id)
    select case when next_at > now() then date_trunc('minute', next_at) end as at, count(*)::int as households
    from waiting group by 1 order by 1 nulls first`,
  );
  return {
    households: rows.reduce((n, r) => n + r.households, 0),
    byTime: rows.map((r) => ({ at: r.at ? new Date(r.at).toISOString() : null, households: r.households })),
  };
}

/**
 * One pass over the recipients in the caller's part: a household is reached when any of its messages was
 * delivered.
 */
function reachPerGroup(db: Tx, id: number, inPart: SQL) {
  return queryRows<{
    unitId: number | null;
    name: string | null;
    targeted: number;
    reached: number;
    read: number;
    acknowledged: number;
  }>(
    db,
    sql`
    with delivered as (
      select distinct household_id from deliveries
      where announcement_id = ${id} and status = 'delivered')
    select a.group_id as "unitId", g.name, count(*)::int as targeted, count(dl.household_id)::int as reached,
      count(a.read_at)::int as read, count(a.acknowledged_at)::int as acknowledged
    from announcement_households a
      left join delivered dl on dl.household_id = a.household_id
      left join units g on g.id = a.group_id
    where a.announcement_id = ${id} and ${inPart}
    group by a.group_id, g.name
    order by g.name collate vi_num`,
  );
}

export type HouseholdToVisit = {
  householdId: number;
  address: string;
  groupName: string | null;
  headName: string | null;
  phoneEnc: string | null;
};

/**
 * The households the digital team should visit, among those `inPart` lets through (a condition on
 * `a.household_id`): those no message reached and none is still on its way to (every channel failed, or none), or, when an acknowledgement was asked for,
 * those that have not given it — by group, then address, the Vietnamese way.
 */
export async function householdsToVisit(
  db: Tx,
  id: number,
  which: ToVisit,
  limit: number,
  inPart: SQL,
): Promise<HouseholdToVisit[]> {
  // Not reached: no message delivered and none still on its way (a message waiting out the night is not a visit).
  const condition =
    which === 'not-reached'
      ? sql`not exists (
          select 1 from deliveries d
          where d.announcement_id = ${id} and d.household_id = a.household_id
            and (d.status = 'delivered' or d.status in ${IN_FLIGHT}))`
      : sql`a.acknowledged_at is null`;
  const rows = await queryRows<HouseholdToVisit>(
    db,
    sql`
    select h.id as "householdId", h.address, g.name as "groupName",
      r.full_name as "headName", r.phone_enc as "phoneEnc"
    from announcement_households a
      join households h on h.id = a.household_id
      left join units g on g.id = a.group_id
      left join residents r on r.id = h.head_resident_id
    where a.announcement_id = ${id} and ${condition} and ${inPart}
    order by a.group_id, a.household_id
    limit ${limit}`,
  );
  // Sorted here for people: a page's worth of rows, cheaper than an ICU sort of every recipient in the database.
  rows.sort((x, y) => vi.compare(x.groupName ?? '', y.groupName ?? '') || vi.compare(x.address, y.address));
  return rows;
}

const TO_VISIT_COLUMNS: SheetColumn[] = [
  { key: 'group', header: 'Thôn, tổ dân phố', width: 22 },
  { key: 'address', header: 'Địa chỉ', width: 40 },
  { key: 'head', header: 'Chủ hộ', width: 26 },
  { key: 'phone', header: 'Số điện thoại', width: 16 },
  { key: 'outcome', header: 'Kết quả đi hộ', width: 30 },
];

/**
 * The households to visit as a spreadsheet (.xlsx or .csv) for the digital team, with each head's phone: only the
 * caller's part of an announcement filed above their units. The file names people and their phones: reading it is
 * recorded like opening their records.
 */
export async function toVisitSheet(
  deps: Pick<AppDeps, 'database' | 'cipher'>,
  scope: Scope,
  id: number,
  query: ToVisitQuery,
  actor: Actor,
): Promise<{ fileName: string; content: Readable }> {
  const db = deps.database.db;
  const view = await viewAnnouncement(db, scope, id);
  const a = view.row;
  const households = await householdsToVisit(
    db,
    a.id,
    query.which,
    SHEET_LIST,
    householdInView(view, sql`a.household_id`),
  );
  await insertAudit(db, actor, {
    action: 'announcement.to-visit',
    entityType: 'announcement',
    entityId: a.id,
    details: { which: query.which, households: households.length, part: !view.whole },
  });
  async function* rows() {
    for (const h of households)
      yield {
        group: h.groupName ?? '',
        address: h.address,
        head: h.headName ?? '',
        phone: h.phoneEnc ? formatPhone(deps.cipher.decrypt(h.phoneEnc)) : '',
        outcome: '',
      };
  }
  return {
    fileName: `ho-can-den-thong-bao-${a.id}.${query.format}`,
    content: streamSheet(query.format, 'Hộ cần đến', TO_VISIT_COLUMNS, rows()),
  };
}

/**
 * Reach over time, for the chart: households reached (first delivery), read and acknowledged (in the caller's
 * part), cumulative per hour since sending. Kept apart from the reach view, which must stay fast enough to refresh while messages go out.
 */
export async function reachTimeline(db: Tx, scope: Scope, id: number) {
  const view = await viewAnnouncement(db, scope, id);
  const delivered = householdInView(view, sql`d.household_id`);
  const recipient = householdInView(view, sql`a.household_id`);
  const rows = await queryRows<{ at: Date; reached: number; read: number; acknowledged: number }>(
    db,
    sql`
    with events as (
      select date_trunc('hour', min(d.sent_at)) as t, 'reached' as k from deliveries d
        where d.announcement_id = ${id} and d.status = 'delivered' and d.household_id is not null and ${delivered}
        group by d.household_id
      union all
      select date_trunc('hour', a.read_at), 'read' from announcement_households a
        where a.announcement_id = ${id} and a.read_at is not null and ${recipient}
      union all
      select date_trunc('hour', a.acknowledged_at), 'acknowledged' from announcement_households a
        where a.announcement_id = ${id} and a.acknowledged_at is not null and ${recipient})
    select t as at,
      count(*) filter (where k = 'reached')::int as reached,
      count(*) filter (where k = 'read')::int as read,
      count(*) filter (where k = 'acknowledged')::int as acknowledged
    from events
    group by t
    order by t`,
  );
  const total = { reached: 0, read: 0, acknowledged: 0 };
  return rows.map((r) => {
    total.reached += r.reached;
    total.read += r.read;
    total.acknowledged += r.acknowledged;
    return { at: new Date(r.at).toISOString(), ...total };
  });
}
