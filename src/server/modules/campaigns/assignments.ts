import { inArray, sql } from 'drizzle-orm';
import { queryRows, type Database, type Tx } from '../../db/client.js';
import { pathInScope, type Scope } from '../../db/scope.js';
import type { Actor } from '../../lib/auth-context.js';
import { insertAudit } from '../audit/audit.repo.js';
import { memberCanSignIn, memberWhoSignsIn } from '../teams/teams.service.js';
import type { AssignedHousehold, AssignmentMember, Assignments, AssignmentsQuery } from './assignments.schemas.js';
import { getCampaign, holdersOf } from './campaigns.service.js';

/**
 * Who holds what in a campaign, in the caller's units: each team member there (and anyone gone who still holds
 * households) with their load and whether they can sign in, the households nobody holds, those held by someone who
 * cannot work them, and one member's list (or the unassigned) to reassign from.
 */
export async function listAssignments(db: Tx, scope: Scope, id: number, query: AssignmentsQuery): Promise<Assignments> {
  const c = await getCampaign(db, scope, id, { covering: true });
  const holders = await holdersOf(db, c.id);
  const inScope = sql`${inArray(sql`t.campaign_id`, holders)} and t.removed_on is null and ${pathInScope(sql`u.path`, scope)}`;
  const members = await queryRows<AssignmentMember>(
    db,
    sql`
    with held as (
      select t.assigned_member_id as member_id, t.household_id, bool_and(t.done_at is not null) as done
      from campaign_targets t join units u on u.id = t.unit_id
      where ${inScope} and t.assigned_member_id is not null
      group by t.assigned_member_id, t.household_id)
    select m.id as "memberId", m.full_name as "fullName", tm.name as "teamName", m.left_on is null as current,
      ${memberCanSignIn(sql`m`)} as "canSignIn",
      (select count(*) from held where held.member_id = m.id)::int as households,
      (select count(*) from held where held.member_id = m.id and not held.done)::int as open
    from team_members m
    join teams tm on tm.id = m.team_id
    join units tu on tu.id = tm.unit_id
    where (m.left_on is null and ${pathInScope(sql`tu.path`, scope)}) or m.id in (select member_id from held)
    order by tu.path, m.left_on nulls first, m.full_name, m.id`,
  );
  const [counts] = await queryRows<{ unassigned: number }>(
    db,
    sql`
    select count(distinct t.household_id)::int as unassigned
    from campaign_targets t join units u on u.id = t.unit_id
    where ${inScope} and t.assigned_member_id is null`,
  );
  const stranded = members.filter((m) => !m.current || !m.canSignIn).reduce((sum, m) => sum + m.households, 0);
  const which =
    query.memberId === undefined
      ? undefined
      : query.memberId === 'none'
        ? sql`t.assigned_member_id is null`
        : sql`t.assigned_member_id = ${query.memberId}`;
  const households = which
    ? await queryRows<AssignedHousehold>(
        db,
        sql`
        select t.household_id as "householdId", h.address, u.name as "unitName", count(*)::int as people,
          count(t.done_at)::int as done, min(t.assigned_member_id) as "memberId"
        from campaign_targets t
        join units u on u.id = t.unit_id
        join households h on h.id = t.household_id
        where ${inScope} and ${which}
        group by t.household_id, h.address, u.name, u.path
        order by u.path, h.address collate vi_num, t.household_id
        limit 500`,
      )
    : [];
  return { members, unassigned: counts!.unassigned, stranded, households };
}

/**
 * Moves every household a member still has someone to see in (in the caller's units) to another member who can sign
 * in, in one transaction and one audit entry; households already done stay with who did them, for the leaderboard.
 */
export async function moveAll(
  database: Database,
  scope: Scope,
  id: number,
  input: { fromMemberId: number; toMemberId: number },
  actor: Actor,
): Promise<{ moved: number }> {
  const c = await getCampaign(database.db, scope, id, { covering: true });
  return database.db.transaction(async (tx) => {
    await memberWhoSignsIn(tx, scope, input.toMemberId);
    const holders = await holdersOf(tx, c.id);
    const inCampaign = inArray(sql`t.campaign_id`, holders);
    const [r] = await queryRows<{ moved: number }>(
      tx,
      sql`
      with open_households as (
        select t.household_id
        from campaign_targets t join units u on u.id = t.unit_id
        where ${inCampaign} and t.removed_on is null and t.assigned_member_id = ${input.fromMemberId}
          and ${pathInScope(sql`u.path`, scope)}
        group by t.household_id
        having bool_or(t.done_at is null)),
      updated as (
        update campaign_targets t set assigned_member_id = ${input.toMemberId}
        from open_households o
        where ${inCampaign} and t.household_id = o.household_id and t.removed_on is null
          and t.assigned_member_id = ${input.fromMemberId}
        returning t.household_id)
      select count(distinct household_id)::int as moved from updated`,
    );
    await insertAudit(tx, actor, {
      action: 'campaign.reassign',
      entityType: 'campaign',
      entityId: c.id,
      details: { from: input.fromMemberId, to: input.toMemberId, households: r!.moved },
    });
    return r!;
  });
}
