import { inArray, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client.js';
import { pathInScope, unitAt, type Scope } from '../../db/scope.js';
import type { Actor } from '../../lib/auth-context.js';
import { insertAudit } from '../audit/audit.repo.js';
import { addDays, daysBetween, localParts } from '../calendar/working-days.js';
import { paged, toOffset } from '../../lib/http.js';
import type { LeftHousehold } from './campaigns.schemas.js';
import { getCampaign, holdersOf, holdersUnder, viewPathOf } from './campaigns.service.js';

/** Targets under a unit path: its commune's part of the campaign and, from a group down, that group (its index). */
async function targetsUnder(db: Tx, id: number, under: string) {
  const group = unitAt(under, 3);
  const inHolders = inArray(sql`t.campaign_id`, await holdersUnder(db, id, under));
  const inGroup = group ? sql`and t.group_id = ${group}` : sql``;
  return sql`${inHolders} ${inGroup} and u.path like ${`${under}%`}`;
}

/**
 * The daily history and burndown under a unit: per day since the start, how many were done that day and in all, and
 * what is left; the goal (targets × target rate) and the pace needed per day from today to reach it by the deadline.
 */
export async function historyOf(db: Tx, scope: Scope, id: number, unitId?: number, today = localParts(new Date()).day) {
  const c = await getCampaign(db, scope, id, { covering: true });
  const under = await viewPathOf(db, scope, c, unitId);
  const rows = await queryRows<{ day: string | null; n: number }>(
    db,
    sql`
    select ((t.done_at at time zone 'Asia/Ho_Chi_Minh')::date)::text as day, count(*)::int as n
    from campaign_targets t
    join units u on u.id = t.unit_id
    where ${await targetsUnder(db, c.id, under)} and t.removed_on is null
    group by 1`,
  );
  const targets = rows.reduce((s, r) => s + r.n, 0);
  const perDay = new Map(rows.filter((r) => r.day).map((r) => [r.day!, r.n]));
  const goal = Math.ceil((targets * c.targetRate) / 100);
  // biome-ignore lint/complexity/useMathMinMax: ISO dates (yyyy-MM-dd), the earlier of two strings, not numbers
  const last = today < c.deadline ? today : c.deadline;
  // Done before the start (a household that was already done when it joined) counts on the first day.
  let done = [...perDay].filter(([d]) => d < c.startsOn).reduce((s, [, n]) => s + n, 0);
  const days: { day: string; done: number; total: number; left: number }[] = [];
  for (let day = c.startsOn; day <= last; day = addDays(day, 1)) {
    const n = perDay.get(day) ?? 0;
    done += n;
    days.push({ day, done: n, total: done, left: Math.max(goal - done, 0) });
  }
  const doneNow = [...perDay.values()].reduce((s, n) => s + n, 0);
  const daysLeft = Math.max(daysBetween(today, c.deadline) + 1, 0);
  const leftToGoal = Math.max(goal - doneNow, 0);
  return {
    targets,
    goal,
    done: doneNow,
    startsOn: c.startsOn,
    deadline: c.deadline,
    daysLeft,
    /** Per day from today to the deadline; null once the deadline has passed with work left. */
    paceNeeded: leftToGoal === 0 ? 0 : daysLeft ? Math.ceil(leftToGoal / daysLeft) : null,
    /** The average per day so far. */
    paceSoFar: days.length ? Math.round((days.reduce((s, d) => s + d.done, 0) / days.length) * 10) / 10 : 0,
    days,
  };
}

/**
 * The households still to see under a unit, with who in them is left, the last outcome and the best time to come
 * back — the list a team takes on its evening round. It names people, so reading it is audited.
 */
export async function householdsLeft(
  db: Tx,
  scope: Scope,
  id: number,
  q: { unitId?: number; limit: number; offset: number },
  actor: Actor | null,
) {
  const c = await getCampaign(db, scope, id, { covering: true });
  const under = await viewPathOf(db, scope, c, q.unitId);
  const rows = await queryRows<LeftHousehold>(
    db,
    sql`
    select t.household_id as "householdId", h.address, u.name as "unitName",
      coalesce(array_agg(r.full_name order by r.birth_date) filter (where r.id is not null), '{}') as people,
      (array_agg(t.last_outcome order by t.last_visit_at desc nulls last))[1] as "lastOutcome",
      (array_agg(t.best_time order by t.last_visit_at desc nulls last))[1] as "bestTime",
      max(t.last_visit_at)::text as "lastVisitAt", max(m.full_name) as member
    from campaign_targets t
    join units u on u.id = t.unit_id
    join households h on h.id = t.household_id
    left join residents r on r.id = t.resident_id
    left join team_members m on m.id = t.assigned_member_id
    where ${await targetsUnder(db, c.id, under)} and t.removed_on is null and t.done_at is null
      and ${pathInScope(sql`u.path`, scope)}
    group by t.household_id, h.address, u.name, u.path
    order by u.path, h.address collate vi_num, t.household_id
    limit ${q.limit + 1} offset ${q.offset}`,
  );
  if (actor)
    await insertAudit(db, actor, {
      action: 'campaign.left',
      entityType: 'campaign',
      entityId: c.id,
      details: { households: Math.min(rows.length, q.limit) },
    });
  return { c, rows: rows.map((r) => ({ ...r, lastVisitAt: r.lastVisitAt && new Date(r.lastVisitAt).toISOString() })) };
}

/** One page of the households still to see (audited), for the list screen. */
export async function listHouseholdsLeft(
  db: Tx,
  scope: Scope,
  id: number,
  query: { unitId?: number; page: number; limit: number },
  actor: Actor,
) {
  const { rows } = await householdsLeft(db, scope, id, { unitId: query.unitId, ...toOffset(query) }, actor);
  return paged(rows, query);
}

/**
 * The emulation board: groups ranked by rate against the target, and teams by what their members have done (the
 * seeds' friendly competition between wards and groups).
 */
export async function leaderboard(db: Tx, scope: Scope, id: number) {
  const c = await getCampaign(db, scope, id, { covering: true });
  const holders = await holdersOf(db, c.id);
  const [groups, teams] = [
    await queryRows<{ unitId: number; name: string; communeName: string; targets: number; done: number }>(
      db,
      sql`
      select g.id as "unitId", g.name, cm.name as "communeName",
        sum(k.targets)::int as targets, sum(k.done)::int as done
      from campaign_unit_counts k
      join units u on u.id = k.unit_id
      join units g on g.id = nullif(split_part(u.path, '/', 5), '')::int
      join units cm on cm.id = g.parent_id
      where ${inArray(sql`k.campaign_id`, holders)} and ${pathInScope(sql`g.path`, scope)}
      group by g.id, g.name, cm.name having sum(k.targets) > 0`,
    ),
    await queryRows<{
      teamId: number;
      name: string;
      members: number;
      households: number;
      targets: number;
      done: number;
      visits: number;
    }>(
      db,
      sql`
      select tm.id as "teamId", tm.name, count(distinct m.id)::int as members,
        count(distinct t.household_id)::int as households, count(*)::int as targets, count(t.done_at)::int as done,
        (select count(*)::int from campaign_visits v
          where v.member_id in (select id from team_members where team_id = tm.id)
            and ${inArray(sql`v.campaign_id`, holders)}) as visits
      from campaign_targets t
      join team_members m on m.id = t.assigned_member_id
      join teams tm on tm.id = m.team_id
      join units u on u.id = tm.unit_id
      where ${inArray(sql`t.campaign_id`, holders)} and t.removed_on is null and ${pathInScope(sql`u.path`, scope)}
      group by tm.id, tm.name`,
    ),
  ];
  const rate = (done: number, targets: number) => (targets ? Math.round((done / targets) * 1000) / 10 : 0);
  return {
    groups: groups
      .map((g) => ({ ...g, rate: rate(g.done, g.targets) }))
      .sort((a, b) => b.rate - a.rate || b.done - a.done)
      .map((g, i) => ({ rank: i + 1, ...g })),
    teams: teams
      .map((t) => ({ ...t, rate: rate(t.done, t.targets) }))
      .sort((a, b) => b.rate - a.rate || b.done - a.done || b.visits - a.visits)
      .map((t, i) => ({ rank: i + 1, ...t })),
  };
}
